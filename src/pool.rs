//! Work shared out on the rayon pool, with the `parallel` feature, and
//! handed back in order: the JSON Lines reader's pipeline and the
//! streamed analysis's window. Every wait goes through [`wait_for`], so
//! that a caller on a pool thread does not block the pool it waits on.

/// Items (topics) a task of [`in_order_window`] (or a run of [`runs`])
/// takes at most: small items are worked on a run at a time, so that
/// handing out work costs little beside the work.
const RUN_TOPICS: usize = 64;

/// Claims such a task takes at most, unless one item alone has more.
const RUN_CLAIMS: usize = 512;

/// Waits for what a task spawned on the rayon pool sends, or `None` if it
/// ended without sending (it panicked; its scope resumes the panic). On a
/// pool thread (the caller itself inside `ThreadPool::install` or a
/// parallel iterator), pending pool work is done meanwhile: a pool thread
/// that only blocked could wait for a task queued behind it, for ever
/// with a pool of one thread.
pub(crate) fn wait_for<T>(receive: &std::sync::mpsc::Receiver<T>) -> Option<T> {
    use std::sync::mpsc::TryRecvError;
    loop {
        match receive.try_recv() {
            Ok(value) => return Some(value),
            Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) => {}
        }
        match rayon::yield_now() {
            Some(rayon::Yield::Executed) => {}
            // Not a pool thread, or no work queued in the pool: the task
            // is running on another thread, and blocking is safe.
            None | Some(rayon::Yield::Idle) => return receive.recv().ok(),
        }
    }
}

/// Works on `items` on all cores, a run of consecutive items per task,
/// and hands each result to `take` in item order. A task is started while
/// the claims of the tasks in flight, besides the oldest's, stay within
/// `window`, or when at most one task is in flight; `take` waits for the
/// oldest. An error from `take` stops the work: the tasks in flight
/// finish, and their results are dropped.
pub(crate) fn in_order_window<I: Sync, R: Send, E>(
    items: &[I],
    claims: impl Fn(&I) -> usize + Sync,
    window: usize,
    work: impl Fn(&I) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    use std::collections::VecDeque;
    use std::sync::mpsc::{Receiver, sync_channel};
    let work = &work;
    rayon::in_place_scope(|scope| {
        let mut waiting: VecDeque<(Receiver<Vec<R>>, usize)> = VecDeque::new();
        // Claims of the tasks in flight.
        let mut held = 0;
        let mut pending = runs(items, &claims).into_iter().peekable();
        loop {
            let next = pending
                .peek()
                .map(|&chunk| (chunk, chunk.iter().map(&claims).sum::<usize>()));
            let oldest = waiting.front().map_or(0, |(_, n)| *n);
            if let Some((chunk, chunk_claims)) = next
                && (waiting.len() <= 1 || held - oldest + chunk_claims <= window)
            {
                pending.next();
                let (send, receive) = sync_channel(1);
                scope.spawn(move |_| {
                    // The receiver is gone only if `take` failed.
                    let _ = send.send(chunk.iter().map(work).collect());
                });
                waiting.push_back((receive, chunk_claims));
                held += chunk_claims;
                continue;
            }
            let Some((receive, n)) = waiting.pop_front() else {
                return Ok(());
            };
            held -= n;
            // A task that panicked sends nothing; the scope resumes its
            // panic when it ends.
            let Some(results) = wait_for(&receive) else {
                return Ok(());
            };
            for result in results {
                take(result)?;
            }
        }
    })
}

/// `items` cut, in order, into the runs [`in_order_window`] hands out: at
/// most [`RUN_TOPICS`] items and [`RUN_CLAIMS`] claims each, or one item
/// with more claims alone.
pub(crate) fn runs<I>(items: &[I], claims: impl Fn(&I) -> usize) -> Vec<&[I]> {
    let mut runs = Vec::new();
    let mut rest = items;
    while !rest.is_empty() {
        let (run, after) = rest.split_at(batch_len(rest, RUN_TOPICS, RUN_CLAIMS, &claims));
        runs.push(run);
        rest = after;
    }
    runs
}

/// How many of the first `items` make the next batch: at most
/// `max_items`, and as many as fit in `max_claims` claims counted by
/// `claims`, but at least one.
pub(crate) fn batch_len<T>(
    items: &[T],
    max_items: usize,
    max_claims: usize,
    claims: impl Fn(&T) -> usize,
) -> usize {
    let mut total = 0;
    items
        .iter()
        .take(max_items)
        .take_while(|item| {
            total += claims(item);
            total <= max_claims
        })
        .count()
        .max(1)
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, Corpus, Policy, StreamReader};
    use std::time::Duration;

    /// Runs keep every item once, in order, and stay within their limits
    /// unless one item alone is larger.
    #[test]
    fn runs_cover_the_items_within_their_limits() {
        let sizes: Vec<usize> = (0..500).map(|i| [1, 3, 700, 40, 2][i % 5]).collect();
        let runs = super::runs(&sizes, |&n| n);
        assert_eq!(runs.concat(), sizes);
        for run in &runs {
            let claims: usize = run.iter().sum();
            assert!(run.len() <= super::RUN_TOPICS);
            assert!(claims <= super::RUN_CLAIMS || run.len() == 1, "{run:?}");
        }
        assert!(runs.iter().any(|run| run == &[700]));
        assert!(super::runs(&[] as &[usize], |&n| n).is_empty());
    }

    /// Reading a stream and streaming a report wait for tasks they spawn
    /// on the pool. Called from a pool thread, in a pool of one thread,
    /// they must do that work themselves rather than block on it.
    #[test]
    fn streaming_inside_a_one_thread_pool_finishes() {
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .build()
                .expect("a pool of one thread");
            let outcome = pool.install(|| {
                let root = env!("CARGO_MANIFEST_DIR");
                let corpus = Corpus::from_path(format!("{root}/data")).expect("the bundled corpus");
                let policy = Policy::default();
                let mut written = Vec::new();
                Analyzer::new(&corpus, &policy)
                    .write_jsonl(&mut written)
                    .expect("writing to memory");
                let read = StreamReader::new()
                    .read_jsonl_path(format!("{root}/tests/data/stream/claims.jsonl"))
                    .expect("the stream test file");
                (written.len(), read.claims().len())
            });
            let _ = send.send(outcome);
        });
        let (written, read) = receive
            .recv_timeout(Duration::from_secs(120))
            .expect("streaming inside a one-thread pool did not finish (deadlock)");
        assert!(written > 1000, "{written} bytes");
        assert!(read > 0);
    }
}

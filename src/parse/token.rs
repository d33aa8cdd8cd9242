//! The tokenizer: one linear pass that cuts text into words, numbers and
//! single punctuation characters, with byte spans.
//!
//! | type | what it is |
//! |---|---|
//! | [`Tokens`] | the tokens of a text, with its ASCII-lower-cased copy |
//! | [`Token`] | one token: byte span, kind, whether space or a line break precedes it |
//!
//! Words are runs of letters, joined across an apostrophe or a hyphen
//! between letters ("ISIS-K", "twenty-one", "mid-August", "Taliban’s"), and
//! dotted abbreviations of single letters ("U.S.", "p.m."). Numbers are
//! runs of ASCII digits with thousands separators (a comma followed by
//! exactly three digits, or, as SI and French typography group digits, a
//! no-break, narrow no-break or thin space followed by exactly three:
//! "1 500", [`group_space_len`]) and one decimal point followed by a
//! digit. Every other character that is not white space is a token of
//! its own.
//!
//! **Invariant:** every span lies on char boundaries, because every cut is
//! made at a char boundary found by `char_indices`.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// Letters, possibly joined by apostrophes, hyphens or abbreviation dots.
    Word,
    /// Digits with optional separators.
    Number {
        /// The value.
        value: f64,
        /// The count of digits before the decimal point.
        digits: u8,
        /// True when a thousands separator was present ("1,500").
        grouped: bool,
        /// True when a decimal point was present ("1.2").
        decimal: bool,
    },
    /// Any other character.
    Punct(char),
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// True when white space separates this token from the previous one.
    pub(crate) space_before: bool,
    /// True when a line break separates this token from the previous one.
    pub(crate) break_before: bool,
}

/// The tokens of a text.
pub(crate) struct Tokens<'t> {
    pub(crate) text: &'t str,
    lower: String,
    pub(crate) tokens: Vec<Token>,
}

/// A character the tokenizer gives a token of its own: neither a letter,
/// a digit nor white space.
pub(crate) fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// The length in bytes of a space that groups digits at the start of
/// `bytes`: U+00A0 (no-break), U+202F (narrow no-break) or U+2009 (thin
/// space). Typesetting puts these, never a plain space, between groups
/// of three digits ("1 500 morts", "1 500 dead"), and never between two
/// numbers, so they join the groups into one number; a plain space
/// ("1 500") does not, since two numbers side by side are written so
/// too, and a whole value written with one is refused as two numbers.
fn group_space_len(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [0xC2, 0xA0, ..] => Some(2),
        [0xE2, 0x80, 0xAF | 0x89, ..] => Some(3),
        _ => None,
    }
}

impl<'t> Tokens<'t> {
    /// Cuts `text` into tokens in one pass.
    pub(crate) fn new(text: &'t str) -> Tokens<'t> {
        let bytes = text.as_bytes();
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let mut chars = text.char_indices().peekable();
        let mut space_before = true;
        let mut break_before = true;
        // The char at a byte offset, if any (offsets given here are always
        // char boundaries).
        let char_at = |at: usize| text.get(at..).and_then(|rest| rest.chars().next());
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                space_before = true;
                if c == '\n' || c == '\r' {
                    break_before = true;
                }
                continue;
            }
            let mut end = start + c.len_utf8();
            let kind = if c.is_alphabetic() {
                // A word: letters, joined across apostrophes and hyphens
                // followed by a letter.
                loop {
                    match chars.peek() {
                        Some(&(_, next)) if next.is_alphabetic() => {
                            end += next.len_utf8();
                            chars.next();
                        }
                        Some(&(at, next)) if is_apostrophe(next) || is_hyphen(next) => {
                            match char_at(at + next.len_utf8()) {
                                Some(after) if after.is_alphabetic() => {
                                    end = at + next.len_utf8();
                                    chars.next();
                                }
                                _ => break,
                            }
                        }
                        Some(&(at, '.')) if end - start <= 2 || text[start..end].contains('.') => {
                            // "U.S.", "p.m.": single letters with dots.
                            let last_letter_single = text[start..end]
                                .rsplit('.')
                                .next()
                                .is_some_and(|part| part.chars().count() == 1);
                            if !last_letter_single {
                                break;
                            }
                            match char_at(at + 1) {
                                Some(after) if after.is_alphabetic() => {
                                    // Only if the letter after stands alone.
                                    let after_end = at + 1 + after.len_utf8();
                                    match char_at(after_end) {
                                        Some(n) if n.is_alphabetic() => break,
                                        _ => {
                                            end = after_end;
                                            chars.next();
                                            chars.next();
                                        }
                                    }
                                }
                                _ if text[start..end].contains('.') => {
                                    // The final dot of "U.S.".
                                    end = at + 1;
                                    chars.next();
                                    break;
                                }
                                _ => break,
                            }
                        }
                        _ => break,
                    }
                }
                Kind::Word
            } else if c.is_ascii_digit() {
                let mut value: f64 = f64::from(c as u8 - b'0');
                let mut digits: u8 = 1;
                let mut grouped = false;
                // Grouped by spaces rather than commas: the two are not
                // mixed in one number.
                let mut space_grouped = false;
                let mut decimal = false;
                let mut scale = 0.1;
                let mut at = end;
                loop {
                    match bytes.get(at) {
                        Some(b) if b.is_ascii_digit() => {
                            if decimal {
                                value += f64::from(b - b'0') * scale;
                                scale /= 10.0;
                            } else {
                                value = value * 10.0 + f64::from(b - b'0');
                                digits = digits.saturating_add(1);
                            }
                            at += 1;
                        }
                        Some(b',')
                            if !decimal
                                && !space_grouped
                                && bytes
                                    .get(at + 1..at + 4)
                                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                                && !bytes.get(at + 4).is_some_and(u8::is_ascii_digit) =>
                        {
                            grouped = true;
                            at += 1;
                        }
                        // "1 500": groups of three after a first group of
                        // at most three digits.
                        Some(_)
                            if !decimal
                                && (space_grouped || !grouped && digits <= 3)
                                && let Some(space) = group_space_len(&bytes[at..])
                                && bytes
                                    .get(at + space..at + space + 3)
                                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                                && !bytes.get(at + space + 3).is_some_and(u8::is_ascii_digit) =>
                        {
                            grouped = true;
                            space_grouped = true;
                            at += space;
                        }
                        Some(b'.')
                            if !decimal && bytes.get(at + 1).is_some_and(u8::is_ascii_digit) =>
                        {
                            decimal = true;
                            at += 1;
                        }
                        _ => break,
                    }
                }
                // Skip the chars consumed (ASCII, and the group spaces,
                // whose ends are char boundaries).
                while chars.peek().is_some_and(|&(i, _)| i < at) {
                    chars.next();
                }
                end = at;
                Kind::Number {
                    value,
                    digits,
                    grouped,
                    decimal,
                }
            } else {
                Kind::Punct(c)
            };
            tokens.push(Token {
                start,
                end,
                kind,
                space_before,
                break_before,
            });
            space_before = false;
            break_before = false;
        }
        Tokens {
            text,
            lower: text.to_ascii_lowercase(),
            tokens,
        }
    }

    /// The count of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token at `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The text of token `i` with ASCII letters in lower case, whatever
    /// its kind.
    pub(crate) fn lower_raw(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => self.lower.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    /// The original text of token `i`.
    pub(crate) fn raw(&self, i: usize) -> &'t str {
        match self.tokens.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    /// The original text of tokens `from..to`, with what lies between them.
    pub(crate) fn raw_span(&self, from: usize, to: usize) -> &'t str {
        self.text.get(self.span(from, to)).unwrap_or("")
    }

    /// The lower-cased text of word `i`, or `None` when it is not a word.
    pub(crate) fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        match t.kind {
            Kind::Word => self.lower.get(t.start..t.end),
            _ => None,
        }
    }

    /// True when token `i` is the word `w` (lower case), in any case.
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// The punctuation char of token `i`.
    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// True when token `i` follows token `i - 1` with no space between.
    pub(crate) fn joined(&self, i: usize) -> bool {
        i > 0 && self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// True when a line break precedes token `i`.
    pub(crate) fn breaks(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.break_before)
    }

    /// The number token at `i`.
    pub(crate) fn number(&self, i: usize) -> Option<(f64, u8, bool, bool)> {
        match self.tokens.get(i)?.kind {
            Kind::Number {
                value,
                digits,
                grouped,
                decimal,
            } => Some((value, digits, grouped, decimal)),
            _ => None,
        }
    }

    /// Matches the words of `phrase` (lower case, single spaces) from token
    /// `i`, on one line; a word ending in "." also takes a following "."
    /// token, and a part made of symbols ("~", "≈") matches those symbols'
    /// tokens, written together. Returns the index after the phrase.
    pub(crate) fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        // Most phrases tried fail at their first word: told apart by
        // comparing bytes, before the phrase is split.
        let bytes = phrase.as_bytes();
        if bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
            let rest = bytes.strip_prefix(self.word(i)?.as_bytes())?;
            if !matches!(rest.first(), None | Some(b' ' | b'.')) {
                return None;
            }
        }
        let mut at = i;
        for (n, part) in phrase.split(' ').enumerate() {
            if n > 0 && self.breaks(at) {
                return None;
            }
            // Most parts are words: their first byte is a letter.
            if part
                .as_bytes()
                .first()
                .is_some_and(|b| !b.is_ascii_alphanumeric())
                && part.chars().all(is_symbol)
            {
                for (k, c) in part.chars().enumerate() {
                    if self.punct(at) != Some(c) || k > 0 && !self.joined(at) {
                        return None;
                    }
                    at += 1;
                }
                continue;
            }
            let (stem, dot) = match part.strip_suffix('.') {
                Some(stem) => (stem, true),
                None => (part, false),
            };
            if self.word(at)? != stem {
                return None;
            }
            at += 1;
            if dot {
                if self.punct(at) == Some('.') && self.joined(at) {
                    at += 1;
                } else {
                    return None;
                }
            }
        }
        Some(at)
    }

    /// The byte span of tokens `from..to`.
    pub(crate) fn span(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let start = self.tokens.get(from).map_or(self.text.len(), |t| t.start);
        let end = match to.checked_sub(1).and_then(|last| self.tokens.get(last)) {
            Some(t) if to > from => t.end,
            _ => start,
        };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raws(text: &str) -> Vec<&str> {
        let tokens = Tokens::new(text);
        (0..tokens.len()).map(|i| tokens.raw(i)).collect()
    }

    #[test]
    fn cuts_words_numbers_and_punctuation() {
        assert_eq!(
            raws("12 U.S. service-members, ISIS-K’s 1,500.5 GBU-43 04:11 p.m. Aug. 31"),
            [
                "12",
                "U.S.",
                "service-members",
                ",",
                "ISIS-K’s",
                "1,500.5",
                "GBU",
                "-",
                "43",
                "04",
                ":",
                "11",
                "p.m.",
                "Aug",
                ".",
                "31"
            ]
        );
        assert_eq!(raws("1,50 1,5000"), ["1", ",", "50", "1", ",", "5000"]);
        // Digits grouped by no-break, narrow no-break and thin spaces, in
        // groups of three only, and not mixed with commas.
        assert_eq!(
            raws("1\u{a0}500 2\u{202f}000\u{202f}000 3\u{2009}000.5"),
            ["1\u{a0}500", "2\u{202f}000\u{202f}000", "3\u{2009}000.5"]
        );
        assert_eq!(
            raws("1\u{a0}50 1234\u{a0}567 1,500\u{a0}000 1 500"),
            ["1", "50", "1234", "567", "1,500", "000", "1", "500"]
        );
        assert_eq!(raws("“It’s” — “x”"), ["“", "It’s", "”", "—", "“", "x", "”"]);
        assert_eq!(raws("A. B"), ["A", ".", "B"]);
    }
}

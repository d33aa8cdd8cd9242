//! Vocabulary::from_json_str on arbitrary text: Ok or Err, never a panic.
#![no_main]

use corroborate::{Amount, Quantity, Vocabulary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(vocabulary) = Vocabulary::from_json_str(text) {
        // A vocabulary that loads can be used: code every phrase it defines.
        let phrases: Vec<String> = vocabulary.vague_phrases().map(str::to_string).collect();
        for phrase in phrases {
            if let Ok(quantity) = Quantity::new(Amount::Vague { phrase }) {
                let _ = vocabulary.code(&quantity);
                let _ = quantity.interval(&vocabulary);
            }
        }
        let _ = vocabulary.to_json_string();
    }
});

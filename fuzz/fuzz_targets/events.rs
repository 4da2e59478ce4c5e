//! Any bytes as a text capture's articles through the event coder: nothing may panic or hang.

#![no_main]

use dateline_core::{Capture, Media, Sidecar, extract};
use dateline_events::Extractor;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let ex = EXTRACTOR.get_or_init(|| Extractor::load_default().expect("the lexicon loads"));
    let Ok(capture) = Capture::from_bytes(Path::new("fuzz.txt"), data, Media::Text, Sidecar::default())
    else {
        return;
    };
    if let Ok(x) = extract::extract(&capture) {
        for article in &x.articles {
            let _ = ex.mentions(article);
        }
    }
});

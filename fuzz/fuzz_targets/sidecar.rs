//! Any bytes as a sidecar: parsed, or refused with a reason, never a panic.

#![no_main]

use dateline_core::{Capture, Media, capture};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(sidecar) = capture::parse_sidecar(text) {
        let _ = Capture::from_bytes(Path::new("fuzz.txt"), b"Title\n\nBody.\n", Media::Text, sidecar);
    }
});

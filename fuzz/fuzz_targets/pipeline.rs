//! Any bytes, through every step a capture takes: nothing may panic, hang or overflow the stack.

#![no_main]

use dateline_core::{Capture, Media, ParseContext, Sidecar, decode, extract, html};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = decode::decode(data, None, true, None);
    let _ = html::parse(&String::from_utf8_lossy(data));
    let adapters = dateline_adapters::linked();
    for media in [Media::Text, Media::Html] {
        let Ok(capture) = Capture::from_bytes(Path::new("fuzz"), data, media, Sidecar::default())
        else {
            continue;
        };
        let page = extract::page_of(&capture);
        let ctx = ParseContext { capture: &capture };
        for adapter in &adapters {
            let _ = adapter.detect(&page);
            let _ = adapter.parse(&page, &ctx);
        }
        let _ = extract::extract(&capture);
    }
});

//! Any bytes as a WARC (plain or gzipped) or a WACZ: every record accounted for, never a panic,
//! a hang or an allocation beyond the record limit.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir();
    for ext in ["warc.gz", "wacz"] {
        let path = dir.join(format!("dateline-fuzz-{}.{ext}", std::process::id()));
        if std::fs::write(&path, data).is_err() {
            return;
        }
        if let Ok(entries) = dateline_archive::open(&path) {
            for _ in entries.take(10_000) {}
        }
        let _ = std::fs::remove_file(&path);
    }
});

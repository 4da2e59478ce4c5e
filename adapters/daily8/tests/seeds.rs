//! Detection against the real sample captures: the gold annotation says which site each page comes
//! from, and only the Daily8 pages may be claimed — from the layout alone, without a URL.

use dateline_adapter_daily8::Daily8;
use dateline_core::adapter::MIN_SCORE;
use dateline_core::{Adapter, Page};
use std::path::Path;

#[test]
fn claims_exactly_the_daily8_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("samples/gold/seeds.json")).expect("gold file"),
    )
    .expect("gold is JSON");
    let captures = gold["captures"].as_array().expect("captures list");
    let mut daily8_pages = 0;
    for capture in captures {
        let file = capture["file"].as_str().expect("file name");
        let text = std::fs::read_to_string(root.join("samples/seeds").join(file)).expect("seed");
        let is_daily8 = capture["host_domain"].as_str() == Some("daily8.com");
        let detection = Daily8.detect(&Page::from_text(&text));
        eprintln!("{file}: {} ({})", detection.score, detection.reason);
        assert_eq!(
            detection.score >= MIN_SCORE,
            is_daily8,
            "{file}: score {} ({})",
            detection.score,
            detection.reason
        );
        daily8_pages += usize::from(is_daily8);
    }
    assert!(daily8_pages >= 2, "the gold lists Daily8 pages");
}

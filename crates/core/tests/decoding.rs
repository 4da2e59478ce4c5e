//! Captures in the encodings analysts actually save: each must come out as the same text.

use dateline_core::Capture;
use dateline_core::capture::Media;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/encoding")
        .join(name)
}

fn load(name: &str) -> Capture {
    Capture::load(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const EN_FIRST: &str = "ISIS no longer a threat: Iraqi PM tells coalition commander";
const EN_LAST: &str = "Mohammed Shia’ al-Sudani reiterated that “ISIS no longer poses a threat.”";

#[test]
fn unicode_with_bom_and_any_line_ending_give_the_same_text() {
    let reference = load("crlf.txt");
    assert!(reference.text.starts_with(EN_FIRST));
    assert!(reference.text.contains(EN_LAST));
    assert!(!reference.text.contains('\r'));
    for (name, encoding) in [
        ("utf8-bom.txt", "UTF-8"),
        ("utf16le-bom.txt", "UTF-16LE"),
        ("utf16be-bom.txt", "UTF-16BE"),
        ("crlf.txt", "UTF-8"),
        ("lone-cr.txt", "UTF-8"),
    ] {
        let c = load(name);
        assert_eq!(c.encoding, encoding, "{name}");
        assert_eq!(c.text, reference.text, "{name} decodes to other text");
        assert!(!c.text.starts_with('\u{feff}'), "{name}: BOM left in text");
        assert!(!c.replaced, "{name}: replacement characters");
    }
}

#[test]
fn windows_1256_without_declaration_is_recognised() {
    let c = load("windows-1256.txt");
    assert_eq!(c.encoding, "windows-1256");
    assert!(c.text.contains("محمد شياع السوداني"), "{}", c.text);
    assert!(c.text.starts_with("السوداني يستقبل قائد التحالف الدولي\n"));
    assert!(!c.text.contains('\r'));
}

#[test]
fn windows_1256_declared_in_meta_is_used() {
    let c = load("windows-1256-meta.html");
    assert_eq!(c.media, Media::Html);
    assert_eq!(c.encoding, "windows-1256");
    assert_eq!(
        c.encoding_source,
        dateline_core::decode::EncodingSource::MetaCharset
    );
    assert!(c.text.contains("محمد شياع السوداني"));
}

#[test]
fn a_sidecar_charset_wins_over_a_guess() {
    let bytes = std::fs::read(fixture("windows-1256.txt")).expect("fixture");
    let sidecar = dateline_core::Sidecar {
        charset: Some("windows-1256".into()),
        ..Default::default()
    };
    let c = Capture::from_bytes(Path::new("x.txt"), &bytes, Media::Text, sidecar).expect("decodes");
    assert_eq!(
        c.encoding_source,
        dateline_core::decode::EncodingSource::Sidecar
    );
    assert!(c.text.contains("السوداني"));
}

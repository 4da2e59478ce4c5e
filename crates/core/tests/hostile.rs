//! Hostile and unlucky input: files that are not files, pages with a stray NUL, UTF-16 without a
//! BOM, almost-UTF-8 and sidecars with values that cannot be used. Each is read or rejected with a
//! reason, never read without limit and never silently garbled.

use dateline_core::capture::{Media, Sidecar};
use dateline_core::decode::EncodingSource;
use dateline_core::{Capture, CaptureError};
use std::path::{Path, PathBuf};

/// An empty folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-core-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const PAGE: &str = "<!doctype html><html><head><title>Basra bridge opens</title></head><body>\
<h1>Basra bridge opens</h1><p>The ministry said on Monday that the new bridge over the Shatt \
al-Arab would open to traffic next week, after four years of work.</p>\
<p>Engineers inspected the structure on Sunday.</p></body></html>";

#[cfg(unix)]
#[test]
fn a_symlink_to_a_device_is_rejected_without_reading_it() {
    let dir = scratch("device");
    let link = dir.join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
    let err = Capture::load(&link).expect_err("a device is not a capture");
    assert!(
        matches!(
            err,
            CaptureError::NotRegular {
                kind: "a device",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("zero.txt"), "{err}");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_socket_capture_or_sidecar_is_rejected() {
    let dir = scratch("socket");
    let socket = dir.join("s.html");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    let err = Capture::load(&socket).expect_err("a socket is not a capture");
    assert!(err.to_string().contains("a socket"), "{err}");

    std::fs::write(dir.join("page.html"), PAGE).expect("write");
    let _sidecar = std::os::unix::net::UnixListener::bind(dir.join("page.toml")).expect("bind");
    let err = Capture::load(&dir.join("page.html")).expect_err("a socket is not a sidecar");
    assert!(
        matches!(err, CaptureError::Sidecar { .. }),
        "the sidecar is named: {err}"
    );
    assert!(err.to_string().contains("page.toml"), "{err}");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_named_like_a_capture_is_rejected() {
    let dir = scratch("folder");
    let folder = dir.join("odd.html");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let err = Capture::load(&folder).expect_err("a folder is not a capture");
    assert!(err.to_string().contains("a folder"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn html(bytes: &[u8]) -> Result<Capture, CaptureError> {
    Capture::from_bytes(Path::new("x.html"), bytes, Media::Html, Sidecar::default())
}

#[test]
fn one_stray_nul_does_not_make_a_page_binary() {
    let mut bytes = PAGE.as_bytes().to_vec();
    let at = PAGE.find("the new bridge").expect("in page");
    bytes.insert(at, 0);
    let c = html(&bytes).expect("a page with one NUL is a page");
    assert!(c.text.contains("the new bridge"), "{}", c.text);
    assert!(!c.text.contains('\0'));
    assert!(
        c.warnings.iter().any(|w| w.contains("NUL")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn mostly_control_bytes_are_still_binary() {
    let mut bytes = b"<p>x</p>".to_vec();
    bytes.extend((0..2048u32).map(|i| (i % 8) as u8));
    let err = html(&bytes).expect_err("binary");
    assert!(err.to_string().contains("binary data"), "{err}");
}

#[test]
fn utf16_html_without_bom_is_decoded() {
    for (bytes, name) in [
        (
            PAGE.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            "UTF-16LE",
        ),
        (
            PAGE.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            "UTF-16BE",
        ),
    ] {
        let c = html(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(c.encoding, name);
        assert_eq!(c.encoding_source, EncodingSource::Utf16Pattern);
        assert_eq!(c.text, PAGE);
    }
}

#[test]
fn almost_utf8_stays_utf8_with_a_warning_naming_the_offsets() {
    let mut bytes = "Baghdad’s bridge opens\n\nThe ministry said on Monday that the bridge…"
        .as_bytes()
        .to_vec();
    let end = bytes.len();
    bytes.push(0xC0);
    let c = Capture::from_bytes(Path::new("x.txt"), &bytes, Media::Text, Sidecar::default())
        .expect("read");
    assert_eq!(c.encoding, "UTF-8");
    assert!(c.text.starts_with("Baghdad’s bridge opens"), "{}", c.text);
    assert!(c.replaced);
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    assert!(
        c.warnings[0].contains(&format!("at byte offset {end}")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn sidecar_charset_and_url_must_be_usable() {
    let load = |sidecar: Sidecar| {
        Capture::from_bytes(
            Path::new("a.txt"),
            b"A headline\n\nA body paragraph.",
            Media::Text,
            sidecar,
        )
    };
    let err = load(Sidecar {
        charset: Some("nonsense".into()),
        ..Default::default()
    })
    .expect_err("unknown charset");
    assert!(err.to_string().contains("a.toml"), "{err}");
    assert!(err.to_string().contains("charset \"nonsense\""), "{err}");
    let err = load(Sidecar {
        url: Some("not a url".into()),
        ..Default::default()
    })
    .expect_err("not a url");
    assert!(err.to_string().contains("url \"not a url\""), "{err}");
    let ok = load(Sidecar {
        url: Some("https://www.rudaw.net/english/middleeast/iraq/250720251".into()),
        charset: Some(" Windows-1256 ".into()),
        ..Default::default()
    })
    .expect("a real url and label");
    assert_eq!(ok.host().as_deref(), Some("rudaw.net"));
}

#[test]
fn a_warning_lists_the_first_offsets_and_counts_the_rest() {
    let mut bytes = Vec::new();
    for _ in 0..40 {
        bytes.extend_from_slice("Baghdad’s “bridge” opens. ".as_bytes());
        bytes.push(0xFF);
    }
    let c = Capture::from_bytes(Path::new("x.txt"), &bytes, Media::Text, Sidecar::default())
        .expect("read");
    assert_eq!(c.encoding, "UTF-8");
    let w = &c.warnings[0];
    assert!(w.contains("with 40 invalid sequences"), "{w}");
    assert!(w.contains("at byte offsets 32, 65,"), "{w}");
    assert!(w.ends_with(" and 30 more"), "{w}");
}

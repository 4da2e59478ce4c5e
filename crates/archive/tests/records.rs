//! WARC and WACZ files written byte by byte here, read back: every record accounted for as a
//! page, a skipped record or a rejection with its offset, and damage never costs the next record.

use dateline_archive::{Entry, open};
use dateline_core::Media;
use std::io::Write;
use std::path::Path;

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8], extra: &str) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-07-26T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\n{extra}Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut b = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    b.extend_from_slice(body);
    b
}

const PAGE: &[u8] = b"<!doctype html><html><head><title>Raid near Kirkuk</title></head><body><p>Iraqi forces killed two militants.</p></body></html>";

fn response(uri: &str, body: &[u8]) -> Vec<u8> {
    record(
        "response",
        uri,
        "application/http; msgtype=response",
        &http("text/html; charset=utf-8", body),
        "WARC-Payload-Digest: sha1:PAGE\r\n",
    )
}

/// warcinfo, a page, its request, an image, a text resource, a redirect, a crawler's own log.
fn records() -> Vec<Vec<u8>> {
    vec![
        record(
            "warcinfo",
            "urn:x",
            "application/warc-fields",
            b"software: test\r\n",
            "",
        ),
        response("https://www.rudaw.net/english/a", PAGE),
        record(
            "request",
            "https://www.rudaw.net/english/a",
            "application/http; msgtype=request",
            b"GET /english/a HTTP/1.1\r\n\r\n",
            "",
        ),
        record(
            "response",
            "https://www.rudaw.net/logo.png",
            "application/http; msgtype=response",
            &http("image/png", b"\x89PNG...."),
            "",
        ),
        record(
            "resource",
            "https://example.org/notes.txt",
            "text/plain",
            b"Notes\n\nThe ministry said on Monday that the bridge opens.\n",
            "",
        ),
        record(
            "response",
            "https://www.rudaw.net/old",
            "application/http; msgtype=response",
            b"HTTP/1.1 301 Moved\r\nLocation: /english/a\r\n\r\n",
            "",
        ),
        record(
            "resource",
            "metadata://gnu.org/software/wget/warc/wget.log",
            "text/plain",
            b"Opening WARC file today.warc.gz.\n\nConnecting to 127.0.0.1:8765... connected.\n",
            "",
        ),
    ]
}

/// Where each of these byte strings starts when they are written one after another.
fn offsets<T: AsRef<[u8]>>(parts: &[T]) -> Vec<usize> {
    parts
        .iter()
        .scan(0, |at, p| {
            let o = *at;
            *at += p.as_ref().len();
            Some(o)
        })
        .collect()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// (pages as (name, url, media), skipped kinds sorted, rejections as (name, reason)).
type Read = (
    Vec<(String, String, Media)>,
    Vec<String>,
    Vec<(String, String)>,
);

fn read(path: &Path) -> Read {
    let (mut pages, mut skipped, mut rejected) = (Vec::new(), Vec::new(), Vec::new());
    for e in open(path).unwrap() {
        match e {
            Entry::Page(r) => pages.push((
                r.path.file_name().unwrap().to_string_lossy().into_owned(),
                r.sidecar.url.unwrap_or_default(),
                r.media,
            )),
            Entry::Skipped { kind } => skipped.push(kind),
            Entry::Rejected { path, reason } => rejected.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                reason,
            )),
        }
    }
    skipped.sort();
    (pages, skipped, rejected)
}

fn expected_skips() -> Vec<String> {
    let mut s = vec![
        "HTTP 301 responses".to_owned(),
        "image/png payloads".into(),
        "request records".into(),
        "resource records of metadata: URIs".into(),
        "warcinfo records".into(),
    ];
    s.sort();
    s
}

#[test]
fn plain_per_record_gzip_and_whole_file_gzip_give_the_same_pages() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let plain: Vec<u8> = recs.concat();
    let per_record: Vec<u8> = recs.iter().flat_map(|r| gz(r)).collect();
    let whole = gz(&plain);
    let offsets_plain: Vec<usize> = offsets(&recs);
    let offsets_gz: Vec<usize> = offsets(&recs.iter().map(|r| gz(r)).collect::<Vec<_>>());

    let (pages, skipped, rejected) = read(&write(dir.path(), "a.warc", &plain));
    assert!(rejected.is_empty(), "{rejected:?}");
    assert_eq!(skipped, expected_skips());
    assert_eq!(
        pages,
        vec![
            (
                format!("a.warc#{}", offsets_plain[1]),
                "https://www.rudaw.net/english/a".to_owned(),
                Media::Html
            ),
            (
                format!("a.warc#{}", offsets_plain[4]),
                "https://example.org/notes.txt".to_owned(),
                Media::Text
            ),
        ]
    );

    let (pages, skipped, rejected) = read(&write(dir.path(), "b.warc.gz", &per_record));
    assert!(rejected.is_empty(), "{rejected:?}");
    assert_eq!(skipped, expected_skips());
    assert_eq!(pages[0].0, format!("b.warc.gz#{}", offsets_gz[1]));
    assert_eq!(pages[1].0, format!("b.warc.gz#{}", offsets_gz[4]));

    let (pages, skipped, rejected) = read(&write(dir.path(), "c.warc.gz", &whole));
    assert!(rejected.is_empty(), "{rejected:?}");
    assert_eq!(skipped, expected_skips());
    assert_eq!(pages[0].0, format!("c.warc.gz#0+{}", offsets_plain[1]));
}

#[test]
fn the_payload_url_time_and_charset_are_what_a_sidecar_would_give() {
    let dir = tempfile::tempdir().unwrap();
    let mut entries = open(&write(dir.path(), "a.warc", &records().concat())).unwrap();
    let page = entries
        .find_map(|e| match e {
            Entry::Page(r) => Some(r),
            _ => None,
        })
        .unwrap();
    assert_eq!(page.payload, PAGE);
    assert_eq!(
        page.sidecar.url.as_deref(),
        Some("https://www.rudaw.net/english/a")
    );
    assert_eq!(
        page.sidecar.captured_at.as_deref(),
        Some("2025-07-26T09:00:00Z")
    );
    assert_eq!(page.sidecar.charset.as_deref(), Some("utf-8"));
}

#[test]
fn a_truncated_member_a_bad_header_and_lying_lengths_cost_only_their_record() {
    let dir = tempfile::tempdir().unwrap();
    let good = |n: usize| response(&format!("https://www.rudaw.net/english/{n}"), PAGE);
    let mut lying_long = good(2);
    // Content-Length 40 bytes longer than the block: the record runs into the next one.
    let at = lying_long
        .windows(16)
        .position(|w| w == b"Content-Length: ")
        .unwrap();
    let end = at + lying_long[at..].iter().position(|&b| b == b'\r').unwrap();
    let n: usize = std::str::from_utf8(&lying_long[at + 16..end])
        .unwrap()
        .parse()
        .unwrap();
    lying_long.splice(at + 16..end, (n + 40).to_string().bytes());
    let mut lying_short = good(3);
    lying_short.splice(at + 16..end, (n - 40).to_string().bytes());
    let bad_header =
        b"WARC/1.1\r\nWARC-Type response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n".to_vec();

    // Per-record gzip: a member cut in half, then the damaged records, then a good one.
    let first = gz(&good(1));
    let cut = gz(&good(9));
    let members = [
        first.clone(),
        cut[..cut.len() / 2].to_vec(),
        gz(&bad_header),
        gz(&lying_long),
        gz(&lying_short),
        gz(&good(4)),
    ];
    let at: Vec<usize> = offsets(&members);
    let (pages, _, rejected) = read(&write(dir.path(), "d.warc.gz", &members.concat()));
    let urls: Vec<&str> = pages.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://www.rudaw.net/english/1",
            "https://www.rudaw.net/english/4"
        ]
    );
    let names: Vec<String> = rejected.iter().map(|r| r.0.clone()).collect();
    assert_eq!(
        names,
        (1..5)
            .map(|i| format!("d.warc.gz#{}", at[i]))
            .collect::<Vec<_>>(),
        "{rejected:?}"
    );
    assert!(
        rejected[0].1.contains("truncated or corrupt"),
        "{rejected:?}"
    );
    assert!(rejected[1].1.contains("without a colon"), "{rejected:?}");
    assert!(rejected[2].1.contains("only"), "{rejected:?}");
    assert!(
        rejected[3].1.contains("does not end where the record does"),
        "{rejected:?}"
    );

    // Plain: the same damage, and reading resumes at the next version line.
    let plain = [good(1), bad_header, lying_long, lying_short, good(4)];
    let at: Vec<usize> = offsets(&plain);
    let (pages, _, rejected) = read(&write(dir.path(), "e.warc", &plain.concat()));
    let urls: Vec<&str> = pages.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://www.rudaw.net/english/1",
            "https://www.rudaw.net/english/4"
        ],
        "{rejected:?}"
    );
    let names: Vec<String> = rejected.iter().map(|r| r.0.clone()).collect();
    assert_eq!(
        names,
        (1..4)
            .map(|i| format!("e.warc#{}", at[i]))
            .collect::<Vec<_>>(),
        "{rejected:?}"
    );
}

#[test]
fn a_revisit_is_its_original_page_at_its_own_url_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let revisit = record(
        "revisit",
        "https://www.rudaw.net/english/a?again",
        "application/http; msgtype=response",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
        "WARC-Payload-Digest: sha1:PAGE\r\nWARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n",
    );
    let orphan = record(
        "revisit",
        "https://x.org/",
        "application/http",
        b"",
        "WARC-Payload-Digest: sha1:NONE\r\n",
    );
    let members: Vec<u8> = [
        response("https://www.rudaw.net/english/a", PAGE),
        revisit,
        orphan,
    ]
    .iter()
    .flat_map(|r| gz(r))
    .collect();
    let path = write(dir.path(), "f.warc.gz", &members);
    let pages: Vec<_> = open(&path).unwrap().collect();
    let Entry::Page(again) = &pages[1] else {
        panic!("{pages:?}")
    };
    assert_eq!(again.payload, PAGE);
    assert_eq!(
        again.sidecar.url.as_deref(),
        Some("https://www.rudaw.net/english/a?again")
    );
    assert!(
        matches!(&pages[2], Entry::Skipped { kind } if kind.contains("original is not in the archive"))
    );
}

#[test]
fn a_wacz_is_read_through_its_warc_files_stored_or_deflated() {
    let dir = tempfile::tempdir().unwrap();
    let warc: Vec<u8> = records().iter().flat_map(|r| gz(r)).collect();
    for (name, method) in [
        ("s.wacz", zip::CompressionMethod::Stored),
        ("d.wacz", zip::CompressionMethod::Deflated),
    ] {
        let path = dir.path().join(name);
        let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        z.start_file("datapackage.json", opts).unwrap();
        z.write_all(b"{}").unwrap();
        z.start_file("archive/data.warc.gz", opts).unwrap();
        z.write_all(&warc).unwrap();
        z.start_file("pages/pages.jsonl", opts).unwrap();
        z.write_all(b"{}\n").unwrap();
        z.finish().unwrap();
        let (pages, skipped, rejected) = read(&path);
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(skipped, expected_skips());
        assert_eq!(pages.len(), 2);
        assert!(
            pages[0].0.starts_with(&format!("{name}#data.warc.gz#")),
            "{pages:?}"
        );
    }
    let not_zip = write(dir.path(), "n.wacz", b"not a zip");
    let e = open(&not_zip).err().unwrap().to_string();
    assert!(e.contains("n.wacz: not a WACZ"), "{e}");
}

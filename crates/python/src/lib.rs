//! `dateline._dateline`: the native half of the `dateline` Python package (see `python/dateline`).
//!
//! Each function does what one `dateline` command does to one capture, and returns what that
//! command prints, as Python objects: an article dict has exactly the fields of a `dateline
//! extract` JSON line, a mention those of `dateline extract --events`. The dicts are made by
//! serialising with serde and parsing with Python's `json`, so they cannot drift from the CLI's
//! output. Work runs with the interpreter detached (other Python threads go on), and the event
//! lexicon is loaded once per process, on first use.

use dateline_core::{Capture, Media, Sidecar};
use dateline_events::Extractor;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pyo3::create_exception!(
    _dateline,
    CaptureError,
    PyException,
    "A capture that cannot be read or yields no article, with the same reason `dateline extract` \
     gives when it rejects a file."
);

static EXTRACTOR: OnceLock<Result<Extractor, String>> = OnceLock::new();

fn extractor() -> PyResult<&'static Extractor> {
    EXTRACTOR
        .get_or_init(|| Extractor::load_default().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| PyException::new_err(format!("loading the event lexicon: {e}")))
}

/// The capture's bytes: `bytes` as given, `str` as UTF-8.
fn bytes_of(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(s) = data.cast::<PyString>() {
        return Ok(s.extract::<String>()?.into_bytes());
    }
    Err(PyValueError::new_err("data must be bytes or str"))
}

/// `captured_at` as RFC 3339 text: a string as given, a datetime through `isoformat()` (it must
/// carry a time zone: a naive time would be read in an unknown zone).
fn time_of(captured_at: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(t) = captured_at else {
        return Ok(None);
    };
    if t.is_none() {
        return Ok(None);
    }
    if let Ok(s) = t.cast::<PyString>() {
        return Ok(Some(s.extract::<String>()?));
    }
    if t.hasattr("isoformat")? {
        if t.getattr("tzinfo")?.is_none() {
            return Err(PyValueError::new_err(
                "captured_at is a naive datetime; give it a time zone (e.g. datetime.timezone.utc)",
            ));
        }
        return Ok(Some(t.call_method0("isoformat")?.extract()?));
    }
    Err(PyValueError::new_err(
        "captured_at must be an ISO 8601 string or a timezone-aware datetime",
    ))
}

/// Text or HTML: from the name's extension when it has one, else HTML when the data starts
/// with a tag. (A `.txt` that is really HTML is recognised by the reader, as for files.)
fn media_of(name: &str, bytes: &[u8]) -> Media {
    if let Some(m) = dateline_core::capture::media_for(Path::new(name)) {
        return m;
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'<') {
        Media::Html
    } else {
        Media::Text
    }
}

/// A capture as the CLI would read it, or the CLI's rejection reason.
fn load(name: &str, bytes: &[u8], media: Media, sidecar: Sidecar) -> Result<Capture, String> {
    let path = PathBuf::from(name);
    Capture::from_bytes(&path, bytes, media, sidecar).map_err(|e| strip(&e.to_string(), name))
}

/// Errors begin with the file name, as the CLI's do; the exception says it once.
fn strip(message: &str, name: &str) -> String {
    message
        .strip_prefix(&format!("{name}: "))
        .unwrap_or(message)
        .to_owned()
}

/// Which lines one capture gives.
#[derive(Clone, Copy)]
enum Want {
    Articles,
    Mentions,
    /// Each article followed by its mentions (the Spark job's one extraction for both outputs).
    Both,
}

/// A capture's articles and/or mentions as JSON lines tagged `"article"` / `"mention"`, or the
/// rejection reason.
fn lines_of(capture: &Capture, want: Want) -> Result<Vec<(&'static str, String)>, String> {
    let x = dateline_core::extract(capture).map_err(|e| strip(&e.to_string(), &capture.name))?;
    let ex = match want {
        Want::Articles => None,
        Want::Mentions | Want::Both => Some(extractor().map_err(|e| e.to_string())?),
    };
    let mut out = Vec::new();
    for article in &x.articles {
        if matches!(want, Want::Articles | Want::Both) {
            out.push(("article", line(article)?));
        }
        if let Some(ex) = ex {
            for m in ex.mentions(article) {
                out.push(("mention", line(&m)?));
            }
        }
    }
    Ok(out)
}

fn line(v: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string(v).map_err(|e| e.to_string())
}

fn to_dicts<'py>(py: Python<'py>, lines: Vec<String>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let loads = py.import("json")?.getattr("loads")?;
    lines.into_iter().map(|l| loads.call1((l,))).collect()
}

fn run<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    url: Option<String>,
    captured_at: Option<&Bound<'py, PyAny>>,
    name: Option<String>,
    events: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let bytes = bytes_of(data)?;
    let captured_at = time_of(captured_at)?;
    let name = name.unwrap_or_else(|| "capture".into());
    if events {
        extractor()?;
    }
    let sidecar = Sidecar {
        url,
        captured_at,
        outlet: None,
        charset: None,
    };
    let want = if events {
        Want::Mentions
    } else {
        Want::Articles
    };
    let lines = py.detach(|| {
        let media = media_of(&name, &bytes);
        let capture = load(&name, &bytes, media, sidecar)?;
        lines_of(&capture, want).map(|l| l.into_iter().map(|(_, line)| line).collect())
    });
    match lines {
        Ok(lines) => to_dicts(py, lines),
        Err(reason) => Err(CaptureError::new_err(format!("{name}: {reason}"))),
    }
}

/// The articles of one capture, each a dict with exactly the fields of a `dateline extract` line.
///
/// `data` is the saved page (bytes in any encoding, or str); `url` and `captured_at` say what a
/// sidecar would (the page's address picks the site's adapter; the capture time anchors "12 hours
/// ago"); `name` is what the `capture` field shows, and its extension (.html, .txt) says how to
/// read the data. Raises `CaptureError` with the CLI's reason when the capture is rejected.
#[pyfunction]
#[pyo3(signature = (data, *, url=None, captured_at=None, name=None))]
fn extract<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    url: Option<String>,
    captured_at: Option<&Bound<'py, PyAny>>,
    name: Option<String>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    run(py, data, url, captured_at, name, false)
}

/// The event mentions of one capture, as `dateline extract --events` prints them (every mention,
/// each with its confidence). Arguments as for `extract`.
#[pyfunction]
#[pyo3(signature = (data, *, url=None, captured_at=None, name=None))]
fn extract_events<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    url: Option<String>,
    captured_at: Option<&Bound<'py, PyAny>>,
    name: Option<String>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    run(py, data, url, captured_at, name, true)
}

/// The articles of every capture in a web archive, record by record.
#[pyclass]
struct ArchiveReader {
    entries: dateline_archive::Entries,
    pending: std::collections::VecDeque<String>,
    want: Want,
    /// Records that were not read (their name and reason), for `rejected`.
    rejected: Vec<(String, String)>,
}

#[pymethods]
impl ArchiveReader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            if let Some(line) = slf.pending.pop_front() {
                return Ok(Some(py.import("json")?.getattr("loads")?.call1((line,))?));
            }
            let this = &mut *slf;
            let (entries, want) = (&mut this.entries, this.want);
            // One page record (or the end) per round, read and extracted without the interpreter.
            let step = py.detach(|| next_page(entries, want));
            match step {
                Step::End => return Ok(None),
                Step::Lines(lines) => slf.pending.extend(lines.into_iter().map(|(_, l)| l)),
                Step::Rejected(name, reason) => slf.rejected.push((name, reason)),
            }
        }
    }

    /// Records that could not be read or gave no article, as (name, reason) pairs: nothing is
    /// dropped without a trace.
    #[getter]
    fn rejected(&self) -> Vec<(String, String)> {
        self.rejected.clone()
    }
}

enum Step {
    End,
    Lines(Vec<(&'static str, String)>),
    Rejected(String, String),
}

/// The next page record's lines, or its rejection; records that are not pages are passed over.
fn next_page(entries: &mut dateline_archive::Entries, want: Want) -> Step {
    for entry in entries.by_ref() {
        match entry {
            dateline_archive::Entry::Page(r) => {
                let name = r.path.file_name().map_or_else(
                    || r.path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                return match load(&name, &r.payload, r.media, r.sidecar)
                    .and_then(|c| lines_of(&c, want))
                {
                    Ok(lines) => Step::Lines(lines),
                    Err(reason) => Step::Rejected(name, reason),
                };
            }
            dateline_archive::Entry::Skipped { .. } => {}
            dateline_archive::Entry::Rejected { path, reason } => {
                return Step::Rejected(path.display().to_string(), reason);
            }
        }
    }
    Step::End
}

/// An iterator over the articles (or, with `events=True`, the event mentions) of every capture of
/// a `.warc`, `.warc.gz` or `.wacz` file, as `dateline extract ARCHIVE` prints them. Records that
/// are not pages are skipped; records that cannot be read are listed in the iterator's
/// `rejected`. Raises `CaptureError` when the file cannot be opened as an archive.
///
/// `name` replaces the path in the capture names (`NAME#OFFSET`): for a local copy of an archive
/// read under its original address.
#[pyfunction]
#[pyo3(signature = (path, *, events=false, name=None))]
fn read_warc(path: PathBuf, events: bool, name: Option<String>) -> PyResult<ArchiveReader> {
    if events {
        extractor()?;
    }
    let label = name.unwrap_or_else(|| path.display().to_string());
    let entries = dateline_archive::open_as(&path, &label)
        .map_err(|e| CaptureError::new_err(e.to_string()))?;
    Ok(ArchiveReader {
        entries,
        pending: Default::default(),
        want: if events {
            Want::Mentions
        } else {
            Want::Articles
        },
        rejected: Vec::new(),
    })
}

/// For the Spark job: every capture of an archive as JSON Lines, articles and their mentions from
/// one extraction: a list of `("article" | "mention" | "rejected", line)` pairs, the rejected
/// ones as `{"capture": …, "reason": …}`.
#[pyfunction]
#[pyo3(signature = (path, *, name=None))]
fn _archive_lines(
    py: Python<'_>,
    path: PathBuf,
    name: Option<String>,
) -> PyResult<Vec<(&'static str, String)>> {
    // The lexicon loads (or fails with its reason) before the interpreter is released.
    extractor()?;
    let label = name.unwrap_or_else(|| path.display().to_string());
    let entries = dateline_archive::open_as(&path, &label)
        .map_err(|e| CaptureError::new_err(e.to_string()))?;
    let mut entries = entries;
    py.detach(|| {
        let mut out = Vec::new();
        loop {
            match next_page(&mut entries, Want::Both) {
                Step::End => return Ok(out),
                Step::Lines(lines) => out.extend(lines),
                Step::Rejected(capture, reason) => {
                    let line = serde_json::json!({ "capture": capture, "reason": reason });
                    out.push(("rejected", line.to_string()));
                }
            }
        }
    })
}

/// The registered site adapters' ids.
#[pyfunction]
fn adapters() -> Vec<&'static str> {
    dateline_adapters::linked().iter().map(|a| a.id()).collect()
}

#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_events, m)?)?;
    m.add_function(wrap_pyfunction!(read_warc, m)?)?;
    m.add_function(wrap_pyfunction!(adapters, m)?)?;
    m.add_function(wrap_pyfunction!(_archive_lines, m)?)?;
    m.add_class::<ArchiveReader>()?;
    m.add("CaptureError", m.py().get_type::<CaptureError>())?;
    Ok(())
}

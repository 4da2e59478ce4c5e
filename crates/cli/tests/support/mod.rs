//! What the CLI tests share: where the repository is, a scratch folder, and running the binary.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An empty folder of this test process's own, named after the test, removed when dropped.
pub fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    Scratch(dir)
}

/// A test's scratch folder: a path for everything that takes one, gone with the test.
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = PathBuf;

    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `dateline args` in `dir` and fails the test, with dateline's stderr, if it fails.
pub fn dateline<S: AsRef<OsStr> + Debug>(args: &[S], dir: &Path) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run dateline");
    assert!(
        out.status.success(),
        "dateline {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Captures stored in `db` so far (0 while it does not exist yet).
pub fn captures_in(db: &Path) -> u64 {
    dateline_store::Store::open_read_only(db)
        .and_then(|s| s.counts())
        .ok()
        .and_then(|c| c.first().map(|(_, n)| *n))
        .unwrap_or(0)
}

/// Starts `dateline ingest --db DB --batch-size BATCH INPUT` in `dir`, kills it once three batches
/// are committed, and returns how many captures were stored by then.
pub fn killed_ingest(dir: &Path, db: &str, batch: u64, input: &str) -> u64 {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let path = dir.join(db);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args([
            "ingest",
            "--db",
            db,
            "--batch-size",
            &batch.to_string(),
            input,
        ])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn dateline");
    let deadline = Instant::now() + Duration::from_secs(60);
    while captures_in(&path) < 3 * batch {
        assert!(Instant::now() < deadline, "ingest made no progress");
        assert!(
            child.try_wait().expect("wait").is_none(),
            "ingest finished before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("kill");
    child.wait().expect("reap");
    captures_in(&path)
}

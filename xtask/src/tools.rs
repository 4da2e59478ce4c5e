//! Running cargo and its tools, and settling pending snapshots without them.

use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn run(cmd: &mut Command, what: &str) -> Result<()> {
    eprintln!("xtask: {what}");
    let status = cmd.status().with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// Installs cargo-insta with `--locked` when it is missing, so a fresh machine needs no manual step.
fn ensure_cargo_insta(root: &Path) -> Result<()> {
    let found = crate::cargo()
        .args(["insta", "--version"])
        .current_dir(root)
        .output()
        .map(|o| o.status.success());
    if found.unwrap_or(false) {
        return Ok(());
    }
    run(
        crate::cargo().args(["install", "cargo-insta", "--locked"]),
        "installing cargo-insta",
    )
}

/// The report test renders the timeline in headless Chromium (Debian's package). Under CI a missing
/// browser is installed here, so a fresh machine needs nothing by hand; elsewhere the test says how.
/// The Spark test starts a JVM (pyspark). Under CI a missing Java runtime is installed here.
fn ensure_java(root: &Path, ci: bool) -> Result<()> {
    let found = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Ok(());
    }
    if !ci {
        bail!(
            "no `java` on PATH: the Spark test needs a Java runtime (Debian: apt install default-jre-headless)"
        );
    }
    run(
        Command::new("bash").arg(root.join(".ci/install-java")),
        "installing a Java runtime (.ci/install-java)",
    )
}

fn ensure_chromium(root: &Path, ci: bool) -> Result<()> {
    if !ci || Path::new("/usr/bin/chromium").exists() {
        return Ok(());
    }
    run(
        Command::new("bash").arg(root.join(".ci/install-chromium")),
        "installing chromium (.ci/install-chromium)",
    )
}

/// Runs every check, whatever fails first, and ends with one list of what failed and the command
/// that fixes each: a new adapter author sees all their problems in one run, not one per run.
pub fn test(root: &Path, extra: &[String]) -> Result<()> {
    let mut failed: Vec<String> = Vec::new();
    // First: they are quick, and a stale list otherwise surfaces only after the build, as registry
    // failures among the snapshot tests.
    check_adapter_list(root, &mut failed);
    check_module_cycles(root, &mut failed);
    check_fmt_and_clippy(root, &mut failed)?;
    let ci = crate::ci();
    if let Err(e) = ensure_chromium(root, ci) {
        failed.push(format!("{e:#} (the report test needs Chromium)"));
    }
    if let Err(e) = ensure_java(root, ci) {
        failed.push(format!("{e:#}"));
    }
    let python = match crate::python::test_env(root) {
        Ok(python) => Some(python),
        Err(e) => {
            failed.push(format!("{e:#} (the archive and Python tests need it)"));
            None
        }
    };
    run_tests(root, extra, ci, python.as_deref(), &mut failed)?;
    if let Some(python) = &python
        && let Err(e) = crate::python::pytest(root, python)
    {
        failed.push(format!("{e:#}"));
    }
    if failed.is_empty() {
        eprintln!("xtask: every check passed");
        return Ok(());
    }
    let list: Vec<String> = failed.iter().map(|f| format!(" - {f}")).collect();
    bail!(
        "{} of the checks failed:\n{}",
        failed.len(),
        list.join("\n")
    )
}

fn check_adapter_list(root: &Path, failed: &mut Vec<String>) {
    match crate::adapters::stale(root) {
        Ok(stale) if !stale.is_empty() => {
            let files: Vec<String> = stale
                .iter()
                .map(|f| format!("crates/adapters/{f}"))
                .collect();
            failed.push(format!(
                "{} no longer matches the folders under adapters/ — fix: cargo xtask link-adapters",
                files.join(" and ")
            ));
        }
        Ok(_) => {}
        Err(e) => failed.push(format!("checking crates/adapters: {e:#}")),
    }
}

fn check_module_cycles(root: &Path, failed: &mut Vec<String>) {
    eprintln!("xtask: module import cycles");
    match crate::cycles::find(root) {
        Ok(cycles) if !cycles.is_empty() => {
            let list: Vec<String> = cycles.iter().map(|c| format!("\n   {c}")).collect();
            failed.push(format!(
                "module import cycles:{}\n   — fix: {} (`cargo xtask cycles` checks again)",
                list.concat(),
                crate::cycles::ADVICE
            ));
        }
        Ok(_) => {}
        Err(e) => failed.push(format!("checking module import cycles: {e:#}")),
    }
}

fn check_fmt_and_clippy(root: &Path, failed: &mut Vec<String>) -> Result<()> {
    if !passes(
        crate::cargo()
            .args(["fmt", "--all", "--check"])
            .current_dir(root),
        "cargo fmt --check",
    )? {
        failed.push("formatting differs (the diff is above) — fix: cargo fmt --all".into());
    }
    if !passes(
        crate::cargo()
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .current_dir(root),
        "cargo clippy -D warnings",
    )? {
        failed.push(
            "clippy found problems (above) — fix them; `cargo clippy --fix --allow-dirty` \
             fixes some"
                .into(),
        );
    }
    Ok(())
}

/// Every test of the workspace, snapshots in check mode: a new or changed snapshot fails the run.
/// Locally the new version is written beside the old one as `.snap.new` for `cargo xtask review`;
/// under CI nothing is written. Orphaned snapshots (a fixture removed or renamed) are rejected by
/// the harness itself, so plain `cargo test` is enough and a fresh machine needs no cargo-insta
/// for this.
fn run_tests(
    root: &Path,
    extra: &[String],
    ci: bool,
    python: Option<&Path>,
    failed: &mut Vec<String>,
) -> Result<()> {
    let mut cmd = crate::cargo();
    if let Some(python) = python {
        cmd.env("DATELINE_TEST_PYTHON", python);
    }
    cmd.args(["test", "--workspace", "--no-fail-fast"])
        .env("INSTA_UPDATE", if ci { "no" } else { "new" })
        .env_remove("INSTA_FORCE_PASS")
        // insta would advise `cargo insta test` after a failure; the summary below says what to
        // run instead (this variable only changes that advice).
        .env("INSTA_CARGO_INSTA", "1")
        .current_dir(root);
    if !extra.is_empty() {
        cmd.arg("--").args(extra);
    }
    let what = "cargo test --workspace --no-fail-fast (snapshots in check mode)";
    eprintln!("xtask: {what}");
    let tests = failing_tests(&mut cmd).with_context(|| format!("starting {what}"))?;
    if let Some(names) = tests {
        let pending = pending_snapshots(root);
        let mut line = format!("tests failed: {}", names.join(", "));
        if !pending.is_empty() {
            let _ = write!(
                line,
                "\n   {} new or changed snapshots ({}) — read each against its fixture page \
                 (and samples/gold/seeds.json for the samples), then: cargo xtask review \
                 (on a terminal; elsewhere it prints each diff) and `cargo xtask review \
                 --accept NAME` for what is right (insta's own hint above, `cargo insta review`, \
                 is the same review through cargo-insta, which this project does not need)",
                pending.len(),
                pending.join(", ")
            );
        }
        failed.push(line);
    }
    Ok(())
}

/// Runs a check; its output goes to the terminal. False when it failed.
fn passes(cmd: &mut Command, what: &str) -> Result<bool> {
    eprintln!("xtask: {what}");
    let status = cmd.status().with_context(|| format!("starting {what}"))?;
    Ok(status.success())
}

/// Runs `cargo test`, passing its output through, and returns the failing tests (or the test
/// targets that did not build), `None` when everything passed.
fn failing_tests(cmd: &mut Command) -> Result<Option<Vec<String>>> {
    use std::io::{BufRead, BufReader};
    let mut child = cmd.stdout(std::process::Stdio::piped()).spawn()?;
    let mut names = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line?;
            println!("{line}");
            if let Some(name) = line
                .strip_prefix("test ")
                .and_then(|l| l.strip_suffix(" ... FAILED"))
            {
                names.push(name.trim().to_owned());
            }
        }
    }
    let status = child.wait()?;
    if status.success() {
        return Ok(None);
    }
    if names.is_empty() {
        names.push(format!(
            "a test target did not build or run ({status}; the error is above)"
        ));
    }
    Ok(Some(names))
}

/// Snapshot names with a pending `.snap.new` under snapshots/.
fn pending_snapshots(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("snapshots")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Some(name) = p.file_name().and_then(|n| n.to_str())
                && let Some(stem) = name.strip_suffix(".snap.new")
            {
                out.push(stem.to_owned());
            }
        }
    }
    out.sort();
    out
}

/// `cargo xtask review [--list | --accept [NAME…] | --reject [NAME…]]`.
///
/// On a terminal with no option, `cargo insta review` walks through the snapshots one by one. Anywhere
/// else (an editor's task runner, CI, a script) that cannot work, so the pending snapshots are
/// listed with their diffs and accepted or rejected by name or all at once. Neither needs cargo-insta
/// nor reruns the suite: `cargo xtask test` has already written every pending `.snap.new`.
pub fn review(root: &Path, args: &[String]) -> Result<()> {
    use std::io::IsTerminal as _;
    match args.first().map(String::as_str) {
        Some("--accept") => settle(root, &args[1..], Settle::Accept),
        Some("--reject") => settle(root, &args[1..], Settle::Reject),
        Some("--list") => list_pending(root),
        Some(other) => bail!(
            "unknown option `{other}`\n\
             usage: cargo xtask review [--list | --accept [NAME…] | --reject [NAME…]]"
        ),
        None if std::io::stdin().is_terminal() => review_interactively(root),
        None => list_pending(root),
    }
}

fn review_interactively(root: &Path) -> Result<()> {
    ensure_cargo_insta(root)?;
    // Regenerate pending snapshots (never overwriting accepted ones), then review them one by one.
    let _ = crate::cargo()
        .args(["test", "--workspace"])
        .env("INSTA_UPDATE", "new")
        .current_dir(root)
        .status();
    run(
        crate::cargo().args(["insta", "review"]).current_dir(root),
        "cargo insta review",
    )
}

/// A snapshot waiting for review: insta wrote `x.snap.new` beside `x.snap` (which may not exist yet).
struct Pending {
    new: PathBuf,
    snap: PathBuf,
    /// The `.snap` path relative to the workspace, with `/`: what the listing shows and NAME matches.
    shown: String,
}

/// Every `.snap.new` in the workspace, sorted; build output, VCS data and hidden folders are skipped.
fn pending(root: &Path) -> Result<Vec<Pending>> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<Pending>) -> Result<()> {
        let entries =
            std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
            let (path, name) = (entry.path(), entry.file_name());
            let name = name.to_string_lossy();
            if path.is_dir() {
                if !(name.starts_with('.') || (dir == root && name == "target")) {
                    walk(&path, root, out)?;
                }
            } else if let Some(stem) = name.strip_suffix(".snap.new") {
                let snap = path.with_file_name(format!("{stem}.snap"));
                let rel = snap.strip_prefix(root).unwrap_or(&snap);
                let shown = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push(Pending {
                    new: path,
                    snap,
                    shown,
                });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, root, &mut out)?;
    out.sort_by(|a, b| a.shown.cmp(&b.shown));
    Ok(out)
}

/// A `.snap.new` as it will read once accepted: insta records the assertion's line number for its
/// own review screen and drops it when it saves the accepted `.snap`; so do we, or every accepted
/// file would carry a line number that changes with unrelated edits to the harness.
fn accepted_text(new: &str) -> String {
    let mut out = String::with_capacity(new.len());
    let mut in_header = false;
    for (i, line) in new.split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" {
            in_header = i == 0;
        } else if in_header && bare.starts_with("assertion_line:") {
            continue;
        }
        out.push_str(line);
    }
    out
}

fn list_pending(root: &Path) -> Result<()> {
    let all = pending(root)?;
    if all.is_empty() {
        println!(
            "No pending snapshots. `cargo xtask test` writes one (`.snap.new`) for every new or \
             changed snapshot."
        );
        return Ok(());
    }
    for (i, p) in all.iter().enumerate() {
        let new = std::fs::read_to_string(&p.new)
            .with_context(|| format!("reading {}", p.new.display()))?;
        let new = accepted_text(&new);
        let old = match std::fs::read_to_string(&p.snap) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| format!("reading {}", p.snap.display())),
        };
        let what = if old.is_some() { "changed" } else { "new" };
        println!("━━ {}/{} {} ({what})", i + 1, all.len(), p.shown);
        print!(
            "{}",
            unified_diff(old.as_deref().unwrap_or(""), &new, &p.shown)
        );
        println!();
    }
    println!(
        "{} pending snapshot(s). Read each against its fixture page (input_file in the header; \
         samples/gold/seeds.json for the samples), then:\n  \
         cargo xtask review --accept [NAME…]   keep the new version (all, or those whose path contains a NAME)\n  \
         cargo xtask review --reject [NAME…]   drop it and keep the accepted one\n\
         and run `cargo xtask test` again.",
        all.len()
    );
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Settle {
    Accept,
    Reject,
}

/// Accepting renames `x.snap.new` to `x.snap` (in insta's accepted form); rejecting deletes it.
fn settle(root: &Path, names: &[String], how: Settle) -> Result<()> {
    let all = pending(root)?;
    let unmatched: Vec<&String> = names
        .iter()
        .filter(|n| !all.iter().any(|p| p.shown.contains(n.as_str())))
        .collect();
    if !unmatched.is_empty() {
        bail!("no pending snapshot matches {unmatched:?}; `cargo xtask review --list` shows them");
    }
    let chosen: Vec<&Pending> = all
        .iter()
        .filter(|p| names.is_empty() || names.iter().any(|n| p.shown.contains(n.as_str())))
        .collect();
    for p in &chosen {
        match how {
            Settle::Accept => {
                let new = std::fs::read_to_string(&p.new)
                    .with_context(|| format!("reading {}", p.new.display()))?;
                std::fs::write(&p.snap, accepted_text(&new))
                    .with_context(|| format!("writing {}", p.snap.display()))?;
                std::fs::remove_file(&p.new)
                    .with_context(|| format!("removing {}", p.new.display()))?;
                println!("accepted {}", p.shown);
            }
            Settle::Reject => {
                std::fs::remove_file(&p.new)
                    .with_context(|| format!("removing {}", p.new.display()))?;
                println!("rejected {}", p.shown);
            }
        }
    }
    if chosen.is_empty() {
        println!("No pending snapshots.");
    }
    Ok(())
}

/// Lines of context around each change, as `diff -u` and git show.
const CONTEXT: usize = 3;

/// A unified diff of two texts, line by line, in the form `git diff` prints (without colour, for
/// readers that are not terminals). Empty when the texts are equal.
fn unified_diff(old: &str, new: &str, name: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let ops = diff_lines(&a, &b);
    if ops.iter().all(|op| matches!(op, Op::Same(..))) {
        return String::new();
    }
    let mut out = format!(
        "--- {}\n+++ {name}.new\n",
        if old.is_empty() { "/dev/null" } else { name }
    );
    // Group the operations into hunks: changes closer than twice the context share one.
    let changed: Vec<usize> = (0..ops.len())
        .filter(|&i| !matches!(ops[i], Op::Same(..)))
        .collect();
    let mut start = 0;
    while start < changed.len() {
        let mut end = start;
        while end + 1 < changed.len() && changed[end + 1] - changed[end] <= 2 * CONTEXT + 1 {
            end += 1;
        }
        let from = changed[start].saturating_sub(CONTEXT);
        let to = (changed[end] + CONTEXT + 1).min(ops.len());
        let hunk = &ops[from..to];
        // Lines of each text before the hunk; a side with no lines names the line before it.
        let before_a = ops[..from]
            .iter()
            .filter(|o| !matches!(o, Op::Added(_)))
            .count();
        let before_b = ops[..from]
            .iter()
            .filter(|o| !matches!(o, Op::Removed(_)))
            .count();
        let count_a = hunk.iter().filter(|o| !matches!(o, Op::Added(_))).count();
        let count_b = hunk.iter().filter(|o| !matches!(o, Op::Removed(_))).count();
        let _ = writeln!(
            out,
            "@@ -{},{count_a} +{},{count_b} @@",
            before_a + usize::from(count_a > 0),
            before_b + usize::from(count_b > 0)
        );
        for op in hunk {
            let _ = match op {
                Op::Same(i, _) => writeln!(out, " {}", a[*i]),
                Op::Removed(i) => writeln!(out, "-{}", a[*i]),
                Op::Added(j) => writeln!(out, "+{}", b[*j]),
            };
        }
        start = end + 1;
    }
    out
}

/// One step of a line diff, holding line indexes into the old and new texts.
#[derive(Debug, PartialEq)]
enum Op {
    Same(usize, usize),
    Removed(usize),
    Added(usize),
}

/// A shortest line diff: the common prefix and suffix, and a longest common subsequence of what is
/// left between them. Snapshots are a few dozen lines, so the quadratic table is small; past a
/// million cells the middle is shown as removed then added rather than spending the memory.
fn diff_lines(a: &[&str], b: &[&str]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<Op> = (0..prefix).map(|i| Op::Same(i, i)).collect();
    if ma.len().saturating_mul(mb.len()) > 1_000_000 {
        ops.extend((0..ma.len()).map(|i| Op::Removed(prefix + i)));
        ops.extend((0..mb.len()).map(|j| Op::Added(prefix + j)));
    } else {
        // lcs[i][j]: length of a longest common subsequence of ma[i..] and mb[j..].
        let w = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * w];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i * w + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() || j < mb.len() {
            if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
                ops.push(Op::Same(prefix + i, prefix + j));
                (i, j) = (i + 1, j + 1);
            } else if i < ma.len() && (j == mb.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])
            {
                // Removals before additions, as git prints a replaced line.
                ops.push(Op::Removed(prefix + i));
                i += 1;
            } else {
                ops.push(Op::Added(prefix + j));
                j += 1;
            }
        }
    }
    let (sa, sb) = (a.len() - suffix, b.len() - suffix);
    ops.extend((0..suffix).map(|k| Op::Same(sa + k, sb + k)));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_shows_each_changed_line_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
        let new = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
        assert_eq!(
            unified_diff(old, new, "x.snap"),
            "--- x.snap\n+++ x.snap.new\n\
             @@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n\
             @@ -10,3 +10,4 @@\n j\n k\n l\n+m\n"
        );
        assert_eq!(unified_diff(old, old, "x.snap"), "");
        assert_eq!(
            unified_diff("", "a\nb\n", "x.snap"),
            "--- /dev/null\n+++ x.snap.new\n@@ -0,0 +1,2 @@\n+a\n+b\n"
        );
        // A line inserted between equal lines is one addition, not a rewrite of what follows.
        assert_eq!(
            unified_diff("p\nq\nr\n", "p\nz\nq\nr\n", "x.snap"),
            "--- x.snap\n+++ x.snap.new\n@@ -1,3 +1,4 @@\n p\n+z\n q\n r\n"
        );
    }

    /// What insta writes for a pending snapshot, and what it keeps once the snapshot is accepted.
    const PENDING: &str = "---\nsource: snapshots/tests/adapters.rs\nassertion_line: 142\n\
        input_file: adapters/x/fixtures/a.txt\n---\ncapture: a.txt\nassertion_line: 7\n";
    const ACCEPTED: &str = "---\nsource: snapshots/tests/adapters.rs\n\
        input_file: adapters/x/fixtures/a.txt\n---\ncapture: a.txt\nassertion_line: 7\n";

    #[test]
    fn accepting_drops_only_the_headers_line_number() {
        assert_eq!(accepted_text(PENDING), ACCEPTED);
        assert_eq!(accepted_text(ACCEPTED), ACCEPTED);
    }

    #[test]
    fn pending_snapshots_are_accepted_or_rejected_by_name_or_all_at_once() {
        let root = std::env::temp_dir().join(format!("dateline-review-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dir = root.join("snapshots/x");
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::create_dir_all(root.join("target/x")).expect("dir");
        std::fs::write(root.join("target/x/built.snap.new"), PENDING).expect("write");
        std::fs::write(dir.join("a.snap"), "---\nold\n").expect("write");
        for name in ["a", "b", "c"] {
            std::fs::write(dir.join(format!("{name}.snap.new")), PENDING).expect("write");
        }
        let shown: Vec<String> = pending(&root)
            .expect("list")
            .into_iter()
            .map(|p| p.shown)
            .collect();
        assert_eq!(
            shown,
            [
                "snapshots/x/a.snap",
                "snapshots/x/b.snap",
                "snapshots/x/c.snap"
            ]
        );
        list_pending(&root).expect("listing works without a terminal");

        assert!(settle(&root, &["nothing-like-it".into()], Settle::Accept).is_err());
        settle(&root, &["x/a".into()], Settle::Accept).expect("accept a");
        assert_eq!(
            std::fs::read_to_string(dir.join("a.snap")).expect("a"),
            ACCEPTED
        );
        assert!(!dir.join("a.snap.new").exists());
        settle(&root, &["b.snap".into()], Settle::Reject).expect("reject b");
        assert!(!dir.join("b.snap.new").exists() && !dir.join("b.snap").exists());
        settle(&root, &[], Settle::Accept).expect("accept the rest");
        assert!(dir.join("c.snap").exists() && !dir.join("c.snap.new").exists());
        assert!(pending(&root).expect("list").is_empty());
        let _ = std::fs::remove_dir_all(&root);
    }
}

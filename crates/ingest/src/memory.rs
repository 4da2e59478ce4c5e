//! Memory of this process: handing freed memory back between the two phases of an ingest, and
//! reading the peak for `--timings`.

/// Returns freed memory to the system. glibc keeps what a thread frees in that thread's arena,
/// where the rebuild (on this thread) cannot reuse it: without this, the peaks of extraction and
/// of the rebuild add up.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub(crate) fn release_freed() {
    // SAFETY: `malloc_trim` only hands free pages back to the system; it has no preconditions
    // and touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(crate) fn release_freed() {}

/// Peak resident memory of this process (Linux `VmHWM`), in KiB; `None` where the system does
/// not tell it.
pub fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

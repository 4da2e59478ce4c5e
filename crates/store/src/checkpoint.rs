//! Checkpoints on a thread of their own. In WAL mode a commit only appends pages to the log; a
//! checkpoint copies them into the database file. SQLite runs one at the end of the commit that
//! takes the log past 1000 pages, on the committing thread: after a batch of 400,000 mentions that
//! is half a gigabyte copied (and synced) while the ingest waits to start its rebuild. Here the
//! writer's connection never checkpoints; each commit wakes this thread, which checkpoints
//! through a connection of its own while the writer goes on. A passive checkpoint takes no lock
//! a reader or the writer waits for, and what it copies was committed: a process killed during
//! one loses nothing (the log still holds the pages, and the next open replays it).

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

pub(crate) struct Checkpointer {
    wake: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// A checkpointing thread for the database at `path`, which `writer` (already in WAL mode)
    /// writes, and which stops checkpointing on its own. `None`, with `writer` left as it was,
    /// when the second connection or the thread cannot be had.
    pub(crate) fn start(path: &Path, writer: &Connection) -> Option<Checkpointer> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        let (wake, woken) = channel();
        let thread = std::thread::Builder::new()
            .name("checkpoint".into())
            .spawn(move || run(&conn, &woken))
            .ok()?;
        let checkpointer = Checkpointer {
            wake: Some(wake),
            thread: Some(thread),
        };
        // Dropped on failure, which stops the thread: the writer keeps checkpointing itself.
        writer
            .pragma_update(None, "wal_autocheckpoint", 0)
            .ok()
            .map(|()| checkpointer)
    }

    /// Something was committed: the thread checkpoints it soon.
    pub(crate) fn committed(&self) {
        if let Some(wake) = &self.wake {
            // A thread that is gone leaves the log to the last connection's close.
            let _ = wake.send(());
        }
    }
}

impl Drop for Checkpointer {
    /// Waits for the thread's last checkpoint: when the writer's connection then closes, the
    /// log is already copied.
    fn drop(&mut self) {
        drop(self.wake.take());
        if let Some(thread) = self.thread.take() {
            // A panic there cost a checkpoint, which the last close makes anyway.
            let _ = thread.join();
        }
    }
}

/// Checkpoints each time it is woken (once for any number of wakes waiting), and a last time
/// when the store is dropped.
fn run(conn: &Connection, woken: &Receiver<()>) {
    while woken.recv().is_ok() {
        while woken.try_recv().is_ok() {}
        checkpoint(conn);
    }
    checkpoint(conn);
}

fn checkpoint(conn: &Connection) {
    // A checkpoint that fails (the database busy with another process's checkpoint) is made by
    // the next one, or by the last connection's close.
    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
}

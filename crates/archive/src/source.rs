//! The bytes under a WARC reader: a window of a file (a whole `.warc`, or one stored entry of a
//! `.wacz`), and a reader that counts what it consumed, so every record is named by its offset.

use std::fs::File;
use std::io::{self, BufRead, Read, Seek, SeekFrom};
use std::path::Path;

/// What a WARC is read from. Seeking is needed only to recover after a corrupt gzip member (to
/// look for the next member right after the bad one's start) and to re-read the original of a
/// `revisit` record; a source that cannot seek recovers by scanning forward instead.
pub(crate) trait Source: Read + Send + Sync {
    /// Moves to `pos` (from the source's start); `Ok(false)` when the source cannot seek.
    fn seek_to(&mut self, pos: u64) -> io::Result<bool>;
}

/// Bytes `start..start + len` of a file: a whole WARC, or a WARC stored uncompressed in a WACZ.
pub(crate) struct Section {
    file: File,
    start: u64,
    len: u64,
    pos: u64,
}

impl Section {
    pub(crate) fn open(path: &Path, start: u64, len: Option<u64>) -> io::Result<Section> {
        let mut file = File::open(path)?;
        let len = match len {
            Some(l) => l,
            None => file.metadata()?.len().saturating_sub(start),
        };
        file.seek(SeekFrom::Start(start))?;
        Ok(Section {
            file,
            start,
            len,
            pos: 0,
        })
    }
}

impl Read for Section {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.len.saturating_sub(self.pos);
        if left == 0 {
            return Ok(0);
        }
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = self.file.read(&mut buf[..want])?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Source for Section {
    fn seek_to(&mut self, pos: u64) -> io::Result<bool> {
        let pos = pos.min(self.len);
        self.file.seek(SeekFrom::Start(self.start + pos))?;
        self.pos = pos;
        Ok(true)
    }
}

/// A zip entry compressed with deflate, decoded as it is read. It cannot seek.
pub(crate) struct Inflating(pub(crate) flate2::read::DeflateDecoder<Section>);

impl Read for Inflating {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl Source for Inflating {
    fn seek_to(&mut self, _: u64) -> io::Result<bool> {
        Ok(false)
    }
}

/// A buffered reader that knows how many bytes were consumed from its start.
pub(crate) struct Counted<R> {
    inner: R,
    pub(crate) pos: u64,
}

impl<R> Counted<R> {
    pub(crate) fn new(inner: R, pos: u64) -> Self {
        Counted { inner, pos }
    }

    pub(crate) fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.inner.fill_buf()?;
            let n = available.len().min(buf.len());
            buf[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// One line (ending `\n`, kept) of at most `limit` bytes, appended to `line`. Returns the bytes
/// read; a line longer than `limit` is an error, so a binary stream never becomes one huge line.
pub(crate) fn read_line_capped(
    r: &mut impl BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let (done, used) = {
            let available = r.fill_buf()?;
            if available.is_empty() {
                return Ok(read);
            }
            match available.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    line.extend_from_slice(&available[..=i]);
                    (true, i + 1)
                }
                None => {
                    line.extend_from_slice(available);
                    (false, available.len())
                }
            }
        };
        r.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
        if read > limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a header line longer than {limit} bytes"),
            ));
        }
    }
}

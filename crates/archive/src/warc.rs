//! WARC framing: records (version line, headers, a block of `Content-Length` bytes) out of a plain
//! or gzipped stream, each with the offset a user can find it at again, and recovery after a bad
//! record so one damaged record never costs the rest of the file.
//!
//! A `.warc.gz` is a series of gzip members, one record each as the standard recommends, and a
//! record is named by its member's offset in the file (the offset CDX indexes give). A file
//! compressed whole is one member holding every record: those are named `MEMBER+OFFSET`, the
//! offset in the decompressed stream.

use crate::source::{Counted, Source, read_line_capped};
use flate2::bufread::GzDecoder;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

/// Blocks larger than this are not read into memory: a page payload over the capture limit (plus
/// room for HTTP headers) is rejected anyway, and an archive's videos must not take the memory.
pub(crate) const MAX_BLOCK: u64 = dateline_core::capture::MAX_CAPTURE_BYTES + 256 * 1024;
const MAX_HEADER_LINE: usize = 64 * 1024;
const MAX_HEADER_LINES: usize = 512;
const BUFFER: usize = 64 * 1024;

/// Where a record starts: a byte offset in a plain file, or a gzip member's offset and, when the
/// member holds more than one record, the record's offset in the member's decompressed bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offset {
    pub member: Option<u64>,
    pub at: u64,
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.member {
            None => write!(f, "{}", self.at),
            Some(m) if self.at == 0 => write!(f, "{m}"),
            Some(m) => write!(f, "{m}+{}", self.at),
        }
    }
}

pub(crate) struct Raw {
    pub offset: Offset,
    /// Header names as written; look them up with [`Raw::header`].
    pub headers: Vec<(String, String)>,
    pub block: Block,
}

pub(crate) enum Block {
    Bytes(Vec<u8>),
    /// Over [`MAX_BLOCK`]: read past, not kept.
    TooLarge,
}

impl Raw {
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

/// A header's value; names are case-insensitive in WARC (1.1 §4) as in HTTP.
pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A record that could not be read, and why.
pub(crate) struct Problem {
    pub offset: Offset,
    pub reason: String,
}

type Compressed = Counted<BufReader<Box<dyn Source>>>;
type Decoded = Counted<BufReader<GzDecoder<Compressed>>>;

enum State {
    Plain(Compressed),
    /// Between gzip members.
    Between(Compressed),
    InMember {
        start: u64,
        records: u32,
        dec: Box<Decoded>,
    },
    Done,
}

/// A version line already read (its offset and bytes): met while looking for the next record
/// after a bad one in a plain file.
type Pending = Option<(u64, Vec<u8>)>;

pub(crate) struct Framer {
    state: State,
    pending: Pending,
}

enum Fail {
    Malformed { at: u64, reason: String },
    Io(io::Error),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        Fail::Io(e)
    }
}

impl Framer {
    /// A reader over `source` from its start; gzip or plain is told by the first bytes.
    pub(crate) fn new(source: Box<dyn Source>) -> io::Result<Framer> {
        let mut c = Counted::new(BufReader::with_capacity(BUFFER, source), 0);
        let gzip = c.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let state = if gzip {
            State::Between(c)
        } else {
            State::Plain(c)
        };
        Ok(Framer {
            state,
            pending: None,
        })
    }

    /// A reader positioned at `offset`, as given by an earlier read of the same source.
    pub(crate) fn at(mut source: Box<dyn Source>, offset: Offset) -> io::Result<Framer> {
        let start = offset.member.unwrap_or(offset.at);
        if !source.seek_to(start)? {
            io::copy(&mut (&mut source).take(start), &mut io::sink())?;
        }
        let c = Counted::new(BufReader::with_capacity(BUFFER, source), start);
        let Some(member) = offset.member else {
            return Ok(Framer {
                state: State::Plain(c),
                pending: None,
            });
        };
        let mut dec = Box::new(Counted::new(
            BufReader::with_capacity(BUFFER, GzDecoder::new(c)),
            0,
        ));
        io::copy(&mut (&mut *dec).take(offset.at), &mut io::sink())?;
        Ok(Framer {
            state: State::InMember {
                start: member,
                records: 0,
                dec,
            },
            pending: None,
        })
    }

    fn plain(&mut self, mut c: Compressed) -> Option<Result<Raw, Problem>> {
        let pending = self.pending.take();
        match read_record(&mut c, pending) {
            Ok(Some((at, headers, block))) => {
                self.state = State::Plain(c);
                Some(Ok(Raw {
                    offset: Offset { member: None, at },
                    headers,
                    block,
                }))
            }
            Ok(None) => None,
            Err(Fail::Malformed { at, reason }) => {
                // Look for the next record from just after this one's version line: a
                // Content-Length that lies must not take the next record with it.
                match resync_plain(c, at) {
                    Ok((c, pending)) => {
                        self.pending = pending;
                        self.state = State::Plain(c);
                    }
                    Err(_) => self.state = State::Done,
                }
                Some(Err(Problem {
                    offset: Offset { member: None, at },
                    reason,
                }))
            }
            Err(Fail::Io(e)) => Some(Err(Problem {
                offset: Offset {
                    member: None,
                    at: c.pos,
                },
                reason: format!("cannot read: {e}"),
            })),
        }
    }

    fn between(&mut self, mut c: Compressed) -> Option<Result<Raw, Problem>> {
        let head = match c.fill_buf() {
            Ok(h) => h,
            Err(e) => {
                return Some(Err(Problem {
                    offset: Offset {
                        member: Some(c.pos),
                        at: 0,
                    },
                    reason: format!("cannot read: {e}"),
                }));
            }
        };
        if head.is_empty() {
            return None;
        }
        if head.len() >= 2 && head[..2] == [0x1f, 0x8b] {
            let start = c.pos;
            let dec = Counted::new(BufReader::with_capacity(BUFFER, GzDecoder::new(c)), 0);
            self.state = State::InMember {
                start,
                records: 0,
                dec: Box::new(dec),
            };
            return self.next();
        }
        let at = c.pos;
        match scan_for_member(c) {
            // Zeros or blank lines after the last member are padding, not a record.
            Ok((_, false, true)) => None,
            Ok((c, found, _)) => {
                if found {
                    self.state = State::Between(c);
                }
                Some(Err(Problem {
                    offset: Offset {
                        member: Some(at),
                        at: 0,
                    },
                    reason: "bytes that are not a gzip member".into(),
                }))
            }
            Err(e) => Some(Err(Problem {
                offset: Offset {
                    member: Some(at),
                    at: 0,
                },
                reason: format!("cannot read: {e}"),
            })),
        }
    }

    fn in_member(
        &mut self,
        start: u64,
        records: u32,
        mut dec: Box<Decoded>,
    ) -> Option<Result<Raw, Problem>> {
        let offset = |at| Offset {
            member: Some(start),
            at,
        };
        match read_record(&mut *dec, None) {
            Ok(Some((at, headers, block))) => {
                self.state = State::InMember {
                    start,
                    records: records + 1,
                    dec,
                };
                Some(Ok(Raw {
                    offset: offset(at),
                    headers,
                    block,
                }))
            }
            Ok(None) => {
                let c = dec.into_inner().into_inner().into_inner();
                self.state = State::Between(c);
                if records == 0 {
                    return Some(Err(Problem {
                        offset: offset(0),
                        reason: "an empty gzip member".into(),
                    }));
                }
                self.next()
            }
            Err(Fail::Malformed { at, reason }) => {
                // The rest of this member belongs to the bad record; the next member is the next.
                match io::copy(&mut *dec, &mut io::sink()) {
                    Ok(_) => {
                        let c = dec.into_inner().into_inner().into_inner();
                        self.state = State::Between(c);
                        Some(Err(Problem {
                            offset: offset(at),
                            reason,
                        }))
                    }
                    // What looked malformed was the decompressor reading past a cut member.
                    Err(e) => {
                        self.recover(start, *dec);
                        Some(Err(Problem {
                            offset: offset(0),
                            reason: format!("gzip member is truncated or corrupt ({e})"),
                        }))
                    }
                }
            }
            Err(Fail::Io(e)) => {
                self.recover(start, *dec);
                Some(Err(Problem {
                    offset: offset(0),
                    reason: format!("gzip member is truncated or corrupt ({e})"),
                }))
            }
        }
    }

    /// After a member that does not decompress: the next member is looked for from just after
    /// the bad one's start, so a truncated member does not hide the ones after it.
    fn recover(&mut self, start: u64, dec: Decoded) {
        let c = dec.into_inner().into_inner().into_inner();
        let mut source = c.into_inner().into_inner();
        let c = match source.seek_to(start + 1) {
            Ok(true) => Counted::new(BufReader::with_capacity(BUFFER, source), start + 1),
            // Not seekable: go on from where decompression stopped.
            _ => {
                self.state = State::Done;
                return;
            }
        };
        self.state = match scan_for_member(c) {
            Ok((c, true, _)) => State::Between(c),
            _ => State::Done,
        };
    }
}

impl Iterator for Framer {
    type Item = Result<Raw, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        match std::mem::replace(&mut self.state, State::Done) {
            State::Plain(c) => self.plain(c),
            State::Between(c) => self.between(c),
            State::InMember {
                start,
                records,
                dec,
            } => self.in_member(start, records, dec),
            State::Done => None,
        }
    }
}

/// Skips to the next gzip member header (`1f 8b 08`). Returns the reader (at the header when one
/// was found), whether one was found, and whether everything skipped was padding (NUL bytes or
/// whitespace). A header cut by the buffer's end is found by seeking back to it; a source that
/// cannot seek ends the search.
fn scan_for_member(mut c: Compressed) -> io::Result<(Compressed, bool, bool)> {
    const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];
    let mut padding = true;
    // How many bytes of MAGIC the bytes just consumed end with.
    let mut matched = 0usize;
    loop {
        let pos = c.pos;
        let buf = c.fill_buf()?;
        if buf.is_empty() {
            return Ok((c, false, padding && matched == 0));
        }
        let mut hit = None;
        for (i, &b) in buf.iter().enumerate() {
            matched = if b == MAGIC[matched] {
                matched + 1
            } else if b == MAGIC[0] {
                1
            } else {
                0
            };
            if matched == MAGIC.len() {
                hit = Some(i);
                break;
            }
        }
        match hit {
            Some(i) => {
                let start = (pos + i as u64 + 1) - MAGIC.len() as u64;
                padding &= buf[..(i + 1).saturating_sub(MAGIC.len())]
                    .iter()
                    .all(|&b| b == 0 || b.is_ascii_whitespace());
                let mut source = c.into_inner().into_inner();
                if !source.seek_to(start)? {
                    return Ok((Counted::new(BufReader::new(source), start), false, false));
                }
                let c = Counted::new(BufReader::with_capacity(BUFFER, source), start);
                return Ok((c, true, padding));
            }
            None => {
                padding &= buf.iter().all(|&b| b == 0 || b.is_ascii_whitespace());
                let n = buf.len();
                c.consume(n);
            }
        }
    }
}

/// After a bad record in a plain WARC: back to just after its version line, then line by line to
/// the next `WARC/` version line, which is returned to be read as the next record's.
fn resync_plain(c: Compressed, at: u64) -> io::Result<(Compressed, Pending)> {
    let mut source = c.into_inner().into_inner();
    let from = at + 1;
    let mut c = if source.seek_to(from)? {
        Counted::new(BufReader::with_capacity(BUFFER, source), from)
    } else {
        return Ok((Counted::new(BufReader::new(source), at), None));
    };
    // The rest of the bad version line.
    let mut line = Vec::new();
    read_line_capped(&mut c, &mut line, usize::MAX).ok();
    loop {
        line.clear();
        let start = c.pos;
        let n = match read_line_capped(&mut c, &mut line, MAX_HEADER_LINE) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                // A long binary line: skip it.
                let mut rest = Vec::new();
                read_line_capped(&mut c, &mut rest, usize::MAX)?;
                continue;
            }
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok((c, None));
        }
        if line.starts_with(b"WARC/") {
            return Ok((c, Some((start, line))));
        }
    }
}

type Headers = Vec<(String, String)>;

/// One record from `r`, or `None` at a clean end. `pending` is a version line already read.
fn read_record<R: BufRead>(
    r: &mut Counted<R>,
    pending: Pending,
) -> Result<Option<(u64, Headers, Block)>, Fail> {
    let (at, version) = match pending {
        Some(p) => p,
        None => match read_version_line(r)? {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let malformed = |reason: String| Fail::Malformed { at, reason };
    if !version.starts_with(b"WARC/") {
        let shown: String = String::from_utf8_lossy(&version)
            .trim_end()
            .chars()
            .take(40)
            .collect();
        return Err(malformed(format!(
            "expected a WARC/1.x version line, found {shown:?}"
        )));
    }
    let headers = read_headers(r, at)?;
    let length = header(&headers, "Content-Length")
        .map(str::to_owned)
        .ok_or_else(|| malformed("no Content-Length header".into()))?;
    let length: u64 = length
        .parse()
        .map_err(|_| malformed(format!("Content-Length {length:?} is not a number")))?;
    let block = read_block(r, at, length)?;
    consume_record_end(r, at, length)?;
    Ok(Some((at, headers, block)))
}

/// The first line that is not blank, with its offset: the next record's version line, or `None`
/// at the end of the stream.
fn read_version_line<R: BufRead>(r: &mut Counted<R>) -> Result<Option<(u64, Vec<u8>)>, Fail> {
    loop {
        let start = r.pos;
        let mut line = Vec::new();
        let n = read_line_capped(r, &mut line, MAX_HEADER_LINE).map_err(|e| {
            if e.kind() == io::ErrorKind::InvalidData {
                Fail::Malformed {
                    at: start,
                    reason: "expected a WARC/1.x version line, found binary data".into(),
                }
            } else {
                Fail::Io(e)
            }
        })?;
        if n == 0 {
            return Ok(None);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            return Ok(Some((start, line)));
        }
    }
}

/// The header lines of the record at `at`, up to their blank line; folded lines joined.
fn read_headers<R: BufRead>(r: &mut Counted<R>, at: u64) -> Result<Headers, Fail> {
    let malformed = |reason: String| Fail::Malformed { at, reason };
    let mut headers: Headers = Vec::new();
    loop {
        let mut line = Vec::new();
        let n = read_line_capped(r, &mut line, MAX_HEADER_LINE).map_err(|e| {
            if e.kind() == io::ErrorKind::InvalidData {
                malformed(e.to_string())
            } else {
                Fail::Io(e)
            }
        })?;
        if n == 0 {
            return Err(malformed("the headers end before their blank line".into()));
        }
        if line == b"\r\n" || line == b"\n" {
            return Ok(headers);
        }
        if headers.len() >= MAX_HEADER_LINES {
            return Err(malformed(format!(
                "more than {MAX_HEADER_LINES} header lines"
            )));
        }
        let text = String::from_utf8_lossy(&line);
        if text.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(text.trim());
            }
            continue;
        }
        let Some((name, value)) = text.split_once(':') else {
            return Err(malformed(format!(
                "header line without a colon: {:?}",
                text.trim_end().chars().take(60).collect::<String>()
            )));
        };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
}

/// The record's `length` bytes of content; past [`MAX_BLOCK`] they are skipped, not held.
fn read_block<R: BufRead>(r: &mut Counted<R>, at: u64, length: u64) -> Result<Block, Fail> {
    let short = |got: u64| Fail::Malformed {
        at,
        reason: format!("Content-Length says {length} bytes but only {got} follow before the end"),
    };
    if length > MAX_BLOCK {
        let got = io::copy(&mut r.take(length), &mut io::sink())?;
        if got < length {
            return Err(short(got));
        }
        return Ok(Block::TooLarge);
    }
    let mut buf = Vec::with_capacity(usize::try_from(length.min(1 << 20)).unwrap_or(0));
    r.take(length).read_to_end(&mut buf)?;
    if (buf.len() as u64) < length {
        return Err(short(buf.len() as u64));
    }
    Ok(Block::Bytes(buf))
}

/// Every record ends with two CRLFs; anything else means Content-Length did not say where the
/// record ends. Bare LFs are accepted, and the end of the stream (a writer that left them out of
/// the last record).
fn consume_record_end<R: BufRead>(r: &mut Counted<R>, at: u64, length: u64) -> Result<(), Fail> {
    let end = r.fill_buf()?;
    let used = if end.starts_with(b"\r\n\r\n") {
        4
    } else if end.starts_with(b"\n\n") || end == b"\r\n" {
        end.len().min(2)
    } else if end.is_empty() || end.iter().all(u8::is_ascii_whitespace) && end.len() < 4 {
        end.len()
    } else {
        return Err(Fail::Malformed {
            at,
            reason: format!("Content-Length {length} does not end where the record does"),
        });
    };
    r.consume(used);
    Ok(())
}

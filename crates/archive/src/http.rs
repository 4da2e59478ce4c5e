//! The HTTP message inside a WARC `response` record: status, headers, and the body as the server
//! meant it (chunked transfer and `Content-Encoding` undone).

use std::io::{self, Read};

pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body as stored: still chunked or compressed, if the server sent it so.
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::warc::header(&self.headers, name)
    }
}

/// Splits a stored HTTP response into status line, headers and body.
pub(crate) fn parse(mut block: Vec<u8>) -> Result<Response, String> {
    let (head_len, body_start) =
        find_head_end(&block).ok_or("the HTTP headers have no end (no blank line after them)")?;
    let head = String::from_utf8_lossy(&block[..head_len]).into_owned();
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") {
        return Err(format!(
            "expected an HTTP status line, found {:?}",
            status_line.chars().take(60).collect::<String>()
        ));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status code in {status_line:?}"))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
        } else if let Some((n, v)) = line.split_once(':') {
            headers.push((n.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let body = block.split_off(body_start);
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// End of the header section (`\r\n\r\n`, or `\n\n` from lax servers): its length and where the
/// body starts.
fn find_head_end(block: &[u8]) -> Option<(usize, usize)> {
    let crlf = block.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = block.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l < c => Some((l, l + 2)),
        (Some(c), _) => Some((c, c + 4)),
        (None, Some(l)) => Some((l, l + 2)),
        (None, None) => None,
    }
}

/// The body as the server meant it: chunked transfer coding removed, then each content coding
/// undone, last applied first. The result is capped at `limit` bytes, so a small compressed body
/// cannot expand without bound.
pub(crate) fn decoded_body(r: &Response, limit: u64) -> Result<Vec<u8>, String> {
    let mut body = r.body.clone();
    let transfer = r
        .header("Transfer-Encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if transfer.contains("chunked") {
        body = dechunk(&body)?;
    }
    let codings: Vec<String> = r
        .header("Content-Encoding")
        .unwrap_or_default()
        .split(',')
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();
    for coding in codings.iter().rev() {
        body = match coding.as_str() {
            "gzip" | "x-gzip" => capped(flate2::read::MultiGzDecoder::new(&body[..]), limit),
            "deflate" => {
                // Servers send both zlib-wrapped and raw deflate under this name.
                capped(flate2::read::ZlibDecoder::new(&body[..]), limit)
                    .or_else(|_| capped(flate2::read::DeflateDecoder::new(&body[..]), limit))
            }
            "br" => capped(
                brotli_decompressor::Decompressor::new(&body[..], 64 * 1024),
                limit,
            ),
            other => {
                return Err(format!(
                    "Content-Encoding {other:?} is not one dateline reads"
                ));
            }
        }
        .map_err(|e| format!("Content-Encoding {coding}: {e}"))?;
    }
    Ok(body)
}

fn capped(r: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(limit + 1).read_to_end(&mut out)?;
    if out.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("decompresses to more than {} MiB", limit / (1024 * 1024)),
        ));
    }
    Ok(out)
}

/// Removes chunked transfer coding (RFC 9112 §7.1). Chunk extensions and trailers are dropped.
fn dechunk(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .or_else(|| rest.iter().position(|&b| b == b'\n'))
            .ok_or("chunked body ends inside a chunk size line")?;
        let line = String::from_utf8_lossy(&rest[..line_end]);
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("chunked body: {size_text:?} is not a chunk size"))?;
        let skip = if rest[line_end] == b'\r' { 2 } else { 1 };
        rest = &rest[line_end + skip..];
        if size == 0 {
            return Ok(out);
        }
        if rest.len() < size {
            return Err(format!(
                "chunked body: a chunk of {size} bytes has only {} left",
                rest.len()
            ));
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<html><p>Hello</p></html>").unwrap();
        let zipped = gz.finish().unwrap();
        let mut chunked = format!("{:x}\r\n", 5).into_bytes();
        chunked.extend_from_slice(&zipped[..5]);
        chunked.extend_from_slice(format!("\r\n{:x};ext=1\r\n", zipped.len() - 5).as_bytes());
        chunked.extend_from_slice(&zipped[5..]);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend_from_slice(&chunked);
        let r = parse(block).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(
            decoded_body(&r, 1 << 20).unwrap(),
            b"<html><p>Hello</p></html>"
        );
    }

    #[test]
    fn a_body_that_expands_past_the_limit_is_refused() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![b'a'; 4 << 20]).unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend_from_slice(&gz.finish().unwrap());
        let r = parse(block).unwrap();
        let e = decoded_body(&r, 1 << 20).unwrap_err();
        assert!(e.contains("more than 1 MiB"), "{e}");
    }

    #[test]
    fn a_lying_chunk_size_is_an_error() {
        let r = parse(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nshort\r\n0\r\n\r\n"
                .to_vec(),
        )
        .unwrap();
        let e = decoded_body(&r, 1 << 20).unwrap_err();
        assert!(e.contains("255 bytes has only"), "{e}");
    }
}

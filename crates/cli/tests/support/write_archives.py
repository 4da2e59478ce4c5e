"""Writes web archives of some captures with warcio, the way archiving tools write them.

Usage: python write_archives.py MANIFEST.json OUTDIR

MANIFEST is a JSON list of {"file", "url", "captured_at", "content_type"}. OUTDIR receives:
- captures.warc.gz   one gzip member per record (what wget, browsertrix and warcio write):
                     warcinfo, then per capture a request and a response record, then an image
- captures.warc      the same records, uncompressed
- encoded.warc.gz    the responses sent chunked and gzip-compressed (Transfer-Encoding: chunked,
                     Content-Encoding: gzip), as a server might, stored as received
- captures.wacz      a WACZ: archive/data.warc.gz stored uncompressed, pages/pages.jsonl,
                     datapackage.json
"""

import gzip
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# A 1x1 PNG: an image record every real crawl has, which must be skipped.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201ff1a0fa9c50000000049454e44ae426082"
)


def chunked(body: bytes, size: int = 1000) -> bytes:
    out = io.BytesIO()
    for i in range(0, len(body), size):
        part = body[i : i + size]
        out.write(b"%x\r\n" % len(part) + part + b"\r\n")
    out.write(b"0\r\n\r\n")
    return out.getvalue()


def write_warc(stream, captures, gzip_records: bool, encoded: bool) -> None:
    writer = WARCWriter(stream, gzip=gzip_records)
    writer.write_record(
        writer.create_warcinfo_record("captures.warc.gz", {"software": "warcio test writer"})
    )
    for c in captures:
        body = Path(c["file"]).read_bytes()
        date = c["captured_at"]
        request = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", c["url"].split("/")[2])], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                c["url"], "request", http_headers=request, warc_headers_dict={"WARC-Date": date}
            )
        )
        headers = [("Content-Type", c["content_type"])]
        if encoded:
            body = chunked(gzip.compress(body))
            headers += [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
        else:
            headers.append(("Content-Length", str(len(body))))
        response = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                c["url"],
                "response",
                payload=io.BytesIO(body),
                http_headers=response,
                warc_headers_dict={"WARC-Date": date},
            )
        )
    image = StatusAndHeaders(
        "200 OK", [("Content-Type", "image/png"), ("Content-Length", str(len(PNG)))], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            "https://www.rudaw.net/images/logo.png",
            "response",
            payload=io.BytesIO(PNG),
            http_headers=image,
            warc_headers_dict={"WARC-Date": "2025-07-26T09:00:00Z"},
        )
    )


def main() -> None:
    manifest, out = sys.argv[1], Path(sys.argv[2])
    captures = json.loads(Path(manifest).read_text())
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "captures.warc.gz", "wb") as f:
        write_warc(f, captures, gzip_records=True, encoded=False)
    with open(out / "captures.warc", "wb") as f:
        write_warc(f, captures, gzip_records=False, encoded=False)
    with open(out / "encoded.warc.gz", "wb") as f:
        write_warc(f, captures, gzip_records=True, encoded=True)

    warc = (out / "captures.warc.gz").read_bytes()
    pages = [{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}]
    pages += [{"url": c["url"], "ts": c["captured_at"]} for c in captures]
    pages_jsonl = "".join(json.dumps(p) + "\n" for p in pages).encode()
    resources = [
        {"name": "data.warc.gz", "path": "archive/data.warc.gz", "hash": "sha256:" + hashlib.sha256(warc).hexdigest(), "bytes": len(warc)},
        {"name": "pages.jsonl", "path": "pages/pages.jsonl", "hash": "sha256:" + hashlib.sha256(pages_jsonl).hexdigest(), "bytes": len(pages_jsonl)},
    ]
    package = {"profile": "data-package", "wacz_version": "1.1.1", "resources": resources}
    with zipfile.ZipFile(out / "captures.wacz", "w") as z:
        z.writestr(zipfile.ZipInfo("archive/data.warc.gz"), warc, compress_type=zipfile.ZIP_STORED)
        z.writestr("pages/pages.jsonl", pages_jsonl, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("datapackage.json", json.dumps(package), compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()

"""What the Python tests share: the repository, the CLI, the samples, a WARC writer."""

import io
import json
import os
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "samples/seeds").iterdir() if p.suffix in {".txt", ".html"})
BIN = os.environ.get("DATELINE_BIN", str(ROOT / "target/debug/dateline"))


def cli(*args, cwd=None):
    out = subprocess.run([BIN, *map(str, args)], capture_output=True, check=True, cwd=cwd)
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def sidecar(path):
    toml = path.with_suffix(".toml")
    return tomllib.loads(toml.read_text()) if toml.exists() else {}


def write_warc(target, paths):
    """The captures as response records (url and time from their sidecars), as warcio writes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(target, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for path in paths:
            sc = sidecar(path)
            url = sc.get("url", f"https://captures.example/{path.stem}")
            at = sc.get("captured_at", "2025-09-01T12:00:00Z")
            body = path.read_bytes()
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": at},
                )
            )
    return target

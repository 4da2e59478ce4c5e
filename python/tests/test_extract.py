"""The Python package against the command line: the same captures give the same dicts.

Run by `cargo xtask test`, which builds the native module and sets DATELINE_BIN to the CLI.
"""

import datetime
import threading

import pytest

import dateline
from conftest import SAMPLES, cli, sidecar, write_warc


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_extract_equals_the_cli_field_for_field(path):
    sc = sidecar(path)
    got = dateline.extract(
        path.read_bytes(), url=sc.get("url"), captured_at=sc.get("captured_at"), name=path.name
    )
    assert got == cli("extract", path)
    assert got, "every sample gives articles"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_extract_events_equals_the_cli(path):
    sc = sidecar(path)
    got = dateline.extract_events(
        path.read_bytes(), url=sc.get("url"), captured_at=sc.get("captured_at"), name=path.name
    )
    assert got == cli("extract", "--events", path)


def test_a_datetime_is_the_same_time_as_its_iso_string():
    path = next(p for p in SAMPLES if sidecar(p).get("captured_at"))
    at = sidecar(path)["captured_at"]
    as_datetime = datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))
    data = path.read_bytes()
    assert dateline.extract(data, captured_at=as_datetime, name=path.name) == dateline.extract(
        data, captured_at=at, name=path.name
    )
    with pytest.raises(ValueError, match="naive"):
        dateline.extract(data, captured_at=as_datetime.replace(tzinfo=None))


def test_str_data_is_read_as_utf8():
    path = SAMPLES[0]
    assert dateline.extract(path.read_text(encoding="utf-8"), name=path.name) == dateline.extract(
        path.read_bytes(), name=path.name
    )


def test_rejections_raise_capture_error_with_the_cli_reason():
    with pytest.raises(dateline.CaptureError, match="empty.txt: empty file"):
        dateline.extract(b"  \n", name="empty.txt")
    with pytest.raises(dateline.CaptureError, match="not an absolute URL"):
        dateline.extract(b"Title\n\nBody text.\n", url="not a url")
    with pytest.raises(ValueError):
        dateline.extract(12)


def test_threads_share_one_lexicon_and_agree():
    path = SAMPLES[0]
    data = path.read_bytes()
    want = dateline.extract_events(data, name=path.name)
    results = []

    def work():
        results.append(dateline.extract_events(data, name=path.name))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [want] * 4


def test_read_warc_gives_the_articles_the_cli_gives(tmp_path):
    warc = write_warc(tmp_path / "samples.warc.gz", SAMPLES)
    reader = dateline.read_warc(warc)
    got = list(reader)
    assert got == cli("extract", warc)
    assert reader.rejected == []
    assert list(dateline.read_warc(str(warc), events=True)) == cli("extract", "--events", warc)
    with pytest.raises(dateline.CaptureError, match="not a WACZ"):
        bad = tmp_path / "bad.wacz"
        bad.write_bytes(b"not a zip")
        dateline.read_warc(bad)

"""dateline: captured news pages into clean articles and coded events.

The functions here do, for one capture, what the ``dateline`` command line does for a file, and
return what it prints, as dicts:

- ``extract(data, *, url=None, captured_at=None, name=None)``: the articles, each with exactly the
  fields of a ``dateline extract`` JSON line;
- ``extract_events(...)``: the event mentions, as ``dateline extract --events`` prints them;
- ``read_warc(path)``: the articles of every capture of a WARC or WACZ file, record by record.

A capture that cannot be read or yields no article raises ``CaptureError`` with the reason the
command line gives. The work runs in Rust with the GIL released, so threads help; the event
lexicon is loaded once per process.
"""

from ._dateline import CaptureError, adapters, extract, extract_events, read_warc

__all__ = ["CaptureError", "adapters", "extract", "extract_events", "read_warc"]

from datetime import datetime
from os import PathLike
from typing import Any, Iterator, List, Optional, Tuple, Union

class CaptureError(Exception):
    """A capture that cannot be read or yields no article (the reason the CLI gives)."""

def extract(
    data: Union[bytes, str],
    *,
    url: Optional[str] = None,
    captured_at: Union[str, datetime, None] = None,
    name: Optional[str] = None,
) -> List[dict[str, Any]]:
    """The articles of one capture, each with exactly the fields of a `dateline extract` line."""

def extract_events(
    data: Union[bytes, str],
    *,
    url: Optional[str] = None,
    captured_at: Union[str, datetime, None] = None,
    name: Optional[str] = None,
) -> List[dict[str, Any]]:
    """The event mentions of one capture, as `dateline extract --events` prints them."""

class ArchiveReader(Iterator[dict[str, Any]]):
    @property
    def rejected(self) -> List[Tuple[str, str]]:
        """Records that could not be read or gave no article: (name, reason)."""
    def __next__(self) -> dict[str, Any]: ...

def read_warc(path: Union[str, PathLike[str]], *, events: bool = False) -> ArchiveReader:
    """The articles (or event mentions) of every capture of a .warc, .warc.gz or .wacz file."""

def adapters() -> List[str]:
    """The ids of the registered site adapters."""

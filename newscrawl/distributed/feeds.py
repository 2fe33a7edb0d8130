"""Feed storage for workers: each JSONL line reaches the file the moment it is exported."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from scrapy import Spider
from scrapy.extensions.feedexport import FileFeedStorage


class LineFlushedFileStorage(FileFeedStorage):
    """Local file feed opened unbuffered: a killed worker never loses an emitted record.

    The JSON-lines exporter writes one record per `write()`, so every emitted record is in the
    file (the OS page cache) when `item_scraped` returns, and survives the process.
    """

    def open(self, spider: Spider) -> IO[bytes]:
        """Open the file for appending (or writing), without a user-space buffer."""
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open(self.write_mode, buffering=0)

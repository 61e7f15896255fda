"""Reading feeds: bytes of RSS, Atom or JSON Feed into a `ParsedFeed` (pure).

| module     | owns                                                                              |
| ---------- | --------------------------------------------------------------------------------- |
| `parse`    | `parse_feed`, the way in: sniffing JSON/XML/HTML, encodings, entity defences, the  |
|            | cap on entries, and the choice of parser                                          |
| `fast`     | the lxml fast path for well-formed RSS 2.0/1.0 and Atom 1.0 (None: use feedparser) |
| `xmlfeed`  | every RSS and Atom feed through feedparser                                        |
| `jsonfeed` | JSON Feed 1.0 and 1.1                                                             |
| `common`   | what the parsers share: `FeedError`, text, names, links, dates, and `build_entry`, |
|            | the one place an item becomes an `Entry`                                          |
"""

from curator.feeds.common import FeedError
from curator.feeds.parse import parse_feed

__all__ = ["FeedError", "parse_feed"]

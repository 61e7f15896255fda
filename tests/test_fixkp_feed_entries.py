"""fixkp #2: the entries `editions.issue_entries` gives out were elements of the tree
`xmlonce.parsed` keeps for the run's other readers of the same feed.xml, so a caller changing
one changed what the next reader read; they are copies now."""

from __future__ import annotations

from curator.editions import issue_entries

_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>CX Weekly</title>
<entry><title>Issue 2</title><link rel="alternate" href="https://example.org/issue-2.html"/>
<id>urn:uuid:2</id><updated>2026-01-08T09:00:00Z</updated></entry>
<entry><title>Issue 1</title><link rel="alternate" href="https://example.org/issue-1.html"/>
<id>urn:uuid:1</id><updated>2026-01-01T09:00:00Z</updated></entry>
</feed>"""


def test_changing_an_issue_entry_leaves_what_the_next_reader_reads() -> None:
    """#2: the feed is parsed once per run and its tree shared; an entry given out is a copy."""
    first = issue_entries(_FEED)
    assert [n for n, _ in first] == [2, 1]
    for _, entry in first:
        for child in list(entry):
            entry.remove(child)
        entry.set("changed", "yes")
    again = issue_entries(_FEED)
    assert [n for n, _ in again] == [2, 1]
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for _, e in again]
    assert titles == ["Issue 2", "Issue 1"]
    assert all(e.get("changed") is None for _, e in again)

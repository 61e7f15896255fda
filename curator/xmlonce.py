"""An XML text parsed once per run (fixjy #4): a build parsed the output folder's feed.xml four to
six times (its entries' ids, their <published> and <updated> times, what a reader reads of each,
their links, the times moved) and the feed.xml it writes four or five times (well-formed, without
script, and the same again for what changed). Each of those now asks `parsed` for the tree, which
parses a text once while it is one of the last few asked for; a tree given out is only read."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import OrderedDict

#: How many texts' trees are kept (the published feed.xml, as bytes, and the build's, rendered
#: once, or twice when entries changed).
KEPT = 4

_trees: OrderedDict[str | bytes, ET.Element] = OrderedDict()


def parsed(text: str | bytes) -> ET.Element:
    """`ET.fromstring(text)`: the root, which its callers only read; raises what it raises
    (`ET.ParseError`, ValueError), parsing again each time for a text that cannot be read.
    The tree is shared by every caller asking for the same text: never change it, nor hand its
    elements on to code that might (copy them: `editions.issue_entries` does)."""
    tree = _trees.get(text)
    if tree is None:
        tree = ET.fromstring(text)
        _trees[text] = tree
        while len(_trees) > KEPT:
            _trees.popitem(last=False)
    else:
        _trees.move_to_end(text)
    return tree

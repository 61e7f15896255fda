"""html_to_text: the fast lxml path gives what a BeautifulSoup reading gives, on real feeds' HTML."""

from __future__ import annotations

import time
from pathlib import Path

from bs4 import BeautifulSoup

from curator.blurb import html_to_text, normalise_space
from curator.feeds import FeedError, parse_feed
from curator.htmltext import read_html


def reference(markup: str) -> str:
    """The text as BeautifulSoup reads it (the slower reading html_to_text replaced)."""
    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "iframe", "object"]):
        tag.decompose()
    for br in soup.find_all(["br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"]):
        br.insert_after(" ")
    return normalise_space(soup.get_text(" "))


def test_the_same_text_as_beautifulsoup_on_every_corpus_summary(corpus: Path) -> None:
    fields = []
    for path in sorted((corpus / "feeds" / "real").rglob("*")):
        if not path.is_file() or path.suffix not in (".xml", ".rss", ".atom", ".rdf", ".json"):
            continue
        try:
            feed = parse_feed(path.read_bytes(), "https://example.com/feed")
        except FeedError:
            continue
        fields += [f for e in feed.entries for f in (e.summary, e.content) if f and "<" in f]
    assert len(fields) > 1000
    different = [f for f in fields if html_to_text(f).split() != reference(f).split()]
    assert len(different) <= len(fields) // 200, different[:3]
    # The blurb's one reading of a field gives the stored text exactly as html_to_text does.
    assert [read_html(f).text for f in fields] == [html_to_text(f) for f in fields]


def test_comments_scripts_and_entities() -> None:
    markup = "<p>One &amp; two</p><p>Three<!-- hidden --> four</p><script>alert(1)</script>"
    assert html_to_text(markup) == "One & two Three four"
    assert html_to_text("<div>a<br>b</div>tail") == "a b tail"
    assert html_to_text("a < b and c > d") == "a < b and c > d"


def test_markup_lxml_refuses_is_still_read() -> None:
    hostile = '<html onMouseUp html onMouseUp="javascript:alert(1)">Hi</html onMouseUp>'
    assert html_to_text(hostile) == "Hi"
    assert html_to_text("<body><body>x</body></body>") == "x"


def test_paragraphs_set_quotes_apart_from_the_authors_own_words() -> None:
    _, own, quoted = read_html(
        "<p>That didn&#8217;t take\nlong. Apple, in a statement:</p>"
        "<blockquote><p>We will add it back.</p><blockquote><p>Nested.</p></blockquote></blockquote>"
        "tail text<p>One thing I take <b>away</b>.</p>"
        "<p>A line,<br />then more.<br><br>A new paragraph.</p><script>x()</script>"
    )
    assert own.splitlines() == [
        "That didn’t take long. Apple, in a statement:",
        "tail text",
        "One thing I take away.",
        "A line, then more.",
        "A new paragraph.",
    ]
    assert quoted.splitlines() == ["We will add it back.", "Nested."]
    assert read_html("plain &amp; simple") == ("plain & simple", "plain & simple", "")
    assert read_html(None) == ("", "", "")
    # Markup lxml refuses is still read, all of it as the author's own.
    assert read_html("<html><html>Hi there</html>").own == "Hi there"


def test_control_characters_are_dropped_never_raised_on() -> None:
    """lxml reads a control character (raw or "&#27;") and then refuses to have it written back
    into a tree: reading must never write, and the text keeps no control character."""
    # (an ESC goes with the sequence it opens, walk173 #2: "\x1b[1m", "&#27;[31m" whole)
    markup_cases = (
        "<b>a\x1b[1mb</b>",
        "<span>a</span>&#1;b",
        "<p>a</p>\x1a\x1bcb",
        "<i>a&#27;[31mb</i>",
    )
    for markup in markup_cases:
        assert html_to_text(markup) in ("ab", "a b"), markup
        assert html_to_text(markup, separator="", lines=True) in ("ab", "a\nb"), markup
        text, own, quoted = read_html(markup)
        assert text in ("ab", "a b") and own in ("ab", "a\nb") and quoted == "", markup
    assert read_html("<p>ok</p><blockquote>\x9b31m&#27;[2Jsaid</blockquote>").quoted == "said"


def test_many_quotes_are_read_in_one_pass() -> None:
    """200,000 sibling blockquotes (5 MB, under a feed's size cap): cutting each quote out of the
    tree was quadratic (21 s here); one walk reads them all (no time is asserted, see benchmarks)."""
    began = time.perf_counter()
    text, own, quoted = read_html("<p>Mine.</p>" + "<blockquote>q</blockquote>t" * 200_000)
    seconds = time.perf_counter() - began
    assert own.splitlines() == ["Mine.", *["t"] * 200_000]
    assert quoted.splitlines() == ["q"] * 200_000
    assert text == "Mine. " + " ".join(["q t"] * 200_000)
    print(f"\nread_html, 200,000 blockquotes: {seconds:.2f} s")

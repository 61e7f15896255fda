"""Article extraction: per-page results on the readability corpus, an accuracy floor, the
newspaper4k pages as a regression check, and small hand-written pages for each step of each
cascade."""

from __future__ import annotations

import gzip
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import corpus_params, shared_dir
from curator.extract import clean_authors, clean_title, decode_html, extract, is_person_name
from curator.models import Page

FIELDS = ("title", "author", "site")

#: Where curator disagrees with Readability.js's expected-metadata.json today: (page, field) ->
#: (what curator returns, why). The test asserts curator's value, so a change either way is noticed.
KNOWN_MISSES: dict[tuple[str, str], tuple[str | None, str]] = {
    ("003-metadata-preferred", "title"): (
        "Open Graph name title",
        "a test page for Readability's Dublin Core preference; we rank og:title first",
    ),
    ("003-metadata-preferred", "author"): (
        "Dublin Core name author",
        "same page: Dublin Core before <meta name=author> as Readability ranks them (issue 13, a"
        " decoy meta author); it names both DC.creator and dc:creator and Readability keeps the last",
    ),
    ("bbc-1", "author"): (None, "'BBC News' is the site's own name (JSON-LD author = publisher)"),
    ("breitbart", "author"): (
        "Lucas Nolan",
        "expected byline glues the date on: 'Lucas Nolan22 Dec'",
    ),
    ("buzzfeed-1", "author"): ("Mark Di Stefano", "Readability found no byline; the page has one"),
    ("google-sre-book-1", "author"): (
        "Rob Ewaschuk",
        "expected keeps 'Edited by Betsy Beyer'; an editor is not the author",
    ),
    ("ietf-1", "author"): (
        "F. Kooman, Michiel de Jong",
        "the page has two DC.Creator tags, two authors; Readability keeps the last (each written surname last, walk112 #7)",
    ),
    ("lemonde-1", "author"): (
        "Martin Untersinger, Damien Leloup, Morgane Tual",
        "expected is the raw '(avec Damien Leloup et Morgane Tual)'; we list the three people",
    ),
    ("archive-of-our-own", "author"): (
        None,
        "its author meta tag names the charity that runs the site, an organisation: no one's"
        " credit (walk139 #8); the work's author, linked by its byline, is a one-word handle, which"
        " a page's byline is not taken for (a build credits its feed's)",
    ),
    ("salon-1", "author"): (
        "Richard (R.J.) Eskow",
        "expected is the author of a 'most read' link; the article's own rel=author is Eskow",
    ),
    ("seattletimes-1", "author"): ("Benjamin Romano", "expected byline is a date, not a person"),
    ("webmd-2", "author"): ("Kelli Miller", "expected glues the desk on: 'WebMD Health News'"),
    ("wordpress", "author"): ("Sarah Gooding", "Readability found no byline; the page has one"),
    ("yahoo-3", "author"): (
        "Gillian Mohney",
        "expected glues the date on: 'March 11, 2015 3:46 PM'",
    ),
}

#: Ground truth corrected by hand, as `benchmarks/extract.py`'s `BYLINE_BY_HAND`: yahoo-4's "個人"
#: is the "Bylines" item of Yahoo! Japan's menu (`div#globalNav`), no credit (walk51 #6); the
#: Wikipedia pages' "Contributors to Wikimedia projects" is a label, no one's name (walk64 #4);
#: archive-of-our-own's "Organization for Transformative Works" is the charity that runs the site,
#: the work's author is the one its byline links (walk139 #8).
#: Site names as `benchmarks/extract.py`'s `CREDIT_SITE_BY_HAND` (walk139 #5-#7): keep-images is
#: Backchannel's page on Medium, msn a copy whose own address is businessinsider.com, the
#: Wikipedia pages' "Wikimedia Foundation, Inc." their company's legal name.
CORRECTED: dict[str, dict[str, str | None]] = {
    "yahoo-4": {"byline": None},
    "wikipedia-2": {"byline": None, "siteName": "Wikipedia"},
    "wikipedia-3": {"byline": None, "siteName": "Wikipedia"},
    "archive-of-our-own": {"byline": "AMournfulHowlInTheNight"},
    "keep-images": {"siteName": "Backchannel"},
    "msn": {"siteName": "businessinsider.com"},
}

#: Accuracy measured on the 75 pages when these floors were set: title 0.986, author 0.787 (2 false
#: positives on 28 no-author pages), site 1.000. The floors sit just under. The author floor was set
#: again when archive-of-our-own's ground truth was corrected (walk139 #8, `CORRECTED`): the
#: organisation it counted as the author was a match no longer; author 0.750, the code before that
#: fix scoring the same on the corrected truth.
FLOORS = {"title": 0.97, "author": 0.74, "site": 0.98}
MAX_AUTHOR_FALSE_POSITIVES = 2


def norm(text: str | None) -> str:
    """As the benchmark compares: lower-cased, whitespace collapsed, a leading "By " dropped."""
    text = re.sub(r"\s+", " ", (text or "").replace("\u00a0", " ")).strip().lower()
    return re.sub(r"^by\s+", "", text)


def got(page: Page, field: str) -> str | None:
    if field == "title":
        return page.title
    if field == "author":
        return ", ".join(page.authors) or None
    return page.publication


def expected(meta: dict, field: str) -> str | None:
    return meta.get({"title": "title", "author": "byline", "site": "siteName"}[field]) or None


def readability_names(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "expected-metadata.json").is_file())


@pytest.fixture(scope="module")
def readability(corpus: Path) -> dict[str, tuple[dict, Page]]:
    """Every readability page extracted once: name -> (expected metadata, curator's Page)."""
    root = corpus / "articles" / "readability"
    out = {}
    for name in readability_names(root):
        meta = json.loads((root / name / "expected-metadata.json").read_text("utf-8"))
        meta.update(CORRECTED.get(name, {}))
        html = (root / name / "source.html").read_bytes()
        out[name] = (meta, extract(html, f"http://fakehost/test/{name}/"))
    return out


def _page_names() -> list:
    """The pages to parametrise over, found at collection time (where conftest's `corpus` looks)."""
    root = shared_dir() / "corpus" / "articles" / "readability"
    return corpus_params("articles/readability", readability_names(root) if root.is_dir() else [])


@pytest.mark.parametrize("name", _page_names())
def test_readability_page(readability: dict[str, tuple[dict, Page]], name: str) -> None:
    """Each page's title, author and site: as Readability expects, or as the known miss says."""
    meta, page = readability[name]
    for field in FIELDS:
        want = expected(meta, field)
        if (name, field) in KNOWN_MISSES:
            value, reason = KNOWN_MISSES[(name, field)]
            assert got(page, field) == value, f"{name} {field}: known miss changed ({reason})"
        elif field == "author" and want is None:
            assert got(page, field) is None, f"{name}: no author expected"
        elif want is not None:
            assert norm(got(page, field)) == norm(want), f"{name} {field}"


def test_accuracy_floor(readability: dict[str, tuple[dict, Page]]) -> None:
    """Accuracy over the whole set must not drop below the floors (the gate for rule changes)."""
    scores: dict[str, list[bool]] = {f: [] for f in FIELDS}
    false_positives = 0
    for meta, page in readability.values():
        for field in FIELDS:
            want = expected(meta, field)
            if want is not None:
                scores[field].append(norm(got(page, field)) == norm(want))
            elif field == "author" and page.authors:
                false_positives += 1
    for field, floor in FLOORS.items():
        accuracy = sum(scores[field]) / len(scores[field])
        assert accuracy >= floor, f"{field} accuracy {accuracy:.3f} fell below {floor}"
    assert false_positives <= MAX_AUTHOR_FALSE_POSITIVES


def test_readability_pages_have_text(readability: dict[str, tuple[dict, Page]]) -> None:
    """Main text comes out of every readerable article page, as paragraphs."""
    for name, (meta, page) in readability.items():
        if meta.get("readerable") and name not in ("005-unescape-html-entities", "gmw"):
            assert page.text and len(page.text) > 100, name
    nytimes = readability["nytimes-1"][1]
    assert "\n\n" in (nytimes.text or "")
    assert "Sudan" in (nytimes.text or "")


# --------------------------------------------------------------------------- newspaper4k regression

#: newspaper4k's metadata.json is a snapshot of newspaper4k's own output (with known errors), so it
#: is a regression check: where curator agrees today it must keep agreeing. Disagreements, and why:
NEWSPAPER_DISAGREE = {
    ("article_with_br", "title"): "og:title keeps ' -- Sott.net'; newspaper4k strips it",
    ("chinese_article_002", "title"): "<title> '...-新华网' has no spaced separator to split at",
    ("cnn_001", "title"): "og:title and <title> differ; newspaper4k takes the longer",
    ("cnn_test_nlp", "title"): "og:title and <title> differ",
    ("time_001", "title"): "JSON-LD headline and og:title differ",
    ("video_article_02", "title"): "newspaper4k keeps a straight quote the page writes curly",
    ("article_with_divs", "authors"): "'LinkNaija' is the site's own name",
    ("chinese_article_001", "authors"): "newspaper4k misses the byline 严玉洁",
    (
        "japanese_article",
        "authors",
    ): "'日本経済新聞社' (Nikkei Inc.) is the publisher, not a person",
    ("cnn_002", "authors"): "newspaper4k adds a contributor named in the text",
    ("video_article_01", "authors"): "newspaper4k's list is garbage ('on December', 'at PM')",
    ("wired_001", "authors"): "newspaper4k takes every author linked on the page",
    ("yna_co_kr", "authors"): "newspaper4k returns 'www.facebook.com'",
    ("spanish_article", "authors"): "newspaper4k misses the byline <p class=autor>Patricio Candia",
    (
        "japanese_article",
        "site",
    ): "JSON-LD publisher 日本経済新聞社 (the company) before og:site_name",
    ("time_001", "site"): "JSON-LD publisher 'Time' before og:site_name 'TIME'",
    ("spanish_article", "site"): "newspaper4k finds none; og:site_name says 'Ultima Hora Mallorca'",
    ("thai_article", "site"): "newspaper4k finds none; og:site_name is set",
    ("chinese_article_002", "site"): "newspaper4k finds none; <title> ends '-新华网' (walk48 #3)",
    (
        "japanese_article2",
        "site",
    ): "newspaper4k finds none; <title> ends '国際ニュース：AFPBB News' (walk51 #6)",
}


def test_newspaper4k_regression(corpus: Path) -> None:
    root = corpus / "articles" / "newspaper4k"
    checked = 0
    for folder in sorted(p for p in root.iterdir() if (p / "metadata.json").is_file()):
        source = folder / "source.html"
        html = (
            source.read_bytes()
            if source.is_file()
            else gzip.decompress((folder / "source.html.gz").read_bytes())
        )
        meta = json.loads((folder / "metadata.json").read_text("utf-8"))
        page = extract(html, meta.get("url") or "http://fakehost/")
        values = {
            "title": (page.title, meta.get("title")),
            "authors": (list(page.authors), meta.get("authors") or []),
            "site": (page.publication or "", meta.get("meta_site_name") or ""),
        }
        for field, (mine, theirs) in values.items():
            if (folder.name, field) in NEWSPAPER_DISAGREE:
                assert mine != theirs, f"{folder.name} {field} now agrees: drop it from the table"
            else:
                assert mine == theirs, f"{folder.name} {field}"
                checked += 1
    assert checked >= 40


# ----------------------------------------------------------------------- each cascade step, by hand


def page(head: str = "", body: str = "", url: str = "https://example.com/2024/05/story") -> Page:
    return extract(f"<html><head>{head}</head><body>{body}</body></html>", url)


def test_jsonld_graph_with_author_reference_and_publisher() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Example Site"},
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
            {
                "@type": "BlogPosting",
                "headline": "How to Measure Customer Effort",
                "author": {"@id": "#jane"},
                "publisher": {"@type": "Organization", "name": "Example Press"},
                "datePublished": "2024-05-02T09:30:00+02:00",
                "description": "A guide to the customer effort score.",
            },
        ],
    }
    result = page(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    assert result.title == "How to Measure Customer Effort"
    assert result.authors == ("Jane Doe",)
    assert result.publication == "Example Press"
    assert result.published == datetime(2024, 5, 2, 7, 30, tzinfo=UTC)
    assert result.description == "A guide to the customer effort score."


def test_jsonld_author_list_string_and_cdata() -> None:
    ld = {"@type": ["NewsArticle"], "headline": "T", "author": [{"name": "A One"}, "B Two"]}
    result = page(f'<script type="application/ld+json"><![CDATA[{json.dumps(ld)}]]></script>')
    assert result.authors == ("A One", "B Two")


def test_jsonld_broken_is_skipped_for_the_next_source() -> None:
    result = page(
        '<script type="application/ld+json">{"@type": "Article", "author": </script>'
        '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
        '<meta name="author" content="Jane Doe">'
    )
    assert result.authors == ("Jane Doe",)


def test_opengraph_fields() -> None:
    result = page(
        '<meta property="og:title" content="The OG Title">'
        '<meta property="og:site_name" content="CX Today">'
        '<meta property="og:url" content="/2024/05/story?ref=og">'
        '<meta property="og:description" content="What the story says.">'
        '<meta property="article:author" content="https://example.com/authors/jane">'
        '<meta property="article:published_time" content="2024-05-02T10:00:00Z">'
        "<title>Another Title | CX Today</title>"
    )
    assert result.title == "The OG Title"
    assert result.publication == "CX Today"
    assert result.canonical_url == "https://example.com/2024/05/story?ref=og"
    assert result.description == "What the story says."
    assert result.authors == ()  # article:author was a URL, not a name
    assert result.published == datetime(2024, 5, 2, 10, 0, tzinfo=UTC)


def test_article_author_name_is_used() -> None:
    result = page('<meta property="article:author" content="Jane Doe">')
    assert result.authors == ("Jane Doe",)


def test_meta_author_admin_rejected_then_visible_byline() -> None:
    result = page(
        '<meta name="author" content="admin">',
        '<article><header><h1>Title</h1><p class="byline">By Jane Doe and John Roe</p></header>'
        "<p>Body.</p></article>",
    )
    assert result.authors == ("Jane Doe", "John Roe")


def test_rel_author_link() -> None:
    result = page(body='<p>Posted by <a rel="author" href="/u/7">Maya Horowitz</a></p>')
    assert result.authors == ("Maya Horowitz",)


def test_itemprop_author_hcard() -> None:
    result = page(
        body='<div itemprop="author" itemscope><span itemprop="name">Duff Anderson</span>'
        '<span itemprop="jobTitle">CEO</span></div>'
    )
    assert result.authors == ("Duff Anderson",)


def test_by_line_in_plain_paragraph() -> None:
    result = page(body="<article><h1>T</h1><p>By Denise Lee Yohn</p><p>Text.</p></article>")
    assert result.authors == ("Denise Lee Yohn",)


def test_sentences_and_headings_starting_with_by_are_not_bylines() -> None:
    result = page(
        body="<article><h2>By Design</h2><p>By Monday the Market had Fallen.</p>"
        "<p>By clicking Subscribe you agree to our terms.</p></article>"
    )
    assert result.authors == ()


def test_byline_in_comments_is_not_the_author() -> None:
    result = page(
        body='<article><p>Text.</p></article><div id="comments"><div class="comment-author">'
        '<span class="author">Random Reader</span></div></div>'
    )
    assert result.authors == ()


def test_site_name_and_url_authors_rejected() -> None:
    result = page(
        '<meta property="og:site_name" content="Talkdesk"><meta name="author" content="Talkdesk">'
        '<meta name="author" content="https://talkdesk.com/team">',
        '<span class="author">Staff</span><span class="byline">3 hours ago</span>',
    )
    assert result.authors == ()
    assert result.publication == "Talkdesk"


def test_a_social_handle_is_no_author() -> None:
    """walk30 #5: a handle was credited as a name when the page named no one else; a feed's
    handle never was. Neither is: the draft says no author was found."""
    alone = page('<meta name="twitter:creator" content="@janedoe">')
    assert alone.authors == ()
    meta = page('<meta name="author" content="@priyap">')
    assert meta.authors == ()
    both = page(
        '<meta name="twitter:creator" content="@janedoe"><meta name="author" content="Jane Doe">'
    )
    assert both.authors == ("Jane Doe",)
    site = page(
        '<meta name="twitter:creator" content="@cxweekly">'
        '<meta name="twitter:site" content="@CXWeekly">'
    )
    assert site.authors == ()
    named = page(
        '<meta name="twitter:creator" content="@cxweekly">'
        '<meta property="og:site_name" content="CX Weekly">'
    )
    assert named.authors == ()


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe, Senior Editor", ("Jane Doe",)),
        ("By Jane Doe | Twitter", ("Jane Doe",)),
        ("Written by Rob Ewaschuk Edited by Betsy Beyer", ("Rob Ewaschuk",)),
        ("Jane Doe, John Roe & Ann Lee", ("Jane Doe", "John Roe", "Ann Lee")),
        ("BY GILLIAN MOHNEY March 11, 2015 3:46 PM", ("Gillian Mohney",)),
        ("Tom Watkins, CNN", ("Tom Watkins",)),
        ("Jong, Michiel de", ("Michiel de Jong",)),
        ("Admin", ()),
        ("Staff", ()),
        ("https://example.com/jane", ()),
        ("jane@example.com", ()),
        ("5 hours ago", ()),
        ("Hours ago", ()),
        ("March 3, 2020", ()),
        ("By Our Foreign Staff", ()),
        ("the way", ()),
        ("CNN", ()),
    ],
)
def test_clean_authors(raw: str, names: tuple[str, ...]) -> None:
    assert clean_authors(raw, site="CNN") == names


def test_personal_blog_named_after_its_author() -> None:
    assert is_person_name("Haki Benita", site="Haki Benita")
    assert not is_person_name("BBC News", site="BBC News")


def test_title_cascade_falls_back_to_clean_title_then_h1() -> None:
    assert page("<title>Customer Effort, Explained | CX Today</title>").title == (
        "Customer Effort, Explained"
    )
    assert page(body="<h1>Only a Heading</h1>").title == "Only a Heading"
    assert clean_title("Home - Acme", None) == "Home - Acme"  # too short to split
    assert (
        clean_title("Seven Ways to Win Customers - Acme Widgets") == "Seven Ways to Win Customers"
    )
    mercurial = "Evolve: Shared Mutable History — evolve extension for Mercurial"
    assert clean_title(mercurial) == mercurial  # four words left: keep it whole, as Readability
    assert (
        clean_title("Acme | Seven Ways to Win Customers", "Acme") == "Seven Ways to Win Customers"
    )


def test_site_name_from_title_suffix() -> None:
    assert page("<title>Seven Ways to Win Customers | Acme Blog</title>").publication == "Acme Blog"


def test_canonical_url_absolute_and_http_only() -> None:
    assert (
        page('<link rel="canonical" href="/a/b?x=1">').canonical_url
        == "https://example.com/a/b?x=1"
    )
    assert page('<link rel="canonical" href="javascript:alert(1)">').canonical_url is None
    assert (
        page(
            '<link rel="canonical" href="data:text/html,x">'
            '<meta property="og:url" content="http://example.org/story">'
        ).canonical_url
        == "http://example.org/story"
    )


def test_language_and_published() -> None:
    result = extract(
        '<html lang="pt_br"><head><meta name="date" content="Tue, 07 May 2024 08:00:00 GMT">'
        "</head><body></body></html>",
        "https://example.com/",
    )
    assert result.language == "pt-BR"
    assert result.published == datetime(2024, 5, 7, 8, 0, tzinfo=UTC)


def test_bytes_decoded_by_meta_charset_and_utf8_fallback() -> None:
    latin = '<meta charset="iso-8859-1"><title>Café résumé</title>'.encode("latin-1")
    assert extract(latin, "https://example.com/").title == "Café résumé"
    assert decode_html("<title>Café</title>".encode()) == "<title>Café</title>"
    assert decode_html(b"<title>caf\xe9 \xff</title>") == "<title>café ÿ</title>"  # not UTF-8: 1252
    shift_jis = "<title>日本語のタイトル</title>".encode("shift_jis")
    assert (
        extract(shift_jis, "https://example.jp/", charset="Shift_JIS").title == "日本語のタイトル"
    )
    assert extract(latin, "https://example.com/", charset="no-such-charset").title == "Café résumé"


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        "",
        "   ",
        b"\x00\x01\x02\xff\xfe\xfd" * 100,
        bytes(range(256)) * 50,
        "<" * 5000,
        "<html><head><title>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
        '<script type="application/ld+json">{"@graph": [1, null, {"@type": [3]}], "author": 5}'
        "</script>",
        '<script type="application/ld+json">' + "[" * 5000 + "</script>",
        "<meta name=author content='" + "A" * 100000 + "'>",
    ],
)
def test_garbage_never_raises(junk: str | bytes) -> None:
    result = extract(junk, "https://example.com/")
    assert isinstance(result, Page)
    assert result.url == "https://example.com/"
    assert result.authors == ()


# ------------------------------------------------ issue 13: the page-author misses on unseen pages

STORY = "<h1>Markets fall as trade talks stall</h1>"
STORY_HEAD = "<title>Markets fall as trade talks stall | Example News</title>"


def test_decoy_meta_author_word_gives_way_to_the_visible_byline() -> None:
    """A one-word meta author ("Fail") loses to the full name the page shows under its headline."""
    result = page(
        STORY_HEAD + '<meta name="author" content="Fail">',
        f'<article>{STORY}<p class="byline">By Jane Doe</p><p>Text.</p></article>',
    )
    assert result.authors == ("Jane Doe",)


def test_one_word_meta_author_kept_when_the_page_shows_it() -> None:
    """An agency named in JSON-LD and shown on the page ("Reuters, Washington") stays "Reuters"."""
    ld = {"@type": "NewsArticle", "headline": "Markets fall", "author": "Reuters"}
    result = page(
        f'<script type="application/ld+json">{json.dumps(ld)}</script>',
        f'{STORY}<div class="article-author"><a href="/a/r">Reuters, </a>'
        "<span>Washington</span></div>",
    )
    assert result.authors == ("Reuters",)


def test_dublin_core_creator_ranks_before_meta_author() -> None:
    result = page(
        '<meta name="author" content="Site Owner"><meta name="DC.creator" content="Ann Lee">'
    )
    assert result.authors == ("Ann Lee",)


@pytest.mark.parametrize(
    "byline",
    [
        '<span class="byline">CC BY-SA 4.0</span>',
        '<div class="author">Licensed under Creative Commons</div>',
        '<p class="copyright">© Jane Doe</p>',
    ],
)
def test_licence_lines_are_not_authors(byline: str) -> None:
    result = page(STORY_HEAD + '<meta name="author" content="CC">', f"{STORY}{byline}<p>Text.</p>")
    assert result.authors == ()


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Par Sébastien Farcis", "Sébastien Farcis"),
        ("Por Ana María Pérez", "Ana María Pérez"),
        ("Von Jörg Müller", "Jörg Müller"),
        ("Door Pieter de Vries", "Pieter de Vries"),
        ("Текст: Лида Буслаева", "Лида Буслаева"),
        ("Analysis by Chris Cillizza", "Chris Cillizza"),
    ],
)
def test_visible_by_in_the_corpus_languages(line: str, name: str) -> None:
    result = page(STORY_HEAD, f"{STORY}<p>{line}</p><p>Le texte de l'article.</p>")
    assert result.authors == (name,)


@pytest.mark.parametrize("line", ["By: Jane Doe", "By\u00a0Jane Doe", "Par : Jane Doe"])
def test_visible_by_with_a_colon_or_a_no_break_space(line: str) -> None:
    """Every line BYLINE_PREFIX reads is tested as a byline: a separate hand-kept list of how
    such lines begin had left out "By:" and "By" before a no-break space."""
    result = page(STORY_HEAD, f"{STORY}<p>{line}</p><p>Story text.</p>")
    assert result.authors == ("Jane Doe",)


def test_byline_nearest_the_headline_beats_a_related_story_byline() -> None:
    """A "related" box above the story (not marked as furniture) shows another author's byline."""
    related = (
        '<div class="story-list"><h2>Another story</h2><p class="byline">By Other Person</p></div>'
    )
    result = page(
        STORY_HEAD,
        f'{related}<div class="main">{STORY}<p class="byline">By Real Author</p>'
        "<p>Story text.</p></div>",
    )
    assert result.authors == ("Real Author",)


def test_related_story_jsonld_first_does_not_swap_the_author() -> None:
    """Two NewsArticle objects: the one whose URL is the page's names the author."""
    url = "https://example.com/2024/05/story"
    other = {
        "@type": "NewsArticle",
        "url": "https://example.com/other",
        "headline": "Other",
        "author": {"name": "Other Person"},
    }
    own = {
        "@type": "NewsArticle",
        "url": url,
        "headline": "Markets fall as trade talks stall",
        "author": {"name": "Real Author"},
    }
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(o)}</script>' for o in (other, own)
    )
    assert page(STORY_HEAD + scripts, STORY, url=url).authors == ("Real Author",)


def test_front_page_without_a_matching_headline_reads_bylines_in_page_order() -> None:
    body = "<h2>First story</h2><p>By Ann First</p><h2>Second story</h2><p>By Bob Second</p>"
    assert page("<title>Example News: home</title>", body).authors == ("Ann First",)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Victor Tangermann, Futurism", ("Victor Tangermann",)),
        ("Rachael Link, MS, RD", ("Rachael Link",)),
        ("Jong, Michiel de", ("Michiel de Jong",)),
        ("Ana Swanson, Alan Rappeport", ("Ana Swanson", "Alan Rappeport")),
    ],
)
def test_affiliation_or_degree_after_a_comma_is_dropped(raw: str, names: tuple[str, ...]) -> None:
    assert clean_authors(raw) == names


def test_dateline_after_a_bar_is_not_a_second_author() -> None:
    body = f'{STORY}<p class="autor"><strong>Patricio Candia</strong> | Palma de Mallorca | 08/01/2014</p>'
    assert page(STORY_HEAD, body).authors == ("Patricio Candia",)

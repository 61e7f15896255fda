"""Titles and publications read from article pages, as the editor sees them. `curator extract
--json` gives a page's title as the page writes it ("How to Build a Terrarium | eHow", as
Readability.js and the project's title ground truth keep it) beside the issue's; an issue's title never carries the site's name,
whatever the page's source of it (og:title, JSON-LD, <title>), when the page gives the title (walk
2, defect 3). A page's declared site name that is a section ("U.S." at reuters.com) gives way to
the site's (defect 4).
"""

from __future__ import annotations

import gzip
import json
import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import LocalServer, credits_as_text, run_cli
from curator.articles_credits import page_or_feed_name
from curator.cli import cli
from curator.extract import strip_site_name
from tests.test_review import draft_adding

SCRAPINGHUB = "articles/scrapinghub/html"

#: Corpus pages whose title carries the site's name in og:title or JSON-LD (not only <title>):
#: file -> (the title as the page writes it, which `curator extract` shows; the title an issue
#: shows when the page gives it; the publication on the credit line).
PAGES: dict[str, tuple[str, str, str]] = {
    "articles/readability/ehow-1/source.html": (
        "How to Build a Terrarium | eHow",
        "How to Build a Terrarium",
        "eHow",
    ),
    "articles/readability/iab-1/source.html": (
        "Getting LEAN with Digital Ad UX | IAB",
        "Getting LEAN with Digital Ad UX",
        "IAB",
    ),
    # the byline goes with the site's name after it
    "articles/readability/medium-3/source.html": (
        "Samantha and The Great Big Lie - John C. Welch - Medium",
        "Samantha and The Great Big Lie",
        "Medium",
    ),
    # an en dash, and the site named by og:site_name
    "articles/readability/firefox-nightly-blog/source.html": (
        "These Weeks in Firefox: Issue 85 \u2013 Firefox Nightly News",
        "These Weeks in Firefox: Issue 85",
        "Firefox Nightly News",
    ),
    # "| TheHill": the host's name (thehill.com), written without the space of "The Hill"
    f"{SCRAPINGHUB}/156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38.html.gz": (
        "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign | TheHill",
        "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign",
        "The Hill",
    ),
    # og:site_name "U.S." (a section); the <title> ends "| Reuters" and the page is reuters.com's
    f"{SCRAPINGHUB}/57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca.html.gz": (
        "Oversupply angst drags oil lower, stocks drift near highs",
        "Oversupply angst drags oil lower, stocks drift near highs",
        "Reuters",
    ),
    # JSON-LD publisher "Space", og:site_name "Space.com": the bare word gives way to the domain's
    f"{SCRAPINGHUB}/686bb170effe273eaff1c0f88e412172e8d972518a6d1454c896f52aafaa9643.html.gz": (
        "The Weird Plumes of Jupiter's Moon Europa Are Spewing Water Vapor",
        "The Weird Plumes of Jupiter's Moon Europa Are Spewing Water Vapor",
        "Space.com",
    ),
}

#: The pages whose written title names the site: an issue built from them shows it cut.
SITE_IN_TITLE = [name for name, (written, shown, _) in sorted(PAGES.items()) if written != shown]


def saved_page(corpus: Path, name: str, tmp_path: Path) -> Path:
    """The corpus file as a saved .html page (gunzipped); skips naming the file when missing."""
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"{path} is not in the shared corpus")
    if path.suffix != ".gz":
        return path
    out = tmp_path / path.name.removesuffix(".gz")
    out.write_bytes(gzip.decompress(path.read_bytes()))
    return out


@pytest.mark.parametrize("name", sorted(PAGES))
def test_curator_extract_shows_the_title_as_the_page_writes_it(
    corpus: Path, tmp_path: Path, name: str
) -> None:
    """`curator extract` reports what the page says: the title keeps the site's name, as the title
    ground truth (Readability.js's) does; the publication is the site's."""
    code, out, err = run_cli("extract", "--json", str(saved_page(corpus, name, tmp_path)))
    assert code == 0, err
    record = json.loads(out)
    written, _, publication = PAGES[name]
    assert (record["title"], record["publication"]) == (written, publication)


def test_curator_extract_text_credit_line_names_the_site_not_its_section(
    corpus: Path, tmp_path: Path
) -> None:
    """The walk's reproduction: `curator extract` on the Reuters page printed "... || U.S."."""
    name = next(n for n in PAGES if "57d46c9d751e" in n)
    code, out, err = run_cli("extract", str(saved_page(corpus, name, tmp_path)))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Oversupply angst drags oil lower, stocks drift near highs"
    assert lines[1].endswith("|| Reuters"), lines[1]
    assert "U.S." not in lines[1]


NEWS_PAGE = """<html><head><title>{title}</title>{head}</head>
<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"""
OIL = (
    "Oil prices fell on Tuesday as worries about oversupply weighed on crude markets. Stocks "
    "drifted near record highs while traders watched the oil markets and the dollar."
)
CRUDE = (
    "Crude markets are bracing for another wave of supply as producers raise output. Analysts "
    "expect oil inventories to build through the winter, pressing on crude prices."
)


def one_item_feed(server: LocalServer, name: str, feed_title: str, page: str, item: str) -> str:
    """Serve `page` at /NAME.html and a feed titled `feed_title` whose one item links to it
    (`item`: the item's other elements); returns the feed's URL."""
    link = server.add(f"/{name}.html", page, content_type="text/html")
    return server.add(
        f"/{name}.xml",
        f'<rss version="2.0"><channel><title>{feed_title}</title><item><link>{link}</link>'
        f"{item}</item></channel></rss>",
    )


def build_issue(folder: Path, keywords: str, feeds: list[str]) -> dict[str, str]:
    """Build issue 1 of a one-subject newsletter of `feeds` (private addresses allowed: the test
    server); returns the HTML issue's credit line by article title, and checks the text issue
    shows each."""
    config = folder / "feeds.yaml"
    config.write_text(
        f"newsletter: {{title: Weekly}}\nsubjects:\n  - name: News\n    keywords: [{keywords}]\n"
        "feeds:\n" + "".join(f"  - url: {url}\n" for url in feeds) + "settings: "
        "{allow_private_addresses: true}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert result.exit_code == 0, result.stderr
    html = (folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    credits = {
        unescape(title): unescape(credit)
        for title, credit in re.findall(
            r'<h3><a href="[^"]+">([^<]+)</a></h3>\s*<p class="credit">([^<]+)</p>',
            credits_as_text(html),
        )
    }
    text = (folder / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for title, credit in credits.items():
        assert title in text and credit in text
    return credits


def test_a_build_credits_the_feeds_name_over_a_page_section_and_cuts_it_from_the_title(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Two items without a title of their own, so the page gives it. One page declares a section
    as its site name at reuters.com: the credit names the feed ("Reuters"). The other is on the
    test server with no site name and "| Example Wire" in og:title: the title loses the feed's
    name, which the credit line shows."""
    section = NEWS_PAGE.format(
        title="Oil slides on oversupply angst",
        head='<meta property="og:site_name" content="U.S.">'
        '<link rel="canonical" href="https://www.reuters.com/article/oil-idUS1">',
        text=OIL,
    )
    wire = NEWS_PAGE.format(
        title="Crude markets brace for more supply",
        head='<meta property="og:title" content="Crude markets brace for more supply | Example'
        ' Wire">',
        text=CRUDE,
    )
    credits = build_issue(
        tmp_path,
        "oil, crude, oversupply, markets",
        [
            one_item_feed(
                http_server, "section", "Reuters", section, "<description>Oil.</description>"
            ),
            one_item_feed(
                http_server, "wire", "Example Wire", wire, "<description>Crude.</description>"
            ),
        ],
    )
    assert credits == {
        "Oil slides on oversupply angst": "Reuters",
        "Crude markets brace for more supply": "Example Wire",
    }


def test_a_build_shows_page_titles_without_the_sites_name(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """The corpus pages whose og:title names the site, served over HTTP, each linked by a feed
    item with no title of its own, so the page gives it: the issue's title (HTML and text) drops
    " | eHow", " | IAB", " - John C. Welch - Medium", " \u2013 Firefox Nightly News" and
    " | TheHill", and the credit line names the site."""
    feeds, shown = [], {}
    for number, name in enumerate(SITE_IN_TITLE):
        page = saved_page(corpus, name, tmp_path).read_bytes()
        link = http_server.add(f"/page{number}.html", page, content_type="text/html")
        feeds.append(
            http_server.add(
                f"/feed{number}.xml",
                f"<rss version='2.0'><channel><title>Reading list {number}</title><item>"
                f"<link>{link}</link><description>A story.</description></item></channel></rss>",
            )
        )
        written, title, publication = PAGES[name]
        shown[title] = (written, publication)
    assert len(shown) == 5
    out = tmp_path / "site"
    out.mkdir()
    credits = build_issue(out, "terrarium, lean, samantha, firefox, meth, story", feeds)
    assert {title: credit.rsplit("|| ", 1)[-1] for title, credit in credits.items()} == {
        title: publication for title, (_, publication) in shown.items()
    }
    text = (out / "output" / "issue-1.txt").read_text(encoding="utf-8")
    html = unescape((out / "output" / "issue-1.html").read_text(encoding="utf-8"))
    for written, _ in shown.values():
        assert written not in text and written not in html
    assert "John C. Welch - Medium" not in text


@pytest.mark.parametrize(
    ("site", "feed_title", "url", "publication"),
    [
        # a section at reuters.com under the feed "Reuters"
        ("U.S.", "Reuters", "https://www.reuters.com/article/x", "Reuters"),
        # the page's name is the site's, however the feed is titled
        (
            "The New York Times",
            "NYT > World News",
            "https://www.nytimes.com/a",
            "The New York Times",
        ),
        ("Wall Street Journal", "WSJ.com: Markets", "https://www.wsj.com/a", "Wall Street Journal"),
        # a publication on a hosting platform: its domain names the platform, not the site
        (
            "Voodoo Engineering",
            "Voodoo Engineering - Medium",
            "https://medium.com/voodoo-engineering/x",
            "Voodoo Engineering",
        ),
        # an address that cannot tell (a test server, an intranet): the page's name
        ("U.S.", "Reuters", "http://127.0.0.1:8931/x.html", "U.S."),
        # the feed's title does not resemble the domain either: the page's name
        ("Daily Planet", "Planet Feed", "https://example.com/x", "Daily Planet"),
        (None, "Reuters", "https://www.reuters.com/article/x", "Reuters"),
    ],
)
def test_page_or_feed_name(site: str | None, feed_title: str, url: str, publication: str) -> None:
    assert page_or_feed_name(site, feed_title, url) == publication


def test_curator_extract_separates_surname_first_authors_with_semicolons(
    corpus: Path, tmp_path: Path
) -> None:
    """ietf-1 declares two DC.Creator: "Kooman, F." and "Jong, Michiel de". Joined "A and B" the
    line read as four people (walk 2, defect 6); each is written given name first (walk112 #7)."""
    page = saved_page(corpus, "articles/readability/ietf-1/source.html", tmp_path)
    code, out, err = run_cli("extract", str(page))
    assert code == 0, err
    assert out.splitlines()[1] == "  F. Kooman and Michiel de Jong || (no publication found)"


def test_a_build_credits_surname_first_authors_as_two_people(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = NEWS_PAGE.format(
        title="Remote storage for the web",
        head='<meta name="DC.Creator" content="Kooman, F.">'
        '<meta name="DC.Creator" content="Jong, Michiel de">',
        text="Remote storage lets a web application keep its users' data on a server of their"
        " choice. This draft describes the storage protocol and how applications discover a"
        " user's server.",
    )
    feed = one_item_feed(
        http_server,
        "draft",
        "IETF Datatracker",
        page,
        "<title>Remote storage for the web</title><description>Storage.</description>",
    )
    credits = build_issue(tmp_path, "storage, protocol, server", [feed])
    assert credits == {
        "Remote storage for the web": "F. Kooman and Michiel de Jong || IETF Datatracker"
    }


def test_a_draft_shows_a_page_added_by_url_without_the_sites_name(
    corpus: Path, tmp_path: Path, demo: Path, http_server: LocalServer
) -> None:
    """An article the editor adds to a draft by its URL alone takes the page's title: the issue
    drops the byline and the site's name after it ("- John C. Welch - Medium")."""
    name = "articles/readability/medium-3/source.html"
    page = saved_page(corpus, name, tmp_path).read_bytes()
    url = http_server.add("/samantha.html", page, content_type="text/html")
    path, _ = draft_adding(demo, url)
    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    written, shown, _ = PAGES[name]
    for output in ("issue-1.html", "issue-1.txt"):
        issue = unescape((demo.parent / "output" / output).read_text(encoding="utf-8"))
        assert shown in issue and written not in issue, output
        assert "John C. Welch - Medium" not in issue, output


def test_a_title_is_never_cut_down_to_punctuation() -> None:
    """Cutting the site's name at both ends of "eHow | - | eHow" left "-" as the title."""
    assert strip_site_name("eHow | - | eHow", ["eHow"]) == "eHow | - | eHow"
    assert strip_site_name("eHow | eHow", ["eHow"]) == "eHow"
    assert strip_site_name("How to bake | eHow", ["eHow"]) == "How to bake"
    # a leading name goes only when a title is left (revK: "Acme | Q3" stays, as "Acme: Q3")
    assert strip_site_name("eHow | 42 | eHow", ["eHow"]) == "eHow | 42"
    assert strip_site_name("eHow | The 42 Rules | eHow", ["eHow"]) == "The 42 Rules"


def test_a_build_cuts_the_author_or_site_after_a_feed_items_title(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """Walk 16, finding 6: the feed's own titles kept " | Eleanor Ainge Roy" (the author the page
    credits) and " \u2013 Firefox Nightly News" (the site's and the feed's name). Both go; a title
    with a dash inside that names neither stays whole."""
    items = {
        "guardian-1": (
            "'What is the sea telling us?': M\u0101ori tribes fearful over whale strandings"
            " | Eleanor Ainge Roy",
            "Guardian environment",
        ),
        "firefox-nightly-blog": (
            "These Weeks in Firefox: Issue 85 \u2013 Firefox Nightly News",
            "Firefox Nightly News",
        ),
        "dropbox-blog": (
            "How we designed Dropbox\u2019s ATF - an async task framework",
            "Dropbox engineering",
        ),
    }
    feeds = []
    for name, (title, feed_title) in items.items():
        page = saved_page(corpus, f"articles/readability/{name}/source.html", tmp_path)
        feeds.append(
            one_item_feed(
                http_server,
                name,
                feed_title,
                page.read_text(encoding="utf-8"),
                f"<title>{title.replace('&', '&amp;')}</title><description>A story.</description>",
            )
        )
    credits = build_issue(tmp_path, "whale, firefox, dropbox, story", feeds)
    assert sorted(credits) == [
        "'What is the sea telling us?': M\u0101ori tribes fearful over whale strandings",
        "How we designed Dropbox\u2019s ATF - an async task framework",
        "These Weeks in Firefox: Issue 85",
    ]

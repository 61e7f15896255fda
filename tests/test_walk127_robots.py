"""walk127: curator reads a site's robots.txt before its article pages and honours it (#1), and
its User-Agent names the tool and the newsletter's own addresses, not an unrelated PyPI project
(#2)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import LocalServer, run_cli, said_as_one
from curator import __version__

ROBOTS = "# the editor's site\nUser-agent: *\nDisallow: /private/\n"
SITE = "https://cx-weekly.example/"
CONTACT = "editor@cx-weekly.example"


def page(title: str, author: str, text: str) -> bytes:
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="author" content="{author}"></head><body><article><h1>{title}</h1>'
        f'<p class="byline">By {author}</p><p>{text}</p></article></body></html>'
    ).encode()


#: (path, title, the feed's summary, the page's own text)
ITEMS = [
    (
        "/a/open.html",
        "Customer experience at the bank counter",
        "A look at customer experience at the counter.",
        "Retail banks now measure how long a complaint stays open before anyone calls back."
        " Branches that answered within a day kept more of their savers and their customer"
        " experience scores rose.",
    ),
    (
        "/private/closed.html",
        "Customer experience in the airline lounge",
        "Feed summary: customer experience when a flight is cancelled at night.",
        "Page only sentence: gate agents gained the power to issue hotel vouchers without a"
        " supervisor. Stranded travellers rated their customer experience higher that winter.",
    ),
    (
        "/private/later.html",
        "Customer experience on the hospital ward",
        "Feed summary: customer experience of patients sent home with a nurse's note.",
        "Page only sentence: readmissions fell where the note named a number that someone"
        " actually answered, and the customer experience of families improved.",
    ),
]


def serve_feed(server: LocalServer, items: list[tuple[str, str, str, str]]) -> str:
    xml = "".join(
        f"<item><title>{escape(title)}</title><link>{server.url(path)}</link>"
        f"<description>{escape(summary)}</description><dc:creator>Feed Writer</dc:creator>"
        f"<pubDate>Mon, 23 Nov 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, (path, title, summary, _) in enumerate(items, 1)
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>CX</title>{xml}</channel></rss>"
    )
    return server.add("/feed.xml", feed.encode("utf-8"))


def test_pages_its_robots_txt_disallows_are_not_read_and_the_user_agent_names_the_newsletter(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk127 #1: curator never asked for /robots.txt, and a page under `Disallow: /private/`
    was read and featured in fetch, build and draft. Now robots.txt is read once per site (and
    kept in the store for a day), the disallowed pages' articles are built from the feed, said
    once per site, and `curator extract` reads such a page only saying so. walk127 #2: every
    request said `+https://pypi.org/project/curator/`, an unrelated project; it now gives the
    newsletter's site_url."""
    http_server.add("/robots.txt", ROBOTS, content_type="text/plain")
    for path, title, _, text in ITEMS:
        http_server.add(path, page(title, "Page Writer", text), content_type="text/html")
    serve_feed(http_server, ITEMS[:2])
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "CX Weekly", "editor": "Ed", "site_url": SITE},
                "subjects": [{"name": "News", "keywords": ["customer experience"]}],
                "feeds": [{"url": http_server.url("/feed.xml")}],
                "settings": {"allow_private_addresses": True, "timeout": 10},
            },
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    site = http_server.base.split("://", 1)[1]
    said = (
        f"1 page of {site} is not read: its robots.txt disallows it; its article's credit and"
        " blurb come from its feed"
    )

    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    assert len(http_server.seen("/robots.txt")) == 1
    assert len(http_server.seen("/a/open.html")) == 1
    assert http_server.seen("/private/closed.html") == []
    assert said_as_one(err).count(said) == 1, err

    # A week's new entry under /private/: the robots.txt kept in the store is used (asked for
    # once a day), and the page is not read either.
    serve_feed(http_server, ITEMS)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    assert len(http_server.seen("/robots.txt")) == 1
    assert http_server.seen("/private/later.html") == []
    assert said in said_as_one(err), err
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    for _, title, _, _ in ITEMS:
        assert title in issue, issue
    assert "Feed summary: customer experience when a flight is cancelled" in issue, issue
    assert "Page only sentence" not in issue, issue

    # Every request says who asks, with where to reach the editor, and no unrelated link.
    agents = {seen.headers.get("User-Agent") for seen in http_server.requests}
    assert agents == {f"curator/{__version__} (newsletter curation; +{SITE})"}, agents

    code, out, err = run_cli(
        "extract", "--config", str(config), http_server.url("/private/closed.html")
    )
    assert code == 0, err
    assert "Page only sentence" in out, out
    assert (
        f"{http_server.url('/private/closed.html')}: the robots.txt of {site} disallows curator"
        " this page: it is read here only because you asked for it"
    ) in said_as_one(err), err


def test_the_rules_for_curator_are_its_own_group_else_the_star_one() -> None:
    """RFC 9309: a group naming curator replaces `*`'s; the longest match decides, Allow wins a
    tie; `*` and `$` are wildcards; a robots.txt of nothing usable allows everything."""
    from curator.robots import parse_rules

    text = (
        "User-agent: *\nDisallow: /\n\n"
        "User-agent: Curator/1.0\nUser-agent: otherbot\n"
        "Disallow: /private/\nAllow: /private/open\nDisallow: /*.pdf$\n"
    )
    rules = parse_rules(text)
    assert rules.allows("https://x.example/a/page.html")
    assert not rules.allows("https://x.example/private/page.html")
    assert rules.allows("https://x.example/private/open-letter.html")
    assert not rules.allows("https://x.example/a/report.pdf")
    assert rules.allows("https://x.example/a/report.pdf?download=1")
    assert not parse_rules(text, "someone").allows("https://x.example/a/page.html")
    assert parse_rules("<html>not a robots.txt</html>").allows("https://x.example/a")


def test_contact_goes_into_the_user_agent_and_must_be_an_email_or_a_web_address(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk127 #2: `settings: user_agent:` was refused as unknown, and a site owner had no way
    to reach the editor; `settings: contact:` is sent in every request's User-Agent (no
    site_url here), and checked, as it goes into a header."""
    serve_feed(http_server, [])
    config = tmp_path / "feeds.yaml"
    head = (
        "newsletter:\n  title: CX Weekly\nsubjects:\n  - name: News\n    keywords: [cx]\n"
        f"feeds:\n  - url: {http_server.url('/feed.xml')}\nsettings:\n"
    )
    config.write_text(head + f"  contact: {CONTACT}\n", encoding="utf-8")
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    agents = {seen.headers.get("User-Agent") for seen in http_server.requests}
    assert agents == {f"curator/{__version__} (newsletter curation; {CONTACT})"}, agents

    config.write_text(head + "  contact: Ed (the editor)\n", encoding="utf-8")
    code, _, err = run_cli("feeds", "list", "--config", str(config))
    assert code == 2, err
    assert (
        "`contact` must be an email address or an http(s) address, e.g. editor@example.com,"
        " not `Ed (the editor)`"
    ) in said_as_one(err), err


def test_a_robots_txt_built_to_backtrack_does_not_hold_the_run(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk133 #1: `Disallow: /*a*a*a*a*a*a*a*a*a*b` against a page whose address holds 80 a's
    held `curator fetch` for ever (a regex backtracking, in C, where not even SIGTERM reached
    it). Patterns are matched piece by piece now: the run ends, the page is read (no pattern
    matches it) and the one the pattern does match is not."""
    import subprocess
    import sys

    http_server.add(
        "/robots.txt", "User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*b\n", content_type="text/plain"
    )
    long = "/p/" + "a" * 80 + ".html"
    matched = "/p/" + "a" * 10 + "b.html"
    items = [
        (long, "Customer experience of long addresses", "A summary.", "Customer experience."),
        (matched, "Customer experience of the matched page", "A summary.", "Matched text."),
    ]
    for path, title, _, text in items:
        http_server.add(path, page(title, "Page Writer", text), content_type="text/html")
    serve_feed(http_server, items)
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "CX Weekly", "editor": "Ed"},
                "subjects": [{"name": "News", "keywords": ["customer experience"]}],
                "feeds": [{"url": http_server.url("/feed.xml")}],
                "settings": {"allow_private_addresses": True, "timeout": 10},
            }
        ),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "curator", "fetch", "--config", str(config), "-q"],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(http_server.seen(long)) == 1
    assert http_server.seen(matched) == []

"""walk118 and walk119: credits after walk112's rules. A personal blog's one author ("elly" of
"~elly/blog") was taken for the site's name and the run said no author was found; a company's
legal name ("Gartner, Inc.") was published as a person; "X, with Y" lost Y and "X with the Reuters
team" lost X; several "Surname, Given" names in one field were one name; a theme's words around a
rel=author link ("About Omar Haddad", "Omar Haddad's profile") were taken for the name or lost it.
As the editor sees them: the draft's `author:` lines and notes, the issue's credit lines and the
build's warnings."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import authors
from test_walk112 import FEED_TITLE, NO_AUTHOR, _page, draft_blocks, one_subject

from conftest import LocalServer
from conftest import run_cli as run

TAKEN = 'its feed names "Zendo" as the author, taken for the site\'s own name'

#: title -> (the item's dc:creator or "", the page's <head> extras, the page's byline HTML): the
#: authors expected.
ITEMS: dict[str, tuple[str, str, str, list[str]]] = {
    # 2: a company's legal name credits no one
    "Returns Desk Habits": ("Gartner, Inc.", "", "", []),
    "Analyst Briefing Notes": ("", '<meta name="author" content="Gartner, Inc.">', "", []),
    "Refund Desk Scripts": ("", "", '<p class="byline">By Acme Research Inc.</p>', []),
    # 3: "X, with Y" is a co-author as "X with Y" is; a desk after "with" is no one
    "Callback Queue Lengths": ("Ahmed Ali, with Sara Lind", "", "", ["Ahmed Ali", "Sara Lind"]),
    "Queue Signage Trials": (
        "",
        "",
        '<p class="byline">By Ahmed Ali, with Sara Lind</p>',
        ["Ahmed Ali", "Sara Lind"],
    ),
    "Chatbot Handoff Rules": (
        "",
        "",
        '<p class="byline">By Ahmed Ali with the Reuters team</p>',
        ["Ahmed Ali"],
    ),
    "Hotel Check-in Waits": ("Ahmed Ali with the Reuters team", "", "", ["Ahmed Ali"]),
    "Branch Visit Surveys": (
        "",
        "",
        '<p class="byline">By Max Uhl with additional reporting by Ned Vo</p>',
        ["Max Uhl"],
    ),
    # 4: several "Surname, Given" names in one field
    "Loyalty Card Sign-ups": ("Kooman, F., Jong, M. de", "", "", ["F. Kooman", "M. de Jong"]),
    "Survey Link Placement": (
        "",
        '<meta name="author" content="Doe, Jane, Smith, John">',
        "",
        ["Jane Doe", "John Smith"],
    ),
    # 5: a theme's words around a rel=author link
    "Booking Page Clarity": (
        "",
        "",
        '<div><a rel="author" href="/author/omar/">About Omar Haddad</a></div>',
        ["Omar Haddad"],
    ),
    "Help Article Tone": (
        "",
        "",
        '<div><a rel="author" href="/author/omar/">Omar Haddad\'s profile</a></div>',
        ["Omar Haddad"],
    ),
    # 1: the site's own name without "Blog" credits no one, and the run says what it was
    "Callback Request Forms": ("Zendo", "", "", []),
}

ELLY_TITLE = "Customer Support Certificates"


def _newsletter(tmp_path: Path, server: LocalServer) -> Path:
    xml = []
    for n, (title, (creator, head, body, _)) in enumerate(ITEMS.items()):
        link = server.add(f"/p/{n}/", _page(title, head, body), content_type="text/html")
        who = f"<dc:creator>{creator}</dc:creator>" if creator else ""
        xml.append(
            f"<item><title>{title}</title><link>{link}</link>{who}"
            f"<pubDate>Tue, {n + 1:02d} Dec 2026 10:00:00 GMT</pubDate></item>"
        )
    zendo = server.add(
        "/feed.xml",
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{FEED_TITLE}</title><link>{server.base}</link>{''.join(xml)}</channel></rss>",
    )
    # 1: as real/feed-rs/atom/atom_content_src.xml: a personal blog whose feed names its author
    elly_page = server.add("/d/blog/certs/", _page(ELLY_TITLE, site=None), content_type="text/html")
    elly = server.add(
        "/elly.xml",
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>~elly/blog</title><link href="{server.base}/d/blog/"/>'
        "<updated>2026-12-03T00:00:00Z</updated><author><name>elly</name></author>"
        "<id>urn:uuid:58e1c539-4056-4502-9445-29d725e4df97</id>"
        f'<entry><title>{ELLY_TITLE}</title><link href="{elly_page}"/>'
        "<id>urn:uuid:2c43eb19-7261-4a41-9225-4dc421f9a1b7</id>"
        "<updated>2026-12-03T00:00:00Z</updated></entry></feed>",
    )
    return one_subject(tmp_path, zendo, elly)


def test_credits_name_the_people_and_say_what_was_taken_for_the_site(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _newsletter(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    blocks = draft_blocks(tmp_path / "drafts" / "issue-1.md")
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    wrong = []  # every credit that is wrong, so a failure names them all
    for title, (*_, people) in ITEMS.items():
        if authors(blocks[title]) != people:
            wrong.append((title, "draft", blocks[title]))
        credit = " and ".join(people)
        line = f"{credit} || {FEED_TITLE}" if credit else FEED_TITLE
        if f"{title}\n\n{line}\n" not in issue:
            wrong.append((title, "issue", issue.split(f"{title}\n\n", 1)[-1][:60]))
    # 1: the one person who writes a personal blog keeps her credit
    if authors(blocks[ELLY_TITLE]) != ["elly"]:
        wrong.append((ELLY_TITLE, "draft", blocks[ELLY_TITLE]))
    if f"{ELLY_TITLE}\n\nelly || ~elly/blog\n" not in issue:
        wrong.append((ELLY_TITLE, "issue", issue.split(f"{ELLY_TITLE}\n\n", 1)[-1][:60]))
    # ... and a name taken for the site's own is said as that, not as no author found
    zendo = "\n".join(blocks["Callback Request Forms"])
    if TAKEN not in zendo or NO_AUTHOR in zendo:
        wrong.append(("Callback Request Forms", "note", zendo))
    assert wrong == [], "\n".join(map(str, wrong))
    for name in ("Gartner", "Inc.", "Reuters", "About", "profile", "Kooman, F.", "Doe, Jane"):
        assert name not in issue, name
    # 1: no warning says her article has no author; the site's own name is said as that
    elly = [line for line in err.splitlines() if ELLY_TITLE in line]
    assert not any("no author" in line for line in elly), elly
    warned = [line for line in err.splitlines() if "Callback Request Forms" in line]
    assert len(warned) == 1 and TAKEN in warned[0], err
    assert "no author was found" not in warned[0], warned
    # `curator extract` says it too
    link = f"{http_server.base}/p/{list(ITEMS).index('Callback Request Forms')}/"
    code, out, err = run("extract", "--config", str(config), link)
    assert code == 0, err
    assert "its feed names Zendo as the author, taken for the site's own name" in out, out
    # a company's name credits no one, and the run says no author was found
    assert NO_AUTHOR in "\n".join(blocks["Returns Desk Habits"])

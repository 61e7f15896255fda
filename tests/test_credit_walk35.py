"""walk35 #3 (credits) and walk30 #5's tagline: a feed's handle against the page's full name, "and
2 others" against a page naming all of them, a team's or staff's byline, surname-first credits of
more words, and a tagline in og:site_name; as the editor sees them: the draft's `author:` and
`publication:` lines, the built issue and the build's warnings."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import NO_AUTHOR, authors, built, drafted, newsletter, page

from conftest import LocalServer
from conftest import run_cli as run


def _meta_author(*names: str) -> str:
    return "".join(f'<meta name="author" content="{n}">' for n in names)


def test_a_feeds_handle_gives_way_to_the_pages_full_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk35 #3: feed "jroe", page "Jane Roe": "jroe || Lambda Review" was published. A page's
    one-word handle already gave way to the feed's full name; the other way round now too."""
    items = [
        (
            "Refund Queues",
            "<dc:creator>jroe</dc:creator>",
            page("Refund Queues", head=_meta_author("Jane Roe")),
        ),
        (
            "Chat Support Hours",
            "<dc:creator>Jane Roe</dc:creator>",
            page("Chat Support Hours", head=_meta_author("jroe")),
        ),
        # A handle that is no part of the page's name: credited to the page's, and said.
        (
            "Help Desk Scripts",
            "<dc:creator>kumabook</dc:creator>",
            page("Help Desk Scripts", head=_meta_author("Jane Roe")),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    assert authors(blocks["Refund Queues"]) == ["Jane Roe"]
    assert not any("jroe" in line for line in blocks["Refund Queues"]), blocks["Refund Queues"]
    assert authors(blocks["Chat Support Hours"]) == ["Jane Roe"]
    assert authors(blocks["Help Desk Scripts"]) == ["Jane Roe"]
    assert any("kumabook" in line for line in blocks["Help Desk Scripts"])
    issue = built(config)
    assert "jroe" not in issue and issue.count("Jane Roe || Zeta Post") == 3


def test_and_others_gives_way_to_a_page_naming_them_all(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk35 #3: feed "Jane Roe and 2 others", page naming all three: "Jane Roe and others" was
    published, and the warning said the page names John Poe and Amy Chen."""
    items = [
        (
            "Refund Queues",
            "<dc:creator>Jane Roe and 2 others</dc:creator>",
            page("Refund Queues", head=_meta_author("Jane Roe", "John Poe", "Amy Chen")),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Jane Roe, John Poe and Amy Chen || Zeta Post" in issue, issue
    assert "others" not in issue
    assert "the credit of" not in err, err


def test_a_teams_or_staffs_byline_credits_no_one_but_the_person_named_with_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk35 #3: "The Zeta Post Team" was credited, though README says a team's byline credits no
    one; "Amy Chen and Zeta Post Staff" credited no one, not even Amy Chen."""
    items = [
        ("Refund Queues", "<dc:creator>The Zeta Post Team</dc:creator>"),
        ("Chat Support Hours", "<dc:creator>Amy Chen and Zeta Post Staff</dc:creator>"),
        # A desk that is not the publication's own is the publisher's credit, kept as written.
        ("Help Desk Scripts", "<dc:creator>GNOME Sysadmin Team</dc:creator>"),
    ]
    config = newsletter(tmp_path, http_server, [(title, who, page(title)) for title, who in items])
    blocks = drafted(config)
    assert authors(blocks["Refund Queues"]) == [], blocks["Refund Queues"]
    # what the feed named is said, not "no author was found" (walk118 #1)
    said = "\n".join(blocks["Refund Queues"])
    assert NO_AUTHOR not in said, said
    assert (
        'its feed names "The Zeta Post Team" as the author, taken for the site\'s own team' in said
    ), said
    assert authors(blocks["Chat Support Hours"]) == ["Amy Chen"]
    assert authors(blocks["Help Desk Scripts"]) == ["GNOME Sysadmin Team"]
    issue = built(config)
    assert "Team || " not in issue.replace("Sysadmin Team ||", "")
    assert "Amy Chen || Zeta Post" in issue and "Staff" not in issue


def test_surname_first_with_more_words_or_a_degree(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk35 #3: "Van Halen, Eddie" was published as "Van Halen", "Roe, Jane, PhD" as "Roe,
    Jane"."""
    items = [
        ("Refund Queues", "<dc:creator>Van Halen, Eddie</dc:creator>", page("Refund Queues")),
        (
            "Chat Support Hours",
            "<dc:creator>Roe, Jane, PhD</dc:creator>",
            page("Chat Support Hours"),
        ),
        (
            "Help Desk Scripts",
            "",
            page("Help Desk Scripts", head=_meta_author("de la Cruz, María")),
        ),
        # Not surname first: a name and the site it writes for.
        (
            "Billing Errors",
            "<dc:creator>Victor Tangermann, Futurism</dc:creator>",
            page("Billing Errors"),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    assert authors(blocks["Refund Queues"]) == ["Eddie Van Halen"]
    assert authors(blocks["Chat Support Hours"]) == ["Jane Roe"]
    assert authors(blocks["Help Desk Scripts"]) == ["María de la Cruz"]
    assert authors(blocks["Billing Errors"]) == ["Victor Tangermann"]
    issue = built(config)
    assert "Eddie Van Halen || Zeta Post" in issue and "Jane Roe || Zeta Post" in issue


def test_a_tagline_in_the_site_name_is_not_the_publications_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk30 #5: og:site_name "Alpha Times — News, Opinion and Analysis" was published whole as
    the publication."""
    items = [
        (
            "Refund Queues",
            "<dc:creator>Amy Chen</dc:creator>",
            page("Refund Queues", site="Alpha Times — News, Opinion and Analysis"),
        ),
        (
            "Chat Support Hours",
            "<dc:creator>Amy Chen</dc:creator>",
            page("Chat Support Hours", site="Beta Journal | Tech News &amp; Reviews"),
        ),
        # A name with a dash and no tagline stays whole.
        (
            "Help Desk Scripts",
            "<dc:creator>Amy Chen</dc:creator>",
            page("Help Desk Scripts", site="Gamma - Delta Review"),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    assert "publication: Alpha Times" in blocks["Refund Queues"], blocks["Refund Queues"]
    assert "publication: Beta Journal" in blocks["Chat Support Hours"]
    assert "publication: Gamma - Delta Review" in blocks["Help Desk Scripts"]
    issue = built(config)
    assert "Amy Chen || Alpha Times\n" in issue and "Amy Chen || Beta Journal\n" in issue
    assert "Opinion" not in issue and "Reviews" not in issue

"""walk30: credits in the author formats real feeds and pages use (an e-mail address, a label, an
Atom author with only an address, lower-case and surname-first names, names in capitals), as the
editor sees them: the draft's `author:` lines and notes, and the built issue."""

from __future__ import annotations

from pathlib import Path

from test_credit_sources import _own_words

from conftest import LocalServer
from conftest import run_cli as run

SITE = "Zeta Post"
NO_AUTHOR = "no author was found: add an `author:` line if the article names one"


def page(title: str, head: str = "", byline: str = "", site: str | None = SITE) -> str:
    meta = f'<meta property="og:site_name" content="{site}">' if site is not None else ""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{meta}{head}"
        f"</head><body><article><h1>{title}</h1>"
        + (f'<p class="byline">{byline}</p>' if byline else "")
        + "".join(f"<p>{_own_words(title, n)}</p>" for n in range(6))
        + "</article></body></html>"
    )


def newsletter(
    tmp_path: Path,
    server: LocalServer,
    items: list[tuple[str, str, str]],
    *,
    atom_author: str | None = None,
) -> Path:
    """A newsletter of one subject and one feed on 127.0.0.1 whose items are (title, the item's
    author XML, the page's HTML): RSS 2.0, or Atom with `atom_author` as the feed's own author
    XML. Returns its feeds.yaml."""
    xml = []
    for n, (title, who, html) in enumerate(items):
        link = server.add(f"/p/{n}/", html, content_type="text/html; charset=utf-8")
        if atom_author is None:
            xml.append(
                f"<item><title>{title}</title><link>{link}</link>{who}"
                f"<pubDate>Tue, 0{n + 1} Dec 2026 10:00:00 GMT</pubDate></item>"
            )
        else:
            xml.append(
                f'<entry><title>{title}</title><link href="{link}"/><id>{link}</id>{who}'
                f"<updated>2026-12-0{n + 1}T10:00:00Z</updated></entry>"
            )
    if atom_author is None:
        body = (
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>{SITE}</title><link>{server.base}</link>{''.join(xml)}</channel></rss>"
        )
    else:
        body = (
            '<feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>{SITE}</title><id>{server.base}/</id><link href="{server.base}/"/>'
            f"<updated>2026-12-09T10:00:00Z</updated>{atom_author}{''.join(xml)}</feed>"
        )
    feed = server.add("/feed.xml", body)
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer service\n"
        "    keywords: [customer, support, service, effort]\n"
        "settings:\n  allow_private_addresses: true\n"
        f"feeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    return path


def drafted(config: Path) -> dict[str, list[str]]:
    """`curator draft`'s article blocks by title: the lines after `url:` up to the blank line."""
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    lines = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8").splitlines()
    return {
        line[3:]: lines[at + 2 : lines.index("", at)]
        for at, line in enumerate(lines)
        if line.startswith("## ")
    }


def built(config: Path) -> str:
    """The issue built from the draft, as text."""
    code, _, err = run(
        "build", "--config", str(config), "--draft", str(config.parent / "drafts/issue-1.md")
    )
    assert code == 0, err
    return (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")


def authors(block: list[str]) -> list[str]:
    return [line.removeprefix("author: ") for line in block if line.startswith("author: ")]


def test_an_email_address_as_the_author_credits_no_one_and_says_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk30 #1: an address whose domain's last label has more than four letters was published
    as a scrap of it ("ple", "mailto:ple", "PLE"): feedparser cuts such an address short."""
    items = [
        ("Refund Queues", "<dc:creator>jroe@zeta.example</dc:creator>"),
        ("Chat Support Hours", "<author>news@firm.consulting</author>"),
        ("Help Desk Scripts", "<dc:creator>mailto:jroe@iota.example</dc:creator>"),
        ("Billing Errors", "<dc:creator>JROE@IOTA.EXAMPLE</dc:creator>"),
        ("Warranty Claims", "<author>jroe@zeta.example (Jane Roe)</author>"),
        ("Loyalty Cards", "<author>amy@lab.technology (Amy Chen)</author>"),
    ]
    config = newsletter(tmp_path, http_server, [(title, who, page(title)) for title, who in items])
    blocks = drafted(config)
    for title, _ in items[:4]:
        assert authors(blocks[title]) == [], blocks[title]
        assert NO_AUTHOR in blocks[title][-1], blocks[title]
    assert authors(blocks["Warranty Claims"]) == ["Jane Roe"]
    assert authors(blocks["Loyalty Cards"]) == ["Amy Chen"]
    issue = built(config)
    assert f"Refund Queues\n\n{SITE}\n" in issue
    assert "ple" not in issue.replace("people", "").lower().split()
    assert "Jane Roe || Zeta Post" in issue and "Amy Chen || Zeta Post" in issue


def test_a_label_is_no_persons_credit_and_a_name_for_a_publication_credits_the_person(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk30 #2: "Guest Contributor" and "Zeta Post Staff" were credited as people, and "Jane
    Roe for Zeta Post" whole."""
    items = [
        ("Refund Queues", "<dc:creator>Guest Contributor</dc:creator>"),
        ("Chat Support Hours", "<dc:creator>Zeta Post Staff</dc:creator>"),
        ("Help Desk Scripts", "<dc:creator>Jane Roe for Zeta Post</dc:creator>"),
        ("Billing Errors", "<dc:creator>Jane Roe and John Poe for the Iota Wire</dc:creator>"),
    ]
    config = newsletter(tmp_path, http_server, [(title, who, page(title)) for title, who in items])
    blocks = drafted(config)
    for title in ("Refund Queues", "Chat Support Hours"):
        assert authors(blocks[title]) == [], blocks[title]
        assert NO_AUTHOR in blocks[title][-1], blocks[title]
    assert authors(blocks["Help Desk Scripts"]) == ["Jane Roe"]
    assert authors(blocks["Billing Errors"]) == ["Jane Roe", "John Poe"]
    issue = built(config)
    assert "Guest Contributor" not in issue and "Staff" not in issue
    assert "Jane Roe || Zeta Post" in issue and "Jane Roe and John Poe || Zeta Post" in issue


def test_an_atom_author_with_only_an_address_does_not_take_the_feeds_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk30 #3: an Atom entry whose <author> gives only <email> or <uri> names someone, though
    not by name: it was credited to the feed's own author."""
    items = [
        ("Refund Queues", "<author><email>jroe@zeta.example</email></author>"),
        ("Chat Support Hours", "<author><uri>https://zeta.example/jroe</uri></author>"),
        ("Help Desk Scripts", ""),
        ("Billing Errors", "<author><name>Ana Lima</name></author>"),
    ]
    config = newsletter(
        tmp_path,
        http_server,
        [(title, who, page(title)) for title, who in items],
        atom_author="<author><name>Feed Author Person</name></author>",
    )
    blocks = drafted(config)
    for title in ("Refund Queues", "Chat Support Hours"):
        assert authors(blocks[title]) == [], blocks[title]
        assert NO_AUTHOR in blocks[title][-1], blocks[title]
    # RFC 4287: an entry with no atom:author takes the feed's.
    assert authors(blocks["Help Desk Scripts"]) == ["Feed Author Person"]
    assert authors(blocks["Billing Errors"]) == ["Ana Lima"]
    issue = built(config)
    assert issue.count("Feed Author Person") == 1


def test_a_real_name_is_not_lost_to_a_false_no_author_note(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk30 #4: names in lower case, a meta author with its address, and an author whose name
    is also the site's were dropped, and the draft said no author was found."""
    items = [
        ("Refund Queues", "<dc:creator>john o'brien</dc:creator>", page("Refund Queues")),
        ("Chat Support Hours", "<dc:creator>jane roe</dc:creator>", page("Chat Support Hours")),
        (
            "Help Desk Scripts",
            "",
            page(
                "Help Desk Scripts",
                head='<meta name="author" content="Tom Baker &lt;tom@delta.example&gt;">',
            ),
        ),
        (
            "Billing Errors",
            "",
            page(
                "Billing Errors", head='<meta name="author" content="Hana Sato">', site="Hana Sato"
            ),
        ),
        # Still no one: words in lower case that are no name.
        ("Loyalty Cards", "<dc:creator>read more</dc:creator>", page("Loyalty Cards")),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    assert authors(blocks["Refund Queues"]) == ["John O'Brien"]
    assert authors(blocks["Chat Support Hours"]) == ["Jane Roe"]
    assert authors(blocks["Help Desk Scripts"]) == ["Tom Baker"]
    assert blocks["Billing Errors"][:2] == ["author: Hana Sato", "publication: Hana Sato"]
    for title in ("Refund Queues", "Chat Support Hours", "Help Desk Scripts", "Billing Errors"):
        assert not any(NO_AUTHOR in line for line in blocks[title]), blocks[title]
    assert authors(blocks["Loyalty Cards"]) == []
    issue = built(config)
    assert "John O'Brien || Zeta Post" in issue and "Jane Roe || Zeta Post" in issue
    assert "Tom Baker || Zeta Post" in issue and "Hana Sato || Hana Sato" in issue


def test_a_name_in_capitals_is_cased_as_names_are_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk30 #6: "Mary Mccarthy", "Seán O'Neill-Mcdonald", "Jan Van Der Berg"."""
    items = [
        ("Refund Queues", "MARY MCCARTHY", "Mary McCarthy"),
        ("Chat Support Hours", "SEÁN O'NEILL-MCDONALD", "Seán O'Neill-McDonald"),
        ("Help Desk Scripts", "JAN VAN DER BERG", "Jan van der Berg"),
        ("Billing Errors", "MARÍA DE LA CRUZ", "María de la Cruz"),
        ("Loyalty Cards", "AHMED BIN RASHID AL-MAKTOUM", "Ahmed bin Rashid al-Maktoum"),
    ]
    config = newsletter(
        tmp_path,
        http_server,
        [(title, f"<dc:creator>{raw}</dc:creator>", page(title)) for title, raw, _ in items],
    )
    blocks = drafted(config)
    assert {title: authors(blocks[title]) for title, _, _ in items} == {
        title: [name] for title, _, name in items
    }
    issue = built(config)
    for _, _, name in items:
        assert f"{name} || Zeta Post" in issue


def test_surname_first_handles_others_and_an_address_for_a_site_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk30 #5: "Doe, Jane" was published as written, a page's @handle credited as a name, "and
    3 others" dropped, and a site named by its address published as the publication."""
    items = [
        ("Refund Queues", "<dc:creator>Doe, Jane</dc:creator>", page("Refund Queues")),
        (
            "Chat Support Hours",
            "",
            page("Chat Support Hours", head='<meta name="author" content="Roe, John">'),
        ),
        (
            "Help Desk Scripts",
            "",
            page("Help Desk Scripts", head='<meta name="author" content="@priyap">'),
        ),
        (
            "Billing Errors",
            "",
            page("Billing Errors", head='<meta name="twitter:creator" content="@janedoe">'),
        ),
        ("Loyalty Cards", "<dc:creator>Jane Doe and 3 others</dc:creator>", page("Loyalty Cards")),
        (
            "Warranty Claims",
            "<dc:creator>Amy Chen</dc:creator>",
            page("Warranty Claims", site="https://www.epsilon.example/"),
        ),
        (
            "Store Staff",
            "<dc:creator>Amy Chen</dc:creator>",
            page("Store Staff", site="www.epsilon.example"),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    assert authors(blocks["Refund Queues"]) == ["Jane Doe"]
    assert authors(blocks["Chat Support Hours"]) == ["John Roe"]
    for title in ("Help Desk Scripts", "Billing Errors"):
        assert authors(blocks[title]) == [], blocks[title]
        assert NO_AUTHOR in blocks[title][-1], blocks[title]
    assert authors(blocks["Loyalty Cards"]) == ["Jane Doe", "others"]
    for title in ("Warranty Claims", "Store Staff"):
        # As for a page that names no site: the feed's title, and the note says so.
        assert blocks[title][1] == f"publication: {SITE}", blocks[title]
        assert f'"{SITE}" is the title of its feed' in blocks[title][2], blocks[title]
    issue = built(config)
    assert "Jane Doe || Zeta Post" in issue and "John Roe || Zeta Post" in issue
    assert "Jane Doe and others || Zeta Post" in issue
    assert "@" not in issue and "epsilon" not in issue

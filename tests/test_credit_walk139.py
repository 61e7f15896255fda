"""walk139: bylines missed or merged, as the editor sees them (the draft's `author:` lines and
notes, the built issue, `curator extract`): a guest byline in inline markup (`<p><em>Guest post by
...</em></p>`) or told after the name ("Jane Roe is a guest contributor") was not read and the
feed's author was published; "and" in Russian, Greek, Hindi and Hebrew, and a Korean comma list,
made two people one; an organisation's name ("Organization for Transformative Works") was
published as the author; the site's own name as the author was said only as "no author found"."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from test_credit_formats import NO_AUTHOR, SITE, authors, built, drafted, newsletter
from test_credit_sources import _own_words

from conftest import LocalServer
from conftest import run_cli as run


def page(title: str, lead: str = "", head: str = "", last: str = "") -> str:
    """A Zeta Post article page: `lead` (HTML) under its headline, its own words, `last` (HTML)."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f'<meta property="og:site_name" content="{SITE}">{head}</head><body><article>'
        f"<h1>{title}</h1>{lead}"
        + "".join(f"<p>{_own_words(title, n)}</p>" for n in range(6))
        + f"{last}</article></body></html>"
    )


def creator(name: str) -> str:
    return f"<dc:creator>{name}</dc:creator>"


#: (title, the page's byline HTML under its headline, its last paragraph's HTML, the guest)
GUESTS = [
    ("Compost On A Farm", "<p><em>Guest post by Farid Haddad</em></p>", "", "Farid Haddad"),
    ("Compost In A Flat", "<p><strong>Guest author:</strong> Ian Ford</p>", "", "Ian Ford"),
    ("Worms At School", "<p><i>Guest post by Carlos Mendes</i></p>", "", "Carlos Mendes"),
    ("Leaf Mould", "", "<p>Jane Roe is a guest contributor.</p>", "Jane Roe"),
    ("Hot Heaps", "<p>Omar Haddad is a guest writer</p>", "", "Omar Haddad"),
]


def test_bylines_missed_or_merged_are_read_as_the_editor_expects(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk139 #1, #2, #3, #8, #9, in one newsletter whose feed credits Eva Kim (the blog's
    owner) with each guest post."""
    items = [
        (title, creator("Eva Kim"), page(title, lead, last=last)) for title, lead, last, _ in GUESTS
    ]
    items += [
        # #1: "By" in inline markup, the feed naming no one
        ("Two Bins", "", page("Two Bins", "<p><i>By Ann Lee and Bo Chen</i></p>")),
        # #2: "and" in other scripts, in the feed's dc:creator or the page's author meta tag
        ("Russian Heaps", creator("Иван Петров и Мария Соколова"), page("Russian Heaps")),
        ("Hindi Heaps", creator("राम शर्मा और सीता वर्मा"), page("Hindi Heaps")),
        ("Hebrew Heaps", creator("דוד כהן ושרה לוי"), page("Hebrew Heaps")),
        (
            "Greek Heaps",
            "",
            page(
                "Greek Heaps",
                head='<meta name="author" content="Γιώργος Παπαδόπουλος και Μαρία Νικολάου">',
            ),
        ),
        # (a couple sharing a surname stays whole: "и" only between two full names)
        ("Petrov Heaps", creator("Иван и Мария Петровы"), page("Petrov Heaps")),
        # #3: a Korean comma list with the reporters' role after it
        ("Korean Heaps", creator("김민수, 이영희 기자"), page("Korean Heaps")),
        # #8: an organisation as the page's author, a person in the feed
        (
            "Archive Heaps",
            creator("AMournfulHowlInTheNight"),
            page(
                "Archive Heaps",
                head='<meta name="author" content="Organization for Transformative Works">',
            ),
        ),
        (
            "Society Heaps",
            "",
            page("Society Heaps", head='<meta name="author" content="Society for Science">'),
        ),
        # #9: the site's own name as the page's author
        ("Own Name", "", page("Own Name", head=f'<meta name="author" content="{SITE}">')),
    ]
    config = newsletter(tmp_path, http_server, items)
    # The archive's page on another site than its feed's (as readability's page was, walk139
    # #8), where a page's full name would win over a feed's handle.
    archive = http_server.url(f"/p/{[t for t, _, _ in items].index('Archive Heaps')}/")
    with urllib.request.urlopen(http_server.url("/feed.xml")) as answer:
        feed = answer.read().decode("utf-8")
    http_server.add("/feed.xml", feed.replace(archive, archive.replace("127.0.0.1", "localhost")))
    blocks = drafted(config)
    for title, _, _, guest in GUESTS:
        assert authors(blocks[title]) == [guest], (title, blocks[title])
        note = next(line for line in blocks[title] if line.startswith("<!-- Author:"))
        assert f"the page names {guest}, credited above; its feed names Eva Kim" in note
    expected = {
        "Two Bins": ["Ann Lee", "Bo Chen"],
        "Russian Heaps": ["Иван Петров", "Мария Соколова"],
        "Hindi Heaps": ["राम शर्मा", "सीता वर्मा"],
        "Hebrew Heaps": ["דוד כהן", "שרה לוי"],
        "Greek Heaps": ["Γιώργος Παπαδόπουλος", "Μαρία Νικολάου"],
        "Petrov Heaps": ["Иван и Мария Петровы"],
        "Korean Heaps": ["김민수", "이영희"],
        "Archive Heaps": ["AMournfulHowlInTheNight"],
        "Society Heaps": [],
        "Own Name": [],
    }
    for title, people in expected.items():
        assert authors(blocks[title]) == people, (title, blocks[title])
    assert any(NO_AUTHOR in line for line in blocks["Society Heaps"]), blocks["Society Heaps"]
    own = blocks["Own Name"]
    assert not any(NO_AUTHOR in line for line in own), own
    assert any(
        f'its page names "{SITE}" as the author, taken for the site\'s own name' in line
        for line in own
    ), own

    issue = built(config)
    assert "Farid Haddad || Zeta Post" in issue and "Eva Kim" not in issue, issue
    assert "AMournfulHowlInTheNight || Zeta Post" in issue, issue
    assert "Transformative" not in issue and "Society for Science" not in issue, issue

    guest_file = tmp_path / "farm.html"
    guest_file.write_text(page(*GUESTS[0][:2]), encoding="utf-8")
    own_file = tmp_path / "own.html"
    own_file.write_text(
        page("Own Name", head=f'<meta name="author" content="{SITE}">'), encoding="utf-8"
    )
    code, out, err = run("extract", str(guest_file), str(own_file))
    assert code == 0, err
    assert "Farid Haddad || Zeta Post" in out, out
    assert (
        f'(no author found: the page names "{SITE}" as the author, taken for the site\'s own'
        " name) || Zeta Post" in out
    ), out

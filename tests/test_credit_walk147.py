"""walk147: credits read against last stop's, as the editor sees them (the draft's `author:` lines
and notes, the built issue, `curator extract`): a quotation's attribution in a blockquote
(`<p><em>by Maya Angelou</em></p>`) and a link label as a paragraph ("More stories by Jane Roe")
were credited as the author, the "no author" warning lost; a Korean dateline's city ("김민수,
서울") and a Russian agency ("и РИА Новости") were credited as co-authors; "и др.", "u. a." and
"and colleagues" were part of a name or credited no one; a blog at janedoe.write.as was credited
"write.as", and a Medium publication at its own domain "Medium", its title keeping "| by ..."."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import NO_AUTHOR, authors, built, drafted, newsletter
from test_credit_walk139 import creator, page

from conftest import LocalServer
from conftest import run_cli as run

#: A paragraph of the article's text, after which the page goes on.
MORE = "<p>Regulars come back for the people behind the counter more than for the prices.</p>"

#: (title, the HTML under its headline, the HTML after its paragraphs): no one is the author
NOT_BYLINES = [
    (
        "Quoted Heaps",
        "",
        "<blockquote><p>Loyalty is earned in the small moments.</p>"
        f"<p><em>by Maya Angelou</em></p></blockquote>{MORE}",
    ),
    ("Quoted Top Heaps", "<blockquote><p><em>By Maya Angelou</em></p></blockquote>", ""),
    ("Middle Heaps", "", f"<p><em>By Jane Roe</em></p>{MORE}"),
    ("Link Label Heaps", "", "<p><em>More stories by Jane Roe</em></p>"),
]

#: (title, the feed's dc:creator, the people the draft credits)
CREATORS = [
    # #3: a city after a Korean name; an agency after a Russian name (one credit, as "Jane
    # Smith and Reuters" is, README)
    ("Seoul Heaps", "김민수, 서울", ["김민수"]),
    ("Agency Heaps", "Мария Соколова и РИА Новости", ["Мария Соколова и РИА Новости"]),
    # #4: "and others" in several languages: the people named, then others
    ("Others Heaps", "Jane Smith and others", ["Jane Smith", "others"]),
    ("Russian Others Heaps", "Иван Петров и др.", ["Иван Петров", "others"]),
    ("German Others Heaps", "Hans Meyer u. a.", ["Hans Meyer", "others"]),
    ("Colleagues Heaps", "Ann Lee and colleagues", ["Ann Lee", "others"]),
]


def test_quotes_labels_places_agencies_and_others_are_no_authors(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk147 #1, #3, #4 in one newsletter: pages whose feed names no one, and feed credits."""
    items = [(t, "", page(t, lead, last=last)) for t, lead, last in NOT_BYLINES]
    items += [(t, creator(who), page(t)) for t, who, _ in CREATORS]
    # (a guest line as the article's last line is still its byline)
    items.append(("Guest Heaps", "", page("Guest Heaps", last="<p><em>By Farid Haddad</em></p>")))
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    # every wrong credit at once, so a failure lists each case the code gets wrong
    wrong = [(t, blocks[t]) for t, _, _ in NOT_BYLINES if authors(blocks[t]) != []]
    wrong += [
        (t, blocks[t]) for t, _, _ in NOT_BYLINES if not any(NO_AUTHOR in x for x in blocks[t])
    ]
    wrong += [(t, blocks[t]) for t, _, people in CREATORS if authors(blocks[t]) != people]
    assert not wrong, wrong
    assert authors(blocks["Guest Heaps"]) == ["Farid Haddad"], blocks["Guest Heaps"]

    issue = built(config)
    assert "Maya Angelou" not in issue and "Jane Roe" not in issue, issue
    assert "서울" not in issue and "и др" not in issue and "u. a." not in issue, issue
    assert "Иван Петров and others || Zeta Post" in issue, issue
    assert "Jane Smith and others || Zeta Post" in issue, issue


def _saved(tmp_path: Path, name: str, title: str, head: str) -> Path:
    path = tmp_path / name
    path.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        "<body><article><h1>Loyalty Without Surveys</h1>"
        "<p>Customers remember the small moments at the counter far longer than any points card"
        " or survey they were asked to fill in.</p>"
        f"{MORE}</article></body></html>",
        encoding="utf-8",
    )
    return path


def test_a_write_as_blog_and_a_medium_publication_at_its_own_domain_are_credited_by_name(
    tmp_path: Path,
) -> None:
    """walk147 #5, through `curator extract` of saved pages."""
    blog = _saved(
        tmp_path,
        "writeas.html",
        "Loyalty Without Surveys",
        '<link rel="canonical" href="https://janedoe.write.as/loyalty-without-surveys">',
    )
    code, out, err = run("extract", str(blog))
    assert code == 0, err
    said = " ".join(out.split())
    assert "the site's address, janedoe.write.as, when the feed has none" in said, out
    assert "platform" not in said, out

    ux = _saved(
        tmp_path,
        "ux.html",
        "Loyalty Without Surveys | by Jane Roe | UX Collective",
        '<meta property="og:site_name" content="Medium">'
        '<link rel="canonical" href="https://uxdesign.cc/loyalty-123">',
    )
    code, out, err = run("extract", "--json", str(ux))
    assert code == 0, err
    data = json.loads(out)
    assert data["publication"] == "UX Collective", data
    assert data["title"] == "Loyalty Without Surveys", data

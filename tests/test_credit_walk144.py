"""walk144: names split wrong or organisations credited, as the editor sees them (the draft's
`author:` lines, the built issue, `curator extract`): "y" inside a Spanish surname made a
co-author ("José Ortega and Gasset"); "&" inside an organisation's name credited its fragment
("the Public"); "Bureau of ...", "Friends of ...", "Doctors Without ..." were credited as people;
"and" in Polish, Turkish, Dutch, Chinese and Thai made two people one; "This is a guest post by
...", or a guest line with a sentence after it, was not read and the blog's owner credited."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import authors, built, drafted, newsletter
from test_credit_walk139 import creator, page

from conftest import LocalServer
from conftest import run_cli as run

#: (title, the page's author meta tag, the people the draft credits)
DECLARED = [
    # #1: the word for "and" inside a surname, and between two people
    ("Spanish Heaps", "José Ortega y Gasset", ["José Ortega y Gasset"]),
    ("Catalan Heaps", "Josep Puig i Cadafalch", ["Josep Puig i Cadafalch"]),
    ("Two Spanish Heaps", "Ann Lee y Bo Chen", ["Ann Lee", "Bo Chen"]),
    ("Portuguese Heaps", "Maria da Silva e Sousa", ["Maria da Silva e Sousa"]),
    # #4: "and" in Polish, Turkish, Dutch, Chinese, Thai
    ("Polish Heaps", "Anna Kowalska i Jan Nowak", ["Anna Kowalska", "Jan Nowak"]),
    ("Turkish Heaps", "Ahmet Yılmaz ve Ayşe Kaya", ["Ahmet Yılmaz", "Ayşe Kaya"]),
    ("Dutch Heaps", "Jan de Vries en Anna Bakker", ["Jan de Vries", "Anna Bakker"]),
    ("Chinese Heaps", "王伟和李娜", ["王伟", "李娜"]),
    ("Thai Heaps", "สมชาย ใจดี และ สมหญิง ใจงาม", ["สมชาย ใจดี", "สมหญิง ใจงาม"]),
    # #2, #3: organisations credit no one, nor a fragment of their name
    ("Science Heaps", "Society for Science &amp; the Public", []),
    ("Health Heaps", "Department of Health and Human Services", []),
    ("Labor Heaps", "Bureau of Labor Statistics", []),
    ("Earth Heaps", "Friends of the Earth", []),
    ("Border Heaps", "Doctors Without Borders", []),
]

#: (title, the page's guest line under its headline, the guest)
GUESTS = [
    ("Guest Heaps", "<p><em>This is a guest post by Farid Haddad.</em></p>", "Farid Haddad"),
    (
        "Leeds Heaps",
        "<p><em>Guest post by Ian Ford.</em> He runs a bike shop in Leeds.</p>",
        "Ian Ford",
    ),
    (
        "Shop Heaps",
        "<p>This is a guest post by Carlos Mendes. He has mended bicycles in Leeds for twenty"
        " years and writes about the city's cycle lanes for local papers.</p>",
        "Carlos Mendes",
    ),
]


def test_names_split_and_organisations_read_as_the_editor_expects(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk144 #1-#5, in one newsletter whose feed credits Eva Kim (the blog's owner) with each
    guest post and no one with the other articles."""
    items = [
        (title, "", page(title, head=f'<meta name="author" content="{meta}">'))
        for title, meta, _ in DECLARED
    ]
    items += [(title, creator("Eva Kim"), page(title, lead)) for title, lead, _ in GUESTS]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    # every wrong credit at once, so a failure lists each case the code gets wrong
    wrong = [(t, blocks[t]) for t, _, people in DECLARED if authors(blocks[t]) != people]
    wrong += [(t, blocks[t]) for t, _, guest in GUESTS if authors(blocks[t]) != [guest]]
    assert not wrong, wrong
    for title, _, guest in GUESTS:
        note = next(line for line in blocks[title] if line.startswith("<!-- Author:"))
        assert f"the page names {guest}, credited above; its feed names Eva Kim" in note

    issue = built(config)
    assert "José Ortega y Gasset || Zeta Post" in issue, issue
    assert "Anna Kowalska and Jan Nowak || Zeta Post" in issue, issue
    assert "Farid Haddad || Zeta Post" in issue and "Eva Kim" not in issue, issue
    for fragment in ("Gasset and", "the Public", "Bureau of", "Friends of", "Doctors Without"):
        assert fragment not in issue, (fragment, issue)

    # `curator extract` of one such page says the same
    science = tmp_path / "science.html"
    science.write_text(
        items[[t for t, _, _ in DECLARED].index("Science Heaps")][2], encoding="utf-8"
    )
    code, out, err = run("extract", "--json", str(science))
    assert code == 0, err
    assert json.loads(out)["authors"] == [], out

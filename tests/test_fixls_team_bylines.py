"""walk203 #1: a team's or a department's byline ("By Zendesk Customer Success", "By Customer
Support", "By Support Hero") was credited as a person, while "By Product Marketing" and "By
Content Team" credited no one, as docs/credits.md promises for a team's or a desk's byline.
Through `curator draft` of a newsletter whose feed and pages are served on 127.0.0.1: the
draft's `author:` lines and its note."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import authors, drafted, newsletter, page

from conftest import LocalServer


@pytest.mark.parametrize(
    "byline",
    [
        "By Zendesk Customer Success",
        "By Customer Support",
        "By Support Operations",
        "By CX Strategy",
        "By Customer Experience",
        "By Sales Enablement",
        "By Customer Success",
        "By Support Hero",
        "By Product Marketing",
        "By Content Team",
    ],
)
def test_a_teams_byline_credits_no_one_and_the_draft_says_so(
    tmp_path: Path, http_server: LocalServer, byline: str
) -> None:
    title = "Customer support effort"
    html = page(title, byline=byline, site="Zendesk")
    config = newsletter(tmp_path, http_server, [(title, "", html)])
    block = drafted(config)[title]
    assert authors(block) == [], block
    assert any("Credit: no author was found" in line for line in block), block


@pytest.mark.parametrize(
    ("byline", "person"),
    [
        ("By Grace Hope", "Grace Hope"),
        ("By Joy Sales", "Joy Sales"),
        ("By Amy Support", "Amy Support"),
    ],
)
def test_a_person_whose_name_is_a_business_word_is_still_credited(
    tmp_path: Path, http_server: LocalServer, byline: str, person: str
) -> None:
    title = "Customer support effort"
    html = page(title, byline=byline, site="Zendesk")
    config = newsletter(tmp_path, http_server, [(title, "", html)])
    block = drafted(config)[title]
    assert authors(block) == [person], block

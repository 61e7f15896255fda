"""walk203 #6: an author card under the headline with no "By" (an avatar whose `alt` is the
name, the name, then a job title) credited no one, or the name and the job title glued into one
("Maya HorowitzCustomer Success Lead"). Through `curator extract` of pages served on 127.0.0.1:
the credit it prints."""

from __future__ import annotations

import json

import pytest

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"
TEXT = (
    "<p>Customer experience leaders say their budgets grew this year, and most plan to hire more"
    " agents for their support teams next year.</p><p>The survey asked four hundred managers how"
    " they measure loyalty, and most named the net promoter score first.</p>"
)
AVATAR = '<img src="/img/maya.jpg" alt="Maya Horowitz">'


def page(card: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>The State of Customer Experience</title></head><body><article>"
        f"<h1>The State of Customer Experience</h1>{card}{TEXT}</article></body></html>"
    )


@pytest.mark.parametrize(
    "card",
    [
        f'<div class="author">{AVATAR}<div><span>Maya Horowitz</span>'
        "<span>Customer Success Lead</span></div></div>",
        f'<div class="post-meta">{AVATAR}<div><strong>Maya Horowitz</strong><br>Customer Success'
        " Lead at Zendesk</div></div>",
        f"<div>{AVATAR}<h4>Maya Horowitz</h4><p>Customer Success Lead</p></div>",
    ],
)
def test_an_author_card_with_no_by_credits_its_person(http_server: LocalServer, card: str) -> None:
    url = http_server.add("/a/state/", page(card), content_type=HTML)
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    assert json.loads(out.splitlines()[0])["authors"] == ["Maya Horowitz"], out

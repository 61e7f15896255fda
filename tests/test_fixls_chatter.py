"""walk203 #6: "Hi there! Welcome back to the blog." and "Read on to learn more!" were kept as a
blurb's sentences: a greeting and a line telling the reader to read on are not what an article is
about. Through `curator extract` of pages served on 127.0.0.1: the blurb it prints."""

from __future__ import annotations

import json

import pytest

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"
LEAD = (
    "Customer experience leaders say their budgets grew this year, and most plan to hire more"
    " agents for their support teams next year."
)
NEXT = "The survey asked four hundred managers how they measure loyalty."
LAST = "Few of them tie customer experience goals to pay, which explains slow progress."


def page(paragraphs: list[str]) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>The State of Customer Experience</title></head><body><article>"
        "<h1>The State of Customer Experience</h1><p class='byline'>By Jane Roe</p>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("paragraphs", "chatter"),
    [
        (["Hi there! Welcome back to the blog.", LEAD, NEXT, LAST], "Hi there"),
        (["Hello everyone, and welcome to our blog.", LEAD, NEXT, LAST], "Hello everyone"),
        ([f"{LEAD} Read on to learn more!", NEXT, LAST], "Read on"),
        ([LEAD, "Let's dive in.", NEXT, LAST], "dive in"),
    ],
)
def test_a_greeting_or_a_read_on_line_is_no_sentence_of_the_blurb(
    http_server: LocalServer, paragraphs: list[str], chatter: str
) -> None:
    url = http_server.add("/a/state/", page(paragraphs), content_type=HTML)
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    blurb = json.loads(out.splitlines()[0])["blurb"]
    assert chatter not in blurb, blurb
    assert blurb.startswith(LEAD), blurb


def test_a_lead_welcoming_the_reader_to_a_place_stays(http_server: LocalServer) -> None:
    lead = "Welcome to the new customer support centre, which opened in Leeds on Monday."
    url = http_server.add("/a/centre/", page([lead, NEXT, LAST]), content_type=HTML)
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    assert json.loads(out.splitlines()[0])["blurb"].startswith(lead), out

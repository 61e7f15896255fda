"""walk203 #5: "Updated December 2, 2016: We added new survey data." gave the blurb "We added new
survey data. ...": the note's label was cut and its note kept. A dated update or correction note
is left out whole, as "Update:" and "Last updated ..." are. Through `curator extract` of pages
served on 127.0.0.1: the blurb it prints."""

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
REST = [
    "The survey asked four hundred managers how they measure loyalty, and most named the net"
    " promoter score first.",
    "Few of them tie customer experience goals to pay, which the authors say explains slow"
    " progress.",
]


def page(paragraphs: list[str]) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>The State of Customer Experience</title></head><body><article>"
        "<h1>The State of Customer Experience</h1><p class='byline'>By Jane Roe</p>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    "note",
    [
        "Updated December 2, 2016: We added new survey data.",
        "Updated on Dec. 2, 2016: We added new survey data.",
        "Correction (December 2, 2016): We added new survey data.",
        "Editor’s note (December 2, 2016): We added new survey data.",
        "Correction 2 December 2016: We added new survey data.",
    ],
)
@pytest.mark.parametrize("where", [0, 1])
def test_a_dated_update_note_is_left_out_of_the_blurb_whole(
    http_server: LocalServer, note: str, where: int
) -> None:
    paragraphs = [LEAD, *REST]
    paragraphs.insert(where, note)
    url = http_server.add("/a/state/", page(paragraphs), content_type=HTML)
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    blurb = json.loads(out.splitlines()[0])["blurb"]
    assert "survey data" not in blurb, blurb
    assert blurb.startswith(LEAD), blurb

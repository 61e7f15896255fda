"""fixmf #2: a feed-only blurb (its page robots.txt forbids) whose summary opens with a desk and
the reporter's role ("政治部記者。…", "経済部記者　…") credited the desk as a person, as fixlq #5 reads
"山田太郎記者。": a name ending in 部 is a desk. The blurb opens at the story and no one is credited.
Through a build of a feed on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from test_fixks_feed_blurbs import _blurbs
from test_fixlg_leadin_credit import _authors
from test_fixln_leadin_scripts import JA, JA2

from conftest import LocalServer

#: (the summary's lead-in, the lead after it, what it credits: no one)
DESKS = [
    ("政治部記者。", JA, ""),
    ("経済部記者\u3000", JA2, ""),
]


def test_a_desk_and_role_lead_in_leaves_the_blurb_and_credits_no_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    blurbs, _ = _blurbs(tmp_path, http_server, DESKS, "description")
    authors = _authors(tmp_path)
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for at, (head, lead, _) in enumerate(DESKS):
        title = f"Service queues {at}"
        assert blurbs[title].startswith(lead), blurbs[title]
        assert authors[title] == [], authors
        assert head.strip() not in text, text
        assert head.strip().removesuffix("。").removesuffix("記者") not in text, text

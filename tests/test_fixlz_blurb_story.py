"""fixlz (walk205 #2): an issue recorded by `render --record` from an old issue's file holds a
blurb per article and no text; the "same story" check measured a new article's share of that
blurb, so one shared opening sentence read as "they share 53% of their text" and unrelated
articles were left out. A blurb is now one story with another only when the other holds more
than one of its sentences, and the message says how many of how many were compared."""

from __future__ import annotations

import json
from pathlib import Path

from hostile_helpers import rss
from test_crash import serve_demo

from conftest import LocalServer, copy_demo, said_as_one
from conftest import run_cli as run

#: The opening sentence the old issue's blurb shares with an unrelated new article, and the
#: sentence of the old article's own story that only a real copy of it holds.
OPENING = (
    "Support leaders keep asking how the staffing of a support team day to day relates to"
    " response times, backlogs and customer loyalty across every channel they run."
)
STORY = "The handoff from sales to customer success decides whether a new account renews."
PARAGRAPHS = (
    "Weekend queues need their own staffing rota and their own escalation rules, or backlogs"
    " pile up by Monday morning and first response times slip for the whole week.",
    "Teams that publish their response times to customers find the backlog easier to explain,"
    " and agents stop treating every ticket as the most urgent one in the queue.",
    "A daily stand-up of ten minutes, one dashboard of open tickets by age, and a clear owner"
    " for each escalation keep support operations calm when volume spikes.",
)

HANDOFF = (
    "A kickoff call, a written success plan and a first quarterly review, each with the support"
    " team on the invitation, keep the new account's staffing and response times in one place."
)


def _page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><article><h1>{title}</h1><p>By Ada Lin</p>{body}</article></body></html>"
    )


def _newsletter(folder: Path, http_server: LocalServer, extra: str = "") -> Path:
    config = copy_demo(folder)
    text = config.read_text(encoding="utf-8")
    for stem, url in serve_demo(http_server).items():
        text = text.replace(f"url: feeds/{stem}.", f"url: {url} #", 1)
    if extra:
        text = text.replace("feeds:\n", f"feeds:\n  - url: {extra}\n", 1)
    text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n", 1)
    config.write_text(text, encoding="utf-8")
    return config


def test_a_recorded_blurb_is_no_same_story_for_one_shared_sentence(
    tmp_path: Path, http_server: LocalServer
) -> None:
    # The old newsletter's issue 52, in curator's format: its first article one that no feed
    # carries now, its blurb an opening sentence and a sentence of its own story.
    old = _newsletter(tmp_path / "old", http_server)
    code, _, err = run("build", "--config", str(old), "-q")
    assert code == 0, err
    data = json.loads((old.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    first = data["sections"][0]["articles"][0]
    first.update(
        url=http_server.url("/old/handoff.html"),
        title="The Customer Success Handoff",
        blurb=f"{OPENING} {STORY}",
        also_covered_by=[],
    )
    unrelated = http_server.url("/new/weekend-queues.html")
    copy = http_server.url("/new/handoff-copy.html")
    http_server.add(
        "/new/weekend-queues.html",
        _page("Staffing Weekend Support Queues", OPENING, *PARAGRAPHS),
        content_type="text/html; charset=utf-8",
    )
    http_server.add(
        "/new/handoff-copy.html",
        _page("Handing New Accounts to Customer Success", OPENING, STORY, HANDOFF),
        content_type="text/html; charset=utf-8",
    )
    items = "".join(
        f"<item><title>{t}</title><link>{u}</link><guid>{u}</guid></item>"
        for t, u in (
            ("Staffing Weekend Support Queues", unrelated),
            ("Handing New Accounts to Customer Success", copy),
        )
    )
    feed = http_server.add("/new/feed.xml", rss(items, "Support Notes"))
    config = _newsletter(tmp_path / "new", http_server, extra=feed)
    (config.parent / "output").mkdir()
    (config.parent / "output" / "issue-52.json").write_text(
        json.dumps({**data, "number": 52}), encoding="utf-8"
    )
    code, out, err = run("render", "--record", "--config", str(config))
    assert code == 0, out + err

    code, out, err = run(
        "build", "--subject", "Service operations", "--config", str(config), "--json"
    )
    assert code == 0, out + err
    result = json.loads(out)
    assert result["issue"] == 53
    said = said_as_one(json.dumps(result["warnings"]) + err)
    issue = json.loads((config.parent / "output" / "issue-53.json").read_text(encoding="utf-8"))
    urls = [a["url"] for s in issue["sections"] for a in s["articles"]]
    # (one shared opening sentence: another story, featured)
    assert f"({unrelated}) was left out" not in said, said
    assert unrelated in urls, (urls, said)
    # A real copy, holding the blurb's both sentences, is still left out, and said with what was
    # compared: the blurb's sentences, not "100% of their text".
    assert copy not in urls
    assert f"({copy}) was left out as the same story as" in said, said
    assert "one holds 2 of the 2 sentences of a blurb, all the text stored of one of them" in said

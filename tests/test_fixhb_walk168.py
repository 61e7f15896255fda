"""walk168's weekly review routine, through the CLI on the demo: a move that only pins an
article where curator had it says so (#5), `subjects exclude` takes several URLs like `undo`,
`build --draft` stops for an article excluded after the draft was written (#6), and the build's
count of unplaced articles agrees with `subjects list --unplaced` (#8)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from xml.sax.saxutils import escape

from conftest import LocalServer, add_sport_feed, said_as_one
from conftest import run_cli as run

BACKLOG = "https://supportdesk-review.example/operations/taming-the-ticket-backlog"
METRICS = "https://brightline.example/blog/choosing-cx-metrics"
METRICS_TITLE = "How to Choose Customer Experience Metrics Your Teams Will Actually Use"
MEASURING = "Measuring the customer experience"


def stored_corrections(config: Path) -> dict[str, str | None]:
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    rows = dict(
        db.execute(
            "SELECT a.url, c.subject FROM corrections c JOIN articles a ON a.id = c.article_id"
        )
    )
    db.close()
    return rows


def test_moving_an_article_where_it_is_says_it_is_pinned_and_exclude_takes_several_urls(
    demo: Path,
) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("subjects", "move", "--config", str(demo), METRICS, MEASURING, "-q")
    assert code == 0, err
    said = said_as_one(out)
    # (walk168 #5: "Moved to Measuring…" for an article curator had placed there already)
    assert f"Already under {MEASURING}: {METRICS_TITLE}; now pinned there" in said
    assert "Moved to" not in said
    assert "Your move pulled" not in said  # a pull, if any, is said to come from the pinning
    assert stored_corrections(demo) == {METRICS: MEASURING}

    # Several URLs at once, as `undo` takes them (walk168: "Got unexpected extra argument").
    code, _, err = run(
        "subjects", "exclude", "--config", str(demo), BACKLOG, "https://nowhere.example/x", "-q"
    )
    assert code == 1 and "no stored article at https://nowhere.example/x" in err
    assert "nothing was excluded" in err
    assert stored_corrections(demo) == {METRICS: MEASURING}
    code, out, err = run(
        "subjects", "exclude", "--config", str(demo), BACKLOG, METRICS, "-q", "--json"
    )
    assert code == 0, err
    assert [d["url"] for d in json.loads(out)] == [BACKLOG, METRICS]
    assert stored_corrections(demo) == {BACKLOG: None, METRICS: None}


def test_build_draft_stops_for_an_article_excluded_after_the_draft_and_counts_agree(
    demo: Path,
) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    urls = re.findall(r"^url: (\S+)$", draft.read_text(encoding="utf-8"), re.M)
    featured = urls[0]
    # (walk168 #6: the draft's own note advises `subjects exclude`; the build then published it)
    assert run("subjects", "exclude", "--config", str(demo), featured, "-q")[0] == 0
    code, out, err = run("build", "--config", str(demo), "--draft", str(draft), "-q")
    said = said_as_one(err)
    assert code == 2, (out, err)
    assert f"{featured}: you excluded this article after the draft was saved" in said
    assert "cut it from the draft" in said
    assert f"curator subjects undo {featured}" in said
    assert not (demo.parent / "output" / "issue-1.html").exists()
    assert "Issue 1" not in out

    # #8: the build's count of articles fitting no subject is the list's, the excluded apart.
    # (without --quiet: a quiet build prints the line alone, walk181 #6)
    code, out, err = run("build", "--config", str(demo))
    assert code == 0, err
    assert (demo.parent / "output" / "issue-1.html").is_file()  # (where the first looked)
    counted = re.search(r"(\d+) article\(s\) in no issue yet fit none of your subjects", out)
    assert counted is not None, out
    code, out, err = run("subjects", "list", "--config", str(demo), "--unplaced", "-q")
    assert code == 0, err
    assert f"No subject ({int(counted[1]) + 1}: {counted[1]} in no issue yet that fit none of" in (
        said_as_one(out)
    )
    assert "1 you excluded)" in out


def test_explain_says_the_weak_fit_the_draft_notes(
    themed_demo: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk168 #4: the draft said "weak fit: scoring under the subject's own bar", explain said
    only "score 0.058 (needs 0.010), fit -0.03 (needs -0.08)" and --json "placed"."""
    demo = themed_demo
    add_sport_feed(demo, corpus, http_server, stories=40)
    demo.write_text(demo.read_text(encoding="utf-8").replace("issue_size: 4", "issue_size: 5"))
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, _, err = run("draft", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    note = said_as_one(err)
    weak = re.findall(r'" \(\d\.\d{3}, (\S+)\)', note[note.index("fitting the subject only") :])
    assert weak, note
    code, out, err = run("subjects", "explain", "--config", str(demo), weak[0], "-q")
    assert code == 0, err
    said = said_as_one(out)
    assert "placed, but a weak fit: score" in said, said
    assert "weak-fit bar:" in said and "under it: a weak fit" in said
    assert "one-word rule: flags a score under" in said
    code, out, err = run("subjects", "explain", "--config", str(demo), weak[0], "-q", "--json")
    data = json.loads(out)
    assert data["decision"] == "placed" and data["weak_fit"] is True
    assert data["score"] < data["weak_fit_bar"]
    assert "placed, but a weak fit" in data["curator_verdict"]
    assert data["one_word_rule"]["share"] == 0.35

    # One the draft does not note is said to clear the bar.
    code, out, err = run("subjects", "explain", "--config", str(demo), METRICS, "-q")
    assert "it clears it (not a weak fit)" in said_as_one(out)


#: Politics stories that use "calls" and "support", parts of Service operations' keywords "call
#: center" and "support team" (the demo's, with "call center" added), none of them whole.
POLITICS = [
    (
        "Party Leader Calls for Early Vote",
        "The party leader calls for an early vote as ministers face calls to resign. Labour party"
        " members made calls to the party office, and the minister said the calls were rules of"
        " politics.",
    ),
    (
        "Minister Rejects Calls to Quit",
        "The minister rejected calls to quit after the party vote. Calls from Labour party members"
        " grew as rules on party funding were debated by ministers.",
    ),
    (
        "Calls Grow for Party Funding Rules",
        "Calls grow for new party funding rules. The Labour party and ministers face calls from"
        " voters; the minister calls the rules fair and the party vote is due.",
    ),
    (
        "Party Members Make Calls Over Vote",
        "Party members made calls to the minister over the vote. Labour said the calls showed the"
        " party rules must change, and ministers took calls from the party office.",
    ),
    (
        "Opposition Calls Party Rules Unfair",
        "The opposition calls the party rules unfair. Labour ministers face calls for a vote, and"
        " the party minister calls on members to back the rules.",
    ),
]


def test_suggest_does_not_advise_widening_a_subject_on_parts_of_its_keywords(
    demo: Path, corpus: Path, http_server: LocalServer
) -> None:
    """walk168 #7: a cluster of politics articles ("Labour, party and work") was advised into
    Service operations ("widen Service operations (add keywords such as labour, party ...)")
    because it "already has "calls" among its own words": "calls" is part of "call center"."""
    add_sport_feed(demo, corpus, http_server)
    items = "".join(
        f"<item><title>{escape(title)}</title><link>https://news.example/{n}</link><description>"
        f"{escape(text + ' The party office took support calls day to day.')}</description></item>"
        for n, (title, text) in enumerate(POLITICS)
    )
    url = http_server.add(
        "/politics.xml", f'<rss version="2.0"><channel><title>News</title>{items}</channel></rss>'
    )
    text = demo.read_text(encoding="utf-8")
    text = text.replace("feeds:\n", f"feeds:\n  - url: {url}\n    fetch_pages: false\n", 1)
    text = text.replace(
        "keywords: [first response time,", "keywords: [call center, first response time,"
    )
    demo.write_text(text, encoding="utf-8")
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("subjects", "suggest", "--config", str(demo), "--json")
    assert code == 0, err
    lean = next(s["leans_to"] for s in json.loads(out) if "calls" in s["keywords"])
    assert lean["subject"] == "Service operations" and "calls" in lean["shared_keywords"]
    assert lean["own_keywords"] == [] and lean["advice"] == "own subject or off-field"
    code, out, err = run("subjects", "suggest", "--config", str(demo), "-q")
    assert code == 0, err
    block = next(b for b in out.split("\n\n") if "news.example" in b)
    said = " ".join(line[2:] for line in block.splitlines() if line.startswith("# "))
    assert "widen Service operations (add keywords" not in said, said
    assert "come close to Service operations, but they share none of its own keywords" in said
    assert "look like a subject of their own" in said and "off your field" in said

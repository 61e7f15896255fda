"""walk182 #6 and #7: what a correction and a subject edit do to the next issue, said.

A customer-experience newsletter of four subjects in one field, with BBC sport stories in its
feed, served by a local HTTP server. #7: editing a subject in feeds.yaml placed every stored
article again and said only "placing every stored article again under subjects"; the build now
says how many changed subject, from and to which, and that published articles and the editor's
moves kept theirs. #6: an article a move pulled into the subject of a themed issue came into the
next draft with no note; the draft now names the move it came in with."""

from __future__ import annotations

import json
import random
import re
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from test_fixhe_like_excluded import POOLS, SUBJECTS, feed, page
from test_fixiq_keywords_only import bbc

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

SERVICE_KEYWORDS = (
    "keywords: [contact centre, call center, agents, ticket, queue, staffing, first call"
    " resolution, average handle time, workforce management, escalation]"
)


#: Posts on handling complaints, with the contact centre's words (agents, call center,
#: escalate): curator places them under "Service operations"; the editor reads them as "Voice of
#: the customer".
COMPLAINTS = [
    "When a complaint reaches the ombudsman, the company has already failed twice: once in the"
    " service and once in the redress.",
    "A sincere apology, a clear explanation and fair compensation settle most grievances before"
    " they escalate.",
    "Agents in the call center should be able to offer a goodwill gesture without asking a"
    " supervisor.",
    "Track every grievance to its root cause, and report redress costs by cause every month.",
    "Customers who receive fair redress after a complaint are often more loyal than those who"
    " never had a problem.",
    "The ombudsman upheld fewer grievances once the contact centre trained agents on apology and"
    " compensation.",
    "Compensation tables tell agents what a delayed delivery or a double charge is worth, so"
    " redress is consistent.",
]


def _newsletter(
    tmp_path: Path, corpus: Path, server: LocalServer, *, complaints: int = 0, size: int = 3
) -> Path:
    """Six articles per subject (sentences of its pool), `complaints` posts on complaints and 20
    BBC sport stories, in one feed; the newsletter's feeds.yaml (every subject in each issue,
    `size` articles each), fetched."""
    pick = random.Random(182)
    items = []
    for s, (subject, pool) in enumerate(POOLS.items()):
        for n in range(6):
            title = f"{subject.split()[0]} note {n + 1}"
            url = server.add(
                f"/a{s}-{n}.html", page(title, pick.sample(pool, 5)), content_type="text/html"
            )
            items.append((title, url))
    for n in range(complaints):
        title = f"Complaints note {n + 1}"
        url = server.add(
            f"/c{n}.html", page(title, pick.sample(COMPLAINTS, 5)), content_type="text/html"
        )
        items.append((title, url))
    for n, (title, paragraphs) in enumerate(bbc(corpus, ("sport",), 20)):
        url = server.add(f"/b{n}.html", page(title, paragraphs), content_type="text/html")
        items.append((title, url))
    feed(server, items)
    folder = tmp_path / "nl"
    folder.mkdir()
    config = folder / "feeds.yaml"
    assert SERVICE_KEYWORDS in SUBJECTS
    config.write_text(
        f"newsletter:\n  title: CX Weekly\n  issue_size: {size}\n"
        f"feeds:\n  - url: {server.url('/feed.xml')}\n{SUBJECTS}"
        "settings:\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    return config


def told_apart(flows: str | None) -> set[tuple[str, str]]:
    """The (from, to) pairs of a summary's flows ("6 from A to B; 2 from C to D")."""
    return {(m[1], m[2]) for m in re.finditer(r"\d+ from (.+?) to (.+?)(?:;|$)", flows or "")}


def _placed(config: Path) -> dict[str, dict[str, object]]:
    code, out, err = run("subjects", "list", "--config", str(config), "-q", "--json")
    assert code == 0, err
    return {row["url"]: row for row in json.loads(out)}


def test_a_subject_edit_says_what_it_changed_and_that_moves_and_issues_kept_theirs(
    tmp_path: Path, corpus: Path
) -> None:
    """walk182 #7: after an edit of "Service operations" (its keywords narrowed), the build said
    only "placing every stored article again under subjects". Now it says how many articles
    changed subject, from and to which (as `subjects list` has them after), and that the
    articles issue 1 published and the editor's move kept theirs; --json too; --quiet keeps to
    its one line."""
    server = LocalServer().start()
    try:
        config = _newsletter(tmp_path, corpus, server)
        conf = ("--config", str(config))
        code, _, err = run("build", *conf, "--no-fetch", "-q")
        assert code == 0, err
        placed = _placed(config)
        moved = next(u for u, r in placed.items() if r["title"] == "Service note 2")
        code, _, err = run("subjects", "move", *conf, "-q", moved, "Voice of the customer")
        assert code == 0, err
        before = _placed(config)  # (placed again with the move: the edit alone is counted)
        assert before[moved]["subject"] == "Voice of the customer"
        published = {u: r["subject"] for u, r in before.items() if r["featured_in"] == 1}
        assert len(published) >= 8, published

        text = config.read_text(encoding="utf-8")
        config.write_text(
            text.replace(SERVICE_KEYWORDS, "keywords: [workforce management, forecast]"),
            encoding="utf-8",
        )
        copies = {}
        for name in ("quiet", "json"):
            shutil.copytree(config.parent, tmp_path / name)
            copies[name] = tmp_path / name / "feeds.yaml"

        code, out, err = run("build", *conf, "--no-fetch")

        assert code == 0, err
        after = _placed(config)
        flows = Counter(
            (before[u]["subject"] or "no subject", r["subject"] or "no subject")
            for u, r in after.items()
            if r["subject"] != before[u]["subject"]
        )
        assert flows, "the edit changed no article's subject: the test needs one that does"
        said = said_as_one(out)
        found = re.search(
            r"Subject edit \(Service operations\): (\d+) article\(s\) changed subject \(([^)]*)\);"
            # (walk192 #3: those placing again moved between subjects the edit left, said apart)
            r"(?: (\d+) more moved between subjects you did not edit \(([^)]*)\): [^;]*;)?"
            r" articles issues published kept their issue's subject; your 1 move\(s\) kept\.",
            said,
        )
        assert found, out
        assert int(found[1]) + int(found[3] or 0) == sum(flows.values()), (found[0], flows)
        told = {
            (m[2], m[3]): int(m[1])
            for m in re.finditer(
                r"(\d+) from (.+?) to (.+?)(?:;|$)", found[2] + ";" + (found[4] or "")
            )
        }
        assert told == dict(flows), (found[2], flows)
        assert all("Service operations" in f for f in told if f not in told_apart(found[4])), told
        assert "placing every stored article again" not in said  # (progress: not on a pipe)
        # What it says is so: the move and the published articles kept their subject.
        assert after[moved]["subject"] == "Voice of the customer"
        assert {u: after[u]["subject"] for u in published} == published

        code, out, err = run("build", "--config", str(copies["quiet"]), "--no-fetch", "-q")
        assert code == 0, err
        assert out.startswith("Issue 2: ") and out.count("\n") == 1, out
        assert "Subject edit" not in out + err

        code, out, err = run("build", "--config", str(copies["json"]), "--no-fetch", "--json")
        assert code == 0, err
        edit = json.loads(out)["subject_edit"]
        assert edit["subjects"] == ["Service operations"], edit
        assert edit["changed"] == sum(flows.values()), edit
        got = {
            (f["from"] or "no subject", f["to"] or "no subject"): f["articles"]
            for f in edit["flows"]
        }
        assert got == dict(flows), edit
        assert (edit["published_changed"], edit["moves_kept"], edit["moves"]) == (0, 1, 1)
        assert edit["with_corrections"] is False

        code, out, err = run("build", *conf, "--no-fetch", "--json")  # (nothing edited since)
        assert code == 0, err
        assert json.loads(out)["subject_edit"] is None
    finally:
        server.stop()


def test_an_article_a_move_pulled_into_a_themed_issue_is_noted_in_the_draft(
    tmp_path: Path, corpus: Path
) -> None:
    """walk182 #6: after issue 1, the editor moved a post on complaints from "Service operations"
    to "Voice of the customer"; the move pulled the other complaints posts with it, and the next
    draft, an issue on "Voice of the customer" alone, showed them with no note, so the editor
    reviewing it could not tell they came in with the move. Each now has one, naming the move
    and where curator would place it without it; the subject's own articles and the article
    moved have none."""
    server = LocalServer().start()
    try:
        config = _newsletter(tmp_path, corpus, server, complaints=4, size=8)
        conf = ("--config", str(config))
        code, _, err = run(
            "build", *conf, "--no-fetch", "-q", "--subject", "Measuring the customer experience"
        )
        assert code == 0, err
        placed = _placed(config)
        complaints = {r["title"]: u for u, r in placed.items() if "Complaints" in str(r["title"])}
        assert {placed[u]["subject"] for u in complaints.values()} == {"Service operations"}
        moved = complaints.pop("Complaints note 1")
        code, out, err = run("subjects", "move", *conf, moved, "Voice of the customer")
        assert code == 0, err
        assert "Your move pulled 3 other article(s) with it" in said_as_one(out), out
        today = datetime.now(UTC).date().isoformat()

        code, out, err = run(
            "draft", *conf, "--no-fetch", "-q", "--subject", "Voice of the customer"
        )

        assert code == 0, err
        text = (config.parent / "drafts" / "issue-2.md").read_text(encoding="utf-8")
        section = text.split("\n# Voice of the customer\n", 1)[1].split("<!-- Left out", 1)[0]
        blocks = {b.split("\n", 1)[0]: b for b in section.split("\n## ")[1:]}
        pulled = [title for title in complaints if title in blocks]
        assert pulled, blocks.keys()
        for title in pulled:
            note = said_as_one(blocks[title])
            assert (
                '<!-- Came in with your move of "Complaints note 1" to Voice of the customer on'
                f" {today}: without that correction curator would place this article under"
                ' "Service operations". Cut it if it does not belong here (`curator subjects'
                " move URL 'Service operations'` puts it back). -->" in note
            ), blocks[title]
        assert "Complaints note 1" in blocks, blocks.keys()
        others = [b for t, b in blocks.items() if t not in pulled]
        assert len(others) >= 4 and not any("Came in with" in b for b in others), others
    finally:
        server.stop()

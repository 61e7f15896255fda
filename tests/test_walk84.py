"""walk84's findings: render after a first build killed half-way; a draft-built issue's json."""

from __future__ import annotations

import json
from pathlib import Path

from test_walk73 import curator
from test_walk77 import KILLED_AFTER_FOUR_RENAMES

from conftest import copy_demo, run_cli


def test_render_before_any_issue_names_the_files_a_killed_first_build_left(demo: Path) -> None:
    """walk84 N1: the first build killed after 4 of its renames left issue-1 files and `.tmp`
    ones; `render --all` said only "no issue has been published yet", naming none of them."""
    out = demo.parent / "output"
    killed = curator("build", "--config", str(demo), "-q", code=KILLED_AFTER_FOUR_RENAMES)
    assert killed.returncode == 137, killed.stderr
    left = sorted(p.name for p in out.glob("issue-1.*"))
    temps = sorted(p.name for p in out.glob(".*.tmp"))
    assert left and "issue-1.json" not in left and temps

    code, _, err = run_cli("render", "--all", "--config", str(demo))
    assert code == 1, err
    text = " ".join(err.split()).replace(f" --config {demo}", "")
    assert f"{out}: no issue has been published yet; run `curator build`" in text
    assert (
        f"{out} holds {', '.join(left)}, files of issue 1, which the store does not record: a"
        " build was stopped (killed, or the machine went down) after it wrote them and before"
        " the store recorded the issue; render leaves them, and the next `curator build`"
        " records issue 1 as they are (readers may have seen it), publishing no other issue 1"
    ) in text
    assert f"{out} holds the temporary files {', '.join(temps)}" in text

    # fixlv: the next build records that issue 1 (the rest of its files put in place from the
    # killed build's temporary ones) and publishes no other issue 1.
    code, _, err = run_cli("build", "--config", str(demo), "--no-fetch", "-q")
    assert code == 6, err
    assert "issue 1 was in place in " in " ".join(err.split()), err
    assert (out / "issue-1.json").exists() and not list(out.glob(".*.tmp"))


def _articles(out: Path) -> list[dict[str, object]]:
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    return [a for s in data["sections"] for a in s["articles"]]


def test_a_draft_built_issue_has_the_scores_and_matched_words_a_plain_build_gives(
    tmp_path: Path,
) -> None:
    """walk84 N2: `build --draft` (and `render` from the store) wrote every article's score as
    0.0 with no matched words in issue-N.json, where a plain build writes the real ones."""
    plain = copy_demo(tmp_path / "plain")
    code, _, err = run_cli("build", "--config", str(plain), "-q")
    assert code == 0, err
    built = _articles(plain.parent / "output")
    assert all(float(a["score"]) > 0 and a["matched"] for a in built)  # type: ignore[arg-type]

    drafted = copy_demo(tmp_path / "drafted")
    code, _, err = run_cli("draft", "--config", str(drafted))
    assert code == 0, err
    draft = drafted.parent / "drafts" / "issue-1.md"
    code, _, err = run_cli("build", "--config", str(drafted), "--draft", str(draft), "-q")
    assert code == 0, err
    out = drafted.parent / "output"
    scores = [(a["url"], a["score"], a["matched"]) for a in built]
    assert [(a["url"], a["score"], a["matched"]) for a in _articles(out)] == scores

    # render from the store's record (issue-1.json gone) gives them back too
    (out / "issue-1.json").unlink()
    code, _, err = run_cli("render", "--config", str(drafted), "-q")
    assert code == 0, err
    assert [(a["url"], a["score"], a["matched"]) for a in _articles(out)] == scores


def test_an_article_the_draft_moved_to_another_subject_has_no_score_in_the_issue_json(
    demo: Path,
) -> None:
    """walk84 N2: an article the editor moved in the draft to a subject curator never scored it
    under has no `score` and `matched` in issue-N.json (unknown, as README says), not 0.0."""
    code, _, err = run_cli("draft", "--config", str(demo))
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    moved_url = "https://northwind-cx.example/2025/09/customer-experience-architecture/"
    heading = text.rindex("\n## ", 0, text.index(f"url: {moved_url}"))
    draft.write_text(text[:heading] + "\n# Voice of the customer\n" + text[heading:], "utf-8")
    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(draft), "-q")
    assert code == 0, err
    articles = {a["url"]: a for a in _articles(demo.parent / "output")}
    assert "score" not in articles[moved_url] and "matched" not in articles[moved_url]
    others = [a for url, a in articles.items() if url != moved_url]
    assert others and all(float(a["score"]) > 0 and a["matched"] for a in others)  # type: ignore[arg-type]


JSON_FEED_AUTHORS = ("Ann <!-- Lee", "C\\D", "*Star* Author", "[Auth]")


def test_a_json_feed_author_is_credited_as_written(tmp_path: Path) -> None:
    """walk84 N3: JSON Feed's author `name` is plain text: "Ann <!-- Lee" was credited as "Ann",
    and "C\\D", "*Star* Author" and "[Auth]" were dropped with "no author was found"."""
    stories = (
        "Customer experience at the library changed after weeks of work on queues and loyalty.",
        "A bakery measured customer service by its regulars: loyalty grew when waits shrank.",
        "Our support desk rewrote every reply template; customers noticed the warmer tone.",
        "A bank's customer experience team mapped the journey of a lost card, step by step.",
    )
    items = [
        {
            "id": f"h{n}",
            "url": f"https://h.example/a{n}",
            "title": f"Customer experience story {n}",
            "content_text": stories[n],
            "authors": [{"name": name}],
            "date_published": f"2026-11-1{n}T10:00:00Z",
        }
        for n, name in enumerate(JSON_FEED_AUTHORS)
    ]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Hostile Co", "items": items}
    (tmp_path / "h.json").write_text(json.dumps(feed), encoding="utf-8")
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter:\n  title: Hostile Weekly\n  editor: Walker\n  issue_size: 20\n"
        "subjects:\n  - name: The basics of customer experience\n"
        "    description: What customer experience is and why it matters.\n"
        "    keywords: [customer experience, customer service, customer, loyalty]\n"
        "feeds:\n  - url: h.json\n    name: Hostile Co\n    fetch_pages: false\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    assert "no author was found" not in err
    out = tmp_path / "output"
    credited = {a["url"]: a["authors"] for a in _articles(out)}
    assert credited == {
        f"https://h.example/a{n}": [name] for n, name in enumerate(JSON_FEED_AUTHORS)
    }
    html = (out / "issue-1.html").read_text(encoding="utf-8")
    assert '<p class="credit"><bdi>Ann &lt;!-- Lee</bdi> || <bdi>Hostile Co</bdi></p>' in html
    assert '<p class="credit"><bdi>*Star* Author</bdi> || <bdi>Hostile Co</bdi></p>' in html

"""walk120 (fixdy): every candidate the build finds telling a featured story is named under it,
in the build and in the draft, never left out "for variety". Through the CLI, against the real
feeds on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from test_walk119_copies import EXTRA, HTML, TEXT, TITLE, linkblog_newsletter, page, rss

from conftest import LocalServer
from conftest import run_cli as run


def test_a_copy_of_a_featured_story_is_named_under_it_in_the_draft_and_the_build(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk120 A: issue 2 featured "Bad App Citizens" (everyinteraction.com) with no "Also
    covered by" for Daring Fireball's post about it, which the draft listed as left out for
    variety (following that advice features the story twice), while `subjects list` then called
    that post a copy of it published in issue 2."""
    path = linkblog_newsletter(
        tmp_path,
        http_server,
        corpus,
        {
            "title": "Walk Weekly",
            "editor": "Walk Editor",
            "introduction": "Hello, issue {number}.",
            "issue_size": 6,
        },
    )
    code, _, err = run("build", "--config", str(path))
    assert code == 0, err
    code, _, err = run("draft", "--config", str(path))
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    code, _, err = run(
        "build", "--config", str(path), "--draft", str(tmp_path / "drafts" / "issue-2.md")
    )
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-2.json").read_text(encoding="utf-8"))
    articles = [a for s in issue["sections"] for a in s["articles"]]
    # The story Daring Fireball linked to that issue 2 features ("Bad App Citizens" then; since
    # blurbs lost a repeated title, its score ties "John Markoff to Interview Scott Forstall",
    # which the Computer History Museum's page tells and Daring Fireball links to as well)
    featured = [
        a
        for a in articles
        if any("daringfireball.net/linked/" in c["url"] for c in a.get("also_covered_by", []))
    ]
    assert len(featured) == 1, [(a["url"], a.get("also_covered_by")) for a in articles]
    (copy,) = featured[0]["also_covered_by"]
    assert copy["name"] == "Daring Fireball"
    df = copy["url"].removeprefix("https://")
    assert df.startswith(
        (
            "daringfireball.net/linked/2017/06/22/darke-bad-app-citizens",
            "daringfireball.net/linked/2017/06/15/markoff-forstall",
        )
    ), df
    assert df not in {a["url"].removeprefix("https://") for a in articles}
    html = (tmp_path / "output" / "issue-2.html").read_text(encoding="utf-8")
    assert f"https://{df}" in html
    # (the draft names it under the story, not among those left out for variety: following
    # that advice would feature the story twice)
    same = draft.split("<!-- Left out as the same story", 1)[1].split("-->", 1)[0]
    assert df in same, draft
    if "<!-- Left out for variety" in draft:
        variety = draft.split("<!-- Left out for variety", 1)[1].split("-->", 1)[0]
        assert df not in variety, variety


def test_an_earlier_original_with_another_title_leads_its_later_copy_whatever_each_scores(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk120 B: CX Roundup's copy two months later (its own title, paragraphs of its own that
    score it 2.023, no "first appeared" line) led; the original (Oct 1, canonical to itself,
    1.344) was named under it, though README says the one published on an earlier day leads."""
    base = http_server.base
    original = http_server.url("/metrics/churn.html")
    http_server.add("/metrics/churn.html", page(TITLE, TEXT, canonical=original), content_type=HTML)
    retitled = "Churn is in the feedback: this week's pick"
    copy = http_server.add(
        "/roundup/churn.html", page(retitled, EXTRA + TEXT + EXTRA), content_type=HTML
    )
    metrics = [(TITLE, original, "Thu, 01 Oct 2026 10:00:00 GMT", "Churn in feedback.")]
    roundup = [(retitled, copy, "Sat, 05 Dec 2026 10:00:00 GMT", " ".join(EXTRA))]
    demo = yaml.safe_load((Path(__file__).parents[1] / "examples" / "feeds.yaml").read_text())
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 4},
        "subjects": demo["subjects"],
        "feeds": [
            {
                "url": http_server.add(
                    "/roundup.xml", rss("CX Roundup", http_server.url("/"), roundup)
                ),
                "name": "CX Roundup",
            },
            {
                "url": http_server.add(
                    "/metrics.xml", rss("Metrics Monthly", http_server.url("/"), metrics)
                ),
                "name": "Metrics Monthly",
            },
        ],
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert f"## {TITLE}\nurl: {base}/metrics/churn.html\n" in draft, draft
    assert f"url: {base}/roundup/churn.html" not in draft, draft
    same = draft.split("<!-- Left out as the same story", 1)[1].split("-->", 1)[0]
    assert f"## {base}/roundup/churn.html" in same, same
    code, _, err = run(
        "build", "--config", str(path), "--draft", str(tmp_path / "drafts" / "issue-1.md")
    )
    assert code == 0, err
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    entry = text.split(f"\n{TITLE}\n\n", 1)[1].split("\n\n", 1)[0]
    assert f"{base}/metrics/churn.html" in entry, entry
    assert f"Also covered by: CX Roundup <{base}/roundup/churn.html>" in entry, entry
    assert retitled not in text, text

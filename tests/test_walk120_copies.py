"""walk120 (fixdy): every candidate the build finds telling a featured story is named under it,
in the build and in the draft, never left out "for variety". Through the CLI, against the real
feeds on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import LocalServer
from conftest import run_cli as run


def test_a_copy_of_a_featured_story_is_named_under_it_in_the_draft_and_the_build(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk120 A: issue 2 featured "Bad App Citizens" (everyinteraction.com) with no "Also
    covered by" for Daring Fireball's post about it, which the draft listed as left out for
    variety (following that advice features the story twice), while `subjects list` then called
    that post a copy of it published in issue 2."""
    folder = corpus / "feeds" / "real"
    names = [
        "rsparser/DaringFireball.atom",
        "rsparser/DaringFireball.json",
        "rsparser/inessential.json",
        "rsparser/pxlnv.json",
        "rsparser/manton.rss",
    ]
    feeds = [
        {"url": http_server.add(f"/{n}", (folder / n).read_bytes(), content_type=None)}
        for n in names
    ]
    config = {
        "newsletter": {
            "title": "Walk Weekly",
            "editor": "Walk Editor",
            "introduction": "Hello, issue {number}.",
            "issue_size": 6,
        },
        "subjects": [
            {
                "name": "Technology",
                "keywords": ["software", "web", "apple", "code", "internet", "app"],
            }
        ],
        "feeds": feeds,
        "settings": {"fetch_pages": False, "allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
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
    featured = [a for a in articles if "everyinteraction.com" in a["url"]]
    assert featured, [a["url"] for a in articles]
    df = "daringfireball.net/linked/2017/06/22/darke-bad-app-citizens"
    assert featured[0]["also_covered_by"] == [{"name": "Daring Fireball", "url": f"https://{df}"}]
    html = (tmp_path / "output" / "issue-2.html").read_text(encoding="utf-8")
    assert f"https://{df}" in html
    # (the draft names it under the story, not among those left out for variety: following
    # that advice would feature the story twice)
    same = draft.split("<!-- Left out as the same story", 1)[1].split("-->", 1)[0]
    assert df in same, draft
    if "<!-- Left out for variety" in draft:
        variety = draft.split("<!-- Left out for variety", 1)[1].split("-->", 1)[0]
        assert df not in variety, variety

"""walk179 #1: a template that drops the credit line, on issues whose blurbs name their author and
publication ("In this Forbes piece, Sam O'Neil explains ..."), was not warned of (the check
found the names in the blurb); a credit half dropped was counted wrong, and feed.xml's entries of
the issues not rendered lost their credits unsaid. Through the CLI on the offline demo, with
curator's real templates copied and changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import copy_demo, said_as_one
from conftest import run_cli as run
from curator.templatecheck import builtin_templates

CREDIT_BLOCK = (
    '      {% if entry.credit %}\n      <p class="credit">{{ entry.credit_html }}</p>\n'
    "      {% endif %}\n"
)


def _two_issues(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The demo with issues 1 and 2 published by curator's own templates, and a copy of them
    (feeds.yaml, the output folder, the copied templates folder)."""
    config = copy_demo(tmp_path)
    for _ in range(2):
        code, _, err = run("build", "--config", str(config), "-q")
        assert code == 0, err
    mine = tmp_path / "mytpl"
    shutil.copytree(builtin_templates(), mine)
    return config, config.parent / "output", mine


def _blurbs_name_their_credit(out: Path, number: int, only_first: bool = False) -> list[dict]:
    """Open each blurb of issue `number` (its issue-N.json) by naming its publication and author,
    as an editor writes; the articles."""
    path = out / f"issue-{number}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = [a for s in data["sections"] for a in s["articles"]]
    for article in articles[:1] if only_first else articles:
        assert article["authors"] and article["publication"], article
        article["blurb"] = (
            f"In this {article['publication']} piece, {' and '.join(article['authors'])}"
            f" explains the basics. {article['blurb']}"
        )
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return articles


def _body(mine: Path, credit: str) -> Path:
    body = mine / "_issue_body.html"
    source = body.read_text(encoding="utf-8")
    assert CREDIT_BLOCK in source
    body.write_text(source.replace(CREDIT_BLOCK, credit), encoding="utf-8")
    return body


def test_a_dropped_credit_is_warned_though_the_blurbs_name_author_and_publication(
    tmp_path: Path,
) -> None:
    config, out, mine = _two_issues(tmp_path)
    articles = _blurbs_name_their_credit(out, 2)
    _blurbs_name_their_credit(out, 1)
    body = _body(mine, "")
    code, _, err = run("render", "2", "--config", str(config), "--templates", str(mine))
    assert code == 0, err
    said = said_as_one(err)
    page = (out / "issue-2.html").read_text(encoding="utf-8")
    assert 'class="credit"' not in page
    assert f"In this {articles[0]['publication']} piece" in page
    n = len(articles)
    assert (
        f"{body}: your templates leave out of issue-2.html, latest.html, issue-2.fragment.html,"
        f" feed.xml the credit of {n} of {n} articles" in said
    ), said
    # feed.xml's entry of issue 1, rendered again with these templates, lost them too
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "class=&quot;credit&quot;" not in feed and 'class="credit"' not in feed
    assert "leave out of feed.xml (its entry of issue 1) the credit of 4 of 4 articles" in said, (
        said
    )


def test_a_credit_half_dropped_is_counted_for_every_article(tmp_path: Path) -> None:
    """`<bdi>{{ entry.author }}</bdi>` for the credit: every article lost its publication, said
    of "1 of 2" when one blurb named it."""
    config, out, mine = _two_issues(tmp_path)
    articles = _blurbs_name_their_credit(out, 2, only_first=True)
    _body(mine, "      <p><bdi>{{ entry.author }}</bdi></p>\n")
    code, _, err = run("render", "2", "--config", str(config), "--templates", str(mine))
    assert code == 0, err
    said = said_as_one(err)
    n = len(articles)
    assert n > 1
    assert f"the publication in the credit of {n} of {n} articles" in said, said
    assert "the credit of" not in said.replace("the publication in the credit of", ""), said


def test_a_credit_shown_is_still_not_warned(tmp_path: Path) -> None:
    """The credit shown its own way ("Pub, by Author", in capitals) is not warned of."""
    config, out, mine = _two_issues(tmp_path)
    _blurbs_name_their_credit(out, 2)
    _body(
        mine,
        '      <p class="credit">{{ entry.publication | upper }}{% if entry.author %}, by'
        " {{ entry.author }}{% endif %}</p>\n",
    )
    code, _, err = run("render", "--all", "--config", str(config), "--templates", str(mine))
    assert code == 0, err
    assert "leave out of" not in said_as_one(err), err

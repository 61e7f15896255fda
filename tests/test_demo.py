"""The offline demo, as issue 4 promises it: the right author, publication and a clean blurb per page."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, credits_as_text
from curator.cli import cli

EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))["articles"]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(])", text) if s.strip()]


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    pages = [str(EXAMPLES / a["page"]) for a in EXPECTED]
    result = CliRunner().invoke(cli, ["extract", "--json", *pages])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return {a["page"]: r for a, r in zip(EXPECTED, records, strict=True)}


@pytest.mark.parametrize("expected", EXPECTED, ids=[a["page"] for a in EXPECTED])
def test_extract_credits_each_demo_page_rightly(expected: dict, extracted: dict) -> None:
    record = extracted[expected["page"]]
    assert record["title"] == expected["title"]
    assert record["canonical_url"] == expected["canonical_url"]
    if "feed entry only" not in expected["author_stated_in"]:
        assert record["authors"] == [expected["author"]]
    else:
        assert record["authors"] == []
    blurb = record["blurb"]
    assert 150 <= len(blurb) <= 450, blurb
    assert 2 <= len(sentences(blurb)) <= 3, blurb
    lowered = blurb.lower()
    assert not any(
        phrase in lowered
        for phrase in (
            "read more",
            "leave a reply",
            "cookie",
            "subscribe",
            "image:",
            "last updated",
        )
    )


def test_the_demo_issue_credits_every_article_as_author_and_publication(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "build",
            "--config",
            str(EXAMPLES / "feeds.yaml"),
            "--out",
            str(tmp_path),
            "--db",
            str(tmp_path / "c.db"),
            "-q",
            # The demo's plan makes each issue about one subject; this checks every credit.
            "--all-subjects",
        ],
    )
    assert result.exit_code == 0, result.stderr
    page = credits_as_text((tmp_path / "issue-1.html").read_text(encoding="utf-8"))
    entries = re.findall(
        r'<h3><a href="([^"]+)">.*?</a></h3>\s*<p class="credit">(.*?)</p>', page, re.S
    )
    credits = {url: html.unescape(credit) for url, credit in entries}
    featured = [a for a in EXPECTED if a["subject"]]
    assert len(credits) == len(featured)
    for article in featured:
        assert (
            credits[article["canonical_url"]] == f"{article['author']} || {article['publication']}"
        )
    for article in EXPECTED:
        if not article["subject"]:
            assert article["canonical_url"] not in page


def test_readme_shows_the_demo_issue_as_the_text_edition_writes_it(tmp_path: Path) -> None:
    """README's first sample is the demo's issue-1.txt: each line it shows is a line of the real
    file (a line ending in "..." a beginning of one), so a wrapped blurb there is a defect."""
    from conftest import REPO, copy_demo

    config = copy_demo(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert result.exit_code == 0, result.stderr
    real = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8").splitlines()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    sample = readme.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    assert sample[0] == "Customer Experience Weekly" and len(sample) > 10
    blurb = next(line for line in sample if line.startswith("Surprise-and-delight"))
    assert blurb in real  # the whole blurb on one line, as the file has it
    for line in sample:
        if line == "..." or re.fullmatch(r"\w+ \d+, \d{4}, edited by .+", line):
            continue  # an elision, and the date of the build
        if line.endswith("..."):
            assert any(r.startswith(line.removesuffix("...").rstrip()) for r in real), line
        else:
            assert line in real, line

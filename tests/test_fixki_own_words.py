"""fixki (walk194 #1, #2): a subject added to a newsletter whose subjects already hold the
articles it was meant for ("Customer surveys" beside "Measuring the customer experience", which
keeps the survey pieces) fills with off-field stories that use none of its words; the subject
edit's report only counted them, `curator themes` and a plain build's advice ranked it ripest,
and an issue featuring them said nothing (they cleared the weak-fit bar). A subject pasted from
`subjects suggest` took every off-field story, said as a count alone. Now the edit's report says
it with what to do, `themes` does not count them, and a build or draft that features one warns.
Served by a local HTTP server: the CX articles are the project's own sentences and a seed
article, the off-field ones BBC texts from the corpus."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_fixhe_like_excluded import POOLS, SUBJECTS, feed, page
from test_fixiq_keywords_only import bbc

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

PER_SUBJECT = 30
OFF_FIELD = 100


@dataclass(frozen=True)
class Newsletter:
    folder: Path
    config: Path
    conf: tuple[str, str]
    #: The off-field stories' URLs, by title.
    off: dict[str, str]


@pytest.fixture
def newsletter(tmp_path: Path, corpus: Path) -> Iterator[Newsletter]:
    """Four CX subjects of 30 articles each (their sentences), 100 BBC stories of sport,
    politics, entertainment and business; fetched and placed once."""
    pick = random.Random(194)
    server = LocalServer().start()
    try:
        items = []
        for s, (subject, pool) in enumerate(POOLS.items()):
            for n in range(PER_SUBJECT):
                title = f"{subject.split()[0]} note {n + 1}"
                url = server.add(
                    f"/a{s}-{n}.html", page(title, pick.sample(pool, 5)), content_type="text/html"
                )
                items.append((title, url))
        off = {}
        for n, (title, paragraphs) in enumerate(
            bbc(corpus, ("sport", "politics", "entertainment", "business"), OFF_FIELD)
        ):
            off[title] = server.add(
                f"/b{n}.html", page(title, paragraphs), content_type="text/html"
            )
            items.append((title, off[title]))
        feed(server, items)
        folder = tmp_path / "nl"
        folder.mkdir()
        config = folder / "feeds.yaml"
        config.write_text(
            "newsletter:\n  title: CX Weekly\n  issue_size: 4\n"
            f"feeds:\n  - url: {server.url('/feed.xml')}\n{SUBJECTS}"
            "themes:\n  min_articles: 3\n"
            "settings:\n  allow_private_addresses: true\n",
            encoding="utf-8",
        )
        conf = ("--config", str(config))
        code, _, err = run("fetch", *conf, "-q")
        assert code == 0, err
        code, _, err = run("subjects", "list", *conf, "-q")
        assert code == 0, err
        yield Newsletter(folder, config, conf, off)
    finally:
        server.stop()


def _add_subject(n: Newsletter, entry: str) -> None:
    text = n.config.read_text(encoding="utf-8")
    n.config.write_text(text.replace("themes:\n", entry + "themes:\n", 1), encoding="utf-8")


#: `curator subjects suggest`'s entry for the fixture's articles under no subject ("7 article(s)"),
#: as the editor pasted it.
SHARES = """  - name: Shares, asia and failure
    description: Articles about shares, asia, failure, asian, such as “Asian quake hits European shares”
      and “Irish markets reach all-time high”.
    keywords:
    - shares
    - asia
    - failure
    - asian
    - quake
    - low
    - insurer
    - stock
"""
NAME = "Shares, asia and failure"


def test_a_pasted_suggestion_filled_with_articles_using_none_of_its_words_is_said(
    newsletter: Newsletter,
) -> None:
    n = newsletter
    _add_subject(n, SHARES)
    code, out, err = run("subjects", "list", *n.conf, "-n", "3")
    assert code == 0, err
    said = said_as_one(err)
    assert f"Subject edit ({NAME}):" in said, said
    found = re.search(
        rf"`{NAME}`: (\d+) of the (\d+) article\(s\) curator placed under it use none of its"
        r" keywords or its name's words \(e\.g\. “[^”]+”, placed on [^)]+\); its most used"
        r" keyword, `(\w+)`, is in only (\d+) of them",
        said,
    )
    assert found is not None, said
    without, placed, uses = int(found[1]), int(found[2]), int(found[4])
    assert 2 * without > placed and 3 * uses < placed, said
    assert (
        f"move one or two that do belong to it there (`curator subjects move URL '{NAME}'" in said
    )
    code, out, err = run("subjects", "list", *n.conf, "-q", "--json", "--subject", NAME)
    assert code == 0, err
    assert len(json.loads(out)) == placed, out
    # `themes` ranks it after the others, and says why
    code, out, err = run("themes", *n.conf, "-q", "--json")
    assert code == 0, err
    found_row = json.loads(out)
    row = next(r for r in found_row["subjects"] if r["subject"] == NAME)
    assert row["ripe"] and row["off_its_words"], row
    assert found_row["subjects"][-1]["subject"] == NAME and found_row["ripest"] != NAME, found_row
    code, out, err = run("themes", *n.conf, "-q")
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.strip().startswith(f"{NAME}:"))
    assert "ranked after the others: most of its articles came in on other words" in line, line


def test_themes_and_a_planned_build_do_not_count_them(newsletter: Newsletter) -> None:
    """The build that places the articles again after the edit, then stops (exit 3), says the
    edit too: the next command has nothing left to say of it."""
    n = newsletter
    _add_subject(n, SHARES)
    text = n.config.read_text(encoding="utf-8")
    n.config.write_text(
        text.replace("  min_articles: 3\n", f"  plan:\n    - {NAME}\n  min_articles: 15\n"),
        encoding="utf-8",
    )
    code, out, err = run("build", *n.conf, "--no-fetch")
    assert code == 3, (out, err)
    said = said_as_one(err)
    assert f"Subject edit ({NAME}):" in said and f"`{NAME}`: " in said, said
    assert f"the planned theme `{NAME}` is too thin" in said, said
    assert "use none of its keywords nor its name's words, which an issue does not count" in said
    assert f"The ripest subject is `{NAME}`" not in said, said
    assert not (n.folder / "output" / "issue-1.html").exists()
    code, out, err = run("themes", *n.conf, "-q")
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.strip().startswith(f"{NAME}:"))
    assert (
        "too thin, needs 15" in line and "using none of its keywords nor its name's words" in line
    )
    code, out, err = run("themes", *n.conf, "-q", "--json")
    assert code == 0, err
    row = next(r for r in json.loads(out)["subjects"] if r["subject"] == NAME)
    assert row["without_own_words"] > 0 and not row["ripe"], row


def test_a_draft_featuring_one_warns(newsletter: Newsletter) -> None:
    n = newsletter
    _add_subject(n, SHARES)
    text = n.config.read_text(encoding="utf-8")
    n.config.write_text(text.replace("issue_size: 4", "issue_size: 12"), encoding="utf-8")
    code, out, err = run("draft", *n.conf, "--no-fetch", "--subject", NAME)
    assert code == 0, err
    said = said_as_one(err)
    draft = n.folder / "drafts" / "issue-1.md"
    found = re.findall(
        rf'issue 1\'s "([^"]+)" \((http[^)]+)\) is placed under "{NAME}" by words that are none'
        r" of its keywords nor its name's: ([^;]+); if it does not belong there, cut it in (\S+) and",
        said,
    )
    assert found, said
    assert all(d == str(draft) for *_, d in found), found
    assert all(url in draft.read_text(encoding="utf-8") for _, url, _, _ in found)

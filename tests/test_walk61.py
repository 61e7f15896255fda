"""walk61: a local feed's local page that names no web address is no article to publish (#2);
a closed stderr loses only words (#1); `--json` says the exit it ends with (#3); a partly
translated `_words.txt` is said (#4); `--wait nan` is refused (#5)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli

#: A page of the local feed: about the demo's first subject, with or without a canonical link.
PAGE = (
    "<html lang='en'><head>{canonical}<title>CX basics {n}</title></head><body><article>"
    "<h1>CX basics {n}</h1>"
    + "<p>Customer experience is how customers feel about every touchpoint of the customer"
    " journey; customer service is one team, customer experience is every team's.</p>"
    * 6
    + "</article></body></html>"
)


def _local_feed(demo: Path, canonicals: dict[int, str | None]) -> None:
    """Add to the demo a local JSON Feed, feeds/big.json, whose items link to ../pages/big-N.html."""
    folder = demo.parent
    for n, canonical in canonicals.items():
        tag = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
        (folder / "pages" / f"big-{n}.html").write_text(
            PAGE.format(canonical=tag, n=n), encoding="utf-8"
        )
    items = [
        {
            "id": f"big{n}",
            "url": f"../pages/big-{n}.html",
            "title": f"Customer experience basics {n}: what it is and how teams share it",
            "date_published": f"2026-11-1{n}T10:00:00Z",
        }
        for n in canonicals
    ]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Big CX",
        "home_page_url": "https://big.example/",
        "items": items,
    }
    (folder / "feeds" / "big.json").write_text(json.dumps(feed), encoding="utf-8")
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("feeds:\n", "feeds:\n  - url: feeds/big.json\n    name: Big CX\n", 1),
        encoding="utf-8",
    )


def test_a_local_page_without_a_canonical_link_is_skipped_not_published(demo: Path) -> None:
    _local_feed(demo, {0: "https://big.example/p0", 1: None, 2: None})
    code, out, err = run_cli("fetch", "--config", str(demo))
    assert code == 0, err
    line = next(x for x in err.splitlines() if "Big CX:" in x)
    assert "3 entries, 1 new (2 of 3 entries skipped: no http(s) link" in line, err
    assert 'rel="canonical"' in line, line
    db = demo.parent / ".curator" / "curator.db"
    urls = [u for (u,) in sqlite3.connect(db).execute("SELECT url FROM articles")]
    assert "https://big.example/p0" in urls
    assert not [u for u in urls if not u.startswith(("http://", "https://"))], urls

    code, out, err = run_cli("build", "--config", str(demo), "--json")
    assert code == 0, err
    published = (demo.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "CX basics 1" not in published and "basics 1:" not in published
    assert "file:" not in published


def test_an_article_stored_with_a_file_link_is_never_featured(demo: Path) -> None:
    # A store written by an older curator holds a local page's file: address as an article's.
    _local_feed(demo, {0: "https://big.example/p0"})
    code, _, err = run_cli("fetch", "--config", str(demo))
    assert code == 0, err
    db = demo.parent / ".curator" / "curator.db"
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE articles SET url = ? WHERE url = ?",
            ((demo.parent / "pages" / "big-0.html").as_uri(), "https://big.example/p0"),
        )
    code, _, err = run_cli("build", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    published = (demo.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "basics 0" not in published and "file:" not in published


def test_a_closed_stderr_loses_only_the_words(demo: Path) -> None:
    # `curator build 2>&-`: fd 2 not open at all; the store's lock file took its number.
    import shlex
    import subprocess
    import sys

    command = f"{shlex.quote(sys.executable)} -m curator build --config {shlex.quote(str(demo))}"
    done = subprocess.run(
        ["sh", "-c", f"{command} --json 2>&- <&-"], stdout=subprocess.PIPE, text=True
    )
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout)["issue"] == 1
    assert (demo.parent / "output" / "issue-1.html").exists()
    version = f"{shlex.quote(sys.executable)} -m curator --version 2>&-"
    done = subprocess.run(["sh", "-c", version], stdout=subprocess.PIPE, text=True)
    assert done.returncode == 0 and "curator" in done.stdout, done.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_json_says_the_exit_5_of_warnings_lost_on_a_full_stderr(demo: Path) -> None:
    import subprocess
    import sys

    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "curator", "build", "--config", str(demo), "--json"],
            stdout=subprocess.PIPE,
            stderr=full,
            text=True,
            timeout=120,
        )
    assert done.returncode == 5
    data = json.loads(done.stdout)
    assert data["issue"] == 1
    assert data["exit"] == 5
    assert "No space left on device" in data["stderr_lost"]


@pytest.mark.parametrize("value", ["nan", "inf", "NaN"])
def test_wait_refuses_a_value_that_is_no_number_of_seconds(demo: Path, value: str) -> None:
    code, out, err = run_cli("build", "--config", str(demo), "--wait", value, "--json")
    assert code == 2
    assert "'--wait'" in err and "is no number of seconds" in err, err
    assert json.loads(out)["exit"] == 2
    assert not (demo.parent / "output").exists()


OWN_WORDS = Path(__file__).parents[1] / "templates" / "_words.txt"


def test_a_partly_translated_words_file_names_the_words_left_in_english(demo: Path) -> None:
    text = OWN_WORDS.read_text(encoding="utf-8")
    for english, german in [
        ('"edited by"', '"herausgegeben von"'),
        ('"Every issue, newest first"', '"Alle Ausgaben, die neueste zuerst"'),
        ('"Atom feed"', '"Atom-Feed"'),
        ('"Also covered by:"', '"Auch berichtet von:"'),
        ('"Read it on the web"', '"Im Web lesen"'),
        ('" and "', '" und "'),
        ("Issue {{ n }}", "Ausgabe {{ n }}"),
        (
            "Another piece in {{ caller() }} on the same story",
            "Ein weiterer Beitrag in {{ caller() }} zur selben Geschichte",
        ),
        (
            "{{ months[day.month - 1] }} {{ day.day }}, {{ day.year }}",
            "{{ day.day }}. {{ months[day.month - 1] }} {{ day.year }}",
        ),
    ]:
        assert english in text
        text = text.replace(english, german)
    (demo.parent / "tpl").mkdir()
    (demo.parent / "tpl" / "_words.txt").write_text(text, encoding="utf-8")
    config = demo.read_text(encoding="utf-8")
    config = config.replace("newsletter:\n", "newsletter:\n  language: de\n", 1)
    config = config.replace("settings:\n", "settings:\n  templates: tpl\n", 1)
    demo.write_text(config, encoding="utf-8")

    code, _, err = run_cli("build", "--config", str(demo))
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        f"newsletter: language: de, but {demo.parent / 'tpl' / '_words.txt'} keeps curator's"
        " English for `all_issues`, `months`: every edition publishes them in English" in said
    ), err
    assert "`separator`" not in said and "`date`" not in said

    # Translated, or kept on purpose (single quotes): no warning.
    text = text.replace('"All issues"', '"Alle Ausgaben"').replace('"January"', "'January'")
    (demo.parent / "tpl" / "_words.txt").write_text(text, encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(demo))
    assert code == 0, err
    assert "keeps curator's English" not in err, err


def test_copies_made_before_words_txt_are_named_with_the_english_words_they_write(
    demo: Path,
) -> None:
    """walk62 #2: with `language: de`, the advice to translate `_words.txt` was followed, yet
    issue-1.txt still said "Issue 1" and "edited by": the editor's copy of issue.txt, made before
    `_words.txt` existed, writes them itself. The warning names such copies and their English
    words; a copy that writes the words in German itself is not named."""
    text = OWN_WORDS.read_text(encoding="utf-8")
    text = text.replace('"edited by"', '"herausgegeben von"').replace(
        "Issue {{ n }}", "Ausgabe {{ n }}"
    )
    tpl = demo.parent / "tpl"
    tpl.mkdir()
    (tpl / "_words.txt").write_text(text, encoding="utf-8")
    old_txt = "{{ title }}\nIssue {{ number }}{% if editor %}, edited by {{ editor }}{% endif %}\n"
    (tpl / "issue.txt").write_text(old_txt, encoding="utf-8")
    (tpl / "issue.md").write_text("# {{ title }}, Ausgabe {{ number }}\n", encoding="utf-8")
    config = demo.read_text(encoding="utf-8")
    config = config.replace("newsletter:\n", "newsletter:\n  language: de\n", 1)
    config = config.replace("settings:\n", "settings:\n  templates: tpl\n", 1)
    demo.write_text(config, encoding="utf-8")

    code, _, err = run_cli("build", "--config", str(demo))
    assert code == 0, err
    assert "Issue 1" in (demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    said = " ".join(err.split())
    assert (
        "newsletter: language: de, but these copies of curator's templates were made before"
        " _words.txt and write its English words themselves, so translating _words.txt changes"
        f" nothing in them. In {tpl / 'issue.txt'}: 'Issue', 'edited by'. Translate those words"
        " in each copy" in said
    ), err
    assert str(tpl / "issue.md") not in said

    (tpl / "issue.txt").write_text(
        old_txt.replace("Issue", "Ausgabe").replace("edited by", "herausgegeben von"),
        encoding="utf-8",
    )
    code, _, err = run_cli("render", "1", "--config", str(demo))
    assert code == 0, err
    assert "write its English words themselves" not in err, err

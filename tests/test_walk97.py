"""walk97's and walk95's findings: a list printed with --json keeps the warnings stderr lost,
the advice of `draft` over a draft names the draft, and `draft --force` keeps an edited draft."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_cli

FULL = Path("/dev/full")


def with_keyword_the(demo: Path) -> None:
    """A keyword "the" in the demo's first subject: every run warns of it."""
    text = demo.read_text(encoding="utf-8")
    at = text.index("keywords: [") + len("keywords: [")
    demo.write_text(f'{text[:at]}"the", {text[at:]}', encoding="utf-8")


def test_a_list_in_json_with_stderr_lost_holds_the_warnings(demo: Path) -> None:
    """walk97 #1: `subjects list --json 2>/dev/full` (and `feeds list`) exited 5 and printed a
    bare list: the keyword warning was lost, though README says the document holds it."""
    with_keyword_the(demo)
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    assert "`the` gives curator no word to match" in err
    for command in (("subjects", "list"), ("feeds", "list")):
        plain = run_cli(*command, "--config", str(demo), "--json")
        assert plain[0] == 0, plain
        rows = json.loads(plain[1])
        assert isinstance(rows, list) and rows  # a list as before while stderr is written
        with FULL.open("wb") as stderr:
            done = subprocess.run(
                [sys.executable, "-m", "curator", *command, "--json", "--config", str(demo)],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=stderr,
                timeout=120,
            )
        assert done.returncode == 5, command
        answer = json.loads(done.stdout.decode())
        assert answer["exit"] == 5 and "holds the warnings" in answer["stderr_lost"]
        assert answer["rows"] == rows, command
        assert any("`the` gives curator no word" in w["message"] for w in answer["warnings"]), (
            answer["warnings"]
        )


def test_draft_over_a_draft_advises_a_build_that_works_as_printed(demo: Path) -> None:
    """walk97 #7: `draft` over a draft advised `curator build --draft DRAFT --config ...`; run as
    written it failed "DRAFT: cannot read the draft" (exit 2), though the message knew the path."""
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    # (edited: one as curator wrote it is replaced, walk146 #6)
    path.write_text(path.read_text(encoding="utf-8") + "\nMy edit.\n", encoding="utf-8")
    code, _, err = run_cli("draft", "--config", str(demo), "-q")
    assert code == 1, err
    advice = err.split("build it with `", 1)[1].split("`", 1)[0]
    assert advice == f"curator build --draft {path} --config {demo}", advice
    argv = shlex.split(advice)
    assert argv[0] == "curator"
    code, out, err = run_cli(*argv[1:], "-q")
    assert code == 0, err
    assert (demo.parent / "output" / "issue-1.json").is_file()


def test_draft_force_keeps_an_edited_draft_as_a_copy(demo: Path) -> None:
    """walk95 #3: `draft --force` over the other editor's edited draft replaced it without a
    word. The edited draft is kept beside it (no build reads it) and the run says where; a draft
    as curator wrote it is replaced as before, with no copy."""
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    copy = path.with_name("issue-1.md.replaced")
    code, _, err = run_cli("draft", "--config", str(demo), "--force", "-q")
    assert code == 0, err
    assert not copy.exists() and "replaced" not in err

    edited = path.read_text(encoding="utf-8") + "\nMy edit.\n"
    path.write_text(edited, encoding="utf-8")
    code, _, err = run_cli("draft", "--config", str(demo), "--force", "-q")
    assert code == 0, err
    assert "My edit." not in path.read_text(encoding="utf-8")
    assert copy.read_text(encoding="utf-8") == edited
    assert (
        f"{path} was edited since curator wrote it: --force replaced it, and the edited"
        f" draft is kept as {copy}" in " ".join(err.split())
    ), err
    # A second one does not overwrite the first copy.
    path.write_text(path.read_text(encoding="utf-8") + "\nAnother edit.\n", encoding="utf-8")
    assert run_cli("draft", "--config", str(demo), "--force", "-q")[0] == 0
    assert copy.read_text(encoding="utf-8") == edited
    assert "Another edit." in path.with_name("issue-1.md.replaced-2").read_text(encoding="utf-8")
    # The copies are not drafts: the build publishes the new draft.
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err


def test_a_copied_folder_s_fetch_calls_no_carried_article_new(demo: Path, tmp_path: Path) -> None:
    """walk95 #2: in a copy of the folder, fetch said "Northwind CX Journal: 4 entries, 4 new"
    for each feed, then "0 new article(s) stored.": the articles were the old path's, carried."""
    code, _, err = run_cli("fetch", "--config", str(demo))
    assert code == 0, err
    assert "  ok         Northwind CX Journal: 4 entries, 4 new" in err.splitlines()
    copy = tmp_path / "copy"
    shutil.copytree(demo.parent, copy)
    code, out, err = run_cli("fetch", "--config", str(copy / "feeds.yaml"))
    assert code == 0, err
    assert out.endswith("0 new article(s) stored.\n")
    lines = [line for line in err.splitlines() if line.startswith("  ok ")]
    assert len(lines) == 3 and all(line.endswith(" new") for line in lines), lines
    assert "  ok         Northwind CX Journal: 4 entries, 0 new" in lines, lines
    assert all(line.endswith(", 0 new") for line in lines), lines


GERMAN = [
    (
        "Die Straßenbahn fährt bald öfter",
        "Die Stadtwerke haben am Montag angekündigt, dass die Straßenbahn ab dem Frühjahr alle"
        " fünf Minuten fährt. Fahrgäste warten derzeit oft zehn Minuten an der Haltestelle, und"
        " im Berufsverkehr sind die Wagen überfüllt. Der Stadtrat hat die neuen Fahrpläne"
        " genehmigt, die Kosten trägt zum größten Teil das Land.",
    ),
    (
        "Neues Brot aus der Backstube am Markt",
        "Die Bäckerei am Marktplatz backt seit dieser Woche ein Roggenbrot nach einem Rezept der"
        " Großmutter des Inhabers. Der Teig ruht zwei Tage, bevor er in den Steinofen kommt. Die"
        " Kundschaft steht schon morgens um sieben Uhr Schlange vor dem Laden in der Altstadt.",
    ),
]


def german_newsletter(tmp_path: Path) -> Path:
    """An English newsletter (one subject, English keywords) whose one local feed holds only
    articles whose pages say lang="de"."""
    folder = tmp_path / "nl"
    (folder / "feeds").mkdir(parents=True)
    (folder / "pages").mkdir()
    items = []
    for n, (title, body) in enumerate(GERMAN, 1):
        (folder / "pages" / f"de-{n}.html").write_text(
            f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="UTF-8"><title>{title}</title>'
            f'<link rel="canonical" href="https://stadt.example/de-{n}"></head>'
            f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>\n",
            encoding="utf-8",
        )
        items.append(
            f"<item><title>{title}</title><link>../pages/de-{n}.html</link>"
            f"<pubDate>Mon, 0{n} Nov 2026 08:00:00 +0000</pubDate>"
            f"<description>{body}</description></item>"
        )
    (folder / "feeds" / "stadt.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        "<title>Stadtnachrichten</title><link>https://stadt.example/</link>"
        f"{''.join(items)}</channel></rss>\n",
        encoding="utf-8",
    )
    config = folder / "feeds.yaml"
    config.write_text(
        "newsletter:\n  title: Customer Experience Weekly\n  editor: Morgan Ellery\n"
        "subjects:\n  - name: Service operations\n"
        "    description: Running a support team day to day.\n"
        "    keywords: [support team, ticket, backlog, response time, staffing]\n"
        "feeds:\n  - url: feeds/stadt.xml\n",
        encoding="utf-8",
    )
    return config


def test_nothing_new_says_how_many_articles_fitting_none_are_in_another_language(
    tmp_path: Path,
) -> None:
    """walk97 #6: German articles under English subjects: "Nothing new to feature ... fit none",
    with no word of their language, though their pages say lang="de" and the store keeps it."""
    config = german_newsletter(tmp_path)
    for command in ("draft", "build"):
        code, out, err = run_cli(command, "--config", str(config))
        assert code == 0, err
        said = " ".join(out.split())
        assert "Nothing new to feature" in said and "2 articles not yet in an issue" in said, said
        assert (
            "2 of them are in another language than the newsletter's (`language: en`), as their"
            ' pages, feeds or words say (2 lang="de"): a subject fits an article by the words it uses, so write'
            " keywords in their language too"
        ) in said, said

"""Issues about one subject (issue 15), through the CLI on the offline demo: --subject, the plan of
themes, a thin theme refused with exit 3, `curator themes`, and the theme in every output format."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import EXAMPLES, LocalServer, add_sport_feed, sans_config
from conftest import run_cli as run

EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))["articles"]
BASICS = "The basics of customer experience"
MEASURING = "Measuring the customer experience"
SERVICE = "Service operations"
VOICE = "Voice of the customer"
REPO_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
#: The demo's `site_url` (examples/feeds.yaml), where its issues are published.
WEB = "https://blog.example.com/cx-weekly"


def urls_of(subject: str) -> set[str]:
    return {a["canonical_url"] for a in EXPECTED if a["subject"] == subject}


def issue_json(demo: Path, number: int) -> dict:
    path = demo.parent / "output" / f"issue-{number}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def featured(data: dict) -> set[str]:
    return {a["url"] for s in data["sections"] for a in s["articles"]}


def stored_issues(demo: Path) -> list[tuple]:
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db")
    try:
        return db.execute("SELECT number, theme, planned FROM issues ORDER BY number").fetchall()
    finally:
        db.close()


def plan_line(demo: Path, theme: str) -> int:
    """The line of `theme`'s entry under `themes: plan:` (1-based)."""
    return demo.read_text(encoding="utf-8").splitlines().index(f"    - {theme}") + 1


def set_themes(demo: Path, block: str) -> None:
    """Replace the demo's `themes:` section with `block`."""
    text = demo.read_text(encoding="utf-8")
    start = text.index("\nthemes:\n")
    end = text.index("\n# --- Feeds")
    demo.write_text(text[:start] + "\n" + block.rstrip("\n") + "\n" + text[end:], encoding="utf-8")


def test_subject_flag_makes_a_one_subject_issue_and_the_plan_goes_on(themed_demo: Path) -> None:
    """Issue 15's "done means": --subject on a fresh store, then the plan's next theme."""
    demo = themed_demo
    code, out, err = run("build", "--config", str(demo), "--subject", MEASURING, "-q")
    assert code == 0, err
    assert out.startswith(f"Issue 1: 2 article(s) on {MEASURING} -> ")
    first = issue_json(demo, 1)
    assert first["theme"] == [MEASURING]
    assert [s["subject"] for s in first["sections"]] == [MEASURING]
    assert featured(first) == urls_of(MEASURING)
    page = BeautifulSoup((demo.parent / "output" / "issue-1.html").read_text(), "html.parser")
    assert [h.get_text() for h in page.find_all("h2")] == [MEASURING]

    # The plan's place was kept: the next plain build takes its first theme, none of issue 1's.
    code, out, err = run("build", "--config", str(demo), "-q", "--json")
    assert code == 0, err
    assert json.loads(out)["theme"] == [BASICS]
    second = issue_json(demo, 2)
    assert featured(second) == urls_of(BASICS)
    assert not featured(second) & featured(first)
    # Measuring, listed second in the plan, had its issue already: the plan goes on to Service.
    assert second["closing"] == f"Next time: {SERVICE}. Won't you learn with me?"
    code, out, err = run("build", "--config", str(demo), "-q", "--json")
    assert code == 0, err
    assert json.loads(out)["theme"] == [SERVICE]
    assert stored_issues(demo) == [
        (1, json.dumps([MEASURING]), 1),
        (2, json.dumps([BASICS]), 1),
        (3, json.dumps([SERVICE]), 1),
    ]


def test_subject_override_of_a_theme_outside_the_plan_keeps_the_plan_in_place(
    themed_demo: Path,
) -> None:
    demo = themed_demo
    set_themes(demo, f"themes:\n  plan: [{BASICS}, {VOICE}]\n  min_articles: 2\n")
    code, _, err = run("build", "--config", str(demo), "-s", SERVICE, "-s", MEASURING, "-q")
    assert code == 0, err
    first = issue_json(demo, 1)
    assert first["theme"] == [SERVICE, MEASURING]
    # Several subjects: each is a heading, in the order given.
    assert [s["subject"] for s in first["sections"]] == [SERVICE, MEASURING]
    assert featured(first) == urls_of(SERVICE) | urls_of(MEASURING)
    assert stored_issues(demo)[0][2] == 0  # not the plan's: the plan has not moved
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert issue_json(demo, 2)["theme"] == [BASICS]


def test_a_mistyped_subject_says_did_you_mean_and_builds_nothing(themed_demo: Path) -> None:
    demo = themed_demo
    code, out, err = run("build", "--config", str(demo), "--subject", "Measuring", "-q")
    assert code == 2
    assert err == (f"curator: {demo}: no subject `Measuring`; did you mean `{MEASURING}`?\n")
    assert out == ""
    assert not (demo.parent / "output").exists()
    code, _, err = run("draft", "--config", str(demo), "--subject", "Voice of customer")
    assert code == 2 and f"did you mean `{VOICE}`?" in err


def test_both_subject_flags_at_once_stop_before_anything_is_read(themed_demo: Path) -> None:
    """--subject with --all-subjects is a mistake in the command: said at once (exit 2), before
    the feeds are read, from build and from draft."""
    demo = themed_demo
    for command in ("build", "draft"):
        code, out, err = run(command, "--config", str(demo), "--subject", VOICE, "--all-subjects")
        assert code == 2, err
        assert err == "curator: give --subject or --all-subjects, not both\n"
        assert out == ""
    assert not (demo.parent / ".curator" / "curator.db").exists() or not _stored(demo)
    assert not (demo.parent / "output").exists()


def _stored(demo: Path) -> int:
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def test_a_thin_planned_theme_is_refused_with_the_ripest_subject_and_exit_3(
    themed_demo: Path,
) -> None:
    demo = themed_demo
    set_themes(demo, f"themes:\n  plan:\n    - {VOICE}\n    - {BASICS}\n  min_articles: 3\n")
    line = demo.read_text(encoding="utf-8").splitlines().index(f"    - {VOICE}") + 1
    code, out, err = run("build", "--config", str(demo), "-q")
    assert code == 3
    assert out == ""
    assert sans_config(err) == (
        f"curator: {demo}:{line}: the planned theme `{VOICE}` is too thin: 2 unfeatured articles "
        "fit it, and an issue needs 3 (themes: min_articles); nothing was published. The ripest "
        f"subject is `{BASICS}` (4 articles); to review an issue on it: "
        f"`curator draft --subject '{BASICS}'`; `curator themes` shows every subject\n"
    )
    # Nothing half-built: no file written, no issue recorded, nothing marked as featured.
    assert not (demo.parent / "output").exists()
    assert stored_issues(demo) == []
    # The editor takes the suggestion; the plan still has Voice next (and still too thin).
    assert run("build", "--config", str(demo), "-q", "--subject", BASICS)[0] == 0
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 3 and f"the planned theme `{VOICE}` is too thin" in err
    assert "No subject has 3 unfeatured articles that fit it yet" in err


def test_a_thin_theme_stopping_a_draft_suggests_drafting_the_subject_themes_names(
    themed_demo: Path,
) -> None:
    """walk14 #7: `curator draft` stopped by a thin theme suggested `curator build --subject`
    (which publishes unseen), and a subject other than the one `curator themes` calls ripest
    (it left out the thin theme's own subjects, ripe ones too)."""
    demo = themed_demo
    set_themes(demo, f"themes:\n  plan:\n    - [{BASICS}, {VOICE}]\n  min_articles: 3\n")
    code, out, err = run("draft", "--config", str(demo), "-q")
    assert code == 3, err
    assert f"the planned theme `{VOICE}` is too thin" in err
    code, themes_out, themes_err = run("themes", "--config", str(demo), "--json")
    assert code == 0, themes_err
    assert json.loads(themes_out)["ripest"] == BASICS
    err = sans_config(err)
    assert (
        f"The ripest subject is `{BASICS}` (4 articles); to review an issue on it: "
        f"`curator draft --subject '{BASICS}'`" in err
    )
    assert "curator build" not in err
    assert not (demo.parent / "drafts").exists()
    # The suggestion works as given.
    code, out, err = run("draft", "--config", str(demo), "-q", "--no-fetch", "--subject", BASICS)
    assert code == 0, err
    assert (demo.parent / "drafts" / "issue-1.md").exists()


def test_a_used_up_plan_stops_with_exit_3_and_all_subjects_still_builds(themed_demo: Path) -> None:
    demo = themed_demo
    set_themes(demo, f"themes:\n  plan: [{BASICS}]\n  min_articles: 2\n")
    assert run("build", "--config", str(demo), "-q")[0] == 0
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 3
    assert "the plan of themes is used up (its 1 theme has had their issues)" in err
    assert f"The ripest subject is `{MEASURING}` (2 articles)" in err
    code, out, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--all-subjects")
    assert code == 0, err
    assert out.startswith("Issue 2: 6 article(s) in 3 subject(s)")
    assert issue_json(demo, 2)["theme"] == []
    assert stored_issues(demo)[1] == (2, None, 0)


def test_without_a_plan_every_issue_has_every_subject(demo: Path) -> None:
    assert "\nthemes:\n" not in demo.read_text(encoding="utf-8")
    code, out, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    data = issue_json(demo, 1)
    assert data["theme"] == [] and data["closing"] == ""
    assert len(data["sections"]) == 4
    assert "Issue 1: 10 article(s) in 4 subject(s)" in out


def test_themes_shows_what_is_ripe_and_the_plan(themed_demo: Path) -> None:
    demo = themed_demo
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("themes", "--config", str(demo), "--json")
    assert code == 0, err
    data = json.loads(out)
    by_subject = {s["subject"]: s for s in data["subjects"]}
    assert {name: s["fitting"] for name, s in by_subject.items()} == {
        BASICS: 4,
        MEASURING: 2,
        SERVICE: 2,
        VOICE: 2,
    }
    assert data["ripest"] == BASICS and data["subjects"][0]["subject"] == BASICS
    best = by_subject[BASICS]["best"]
    assert len(best) == 3 and {b["url"] for b in best} <= urls_of(BASICS)
    assert [b["score"] for b in best] == sorted((b["score"] for b in best), reverse=True)
    assert all(s["last_theme"] is None for s in data["subjects"])
    assert [p["theme"] for p in data["plan"]] == [[BASICS], [MEASURING], [SERVICE], [VOICE]]

    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert out.splitlines()[:3] == [
        "The plan's next themes (feeds.yaml, themes: plan:):",
        f"  1. {MEASURING}",
        f"  2. {SERVICE}",
    ]
    assert f"  {BASICS}: 0 article(s) (too thin, needs 2); last a theme in issue 1 (" in out
    assert f"  {MEASURING}: 2 article(s) (ripest); never a theme yet" in out
    titles = [a["title"] for a in EXPECTED if a["subject"] == MEASURING]
    for title in titles:
        assert title in out


def test_a_draft_takes_the_theme_and_the_build_records_it(themed_demo: Path) -> None:
    demo = themed_demo
    code, out, err = run("draft", "--config", str(demo), "--subject", VOICE)
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---")[1])
    assert front["theme"] == VOICE
    assert front["closing"] == f"Next time: {BASICS}. Won't you learn with me?"
    assert f"# {VOICE}\n" in text and f"# {SERVICE}\n" not in text
    edited = text.replace(f"closing: 'Next time: {BASICS}.", "closing: 'See you in two weeks.")
    path.write_text(edited, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path), "-q")
    assert code == 0, err
    data = issue_json(demo, 1)
    assert data["theme"] == [VOICE]
    assert data["closing"] == "See you in two weeks. Won't you learn with me?"
    # Voice is in the plan, not yet done: the draft's issue took its place there.
    assert stored_issues(demo) == [(1, json.dumps([VOICE]), 1)]


def themed_outputs(demo: Path) -> Path:
    assert run("build", "--config", str(demo), "-q", "--subject", VOICE)[0] == 0
    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    return demo.parent / "output"


def test_every_output_format_shows_the_theme_and_the_closing_line(themed_demo: Path) -> None:
    demo = themed_demo
    out = themed_outputs(demo)
    closing = f"Next time: {MEASURING}. Won't you learn with me?"
    theme_urls = urls_of(BASICS)

    for name in ("issue-2.html", "issue-2.fragment.html", "issue-2.email.html"):
        soup = BeautifulSoup((out / name).read_text(encoding="utf-8"), "html.parser")
        section = "h3" if "fragment" in name else "h2"  # under a blog post's own <h1>
        assert [h.get_text() for h in soup.find_all(section)] == [BASICS], name
        meta = soup.find(class_=["issue-meta", "meta"]).get_text(" ", strip=True)
        assert meta.startswith(f"Issue 2: {BASICS}"), (name, meta)
        links = {a["href"] for a in soup.find_all("a", href=True)}
        assert theme_urls <= links and not links & urls_of(VOICE), name
        assert soup.find(class_="closing").get_text(strip=True) == closing, name
        text = soup.get_text(" ", strip=True)
        # The theme's heading sits under the introduction, the closing line after the articles.
        assert text.index("Welcome to issue 2") < text.index(BASICS, text.index("Welcome"))
        assert text.rindex(closing) > max(
            text.index(a["title"]) for a in EXPECTED if a["subject"] == BASICS
        )
    page = BeautifulSoup((out / "issue-2.html").read_text(encoding="utf-8"), "html.parser")
    assert page.title.get_text() == f"Customer Experience Weekly · Issue 2: {BASICS}"

    md = (out / "issue-2.md").read_text(encoding="utf-8")
    front = yaml.safe_load(md.split("---\n")[1])
    assert front["title"] == f"Customer Experience Weekly · Issue 2: {BASICS}"
    assert front["theme"] == BASICS and front["tags"] == [BASICS]
    assert f"\n## {BASICS}\n" in md and md.rstrip().endswith(closing.replace("'", "'"))

    txt = (out / "issue-2.txt").read_text(encoding="utf-8").splitlines()
    assert txt[:3] == [
        "Customer Experience Weekly",
        f"Issue 2: {BASICS}",
        txt[2],
    ] and txt[2].endswith(", edited by Morgan Ellery")
    assert txt[txt.index(BASICS) + 1] == "=" * len(BASICS)
    # The closing line ends the issue; the issue's web page follows it (a mail's text part).
    assert txt[-3:] == [closing, "", f"Read it on the web: {WEB}/issue-2.html"]

    data = json.loads((out / "issue-2.json").read_text(encoding="utf-8"))
    assert data["theme"] == [BASICS] and data["closing"] == closing
    assert data["introduction"].startswith("Welcome to issue 2 of Customer Experience Weekly.")

    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    themes = [p.get_text() for p in index.find_all(class_="archive-theme")]
    assert themes == [BASICS, VOICE]  # newest first: the archive lists each issue's theme

    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == [
        f"Customer Experience Weekly · Issue 2: {BASICS}",
        f"Customer Experience Weekly · Issue 1: {VOICE}",
    ]
    assert [e.summary for e in feed.entries] == [BASICS, VOICE]
    assert closing in feed.entries[0].content[0].value


def test_a_subject_introduction_speaks_of_the_theme(themed_demo: Path) -> None:
    demo = themed_demo
    out = themed_outputs(demo)
    first = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    assert first["introduction"].startswith("Welcome to issue 1 of Customer Experience Weekly.")
    assert "closing the loop with the people who spoke up" in first["introduction"]


@pytest.mark.parametrize(
    ("block", "words"),
    [
        (
            "themes:\n  plan:\n    - Measuring\n",
            f"unknown subject `Measuring` in `plan`; did you mean `{MEASURING}`?",
        ),
        ("themes:\n  plan:\n    - []\n", "an empty theme `[]` in `plan`"),
        ("themes:\n  min_articles: 0\n", "`min_articles` must be between 1 and 50, not 0"),
        ("themes:\n  closing: 'Next: {next_them}'\n", "did you mean {next_theme}?"),
        ("themes:\n  plann: []\n", "unknown key `plann` in `themes`; did you mean `plan`?"),
    ],
)
def test_a_mistake_in_themes_names_its_line(themed_demo: Path, block: str, words: str) -> None:
    demo = themed_demo
    set_themes(demo, block)
    lines = demo.read_text(encoding="utf-8").splitlines()
    line = lines.index("themes:") + 2 + (1 if "- " in block else 0)
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 2
    assert err.startswith(f"curator: {demo}:{line}:"), err
    assert words in err


def test_an_issue_never_promises_a_theme_it_used_up(themed_demo: Path) -> None:
    """README's demo order: the plan's issue, a --subject issue, an --all-subjects issue. The last
    one features both Service operations articles, so it must not end "Next time: Service
    operations" (the next plain build could not keep that promise)."""
    demo = themed_demo
    out_dir = demo.parent / "output"
    assert run("build", "--config", str(demo), "-q")[0] == 0
    first = (out_dir / "issue-1.txt").read_text(encoding="utf-8")
    assert f"Next time: {MEASURING}. Won't you learn with me?\n\nRead it on the web:" in first
    code, _, err = run("build", "--config", str(demo), "-q", "--subject", MEASURING)
    assert code == 0, err
    second = (out_dir / "issue-2.txt").read_text(encoding="utf-8")
    assert f"Next time: {SERVICE}. Won't you learn with me?\n\nRead it on the web:" in second
    code, _, err = run("build", "--config", str(demo), "-q", "--all-subjects")
    assert code == 0, err
    third = issue_json(demo, 3)
    assert featured(third) >= urls_of(SERVICE) | urls_of(VOICE)
    # Every planned theme left is used up: the closing line (which names it) is left out.
    assert third["closing"] == ""
    text = (out_dir / "issue-3.txt").read_text(encoding="utf-8")
    assert "Next time" not in text
    soup = BeautifulSoup((out_dir / "issue-3.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find(class_="closing") is None and "Next time" not in soup.get_text()
    # The next plain build stops as the plan says (nothing was promised), naming the theme.
    code, out, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 3 and out == ""
    assert err.startswith(
        f"curator: {demo}:{plan_line(demo, SERVICE)}: the planned theme `{SERVICE}` is too thin: "
        "0 unfeatured articles fit it, and an issue needs 2 (themes: min_articles); issue 3 "
        "(of every subject) featured 2 of its articles; nothing was published."
    )


def test_a_themed_issue_promises_the_next_theme_only_while_it_stays_ripe(themed_demo: Path) -> None:
    """An issue on another theme leaves the plan's next theme ripe and promises it; an issue that
    features the next theme's articles (off the plan) does not."""
    demo = themed_demo
    set_themes(
        demo,
        f"themes:\n  plan: [{SERVICE}, {VOICE}]\n  min_articles: 2\n"
        "  closing: 'Next time: {next_theme}.'\n",
    )
    code, _, err = run("build", "--config", str(demo), "-q", "--subject", VOICE)
    assert code == 0, err
    assert issue_json(demo, 1)["closing"] == f"Next time: {SERVICE}."
    # An issue on Service and Measuring (off the plan: the plan keeps Service next) features
    # both Service articles: it must not promise Service.
    code, _, err = run(
        "build", "--config", str(demo), "-q", "--no-fetch", "-s", SERVICE, "-s", MEASURING
    )
    assert code == 0, err
    assert featured(issue_json(demo, 2)) >= urls_of(SERVICE)
    assert issue_json(demo, 2)["closing"] == ""
    assert "Next time" not in (demo.parent / "output" / "issue-2.txt").read_text(encoding="utf-8")


def test_articles_that_fit_a_theme_only_weakly_are_counted_apart_and_said(
    themed_demo: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk16.3: "Software engineering: 4 article(s) (ripest)" counted off-topic stories scoring
    0.066 and 0.046, and a plain build published them with no word. With 40 sport stories in the
    archive, the demo's off-topic article (the office coffee machine, which fits no subject) is
    placed under the basics, with a score under the subject's own bar."""
    demo = themed_demo
    add_sport_feed(demo, corpus, http_server, stories=40)
    demo.write_text(demo.read_text(encoding="utf-8").replace("issue_size: 4", "issue_size: 5"))
    assert run("fetch", "--config", str(demo), "-q")[0] == 0

    code, out, err = run("themes", "--config", str(demo), "--json")
    assert code == 0, err
    basics = next(s for s in json.loads(out)["subjects"] if s["subject"] == BASICS)
    assert (basics["fitting"], basics["weak"]) == (5, 1)
    assert [b["weak"] for b in basics["best"]] == [False, False, False]
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert f"  {BASICS}: 5 article(s), 1 fitting it only weakly (ripest); never a theme" in out
    assert "A weak fit scores under its subject's own bar" in " ".join(out.split())

    code, out, err = run("draft", "--config", str(demo), "--no-fetch", "--json")
    assert code == 0, err
    data = json.loads(out)
    [weak] = data["weak_fits"]
    assert weak == next(a["canonical_url"] for a in EXPECTED if a["subject"] is None)
    said = f'issue 1\'s "{BASICS}" has 1 of its 5 articles fitting the subject only weakly'
    assert any(w["message"].startswith(said) for w in data["warnings"]), data["warnings"]
    draft = Path(data["path"]).read_text(encoding="utf-8")
    block = draft[draft.index(f"url: {weak}") :].split("\n\n")[0]
    assert "<!-- Weak fit: this article scores under its subject's own bar" in block

    code, out, err = run("build", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    assert said in " ".join(err.split())
    assert out.startswith(f"Issue 1: 5 article(s), 1 fitting only weakly, on {BASICS} -> ")
    assert weak in featured(issue_json(demo, 1))  # what is published is as before


def test_a_thin_theme_stopping_a_draft_says_nothing_was_drafted(themed_demo: Path) -> None:
    """walk19 #6: `curator draft --subject` on a thin subject said "nothing was published"; a
    draft publishes nothing anyway: it says nothing was drafted (and build still says published)."""
    demo = themed_demo
    set_themes(demo, f"themes:\n  plan:\n    - {BASICS}\n  min_articles: 3\n")
    code, out, err = run("draft", "--config", str(demo), "-q", "--subject", VOICE)
    assert code == 3, err
    assert out == ""
    assert f"the theme `{VOICE}` is too thin" in err
    assert "; nothing was drafted. The ripest subject" in err
    assert "published" not in err
    assert not (demo.parent / "drafts").exists()
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--subject", VOICE)
    assert code == 3 and "; nothing was published. The ripest subject" in err
    # The plan used up: a draft is told to draft one issue on a subject, not to build one.
    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    code, _, err = run("draft", "--config", str(demo), "-q", "--no-fetch")
    assert code == 3, err
    assert "the plan of themes is used up" in err
    assert "or draft one issue with --subject NAME or --all-subjects" in err


def test_a_closing_line_left_out_for_an_empty_next_theme_is_warned_about(
    themed_demo: Path,
) -> None:
    """walk19 #3: the closing line that names {next_theme} was left out, without a word, when the
    next theme would be too thin; build and draft now say so, as for an introduction's sentence."""
    demo = themed_demo
    set_themes(
        demo,
        f"themes:\n  plan: [{SERVICE}, {VOICE}]\n  min_articles: 2\n"
        "  closing: 'Next time: {next_theme}.'\n",
    )
    line = (
        demo.read_text(encoding="utf-8").splitlines().index("  closing: 'Next time: {next_theme}.'")
    )
    warning = (
        f'curator: warning: {demo}:{line + 1}: issue 1 has no closing line: "Next time:'
        " {next_theme}.\" names {next_theme}, and there is none (the plan's next theme, "
    )
    # A closing line that is kept is not warned about.
    code, _, err = run("draft", "--config", str(demo), "-q", "-s", VOICE)
    assert code == 0, err
    assert "closing" not in err
    # An issue on Service and Measuring (off the plan) uses up Service: no promise, said so.
    args = ("--config", str(demo), "-q", "-s", SERVICE, "-s", MEASURING)
    code, out, err = run("draft", *args, "--force")
    assert code == 0, err
    flat = " ".join(err.split())
    assert " ".join(warning.split()) in flat, err
    assert (
        f"{SERVICE}, will have fewer than 2 unfeatured articles after this issue (themes:"
        " min_articles)). To close the issue anyway, write one without"
        " {next_theme} there (or `closing:` in a draft)" in flat
    )
    code, out, err = run("build", *args, "--no-fetch")
    assert code == 0, err
    assert issue_json(demo, 1)["closing"] == ""
    assert " ".join(warning.split()) in " ".join(err.split()), err


def rename_subject(demo: Path, old: str, new: str) -> None:
    """Rename a subject in feeds.yaml, under `subjects:` and in the plan, as an editor does."""
    text = demo.read_text(encoding="utf-8")
    demo.write_text(text.replace(old, new), encoding="utf-8")


def test_a_renamed_subject_keeps_its_issues_in_the_plan_of_themes(themed_demo: Path) -> None:
    """walk25 #1: renaming issue 1's theme in feeds.yaml must not make the plan start again with it
    ("never a theme yet"), nor break issue 2's promise of the next theme."""
    demo = themed_demo
    new = "Customer experience basics"
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    assert issue_json(demo, 2)["closing"] == f"Next time: {SERVICE}. Won't you learn with me?"
    rename_subject(demo, BASICS, new)

    # feeds.yaml alone: curator tells the rename and counts issue 1 for the new name, saying so.
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert f"  1. {SERVICE}\n  2. {VOICE}\n" in out
    assert new not in out.split("Subjects, ripest first")[0]
    assert f"  {new}: 0 article(s) (too thin, needs 2); last a theme in issue 1 (" in out
    err = sans_config(err)
    assert (
        f"curator: warning: issue 1 had the theme `{BASICS}`, a subject {demo} no longer has: the"
        f" plan of themes counts it as on `{new}`, which it looks renamed to; to say so once and"
        f" for all: `curator subjects rename '{BASICS}' '{new}'`"
    ) in err

    # `subjects rename` says what it carried over, though no article was moved to the subject.
    code, out, err = run("subjects", "rename", "--config", str(demo), BASICS, new)
    assert code == 0, err
    # (its articles, which `themes` had placed under the new name already, said too: walk100)
    assert sans_config(out).endswith(
        f'Issue 1, on "{BASICS}", now counts as on "{new}" in the plan of themes (`curator'
        " themes` shows what it has next); published issues keep their text.\n"
    )
    assert f'that issue 1 published under "{BASICS}" are under "{new}" now' in out, out
    code, out, err = run("themes", "--config", str(demo))
    # (the store's path, said by the line that the articles were placed in a copy, aside)
    assert code == 0 and "renamed" not in err.replace(str(demo.parent), "")
    assert f"  1. {SERVICE}\n" in out

    # The next issue keeps issue 2's promise, with no warning about it.
    code, out, err = run("draft", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    assert "promised" not in err
    draft = (demo.parent / "drafts" / "issue-3.md").read_text(encoding="utf-8")
    assert f"theme: {SERVICE}\n" in draft
    code, out, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--json")
    assert code == 0, err
    assert json.loads(out)["theme"] == [SERVICE] and "promised" not in err
    # The published issues keep the name they were published under.
    assert issue_json(demo, 1)["theme"] == [BASICS]


def test_an_issue_off_the_theme_the_last_one_promised_is_warned_about(themed_demo: Path) -> None:
    """Whatever the cause (--subject, a plan reordered), the next issue on another theme than
    the one the last issue's closing line promised says both, and why."""
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0  # promises Measuring
    promised = (
        f'issue 1 promised `{MEASURING}` as the next theme (its closing line: "Next time:'
        f" {MEASURING}. Won't you learn with me?\"), but issue 2 is on {SERVICE}: "
    )
    code, _, err = run("draft", "--config", str(demo), "--no-fetch", "--subject", SERVICE)
    assert code == 0, err
    assert (
        f"{promised}--subject asked for it; to keep the promise: `curator draft --force --subject"
        f" '{MEASURING}'` (which replaces the draft of issue 2 just written; or tell readers why"
        " in this issue's introduction)"
    ) in " ".join(sans_config(err).split())
    set_themes(demo, f"themes:\n  plan: [{BASICS}, {SERVICE}, {MEASURING}]\n  min_articles: 2\n")
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0, err
    assert issue_json(demo, 2)["theme"] == [SERVICE]
    assert (
        f"{promised}{demo}'s plan of themes (themes: plan:) now has it before; to keep the promise"
    ) in " ".join(err.split())


def test_subjects_rename_carries_a_theme_curator_could_not_tell_was_renamed(
    themed_demo: Path,
) -> None:
    """A new name sharing no word with the old: curator cannot tell the rename from feeds.yaml, so
    `subjects rename` (as README says) is what carries issue 1 over to it, moves or none."""
    demo = themed_demo
    new = "Onboarding primer"
    assert run("build", "--config", str(demo), "-q")[0] == 0
    rename_subject(demo, BASICS, new)
    code, out, err = run("subjects", "rename", "--config", str(demo), BASICS, new, "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "from": BASICS,
        "to": new,
        "moved": 0,
        "published_articles": 4,
        "theme_of_issues": [1],
        "merged_with_issues": [],
        "warnings": [],
    }
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert f"  1. {MEASURING}\n  2. {SERVICE}\n  3. {VOICE}\n" in out
    assert f"  {new}: 0 article(s) (too thin, needs 2); last a theme in issue 1 (" in out
    code, out, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--json")
    assert code == 0, err
    assert json.loads(out)["theme"] == [MEASURING] and "promised" not in err
    # A name no move and no issue's theme used is still a mistake, said as such.
    code, _, err = run("subjects", "rename", "--config", str(demo), "Basics", new)
    assert code == 1
    assert "you moved no article to `Basics`, no issue had it as its theme and none" in err


def test_publishing_a_draft_off_the_promised_theme_is_warned_about(themed_demo: Path) -> None:
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0  # promises Measuring
    assert run("draft", "--config", str(demo), "--no-fetch", "-q", "-s", VOICE)[0] == 0
    draft = demo.parent / "drafts" / "issue-2.md"
    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 0, err
    assert (
        f'issue 1 promised `{MEASURING}` as the next theme (its closing line: "Next time:'
        f" {MEASURING}. Won't you learn with me?\"), but issue 2 is on {VOICE}: {draft}:"
    ) in " ".join(err.split())
    assert " has it (front matter theme:); to keep the promise" in " ".join(err.split())


def test_a_draft_of_every_subject_off_the_promised_theme_names_no_theme_line(
    themed_demo: Path,
) -> None:
    """walk48 #4: a draft from `draft --all-subjects` has no `theme:` line, yet the warning said
    "drafts/issue-2.md has it (front matter theme:)", a line not there. (The editor took the
    promised subject's section out: with it, the issue keeps the promise, walk75 #3.)"""
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0  # promises Measuring
    assert run("draft", "--config", str(demo), "--no-fetch", "-q", "--all-subjects")[0] == 0
    draft = demo.parent / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    assert "\ntheme:" not in text
    start, end = text.index(f"\n# {MEASURING}\n"), text.index(f"\n# {SERVICE}\n")
    draft.write_text(text[:start] + text[end:], encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 0, err
    said = " ".join(err.split())
    assert "front matter theme:)" not in said
    assert (
        f"but issue 2 is of every subject: {draft} has no `theme:` line in its front matter, and"
        " a draft without one is of every subject; to keep the promise in the next issue:"
        " `curator draft --subject"
    ) in sans_config(said)


def test_a_rename_is_told_after_an_issue_under_the_new_name(themed_demo: Path) -> None:
    """walk25's store: issue 2 was published under the new name before curator remembered the
    rename (a subject published since the old name's last issue may be its new name)."""
    demo = themed_demo
    new = "Customer basics"
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db")
    with db:  # (as an older curator left it: issue 2 on the new name, no rename remembered)
        db.execute(
            "UPDATE issues SET theme = ?, plan = NULL WHERE number = 2", (json.dumps([new]),)
        )
        db.execute(
            "UPDATE issue_articles SET subject = ?"
            " WHERE issue_id = (SELECT id FROM issues WHERE number = 2)",
            (new,),
        )
    db.close()
    rename_subject(demo, BASICS, new)
    set_themes(
        demo, f"themes:\n  plan: [{new}, {MEASURING}, {SERVICE}, {new}]\n  min_articles: 2\n"
    )
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert f"plan:):\n  1. {MEASURING}\n  2. {SERVICE}\n\n" in out
    assert f"issue 1 had the theme `{BASICS}`, a subject {demo} no longer has" in err


def test_a_drafts_closing_that_names_another_next_theme_is_warned_about_and_kept(
    themed_demo: Path,
) -> None:
    """walk27 #1: a draft whose theme: the editor changed still closes on the old theme's next one,
    and a closing the editor wrote names a theme the plan does not have next: build --draft warns,
    and the promise the published closing makes is the one the next build checks."""
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0  # issue 1, promises Measuring
    assert run("draft", "--config", str(demo), "--no-fetch", "-q")[0] == 0  # on Measuring
    draft = demo.parent / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    assert f"closing: 'Next time: {SERVICE}. Won''t you learn with me?'" in text
    # Only theme: changed: the closing still names Service, the plan has Measuring next.
    draft.write_text(text.replace(f"theme: {MEASURING}", f"theme: {VOICE}"), encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 0, err
    assert (
        f'{draft}:7 closes with "Next time: {SERVICE}. Won\'t you learn with me?", naming'
        f" `{SERVICE}` as the next theme, but after this issue on {VOICE} the plan of themes"
        f" (themes: plan:) has `{MEASURING}` next"
    ) in " ".join(err.split())


def test_a_closing_the_editor_wrote_is_the_promise_the_next_build_checks(
    themed_demo: Path,
) -> None:
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("draft", "--config", str(demo), "--no-fetch", "-q")[0] == 0  # on Measuring
    draft = demo.parent / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(
        text.replace(f"Next time: {SERVICE}. Won''t you learn with me?", f"Next time: {VOICE}."),
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 0, err
    assert (
        f'closes with "Next time: {VOICE}.", naming `{VOICE}` as the next theme, but after this'
        f" issue on {MEASURING} the plan of themes (themes: plan:) has `{SERVICE}` next"
    ) in " ".join(err.split())
    code, out, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--json")
    assert code == 0, err
    assert json.loads(out)["theme"] == [SERVICE]
    assert (
        f'issue 2 promised `{VOICE}` as the next theme (its closing line: "Next time: {VOICE}."),'
        f" but issue 3 is on {SERVICE}"
    ) in " ".join(err.split())


def test_undoing_a_rename_is_accepted_and_says_what_it_carried_back(themed_demo: Path) -> None:
    """walk27 #5: a subject renamed twice (issue 2's theme, Measuring), then back to its first
    name: the rename back is accepted and says issue 2 counts as on its own theme again."""
    demo = themed_demo
    first, second = "Measuring CX", "Customer measures"
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 0  # on Measuring
    for old, new in ((MEASURING, first), (first, second)):
        rename_subject(demo, old, new)
        code, out, err = run("subjects", "rename", "--config", str(demo), old, new)
        assert code == 0, err
        assert f'Issue 2, on "{old}", now counts as on "{new}"' in out
    rename_subject(demo, second, MEASURING)  # the editor changes their mind
    code, out, err = run("subjects", "rename", "--config", str(demo), second, MEASURING)
    assert code == 0, err
    assert (
        f'Issue 2, published on "{MEASURING}" and counted as on "{second}" since your earlier'
        f' rename, counts as on "{MEASURING}" again in the plan of themes'
    ) in " ".join(out.split())
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert f"plan:):\n  1. {SERVICE}\n" in out
    assert "no longer has" not in err


def test_template_copies_made_before_themes_are_named_with_what_to_add(
    themed_demo: Path, tmp_path: Path
) -> None:
    """walk31 #1: an editor's copy of issue.txt from before themes printed neither the issue's
    theme nor its closing line, and the build said nothing (a warning existed only for "Another
    piece in X"). The build names the copy, what it leaves out and the variables to add."""
    demo = themed_demo
    own = (REPO_TEMPLATES / "issue.txt").read_text(encoding="utf-8")
    start, end = own.index("{% if theme %}"), own.index("{% else %}\n") + len("{% else %}\n")
    old = own[:start] + own[end:].replace("{% endif %}\n", "", 1)
    old = old[: old.index("{% if closing_plain %}")]
    # (a copy made then had no blocks either: walk132 #7 added them)
    old = "".join(ln for ln in old.splitlines(True) if "block " not in ln and "endblock" not in ln)
    mine = demo.parent / "my-templates"
    mine.mkdir()
    (mine / "issue.txt").write_text(old, encoding="utf-8")
    own_email = REPO_TEMPLATES / "email.html"
    (mine / "email.html").write_text(own_email.read_text(encoding="utf-8"), encoding="utf-8")
    demo.write_text(  # an up-to-date copy (email.html) is not named
        demo.read_text(encoding="utf-8").replace(
            "\nsettings:\n", "\nsettings:\n  templates: my-templates\n", 1
        ),
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(demo), "-q", "--subject", VOICE)
    assert code == 0, err
    txt = (demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert VOICE not in txt.splitlines()[1] and "Next time" not in txt  # the copy drops them...
    flat = " ".join(err.split())
    closing = f"Next time: {BASICS}. Won't you learn with me?"
    assert (  # ... and the editor is told which copy, what it leaves out, and what to add
        f"{mine}: copies of curator's templates made before issues had a theme and a closing"
        f' line leave out of issue 1 its theme "{VOICE}" and its closing line "{closing}"; add'
        " curator's lines with these variables to each (docs/templates.md), or delete a copy to"
        " use curator's own: issue.txt (`theme`, `closing_plain`)"
    ) in flat, err
    # walk31 #1: `render` with the same copies said nothing; it warns as `build` does.
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0, err
    assert (
        f"{mine}: copies of curator's templates made before issues had a theme and a closing"
        f' line leave out of issue 1 its theme "{VOICE}" and its closing line "{closing}"'
    ) in " ".join(err.split()), err
    assert "issue.txt (`theme`, `closing_plain`)" in " ".join(err.split())
    assert "email.html" not in err

    # build --draft says it too.
    code, _, err = run("draft", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0, err
    draft = next((demo.parent / "drafts").glob("issue-2.md"))
    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 0, err
    flat = " ".join(err.split())
    assert f"{mine}: copies of curator's templates made before issues had a theme" in flat, err
    assert "leave out of issue 2 its theme" in flat and "issue.txt (`theme`" in flat, err


def test_build_draft_warns_when_its_closing_promises_a_theme_grown_too_thin(
    themed_demo: Path,
) -> None:
    """walk33 #2: a draft's closing line promised the plan's next theme; an article of it was then
    excluded, leaving it too thin, and `build --draft` published the promise without a word (the
    next build stopped with exit 3). A plain build leaves such a line out and says so."""
    demo = themed_demo
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    closing = f"Next time: {MEASURING}. Won't you learn with me?"
    text = draft.read_text(encoding="utf-8")
    assert closing.replace("'", "''") in text
    closing_line = next(
        n for n, line in enumerate(text.splitlines(), 1) if line.startswith("closing:")
    )
    gone = sorted(urls_of(MEASURING))[0]
    assert run("subjects", "exclude", "--config", str(demo), gone, "-q")[0] == 0

    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 0, err
    data = issue_json(demo, 1)
    assert data["closing"] == closing  # the editor's line is published as written...
    flat = " ".join(sans_config(err).split())
    assert (  # ... and the editor is told the promise will not hold, where, and what to do
        f'{draft}:{closing_line}: the closing line "{closing}" was published promising'
        f" `{MEASURING}` as the next theme, but it has fewer than 2 unfeatured articles left"
        f" (`{MEASURING}` 1; themes: min_articles), so the next plain `curator build` stops"
        " (exit 3) instead of keeping the promise; before the next issue, fetch more articles"
        " on it (`curator fetch`; `curator themes` shows when it is ripe), or lower"
        f" `themes: min_articles:` in {demo}, or draft the next issue on another subject"
        ' (`curator draft --subject "NAME"`, which says the promise is broken)'
    ) in flat, err
    # walk33 #2: it said "change `closing:` in the draft", which only failed ("published
    # already"); it no longer advises what cannot work once the issue is published.
    assert "change `closing:`" not in flat
    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 2 and "which was published already" in err
    # The next plain build does stop, as the warning said ...
    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 3
    # ... and a draft on another subject, as it advised, is made.
    code, _, err = run("draft", "--config", str(demo), "-q", "--no-fetch", "--subject", VOICE)
    assert code == 0, err
    assert MEASURING in err, err  # the broken promise, named


def test_build_draft_says_nothing_of_a_closing_whose_theme_is_ripe(themed_demo: Path) -> None:
    demo = themed_demo
    assert run("draft", "--config", str(demo), "-q")[0] == 0
    draft = demo.parent / "drafts" / "issue-1.md"
    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 0, err
    assert "promises" not in err, err

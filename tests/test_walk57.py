"""walk57: the demo's advice works when followed (#2), the issue's day is one day for every
reader of it (#4), the exit codes --help and README promise (#5, #7), and `build --draft` says
what `draft` said it left out (#6)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from test_cron_walk50 import closed_pipe, curator
from test_walk53_left_out import newsletter as walk53_newsletter

from conftest import REPO, LocalServer, docs_text, sans_config
from conftest import run_cli as run


def test_demo_step_4_says_the_promised_theme_is_too_thin_instead_of_advising_a_draft_that_fails(
    themed_demo: Path,
) -> None:
    """Issue 2 promises the plan's next theme, issue 3 (of every subject) takes its articles; the
    warning must not advise `curator draft --subject THEME`, which then stops with exit 3, but
    say the theme is too thin and what to do. (Since walk75 #3 an issue of every subject with a
    section on the promised theme keeps the promise: here the editor moved that theme's articles
    under another subject in the draft.)"""
    demo = str(themed_demo)
    code, _, err = run(
        "build", "--config", demo, "-q", "--subject", "Measuring the customer experience"
    )
    assert code == 0, err
    code, _, err = run("build", "--config", demo, "-q", "--no-fetch")
    assert code == 0, err
    code, _, err = run("draft", "--config", demo, "-q", "--no-fetch", "--all-subjects")
    assert code == 0, err
    draft = themed_demo.parent / "drafts" / "issue-3.md"
    text = draft.read_text(encoding="utf-8")
    promised_heading = "\n# Service operations\n"
    assert promised_heading in text and "\n# Voice of the customer\n" in text
    text = text.replace("\n# Voice of the customer\n", "\n")
    draft.write_text(text.replace(promised_heading, "\n# Voice of the customer\n"), "utf-8")
    code, _, err = run("build", "--config", demo, "-q", "--draft", str(draft))
    assert code == 0, err
    said = " ".join(sans_config(err).split())
    promised = re.search(r"issue 2 promised `([^`]+)` as the next theme", said)
    assert promised, said
    name = promised[1]
    assert "to keep the promise: `curator draft" not in said
    assert (
        f"after this issue `{name}` has fewer than 2 unfeatured articles left (`{name}` 0;"
        " themes: min_articles), so a draft on it stops (exit 3): to keep the promise later,"
        " fetch more (`curator fetch`) and draft it when `curator themes` says it is ripe"
    ) in said
    # What it says is so: the draft it names stops, too thin.
    code, _, err = run("draft", "--config", demo, "--no-fetch", "--subject", name)
    assert code == 3 and "too thin: 0 unfeatured articles" in err, err


def test_help_and_a_closed_pipe_agree_the_run_keeps_its_own_exit_code(
    themed_demo: Path, tmp_path: Path
) -> None:
    """walk57 #5: --help said a closed pipe "keeps exit 0", but `curator build --no-fetch |
    head -0` after the demo's issue of every subject exits 3 (the theme is too thin): the run's
    own code is kept, as --help and README now say."""
    code, help_text, _ = run("--help")
    assert code == 0
    said = " ".join(help_text.split())
    assert "keeps exit 0" not in said
    assert (
        "a closed pipe, whose reader went away as with `| head`, is not exit 5: the run keeps its"
        " own exit code, 0, 3 or another above)"
    ) in said
    readme = " ".join(docs_text().split())
    assert "(0 when the issue was published or there was nothing new, 3 when the theme" in readme
    assert run("build", "--config", str(themed_demo), "-q", "--all-subjects")[0] == 0
    err = tmp_path / "err"
    with closed_pipe() as out, err.open("wb") as stderr:
        done = curator(themed_demo, "build", "--no-fetch", stdout=out, stderr=stderr)
    assert done.returncode == 3, err.read_text()
    assert "is too thin" in err.read_text()


def test_kill_on_preview_exits_143_as_help_says(tmp_path: Path) -> None:
    """walk57 #7: `kill` on `curator preview` exited 0; --help says SIGTERM is 143."""
    (tmp_path / "latest.html").write_text("<p>hi</p>", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "curator", "preview", "--out", str(tmp_path), "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith(f"Previewing {tmp_path} at http://127.0.0.1:"), line
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err
    assert "curator: stopped by SIGTERM" in err


def test_a_thin_subject_without_a_themes_block_advises_adding_one(demo: Path) -> None:
    """walk57 #7: with no `themes:` in feeds.yaml, `build --subject` on a thin subject advised
    lowering `themes: min_articles:`, which is not there; it says what to add, or to leave
    --subject out for an issue of every subject."""
    assert "\nthemes:" not in demo.read_text(encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--subject", "Service operations")
    said = " ".join(sans_config(err).split())
    assert code == 3, err
    assert "lower `themes: min_articles:`" not in said
    assert (
        "the theme `Service operations` is too thin: 2 unfeatured articles fit it, and an issue"
        " needs 3 (the default, as feeds.yaml sets no `themes: min_articles:`); nothing was"
        " published. For an issue on it with fewer: add `themes: {min_articles: 2}` to"
        f" {demo}, which has no `themes:` block; for an issue of every subject instead:"
        " `curator build` without --subject."
    ) in said
    # Following it works.
    text = demo.read_text(encoding="utf-8") + "\nthemes: {min_articles: 2}\n"
    demo.write_text(text, encoding="utf-8")
    code, _, err = run(
        "build", "--config", str(demo), "-q", "--no-fetch", "--subject", "Service operations"
    )
    assert code == 0, err


def test_build_draft_says_what_the_draft_said_variety_left_out(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk57 #6: `curator draft` printed "1 of them ... was left out for variety", and `curator
    build --draft` of that draft said nothing of it: it says the same per subject now."""
    config = walk53_newsletter(tmp_path, http_server)
    # (without --quiet: quiet prints the draft's and the issue's one line, fixin / fixiw)
    code, out, err = run("draft", "--config", str(config))
    assert code == 0, err
    drafted = [x for x in out.splitlines() if x.startswith("  ")]
    assert any("left out for variety" in x for x in drafted), out
    draft = tmp_path / "drafts" / "issue-1.md"
    code, out, err = run("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, err
    built = [x for x in out.splitlines() if x.startswith("  ")]
    assert built == drafted, out


HONOLULU = "<HST>+10"  # (POSIX: ten hours west of Greenwich, no tzdata needed)


def _in_honolulu(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "curator", *args, "--config", str(config)],
        cwd=REPO,
        env={**os.environ, "TZ": HONOLULU},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_issues_day_is_one_day_in_every_file_that_dates_it(themed_demo: Path) -> None:
    """walk57 #4: with TZ=Pacific/Honolulu the issue is "December 5", but the .json and .md held
    2026-12-05T00:00:00+00:00 (December 4 in Honolulu), and a draft dated
    2026-12-14T23:30:00-12:00 was <published>2026-12-15T11:30:00Z in feed.xml. Each keeps the
    local offset now, so a site generator and a feed reader date it the day curator printed."""
    local = datetime.now(timezone(timedelta(hours=-10))).date()
    done = _in_honolulu(themed_demo, "build", "-q")
    assert done.returncode == 0, done.stderr
    out = themed_demo.parent / "output"
    stamp = f"{local.isoformat()}T00:00:00-10:00"
    assert json.loads((out / "issue-1.json").read_text("utf-8"))["date"] == stamp
    assert f'\ndate: "{stamp}"\n' in (out / "issue-1.md").read_text(encoding="utf-8")
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert f"<published>{stamp}</published>" in feed
    long = f"{local:%B} {local.day}, {local:%Y}"
    for page in ("issue-1.html", "index.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert f'<time datetime="{local.isoformat()}">{long}</time>' in text, page
    # A draft's date with an offset is published with it, in every file.
    done = _in_honolulu(themed_demo, "draft", "-q", "--no-fetch")
    assert done.returncode == 0, done.stderr
    draft = themed_demo.parent / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    assert f"\ndate: {local.isoformat()}\n" in text  # (the local day, as curator printed it)
    later = local + timedelta(days=9)
    written = f"{later.isoformat()}T23:30:00-12:00"
    draft.write_text(re.sub(r"\ndate: [^\n]*\n", f"\ndate: {written}\n", text, count=1), "utf-8")
    done = _in_honolulu(themed_demo, "build", "-q", "--draft", str(draft))
    assert done.returncode == 0, done.stderr
    assert json.loads((out / "issue-2.json").read_text("utf-8"))["date"] == written
    assert f'\ndate: "{written}"\n' in (out / "issue-2.md").read_text(encoding="utf-8")
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert f"<published>{written}</published>" in feed
    assert f"<updated>{written}</updated>" in feed  # (the feed's newest)
    long = f"{later:%B} {later.day}, {later:%Y}"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'<time datetime="{later.isoformat()}">{long}</time>' in index

"""walk57: the demo's advice works when followed (#2), the issue's day is one day for every
reader of it (#4), the exit codes --help and README promise (#5, #7), and `build --draft` says
what `draft` said it left out (#6)."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

from test_cron_walk50 import closed_pipe, curator
from test_walk53_left_out import newsletter as walk53_newsletter

from conftest import REPO, LocalServer, sans_config
from conftest import run_cli as run


def test_demo_step_4_says_the_promised_theme_is_too_thin_instead_of_advising_a_draft_that_fails(
    themed_demo: Path,
) -> None:
    """The README's demo order: issue 2 promises the plan's next theme, issue 3 (--all-subjects)
    takes its articles; the warning must not advise `curator draft --subject THEME`, which then
    stops with exit 3, but say the theme is too thin and what to do."""
    demo = str(themed_demo)
    code, _, err = run(
        "build", "--config", demo, "-q", "--subject", "Measuring the customer experience"
    )
    assert code == 0, err
    code, _, err = run("build", "--config", demo, "-q", "--no-fetch")
    assert code == 0, err
    code, _, err = run("build", "--config", demo, "-q", "--all-subjects")
    assert code == 0, err
    said = " ".join(sans_config(err).split())
    promised = re.search(r"issue 2 promised `([^`]+)` as the next theme", said)
    assert promised, said
    name = promised[1]
    assert "to keep the promise: `curator draft" not in said
    assert (
        f"after this issue `{name}` has fewer than 2 unfeatured articles left (`{name}` 0; an"
        " issue needs 2, themes: min_articles), so `curator draft --subject"
        f" '{name}'` would stop (exit 3) until more are fetched: to keep the promise later,"
        " fetch more articles on it (`curator fetch`;"
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
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
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
    code, out, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    drafted = [x for x in out.splitlines() if x.startswith("  ")]
    assert any("left out for variety" in x for x in drafted), out
    draft = tmp_path / "drafts" / "issue-1.md"
    code, out, err = run("build", "--config", str(config), "-q", "--draft", str(draft))
    assert code == 0, err
    built = [x for x in out.splitlines() if x.startswith("  ")]
    assert built == drafted, out

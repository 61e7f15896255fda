"""walk57: the demo's advice works when followed (#2), the issue's day is one day for every
reader of it (#4), the exit codes --help and README promise (#5, #7), and `build --draft` says
what `draft` said it left out (#6)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli as run
from conftest import sans_config


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

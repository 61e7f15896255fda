"""walk187 #6: an older curator gave issues published the same day one <published> time; the
first build after the upgrade gave them times a second apart, which marks their entries updated
in feed readers, without a word (README: an entry a build changes in what a reader reads, its
time too, is marked so; `render` said so already: walk62 #4). The build says it as render does."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli, said_as_one


def test_a_build_says_which_issues_of_one_day_it_gives_new_times(themed_demo: Path) -> None:
    config = str(themed_demo)
    for more in ((), ("--no-fetch",)):
        code, _, err = run_cli("build", "--config", config, "-q", *more)
        assert code == 0, err
    feed = themed_demo.parent / "output" / "feed.xml"
    text = feed.read_text(encoding="utf-8")
    first, second = sorted(set(re.findall(r"<published>([^<]+)</published>", text)))
    assert first[:10] == second[:10] and second.endswith(":01Z"), text
    feed.write_text(text.replace(second, first), encoding="utf-8")  # as an older curator wrote it

    code, out, err = run_cli("build", "--config", config, "--no-fetch")
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f"feed.xml gives issues new times (issue 2: {first} -> {second}): issues published on"
        " the same day now have times a second apart, so that feed readers list each of them (a"
        " reader may show them as updated once)."
    ) in said, said
    assert f"<published>{second}</published>" in feed.read_text(encoding="utf-8")

    code, out, err = run_cli("build", "--config", config, "--no-fetch")
    assert code == 0, err
    assert "new times" not in said_as_one(err), err  # (said once: they stay so)

"""walk181 #7: after one issue dated in a time zone ahead (`TZ=Pacific/Kiritimati curator build`:
issue 13 dated 2026-12-08+14:00), the next issue was rightly told it is dated before it, but so
was every issue after, dated as the one it directly follows, until the UTC day passed issue 13's;
and a draft's `date:` line named was advised to set TZ in the crontab."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_walk49 import _build_draft, _draft, _said

from conftest import run_cli as run


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """curator runs in UTC, as from cron."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_issue_out_of_order_by_time_zone_is_told_once_with_advice_for_its_line(
    themed_demo: Path, utc: None
) -> None:
    demo = themed_demo
    # (one article an issue: the demo's articles last four issues)
    text = demo.read_text("utf-8")
    demo.write_text(text.replace("  issue_size: 4", "  issue_size: 1"), "utf-8")
    today = datetime.now(UTC).date()
    ahead = f"{today + timedelta(days=1)}T00:00:00+14:00"  # (today, 10:00 UTC)
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    # Issue 1 dated the next day at +14:00, as a build in Kiritimati dates it.
    _build_draft(demo, _draft(demo, ahead))
    # Issue 2, its draft dated today (in UTC): before issue 1, told so, at its `date:` line.
    draft = _draft(demo)
    said = _build_draft(demo, draft)
    assert f"{draft}:4: issue 2 is dated {today}T00:00:00+00:00, before issue 1 ({ahead})" in (
        said
    ), said
    later = f"{today + timedelta(days=1)}T00:01:00+14:00"
    assert f'write "date": "{later}" (a minute after issue 1, or later)' in said, said
    assert "then run `curator render 2" in said, said
    # Issue 3 (a plain build) and issue 4 (a draft's) are dated as issue 2, which they follow:
    # in their place, and nothing is said of issue 1 again.
    code, _, err = run("build", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    assert "before issue" not in _said(err), err
    said = _build_draft(demo, _draft(demo))
    assert "before issue" not in said, said
    # `render` tells of issue 2 alone.
    code, _, err = run("render", "--all", "--config", str(demo))
    assert code == 0, err
    said = _said(err)
    assert said.count("before issue 1") == 1 and "issue 2 is dated" in said, said

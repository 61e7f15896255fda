"""walk192 #4 (fixkf): a build stopped after its fetch says what this run stored. Ctrl-C after
"pages 46 of 46 done" said "curator: interrupted; what was stored before is kept", though the
run's 46 new articles were stored: it now says so, as a fetch stopped midway does ("N new
article(s) this run read are stored (X of Y feeds done)"). A build of the demo's feeds served on
127.0.0.1 (test_crash's newsletter: issue 1 published, two more feeds to read), stopped by a
real SIGINT while it writes the issue's files."""

from __future__ import annotations

import signal

from test_crash import (  # noqa: F401 - pytest's fixtures, by name
    Newsletter,
    baseline,
    ctrl_c_reaches_the_builds,
    newsletter,
    start_build,
    url_keys,
    wait_for_line,
)


def test_a_build_stopped_after_its_fetch_says_what_this_run_stored(
    newsletter: Newsletter,  # noqa: F811
    baseline: dict[str, object],  # noqa: F811
) -> None:
    before = baseline["articles"]
    assert isinstance(before, set)
    proc = start_build(newsletter, "mid-write")
    wait_for_line(proc, "paused at mid-write")
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr, stderr
    stored = url_keys(newsletter.db) - before
    assert stored, "the build stored no new article: the test needs some"
    last = stderr.splitlines()[-1]
    assert last == (
        f"curator: interrupted: {len(stored)} new article(s) this run read are stored"
        " (3 of 3 feeds done)"
    ), stderr

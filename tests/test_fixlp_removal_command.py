"""fixlp #4: the `curator feeds remove URL` command a message advises was written by hand in eleven
messages beside `cli/feeds._removal`; one helper (`errors.feeds_remove_command`) builds it now,
each message's wording unchanged. Through `fetch` of a feed gone from 127.0.0.1, whose advised
command runs as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run

CURATOR = Path(__file__).resolve().parents[1] / "curator"
#: The command written by hand: `curator feeds remove {...}`, or split before its address.
_BY_HAND = re.compile(r"feeds remove(?: \{|\"\s*$)", re.MULTILINE)


def test_one_helper_writes_the_feeds_remove_command() -> None:
    by_hand = [
        f"{path.relative_to(CURATOR)}:{text[: match.start()].count(chr(10)) + 1}"
        for path in sorted(CURATOR.rglob("*.py"))
        if path.name != "errors.py"
        for text in [path.read_text(encoding="utf-8")]
        for match in _BY_HAND.finditer(text)
    ]
    assert by_hand == [], by_hand


def test_a_gone_feeds_advised_removal_reads_and_runs_as_before(
    tmp_path: Path, http_server: LocalServer
) -> None:
    base = http_server.url("/")
    http_server.add(
        "/ok.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ok</title>'
        f"<link>{base}</link><description>x</description><item><title>Post</title>"
        f"<link>{base}p1</link><guid>{base}p1</guid><description>Service.</description>"
        "</item></channel></rss>",
    )
    gone = http_server.url("/gone.xml?token=gOneTOK&lang=en")
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    description: Service teams.\n    keywords: [service, support, agents]\nfeeds:\n"
        f"  - url: {http_server.url('/ok.xml')}\n    name: Ok Notes\n"
        f"  - url: {gone}\n    name: Gone Notes\n"
        "settings:\n  fetch_pages: false\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("fetch", "--config", str(config))
    assert code == 0, out + err
    shown = http_server.url("/gone.xml?token=...&lang=en")
    advice = f"else `curator feeds remove '{shown}' --config {config}`"
    assert advice in out + err, out + err
    command = shlex.split(advice.split("`")[1])
    assert command[:3] == ["curator", "feeds", "remove"]
    code, out, err = run(*command[1:])
    assert code == 0 and f"Removed {shown} (Gone Notes)" in out, out + err
    assert "gone.xml" not in config.read_text(encoding="utf-8")

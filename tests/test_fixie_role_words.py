"""fixie #5: a byline or a feed's credit with a role word before the name ("Editor Sam Tate",
"By Editor Sam Tate", "By Staff Writer Jo Lee") was credited with the role word as part of the
name; the person is credited by name alone."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixgv_credits import _config, _feed, _page

from conftest import LocalServer, run_cli

#: (title, the byline paragraph on the page, the feed item's dc:creator, whom it credits)
CREDITS = (
    ("Refund Queues", "<p>By Staff Writer Jo Lee</p>", "", ["Jo Lee"]),
    ("Chat Support Hours", "<p>By Editor Sam Tate</p>", "", ["Sam Tate"]),
    ("Help Desk Scripts", "", "Editor Sam Tate", ["Sam Tate"]),
    ("Billing Errors", "", "By Staff Writer Jo Lee", ["Jo Lee"]),
    ("Service Recovery", "<p>By Tomas Berg and Photo Editor Sam Tate</p>", "", ["Tomas Berg"]),
)


def test_a_role_word_before_a_name_is_no_part_of_the_credit(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = []
    for n, (title, byline, creator, _) in enumerate(CREDITS):
        link = http_server.add(f"/p/{n}/", _page(title, byline), content_type="text/html")
        items.append((title, link, f"<dc:creator>{creator}</dc:creator>" if creator else ""))
    config = _config(tmp_path, f"  - url: {_feed(http_server, '/feed.xml', items, 'Zeta Post')}\n")
    code, _, err = run_cli("build", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    credited = {a["title"]: a["authors"] for s in issue["sections"] for a in s["articles"]}
    assert credited == {title: who for title, _, _, who in CREDITS}
    text = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Editor Sam Tate" not in text and "Writer Jo Lee" not in text, text

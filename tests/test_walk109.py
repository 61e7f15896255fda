"""walk109: publishing by email. An email edition longer than Gmail shows was published unwarned
(#5); the text edition, a mail's text part, had no link to the web page its HTML part links to
(#6); a blurb's paragraphs, lists and links in the email edition had no inline style (#7)."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import newsletter, page

from conftest import LocalServer
from conftest import run_cli as run

SITE_URL = "https://blog.example.com/cx"


def _built(tmp_path: Path, server: LocalServer) -> Path:
    items = [(t, "", page(t)) for t in ("Refund Queues", "Chat Support Hours")]
    config = newsletter(tmp_path, server, items)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("newsletter: {", f"newsletter: {{site_url: '{SITE_URL}', "), encoding="utf-8"
    )
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    return config


def test_an_email_longer_than_gmail_shows_is_said_and_its_parts_link_alike(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _built(tmp_path, http_server)
    out = tmp_path / "output"
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert text.rstrip().endswith(f"Read it on the web: {SITE_URL}/issue-1.html"), text
    email = (out / "issue-1.email.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}/issue-1.html"' in email

    # The editor corrects a blurb into paragraphs, a list and a link, and another into a very
    # long one, in issue-1.json, as README says, and renders the issue again.
    data_path = out / "issue-1.json"
    data = json.loads(data_path.read_text(encoding="utf-8"))
    entries = [e for s in data["sections"] for e in s["articles"]]
    entries[0]["blurb_markdown"] = (
        "First part, with [a study](https://example.com/study).\n\n- one point\n- another point"
    )
    entries[1]["blurb"] = " ".join(["Customers wait in refund queues for far too long."] * 2400)
    data_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out_text, err = run("render", "1", "--config", str(config), "--json")
    assert code == 0, err
    report = json.loads(out_text)
    clipped = [w["message"] for w in report["warnings"] if "Message clipped" in w["message"]]
    assert len(clipped) == 1, report["warnings"]
    assert clipped[0].startswith("issue-1.email.html is ") and "of 2 article(s)" in clipped[0]
    # (a published issue: its issue-1.json is where to cut, not a draft: walk155 #12)
    assert f"cut some articles from {data_path} or shorten the blurbs there" in clipped[0]

    email = (out / "issue-1.email.html").read_text(encoding="utf-8")
    study = email.split('href="https://example.com/study"', 1)
    assert len(study) == 2 and "color:" in study[0].rsplit("<a", 1)[1] + study[1].split(">", 1)[0]
    for tag in ("<p ", "<ul ", "<li "):
        blurb = email.split('class="blurb"', 1)[1]
        assert tag in blurb.split("</div>", 1)[0], (tag, blurb[:600])

    # Back to a short blurb: nothing is said.
    entries[1]["blurb"] = "Customers wait in refund queues for far too long."
    data_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out_text, err = run("render", "1", "--config", str(config), "--json")
    assert code == 0, err
    assert not [w for w in json.loads(out_text)["warnings"] if "Message clipped" in w["message"]]

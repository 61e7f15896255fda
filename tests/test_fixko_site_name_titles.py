"""revK: one rule for a site's name in a title. "Acme: Q3 Report | Acme" was titled "Acme: Q3
Report" by the build, yet said to be "chosen from its page's <title>" (`title_choice` cut the
name at the start before the end, and so found another title); "Why we keep “Tools – Hammers”
Close" was credited to the publication "Hammers” Close" (`title_suffix` parted the <title>
inside its quotes). Through the CLI (`draft`, `build --draft`, `extract`), against a feed and
pages on a real HTTP server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixkb_titles import HTML, newsletter

from conftest import LocalServer, run_cli, sans_config


def page(title: str, site: str = "") -> str:
    named = f'<meta property="og:site_name" content="{site}">' if site else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"{named}</head><body><article><p>Our service client teams answered more clients in the"
        " third quarter than in any quarter before, with fewer calls waiting.</p><p>The"
        " conseillers say the new help centre answered the simple questions before a client"
        " ever called.</p></article></body></html>"
    )


def test_a_site_name_at_both_ends_is_cut_once_and_unsaid(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path = newsletter(tmp_path, http_server)
    code, out, err = run_cli("draft", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, out + err
    draft = tmp_path / "drafts" / "issue-1.md"
    url = http_server.add("/t/q3.html", page("Acme: Q3 Report | Acme", "Acme"), content_type=HTML)
    with draft.open("a", encoding="utf-8") as f:
        f.write(f"\n## {url}\n")
    code, out, err = run_cli("build", "--config", str(path), "--draft", str(draft), "-q")
    assert code == 0, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    titles = {a["url"]: a["title"] for s in issue["sections"] for a in s["articles"]}
    assert titles[url] == "Acme: Q3 Report", titles
    # The title is what the site's name rule gives: no side of the <title> was chosen.
    assert "was chosen from its page's <title>" not in " ".join(sans_config(err).split()), err

    code, out, err = run_cli("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    record = json.loads(out.splitlines()[0])
    assert (record["issue_title"], record["publication"]) == ("Acme: Q3 Report", "Acme"), record


def test_a_separator_inside_quotes_names_no_site(http_server: LocalServer) -> None:
    title = "Why we keep “Tools – Hammers” Close"
    url = http_server.add("/t/tools.html", page(title), content_type=HTML)
    code, out, err = run_cli("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    record = json.loads(out.splitlines()[0])
    assert record["publication"] != "Hammers” Close", record
    assert record["issue_title"] == title, record
    code, out, err = run_cli("extract", url, "--allow-private")
    assert code == 0, out + err
    assert "|| Hammers” Close" not in out and out.splitlines()[0] == title, out

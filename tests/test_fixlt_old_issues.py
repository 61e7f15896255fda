"""fixlt (walk202 #3): an old newsletter's issue files in the output folder. A curator-format
issue-52.json with no store: `fetch` advises `curator render --record`, which records it (it
refused: "holds no issue-1.json"); a hand-written issue-52.json beside a store that published
issue 1 is said, with `curator featured add` for articles featured before curator."""

from __future__ import annotations

import json
from pathlib import Path

from test_crash import serve_demo

from conftest import LocalServer, copy_demo, said_as_one
from conftest import run_cli as run


def newsletter(tmp_path: Path, http_server: LocalServer, settings: str = "") -> Path:
    """The demo's feeds and pages on 127.0.0.1, one article a subject; its feeds.yaml."""
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8").replace("issue_size: 4", "issue_size: 1")
    for stem, url in serve_demo(http_server).items():
        text = text.replace(f"url: feeds/{stem}.", f"url: {url} #", 1)
    text = text.replace("settings:\n", f"settings:\n  allow_private_addresses: true\n{settings}", 1)
    config.write_text(text, encoding="utf-8")
    return config


def test_render_record_records_an_old_issue_52_that_fetch_advises_it_for(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 #3: with output/issue-52.json (curator's format) and no store, `fetch` advised
    `curator render --record`, which then refused ("holds no issue-1.json ... its next issue
    there is 52, not 1"). Now it records issue 52 and the next build publishes issue 53."""
    old = newsletter(tmp_path / "old", http_server)
    code, _, err = run("build", "--config", str(old), "-q")
    assert code == 0, err
    # (the old tool's last issue, 52, in curator's format)
    data = json.loads((old.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    config = newsletter(tmp_path / "new", http_server)
    (config.parent / "output").mkdir()
    (config.parent / "output" / "issue-52.json").write_text(
        json.dumps({**data, "number": 52}), encoding="utf-8"
    )
    code, out, err = run("fetch", "--config", str(config), "-q")
    said = said_as_one(out + err)
    assert code == 1 and "`curator render --record" in said, said
    code, out, err = run("render", "--record", "--config", str(config))
    said = said_as_one(out + err)
    assert code == 0, said
    assert "issue 52 is recorded in the store" in said, said
    code, out, err = run("build", "--config", str(config), "--json")
    assert code == 0, err
    assert json.loads(out)["issue"] == 53
    featured_52 = json.loads((config.parent / "output" / "issue-52.json").read_text("utf-8"))
    urls_52 = {a["url"] for s in featured_52["sections"] for a in s["articles"]}
    issue_53 = json.loads((config.parent / "output" / "issue-53.json").read_text("utf-8"))
    assert not urls_52 & {a["url"] for s in issue_53["sections"] for a in s["articles"]}


def test_a_hand_written_issue_json_beside_curators_issues_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 #3: a hand-written issue-52.json (url, title, authors, publication, blurb) beside
    a store that published issue 1 was accepted silently: its articles could be featured again,
    and index.html and feed.xml linked an issue-52.html never written."""
    config = newsletter(tmp_path, http_server)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    output = config.parent / "output"
    past = "https://northwind-cx.example/2025/06/five-definitions-of-customer-experience/"
    (output / "issue-52.json").write_text(
        json.dumps(
            {
                "number": 52,
                "title": "Customer Experience Weekly",
                "date": "2025-11-30",
                "sections": [
                    {
                        "subject": "The basics of customer experience",
                        "articles": [
                            {
                                "url": past,
                                "title": "Five Definitions",
                                "authors": ["Priya Raman"],
                                "publication": "Northwind CX Journal",
                                "blurb": "A past pick from our old tool.",
                            }
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    for command in ("fetch", "draft", "build"):
        code, out, err = run(command, "--config", str(config), "-q")
        said = said_as_one(out + err)
        assert code == 0, said
        assert (
            f"{output} holds issue-52.json, which is no issue this store published (its last"
            " issue is 1" in said
        ), said
        assert "linking issue-52.html, which is not there" in said, said
        assert f"record them so: `curator featured add {past} --config" in said, said

"""fixlt (walk202 #1): an editor moving a newsletter to curator records the articles it featured
before (`curator featured add`): stored or not yet, no issue features them nor a copy of one at
another link, a bad line is named while the others are kept, and no subject is taught."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hostile_helpers import rss, store_rows
from test_crash import EXAMPLES, serve_demo

from conftest import LocalServer, copy_demo, said_as_one
from conftest import run_cli as run

#: Two articles of the demo the old newsletter featured (their pages' canonical addresses).
DELIGHT = "https://brightline.example/blog/delight-or-effortless"
ARCHITECTURE = "https://northwind-cx.example/2025/09/customer-experience-architecture/"


def newsletter(tmp_path: Path, http_server: LocalServer) -> Path:
    """The demo's feeds and pages on 127.0.0.1, and an aggregator's feed carrying two of its
    articles at its own links: one page with its canonical link to the publisher's address, one
    with the same text and no canonical link. Its feeds.yaml."""
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    for stem, url in serve_demo(http_server).items():
        text = text.replace(f"url: feeds/{stem}.", f"url: {url} #", 1)
    pages = EXAMPLES / "pages"
    canonical = (pages / "customer-experience-architecture-across-teams.html").read_text("utf-8")
    http_server.add("/agg/architecture.html", canonical, content_type="text/html; charset=utf-8")
    plain = (pages / "delight-versus-effortless-experiences.html").read_text("utf-8")
    plain = re.sub(r'<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>', "", plain)
    http_server.add("/agg/delight.html", plain, content_type="text/html; charset=utf-8")
    items = "".join(
        f"<item><title>{title}</title><link>{http_server.url(path)}</link><guid>{path}</guid></item>"
        for title, path in (
            ("Building blocks of CX architecture", "/agg/architecture.html"),
            ("Delight or effortless?", "/agg/delight.html"),
        )
    )
    feed = http_server.add("/agg/feed.xml", rss(items, "CX Aggregator"))
    text = text.replace("feeds:\n", f"feeds:\n  - url: {feed}\n", 1)
    text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n", 1)
    config.write_text(text, encoding="utf-8")
    return config


def test_articles_featured_before_curator_and_their_copies_are_never_featured(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 #1: `subjects exclude` refused the whole list for one address not stored, taught
    the subjects' model, and missed an aggregator's copy of a featured article. `featured add
    --from FILE` records every good line (stored yet or not), names the bad one by its line,
    and the build features neither the articles nor their copies, nor teaches any subject."""
    config = newsletter(tmp_path, http_server)
    past = tmp_path / "past-featured.txt"
    past.write_text(
        f"# featured in the old newsletter\n{DELIGHT}\nnorthwind-cx.example/2025/old\n\n"
        f"{ARCHITECTURE}\nhttps://old.example/2025/never-fetched\n",
        encoding="utf-8",
    )
    code, out, err = run("featured", "add", "--from", str(past), "--config", str(config))
    said = said_as_one(out + err)
    assert code == 2, said
    assert f"{past} line 3" in said and "write https://northwind-cx.example/2025/old" in said
    assert "Recorded 3 addresses as featured before you moved to curator" in said, said
    assert "3 not fetched yet" in said, said
    code, out, err = run("featured", "list", "--config", str(config), "--json")
    assert code == 0, err
    assert [r["url"] for r in json.loads(out)] == [
        DELIGHT,
        ARCHITECTURE,
        "https://old.example/2025/never-fetched",
    ]

    code, out, err = run("build", "--config", str(config), "--json")
    assert code == 0, err
    html = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "https://northwind-cx.example/2025/06/five-definitions-of-customer-experience/" in html
    for url in (DELIGHT, ARCHITECTURE, http_server.url("/agg/architecture.html")):
        assert url not in html
    assert http_server.url("/agg/delight.html") not in html
    warnings = said_as_one(json.dumps(json.loads(out)["warnings"]) + err)
    assert (
        f"({http_server.url('/agg/delight.html')}) was left out as the same story as" in warnings
    ), warnings
    assert "which was featured before you moved to curator" in warnings, warnings
    db = config.parent / ".curator" / "curator.db"
    assert store_rows(db, "SELECT COUNT(*) FROM corrections") == [(0,)]  # (nothing taught)
    code, out, err = run("featured", "list", "--config", str(config))
    assert "Delight or Effortless?" in out and "(not fetched yet)" in out, out


def test_an_address_already_stored_is_recorded_and_left_out_of_the_next_issue(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk202 #1: an article fetched before the editor records it is left out all the same,
    and `featured remove` gives it back."""
    config = newsletter(tmp_path, http_server)
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run("featured", "add", DELIGHT, "--config", str(config))
    assert code == 0 and "Recorded 1 address" in out and "not fetched yet" not in out, out + err
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    drafted = "".join(
        p.read_text(encoding="utf-8") for p in (config.parent / "drafts").glob("*.md")
    )
    assert not [
        line for line in drafted.splitlines() if line.startswith("## ") and "delight" in line
    ]
    assert f"({DELIGHT}), featured before you moved to curator" in drafted, drafted
    assert "(or your newsletter featured before you moved to curator)" in drafted, drafted
    assert (
        "https://northwind-cx.example/2025/06/five-definitions-of-customer-experience/" in drafted
    )
    code, out, err = run("featured", "remove", DELIGHT, "--config", str(config))
    assert code == 0 and "Forgot 1" in out, out + err

"""The weekly build end to end: feeds served on 127.0.0.1, a real store, the real templates."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import EXAMPLES, REPO, LocalServer, credits_as_text, sans_config
from curator.cli import cli


def refused_url() -> str:
    """An address on this machine where nothing listens."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/feed.xml"


def demo_config() -> dict:
    return yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def newsletter(tmp_path: Path, http_server: LocalServer, corpus: Path) -> dict:
    """A newsletter folder whose feeds are the demo's feeds and pages served over HTTP, one real
    corpus feed, and four broken feeds (refused, 500, malformed XML, an HTML page)."""
    demo = demo_config()
    feeds = []
    for feed in demo["feeds"]:
        local = EXAMPLES / feed["url"]
        kind = "application/json" if local.suffix == ".json" else "application/xml"
        url = http_server.add_with_etag(
            f"/feeds/{local.name}", local.read_bytes(), content_type=kind
        )
        feeds.append({**feed, "url": url})
    for page in (EXAMPLES / "pages").glob("*.html"):
        http_server.add(
            f"/pages/{page.name}", page.read_bytes(), content_type="text/html; charset=utf-8"
        )
    real = corpus / "feeds/real/feedjira/AmazonWebServicesBlog.xml"
    # Its articles live on the internet: read the feed only, never their pages.
    feeds.append(
        {
            "url": http_server.add_with_etag(
                "/aws.xml", real.read_bytes(), content_type="application/rss+xml"
            ),
            "fetch_pages": False,
        }
    )
    broken = {
        "refused": refused_url(),
        "error500": http_server.add("/500.xml", b"oops", status=500, content_type="text/plain"),
        "malformed": http_server.add(
            "/bad.xml", (corpus / "feeds/edge/feedparser/illformed/aaa_illformed.xml").read_bytes()
        ),
        "html": http_server.add(
            "/page.html",
            (corpus / "feeds/edge/node-feedparser/notafeed.html").read_bytes(),
            content_type="text/html",
        ),
    }
    feeds += [{"url": url} for url in broken.values()]
    # Not well formed, but readable: stored, with a warning in the summary.
    recovered = http_server.add(
        "/recovered.xml", (corpus / "feeds/edge/node-feedparser/saxerror.xml").read_bytes()
    )
    feeds.append({"url": recovered})
    config = {
        "newsletter": {**demo["newsletter"]},
        "subjects": demo["subjects"],
        "feeds": feeds,
        "settings": {
            "output": "output",
            "store": "state/curator.db",
            "allow_private_addresses": True,
            "timeout": 5,
        },
    }
    intro = config["newsletter"].pop("introduction_file", None)
    if intro:
        config["newsletter"]["introduction"] = (EXAMPLES / intro).read_text(encoding="utf-8")
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return {
        "path": path,
        "folder": tmp_path,
        "broken": broken,
        "server": http_server,
        "recovered": recovered,
    }


def build(config: Path, *args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--json", *args])
    data = json.loads(result.stdout) if result.stdout.strip().startswith("{") else {}
    return result.exit_code, data, result.stderr


def article_links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<h3><a href="([^"]+)">([^<]+)</a></h3>', html)


def test_the_weekly_build_publishes_an_issue_and_lists_every_broken_feed(newsletter: dict) -> None:
    code, data, stderr = build(newsletter["path"])
    assert code == 0, stderr
    assert data["issue"] == 1
    issue_path = newsletter["folder"] / "output" / "issue-1.html"
    assert data["path"] == str(issue_path)
    html = issue_path.read_text(encoding="utf-8")
    assert (newsletter["folder"] / "output" / "latest.html").read_text(encoding="utf-8") == html

    # Every broken feed is named with its reason; the others are fine.
    by_url = {f["url"]: f for f in data["feeds"]}
    broken = newsletter["broken"]
    assert by_url[broken["refused"]]["status"] == "failed"
    assert by_url[broken["refused"]]["error_kind"] == "connect"
    assert by_url[broken["error500"]]["error_kind"] == "http"
    assert "500" in by_url[broken["error500"]]["error"]
    assert by_url[broken["malformed"]]["error_kind"] == "malformed"
    assert by_url[broken["html"]]["error_kind"] == "malformed"
    assert "HTML" in by_url[broken["html"]]["error"]
    assert data["feeds_failed"] == 4
    assert by_url[newsletter["recovered"]]["status"] == "ok"
    assert "not well-formed" in by_url[newsletter["recovered"]]["warning"]
    for url in broken.values():
        assert url in stderr

    # The issue: title, number, subjects as headings, linked titles, credits, blurbs.
    assert "<h1>Customer Experience Weekly</h1>" in html
    assert "Issue 1" in html
    headings = re.findall(r"<h2>([^<]+)</h2>", html)
    assert headings and set(headings) <= {s["name"] for s in demo_config()["subjects"]}
    links = article_links(html)
    assert len(links) >= 4
    for href, _title in links:
        # The demo pages' canonical URLs (or a real feed's links), never a local address.
        assert href.startswith(("https://", "http://aws.typepad.com/")), href
        assert "127.0.0.1" not in href
    credits = re.findall(r'<p class="credit">([^<]+)</p>', credits_as_text(html))
    assert len(credits) == len(links)
    for credit in credits:
        assert credit.strip() and not credit.strip().startswith("||")
        assert not credit.strip().endswith("||")
    blurbs = re.findall(r'<p class="blurb">([^<]+)</p>', html)
    assert len(blurbs) == len(links)
    for blurb in blurbs:
        sentences = re.findall(r"[.!?](?:\s|$)", blurb.replace("&#39;", "'"))
        assert 1 <= len(sentences) <= 3, blurb
        assert "Read more" not in blurb and "[…]" not in blurb

    # The store holds the articles and the issue's choices.
    db = sqlite3.connect(newsletter["folder"] / "state" / "curator.db")
    stored = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert stored >= len(links)
    featured = [
        r[0]
        for r in db.execute(
            "SELECT a.url FROM issue_articles ia JOIN articles a ON a.id = ia.article_id"
        )
    ]
    assert sorted(featured) == sorted(href for href, _ in links)


def test_a_second_build_is_unchanged_by_304_and_features_nothing_twice(newsletter: dict) -> None:
    code, first, _ = build(newsletter["path"])
    assert code == 0 and first["issue"] == 1
    html1 = (newsletter["folder"] / "output" / "issue-1.html").read_text(encoding="utf-8")
    featured1 = {href for href, _ in article_links(html1)}

    code, second, stderr = build(newsletter["path"])
    assert code == 0, stderr
    statuses = {f["url"]: f["status"] for f in second["feeds"]}
    served = [
        u
        for u in statuses
        if u not in newsletter["broken"].values() and u != newsletter["recovered"]
    ]
    assert all(statuses[u] == "unchanged" for u in served)  # 304s: nothing re-parsed
    assert second["new_articles"] == 0
    # The validators were sent back.
    for path in ("/aws.xml",):
        seen = newsletter["server"].seen(path)
        assert len(seen) == 2 and seen[1].headers.get("If-None-Match")
    if second["issue"] is None:
        assert not (newsletter["folder"] / "output" / "issue-2.html").exists()
    else:
        html2 = (newsletter["folder"] / "output" / "issue-2.html").read_text(encoding="utf-8")
        assert featured1.isdisjoint(href for href, _ in article_links(html2))


def test_a_malformed_config_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text("newsletter:\n  title: X\n  issue_size: many\nsubjects: []\nfeeds: []\n")
    result = CliRunner().invoke(cli, ["build", "--config", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3:15: `issue_size` must be a whole number" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_the_installed_command_runs_the_offline_demo(tmp_path: Path) -> None:
    """`python -m curator build --config examples/feeds.yaml`, as a real process, with no network."""
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "curator",
            "build",
            "--config",
            str(EXAMPLES / "feeds.yaml"),
            "--out",
            str(out),
            "--db",
            str(tmp_path / "demo.db"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    html = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "Customer Experience Weekly" in html
    assert " || " in html
    assert "Issue 1: " in proc.stdout
    # A line of progress per feed on stderr.
    assert len([ln for ln in proc.stderr.splitlines() if ln.startswith("  ok ")]) == len(
        demo_config()["feeds"]
    )


def test_when_every_feed_fails_no_issue_is_built_and_the_exit_code_says_so(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly}\n"
        "subjects:\n  - name: Basics\n    keywords: [customer experience]\n"
        f"feeds:\n  - url: {refused_url()}\n  - url: {refused_url().replace('feed', 'other')}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", "--config", str(path)])
    assert result.exit_code == 1
    assert (
        "every feed failed (2); nothing was published; to build from what is stored"
        in result.stderr
    )
    assert "Nothing new to feature" not in result.stdout
    assert not (tmp_path / "output").exists()


def test_a_new_newsletter_from_init_can_add_feeds_and_is_told_what_to_do(
    tmp_path: Path, http_server: LocalServer
) -> None:
    folder = tmp_path / "news"
    assert CliRunner().invoke(cli, ["init", str(folder)]).exit_code == 0
    config = folder / "feeds.yaml"
    # The copied templates are the ones used, and every template was copied.
    assert {p.name for p in (folder / "templates").iterdir()} == {
        p.name for p in (REPO / "templates").iterdir()
    }
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 2
    assert "no feeds yet; add one with `curator feeds add URL`" in sans_config(result.stderr)

    feed = (EXAMPLES / "feeds" / "northwind.xml").read_bytes()
    url = http_server.add("/feed.xml", feed)
    added = CliRunner().invoke(cli, ["feeds", "add", "--config", str(config), url])
    assert added.exit_code == 0, added.stderr
    assert url in config.read_text(encoding="utf-8")
    (folder / "templates" / "_issue_body.html").write_text(
        (REPO / "templates" / "_issue_body.html")
        .read_text(encoding="utf-8")
        .replace("</header>", "<p>MY TEMPLATE</p></header>"),
        encoding="utf-8",
    )
    built = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert built.exit_code == 0, built.stderr
    page = (folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "<p>MY TEMPLATE</p>" in page  # the editor's copy, not curator's own
    assert "Seven Building Blocks of a Customer Experience Architecture" in page


PAGE = """<html><head><title>{title} | Example Journal</title>
<meta property="og:site_name" content="Example Journal">
<meta name="author" content="{page_author}"></head>
<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"""
TEXTS = {
    "one": "Customer experience is what customers live through with a company, well beyond the "
    "support desk. This piece explains where the line between service and experience falls.",
    "two": "Onboarding sets the tone for the whole customer experience. Here are four habits of "
    "teams whose new customers stay, from a welcome call to a ninety-day review of service.",
}


def test_a_real_person_from_the_feed_beats_the_page_and_a_page_byline_beats_admin(
    tmp_path: Path, http_server: LocalServer
) -> None:
    for slug, page_author in (("one", "Dana Whitcombe"), ("two", "Staff")):
        http_server.add(
            f"/{slug}.html",
            PAGE.format(
                title=f"Customer experience basics {slug}",
                page_author=page_author,
                text=TEXTS[slug],
            ),
            content_type="text/html",
        )
    items = "".join(
        f"<item><title>Customer experience basics {slug}</title><link>{http_server.url(f'/{slug}.html')}"
        f"</link><author>{author}</author><description>Customer experience basics.</description></item>"
        for slug, author in (
            ("one", "admin@example.com (admin)"),
            ("two", "jo@example.com (Jo Park)"),
        )
    )
    feed = http_server.add(
        "/feed.xml", f'<rss version="2.0"><channel><title>EJ</title>{items}</channel></rss>'
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Basics\n"
        "    keywords: [customer experience, service]\n"
        f"feeds:\n  - url: {feed}\nsettings: {{allow_private_addresses: true}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert result.exit_code == 0, result.stderr
    html = credits_as_text((tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8"))
    credits = dict(
        re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>\s*<p class="credit">([^<]+)</p>', html)
    )
    assert credits == {
        "Customer experience basics one": "Dana Whitcombe || Example Journal",
        "Customer experience basics two": "Jo Park || Example Journal",
    }


def test_a_mistyped_store_stops_before_it_overwrites_a_published_issue(newsletter: dict) -> None:
    """walk24 #1: `build --db .curator/curator2.db` (a typo) made a new store and published its
    issue 1 over the folder's issue 1; a typo in `settings: store` did the same silently."""
    code, first, stderr = build(newsletter["path"])
    assert code == 0 and first["issue"] == 1, stderr
    out = newsletter["folder"] / "output"
    before = {p.name: p.read_bytes() for p in out.glob("issue-1.*")}
    assert "issue-1.html" in before and "issue-1.json" in before

    typo = newsletter["folder"] / "state" / "curator2.db"
    code, data, stderr = build(newsletter["path"], "--db", str(typo))
    assert code == 1, stderr
    assert 'already holds issue 1 ("Customer Experience Weekly"' in data["error"]
    assert str(typo) in data["error"] and "records no issue at all" in data["error"]
    assert "--db" in data["error"] and "Nothing was published" in data["error"]
    assert {p.name: p.read_bytes() for p in out.glob("issue-1.*")} == before

    config = yaml.safe_load(newsletter["path"].read_text(encoding="utf-8"))
    config["settings"]["store"] = "state/curatr.db"
    newsletter["path"].write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, data, stderr = build(newsletter["path"])
    assert code == 1, stderr
    assert "settings: store" in data["error"] and "holds issue 1 published" in data["error"]
    assert {p.name: p.read_bytes() for p in out.glob("issue-1.*")} == before

    # The right store goes on with issue 2, and `render` of issue 1 still works.
    config["settings"]["store"] = "state/curator.db"
    newsletter["path"].write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", "1", "--config", str(newsletter["path"])])
    assert result.exit_code == 0, result.stderr

"""`curator extract`: pages by URL (served on 127.0.0.1) or by file, one JSON object per line."""

from __future__ import annotations

import json

import hostile_helpers as h
from click.testing import CliRunner

from conftest import EXAMPLES, LocalServer
from curator.cli import cli

PAGE = EXAMPLES / "pages" / "csat-nps-ces-what-each-score-tells-you.html"


def test_extract_reads_a_page_over_http_and_prints_json(http_server: LocalServer) -> None:
    url = http_server.add("/csat.html", PAGE.read_bytes(), content_type="text/html")
    result = CliRunner().invoke(cli, ["extract", "--json", "--allow-private", url])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "CSAT, NPS and CES: What Each Score Can and Cannot Tell You"
    assert record["authors"] == ["Marcus Oyelaran"]
    assert (
        record["canonical_url"]
        == "https://supportdesk-review.example/metrics/csat-nps-ces-compared"
    )
    assert record["text_chars"] > 1000
    assert record["blurb"].startswith("Satisfaction, Net Promoter and Customer Effort scores")


def test_extract_refuses_a_local_address_unless_allowed(
    tmp_path, monkeypatch, http_server: LocalServer
) -> None:
    monkeypatch.chdir(tmp_path)  # no feeds.yaml here to allow it
    url = http_server.add("/csat.html", PAGE.read_bytes(), content_type="text/html")
    result = CliRunner().invoke(cli, ["extract", url])
    assert result.exit_code == 1
    assert url in result.stderr and "loopback address" in result.stderr
    assert http_server.seen("/csat.html") == []


def test_extract_names_a_file_it_cannot_read(tmp_path) -> None:
    missing = tmp_path / "nope.html"
    result = CliRunner().invoke(cli, ["extract", str(PAGE), str(missing)])
    assert result.exit_code == 1
    assert f"{missing}: cannot read" in result.stderr
    assert "Marcus Oyelaran || The Support Desk Review" in result.stdout


LATIN1_PAGE = """<html><head><title>Café crème: what a coffee bar teaches about service | Le Journal</title>
<meta name="author" content="Renée Dupré">
<meta property="og:site_name" content="Le Journal du Client">
</head><body><article><h1>Café crème: what a coffee bar teaches about service</h1>
<p>The café crème at the corner bar arrives the same way every morning, and regulars notice
when it does not. Customer experience is built from such small, repeated moments rather than
from grand gestures, and the bar's staff know each regular's order before they reach the counter.</p>
<p>Teams that want loyal customers can learn from this: make the routine effortless, then be
generous where it counts. The customer journey is a chain of these touchpoints, and each one either
earns trust or spends it.</p>
<p>Renée, who has run the bar for twenty years, says the secret is consistency. Her customers
come back because the experience never surprises them in a bad way.</p>
</article></body></html>"""


def test_extract_and_the_build_read_a_latin1_page_alike(tmp_path, http_server: LocalServer) -> None:
    """Issue 16.2: `curator extract` ignored the server's charset and showed "Caf� cr�me" where
    the build reads "Café crème"; both now read the page through `articles_pages.read_page`."""
    import hostile_helpers as h

    page = http_server.add(
        "/cafe.html",
        LATIN1_PAGE.encode("iso-8859-1"),
        content_type="text/html; charset=ISO-8859-1",
    )
    result = CliRunner().invoke(cli, ["extract", "--json", "--allow-private", page])
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["title"] == "Café crème: what a coffee bar teaches about service"
    assert shown["authors"] == ["Renée Dupré"]
    assert shown["publication"] == "Le Journal du Client"
    assert "\ufffd" not in result.stdout

    # The feed gives only the link, so the issue credits the page as `extract` shows it.
    feed = http_server.add("/feed.xml", h.rss(f"<item><link>{page}</link></item>", "Le Journal"))
    config = h.write_config(tmp_path, [{"url": feed}])
    built = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert built.exit_code == 0, built.stderr
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    (article,) = [a for s in issue["sections"] for a in s["articles"]]
    assert article["title"] == shown["title"]
    assert article["authors"] == shown["authors"]
    assert article["publication"] == shown["publication"]
    assert article["blurb"] == shown["blurb"]


def test_extract_json_gives_each_page_one_line_a_failed_one_too(
    tmp_path, http_server: LocalServer
) -> None:
    """walk14 #4: the page that failed had no line, and the closing error object was
    pretty-printed over four lines pointing "above" at stderr."""
    url = http_server.add("/csat.html", PAGE.read_bytes(), content_type="text/html")
    missing = tmp_path / "nope.html"
    result = CliRunner().invoke(cli, ["extract", "--json", "--allow-private", url, str(missing)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout
    page, failed, last = (json.loads(line) for line in lines)
    assert page["url"] == url and page["authors"] == ["Marcus Oyelaran"]
    assert failed == {"url": str(missing), "error": "cannot read: No such file or directory"}
    assert last == {"error": "1 of 2 page(s) could not be read", "exit": 1}
    assert f"curator: {missing}: cannot read" in result.stderr


def test_extract_reads_pages_with_the_settings_of_feeds_yaml(
    tmp_path, monkeypatch, http_server: LocalServer
) -> None:
    """walk14 #10: `allow_private_addresses: true` in feeds.yaml let the build read a page on
    127.0.0.1, but `extract`, said to read pages "exactly as the build reads them", refused it."""
    url = http_server.add("/csat.html", PAGE.read_bytes(), content_type="text/html")
    monkeypatch.chdir(tmp_path)
    for name in ("intranet", "public"):
        (tmp_path / name).mkdir()
    allowed = h.write_config(tmp_path / "intranet", [], settings={"allow_private_addresses": True})
    result = CliRunner().invoke(cli, ["extract", "--config", str(allowed), url])
    assert result.exit_code == 0, result.stderr
    assert "Marcus Oyelaran || The Support Desk Review" in result.stdout

    # Run beside that feeds.yaml, as the build is.
    monkeypatch.chdir(allowed.parent)
    result = CliRunner().invoke(cli, ["extract", url])
    assert result.exit_code == 0, result.stderr

    # Without the setting: refused, and told both ways to allow it.
    public = h.write_config(tmp_path / "public", [], settings={"allow_private_addresses": False})
    result = CliRunner().invoke(cli, ["extract", "--config", str(public), url])
    assert result.exit_code == 1
    assert "--allow-private" in result.stderr
    assert "`allow_private_addresses: true` under `settings:` in feeds.yaml" in result.stderr
    assert len(http_server.seen("/csat.html")) == 2

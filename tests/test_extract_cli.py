"""`curator extract`: pages by URL (served on 127.0.0.1) or by file, one JSON object per line."""

from __future__ import annotations

import json

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


def test_extract_refuses_a_local_address_unless_allowed(http_server: LocalServer) -> None:
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

"""fixlp #3: a secret in a feed address's path (`/feeds/u/<32 hex>/rss`, `/private/<40 hex>/`, a
long base64url token) was not recognised: printed whole, and `feeds export --no-secrets` wrote it.
A long random-looking segment is one now; a slug's words and numbers never are."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LocalServer
from conftest import run_cli as run
from curator.feedsecrets import secret_segment, secrets_of, secrets_shown, without_secrets

HEX32 = "8f14e45fceea167a5a36dedd4bea2543"
HEX40 = "1bb6667360d53116afb9cc144929f65b0d09564f"
TOKEN = "Xk3-9QpLm_x7RtY2bWc4nVe8"  # 24 base64url characters


@pytest.mark.parametrize(
    "segment",
    [HEX32, HEX40, "3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b", TOKEN, "UC_x5XG1OV2P6uZZ5FSM9Ttw"],
)
def test_a_long_random_looking_segment_is_a_secret(segment: str) -> None:
    assert secret_segment(segment)
    assert secret_segment(segment + ".xml")


@pytest.mark.parametrize(
    "segment",
    [
        "customer-experience-weekly-issue-12",
        "covid19-vaccine-rollout-2026-update-report",
        "my-2025-year-in-review-part-2-of-3",
        "top10-tips-for-2026-q4-h1b-visa-changes",
        "AppleWatchSeries3-PoolSizes_thumb.jpg",  # words and a number
        "abc123abc123abc123abc123",  # long, mixed, but a few characters repeated
        "AbCdEfGhIjKlMnOpQrStUvWx",  # no digit
        "8f14e45fceea167a",  # hex, but short
        "12345678901234567890123456789012",  # a number
        "2026",
        "feed.xml",
        "",
    ],
)
def test_an_ordinary_segment_is_not(segment: str) -> None:
    assert not secret_segment(segment)


def test_an_address_with_a_path_secret_is_masked_and_exported_without_it() -> None:
    url = f"https://h.example/feeds/u/{HEX32}/rss"
    assert secrets_of(url) == ["path"]
    assert secrets_shown(url) == "https://h.example/feeds/u/.../rss"
    private = f"https://h.example/private/{HEX40}/feed.xml?token=t0k&lang=en"
    assert without_secrets(private) == "https://h.example/private/.../feed.xml?lang=en"
    assert secrets_shown(f"https://h.example/x/{TOKEN}.rss") == "https://h.example/x/....rss"
    slug = "https://h.example/2026/12/04/customer-experience-weekly-issue-12"
    assert secrets_of(slug) == [] and secrets_shown(slug) == slug


FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Private Notes</title>'
    "<link>{0}</link><description>x</description><item><title>Post</title><link>{0}p1</link>"
    "<guid>{0}p1</guid><description>Service teams answer faster.</description></item>"
    "</channel></rss>"
)


def test_a_feed_with_a_secret_in_its_path_is_masked_by_the_cli(
    tmp_path: Path, http_server: LocalServer
) -> None:
    feed = http_server.add(f"/feeds/u/{HEX32}/rss", FEED.format(http_server.url("/")))
    gone = http_server.url(f"/private/{HEX40}/feed.xml")  # 404: its error is printed
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    description: Service teams.\n    keywords: [service, support, agents]\nfeeds:\n"
        f"  - url: {feed}\n    name: Private Notes\n  - url: {gone}\n    name: Gone Notes\n"
        "settings:\n  fetch_pages: false\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    for args in (("fetch",), ("feeds", "list"), ("feeds", "check", "--json")):
        code, out, err = run(*args, "--config", str(config))
        print(out + err)
        assert code in (0, 4), (args, out + err)
        assert http_server.url("/private/.../feed.xml") in out + err, out + err
        assert HEX32 not in out + err and HEX40 not in out + err, (args, out + err)
    opml = tmp_path / "shared.opml"
    code, out, err = run(
        "feeds", "export", "--no-secrets", "-o", str(opml), "--config", str(config)
    )
    assert code == 0, out + err
    assert HEX32 not in opml.read_text(encoding="utf-8") and HEX32 not in out + err
    assert http_server.url("/feeds/u/.../rss") in opml.read_text(encoding="utf-8")
    assert "random-looking path segment" in err, err
    # `feeds remove` takes the address as shown
    code, out, err = run("feeds", "remove", "--config", str(config), secrets_shown(feed))
    assert code == 0 and f"Removed {http_server.url('/feeds/u/.../rss')}" in out, out + err
    assert HEX32 not in config.read_text(encoding="utf-8")

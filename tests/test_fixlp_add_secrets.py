"""fixlp #1: `curator feeds add` echoed the address typed and the feeds it found on a site whole,
a `?token=`/`key=`/`signature=` secret printed (every other command masks it since fixlg/fixln).
Through `feeds add` of a site and feeds on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run

SECRETS = ("sItEKEY", "aLphaTOK", "bEtaSIG", "gOneTOK", "oFflineTOK")

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>{0}</title><link>{1}</link>'
    "<description>x</description><item><title>{0} post</title><link>{1}{2}</link>"
    "<guid>{1}{2}</guid><description>Service teams answer faster.</description></item>"
    "</channel></rss>"
)


def _newsletter(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    keywords: [service]\nfeeds: []\n"
        "settings:\n  fetch_pages: false\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path


def test_feeds_add_masks_the_secret_of_the_address_given_and_of_the_feeds_found(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _newsletter(tmp_path)
    base = http_server.url("/")
    alpha = http_server.add("/alpha.xml?token=aLphaTOK", FEED.format("Alpha", base, "a1"))
    beta = http_server.add("/beta.xml?signature=bEtaSIG", FEED.format("Beta", base, "b1"))
    links = "".join(
        f'<link rel="alternate" type="application/rss+xml" href="{u}">' for u in (alpha, beta)
    )
    site = http_server.add(
        "/home?key=sItEKEY",
        f"<html><head><title>Alpha</title>{links}</head><body>Hi</body></html>",
        content_type="text/html",
    )
    code, out, err = run("feeds", "add", "--config", str(config), site)
    print(out + err)
    assert code == 0, out + err
    assert not any(s in out + err for s in SECRETS), out + err
    assert f"{http_server.url('/home?key=...')} offers 2 feeds" in err, err
    assert http_server.url("/beta.xml?signature=...") in err, err
    assert f"Added {http_server.url('/alpha.xml?token=...')}" in out, out
    # feeds.yaml keeps the address whole: it is needed to fetch the feed
    assert alpha in config.read_text(encoding="utf-8")
    # added again: "already in the feeds list", masked
    code, out, err = run("feeds", "add", "--config", str(config), alpha)
    assert code != 0 and "already in the feeds list" in err, out + err
    assert not any(s in out + err for s in SECRETS), out + err
    # a site with no feed: the addresses tried, masked
    gone = http_server.url("/gone.xml?token=gOneTOK")
    page = http_server.add(
        "/empty?key=sItEKEY",
        '<html><head><link rel="alternate" type="application/rss+xml"'
        f' href="{gone}"></head><body>No feed</body></html>',
        content_type="text/html",
    )
    code, out, err = run("feeds", "add", "--config", str(config), page)
    print(out + err)
    assert code != 0 and "no feed found" in err, out + err
    assert http_server.url("/gone.xml?token=...") in err, err
    assert not any(s in out + err for s in SECRETS), out + err
    # --no-check: "Added URL without reading it", masked
    offline = "https://feeds.example/x.xml?token=oFflineTOK"
    code, out, err = run("feeds", "add", "--no-check", "--config", str(config), offline)
    assert code == 0, out + err
    assert "Added https://feeds.example/x.xml?token=... without reading it" in out, out
    assert not any(s in out + err for s in SECRETS), out + err
    assert offline in config.read_text(encoding="utf-8")

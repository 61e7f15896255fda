"""fixln #1: after fixlg masked a feed address's secret (`?token=...`) in most lines, three still
printed it whole: a feed that now leads to another feed listed ("a feed already listed: remove
... `curator feeds remove URL`"), a feed that "now calls itself" another name, and an address
inside a stored error (a redirect loop's), in `fetch`, `feeds list`/`check` and their --json.
Through fetches of feeds on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run

SECRETS = ("aLphaTOK", "bEtaKEY", "gAmmaTOK", "lOOpTOK")

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>{0}</title><link>{1}</link>'
    "<description>x</description><item><title>{0} post</title><link>{1}{2}</link>"
    "<guid>{1}{2}</guid><description>Service teams answer faster.</description></item>"
    "</channel></rss>"
)


def _newsletter(tmp_path: Path, server: LocalServer) -> Path:
    base = server.url("/")
    beta = server.add("/beta.xml?key=bEtaKEY", FEED.format("Beta Notes", base, "b1"))
    server.add("/alpha.xml?token=aLphaTOK", "", status=301, headers={"Location": beta})
    server.add("/gamma.xml?token=gAmmaTOK", FEED.format("Gamma Notes", base, "g1"))
    back = server.url("/loop2.xml?token=lOOpTOK")
    server.add("/loop.xml?token=lOOpTOK", "", status=302, headers={"Location": back})
    there = server.url("/loop.xml?token=lOOpTOK")
    server.add("/loop2.xml?token=lOOpTOK", "", status=302, headers={"Location": there})
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    keywords: [service]\nfeeds:\n"
        f"  - url: {server.url('/alpha.xml?token=aLphaTOK')}\n    name: Alpha Notes\n"
        f"  - url: {beta}\n    name: Beta Notes\n"
        f"  - url: {server.url('/gamma.xml?token=gAmmaTOK')}\n"
        f"  - url: {there}\n    name: Loop Notes\n"
        "settings:\n  fetch_pages: false\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path


def test_moves_renames_and_stored_errors_mask_a_feeds_secret(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _newsletter(tmp_path, http_server)
    code, out, err = run("fetch", "--config", str(config))
    assert code in (0, 4), out + err
    print(out + err)
    assert not any(s in out + err for s in SECRETS), out + err
    # the feed leading to another listed: the command to remove it, masked, runs as shown
    alpha = http_server.url("/alpha.xml?token=...")
    assert "a feed already listed" in out + err, out + err
    assert f"`curator feeds remove '{alpha}'" in out + err, out + err
    # the redirect loop's error names both addresses, masked
    loop = http_server.url("/loop2.xml?token=...")
    assert loop in err, err
    # the feed renamed
    base = http_server.url("/")
    http_server.add("/gamma.xml?token=gAmmaTOK", FEED.format("Casino Deals", base, "g2"))
    for args in (("fetch",), ("fetch", "--json")):
        code, out, err = run(*args, "--config", str(config))
        assert code in (0, 4), out + err
        print(out + err)
        assert not any(s in out + err for s in SECRETS), (args, out + err)
    code, out, err = run("fetch", "--config", str(config))
    http_server.add("/gamma.xml?token=gAmmaTOK", FEED.format("Gamma Again", base, "g3"))
    code, out, err = run("fetch", "--config", str(config))
    gamma = http_server.url("/gamma.xml?token=...")
    assert f'{gamma} now calls itself "Gamma Again"' in out + err, out + err
    assert not any(s in out + err for s in SECRETS), out + err
    for args in (
        ("feeds", "list"),
        ("feeds", "list", "--json"),
        ("feeds", "check"),
        ("feeds", "check", "--json"),
    ):
        code, out, err = run(*args, "--config", str(config))
        assert code in (0, 4), (args, out + err)
        print(args, out + err)
        assert not any(s in out + err for s in SECRETS), (args, out + err)
    rows = json.loads(run("feeds", "check", "--json", "--config", str(config))[1])
    looped = next(r for r in rows if r["name"] == "Loop Notes")
    assert loop in looped["last_error"], looped
    code, out, err = run("feeds", "remove", "--config", str(config), alpha)
    assert code == 0 and f"Removed {alpha}" in out, out + err
    assert "alpha.xml" not in config.read_text(encoding="utf-8")


def test_import_and_remove_mask_a_feeds_secret(tmp_path: Path, http_server: LocalServer) -> None:
    """`feeds import` named the feeds it skipped or found repeated, and `feeds remove` the feed
    it removed or found not listed, with their secret whole."""
    config = _newsletter(tmp_path, http_server)
    gamma = http_server.url("/gamma.xml?token=gAmmaTOK")
    twice = http_server.url("/twice.xml?token=lOOpTOK")
    outlines = "".join(
        f'<outline type="rss" text="{name}" xmlUrl="{url.replace("&", "&amp;")}"/>'
        for name, url in (("Gamma", gamma), ("Twice", twice), ("Twice", twice))
    )
    opml = tmp_path / "subs.opml"
    opml.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>',
        encoding="utf-8",
    )
    code, out, err = run("feeds", "import", "--no-check", "--config", str(config), str(opml))
    assert code == 0, out + err
    assert not any(s in out + err for s in SECRETS), out + err
    assert f"Skipped 1 already listed (left as they are):\n  {secrets(gamma)}\n" in err, err
    assert f"  {secrets(twice)} (2 times)" in err, err
    for attempt in ("Removed", "is not in the feeds list"):
        code, out, err = run("feeds", "remove", "--config", str(config), secrets(gamma))
        assert attempt in out + err, out + err
        assert not any(s in out + err for s in SECRETS), out + err
    assert "gamma.xml" not in config.read_text(encoding="utf-8")


def secrets(url: str) -> str:
    """`url` with its token shown as curator shows it."""
    return url.rsplit("=", 1)[0] + "=..."

"""fixlg #2: `feeds list` and `feeds check` printed a feed's address with the secret its query
holds (`?token=...`, `api_key=`, fixkw's `feedsecrets`) in plain and --json output, for anyone
reading over the editor's shoulder or a cron mail. They show it as `feeds export` names it
("token=..."); the one address the editor must copy whole (where a feed moved to, into
feeds.yaml) is shown in full and says why. Through fetches of feeds on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run

SECRETS = ("s3cr3tTOK", "k3yVAL", "oLdK3Y")

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>{0}</title><link>{1}</link>'
    "<description>x</description><item><title>{0} post</title><link>{1}p1</link>"
    "<guid>{1}p1</guid><description>Service teams answer faster.</description></item>"
    "</channel></rss>"
)


def _newsletter(tmp_path: Path, server: LocalServer) -> Path:
    base = server.url("/")
    server.add("/feed.xml?token=s3cr3tTOK&lang=en", FEED.format("CX Notes", base))
    server.add("/gone.xml?api_key=k3yVAL", "gone", status=410, content_type="text/plain")
    new = server.add("/new.xml?key=nEwK3Y", FEED.format("Moved Notes", base))
    server.add("/old.xml?key=oLdK3Y", "", status=301, headers={"Location": new})
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    keywords: [service]\nfeeds:\n"
        f"  - url: {server.url('/feed.xml?token=s3cr3tTOK&lang=en')}\n    name: CX Notes\n"
        f"  - url: {server.url('/gone.xml?api_key=k3yVAL')}\n"
        f"  - url: {server.url('/old.xml?key=oLdK3Y')}\n    name: Moved Notes\n"
        "settings:\n  fetch_pages: false\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path


def test_feeds_list_and_check_mask_a_feeds_secret(tmp_path: Path, http_server: LocalServer) -> None:
    config = _newsletter(tmp_path, http_server)
    code, out, err = run("feeds", "list", "--config", str(config))
    assert code == 0, err
    assert not any(s in out + err for s in SECRETS), out
    assert http_server.url("/feed.xml?token=...&lang=en") in out, out
    assert http_server.url("/gone.xml?api_key=...") in out, out
    code, out, err = run("fetch", "--config", str(config), "-q")
    for args in (("feeds", "list"), ("feeds", "list", "--json"), ("feeds", "check", "--json")):
        code, out, err = run(*args, "--config", str(config))
        assert code in (0, 4), (args, err)
        assert not any(s in out + err for s in SECRETS), (args, out, err)
    rows = json.loads(run("feeds", "list", "--json", "--config", str(config))[1])
    assert [r["url"] for r in rows] == [
        http_server.url("/feed.xml?token=...&lang=en"),
        http_server.url("/gone.xml?api_key=..."),
        http_server.url("/old.xml?key=..."),
    ], rows
    code, out, err = run("feeds", "check", "--config", str(config))
    assert code == 4, out + err
    assert not any(s in out + err for s in SECRETS), out + err
    # the unnamed feed is shown by its address, masked, in the table and in the summary
    assert http_server.url("/gone.xml?api_key=...") in out, out
    assert http_server.url("/gone.xml?api_key=...") in err, err
    # where it moved is to be copied into feeds.yaml whole, and it says so
    moved = next(line for line in out.splitlines() if "moved permanently" in line)
    assert f"`url: {http_server.url('/new.xml?key=nEwK3Y')}`" in moved, moved
    assert "in full" in moved, moved


def test_fetch_and_build_mask_it_and_remove_reads_the_masked_address(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _newsletter(tmp_path, http_server)
    for args in (("fetch",), ("build", "--all-subjects"), ("fetch", "--json")):
        code, out, err = run(*args, "--config", str(config))
        assert code in (0, 4), (args, out + err)
        assert not any(s in out + err for s in SECRETS), (args, out + err)
    code, out, err = run("fetch", "--config", str(config))
    gone = http_server.url("/gone.xml?api_key=...")
    # the feed named by its address, masked, and the command to remove it runs as shown
    assert f"`curator feeds remove '{gone}'" in out + err, out + err
    # where it moved is shown whole, to be copied, and says so
    assert "new.xml?key=nEwK3Y` (in full, its secret too" in out + err, out + err
    code, out, err = run("feeds", "remove", "--config", str(config), gone)
    assert code == 0, out + err
    assert f"Removed {gone}" in out and "k3yVAL" not in out + err, out + err
    listed = config.read_text(encoding="utf-8")
    assert "gone.xml" not in listed and "s3cr3tTOK" in listed and "oLdK3Y" in listed, listed

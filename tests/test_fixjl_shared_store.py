"""walk186 #1, #2, #7: two newsletters on one machine sharing one store or output, silently.

Customer Experience Weekly (the offline demo) and Sport Desk Weekly (a feed of real BBC sport
stories on a local server, other subjects). Two config files side by side in one folder shared
the default `.curator/curator.db` and `output/`: each build went on, exit 0, and each issue took
the other's articles; the ownership check took the other newsletter's issues for this one renamed
(#1). `fetch` (the cron job) into the other's store went on too, and the other published the
articles (#2). A wrong `--out` was blamed first on `settings: store` (#7).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

from conftest import LocalServer, add_sport_feed, copy_demo, run_cli, said_as_one

CX = "Customer Experience Weekly"
SPORT = "Sport Desk Weekly"

SPORT_YAML = f"""\
newsletter:
  title: {SPORT}
  editor: Jo Marsh
  issue_size: 3

subjects:
  - name: Athletics
    description: Sprinters, hurdlers and distance runners, their races, records and medals.
    keywords: [athletics, sprint, sprinter, medal, indoor, world best, race, marathon, 400m]
  - name: Doping and discipline
    description: Drug tests, hearings, suspensions and bans in sport.
    keywords: [drugs, doping, suspension, hearing, ban, test, verdict]

feeds:

settings:
  allow_private_addresses: true
"""


def sport_newsletter(folder: Path, corpus: Path, server: LocalServer) -> Path:
    """Sport Desk Weekly's config file `folder/sport.yaml` (its feed on `server`)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "sport.yaml"
    config.write_text(SPORT_YAML, encoding="utf-8")
    add_sport_feed(config, corpus, server)
    return config


def store_state(store: Path) -> tuple[object, ...]:
    """What a run that fetched, moved or published would change in a store."""
    with sqlite3.connect(store) as db:
        return (
            db.execute("SELECT number, title FROM issues ORDER BY number").fetchall(),
            db.execute("SELECT COUNT(*) FROM articles").fetchone(),
            db.execute("SELECT * FROM corrections ORDER BY 1").fetchall(),
        )


def set_paths(config: Path, store: Path, output: Path | None = None) -> None:
    """Write `settings: store` (and `output`) in the demo's feeds.yaml."""
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  store: .*$", f"  store: {store}", text, count=1)
    if output is not None:
        text = re.sub(r"(?m)^  output: .*$", f"  output: {output}", text, count=1)
    config.write_text(text, encoding="utf-8")


def test_two_newsletters_config_files_in_one_folder_stop_before_sharing_a_store(
    tmp_path: Path, corpus: Path, http_server: LocalServer
) -> None:
    """cx.yaml and tech.yaml side by side, neither setting store or output: both used the same
    store and output/, and every run went on. Now the first run of either stops, exit 1, before
    it fetches or publishes anything, naming both files' newsletters and the way on; one folder
    per newsletter then works, and neither publishes the other's articles."""
    cx = copy_demo(tmp_path)
    folder = cx.parent
    sport = sport_newsletter(folder, corpus, http_server)
    store, output = folder / ".curator" / "curator.db", folder / "output"

    code, _, err = run_cli("fetch", "--config", str(cx), "-q")
    said = said_as_one(err)
    assert code == 1, err
    assert (
        f'{cx} ("{CX}") and {sport} ("{SPORT}") are two newsletters in one folder sharing one'
        f" store, {store}, and one output folder, {output}"
    ) in said, said
    # (fixjp #2: stopped before the store is made, which an empty store file outlived)
    assert "Nothing was fetched, and no store was made" in said, said
    assert "one folder per newsletter: move feeds.yaml into a new folder" in said, said
    assert f"or write settings of its own in {cx} (store: .curator/feeds.db" in said, said
    assert not store.exists()  # (no CX article stored for Sport to publish)

    code, out, _ = run_cli("fetch", "--config", str(cx), "--json")
    assert code == 1
    assert "two newsletters in one folder" in json.loads(out)["error"]

    code, _, err = run_cli("build", "--config", str(sport), "-q")
    said = said_as_one(err)
    assert code == 1, err
    assert f'{sport} ("{SPORT}") and {cx} ("{CX}") are two newsletters' in said, said
    assert "Nothing was published, and no store was made" in said, said
    assert not (output / "issue-1.html").exists()
    assert not http_server.seen("/sport.xml")

    # As the message says: Sport in a folder of its own. Each publishes only its own articles.
    own = tmp_path / "sport"
    own.mkdir()
    sport = Path(shutil.move(sport, own / "sport.yaml"))
    code, _, err = run_cli("build", "--config", str(sport), "-q")
    assert code == 0, err
    sport_issue = (own / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "sport.example" in sport_issue and "northwind" not in sport_issue.casefold()
    code, _, err = run_cli("build", "--config", str(cx), "-q")
    assert code == 0, err
    cx_issue = (output / "issue-1.txt").read_text(encoding="utf-8")
    assert CX in cx_issue and "sport.example" not in cx_issue


def test_another_newsletters_store_and_output_are_not_taken_for_a_rename(
    tmp_path: Path, corpus: Path, http_server: LocalServer
) -> None:
    """CX's feeds.yaml whose `settings: store` and `output` name Sport's: the issues in Sport's
    output vouched for Sport's store, and CX's build took Sport for CX renamed and published
    CX's issue 2 there. Another title AND other subjects AND other feeds is another newsletter:
    build, fetch and `subjects exclude` stop, exit 1, changing nothing. A newsletter renamed
    (same subjects and feeds) still goes on."""
    sport = sport_newsletter(tmp_path / "sport", corpus, http_server)
    code, _, err = run_cli("build", "--config", str(sport), "-q")
    assert code == 0, err
    store, output = sport.parent / ".curator" / "curator.db", sport.parent / "output"
    cx = copy_demo(tmp_path / "cx")
    set_paths(cx, store, output)
    before = store_state(store)

    code, _, err = run_cli("build", "--config", str(cx), "-q")
    said = said_as_one(err)
    assert code == 1, err
    assert (
        f'the store {store} and the output folder {output} hold issues of "{SPORT}" (issue 1, '
    ) in said, said
    assert f'not of "{CX}" ({cx})' in said, said
    assert "another newsletter, not this one renamed" in said, said
    assert "Nothing was published, and the store was not changed" in said, said
    assert not (output / "issue-2.html").exists()
    assert SPORT in (output / "feed.xml").read_text(encoding="utf-8")
    assert CX not in (output / "feed.xml").read_text(encoding="utf-8")

    code, _, err = run_cli("fetch", "--config", str(cx), "-q")
    assert code == 1, err
    assert "Nothing was fetched, and the store was not changed" in said_as_one(err), err
    url = json.loads((output / "issue-1.json").read_text(encoding="utf-8"))
    first = url["sections"][0]["articles"][0]["url"]
    code, _, err = run_cli("subjects", "exclude", first, "--config", str(cx))
    assert code == 1, err
    assert "another newsletter, not this one renamed" in said_as_one(err), err
    assert store_state(store) == before

    # Sport renamed on purpose (its subjects and feed kept) is no other newsletter.
    text = sport.read_text(encoding="utf-8")
    sport.write_text(text.replace(f"title: {SPORT}", "title: The Sport Desk"), encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(sport), "--no-fetch", "-q")
    assert code == 0, err
    assert "The Sport Desk" in (output / "issue-2.html").read_text(encoding="utf-8")


def test_fetch_into_another_newsletters_store_stops(
    tmp_path: Path, corpus: Path, http_server: LocalServer
) -> None:
    """`settings: store` in CX's feeds.yaml naming Sport's store: `fetch --quiet` (the cron job)
    stored CX's articles there, exit 0, and Sport's next build published them; `subjects move
    --db` wrote there too. Both stop now, exit 1, as `build` stops, and `fetch --json` carries
    the error."""
    sport = sport_newsletter(tmp_path / "sport", corpus, http_server)
    code, _, err = run_cli("build", "--config", str(sport), "-q")
    assert code == 0, err
    cx = copy_demo(tmp_path / "cx")
    code, _, err = run_cli("build", "--config", str(cx), "-q")
    assert code == 0, err
    store = sport.parent / ".curator" / "curator.db"
    set_paths(cx, store)
    before = store_state(store)

    code, _, err = run_cli("fetch", "--config", str(cx), "--quiet")
    said = said_as_one(err)
    assert code == 1, err
    assert f'the store {store} holds issues of "{SPORT}"' in said, said
    assert f'not of "{CX}" ({cx})' in said, said
    assert "Nothing was fetched, and the store was not changed" in said, said
    code, out, _ = run_cli("fetch", "--config", str(cx), "--json")
    assert code == 1
    document = json.loads(out)
    assert document["exit"] == 1 and f'holds issues of "{SPORT}"' in document["error"]

    set_paths(cx, cx.parent / ".curator" / "curator.db")  # (back) and --db names Sport's
    article = json.loads((cx.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    url = article["sections"][0]["articles"][0]["url"]
    subject = "Voice of the customer"
    code, _, err = run_cli(
        "subjects", "move", url, subject, "--config", str(cx), "--db", str(store)
    )
    assert code == 1, err
    assert f'holds issues of "{SPORT}"' in said_as_one(err), err
    assert store_state(store) == before

    code, _, err = run_cli("build", "--config", str(sport), "-q")
    assert code == 0, err
    assert "northwind" not in (sport.parent / "output" / "issue-2.txt").read_text().casefold()


def test_a_wrong_out_is_said_first(tmp_path: Path, corpus: Path, http_server: LocalServer) -> None:
    """`build --out ../sport/output` from CX's folder stops (exit 1), and now leads with the
    --out typed, not with "Most likely settings: store ... names another newsletter's store"."""
    sport = sport_newsletter(tmp_path / "sport", corpus, http_server)
    code, _, err = run_cli("build", "--config", str(sport), "-q")
    assert code == 0, err
    cx = copy_demo(tmp_path / "cx")
    code, _, err = run_cli("build", "--config", str(cx), "-q")
    assert code == 0, err
    out = sport.parent / "output"

    args = ("--config", str(cx), "--no-fetch", "--all-subjects", "--out", str(out))
    code, _, err = run_cli("build", *args)
    said = said_as_one(err)
    assert code == 1, err
    assert said.startswith(f"curator: --out {out} is not this newsletter's output folder"), said
    assert f"Most likely --out {out} names another newsletter's output folder" in said, said
    assert "settings: store" not in said, said
    assert "give --out this newsletter's output folder (or leave --out out" in said, said
    assert not (out / "issue-2.html").exists()

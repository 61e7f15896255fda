"""walk183 #1, #3, #4, #7, #8, #9: what the recheck of the day's fixes found. Through the CLI,
against feeds on a real HTTP server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h
from test_walk126 import _fetch, _items  # (a fetch, and a site's numbered items)

from conftest import LocalServer, run_cli, sans_config


def _opml(path: Path, *outlines: tuple[str, str]) -> Path:
    path.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>\n'
        + "".join(f'<outline type="rss" text="{text}" xmlUrl="{url}"/>\n' for text, url in outlines)
        + "</body></opml>",
        encoding="utf-8",
    )
    return path


def test_import_json_holds_its_warnings_marks_a_copy_and_says_why_left_out(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk183 #1: `feeds import --json` warned on stderr that the feed it added serves the same
    articles as a listed one, and of an outline without its http://; its document had
    `"warnings": []`, `added` with no mark of the copy, and `left_out` without why or fix."""
    de = http_server.add("/de/feed.xml", h.rss(_items("kunde", 0, 3), title="Kundenblog"))
    atom = http_server.add("/de/atom.xml", h.rss(_items("kunde", 0, 3), title="Kundenblog"))
    config = h.write_config(
        tmp_path, [{"url": de, "fetch_pages": False}], settings={"allow_private_addresses": True}
    )
    assert _fetch(config, "--quiet")[0] == 0
    bare = de.replace("http://", "").replace("/de/feed.xml", "/nodate/feed.xml")
    opml = _opml(tmp_path / "s.opml", ("Kundenblog", atom), ("Loyalty Letters", bare))
    code, out, err = run_cli("feeds", "import", "--json", str(opml), "--config", str(config))
    assert code == 0, err
    doc = json.loads(out)
    messages = [w["message"] for w in doc["warnings"]]
    warned = [line.removeprefix("curator: warning: ") for line in err.splitlines()]
    assert any(f"{atom} serves the same articles as {de}" in m for m in messages), doc
    assert any(f"({bare}) was left out" in m for m in messages), doc
    for message in messages:
        assert message in warned, (message, err)
    assert doc["added"] == [atom], doc
    assert doc["copies"] == [{"url": atom, "same_articles_as": de}], doc
    (left,) = doc["left_out"]
    assert left["url"] == bare and left["text"] == "Loyalty Letters", left
    assert left["address"] == f"http://{bare}", left
    assert "without its http://" in left["why"], left


def test_the_advice_after_drop_waiting_adds_a_gone_feed_back_as_it_can_be(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk183 #3: after `feeds remove URL --drop-waiting` of a feed answering 410, "adding the
    feed back with `curator feeds add URL` takes them back"; that command fails "HTTP 410 Gone"
    (exit 1), with no word of --no-check, which works. The advice gives the one that works."""
    import sqlite3

    gone = http_server.add("/en/feed.xml", h.rss(_items("gone", 0, 3), title="Gone Blog"))
    kept = http_server.add("/kept/feed.xml", h.rss(_items("kept", 0, 2), title="Kept Blog"))
    feeds = [{"url": gone, "fetch_pages": False}, {"url": kept, "fetch_pages": False}]
    config = h.write_config(tmp_path, feeds, settings={"allow_private_addresses": True})
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/en/feed.xml", b"gone", status=410, content_type="text/plain")
    assert _fetch(config, "--quiet")[0] == 0
    assert run_cli("feeds", "remove", gone, "--config", str(config))[0] == 0
    code, out, err = run_cli("feeds", "remove", gone, "--drop-waiting", "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    advice = f"adding the feed back with `curator feeds add {gone} --no-check`"
    assert advice in said, said
    # the advice, followed, works and takes them back
    code, out, err = run_cli("feeds", "add", gone, "--no-check", "--config", str(config))
    assert code == 0, out + err
    with sqlite3.connect(tmp_path / "state" / "curator.db") as db:
        marks = [row[0] for row in db.execute("SELECT error FROM dead_links")]
    assert "its feed was removed with --drop-waiting" not in marks, marks


PLACEHOLDER = "Welcome to issue {number} of {title}."


def _demo_with_placeholder(tmp_path: Path) -> Path:
    from conftest import copy_demo

    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    text = text.replace("  introduction_file: intro.md", f'  introduction: "{PLACEHOLDER}"', 1)
    config.write_text(text, encoding="utf-8")
    return config


def test_the_placeholder_introduction_no_planned_issue_uses_is_not_said(tmp_path: Path) -> None:
    """walk183 #4: every theme of the plan has its own `introduction:`; `curator build` said the
    placeholder introduction "is published as it is in an issue whose theme has no
    `introduction:` of its own", though no planned issue uses it. An issue on every subject
    (`--all-subjects`) does: that run says it."""
    from conftest import said_as_one

    config = _demo_with_placeholder(tmp_path)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    assert "is still the placeholder" not in said_as_one(err), err
    code, out, err = run_cli("build", "--config", str(config), "-q", "--all-subjects")
    assert code == 0, out + err
    said = said_as_one(err)
    assert f"`introduction: {PLACEHOLDER}` is still the placeholder" in said, said
    assert "is published as it is in this issue" in said, said
    page = (config.parent / "output" / "issue-2.txt").read_text(encoding="utf-8")
    assert "Welcome to issue 2 of Customer Experience Weekly." in page


def test_the_placeholder_warning_names_the_subjects_with_their_own_in_one_sentence(
    tmp_path: Path,
) -> None:
    """walk183 #4: "(an issue on The basics of customer experience, Measuring the customer
    experience opens with its subject's)" is now "issues on A and B open with their subject's"."""
    import re

    from conftest import said_as_one

    config = _demo_with_placeholder(tmp_path)
    text = config.read_text(encoding="utf-8")
    # Service operations and Voice of the customer lose theirs: their issues use the placeholder
    parts = text.split("  - name: Service operations", 1)
    tail = re.sub(r"\n    introduction: \|\n(?:(?:      .*)?\n)*", "\n", parts[1])
    config.write_text(parts[0] + "  - name: Service operations" + tail, encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    said = said_as_one(err)
    assert (
        "is published as it is in an issue whose theme has no `introduction:` of its own"
        " (issues on The basics of customer experience and Measuring the customer experience"
        " open with their subject's)"
    ) in said, said


def test_extract_says_the_page_was_not_read_when_a_feed_without_pages_stored_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk183 #7: a feed with `fetch_pages: false`; `curator extract` of its article said "the
    page names Dana Whitfield instead (as read now; it did not when your newsletter stored the
    article)", though the page was never read then. It says the page was not read."""
    from test_walk36 import PAGE, curator, item, newsletter

    good = http_server.add(
        "/y.html", PAGE.format(title="Service desks that listen"), content_type="text/html"
    )
    config = newsletter(tmp_path, http_server, item("Service desks that listen", good))
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nsettings:", "\n    fetch_pages: false\nsettings:"), "utf-8")
    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    result = curator(config, "extract", good)
    assert result.exit_code == 0, result.stderr
    shown = " ".join(result.stdout.split())
    assert "your newsletter credits it as: Desk News" in shown, shown
    assert (
        "the page names Dana Whitfield instead (as read now; your newsletter did not read the page"
        " when it stored the article)"
    ) in shown, shown


def test_a_first_build_of_an_article_behind_a_login_says_it_was_published_all_the_same(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk183 #8: a plain `curator build` of issue 1 said of an article whose link leads to a
    sign-in page "...as it did when curator first read it; it was published as before", though
    nothing was published before."""
    from test_fixim_unread import _gated_newsletter

    from conftest import said_as_one

    config, link = _gated_newsletter(tmp_path, http_server)
    assert run_cli("fetch", "--config", str(config), "-q")[0] == 0
    code, _, err = run_cli("build", "--config", str(config), "--all-subjects")
    said = said_as_one(err)
    assert code == 0, said
    issue = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert link in issue, issue
    assert f"({link}): its page asks readers to log in" in said, said
    assert "published as before" not in said, said
    assert "it was published all the same: readers without an account may not reach it" in said


def test_a_markdown_link_typed_in_a_corrected_plain_blurb_names_blurb_markdown(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk183 #9: ` See [this](/more).` added to a corrected "blurb" in issue-1.json was
    published as typed in the HTML and text editions, and `render 1` said only that the blurb
    "is published". It says so, naming "blurb_markdown", which keeps links."""
    from test_credit_formats import newsletter, page

    from conftest import said_as_one

    titles = ("Refund Queues", "Chat Support Hours")
    items = [(t, "<dc:creator>Ann Lee</dc:creator>", page(t, byline="By Ann Lee")) for t in titles]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run_cli("build", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    path = config.parent / "output" / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    article = data["sections"][0]["articles"][0]
    article["blurb"] = (article["blurb"] or "A blurb.") + " See [this](/more)."
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    said = said_as_one(err)
    assert code == 0, said
    text = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "See [this](/more)." in text  # (as typed: the blurb is plain text)
    assert (
        f'issue 1, "{article["title"]}": its corrected "blurb" holds [this](/more), which is'
        ' published as typed: "blurb" is plain text; to publish a link, write the blurb in'
        ' Markdown as its "blurb_markdown"'
    ) in said, said


def test_an_address_known_moved_to_a_listed_feed_is_listed_as_moved(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk183 #6: a feed moved (301 to /ja2/), the editor followed the move, then put the old
    address back by hand: `feeds list` said "ok" for it (`moved_to: None`); only a fetch named
    the move, and its "remove the Kokyaku Lab line" named either line, both being Kokyaku Lab."""
    ja = http_server.add("/ja/feed.xml", h.rss(_items("ja", 0, 3), title="Kokyaku Lab"))
    ja2 = http_server.url("/ja2/feed.xml")
    settings = {"allow_private_addresses": True}
    config = h.write_config(tmp_path, [{"url": ja, "fetch_pages": False}], settings=settings)
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/ja/feed.xml", b"", status=301, headers={"Location": ja2})
    http_server.add("/ja2/feed.xml", h.rss(_items("ja", 0, 4), title="Kokyaku Lab"))
    assert _fetch(config, "--quiet")[0] == 0
    h.write_config(tmp_path, [{"url": ja2, "fetch_pages": False}], settings=settings)
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/ja/feed.xml", b"gone", status=410, content_type="text/plain")
    feeds = [{"url": ja2, "fetch_pages": False}, {"url": ja, "fetch_pages": False}]
    h.write_config(tmp_path, feeds, settings=settings)
    lines = config.read_text(encoding="utf-8").splitlines()
    new_line = next(n for n, text in enumerate(lines, 1) if ja2 in text)
    old_line = next(n for n, text in enumerate(lines, 1) if f"url: {ja}" in text)

    code, out, err = run_cli("feeds", "list", "--json", "--config", str(config))
    assert code == 0, err
    rows = {row["url"]: row for row in json.loads(out)}
    assert rows[ja]["status"] == "moved", rows[ja]
    assert rows[ja]["moved_to"] == ja2 and rows[ja]["moved_to_line"] == new_line, rows[ja]
    assert rows[ja2]["status"] == "ok", rows[ja2]
    code, out, err = run_cli("feeds", "list", "--config", str(config))
    assert any(line.startswith("moved") and ja in line for line in out.splitlines()), out
    code, out, err = run_cli("feeds", "check", "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert (
        f"moved to {ja2}, listed already (line {new_line}): remove this line (`curator feeds"
        f" remove {ja}`)"
    ) in said, said

    code, out, err = _fetch(config)
    said = " ".join(sans_config(out + err).split())
    assert f"remove line {old_line} ({ja}) (`curator feeds remove {ja}`)" in said, said
    assert "remove the Kokyaku Lab line" not in said, said

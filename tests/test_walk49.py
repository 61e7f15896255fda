"""walk49: curator and the calendar (issue dates, entry dates), each finding through the CLI on
real files and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from conftest import LocalServer, sans_config
from conftest import run_cli as run


def _said(err: str) -> str:
    return " ".join(err.split())


def _long(day: date) -> str:
    return f"{day:%B} {day.day}, {day:%Y}"


def _today() -> date:
    return datetime.now().astimezone().date()


def _draft(demo: Path, day: str | None = None) -> Path:
    """The next issue's draft (`curator draft --no-fetch`), its `date:` set to `day`."""
    code, _, err = run("draft", "--config", str(demo), "--no-fetch", "-q")
    assert code == 0, err
    path = max((demo.parent / "drafts").glob("issue-*.md"), key=lambda p: p.stat().st_mtime)
    if day is not None:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\ndate: .*\n", f"\ndate: {day}\n", text, count=1), "utf-8")
    return path


def _build_draft(demo: Path, draft: Path) -> str:
    code, _, err = run("build", "--config", str(demo), "--draft", str(draft))
    assert code == 0, err
    draft.unlink()  # (as an editor tidies it away: a plain build would stop for it)
    return _said(err)


def test_the_out_of_order_advice_followed_literally_dates_the_issue_for_good(
    themed_demo: Path,
) -> None:
    """walk49 #1: "write "date": ... in issue-2.json, then run `curator render 2`", followed,
    changed nothing lasting: the store kept the old date, and `render 2` went back to it once
    the file was gone. `render` takes the corrected date into the store, and says so."""
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0
    earlier = _today() - timedelta(days=9)
    said = _build_draft(demo, _draft(demo, earlier.isoformat()))
    said = sans_config(said)
    advice = re.search(
        r'write "date": "([0-9-]+)" \([^)]*\) in (\S*issue-2\.json).*?then run `curator render 2`',
        said,
    )
    assert advice is not None, said
    out = demo.parent / "output"
    fix, where = advice.group(1), out / Path(advice.group(2)).name
    data = json.loads(where.read_text(encoding="utf-8"))
    data["date"] = fix  # as an editor writes it
    where.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "2")
    assert code == 0, err
    rendered = _said(err)
    where.unlink()  # the file lost: the issue comes back from the store, as corrected
    code, _, err = run("render", "--config", str(demo), "2")
    assert code == 0, err
    page = (out / "issue-2.html").read_text(encoding="utf-8")
    assert _long(date.fromisoformat(fix)) in page and _long(earlier) not in page
    assert "out of date order" not in _said(err)
    assert f"issue 2 is dated {fix} in {where}, and the store had {earlier}" in rendered
    assert "out of date order" not in rendered


def test_an_issue_dated_before_any_earlier_issue_is_said(themed_demo: Path) -> None:
    """walk49 #2: dates were checked against the issue just before alone: after an issue dated
    ahead, a plain build (dated today) and a draft dated between were said nothing, and the
    archive and feed.xml listed them out of date order. Build and render say so."""
    demo = themed_demo
    today = _today()
    ahead, between = today + timedelta(days=14), today + timedelta(days=7)
    assert run("build", "--config", str(demo), "-q")[0] == 0
    _build_draft(demo, _draft(demo, ahead.isoformat()))
    code, _, err = run("build", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    said = _said(err)
    said = sans_config(said)
    assert (
        f"issue 3 is dated {today}, before issue 2 ({ahead}), which it follows, so the archive"
        " page and the feed of issues list them out of date order" in said
    ), said
    assert f'"date": "{ahead}"' in said and "`curator render 3`" in said
    assert f"if issue 2's date is the mistake ({ahead} is after today)" in said
    draft = _draft(demo, between.isoformat())
    said = _build_draft(demo, draft)
    assert f"{draft}:4: issue 4 is dated {between}, before issue 2 ({ahead})" in said, said
    code, _, err = run("render", "--config", str(demo))
    assert code == 0, err
    said = _said(err)
    assert f"issue 3 is dated {today}, before issue 2 ({ahead})" in said, said
    assert f"issue 4 is dated {between}, before issue 2 ({ahead})" in said, said


@pytest.fixture
def far_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A local time zone whose day is not the UTC day now (UTC-12 in the UTC morning, UTC+14 in
    the afternoon); its offset in hours."""
    hours = -12 if datetime.now(UTC).hour < 12 else 14
    monkeypatch.setenv("TZ", f"<ZZZ>{-hours:+d}")  # (POSIX: the sign is west of Greenwich)
    time.tzset()
    yield hours
    monkeypatch.undo()
    time.tzset()


def test_an_issue_is_dated_the_local_day(themed_demo: Path, far_zone: int) -> None:
    """walk49 #4: an issue was dated the UTC day (at UTC-10 on a Saturday evening: Sunday), which
    README never said. It is the day where curator runs."""
    demo = themed_demo
    local = (datetime.now(UTC) + timedelta(hours=far_zone)).date()
    assert local != datetime.now(UTC).date()
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    out = demo.parent / "output"
    assert json.loads((out / "issue-1.json").read_text("utf-8"))["date"].startswith(str(local))
    assert _long(local) in (out / "issue-1.html").read_text(encoding="utf-8")


def test_a_drafts_date_with_an_offset_is_the_day_written(themed_demo: Path) -> None:
    """walk49 #4: `date: 2026-12-14T23:30:00-12:00` was published as December 15 (the UTC day)."""
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0
    day = _today() + timedelta(days=7)
    _build_draft(demo, _draft(demo, f"{day}T23:30:00-12:00"))
    page = (demo.parent / "output" / "issue-2.html").read_text(encoding="utf-8")
    assert _long(day) in page and _long(day + timedelta(days=1)) not in page


def test_date_in_a_drafts_introduction_follows_its_date_line(themed_demo: Path) -> None:
    """walk49 #3: `{date}` in the introduction was filled in when `curator draft` ran, so changing
    the draft's `date:` published "Issue 2, <new date>" above "dated <draft day>". The draft keeps
    {date}, and the build fills it in from `date:`."""
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0
    own = demo.parent / "introductions" / "issue-2.md"
    own.parent.mkdir()
    own.write_text("Issue {number}, dated {date}, is about measuring.\n", encoding="utf-8")
    later = _today() + timedelta(days=14)
    draft = _draft(demo, later.isoformat())
    kept = "dated {date}, is about" in draft.read_text(encoding="utf-8")
    said = _build_draft(demo, draft)
    out = demo.parent / "output"
    for name in ("issue-2.html", "issue-2.md", "issue-2.txt"):
        page = " ".join((out / name).read_text(encoding="utf-8").split())
        assert f"Issue 2, dated {_long(later)}, is about" in page, (name, said)
        assert _long(_today()) not in page, name
    assert kept  # (the draft says {date}: the editor sees it is filled in from `date:`)


def test_two_issues_of_one_day_have_distinct_times_in_the_feed(themed_demo: Path) -> None:
    """walk49 #6: two issues built on one day had the same <published> in feed.xml (a reader may
    take them for one entry)."""
    demo = themed_demo
    for more in ((), ("--no-fetch",)):
        code, _, err = run("build", "--config", str(demo), "-q", *more)
        assert code == 0, err
    feed = (demo.parent / "output" / "feed.xml").read_text(encoding="utf-8")
    published = re.findall(r"<published>([^<]+)</published>", feed)
    assert len(published) == 2 and len(set(published)) == 2, published
    assert all(p.startswith(_today().isoformat()) for p in published), published


_PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>Customer service teams measure waiting times every day. They publish the numbers each"
    " week for the whole company to read.</p><p>Managers compare the numbers with last year's"
    " and set new goals for the service teams.</p></article></body></html>"
)


def test_entries_without_a_usable_date_are_said_and_a_future_one_does_not_stay_newest(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk49 #5: entries with no date, an unreadable one ("Mon, 32 Foo 2026") or one dated next
    year were stored as brand new and, with `recency_weight`, scored as the newest without a word
    (the future one until its date came). The run says so under the feed's name, and an article
    dated after curator first saw it counts from that sighting."""
    dates = {
        "none": "",
        "bad": "<pubDate>Mon, 32 Foo 2026 10:00:00 GMT</pubDate>",
        "ahead": "<pubDate>Mon, 01 Mar 2027 10:00:00 GMT</pubDate>",
        "fine": "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>",
    }
    items = []
    for name, when in dates.items():
        title = f"Service teams measure waiting times ({name})"
        link = http_server.add(f"/{name}.html", _PAGE.format(title=title), content_type="text/html")
        items.append(f"<item><title>{title}</title><link>{link}</link>{when}</item>")
    feed = http_server.add(
        "/feed.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Dated Wire</title>'
        f"<link>{http_server.url('/')}</link>{''.join(items)}</channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: Weekly}\nsubjects:\n  - name: Service\n    keywords: [service,"
        f" waiting]\nfeeds:\n  - url: {feed}\nsettings: {{allow_private_addresses: true,"
        " recency_weight: 1}\n",
        encoding="utf-8",
    )
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    said = _said(err)
    assert (
        "Dated Wire: 2 new entries had no date curator could read and 1 new entry was dated in"
        " the future: dated when curator first saw them" in said
    ), said
    code, out, err = run("fetch", "--config", str(config), "--json")
    assert code == 0 and "dated in the future" not in err  # (said once: when they are new)

    from curator.placement import freshness
    from curator.store import Store

    store = Store.open(tmp_path / ".curator" / "curator.db")
    try:
        article = store.article_by_url(f"{http_server.url('/ahead.html')}")
        assert article is not None and article.first_seen is not None
        later = article.first_seen + timedelta(days=180)
        assert freshness(article, later) == pytest.approx(0.25)  # as old as its sighting
    finally:
        store.close()


def test_an_atom_entry_with_only_its_updated_date_is_dated_by_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk49 #5: Atom requires <updated> and not <published>; an entry giving only the first was
    stored with no date (said as undated, counted as brand new with `recency_weight`)."""
    link = http_server.add(
        "/a.html", _PAGE.format(title="Service teams measure waiting"), content_type="text/html"
    )
    feed = http_server.add(
        "/atom.xml",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>'
        f"<id>urn:x</id><updated>2026-11-30T10:00:00Z</updated><entry><title>Service teams"
        f' measure waiting</title><id>urn:a</id><link href="{link}"/>'
        "<updated>2026-11-30T10:00:00Z</updated></entry></feed>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: Weekly}\nsubjects:\n  - name: Service\n    keywords: [service,"
        f" waiting]\nfeeds:\n  - url: {feed}\nsettings: {{allow_private_addresses: true,"
        " recency_weight: 1}\n",
        encoding="utf-8",
    )
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    assert "no date curator could read" not in _said(err)
    from curator.store import Store

    store = Store.open(tmp_path / ".curator" / "curator.db")
    try:
        article = store.article_by_url(link)
        assert article is not None and article.published is not None
        assert article.published.isoformat().startswith("2026-11-30T10:00")
    finally:
        store.close()


def test_render_says_why_feed_xml_gives_issues_of_one_day_new_times(themed_demo: Path) -> None:
    """walk62 #4: after an upgrade, `render --all` said only "1 of them changed: feed.xml": the
    older curator had given two issues of one day the same time, this one a second apart. The
    line says which issues' times moved and why; a render that moves none says nothing of it."""
    demo = themed_demo
    for more in ((), ("--no-fetch",)):
        code, _, err = run("build", "--config", str(demo), "-q", *more)
        assert code == 0, err
    feed = demo.parent / "output" / "feed.xml"
    text = feed.read_text(encoding="utf-8")
    day = _today().isoformat()
    new = f"{day}T00:00:01Z"
    assert f"<published>{new}</published>" in text
    feed.write_text(text.replace(new, f"{day}T00:00:00Z"), encoding="utf-8")  # as it was

    code, out, err = run("render", "--config", str(demo), "--all")
    assert code == 0, err
    assert "1 of them changed: feed.xml." in out
    assert (
        f"feed.xml gives issues new times (issue 2: {day}T00:00:00Z -> {new}): issues published"
        " on the same day now have times a second apart, so that feed readers list each of them"
    ) in out
    code, out, err = run("render", "--config", str(demo), "--all")
    assert code == 0 and "new times" not in out, out

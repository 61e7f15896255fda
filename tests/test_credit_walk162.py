"""walk162: hostile feed fields that cost a credit or an article without a word, as the editor
sees them (the draft's `author:` lines and notes, a build's warnings, the published issue)."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import NO_AUTHOR, authors, built, drafted, newsletter, page

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"


def creator(name: str) -> str:
    return f"<dc:creator>{name}</dc:creator>"


#: title: (the item's dc:creator, whether its page has a byline "By Jane Plain")
STARRED = {
    "Starred Refunds": ("*NSYNC Fan", False),
    "Starred Returns": ("*Star* Author", False),
    "Scored Queues": ("_Under_ Score", False),
    "Scored Hotlines": ("*NSYNC Fan", True),
    "Plain Starred Surveys": ("Kay *Lee*", False),
}


def test_a_feed_author_opening_with_a_star_or_an_underscore_is_credited_as_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #1: `*NSYNC Fan` was dropped ("no author was found") while `Kay *Lee*` was
    credited as written."""
    config = newsletter(
        tmp_path,
        http_server,
        [
            (t, creator(who), page(t, byline="By Jane Plain" if byline else ""))
            for t, (who, byline) in STARRED.items()
        ],
    )
    blocks = drafted(config)
    for title, (who, _) in STARRED.items():
        assert authors(blocks[title]) == [who], (title, blocks[title])
        assert NO_AUTHOR not in " ".join(blocks[title]), blocks[title]
    # the page's byline names someone else: the usual note says both
    note = " ".join(" ".join(blocks["Scored Hotlines"]).split())
    assert "the feed names *NSYNC Fan, credited above; the page names Jane Plain" in note, note
    text = built(config)
    for who in ("*NSYNC Fan ||", "*Star* Author ||", "_Under_ Score ||"):
        assert who in text, (who, text)
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "*NSYNC Fan" in html and "_Under_ Score" in html


MAL = "&lt;img src=x onerror=alert(&apos;a&apos;)&gt;Mal Author"


def test_markup_in_a_json_feeds_title_and_authors_is_said_as_in_rss(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #2: a JSON Feed's title and authors holding markup were cleaned without a word
    (`title_markup: false`, `markup_credits: []`, "no author was found"), where RSS's are said;
    #7: the note said an author field `<img ...>Mal Author` held "no name apart from" its markup."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "<svg onload=alert(1)>Kay JSON",
        "home_page_url": http_server.base + "/",
        "authors": [{"name": "<img src=x onerror=alert(1)>Feed Author"}],
        "items": [
            {
                "id": "j1",
                "url": http_server.add(
                    "/j/1/", page("Inherited Refunds", site=None), content_type=HTML
                ),
                "title": "Inherited Refunds",
                "content_text": "Customer service refunds.",
            },
            {
                "id": "j2",
                "url": http_server.add(
                    "/j/2/", page("Own Author Returns", site=None), content_type=HTML
                ),
                "title": "Own Author Returns",
                "content_text": "Customer service returns.",
                "authors": [{"name": "<b onclick=alert(1)>Bold</b> Writer"}],
            },
        ],
    }
    jsonfeed = http_server.add("/feed.json", json.dumps(feed), content_type="application/json")
    config = newsletter(tmp_path, http_server, [("Mal Refunds", creator(MAL), page("Mal Refunds"))])
    config.write_text(
        config.read_text(encoding="utf-8") + f"  - url: {jsonfeed}\n", encoding="utf-8"
    )
    code, out, stderr = run("fetch", "--config", str(config), "--json")
    assert code == 0, stderr
    reports = {r["url"]: r for r in json.loads(out)["feeds"]}
    said = reports[jsonfeed]
    assert said["title_markup"] is True, said
    whys = {c["title"]: c["why"] for c in said["markup_credits"]}
    assert set(whys) == {"Inherited Refunds", "Own Author Returns"}, said["markup_credits"]
    assert "`<img src=x onerror=alert(1)>Feed Author`" in whys["Inherited Refunds"]
    assert '("Feed Author") is left out' in whys["Inherited Refunds"]
    assert '("Bold Writer") is left out' in whys["Own Author Returns"]
    err = " ".join(stderr.split())
    assert "Kay JSON: the feed's own title held HTML markup, which was removed (`<svg>`)" in err
    # RSS's note names the words beside the script, never "no name apart from it" (#7)
    rss = next(r for u, r in reports.items() if u != jsonfeed)["markup_credits"]
    assert len(rss) == 1, rss
    assert "no name apart from it" not in rss[0]["why"], rss
    assert '("Mal Author") is left out with it' in rss[0]["why"], rss
    assert "is not credited: it holds markup that would run script" in err, err
    for name in ("Feed Author", "Bold Writer", "Mal Author"):
        assert f"author: {name}" not in err

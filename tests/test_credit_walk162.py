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


def test_an_unsafe_link_gives_way_to_a_permalink_guid_and_a_skipped_entry_is_named(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #3: an item whose <link> was `javascript:` was skipped, though its guid was a
    permalink, and skipped entries were only counted ("1 of 2 entries skipped")."""
    guid = http_server.add("/g1.html", page("Guid Refunds"), content_type=HTML)
    items = (
        "<item><title>Guid Refunds</title><link>javascript:alert(1)</link>"
        f'<guid isPermaLink="true">{guid}</guid></item>'
        "<item><title>Lost Returns</title><link>javascript:alert(2)</link>"
        f'<guid isPermaLink="false">{http_server.base}/nowhere.html</guid></item>'
        f"<item><title>Plain Queues</title><link>{http_server.add('/p.html', page('Plain Queues'), content_type=HTML)}</link></item>"
    )
    feed = http_server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>Zeta Post</title><link>{http_server.base}/</link>'
        f"{items}</channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer service\n    keywords: [customer, service]\n"
        f"settings:\n  allow_private_addresses: true\nfeeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    code, out, err = run("fetch", "--config", str(config), "--json")
    assert code == 0, err
    report = json.loads(out)["feeds"][0]
    assert report["new"] == 2, report
    assert report["skipped_entries"] == [{"title": "Lost Returns", "why": "no http(s) link"}]
    assert report["guid_links"] == [{"title": "Guid Refunds", "unsafe": "javascript:"}]
    said = " ".join(err.split())
    assert '1 of 3 entries skipped ("Lost Returns"): no http(s) link' in said, err
    assert '"Guid Refunds": its link was unsafe (javascript:), its guid used' in said, err
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    text = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f'href="{guid}"' in text and "javascript:" not in text


def test_an_author_line_holding_html_or_a_link_is_warned_of_as_a_publication_line_is(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #4: `author: <img src=x onerror=alert('a')>Jane Doe` and `author: [Auth](javascript:
    alert(1))` were published with no word (the tag shown in the web edition, left out of the
    .txt), where a `publication:` line holding HTML is warned of with its line."""
    config = newsletter(
        tmp_path,
        http_server,
        [(t, creator("Plain Writer"), page(t)) for t in ("Edited Refunds", "Linked Returns")],
    )
    blocks = drafted(config)
    assert authors(blocks["Edited Refunds"]) == ["Plain Writer"], blocks
    path = config.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = {line[3:]: n + 1 for n, line in enumerate(lines) if line.startswith("## ")}
    draft = "\n".join(lines)
    draft = draft.replace(
        "author: Plain Writer", "author: <img src=x onerror=alert('a')>Jane Doe", 1
    ).replace("author: Plain Writer", "author: [Auth](javascript:alert(1))", 1)
    path.write_text(draft, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    said = " ".join(err.split())
    first, second = sorted(at.values())
    assert (
        f"issue-1.md:{first}: the author \"<img src=x onerror=alert('a')>Jane Doe\" holds the HTML"
        f" <img src=x onerror=alert('a')>"
    ) in said, err
    assert (
        f'issue-1.md:{second}: the author "[Auth](javascript:alert(1))" holds the link [...](...)'
    ) in said, err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    # shown as typed, as a publication: line holding HTML is, never as markup or a link
    assert "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;img src=x onerror=alert(&#39;a&#39;)&gt;Jane Doe" in html


def test_an_article_published_at_another_sites_canonical_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #6: a page's canonical on another site replaced the feed's link without a word
    (the rule stays: the canonical is published, and now said)."""
    stolen = "https://evil.invalid/steal"
    config = newsletter(
        tmp_path,
        http_server,
        [
            (
                "Moved Refunds",
                "",
                page("Moved Refunds", head=f'<link rel="canonical" href="{stolen}">'),
            ),
            ("Staying Returns", "", page("Staying Returns")),
        ],
    )
    code, out, err = run("fetch", "--config", str(config), "--json")
    assert code == 0, err
    report = json.loads(out)["feeds"][0]
    link = http_server.url("/p/0/")
    assert report["published_elsewhere"] == [
        {"url": link, "title": "Moved Refunds", "published": stolen}
    ], report
    said = " ".join(err.split())
    assert (
        f'"Moved Refunds": its page names {stolen} as its address, on another site than the'
        f" feed's link ({link}): that address is published"
    ) in said, err
    assert "Staying Returns" not in said, err


def test_an_author_corrected_in_issue_json_to_hold_html_is_said_by_render(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #4: issue-N.json's "authors" and "publication" corrected to hold HTML were
    published as typed without a word by `curator render N`."""
    config = newsletter(
        tmp_path,
        http_server,
        [("Rendered Refunds", creator("Plain Writer"), page("Rendered Refunds"))],
    )
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    path = tmp_path / "output" / "issue-1.json"
    issue = json.loads(path.read_text(encoding="utf-8"))
    article = issue["sections"][0]["articles"][0]
    article["authors"] = ["<img src=x onerror=alert('a')>Jane Doe"]
    article["publication"] = "[Pub](javascript:alert(1))"
    path.write_text(json.dumps(issue), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        f'its "authors" as corrected in {path}, "<img src=x onerror=alert(\'a\')>Jane Doe", holds'
        " the HTML <img src=x onerror=alert('a')>"
    ) in said, err
    assert (
        f'its "publication" as corrected in {path}, "[Pub](javascript:alert(1))", holds the link'
    ) in said, err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and 'href="javascript:' not in html


def test_a_saved_page_naming_its_own_address_is_not_said_to_be_elsewhere(demo: Path) -> None:
    """The note of walk162 #6 (an article published at another site's canonical) is for pages
    read on the web: README's demo reads saved copies of its pages from files, each naming its
    real address as its canonical, and its build said so of all eleven (found after the merge)."""
    code, out, err = run("build", "--config", str(demo))
    assert code == 0, err
    assert "on another site than the feed's link" not in err
    assert "https://northwind-cx.example/2025/06/five-definitions-of-customer-experience/" in (
        demo.parent / "output" / "issue-1.html"
    ).read_text(encoding="utf-8")

"""Links that look relative or ordinary but are not (fixhs, after walk173 #4 and #5): each through
the CLI against a real local server, a real store and the real templates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, said_as_one

_SUBJECTS = [
    {
        "name": "The basics of customer experience",
        "description": "What customer experience is, how it differs from customer service.",
        "keywords": ["customer experience", "customer service", "support"],
    }
]


def _page(name: str) -> bytes:
    return (
        f"<html><head><title>Customer service story {name}</title></head><body><article>"
        f"<h1>Customer service story {name}</h1><p>Customer experience matters to every support"
        f" team, and customer service is how a company keeps its word to customers; story {name}"
        " walks through one team's queue, its replies and the loyalty it won back.</p>"
        "</article></body></html>"
    ).encode()


def _item(title: str, link: str, guid: str = "") -> str:
    guid_tag = f'<guid isPermaLink="true">{guid}</guid>' if guid else ""
    return (
        f"<item><title>{title}</title><link>{link}</link>{guid_tag}<description>Customer"
        f" experience matters. Customer service is what we do. Support counts ({title}).</description>"
        "</item>"
    )


def test_disguised_script_links_use_the_guid_and_user_names_are_refused(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `&#106;avascript:`, `javascript&colon;` and `jav&#x0A;ascript:` links were taken
    for relative addresses and resolved against the feed's (GET /&, 404, "left out as dead
    links"); `http:/\\HOST/p/q8.html` was published as a path of the feed's own site; a link
    naming a user before its host (`http://paypal.com@HOST/...`) published its article with no
    link at all, unsaid. Now the first three are published at their permalink guid, said on the
    feed's line; the backslash is read as browsers read it; the user-name link's entry is left
    out, its feed's line saying why; JSON Feed `url`s the same."""
    for n in ("r4", "r9", "r10", "q8", "j1", "j2"):
        http_server.add(f"/p/{n}.html", _page(n), content_type="text/html")
    base = http_server.base
    host = base.removeprefix("http://")
    items = (
        _item("Entity encoded link", "&amp;#106;avascript:alert(1)", f"{base}/p/r4.html")
        + _item("Colon entity link", "javascript&amp;colon;alert(1)", f"{base}/p/r9.html")
        + _item("Newline entity link", "jav&amp;#x0A;ascript:alert(1)", f"{base}/p/r10.html")
        + _item("Backslash link", f"http:/\\{host}/p/q8.html")
        + _item("User name link", f"http://paypal.com@{host}/p/q4.html")
    )
    rss = http_server.add("/rep1.xml", h.rss(items, "Rep Pub"))
    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Json Pub",
        "items": [
            {
                "id": f"{base}/p/j1.html",
                "url": "&#106;avascript:alert(1)",
                "title": "Json entity link",
                "content_text": "Customer experience matters. Customer service is what we do.",
            },
            {
                "id": "j2",
                "url": f"http:\\\\{host}\\p\\j2.html",
                "title": "Json backslash link",
                "content_text": "Customer experience matters here. Customer service too.",
            },
        ],
    }
    jsn = http_server.add("/feed.json", json.dumps(json_feed), content_type="application/json")
    config = h.write_config(tmp_path, [{"url": rss}, {"url": jsn}], subjects=_SUBJECTS)
    code, data, err = h.build_json(config)
    said = said_as_one(err)
    assert code == 0, said
    # No page of the feed's own site was asked for at a script link's text.
    asked = [r.path for r in http_server.requests]
    assert not [p for p in asked if "avascript" in p or p.startswith("/&")], asked
    issue = (tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8")
    urls = set(re.findall(r'"url": (null|"[^"]*")', issue))
    for n in ("r4", "r9", "r10", "q8", "j2"):  # (some named under another as the same story)
        assert f'"{base}/p/{n}.html"' in urls, (n, urls)
    assert "null" not in urls
    assert "paypal" not in issue
    feeds = {f["name"]: f for f in data["feeds"]}
    unsafe = {g["title"]: g["unsafe"] for g in feeds["Rep Pub"]["guid_links"]}
    assert unsafe == {
        "Entity encoded link": "javascript:",
        "Colon entity link": "javascript:",
        "Newline entity link": "javascript:",
    }, feeds["Rep Pub"]
    assert '"Entity encoded link": its link was unsafe (javascript:), its guid used' in said
    # The user name's entry is left out, and its feed's line says why.
    line = next(ln for ln in err.splitlines() if "Rep Pub" in ln and "entries" in ln)
    assert '1 of 5 entries skipped ("User name link")' in line, line
    assert "a user name before its host (paypal.com@): the look of phishing" in line, line
    # A JSON Feed has no permalink id: its disguised script link's entry is left out, said.
    line = next(ln for ln in err.splitlines() if "Json Pub" in ln and "entries" in ln)
    assert '1 of 2 entries skipped ("Json entity link"): no http(s) link' in line, line
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "paypal.com" not in html
    assert "avascript" not in html

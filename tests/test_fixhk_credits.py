"""A credit that is a name and a job title with no "By" (CLOSING17's "Seen and left alone": "Tomas
Berg, Senior Editor" credited no one), and a link post's "NAME, writing for the PUB blog:" (it got
no credit at all)."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, credits_as_text
from conftest import run_cli as run

RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Acme CX</title><link>{base}/</link>{items}</channel></rss>"""

ITEM = """<item><title>{title}</title><link>{link}</link><guid>g{n}</guid>
<pubDate>Mon, 0{n} Nov 2026 09:00:00 GMT</pubDate>{creator}<description>{content}</description></item>"""

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{byline}
<p>{lead}</p><p>{more}</p>{after}</article></body></html>"""

TOPICS = (
    "churn measured across quarters at subscription software vendors",
    "survey response rates among retail banking customers",
    "net promoter score among airline travellers in winter",
    "support ticket backlogs at hosting companies",
    "customer effort score in telecom call centres",
    "complaint handling at water utilities",
)


def _escaped(html: str) -> str:
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_name_and_a_job_title_without_by_credits_the_name_alone(
    tmp_path: Path, http_server: LocalServer
) -> None:
    # (page byline, the feed's dc:creator, the feed's content's first paragraph, a line after the
    # article's first paragraph)
    cases = (
        ("<p>Tomas Berg, Senior Editor</p>", "", "", ""),
        ("", "", "<p>Tomas Berg, Senior Editor</p>", ""),
        ("", "Bo Chen, Co-founder &amp; CEO", "", ""),
        ("", "Senior Editor Ann Lee", "", ""),
        ("<p>Editorial Team</p>", "Senior Editor", "", ""),
        ("", "", "", "<p>Jane Doe, CEO of Acme</p>"),
    )
    items = []
    for n, (byline, creator, opening, after) in enumerate(cases, 1):
        topic = TOPICS[n - 1]
        title = f"What we learned about {topic}"
        lead = (
            f"This report follows {topic} for a whole year. The team measured it every week and"
            " found that the figures moved with staffing levels rather than with prices, which"
            " surprised the managers who had commissioned it."
        )
        more = f"Managers said the work on {topic} paid off once it had a named owner."
        page = PAGE.format(title=title, byline=byline, lead=lead, more=more, after=after)
        link = http_server.add(f"/a/{n}.html", page, content_type="text/html; charset=utf-8")
        items.append(
            ITEM.format(
                n=n,
                title=title,
                link=link,
                creator=f"<dc:creator>{creator}</dc:creator>" if creator else "",
                content=_escaped(f"{opening}<p>{lead}</p><p>{more}</p>"),
            )
        )
    url = http_server.add("/feed.xml", RSS.format(base=http_server.base, items="".join(items)))
    config = h.write_config(tmp_path, [{"url": url, "name": "Acme CX"}])
    code, _, err = run("build", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    out = config.parent / "output"
    issue = json.loads((out / "issue-1.json").read_text("utf-8"))
    credited = {
        a["url"].rsplit("/", 1)[-1]: a["authors"] for s in issue["sections"] for a in s["articles"]
    }
    assert credited == {
        "1.html": ["Tomas Berg"],  # the page's line under its headline
        "2.html": ["Tomas Berg"],  # the feed's post opening with it
        "3.html": ["Bo Chen"],  # never "CEO" as a co-author
        "4.html": ["Ann Lee"],  # the title before the name left out
        "5.html": [],  # a job title alone, a team: no one
        "6.html": [],  # a quoted person under the text is no byline
    }, credited
    page = credits_as_text((out / "issue-1.html").read_text("utf-8"))
    assert "Tomas Berg ||" in page and "Bo Chen ||" in page and "Ann Lee ||" in page, page
    assert "Senior Editor" not in page and "CEO" not in page and "Jane Doe" not in page, page
    assert "Editorial Team" not in page, page
    assert 'the credit of "What we learned about complaint handling' in err, err


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Link Blog</title><id>urn:lb</id><updated>2026-07-01T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="https://www.linkblog.example/"/>
<entry><title>App downloads in the customer survey season</title><id>urn:1</id>
<updated>2026-07-01T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="https://sensortower.com/blog/app-downloads-q2"/>
<link rel="related" type="text/html" href="https://www.linkblog.example/linked/1"/>
<author><name>Lin Kblogger</name></author>
<content type="html">{content}</content></entry>
</feed>"""


def test_a_link_post_writing_for_the_pub_blog_credits_the_person_and_the_publication(
    tmp_path: Path, http_server: LocalServer
) -> None:
    content = _escaped(
        "<p>Randy Nelson, writing for the Sensor Tower blog:</p><blockquote><p>Customer"
        " support apps were downloaded more in the second quarter than in any quarter before."
        " Survey tools grew fastest among them.</p></blockquote>"
    )
    url = http_server.add("/lb.xml", ATOM.format(content=content))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, _, err = run("build", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    page = credits_as_text((config.parent / "output" / "issue-1.html").read_text("utf-8"))
    assert "Randy Nelson || Sensor Tower" in page, page
    assert "Lin Kblogger" not in page and "sensortower.com<" not in page, page

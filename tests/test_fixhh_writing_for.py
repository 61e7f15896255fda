"""A link post that opens "NAME, writing for PUBLICATION:" over its quote credits NAME and the
publication (walk165 #3: "Mike Masnick, writing for TechDirt:" credited nobody, "no author was
found", and published the bare host "techdirt.com")."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer
from conftest import run_cli as run

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Link Blog</title><id>urn:lb</id><updated>2026-07-01T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="https://www.linkblog.example/"/>
{entries}
</feed>"""

ENTRY = """<entry><title>{title}</title><id>urn:{n}</id><updated>2026-07-0{n}T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="{link}"/>
<link rel="related" type="text/html" href="https://www.linkblog.example/linked/{n}"/>
<author><name>Lin Kblogger</name></author>
<content type="html">{content}</content></entry>"""


def _quote(lead: str, quoted: str) -> str:
    html = f"<p>{lead}</p><blockquote><p>{quoted}</p></blockquote>"
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_link_post_writing_for_a_publication_credits_the_person_and_the_publication(
    tmp_path: Path, http_server: LocalServer
) -> None:
    entries = "\n".join(
        ENTRY.format(n=n, title=title, link=link, content=_quote(lead, quoted))
        for n, title, link, lead, quoted in (
            (
                1,
                "Support queues and the customer survey",
                "https://www.techdirt.com/2026/07/01/support-queues/",
                "Mike Masnick, writing for TechDirt:",
                "Customer service teams answered the survey about support queues. Most said"
                " their backlog fell when agents triaged by cause.",
            ),
            (
                2,
                "Backlogs in customer service teams",
                "https://www.theatlantic.com/technology/2026/07/backlogs/",
                "Jane Roe writes in The Atlantic:",
                "Hospitals that publish their waiting times see fewer complaints. Patients"
                " plan their visits around the quiet hours.",
            ),
        )
    )
    url = http_server.add("/lb.xml", ATOM.format(entries=entries))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    page = (config.parent / "output" / "issue-1.html").read_text("utf-8")
    assert "Mike Masnick" in page and "TechDirt" in page, page
    assert "Jane Roe" in page and "The Atlantic" in page, page
    assert "techdirt.com<" not in page and "theatlantic.com<" not in page, page

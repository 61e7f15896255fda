"""An article added to a draft by its address is published under its headline, not its
<title> with the site's name at the end (walk165 #5: "Digitizing CX | Acme", og:site_name
"Acme Insights", <h1>Key Drivers of Customer Experience Digitization</h1>)."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer
from conftest import run_cli as run


def _posts(server: LocalServer) -> bytes:
    items = "".join(
        f"<item><title>Post {n} on customer support queues</title>"
        f"<link>{server.url(f'/posts/{n}')}</link><guid>post-{n}</guid>"
        f"<pubDate>{n + 1:02d} Jul 2026 08:00:00 +0000</pubDate>"
        f"<description>Week {n}: how support teams cut their ticket queues and backlog."
        " Agents triage by cause.</description></item>"
        for n in (2, 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Weekly Posts</title><link>{server.url('/')}</link>{items}</channel></rss>"
    ).encode()


def _page(title: str, headline: str, text: str) -> str:
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Acme Insights">'
        '<meta name="author" content="Sam Vale"></head><body><article>'
        f"<h1>{headline}</h1>{text}</article></body></html>"
    )


# (two stories of their own: two of one story in one draft stop the build, walk172 #2)
DIGITIZING = (
    "<p>Customer experience teams are moving their service journeys online, and the leaders"
    " among them measure every step from first contact on.</p><p>Digitization depends on data"
    " and on people trained to read it.</p>"
)
SERVICE_DESIGN = (
    "<p>A contact centre designed around the caller routes each question to the agent who knows"
    " it best, before the queue grows.</p><p>Blueprints of every handoff show where callers"
    " wait, repeat themselves or give up.</p>"
)


def test_a_page_added_by_address_is_published_under_its_headline_not_its_site_suffix(
    tmp_path: Path, http_server: LocalServer
) -> None:
    url = http_server.add("/feed.xml", _posts(http_server))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    # The <title> is short and ends with a word of the site's name; the page's one <h1> is fuller.
    fuller = http_server.add(
        "/probe/p3.html",
        _page(
            "Digitizing CX | Acme", "Key Drivers of Customer Experience Digitization", DIGITIZING
        ),
        content_type="text/html",
    )
    # The <title> is the headline already: only the site's word goes.
    same = http_server.add(
        "/probe/p4.html",
        _page(
            "Service design for contact centres – Acme",
            "Service design for contact centres",
            SERVICE_DESIGN,
        ),
        content_type="text/html",
    )
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    lines = draft.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[at + 1 : at + 1] = ["", f"## {fuller}", "", f"## {same}", ""]
    draft.write_text("\n".join(lines), "utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    page = (config.parent / "output" / "issue-1.html").read_text("utf-8")
    assert f'<a href="{fuller}">Key Drivers of Customer Experience Digitization</a>' in page, page
    assert f'<a href="{same}">Service design for contact centres</a>' in page, page
    assert "| Acme" not in page and "– Acme" not in page, page

"""walk199 #7c (fixkz): an article left out as a story told before is named with the published
article it is a copy of, not the first one it shares a part of its text with. Through the
CLI, a feed on a real HTTP server on 127.0.0.1, the seed articles' real text."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from test_same_story import seed_texts

from conftest import LocalServer
from conftest import run_cli as run

CONFIG = """newsletter:
  title: CX Weekly
  issue_size: 1
subjects:
  - name: Customer experience
    description: What customer experience is, and how it differs from customer service.
    keywords: [customer experience, customer service]
feeds:
  - url: {feed}
    name: Blog
    fetch_pages: false
settings:
  allow_private_addresses: true
"""


def serve(server: LocalServer, items: list[tuple[str, str, str, int]]) -> None:
    """The Blog's feed of (title, path, text, day of December) items."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{server.url(p)}</link>"
        f"<pubDate>Tue, {day:02d} Dec 2026 08:00:00 GMT</pubDate>"
        f"<description>{escape(x)}</description></item>"
        for t, p, x, day in items
    )
    server.add(
        "/blog.xml", f'<rss version="2.0"><channel><title>Blog</title>{body}</channel></rss>'
    )


def test_a_copy_is_named_with_the_article_it_copies_not_a_later_one_sharing_part(
    tmp_path: Path, http_server: LocalServer, seeds: Path
) -> None:
    """walk199 #7c: an article whose text was that of one issue 1 published (under another
    heading) was said left out as the same story as an article issue 6 published, which
    shared 63% of its text, "which issue 6 published", not as a copy of its own original in
    issue 1. The article it shares most of its text with is named, and its issue."""
    texts = seed_texts(seeds)
    first = ("What customer experience really means", "/a.html", texts[0], 1)
    # Published in issue 2 on purpose (feature_again): two thirds of the first, then another's.
    part = ("Journey mapping without the wallpaper", "/j.html", texts[0][:2000] + texts[1], 2)
    copy = ("What customer experience really means in 2026", "/c.html", texts[0], 3)
    config = tmp_path / "feeds.yaml"
    config.write_text(CONFIG.format(feed=http_server.url("/blog.xml")), encoding="utf-8")
    serve(http_server, [first])
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    serve(http_server, [first, part])
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    draft.parent.mkdir(exist_ok=True)
    url = http_server.url("/j.html")
    draft.write_text(
        f"---\ntitle: CX Weekly\nnumber: 2\ndate: 2026-12-09\nfeature_again: [{url}]\n---\n\n"
        f"# Customer experience\n\n## {url}\n\nHow journey maps are used.\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    assert url in (tmp_path / "output" / "issue-2.html").read_text(encoding="utf-8")

    serve(http_server, [first, part, copy])
    code, _, err = run("build", "--config", str(config))
    flat = " ".join(err.split())
    said = f'"{copy[0]}" ({http_server.url("/c.html")}) was left out as the same story as'
    assert said in flat, err
    assert f'{said} "{first[0]}" ({http_server.url("/a.html")}), which issue 1 published' in flat, (
        err
    )

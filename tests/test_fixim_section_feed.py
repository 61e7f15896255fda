"""fixim (walk178 #4): a feed whose title is a section's with its site's name ("Wellness: Health,
Fitness & More - Zeta Post"), given no `name:`, credits its articles with that whole title: the
draft notes it under each, as it notes any publication that is only a feed's title, and proposes
the site's part as the feed's `name:`; a plain build says so too."""

from __future__ import annotations

from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run

FEED_TITLE = "Wellness: Health, Fitness &amp; More - Zeta Post"
TITLE = "Wellness: Health, Fitness & More - Zeta Post"
SUMMARIES = {
    1: "Customer service teams that sleep well answer better. A rested support agent resolves"
    " more tickets on first contact. Managers who protect breaks see fewer escalations.",
    2: "Night shifts wear down a support desk. Rotating them monthly kept the queue short at"
    " one retailer. Its customers noticed faster replies within a quarter.",
}


def _newsletter(tmp_path: Path, http_server: LocalServer) -> Path:
    items = "".join(
        f"<item><title>Support teams and sleep, part {n}</title>"
        f"<link>https://www.zetapost.example/wellness/sleep-{n}.html</link>"
        f"<description>{SUMMARIES[n]}</description>"
        f"<pubDate>Tue, 0{n} Dec 2026 10:00:00 GMT</pubDate></item>"
        for n in (1, 2)
    )
    feed = http_server.add(
        "/wellness.xml",
        f'<rss version="2.0"><channel><title>{FEED_TITLE}</title>'
        f"<link>https://www.zetapost.example/wellness</link>{items}</channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 5}\n"
        "subjects:\n  - name: Customer service\n"
        "    keywords: [customer, support, service, tickets]\n"
        "settings:\n  allow_private_addresses: true\n"
        f"feeds:\n  - url: {feed}\n    fetch_pages: false\n",
        encoding="utf-8",
    )
    return path


def test_a_section_feeds_title_as_publication_is_noted_with_the_site_as_its_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _newsletter(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(config))
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert draft.count(f"publication: {TITLE}\n") == 2, draft
    note = (
        f"<!-- Credit: \"{TITLE}\" is the title of its feed, a section's title with its site's"
        ' name, "Zeta Post" (www.zetapost.example): if it is not the publication, correct the'
        f" `publication:` line above, or give the feed a `name: Zeta Post` in {config} (line 8)"
        " for all its articles"
    )
    assert draft.count(note) == 2, draft
    code, _, err = run("build", "--config", str(config), "--no-fetch")
    assert code == 0, err
    flat = " ".join(err.split())
    assert "give the feed a `name: Zeta Post`" in flat, err

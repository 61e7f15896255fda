"""walk41 #1: a poster's signature is no story text. Issue 3 named "WORD 2.0 HELP!" (printing
Spanish characters) as "Another piece ... on the same story" under "Can I Change "Licensed To"
Data in Windows 3.1?" because "they share 51% of their text": Robert Dubinski's signature."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from conftest import run_cli as run

#: The corpus's three posts signed by one poster, and other posts of their group.
SIGNED = (
    "comp.os.ms-windows.misc-009460",
    "comp.os.ms-windows.misc-009470",
    "comp.os.ms-windows.misc-009527",
)
CONFIG = """newsletter:
  title: Windows Weekly
  issue_size: 12
subjects:
  - name: Windows
    description: Microsoft Windows, its programs and settings.
    keywords: [windows, win.ini, word, printing, licence]
feeds:
  - url: posts.xml
    name: Hardware Herald
    fetch_pages: false
"""


def test_a_signature_shared_by_a_posters_articles_does_not_make_them_one_story(
    tmp_path: Path, corpus: Path
) -> None:
    posts = {}
    others = []
    for line in (corpus / "topics" / "20newsgroups" / "comp-train.jsonl").open(encoding="utf-8"):
        post = json.loads(line)
        if post["id"] in SIGNED:
            posts[post["id"]] = post
        elif post["label"] == "comp.os.ms-windows.misc" and len(others) < 6:
            others.append(post)
    assert set(posts) == set(SIGNED)
    items = "".join(
        f"<item><title>{escape(p['title'])}</title><link>https://herald.example/{p['id']}</link>"
        f"<description>{escape(p['text'])}</description></item>"
        for p in [*posts.values(), *others]
    )
    (tmp_path / "posts.xml").write_text(
        f'<rss version="2.0"><channel><title>Herald</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert out.startswith("Issue 1: "), out
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "on the same story" not in txt
    assert "same story" not in " ".join(err.split())
    for post in SIGNED:
        assert f"https://herald.example/{post}\n" in txt

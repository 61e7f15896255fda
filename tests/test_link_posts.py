"""A link post (a linked-list item pointing at another site's article) is credited to that site,
so its blurb must be that article's words: the page's blurb when it was read, else what the feed
quotes from it, as a quote, else none. Never the linker's own commentary (walk3 #2: Gruber's
opinion printed under "techdirt.com" read as Techdirt's)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
import yaml

from conftest import LocalServer, run_cli
from curator.blurb import split_sentences
from curator.feeds import parse_feed
from curator.htmltext import read_html

DARING_FIREBALL = ["rsparser/DaringFireball.rss", "rsparser/DaringFireball.atom"]


def real_feed(corpus: Path, name: str) -> bytes:
    path = corpus / "feeds" / "real" / name
    if not path.is_file():
        pytest.skip(f"the corpus feed {path} is missing")
    return path.read_bytes()


def newsletter(tmp_path: Path, feeds: list[str], *, pages: bool) -> Path:
    config = {
        "newsletter": {"title": "Test Weekly", "editor": "Ed", "issue_size": 50},
        # Every article fits this subject, so the issue holds as many link posts as it can.
        "subjects": [
            {
                "name": "Everything",
                "keywords": ["apple", "pencil", "court", "fbi", "uber", "iphone", "app"],
            }
        ],
        "feeds": [{"url": url, "subjects": ["Everything"]} for url in feeds],
        "settings": {"fetch_pages": pages, "allow_private_addresses": True, "timeout": 5},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def stored(folder: Path) -> dict[str, tuple[str, str, str]]:
    """Each stored article's (publication, authors, blurb), by title."""
    with sqlite3.connect(folder / ".curator" / "curator.db") as db:
        rows = db.execute("SELECT title, publication, authors, blurb FROM articles")
        return {title: (pub, authors, blurb) for title, pub, authors, blurb in rows}


def own_sentences(html: str) -> list[str]:
    """The linker's own sentences in an entry (outside its <blockquote>s), long enough to be his."""
    own = read_html(html).own.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return [s for s in split_sentences(own) if len(s) >= 20]


@pytest.mark.parametrize("name", DARING_FIREBALL)
def test_offline_a_link_posts_blurb_has_none_of_the_linkers_words(
    corpus: Path, tmp_path: Path, http_server: LocalServer, name: str
) -> None:
    body = real_feed(corpus, name)
    entries = [e for e in parse_feed(body, "https://daringfireball.net/").entries if e.via]
    assert len(entries) >= 30, "Daring Fireball's linked-list items are no longer link posts"
    config = newsletter(tmp_path, [http_server.add("/df.xml", body)], pages=False)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    articles = stored(tmp_path)

    in_issue = [e for e in entries if e.title and e.title.replace("\u2019", "'") in issue]
    assert len(in_issue) >= 2, issue[:2000]
    quoted = 0
    for entry in entries:
        if entry.title not in articles:  # a second item linking to the same page: stored once
            continue
        pub, authors, blurb = articles[entry.title]
        assert "Daring Fireball" not in pub and "Gruber" not in authors
        for sentence in own_sentences(entry.content or entry.summary or ""):
            assert sentence not in blurb, (entry.title, sentence)
            assert sentence not in issue, (entry.title, sentence)
        if blurb:
            # Offline the blurb can only be what the feed quotes, and it reads as a quote.
            assert blurb.startswith('"') and blurb.endswith('"'), (entry.title, blurb)
            quoted += 1
        elif entry in in_issue:  # published without one: the editor is told
            assert f'no blurb could be made for "{entry.title}"' in err
    assert quoted >= len(entries) // 2
    # Walk3's example: Gruber's "He makes a good point." is not printed under techdirt.com.
    if name.endswith(".rss"):
        pew = "Was Pew's Polling Question on the Apple/FBI Debate Misleading?"
        block = issue[issue.index(pew) :][:700] if pew in issue else ""
        assert "Ideally, yes" not in issue and "He makes a good point" not in issue
        assert not block or "techdirt.com" in block


LINK_BLOG = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Link Blog</title><id>urn:lb</id><updated>2024-05-01T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="https://www.linkblog.example/"/>
{entries}
</feed>"""

LINK_ENTRY = """<entry><title>{title}</title><id>urn:{n}</id><updated>2024-05-0{n}T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="{link}"/>
<link rel="related" type="text/html" href="https://www.linkblog.example/linked/{n}"/>
<author><name>Lin Kblogger</name></author>
<content type="html"><![CDATA[{content}]]></content></entry>"""

#: The linker's commentary: none of it may appear as the linked article's blurb.
COMMENT = (
    "<p>I think this is the most wrongheaded argument I have read all year. Apple and the "
    "pencil people deserve better than this nonsense from them.</p>"
)
QUOTE = (
    "<blockquote><p>Apple is restoring navigation with the Pencil in the next beta of the "
    "operating system. Users asked loudly for the feature and the company listened.</p>"
    "</blockquote>"
)
#: What another link post quotes from a page that cannot be read.
QUOTE2 = (
    "<blockquote><p>A federal court ruled on Tuesday that encryption keys are speech under the "
    "First Amendment. The government said it would appeal the decision.</p></blockquote>"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Pencilers rejoice</title>"
    '<meta property="og:site_name" content="iMore">'
    '<meta name="author" content="Rene Ritchie">'
    '<meta name="description" content="The Apple Pencil will navigate the iPad again in iOS 9.3, '
    'after users of the pencil complained about the change in the first beta."></head>'
    "<body><article><p>Apple is restoring navigation with the Pencil.</p></article></body></html>"
)


def test_a_link_posts_blurb_is_the_linked_pages_when_read_else_the_quote_else_none(
    tmp_path: Path, http_server: LocalServer
) -> None:
    read = http_server.add("/imore/pencil.html", PAGE, content_type="text/html")
    gone = http_server.add("/imore/gone.html", "", status=500)  # not read: the feed's quote
    bare = http_server.add("/elsewhere/bare.html", "", status=500)  # not read, nothing quoted
    entries = [
        LINK_ENTRY.format(n=1, title="Pencilers rejoice", link=read, content=COMMENT + QUOTE),
        LINK_ENTRY.format(n=2, title="Court rules on keys", link=gone, content=COMMENT + QUOTE2),
        LINK_ENTRY.format(n=3, title="Pencil opinions", link=bare, content=COMMENT),
    ]
    feed = http_server.add("/lb.xml", LINK_BLOG.format(entries="\n".join(entries)))
    config = newsletter(tmp_path, [feed], pages=True)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    articles = stored(tmp_path)

    # Read: the page's own blurb (its description, topped up with its lead) and credit.
    page_blurb = (
        "The Apple Pencil will navigate the iPad again in iOS 9.3, after users of the pencil "
        "complained about the change in the first beta. Apple is restoring navigation with the "
        "Pencil."
    )
    pub, authors, blurb = articles["Pencilers rejoice"]
    assert (pub, blurb) == ("iMore", page_blurb)
    assert "Rene Ritchie" in authors
    assert re.search(
        r"Pencilers rejoice\s+Rene Ritchie \|\| iMore\s+" + re.escape(page_blurb), issue
    )
    # Not read: what the feed quotes from the article, in quotation marks, credited to its site.
    quote = (
        '"A federal court ruled on Tuesday that encryption keys are speech under the First '
        'Amendment. The government said it would appeal the decision."'
    )
    assert articles["Court rules on keys"][::2] == ("127.0.0.1", quote)
    assert re.search(r"Court rules on keys\s+127\.0\.0\.1\s+" + re.escape(quote), issue)
    # Nothing quoted and no page: no blurb, and the editor is told.
    assert articles["Pencil opinions"][2] == ""
    assert 'no blurb could be made for "Pencil opinions"' in err
    # The linker's words appear nowhere in the issue, nor his name.
    assert "wrongheaded" not in issue and "nonsense" not in issue
    assert "Lin Kblogger" not in issue


def test_a_feed_name_given_after_a_fetch_leaves_its_link_posts_credited_to_their_sites(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A feed's `name:` given after a fetch credits its stored articles as a fetch now would
    (walk33 #1), and a fetch never credits a link post to the feed: it stays its site's."""
    read = http_server.add("/imore/pencil.html", PAGE, content_type="text/html")
    gone = http_server.add("/imore/gone.html", "", status=500)
    entries = [
        LINK_ENTRY.format(n=1, title="Pencilers rejoice", link=read, content=COMMENT + QUOTE),
        LINK_ENTRY.format(n=2, title="Court rules on keys", link=gone, content=COMMENT + QUOTE2),
    ]
    feed = http_server.add("/lb.xml", LINK_BLOG.format(entries="\n".join(entries)))
    config = newsletter(tmp_path, [feed], pages=True)
    draft = tmp_path / "drafts" / "issue-1.md"
    for args in ((), ("--no-fetch", "--force")):
        code, _, err = run_cli("draft", "--config", str(config), *args)
        assert code == 0, err
        text = draft.read_text(encoding="utf-8")
        assert re.search(r"## Pencilers rejoice\n(.+\n)*publication: iMore\n", text), text
        assert re.search(r"## Court rules on keys\n(.+\n)*publication: 127\.0\.0\.1\n", text)
        assert "Link Blog" not in text
        given = config.read_text(encoding="utf-8")
        config.write_text(given.replace(f"- url: {feed}\n", f"- url: {feed}\n  name: Link Blog\n"))

"""walk96's findings on markup in the editions: an Atom feed's author credited as `Dora ">`,
`curator extract` showing a publication the build never credits, and the text edition."""

from __future__ import annotations

import html
import json
from pathlib import Path

from conftest import LocalServer, copy_demo, run_cli

STORIES = (
    "Customer experience at the library changed after weeks of work on queues and loyalty. The"
    " librarians counted every minute a reader waited at the desk.",
    "A bakery measured customer service by its regulars: loyalty grew when waits shrank. The owner"
    " wrote down each complaint in a notebook by the till.",
)
PUBLISHER = "Pub ![i](javascript:alert(19))"


def _page(n: int) -> str:
    title = f"Customer experience story {n}"
    data = {"@type": "NewsArticle", "headline": title, "publisher": {"name": PUBLISHER}}
    ld = json.dumps(data).replace("</", "<\\/")
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        f'<script type="application/ld+json">{ld}</script></head><body><article><h1>{title}</h1>'
        f"<p>{STORIES[n]}</p><p>{STORIES[n]} More on customer service.</p></article></body></html>"
    )


def _config(folder: Path, feed_url: str, intro: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "feeds.yaml"
    lines = "".join(f"    {line}\n" for line in intro.splitlines())
    config.write_text(
        "newsletter:\n  title: Weekly\n  editor: Walker\n  issue_size: 20\n"
        + (f"  introduction: |\n{lines}" if intro else "")
        + "subjects:\n  - name: The basics of customer experience\n"
        "    description: What customer experience is.\n"
        "    keywords: [customer experience, customer service, customer, loyalty]\n"
        "settings:\n  allow_private_addresses: true\n"
        f"feeds:\n  - url: {feed_url}\n",
        encoding="utf-8",
    )
    return config


def atom_feed(server: LocalServer, authors: tuple[str, ...], titles: tuple[str, ...]) -> str:
    """An Atom feed on `server` of one article per story, with these authors and titles."""
    entries = ""
    for n, (author, title) in enumerate(zip(authors, titles, strict=True)):
        url = server.add(f"/p/{n}.html", _page(n), content_type="text/html")
        entries += (
            f"<entry><title>{html.escape(title)}</title><link href='{url}'/><id>{url}</id>"
            f"<updated>2026-11-1{n}T10:00:00Z</updated><author><name>{html.escape(author)}"
            f"</name></author><summary>{STORIES[n]}</summary></entry>"
        )
    server.add(
        "/atom.xml",
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Hostile</title><id>urn:x</id><updated>2026-11-19T10:00:00Z</updated>{entries}"
        "</feed>",
        content_type="application/atom+xml",
    )
    return server.url("/atom.xml")


def test_an_atom_authors_markup_is_cleaned_like_a_publications(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk96 #3: an Atom author `Dora "><script>alert(4)</script>` was credited as `Dora ">`
    (the feed reader removed the script, and the `">` before it stayed) while the page's
    publisher `Pub ![i](javascript:...)` was credited "Pub"."""
    feed = atom_feed(
        http_server,
        ('Dora "><script>alert(4)</script>', "Carl Ng"),
        ("Customer experience story 0", "Customer experience story 1"),
    )
    config = _config(tmp_path, feed)
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    out = tmp_path / "output"
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    credits = sorted(
        (a["authors"], a["publication"]) for s in data["sections"] for a in s["articles"]
    )
    assert credits == [(["Carl Ng"], "Pub"), (["Dora"], "Pub")]
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "\nDora || Pub\n" in text
    assert '">' not in text


def test_extract_shows_the_publication_a_build_credits(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk96 #3: `curator extract --json` showed the publication `Pub ![i](javascript:...)`
    of a page a build credits as "Pub"."""
    url = http_server.add("/p/0.html", _page(0), content_type="text/html")
    config = _config(tmp_path, http_server.url("/atom.xml"))
    code, stdout, err = run_cli("extract", url, "--json", "--config", str(config))
    assert code == 0, err
    record = json.loads(stdout.splitlines()[0])
    assert record["publication"] == "Pub"


def test_the_warning_on_markup_in_an_author_line_says_what_the_text_edition_shows(
    tmp_path: Path,
) -> None:
    """walk96 #1: the draft warning on an `author:` line holding markup said "every edition shows
    as typed", yet the .txt shows `Zed ![i](javascript:...) "><script>...` without its tags and
    its unsafe link as its text alone: the warning says which editions show it as typed."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    typed = 'Zed ![i](javascript:alert(801)) "><script>alert(802)</script>'
    text = draft.read_text(encoding="utf-8")
    assert "author: Helena Ashworth\n" in text
    draft.write_text(text.replace("author: Helena Ashworth\n", f"author: {typed}\n", 1), "utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    assert "every edition shows as typed" not in said
    assert (
        f'the author "{typed}" holds' in said
        and "which the web, email, Markdown and JSON editions show as typed and the .txt without"
        " its HTML comments and tags that run or load something or have attributes (any other"
        " tag with a space after its <), an unsafe link as its text alone"
        in said
    ), said
    out = config.parent / "output"
    assert html.escape(typed).replace("&quot;", "&#34;") in (out / "issue-1.html").read_text(
        encoding="utf-8"
    )
    # (the script goes with its code, walk173 #9: "alert(802)" was kept as text)
    assert '\nZed i "> || Brightline Insights\n' in (out / "issue-1.txt").read_text(
        encoding="utf-8"
    )


def test_a_backslash_escaped_tag_in_the_introduction_is_text_in_every_edition(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk96 A: the warning's advice "\\< to show a < as it is" gave `Lit \\&lt;script>` in the
    .md and the JSON (shown as the letters "&lt;") and `Lit alert(610)` in the .txt: the `<` is
    text in each (the .txt with a space after it, as an unclosed tag, so that it is no tag)."""
    feed = atom_feed(http_server, ("Carl Ng",), ("Customer experience story 0",))
    intro = r"Lit \<script>alert(610)\</script> and [ok](https://ok.example/611)"
    config = _config(tmp_path, feed, intro)
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    out = tmp_path / "output"
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    assert data["introduction"] == intro
    assert f"\n{intro}\n" in (out / "issue-1.md").read_text(encoding="utf-8")
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "Lit &lt;script&gt;alert(610)&lt;/script&gt; and" in page
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "\nLit < script>alert(610)< /script> and ok <https://ok.example/611>\n" in text
    assert "&lt;" not in text


def test_one_articles_text_never_changes_anothers_in_the_text_edition(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk96 B: the .txt was read as one Markdown document: a title `[1]: javascript:...` (a
    reference definition there) was left out, and another article's title `... [x][1] ref`
    printed `... x ref`. Each line is its own: the definition is made no definition and kept."""
    feed = atom_feed(
        http_server,
        ("Carl Ng", "Ann Lee"),
        ("[1]: javascript:alert(700)", "Customer experience [x][1] ref"),
    )
    config = _config(tmp_path, feed)
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    out = tmp_path / "output"
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "\nCustomer experience [x][1] ref\n" in text, text
    assert "\n[1] : javascript:alert(700)\n" in text, text
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "[1]: javascript:alert(700)" in page and "Customer experience [x][1] ref" in page


def test_a_link_in_the_introduction_to_no_full_address_is_warned_about_with_its_line(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk96 C: an introduction's `[p](javascript%3Aalert(604))` and `[s](//evil.example/606)`
    were published as `<a href="javascript%3Aalert(604)">` and `<a href="//evil.example/606">`
    (relative: nowhere from the email) without a word; the build names each, with its line."""
    feed = atom_feed(http_server, ("Carl Ng",), ("Customer experience story 0",))
    intro = "Odd [p](javascript%3Aalert(604)) here\nand [s](//evil.example/606) [ok](https://ok.example/)"
    config = _config(tmp_path, feed, intro)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert 'the link "p" goes to javascript%3Aalert(604), which is no full web address' in said, (
        said
    )
    assert 'the link "s" goes to //evil.example/606, which is no full web address' in said
    assert "write the whole address, https://..., in" in said
    assert 'the link "ok"' not in said


def test_the_markup_note_counts_only_the_articles_a_feed_stored(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk96 D: a second feed of articles another had already stored (0 new) was named in the
    note on titles holding markup as giving "2 new article(s)": it names the feed that stored
    them, with their count, and not the other."""
    feed = atom_feed(
        http_server,
        ("Carl Ng", "Ann Lee"),
        ("Customer <b>experience</b> story 0", "Customer <b>experience</b> story 1"),
    )
    again = http_server.routes["/atom.xml"].body  # the same feed at a second address
    http_server.add("/again.xml", again, content_type="application/atom+xml")
    config = _config(tmp_path, feed)
    config.write_text(
        config.read_text(encoding="utf-8") + f"  - url: {http_server.url('/again.xml')}\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert "1 feed(s) gave new articles titles holding HTML markup" in said, said
    # (two feeds of one title are told apart by their address, walk143 #6)
    assert f"Hostile ({http_server.url('/atom.xml')}): 2 new article(s), first:" in said, said
    assert said.count("new article(s), first:") == 1, said


def test_markup_removed_from_a_feeds_own_title_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk96 D: a feed titled `Evil <script>alert(710)</script>` was named "Evil" without a word,
    while markup removed from its articles' titles is said; the build says it of the feed too."""
    feed = atom_feed(http_server, ("Carl Ng",), ("Customer experience story 0",))
    route = http_server.routes["/atom.xml"]
    route.body = route.body.replace(
        b"<title>Hostile</title>", b"<title>Evil &lt;script&gt;alert(710)&lt;/script&gt;</title>"
    )
    config = _config(tmp_path, feed)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert "Evil: the feed's own title held HTML markup, which was removed" in said, said
    assert "give the feed a `name:` line in feeds.yaml" in said

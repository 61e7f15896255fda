"""walk159, an accessibility walk (screen readers, html-validate, axe-core, python-bidi) over a
published issue: a sponsor's linked logo with no description was published as an empty link (#1);
a feed's declared language was ignored, so Persian, Hebrew and Chinese articles whose pages say
none were published inside `lang="en"` (#2); an Arabic-script credit read "Global CX Review ||
حسن سارة" in the text and Markdown editions (#3); the Markdown edition carried no language (#4);
the same link text went to different places unsaid (#5); and an English publication's name was
read in the entry's language (#6)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml

from conftest import LocalServer, said_as_one, shared_dir
from conftest import run_cli as run

PERSIAN = (
    "شبکه تراموای تهران گسترش می‌یابد",
    "شهرداری تهران اعلام کرد که شبکه تراموای شهر تا پایان سال آینده گسترش می‌یابد. خط جدید"
    " از میدان آزادی تا میدان انقلاب کشیده می‌شود و هر روز هزاران مسافر را جابجا خواهد کرد.",
)
HEBREW = (
    "הרכבת הקלה בירושלים מאריכה את הקו האדום",
    "הרכבת הקלה בירושלים תאריך את הקו האדום עד שכונת נווה יעקב. העבודות צפויות להימשך שלוש"
    " שנים ולעלות כמיליארד שקלים, והנוסעים מקווים לנסיעה מהירה יותר.",
)
ENGLISH = (
    "Tram networks grow again across Europe",
    "Cities across Europe are building new tram lines again after decades of cuts. Planners say"
    " the tram is cheaper than a metro and quicker to build than most expect.",
)
OTHER_TRAM = (
    "A small tram museum in Porto restored a 1910 tram car with volunteers' help. The tram now"
    " runs on summer Sundays along the river, and tickets sell out within the hour."
)
INTRO = (
    "Welcome to this week's trams.\n"
    "\n"
    "This issue is sponsored by [![](https://cdn.example.com/logo.png)](https://acme.example.com/)"
    " and [](https://empty.example.com/).\n"
    "Our partner is [![Tramco](https://cdn.example.com/t.png)](https://tramco.example.com/).\n"
    "\n"
    "For the timetable [click here](https://a.example.com/times) and for the map"
    " [click here](https://b.example.com/map).\n"
    "\n"
    "Last week's issue: [read more](https://c.example.com/last).\n"
    "\n"
    'Thanks to [](https://club.example.com/ "Tram Club") and [](javascript:alert(1)).\n'
)
RUSSIAN = (
    "Новые трамваи выходят на линии Перми",
    "Город закупил двадцать новых трамваев, и первые из них уже вышли на линии. Мэрия обещает,"
    " что к концу года трамвай будет ходить каждые пять минут.",
)
ARABIC = (
    "عودة الترام إلى شوارع الإسكندرية",
    "أعلنت محافظة الإسكندرية عن خطة لتحديث شبكة الترام التاريخية بتكلفة تبلغ ثلاثة مليارات"
    " جنيه، وتشمل الخطة شراء عربات جديدة مكيفة وتجديد القضبان على طول الكورنيش.",
)


#: A real Chinese page of the shared corpus whose `<html>` declares no language.
CHINESE = shared_dir() / "corpus/articles/newspaper4k/chinese_article_001/source.html"


def _page(title: str, body: str) -> str:
    """An article page that declares no language (as walk159's pages did)."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
        f"<body><article><h1>{escape(title)}</h1><p>{escape(body)}</p></article></body></html>"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One newsletter built once: a Persian RSS feed declaring `<language>fa-IR</language>` whose
    author writes in Arabic script, a Hebrew Atom feed declaring `xml:lang="he"`, a Chinese page
    whose page and feed declare none, and two English articles of the same title."""
    server = LocalServer().start()
    tmp_path = tmp_path_factory.mktemp("walk159")
    try:
        for path, (title, body) in {
            "/fa/1": PERSIAN,
            "/he/1": HEBREW,
            "/en/1": ENGLISH,
            "/en/2": (ENGLISH[0], OTHER_TRAM),
            "/ru/1": RUSSIAN,
            "/ar/1": ARABIC,
        }.items():
            server.add(path, _page(title, body), content_type="text/html; charset=utf-8")
        if CHINESE.is_file():  # (without the shared corpus, the newsletter has no Chinese feed)
            server.add("/zh/1", CHINESE.read_bytes(), content_type="text/html; charset=utf-8")
        fa = server.add(
            "/fa.xml",
            "<rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'><channel>"
            "<title>Global CX Review</title><language>fa-IR</language>"
            f"<item><title>{PERSIAN[0]}</title><link>{server.url('/fa/1')}</link>"
            f"<dc:creator>سارة حسن</dc:creator><description>{PERSIAN[1]}</description>"
            "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>",
        )
        he = server.add(
            "/he.xml",
            "<feed xmlns='http://www.w3.org/2005/Atom' xml:lang='he'><title>Rail Daily</title>"
            f"<id>urn:he</id><updated>2026-12-01T10:00:00Z</updated><entry><id>urn:he:1</id>"
            f"<title>{HEBREW[0]}</title><link href='{server.url('/he/1')}'/>"
            f"<summary>{HEBREW[1]}</summary><updated>2026-12-01T10:00:00Z</updated>"
            "</entry></feed>",
        )
        zh = server.add(
            "/zh.xml",
            "<rss version='2.0'><channel><title>China Daily</title>"
            "<item><title>外国专家：中美合作共赢符合国际社会利益</title>"
            f"<link>{server.url('/zh/1')}</link>"
            "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>",
        )
        en = server.add(
            "/en.xml",
            "<rss version='2.0'><channel><title>Tram Weekly</title>"
            + "".join(
                f"<item><title>{ENGLISH[0]}</title><link>{server.url(p)}</link>"
                f"<pubDate>Tue, 0{i} Dec 2026 10:00:00 GMT</pubDate></item>"
                for i, p in ((1, "/en/1"), (2, "/en/2"))
            )
            + "</channel></rss>",
        )
        # feeds that say no language, of pages that say none either
        plain = [
            server.add(
                f"/{code}.xml",
                f"<rss version='2.0'><channel><title>{name}</title>"
                f"<item><title>{title}</title><link>{server.url(f'/{code}/1')}</link>"
                "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>",
            )
            for code, name, (title, _) in (("ru", "Perm Today", RUSSIAN), ("ar", "Alex", ARABIC))
        ]
        config = tmp_path / "feeds.yaml"
        config.write_text(
            yaml.safe_dump(
                {
                    "newsletter": {
                        "title": "Trams",
                        "language": "en",
                        "introduction": INTRO,
                        "editor": "דנה לוי",
                        "issue_size": 10,
                    },
                    "subjects": [
                        {
                            "name": "Trams",
                            "description": "Trams and light rail.",
                            "keywords": [
                                "tram",
                                "تراموای",
                                "הרכבת",
                                "中美",
                                "合作",
                                "трамваи",
                                "الترام",
                            ],
                        }
                    ],
                    "feeds": [
                        {"url": u}
                        for u in (fa, he, *([zh] if CHINESE.is_file() else []), en, *plain)
                    ],
                    "settings": {"fetch_pages": True, "allow_private_addresses": True},
                },
                allow_unicode=True,
            ),
            encoding="utf-8",
        )
        code, _, err = run("build", "--config", str(config))
        assert code == 0, err
        yield tmp_path / "output", said_as_one(err)
    finally:
        server.stop()


def _entry_div(html: str, title: str) -> str:
    """The opening tag of the entry holding `title` in an HTML edition."""
    start = html.index(title)
    return html[html.rindex('class="entry"', 0, start) - 5 : start].split(">", 1)[0] + ">"


def test_a_link_with_no_words_is_published_with_its_host_and_said(
    built: tuple[Path, str],
) -> None:
    output, said = built
    for name in ("issue-1.html", "fragment.html", "issue-1.email.html"):
        path = output / name
        if not path.exists():
            continue
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<a [^>]*></a>", html), (name, html)
        assert ">acme.example.com</a>" in html, name
        assert ">empty.example.com</a>" in html, name
        # an image with a description inside a link keeps the description as its words
        assert ">Tramco</a>" in html, name
        # a link's title is its words when it has one; one to an unsafe address is cut as before
        assert ">Tram Club</a>" in html and "javascript" not in html.lower(), name
    assert "[acme.example.com](https://acme.example.com/)" in (output / "issue-1.md").read_text(
        encoding="utf-8"
    )
    assert "acme.example.com <https://acme.example.com/>" in (output / "issue-1.txt").read_text(
        encoding="utf-8"
    )
    assert re.search(
        r"feeds\.yaml:\d+ \(`newsletter: introduction`\): the link"
        r" \[!\[\]\(https://cdn\.example\.com/logo\.png\)\]\(https://acme\.example\.com/\) .* every"
        r' edition publishes its address\'s host, "acme\.example\.com", as its words; write the'
        r" words readers should see inside the brackets, a sponsor's name for instance:"
        r" \[!\[Acme\]\(https://cdn\.example\.com/logo\.png\)\]\(https://acme\.example\.com/\)",
        said,
    ), said
    assert '"empty.example.com", as its words' in said, said


def test_an_article_takes_its_feeds_language_else_its_letters(built: tuple[Path, str]) -> None:
    output, said = built
    html = (output / "issue-1.html").read_text(encoding="utf-8")
    # the RSS feed's <language>fa-IR</language>, the Atom feed's xml:lang="he"
    assert _entry_div(html, PERSIAN[0]) == '<div class="entry" lang="fa-IR" dir="rtl">', html
    assert _entry_div(html, HEBREW[0]) == '<div class="entry" lang="he" dir="rtl">', html
    # neither page nor feed says: Chinese characters without kana are Chinese, and said so (the
    # corpus's Chinese page, whose <html> declares no language; CI runs without the corpus)
    if CHINESE.is_file():
        assert _entry_div(html, "外国专家") == '<div class="entry" lang="zh">', html
    assert _entry_div(html, ENGLISH[0]) == '<div class="entry">', html
    # Arabic letters tell the direction alone (Arabic, Persian or Urdu); Cyrillic letters neither
    assert _entry_div(html, ARABIC[0]) == '<div class="entry" dir="rtl">', html
    assert _entry_div(html, RUSSIAN[0]) == '<div class="entry" dir="auto">', html
    assert f'"{RUSSIAN[0]}" (' in said and 'marks it dir="auto"' in said, said
    assert f'"{ARABIC[0]}" (' in said and 'marks it dir="rtl"' in said, said
    data = json.loads((output / "issue-1.json").read_text(encoding="utf-8"))
    languages = {a["title"]: a.get("language") for s in data["sections"] for a in s["articles"]}
    assert languages[PERSIAN[0]] == "fa-IR" and languages[HEBREW[0]] == "he", languages
    if CHINESE.is_file():
        assert (
            '"外国专家：中美合作共赢符合国际社会利益" (https://china.chinadaily.com.cn/a/202311/17/'
            "WS65571297a310d5acd876f404.html): neither its page nor its feed says a language its"
            " letters are written in, and they are not your newsletter's: every HTML edition"
            ' marks it lang="zh"'
        ) in said, said
    # the Persian and Hebrew articles, whose feeds say their language, are not named
    named = said.count("neither its page nor its feed says a language")
    assert named == (3 if CHINESE.is_file() else 2), said


def test_rtl_credits_are_isolated_in_the_text_and_markdown_editions(
    built: tuple[Path, str],
) -> None:
    output, _ = built
    text = (output / "issue-1.txt").read_text(encoding="utf-8")
    markdown = (output / "issue-1.md").read_text(encoding="utf-8")
    assert "\u2068سارة حسن\u2069 || Global CX Review\n" in text, text
    assert "*\u2068سارة حسن\u2069 \\|\\| Global CX Review*" in markdown, markdown
    # a name in a line of other words too
    assert "edited by \u2068דנה לוי\u2069\n" in text, text
    # an English credit stays as it was, byte for byte
    english = text[text.index(ENGLISH[0]) : text.index(ENGLISH[1][:40])]
    assert "\nTram Weekly\n" in english and "\u2068" not in english, english


def test_the_markdown_edition_marks_an_entry_in_another_language(
    built: tuple[Path, str],
) -> None:
    output, _ = built
    markdown = (output / "issue-1.md").read_text(encoding="utf-8")
    block = markdown[markdown.index('<div lang="fa-IR" dir="rtl" markdown="1">') :]
    block = block[: block.index("</div>")]
    assert PERSIAN[0] in block and "Global CX Review" in block and PERSIAN[1][:20] in block
    assert '<div lang="he" dir="rtl" markdown="1">' in markdown
    assert '<div dir="auto" markdown="1">' in markdown
    english = markdown[markdown.index(ENGLISH[0]) - 200 : markdown.index(ENGLISH[0])]
    assert "<div" not in english, markdown


def test_the_same_link_words_to_two_places_are_said(built: tuple[Path, str]) -> None:
    _, said = built
    assert (
        f'two featured articles are titled "{ENGLISH[0]}" and link to different places' in said
    ), said
    assert re.search(r"http://127\.0\.0\.1:\d+/en/2 and http://127\.0\.0\.1:\d+/en/1", said)
    assert "correct one title in" in said
    assert (
        'the introduction links the words "click here" to 2 different places'
        " (https://a.example.com/times and https://b.example.com/map)"
    ) in said, said
    assert (
        'the introduction links the words "read more" to https://c.example.com/last: read out of'
        " their sentence (a screen reader's list of links) they say nothing of where it goes"
    ) in said, said


def test_a_latin_publication_in_a_persian_entry_keeps_the_newsletters_language(
    built: tuple[Path, str],
) -> None:
    output, _ = built
    html = (output / "issue-1.html").read_text(encoding="utf-8")
    assert '<bdi>سارة حسن</bdi> || <bdi lang="en">Global CX Review</bdi>' in html, html
    assert "<bdi>Tram Weekly</bdi>" in html


def test_render_of_a_corrected_introduction_says_its_link_with_no_words(
    built: tuple[Path, str],
) -> None:
    output, _ = built
    data = json.loads((output / "issue-1.json").read_text(encoding="utf-8"))
    data["introduction"] = (
        "Thanks to\n[![](https://cdn.example.com/l.png)](https://www.acme.example.com/)."
    )
    (output / "issue-1.json").write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(output.parent / "feeds.yaml"))
    assert code == 0, err
    said = said_as_one(err)
    assert f"the introduction in {output / 'issue-1.json'}, line 2: the link" in said, said
    assert '"acme.example.com", as its words' in said, said
    html = (output / "issue-1.html").read_text(encoding="utf-8")
    assert (
        '<a href="https://www.acme.example.com/" rel="noopener noreferrer">acme.example.com</a>'
        in html
    )


def test_a_draft_build_says_a_link_with_no_words_in_its_introduction_and_a_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    http_server.add("/en/1", _page(*ENGLISH), content_type="text/html; charset=utf-8")
    feed = http_server.add(
        "/en.xml",
        "<rss version='2.0'><channel><title>Tram Weekly</title>"
        f"<item><title>{ENGLISH[0]}</title><link>{http_server.url('/en/1')}</link>"
        "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {
                    "title": "Trams",
                    "introduction": "Sponsored by [](https://acme.example.com/).",
                },
                "subjects": [{"name": "Trams", "description": "Trams.", "keywords": ["tram"]}],
                "feeds": [{"url": feed}],
                "settings": {"fetch_pages": True, "allow_private_addresses": True},
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    blurb = ENGLISH[1].split(". ")[0]
    assert blurb in text, text
    text = text.replace(blurb, blurb + " (see [](https://www.report.example.com/r.pdf))", 1)
    draft.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--draft", str(draft), "--config", str(config), "-q")
    assert code == 0, err
    said = said_as_one(err)
    assert f"{draft}:" in said and '"acme.example.com", as its words' in said, said
    assert re.search(
        rf"{re.escape(str(draft))}:\d+: the blurb under line \d+: the link"
        r" \[\]\(https://www\.report\.example\.com/r\.pdf\) .*\"report\.example\.com\", as its words",
        said,
    ), said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert ">report.example.com</a>" in html and ">acme.example.com</a>" in html, html


def test_render_says_a_wordless_logo_link_as_written_and_as_published(
    built: tuple[Path, str],
) -> None:
    """walk163 N11: `curator render` quoted `[](https://acme.example.com/)`, which the file held
    no more (render writes it back as published), dropped the picture from its advice and
    offered "Acme" as every sponsor's name; N12: the same words to one place written with and
    without its last "/" were said to go to two places."""
    output, _ = built
    json_file = output / "issue-1.json"
    data = json.loads(json_file.read_text(encoding="utf-8"))
    data["introduction"] = (
        "Sponsored by [![](https://cdn.example.com/acme-logo.png)](https://acme.example.com/)"
        " and [![ ](https://cdn.example.com/b.png)](https://b.example.com/).\n"
        "\n"
        "See [the map](https://Maps.example.com/b) and later"
        " [the map](https://maps.example.com:443/b/#top)."
    )
    json_file.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(output.parent / "feeds.yaml"))
    assert code == 0, err
    said = said_as_one(err)
    at = f"the introduction in {json_file}, line 1: the link"
    # quoted as the editor wrote it, the picture kept in the advice, each sponsor's own name
    assert (
        f"{at} [![](https://cdn.example.com/acme-logo.png)](https://acme.example.com/) to"
        " https://acme.example.com/ has a picture with no description"
    ) in said, said
    assert (
        f"{at} [![ ](https://cdn.example.com/b.png)](https://b.example.com/) to"
        " https://b.example.com/ has a picture with no description"
    ) in said, said
    assert (
        '"b.example.com", as its words; write the words readers should see inside the brackets,'
        " a sponsor's name for instance: [![B](https://cdn.example.com/b.png)]"
        f"(https://b.example.com/) in {json_file} in place of"
        " [b.example.com](https://b.example.com/), which it holds now, as published"
    ) in said, said
    assert "[![Acme](https://cdn.example.com/acme-logo.png)](https://acme.example.com/)" in said
    assert "[Acme](https://b.example.com/)" not in said and " [](https" not in said, said
    # what the file holds now is what the warning says it holds
    now = json.loads(json_file.read_text(encoding="utf-8"))["introduction"]
    assert "[acme.example.com](https://acme.example.com/)" in now, now
    assert "[b.example.com](https://b.example.com/)" in now, now
    # one place, written twice (host's capitals, default port, last "/", fragment)
    assert 'the words "the map"' not in said, said

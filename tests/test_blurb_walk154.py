"""walk154's findings on blurbs: a feed's summary whose lead opened with a Markdown-like `> ` or
`- ` marker, or sat before a `===` run, lost that lead (and was warned "one sentence"); a page's
short closing sentence ("Пассажиры довольны.") was dropped; a Tibetan page (sentences ending ། )
had "no sentence that could be one"."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import yaml

from conftest import LocalServer, run_cli

QUOTED = (
    "> Trams are late again, riders said on Monday after a signal failure. The operator"
    " apologised for the delays. Service resumed by noon."
)
UNDERLINED = (
    "The tram depot expanded this year. === It now holds fifty cars. Staff numbers grew too."
)
LISTED = (
    "- The tram carried a record crowd this weekend. + The new line opens next year. * Fares"
    " stay the same."
)
#: Each summary (a feed without pages) -> the blurb it publishes.
SUMMARIES = {
    "Late trams again": (QUOTED, QUOTED[2:]),
    "Tram depot": (
        UNDERLINED,
        "The tram depot expanded this year. It now holds fifty cars. Staff numbers grew too.",
    ),
    "Record tram crowd": (
        LISTED,
        "The tram carried a record crowd this weekend. The new line opens next year. Fares stay"
        " the same.",
    ),
}
RU = "В Казани запустили новый трамвай. Он ходит каждые пять минут. Пассажиры довольны."
HE = "החשמלית החדשה בחיפה יצאה לדרך. היא עוברת בשכונות רבות. התושבים מרוצים."
BO = "ལྷ་སར་གློག་འཁོར་གསར་པ་འགོ་བཙུགས་པ་རེད། ། མི་མང་པོ་དགའ་པོ་བྱུང་། ། ལོ་རྗེས་མར་ལམ་རིང་དུ་གཏོང་རྒྱུ་རེད། །"
#: Each page (title, language, its one paragraph), published whole as its blurb.
PAGES = {
    "Трамвай в Казани": ("ru", RU),
    "חשמלית חדשה בחיפה": ("he", HE),
    "ལྷ་སའི་གློག་འཁོར།": ("bo", BO),
}


def _page(lang: str, title: str, text: str) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><article><h1>{html.escape(title)}</h1>"
        f"<p>{html.escape(text)}</p></article></body></html>"
    ).encode()


def _feed(server: LocalServer, name: str, items: list[tuple[str, str, str]]) -> str:
    now = datetime.now(UTC)
    rows = "".join(
        f"<item><title>{html.escape(title)}</title><link>{url}</link><guid>{url}</guid>"
        f"<pubDate>{format_datetime(now - timedelta(hours=number + 1))}</pubDate>"
        f"<description>{html.escape(summary)}</description></item>"
        for number, (title, url, summary) in enumerate(items)
    )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{name}</title><link>{server.base}/</link><description>x</description>{rows}"
        "</channel></rss>"
    )
    return server.add(f"/{name}.xml", feed.encode("utf-8"))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    """One build of a feed read without its pages and one whose pages are read: (its stderr,
    each article's published blurb by title from issue-1.json)."""
    tmp_path = tmp_path_factory.mktemp("walk154")
    server = LocalServer().start()
    try:
        summaries = [
            (title, f"{server.base}/s/{number}.html", summary)
            for number, (title, (summary, _)) in enumerate(SUMMARIES.items())
        ]
        pages = [
            (
                title,
                server.add(
                    f"/p/{number}.html",
                    _page(lang, title, text),
                    content_type="text/html; charset=utf-8",
                ),
                "",
            )
            for number, (title, (lang, text)) in enumerate(PAGES.items())
        ]
        config = {
            "newsletter": {"title": "Trams", "editor": "Ed"},
            "subjects": [
                {"name": "Trams", "keywords": ["tram"]},
                {"name": "Abroad", "keywords": ["трамвай", "חשמלית", "གློག་འཁོར"]},
            ],
            "feeds": [
                {
                    "url": _feed(server, "summaries", summaries),
                    "name": "Tram News",
                    "fetch_pages": False,
                },
                {"url": _feed(server, "pages", pages), "name": "Tram Pages"},
            ],
            "settings": {"allow_private_addresses": True, "timeout": 5},
        }
        path = tmp_path / "feeds.yaml"
        path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
        code, _, err = run_cli("build", "--config", str(path), "--all-subjects")
    finally:
        server.stop()
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    blurbs = {
        article["title"]: article["blurb"]
        for section in issue["sections"]
        for article in section["articles"]
    }
    return err, blurbs


def test_a_summarys_markdown_markers_do_not_cost_its_lead(
    published: tuple[str, dict[str, str]],
) -> None:
    """walk154 NEW-4: "> Trams are late again, ..." published without its lead; "... this year.
    === It now holds ..." as "Staff numbers grew too." and warned "is one sentence"; a "- ... +
    ... * ..." summary had "no blurb". The markers are punctuation, dropped: every sentence stays."""
    err, blurbs = published
    for title, (_, blurb) in SUMMARIES.items():
        assert blurbs[title] == blurb, (title, blurbs[title])
    said = " ".join(err.split())
    assert "is one sentence" not in said and "no blurb could be made" not in said, err


def test_a_short_closing_sentence_and_tibetan_sentences_stay(
    published: tuple[str, dict[str, str]],
) -> None:
    """walk154 N-a: "Пассажиры довольны." and "התושבים מרוצים." were dropped from their pages'
    blurbs (then warned "may be a few headlines"); a Tibetan page, its sentences ending ། , had
    "no sentence that could be one". Each page's paragraph is its blurb, whole."""
    err, blurbs = published
    for title, (_, text) in PAGES.items():
        assert " ".join(blurbs[title].split()) == " ".join(text.split()), (title, blurbs[title])
    said = " ".join(err.split())
    assert "no sentence that could be one" not in said, err
    assert f'the blurb of "{next(iter(PAGES))}"' not in said, err  # "may be a few headlines"

"""Walk 40: a feed's title damaged where its page has the whole one (cut off, in capitals, with a
label or a site's name the suffix rule missed) is published as the page gives it; a site named only
by its <title>'s "_Site" segment is the publication; a syndication agency's name in the page's
JSON-LD does not hide the newspaper's own og:site_name."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import LocalServer, run_cli
from tests.test_page_titles import NEWS_PAGE, build_issue, one_item_feed, saved_page

SCRAPINGHUB = "articles/scrapinghub/html"
NEWSWEEK = f"{SCRAPINGHUB}/7f93c1944a41d01960f8a16"
WEED = (
    "Cannabis use disorder is becoming more common in states where the drug is legal, according"
    " to a study of survey data. Researchers compared states before and after legalization."
)


def corpus_page(corpus: Path, prefix: str, tmp_path: Path) -> bytes:
    """The scrapinghub page whose file name starts with `prefix`, as bytes."""
    folder = corpus / SCRAPINGHUB
    found = sorted(folder.glob(f"{Path(prefix).name}*.html.gz")) if folder.is_dir() else []
    name = str(found[0].relative_to(corpus)) if found else prefix + ".html.gz"
    return saved_page(corpus, name, tmp_path).read_bytes()


def feed_of(server: LocalServer, name: str, page: bytes | str, title: str, feed: str) -> str:
    escaped = title.replace("&", "&amp;").replace("<", "&lt;")
    return one_item_feed(
        server,
        name,
        feed,
        page.decode("utf-8") if isinstance(page, bytes) else page,
        f"<title>{escaped}</title><description>A story.</description>",
    )


def test_a_cut_off_feed_title_gives_way_to_the_pages_whole_title(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """Newsweek's feed cut its title ("... in U.S. state…") while the page gives it whole (in title
    case); the LA Times' feed cut one ("... signal a…") whose whole text is the page's <h1>, not
    its <title>. Each issue shows the whole title; a cut title the page does not continue stays."""
    latimes = corpus_page(corpus, f"{SCRAPINGHUB}/8634d1211c3f2b73041e6ca", tmp_path)
    other = NEWS_PAGE.format(title="Grid operators plan for winter", head="", text=WEED)
    feeds = [
        feed_of(
            http_server,
            "newsweek",
            corpus_page(corpus, NEWSWEEK, tmp_path),
            "Cannabis use disorder is rising in U.S. state\u2026",
            "Newsweek",
        ),
        feed_of(
            http_server,
            "latimes",
            latimes,
            "Column: The Gannett/GateHouse merger sends a dismal signal a\u2026",
            "Los Angeles Times",
        ),
        feed_of(http_server, "other", other, "Winter is coming for the grid...", "Grid News"),
    ]
    credits = build_issue(tmp_path, "cannabis, gannett, grid, story", feeds)
    assert sorted(credits) == [
        "Cannabis Use Disorder is Rising in U.S. States Where Weed is Legal",
        "Column: The Gannett/GateHouse merger sends a dismal signal about the future of local news",
        "Winter is coming for the grid...",
    ]


def test_curator_extract_shows_the_title_the_newsletter_publishes(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """`curator extract` showed only the page's title, where the issue published the feed's
    (walk 40: the damaged titles were seen only in the issue). With the newsletter's store, it
    shows the stored title too when it differs; not when it is the page's."""
    page = NEWS_PAGE.format(title="Grid operators plan for winter", head="", text=WEED)
    same = NEWS_PAGE.format(title="Cannabis use is rising", head="", text=WEED)
    feeds = [
        feed_of(http_server, "other", page, "Winter is coming for the grid", "Grid News"),
        feed_of(http_server, "same", same, "Cannabis use is rising", "Grid News"),
    ]
    build_issue(tmp_path, "cannabis, grid", feeds)
    config = str(tmp_path / "feeds.yaml")
    code, out, err = run_cli("extract", "--config", config, http_server.url("/other.html"))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Grid operators plan for winter"
    assert "  your newsletter's title: Winter is coming for the grid" in lines
    code, out, err = run_cli("extract", "--config", config, http_server.url("/same.html"))
    assert code == 0, err
    assert "your newsletter's title" not in out
    code, out, err = run_cli(
        "extract", "--json", "--config", config, http_server.url("/other.html")
    )
    assert json.loads(out)["stored"]["title"] == "Winter is coming for the grid"


def test_a_feed_title_in_capitals_gives_way_to_the_pages(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """wired_001's feed wrote its title in capitals; the page has the same words in normal case.
    A capitals title whose page says something else stays as the feed wrote it."""
    wired = saved_page(corpus, "articles/newspaper4k/wired_001/source.html.gz", tmp_path)
    other = NEWS_PAGE.format(title="Grid operators plan for winter", head="", text=WEED)
    feeds = [
        feed_of(
            http_server,
            "wired",
            wired.read_bytes(),
            "INTENSIFIED ISRAELI SURVEILLANCE HAS PUT THE WEST BANK ON LOCKDOWN",
            "Wired",
        ),
        feed_of(http_server, "other", other, "NASA FINDS WATER ON THE MOON", "Grid News"),
    ]
    credits = build_issue(tmp_path, "surveillance, grid, story", feeds)
    assert sorted(credits) == [
        "Intensified Israeli Surveillance Has Put the West Bank on Lockdown",
        "NASA FINDS WATER ON THE MOON",
    ]


def test_a_feed_titles_site_segment_and_labels_are_dropped(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """ " - CNNPolitics" (the site's name and a section, written as one word) goes; so do "VIDEO:"
    and "(updated)" that the page's own headline does not carry. "Analysis:" stays: it tells the
    reader what kind of piece it is."""
    cnn = saved_page(corpus, "articles/newspaper4k/cnn_test_nlp/source.html.gz", tmp_path)
    verge = corpus_page(corpus, f"{SCRAPINGHUB}/785affa2c34e6e4844ef080", tmp_path)
    trade = corpus_page(corpus, f"{SCRAPINGHUB}/d605bdef2cde7308a9f2fbd", tmp_path)
    health = corpus_page(corpus, f"{SCRAPINGHUB}/ef4e67b66d63b5facef55c0", tmp_path)
    gates = "Gates on Tillerson and Russia: 'You can be friendly without being friends'"
    feeds = [
        feed_of(http_server, "cnn", cnn.read_bytes(), f"{gates} - CNNPolitics", "CNN"),
        feed_of(
            http_server,
            "verge",
            verge,
            "VIDEO: Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct",
            "The Verge",
        ),
        feed_of(
            http_server,
            "trade",
            trade,
            "Investors don't seem to know what to make of the US-China trade war (updated)",
            "CNN Business",
        ),
        feed_of(
            http_server,
            "health",
            health,
            "Analysis: Why you just can't trust the White House on Donald Trump's health",
            "CNN",
        ),
    ]
    credits = build_issue(tmp_path, "tillerson, trek, investors, trump, story", feeds)
    assert sorted(credits) == [
        "Analysis: Why you just can't trust the White House on Donald Trump's health",
        gates,
        "Investors don't seem to know what to make of the US-China trade war",
        "Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct",
    ]


def test_a_chinese_titles_site_segment_is_the_publication_and_leaves_the_title(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """gmw's and qq's <title> end "_探索者 _光明网", "_科技_腾讯网" (a section, the site) and the page
    names its site nowhere else: the issue credits 光明网 and 腾讯网, not the feed's title, and the
    titles (the feed's and, in `curator extract`, the page's) lose the section and the site."""
    gmw = saved_page(corpus, "articles/readability/gmw/source.html", tmp_path)
    qq = saved_page(corpus, "articles/readability/qq/source.html", tmp_path)
    gmw_title = "宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网"
    qq_title = "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网"
    feeds = [
        feed_of(http_server, "gmw", gmw.read_bytes(), gmw_title, "Own Pages"),
        feed_of(http_server, "qq", qq.read_bytes(), qq_title, "Own Pages"),
    ]
    credits = build_issue(tmp_path, "NASA, Aldrin, DeepMind, 宇航员, 太空", feeds)
    assert credits == {
        "宇航员在太空中喝酒会怎么样？后果很严重": "肖春芳 || 光明网",
        "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶": "腾讯网",
    }
    code, out, err = run_cli("extract", "--json", str(gmw), str(qq))
    assert code == 0, err
    shown = [
        (r["title"], r["issue_title"], r["publication"])
        for r in map(json.loads, out.split("\n")[:2])
    ]
    assert shown == [
        (gmw_title, "宇航员在太空中喝酒会怎么样？后果很严重", "光明网"),
        (qq_title, "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", "腾讯网"),
    ]


def test_a_newspaper_is_credited_over_the_agency_its_json_ld_names(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """The Connecticut Post's and the Express-News' pages name the Associated Press as JSON-LD
    publisher and themselves in og:site_name, as SFGate's page of the same template does: each is
    credited to the newspaper, as SFGate was already."""
    feeds = []
    for name, prefix in (
        ("ctpost", "a6968f427cdb78"),
        ("express", "eecd2575093b85"),
        ("sfgate", "aec5deeaada8b2"),
    ):
        page = corpus_page(corpus, f"{SCRAPINGHUB}/{prefix}", tmp_path)
        feeds.append(
            one_item_feed(
                http_server,
                name,
                "Wire stories",
                page.decode("utf-8"),
                "<description>A story.</description>",
            )
        )
    credits = build_issue(tmp_path, "patrick, lebron, debate, story", feeds)
    assert {title[:20]: credit.rsplit("|| ", 1)[-1] for title, credit in credits.items()} == {
        "Deval Patrick takes ": "Connecticut Post",
        "LeBron sets triple-d": "San Antonio Express-News",
        "7 key questions head": "SFGate",
    }
    code, out, err = run_cli(
        "extract",
        str(
            saved_page(
                corpus,
                next((corpus / SCRAPINGHUB).glob("a6968f427cdb78*")).relative_to(corpus).as_posix(),
                tmp_path,
            )
        ),
    )
    assert code == 0, err
    assert out.splitlines()[1].endswith("|| Connecticut Post"), out


def test_an_identifier_with_underscores_in_a_title_names_no_site(tmp_path: Path) -> None:
    """ "config_file.py" at a title's end is a word of the title, not "_Site": the page names no
    site and its title stays whole."""
    page = tmp_path / "page.html"
    page.write_text(
        NEWS_PAGE.format(title="How to read a settings config_file.py", head="", text=WEED),
        encoding="utf-8",
    )
    code, out, err = run_cli("extract", "--json", str(page))
    assert code == 0, err
    record = json.loads(out)
    assert record["publication"] is None
    assert record["issue_title"] == "How to read a settings config_file.py"

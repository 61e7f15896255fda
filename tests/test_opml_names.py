"""`curator feeds import` writes an OPML outline's title as `name:` (which beats every other name
in the credit line) only when it names the feed's site: a feed reader's section titles ("World",
"World News") would otherwise be credited as the publication (walk3 #3: "Erin Cunningham ||
World" for the Washington Post). Real OPML files of the corpus, on a copy of the demo newsletter."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from curator.cli import cli
from curator.config_load import load_config


def opml(corpus: Path, name: str) -> Path:
    path = corpus / "opml" / name
    if not path.is_file():
        pytest.skip(f"the corpus OPML file {path} is missing")
    return path


def imported(config: Path, source: Path) -> tuple[int, str, str, dict[str, str | None]]:
    """`curator feeds import` of `source`: exit code, stdout, stderr, and each feed's written
    `name:` (None when left out) by URL, read back from feeds.yaml."""
    result = CliRunner().invoke(
        cli, ["feeds", "import", "--no-check", "--config", str(config), str(source)]
    )
    written = yaml.safe_load(config.read_text(encoding="utf-8"))["feeds"]
    names = {f["url"]: f.get("name") for f in written}
    return result.exit_code, result.stdout, result.stderr, names


WAPO = "http://feeds.washingtonpost.com/rss/world"
REDDIT = "https://www.reddit.com/r/worldnews/.rss"


def test_section_titles_are_no_names_and_a_titles_site_part_is(demo: Path, corpus: Path) -> None:
    news = opml(corpus, "awesome-rss-feeds/News.opml")
    code, out, err, names = imported(demo, news)
    assert code == 0, err
    assert out == f"Imported 11 feed(s) into {demo}.\n"
    # Section titles and a reader's labels: no name, so the build credits the publisher's own.
    for url in (WAPO, REDDIT, "https://rss.nytimes.com/services/xml/rss/nyt/World.xml"):
        assert names[url] is None, url
    # A title in parts keeps the one part that names the site.
    assert names["https://www.theguardian.com/world/rss"] == "The Guardian"
    assert names["https://news.google.com/rss"] == "Google News"
    assert names["http://rss.cnn.com/rss/edition_world.rss"] == "CNN.com"
    # The demo's own feeds keep their names.
    assert names["feeds/northwind.xml"] == "Northwind CX Journal"
    # The outline's title stays beside its feed, as a comment, for the editor to see.
    text = demo.read_text(encoding="utf-8")
    assert f'- url: {WAPO}  # OPML title: "World" -- not the site\'s name, so no name:' in text
    assert (
        '# OPML title: "World news | The Guardian" -- name: keeps its part naming the site' in text
    )
    # The config still loads, and the Washington Post feed has no name to beat the page's.
    sources = {f.url: f for f in load_config(demo).feeds}
    assert sources[WAPO].name is None and sources[REDDIT].name is None
    # The editor is told which titles were left out or cut, and what a name: would do.
    assert (
        f"7 feed title(s) of {news} do not name the feed's site, so they were not written as"
        " `name:`"
    ) in err
    assert f"  World ({WAPO})\n" in err
    assert f"  World News ({REDDIT})\n" in err
    assert "4 feed title(s) were cut to the part that names the site:" in err
    assert "  World news | The Guardian -> name: The Guardian (https://www.theguardian.com/" in err
    assert (
        "A feed without `name:` is credited to its pages' site name, else the feed's own title;"
        f" to credit a name of your own, write `name:` under the feed in {demo}."
    ) in err


def test_a_blogs_own_name_is_written_as_its_name(demo: Path, corpus: Path) -> None:
    code, _, err, names = imported(demo, opml(corpus, "rsparser/Subs.opml"))
    assert code == 0, err
    # Titles that name their sites, as a person's subscriptions mostly do.
    assert names["http://daringfireball.net/feeds/main"] == "Daring Fireball"
    assert names["http://9to5mac.com/feed/"] == "9to5Mac"
    assert names["http://onefoottsunami.com/feed/atom/"] == "One Foot Tsunami"
    # A personal blog whose title does not name its address: no name, its own title is used.
    assert names["http://jvns.ca/atom.xml"] is None
    named = [n for url, n in names.items() if url.startswith("http") and n]
    assert len(named) > len(names) // 2
    # A hosted blog whose address cannot tell (tumblr.com) gets no name: its own title is used.
    assert names["http://mentalfaculty.tumblr.com/rss"] is None


def test_a_name_is_never_cut_inside_brackets(demo: Path, corpus: Path) -> None:
    """walk23: "Collin Donnell (collin donnell » feed)" was written as `name: Collin Donnell
    (collin donnell`, a broken name every article of the feed would be credited with."""
    code, out, err, names = imported(demo, opml(corpus, "rsparser/Subs.opml"))
    assert code == 0, err
    assert names["http://feedpress.me/collindonnell"] == "Collin Donnell"
    assert "-> name: Collin Donnell (collin donnell\n" not in out + err
    for name in names.values():
        if name:
            assert name.count("(") == name.count(")"), name
            assert name.count("[") == name.count("]"), name


def test_a_title_holding_bars_is_no_name_and_the_list_still_loads(
    demo: Path, tmp_path: Path
) -> None:
    """An OPML title with "||" in it, which feeds.yaml refuses as a name (walk155 #1: the issue
    prints "||" between author and publication), is written as no `name:` and said, so the
    imported list still loads."""
    source = tmp_path / "bars.opml"
    source.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="Small Weekly || Journal" title="Small Weekly || Journal" type="rss"'
        ' xmlUrl="https://smallweekly.example/feed" htmlUrl="https://smallweekly.example/"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    code, _out, err, names = imported(demo, source)
    assert code == 0, err
    assert names["https://smallweekly.example/feed"] is None
    assert "the title 'Small Weekly || Journal' of https://smallweekly.example/feed was not" in err
    assert 'written as `name:`: it holds "||"' in err
    listed = CliRunner().invoke(cli, ["feeds", "list", "--config", str(demo)])
    assert listed.exit_code == 0, listed.stderr

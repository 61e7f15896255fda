"""walk53: which articles make each issue. A story told again under another address (a
syndicated copy) is not featured in a later issue unless the editor asks; a draft naming one
article twice by an address variant is told so; the advice to feature an article again can be
pasted as written; the fetch counts what it stored."""

from __future__ import annotations

import json
import random
from pathlib import Path
from xml.sax.saxutils import escape

from conftest import run_cli as run
from conftest import sans_config

BREW = "https://brewdaily.example/2026"
CONFIG = """newsletter:
  title: Bean Notes
  issue_size: 3
subjects:
  - name: Coffee
    description: Coffee, espresso and the people who make it.
    keywords: [coffee, espresso, beans, roast]
feeds:
"""
_VOCABULARY = (
    "grinder burr crema kettle filter bloom ratio dose shot crust aroma body acidity sweetness"
    " harvest farm altitude washed natural honey process cupping score blend origin single"
    " estate roaster drum airflow first crack development cooling storage valve bag freshness"
    " water mineral hardness temperature pour spiral pulse drawdown bed channel puck tamp"
    " basket portafilter pressure pump boiler steam milk texture latte flat white cortado"
)
_WORDS = _VOCABULARY.split()


def text(n: int) -> str:
    """A coffee article's text of its own: 60 words drawn for article `n`."""
    pick = random.Random(n)
    return "Coffee and espresso beans: " + " ".join(pick.choice(_WORDS) for _ in range(60)) + "."


def title(n: int) -> str:
    return f"Coffee notes number {n}: {' '.join(random.Random(-n).sample(_WORDS, 3))}"


def write_feed(folder: Path, name: str, items: list[tuple[str, str, str, int]]) -> str:
    """A local RSS file of (title, link, text, day of December) items; its feeds.yaml entry."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<pubDate>Tue, {day:02d} Dec 2026 08:00:00 GMT</pubDate>"
        f"<description>{escape(x)}</description></item>"
        for t, link, x, day in items
    )
    (folder / f"{name.split()[0].lower()}.xml").write_text(
        f'<rss version="2.0"><channel><title>{name}</title>{body}</channel></rss>',
        encoding="utf-8",
    )
    return f"  - url: {name.split()[0].lower()}.xml\n    name: {name}\n    fetch_pages: false\n"


def newsletter(
    tmp_path: Path,
    *,
    copies: bool = False,
    roundup: bool = False,
    query: str = "",
    articles: int = 6,
) -> Path:
    """Brew Daily's `articles` coffee articles (1 newest), their addresses ending in `query`; with
    `copies`, Bean Wire's copy of article 4 under its own address; with `roundup`, a link feed of
    Brew Daily's own articles by tracking links, nothing of its own."""
    feeds = write_feed(
        tmp_path,
        "Brew Daily",
        [(title(n), f"{BREW}/coffee-{n}{query}", text(n), 5 - n) for n in range(1, articles + 1)],
    )
    if copies:
        feeds += write_feed(
            tmp_path,
            "Bean Wire",
            [(title(4), "https://beanwire.example/syndicated/4", text(4), 4)],
        )
    if roundup:
        feeds += write_feed(
            tmp_path,
            "Link Roundup",
            [
                (title(n), f"{BREW}/coffee-{n}?utm_source=rss&fbclid=1", text(n), 5 - n)
                for n in (2, 3)
            ],
        )
    config = tmp_path / "feeds.yaml"
    config.write_text(CONFIG + feeds, encoding="utf-8")
    return config


def featured(tmp_path: Path, number: int) -> list[str]:
    data = json.loads((tmp_path / "output" / f"issue-{number}.json").read_text(encoding="utf-8"))
    return [a["url"] for s in data["sections"] for a in s["articles"]]


def draft_of(config: Path, number: int) -> Path:
    code, _, err = run("draft", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    return config.parent / "drafts" / f"issue-{number}.md"


def test_an_article_named_twice_by_an_address_with_a_trailing_slash_is_a_mistake_of_the_draft(
    tmp_path: Path,
) -> None:
    """walk53 #2: `## URL/` beside the article's own block crashed the build with
    sqlite3.IntegrityError (exit 1); the exact address twice was told as a mistake of the draft."""
    config = newsletter(tmp_path)
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    path = draft_of(config, 1)
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("url: "))
    url = lines[first].removeprefix("url: ")
    lines[first + 1 : first + 1] = ["", f"## {url}/", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 2, err
    assert "Traceback" not in err and "IntegrityError" not in err
    assert (
        f"{path}:{first + 3}: this article is in the draft twice (also at line {first}); delete one"
    ) in err
    assert not (tmp_path / "output" / "issue-1.html").exists()


def test_the_advice_to_feature_an_article_again_can_be_pasted_as_it_is_written(
    tmp_path: Path,
) -> None:
    """walk53 #3: an issue-1 article added again by a tracking link was advised as
    `feature_again: [URL?utm_source=x&fbclid=1]`, which is no valid YAML pasted (its '?'), and
    the error then said "a title with ': ' in it needs quotes". The advice gives the stored
    address, quoted when YAML needs it, and the error's hint is about the address."""
    config = newsletter(tmp_path, query="?id=7")
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    url = featured(tmp_path, 1)[0]
    path = draft_of(config, 2)
    text = path.read_text(encoding="utf-8")
    at = text.index("\n## ", text.index("\n# Coffee"))
    text = text[:at] + f"\n## {url}&utm_source=x&fbclid=1\n" + text[at:]
    path.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 2, err
    advice = f'feature_again: ["{url}"]'
    assert f"list it in the front matter: {advice}\n" in err, err

    # Written bare, the list is no YAML: the hint says to quote the address.
    bare = text.replace("\n---\n", f"\nfeature_again: [{url}]\n---\n", 1)
    path.write_text(bare, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 2, err
    assert "not valid YAML" in err and "a title with" not in err
    assert (
        "an address with ?, &, ',' or ': ' in it needs double quotes in the list: feature_again:"
        ' ["https://example.com/post?id=1"]'
    ) in err

    # Pasted as advised, it is featured again.
    path.write_text(text.replace("\n---\n", f"\n{advice}\n---\n", 1), encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 0, err
    assert url in featured(tmp_path, 2)


def test_a_feed_whose_new_entries_were_stored_from_another_feed_says_so(tmp_path: Path) -> None:
    """walk53 #6: "Link Roundup: 6 entries, 6 new" when all 6 were Brew Daily's articles by
    tracking links, stored once as Brew Daily's: the lines added up to more than was stored."""
    config = newsletter(tmp_path, roundup=True)
    code, out, err = run("fetch", "--config", str(config))
    assert code == 0, err
    assert out == "6 new article(s) stored.\n"
    assert (
        "  Link Roundup: 2 of its new entries were stored already as articles of Brew Daily (the"
        " same pages by other links), so 0 stored from it\n"
    ) in err
    assert "Brew Daily: 2 of its" not in err
    # --json counts per feed what was stored, and says how many were stored already, by whom.
    tmp = tmp_path / "again"
    tmp.mkdir()
    config = newsletter(tmp, roundup=True)
    code, out, err = run("fetch", "--config", str(config), "--json", "-q")
    assert code == 0, err
    data = json.loads(out)
    feeds = {f["name"]: f for f in data["feeds"]}
    assert data["new_articles"] == 6
    assert (feeds["Link Roundup"]["new"], feeds["Link Roundup"]["stored_already"]) == (0, 2)
    assert feeds["Link Roundup"]["stored_by"] == ["Brew Daily"]
    assert sum(f["new"] for f in data["feeds"]) == data["new_articles"]


def with_a_copy_of(config: Path, url: str) -> str:
    """Bean Wire added to the newsletter, carrying Brew Daily's article at `url` under its own
    address (same title, same text); that address."""
    n = int(url.rsplit("-", 1)[1])
    copy = f"https://beanwire.example/syndicated/{n}"
    entry = write_feed(config.parent, "Bean Wire", [(title(n), copy, text(n), 9)])
    config.write_text(config.read_text(encoding="utf-8") + entry, encoding="utf-8")
    return copy


def test_a_copy_of_a_story_an_earlier_issue_published_is_not_featured_again(
    tmp_path: Path,
) -> None:
    """walk53 #1: Bean Wire's copy of an article issue 1 featured (another address, the same
    title and text) was featured by a later issue without a word; README: "One story is featured
    once". The build leaves it out and says so, naming the issue and how to feature it anyway."""
    config = newsletter(tmp_path, articles=4)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    first = featured(tmp_path, 1)
    copy = with_a_copy_of(config, first[0])
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert copy not in featured(tmp_path, 2)
    assert featured(tmp_path, 2)  # Brew Daily's fourth article
    flat = " ".join(sans_config(err).split())
    draft = config.parent / "drafts" / "issue-3.md"
    assert (
        f'"{title(int(first[0].rsplit("-", 1)[1]))}" ({copy}) was left out as the same story as'
        f' "{title(int(first[0].rsplit("-", 1)[1]))}" ({first[0]}), which issue 1 published:'
        " they share 100% of their text; one story is featured once. If it is another story, or"
        " worth telling again, feature it in a later issue: add"
        f' "## {copy}" to that issue\'s draft, and feature_again: [{copy}] to its front matter'
        f" (`curator draft` (which writes {draft}), then"
        f" `curator build --draft {draft}`)"
    ) in flat


def test_a_draft_names_a_copy_of_a_published_story_and_features_it_when_moved_out(
    tmp_path: Path,
) -> None:
    """The draft leaves the copy out in a note under its subject, said on stderr; moved out of
    the note, the editor asked for it, and the build features it."""
    config = newsletter(tmp_path, articles=4)
    assert run("build", "--config", str(config), "-q")[0] == 0
    original = featured(tmp_path, 1)[0]
    copy = with_a_copy_of(config, original)
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    path = tmp_path / "drafts" / "issue-2.md"
    assert (
        f'{path} lists it in a note under "# Coffee": to feature it all the same, put "## {copy}"'
        " on a line of its own above that note"
    ) in " ".join(err.split())
    text = path.read_text(encoding="utf-8")
    note = text[text.index("<!-- Told in an earlier issue, so left out") :]
    note = note[: note.index("-->")]
    # (one line per story told before, naming its copies: walk81 #2)
    story = title(int(original.rsplit("-", 1)[1]))
    assert f'\n   1 copy of "{story}" ({original}), published in issue 1: {copy} (' in note
    assert "\n## " not in note
    assert f"url: {copy}" not in text

    # Left in the note, it is not published.
    code, _, err = run("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 0, err
    assert copy not in featured(tmp_path, 2)

    # Named by hand in the next issue's draft, whose note never listed it: the build stops, as
    # for an article featured before (walk161 #1), until the front matter says it is meant.
    path = tmp_path / "drafts" / "issue-3.md"
    body = (
        "number: 3\ndate: 2026-12-20\n---\n\n# Coffee\n\n"
        f"## {copy}\n\nThe same story, from Bean Wire. Worth telling again.\n"
    )
    path.write_text("---\ntitle: Bean Notes\n" + body, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 2, err
    assert "which issue 1 published" in err and f"feature_again: [{copy}]" in err, err
    path.write_text(f"---\ntitle: Bean Notes\nfeature_again: [{copy}]\n" + body, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 0, err
    assert featured(tmp_path, 3) == [copy]


def test_a_copy_left_out_when_nothing_else_is_new_is_named(tmp_path: Path) -> None:
    """When the copy of a published story is the only new article, "Nothing new to feature"
    alone would hide it: the run names it, and how to feature it."""
    config = newsletter(tmp_path, articles=3)
    assert run("build", "--config", str(config), "-q")[0] == 0
    original = featured(tmp_path, 1)[0]
    copy = with_a_copy_of(config, original)
    draft = tmp_path / "drafts" / "issue-2.md"
    for command, what in (("draft", "draft"), ("build", "issue")):
        code, out, err = run(command, "--config", str(config), "-q")
        assert code == 0, err
        assert out == f"Nothing new to feature: no {what} was written.\n"
        err = sans_config(err)
        assert (
            f"({copy}) was left out as the same story as"
            f' "{title(int(original.rsplit("-", 1)[1]))}" ({original}), which issue 1 published:'
            " they share 100% of their text; one story is featured once. If it is another story,"
            f' or worth telling again, feature it: add "## {copy}" under "# Coffee" in {draft},'
            f" and feature_again: [{copy}] to its front matter (a draft `curator draft` writes, or one of your own), then `curator build --draft"
            f" {draft}`"
        ) in " ".join(err.split())
    # Done as it says (walk104 #5: the placeholder DRAFT failed pasted), the copy is featured.
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(
        f"---\ntitle: Bean Notes\nnumber: 2\ndate: 2026-12-20\nfeature_again: [{copy}]\n---\n\n"
        f"# Coffee\n\n## {copy}\n\nThe same story, worth telling again.\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--draft", str(draft), "--config", str(config), "-q")
    assert code == 0, err
    assert featured(tmp_path, 2) == [copy]

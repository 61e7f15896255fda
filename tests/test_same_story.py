"""One entry per story, through the CLI (walk19 #1): different articles with near-identical titles
stay apart; a real copy is named under the article as "Also covered by", said on stderr and in the
draft, and counts as published with the issue."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from conftest import REPO, sans_config
from conftest import run_cli as run
from curator.draft import NO_BLURB

#: The four seed articles' titles: two of them ask the same question in near the same words.
TITLES = (
    "Customer Service vs. Customer Experience: Defining the Difference",
    "The Difference Between Customer Experience & Service",
    "Customer Service vs. Customer Experience: What Is the Difference?",
    "Just What Is Customer Experience? It's Not Just Customer Service",
)
CONFIG = """newsletter:
  title: CX Weekly
  issue_size: 4
subjects:
  - name: Customer experience
    description: What customer experience is, and how it differs from customer service.
    keywords: [customer experience, customer service]
feeds:
"""


def write_feed(folder: Path, name: str, items: list[tuple[str, str, str]]) -> str:
    """A local RSS file of (title, link, text) items; returns its feeds.yaml entry."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{link}</link>"
        f"<description>{escape(text)}</description></item>"
        for t, link, text in items
    )
    path = folder / f"{name.lower()}.xml"
    path.write_text(
        f'<rss version="2.0"><channel><title>{name}</title>{body}</channel></rss>',
        encoding="utf-8",
    )
    return f"  - url: {path.name}\n    name: {name}\n    fetch_pages: false\n"


def seed_texts(seeds: Path) -> list[str]:
    return [p.read_text(encoding="utf-8")[:3000] for p in sorted(seeds.glob("00[1-4]_*.txt"))]


def newsletter(tmp_path: Path, seeds: Path, *, copy: bool = False) -> Path:
    texts = seed_texts(seeds)
    items = [
        (t, f"https://blog{i}.example/post", x)
        for i, (t, x) in enumerate(zip(TITLES, texts, strict=True), 1)
    ]
    feeds = write_feed(tmp_path, "Blog", items)
    if copy:  # the first seed again, under another title, from another publication
        text = texts[0].replace("In 2016,", "Back in 2016,")
        feeds += write_feed(
            tmp_path,
            "Echo",
            [("What sets customer experience apart", "https://echo.example/cx", text)],
        )
    config = tmp_path / "feeds.yaml"
    config.write_text(CONFIG + feeds, encoding="utf-8")
    return config


def featured(tmp_path: Path, number: int) -> list[dict]:
    data = json.loads((tmp_path / "output" / f"issue-{number}.json").read_text(encoding="utf-8"))
    return [a for s in data["sections"] for a in s["articles"]]


def featured_again_only_on_purpose(tmp_path: Path, config: Path) -> None:
    """The copy https://echo.example/cx, named under an article of issue 1, is featured by issue
    2's draft: refused (exit 2, saying why and what to write), then published once the draft's
    front matter lists it in feature_again."""
    draft = tmp_path / "drafts" / "issue-2.md"
    head = "---\ntitle: CX Weekly\nnumber: 2\ndate: 2026-12-09\n"
    body = "---\n\n# Customer experience\n\n## https://echo.example/cx\n\nWhat sets it apart.\n"
    draft.write_text(head + body, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 2, err
    assert (
        '"What sets customer experience apart" was named as "Also covered by" (the same story as'
        " an article it featured) in issue 1 already; remove it, or to feature it again on"
        " purpose, list it in the front matter: feature_again: [https://echo.example/cx]"
    ) in " ".join(err.split())
    draft.write_text(head + "feature_again: [https://echo.example/cx]\n" + body, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    assert [a["url"] for a in featured(tmp_path, 2)] == ["https://echo.example/cx"]


def test_articles_with_near_identical_titles_but_their_own_texts_are_each_featured(
    tmp_path: Path, seeds: Path
) -> None:
    """walk19 #1: seed2 and seed3 (different authors, texts sharing under 4%) were one story
    because their titles share 4 of 5 content words: seed3 was only "Also covered by" under seed2."""
    config = newsletter(tmp_path, seeds)
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert out.startswith("Issue 1: 4 article(s) in 1 subject(s)")
    articles = featured(tmp_path, 1)
    assert sorted(a["url"] for a in articles) == [
        f"https://blog{i}.example/post" for i in (1, 2, 3, 4)
    ]
    assert all(not a["also_covered_by"] for a in articles)
    assert "same story" not in err


def test_a_copy_is_named_in_the_draft_and_the_build_and_counts_as_published(
    tmp_path: Path, seeds: Path
) -> None:
    config = newsletter(tmp_path, seeds, copy=True)
    # The draft names both articles and why, on stderr and in a note the editor can act on.
    code, out, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    flat = " ".join(sans_config(err).split())  # (its advice's --config: test_cron_walk56)
    draft = tmp_path / "drafts" / "issue-1.md"
    assert (
        '"What sets customer experience apart" (https://echo.example/cx) was judged the same story'
        f' as "{TITLES[0]}" (https://blog1.example/post): they share '
    ) in flat
    assert (
        f'{draft} names it in a note under "# Customer experience": `curator build --draft'
        f' {draft}` names it under that article as "Also covered by: Echo" and counts it as'
        ' published with the issue; to feature it as an article of its own, move its "##" line out of that note'
    ) in flat
    # (run as printed, it publishes the draft: walk104 #5, the placeholder DRAFT failed pasted)
    assert f"`curator build --draft {draft} --config {config}`" in " ".join(err.split())
    text = draft.read_text(encoding="utf-8")
    note = text[text.index("<!-- Left out as the same story") :]
    note = note[: note.index("-->")]
    assert "\n## https://echo.example/cx\n" in note
    assert f'What sets customer experience apart (Echo): the same story as "{TITLES[0]}"' in note

    # The plain build names the copy under the article, says so, and records it as published.
    code, out, err = run("build", "--config", str(config), "-q", "--no-fetch")
    assert code == 0, err
    assert out.startswith("Issue 1: 4 article(s)")
    flat = " ".join(err.split())
    assert (
        f'"{TITLES[0]}" (https://blog1.example/post): they share ' in flat
        and 'it is named under that article as "Also covered by: Echo", not as an article of its'
        " own, and counts as published with this issue."
        in flat
    ), err
    first = next(a for a in featured(tmp_path, 1) if a["url"] == "https://blog1.example/post")
    assert first["also_covered_by"] == [{"name": "Echo", "url": "https://echo.example/cx"}]
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Also covered by: Echo <https://echo.example/cx>" in txt
    # Published with issue 1: no later issue features it again, and the list says where it went.
    code, out, err = run("build", "--config", str(config), "-q", "--no-fetch")
    assert code == 0, err
    assert out.startswith("Nothing new to feature"), out
    assert not (tmp_path / "output" / "issue-2.json").exists()
    code, out, err = run("subjects", "list", "--config", str(config))
    assert code == 0, err
    line = next(x for x in out.splitlines() if "What sets customer experience apart" in x)
    assert "[issue 1]" in line
    # Rendered again from the store (its issue-1.json gone), the line is still there.
    (tmp_path / "output" / "issue-1.json").unlink()
    code, _, err = run("render", "1", "--config", str(config))
    assert code == 0, err
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Also covered by: Echo <https://echo.example/cx>" in txt

    # Different stories after all: a later draft features it, once the editor says it is meant.
    featured_again_only_on_purpose(tmp_path, config)


def test_uncertain_lists_one_story_at_two_addresses_once(demo: Path) -> None:
    """walk19 #7: `subjects uncertain` listed "Looks and music to drive mobiles" twice: one BBC
    story at two addresses. It is listed once, naming the other address (each is corrected on its
    own)."""
    text = (
        "Mobile phones are still enjoying a boom time in sales, according to research from"
        " technology analysts. More than 670 million handsets were sold worldwide last year, and"
        " shoppers now choose a phone for its looks and for the music it plays, the analysts"
        " said. Customers who buy a new handset expect support staff to help them move their"
        " music and contacts, and complaints rise when the help desk cannot. Support matters to"
        " customers."
    )
    # (near the no-subject bar, so that `uncertain` is unsure of it: 0.71 of the bar)
    items = [
        ("Looks and music to drive mobiles", f"https://news.example/{n}.html", text)
        for n in ("tech-064", "tech-338")
    ]
    entry = write_feed(demo.parent, "Wire", items)
    config = demo.read_text(encoding="utf-8").replace("feeds:\n", "feeds:\n" + entry, 1)
    demo.write_text(config, encoding="utf-8")
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("subjects", "uncertain", "--config", str(demo), "-n", "100", "--json")
    assert code == 0, err
    found = [u for u in json.loads(out) if u["title"] == "Looks and music to drive mobiles"]
    assert len(found) == 1, found
    (one,) = found
    assert one["url"] == "https://news.example/tech-064.html"
    assert [s["url"] for s in one["same_story"]] == ["https://news.example/tech-338.html"]
    assert one["same_story"][0]["why"] == "they share 100% of their text"
    code, out, err = run("subjects", "uncertain", "--config", str(demo), "-n", "100", "-q")
    assert code == 0, err
    assert out.count("Looks and music to drive mobiles") == 1
    assert (
        "  the same story is also at https://news.example/tech-338.html (they share 100% of their"
        " text; under " in out
    )
    assert "): correct each address\n" in out


def with_blurbs(draft: str) -> str:
    """The draft with a blurb where curator could make none (a seed has no sentence to take)."""
    return draft.replace(NO_BLURB, "A blurb the editor wrote. It says what the article is.")


def test_a_copy_left_in_the_drafts_note_is_named_and_published_by_build_draft(
    tmp_path: Path, seeds: Path
) -> None:
    """walk20 #1: a copy left in the draft's same-story note was not recorded with the issue
    `build --draft` published, and a later plain build featured it as an article of its own."""
    config = newsletter(tmp_path, seeds, copy=True)
    code, out, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = with_blurbs(draft.read_text(encoding="utf-8"))
    note = text[text.index("<!-- Left out as the same story") :]
    note = note[: note.index("-->")]
    assert '`curator build --draft` names each under it as "Also covered by"' in " ".join(
        note.split()
    )
    assert f'the same story as "{TITLES[0]}" (https://blog1.example/post): they share ' in note
    # The editor rewrites the article's title: the copy is still named under it.
    draft.write_text(text.replace(f"## {TITLES[0]}\n", "## Service or experience?\n"), "utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    flat = " ".join(err.split())
    assert (
        '"What sets customer experience apart" (https://echo.example/cx) was judged the same story'
        ' as "Service or experience?" (https://blog1.example/post): they share '
    ) in flat, err
    assert (
        'it is named under that article as "Also covered by: Echo", not as an article of its own,'
        f" and counts as published with this issue ({draft} left it in its note"
    ) in flat
    first = next(a for a in featured(tmp_path, 1) if a["url"] == "https://blog1.example/post")
    assert first["also_covered_by"] == [{"name": "Echo", "url": "https://echo.example/cx"}]
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Also covered by: Echo <https://echo.example/cx>" in txt
    # Published with issue 1: a later plain build does not feature it on its own.
    code, out, err = run("build", "--config", str(config), "-q", "--no-fetch")
    assert code == 0, err
    assert out.startswith("Nothing new to feature"), out
    code, out, err = run("subjects", "list", "--config", str(config))
    line = next(x for x in out.splitlines() if "What sets customer experience apart" in x)
    assert "[issue 1]" in line
    # A later draft featuring it needs feature_again, as any repeat does.
    featured_again_only_on_purpose(tmp_path, config)


def test_a_copy_moved_out_of_the_drafts_note_is_featured_and_not_named(
    tmp_path: Path, seeds: Path
) -> None:
    config = newsletter(tmp_path, seeds, copy=True)
    code, out, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = with_blurbs(draft.read_text(encoding="utf-8"))
    start = text.index("<!-- Left out as the same story")
    # The editor moves the "##" line out of the note (above it), with a blurb of their own.
    text = text.replace("\n## https://echo.example/cx\n", "\n", 1)
    text = text[:start] + "## https://echo.example/cx\n\nThe copy, on purpose.\n\n" + text[start:]
    draft.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    articles = featured(tmp_path, 1)
    assert "https://echo.example/cx" in [a["url"] for a in articles]
    assert all(not a["also_covered_by"] for a in articles)
    assert "same story" not in err


def test_a_copy_whose_article_was_cut_is_said_not_named(tmp_path: Path, seeds: Path) -> None:
    config = newsletter(tmp_path, seeds, copy=True)
    code, out, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = with_blurbs(draft.read_text(encoding="utf-8"))
    # The editor cuts the article the copy is the same story as.
    start = text.index(f"## {TITLES[0]}\n")
    end = text.index("\n## ", start + 1)
    draft.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    line = draft.read_text(encoding="utf-8").splitlines().index("## https://echo.example/cx") + 1
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    assert (
        f"{draft}:{line}: https://echo.example/cx, in the note of articles left out as the same"
        f' story, is the same story as "{TITLES[0]}", which the draft no longer features: it is'
        " not named in the issue nor published with it"
    ) in " ".join(err.split())
    assert all(not a["also_covered_by"] for a in featured(tmp_path, 1))


def test_one_news_events_article_and_its_video_page_are_one_story(
    tmp_path: Path, seeds: Path
) -> None:
    """walk23 #3: an article and its video page (titles sharing 9 content words, their own texts)
    were both featured, one after the other; now the second is "Also covered by" under the first."""
    texts = seed_texts(seeds)
    feeds = write_feed(
        tmp_path,
        "Guardian",
        [
            (
                "Porn actor Stormy Daniels casts doubt on denial of affair with Trump",
                "https://news.example/a",
                texts[0],
            ),
            (
                "Stormy Daniels on Jimmy Kimmel: porn actor casts doubt on denial of Trump affair"
                " – video",
                "https://news.example/video",
                texts[2],
            ),
            (TITLES[3], "https://news.example/c", texts[3]),
        ],
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(CONFIG + feeds, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert out.startswith("Issue 1: 2 article(s)"), out
    covered = [a["also_covered_by"] for a in featured(tmp_path, 1) if a["also_covered_by"]]
    assert len(covered) == 1 and covered[0][0]["url"] in {
        "https://news.example/a",
        "https://news.example/video",
    }
    assert "their titles share 9 of their words" in " ".join(err.split())


def test_a_copy_in_the_featured_articles_own_publication_is_not_named_as_another_outlet(
    tmp_path: Path, seeds: Path
) -> None:
    """walk24 #3: "Also covered by: The Guardian" under a Guardian article read as another outlet."""
    texts = seed_texts(seeds)
    items = [
        (t, f"https://blog{i}.example/post", x)
        for i, (t, x) in enumerate(zip(TITLES, texts, strict=True), 1)
    ]
    again = texts[0].replace("In 2016,", "Back in 2016,")
    items.append(("What sets customer experience apart", "https://blog1.example/again", again))
    config = tmp_path / "feeds.yaml"
    config.write_text(CONFIG + write_feed(tmp_path, "Blog", items), encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert out.startswith("Issue 1: 4 article(s)")
    flat = " ".join(err.split())
    assert (
        'it is named under that article as "Another piece in Blog on the same story", not as an'
        " article of its own" in flat
    )
    assert "Also covered by" not in flat
    output = tmp_path / "output"
    pages = {p.name: p.read_text(encoding="utf-8") for p in output.glob("issue-1.*")}
    assert "Also covered by" not in "".join(pages.values())
    assert (
        "Another piece in Blog on the same story: <https://blog1.example/again>"
        in (pages["issue-1.txt"])
    )
    assert (
        '<a href="https://blog1.example/again">Another piece in Blog on the same story</a>'
        in pages["issue-1.html"]
    )
    for name in ("issue-1.md", "issue-1.email.html"):
        if name in pages:
            assert "Another piece" in pages[name] and "blog1.example/again" in pages[name]
    # `render` of the stored issue says it the same way.
    code, _, err = run("render", "1", "--config", str(config))
    assert code == 0, err
    html = (output / "issue-1.html").read_text(encoding="utf-8")
    assert "Another piece in Blog on the same story</a>" in html


def test_template_copies_made_before_another_piece_existed_are_named(
    tmp_path: Path, seeds: Path
) -> None:
    """walk28 #1: an editor's templates copied by an earlier `curator init` never show "Another
    piece in X on the same story": the build said the copy was named so, and no edition had it."""
    texts = seed_texts(seeds)
    items = [
        (t, f"https://blog{i}.example/post", x)
        for i, (t, x) in enumerate(zip(TITLES, texts, strict=True), 1)
    ]
    again = texts[0].replace("In 2016,", "Back in 2016,")
    items.append(("What sets customer experience apart", "https://blog1.example/again", again))
    # The editor's copy of issue.txt, as an older curator wrote it: no pieces_in_publication lines.
    own = (REPO / "templates" / "issue.txt").read_text(encoding="utf-8")
    start = own.index("{% for name, url in entry.pieces_in_publication %}")
    end = own.index("{% endfor %}", start) + len("{% endfor %}\n")
    mine = tmp_path / "my-templates"
    mine.mkdir()
    (mine / "issue.txt").write_text(own[:start] + own[end:], encoding="utf-8")
    config = tmp_path / "feeds.yaml"
    config.write_text(
        CONFIG.replace("feeds:\n", "settings:\n  templates: my-templates\nfeeds:\n")
        + write_feed(tmp_path, "Blog", items),
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Another piece" not in txt  # the editor's copy leaves it out...
    flat = " ".join(err.split())
    assert (  # ... and the editor is told which copy, and what to do
        f"{mine / 'issue.txt'}: these copies of curator's templates were made before they named"
        " another piece of an article's own publication on the same story, and leave that line"
        " out of issue 1 (1 piece(s): https://blog1.example/again); add curator's"
        " `entry.pieces_in_publication` lines to them (docs/templates.md), or delete a copy to"
        " use curator's own"
    ) in flat, err

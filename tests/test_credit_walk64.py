"""walk64: credits published wrong without a word: a guest post credited to the feed's one author
(the blog's owner), a photo credit merged into the author's name, an editorial board and
Wikipedia's "Contributors to Wikimedia projects" credited as people, a copy credited to the site
that copied it; and a plain build that published empty authors silently. As the editor sees them:
the draft's `author:` lines and notes, the built issue, the build's warnings, `curator extract`."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import NO_AUTHOR, SITE, authors, built, drafted, newsletter
from test_credit_sources import _own_words

from conftest import LocalServer, sans_config
from conftest import run_cli as run

OWNER = "<author><name>Hana Sato</name></author>"
#: (then the draft `curator draft` writes, and `curator build --draft` with it: walk104 #5)
PUBLISHED_SO = ': it is published so (to correct it now: its "authors" or "publication" in'


def page(title: str, byline: str = "", head: str = "", more: str = "") -> str:
    """An article page of Zeta Post: its byline, then its own words, then `more` (a paragraph)."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f'<meta property="og:site_name" content="{SITE}">{head}</head><body><article>'
        f"<h1>{title}</h1>"
        + (f'<p class="byline">{byline}</p>' if byline else "")
        + "".join(f"<p>{_own_words(title, n)}</p>" for n in range(6))
        + (f"<p>{more}</p>" if more else "")
        + "</article></body></html>"
    )


def plain_build(config: Path) -> tuple[str, list[str]]:
    """A build without a draft, in a newsletter of its own beside `config` (same feed, nothing
    published yet): the issue as text, and the warnings on credits."""
    own = config.parent / "plain"
    own.mkdir()
    config = own / "feeds.yaml"
    config.write_text((own.parent / "feeds.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    said = [sans_config(line) for line in err.splitlines() if "the credit of" in line]
    return issue, said


def test_a_guest_posts_byline_beats_the_feeds_one_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk64 #1: "Guest post by Carlos Mendes" on the page, the Atom feed's one author (the
    blog's owner) for every entry: "Hana Sato || Compost Weekly" was published, and `extract`
    found no author on the page. The guest is credited; the draft and a plain build say whom the
    feed names."""
    items = [
        ("Compost On A Farm", "", page("Compost On A Farm", "Guest post by Carlos Mendes")),
        ("Compost In A Flat", "", page("Compost In A Flat", "Guest author: Ian Ford")),
        ("Worms At School", "", page("Worms At School", "Jane Roe is a guest contributor")),
        ("Winter Heaps", "", page("Winter Heaps", "By Hana Sato")),
    ]
    config = newsletter(tmp_path, http_server, items, atom_author=OWNER)
    blocks = drafted(config)
    for title, guest in (
        ("Compost On A Farm", "Carlos Mendes"),
        ("Compost In A Flat", "Ian Ford"),
        ("Worms At School", "Jane Roe"),
    ):
        assert authors(blocks[title]) == [guest], blocks[title]
        note = next(line for line in blocks[title] if line.startswith("<!-- Author:"))
        assert f"the page names {guest}, credited above; its feed names Hana Sato" in note
    assert authors(blocks["Winter Heaps"]) == ["Hana Sato"]
    issue = built(config)
    assert "Carlos Mendes || Zeta Post" in issue and "Hana Sato || Zeta Post" in issue

    page_file = tmp_path / "farm.html"
    page_file.write_text(page("Compost On A Farm", "Guest post by Carlos Mendes"), encoding="utf-8")
    code, out, err = run("extract", str(page_file))
    assert code == 0, err
    assert "Carlos Mendes || Zeta Post" in out and "no author found" not in out, out

    _, said = plain_build(config)
    assert any(
        'the credit of "Compost On A Farm" (' in s
        and "the page names Carlos Mendes, credited; its feed names Hana Sato" + PUBLISHED_SO in s
        for s in said
    ), said


def test_a_credit_for_photos_translation_or_editing_ends_the_bylines_names(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk64 #2: "By Kim Vance. Photo: Leo Grant" was published as "Kim Vance. Photo: Leo
    Grant"; "By Olga Petrova. Translated by Paul Quinn", "Reporting by Rosa Diaz; Editing by Sam
    Tate" and "Guest post by Ian Ford" were published without an author."""
    bylines = {
        "Heap In Pictures": ("By Kim Vance. Photo: Leo Grant", "Kim Vance"),
        "Bins In Pictures": ("By Kim Vance. Photos by Leo Grant", "Kim Vance"),
        "Lessons From Russia": ("By Olga Petrova. Translated by Paul Quinn", "Olga Petrova"),
        "City Collection Starts": ("Reporting by Rosa Diaz; Editing by Sam Tate", "Rosa Diaz"),
        "Compost In A Flat": ("Guest post by Ian Ford", "Ian Ford"),
        "Hot Composting": ("By Mia Holt. Edited by Ned Fox", "Mia Holt"),
    }
    items = [(title, "", page(title, byline)) for title, (byline, _) in bylines.items()]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    for title, (_, person) in bylines.items():
        assert authors(blocks[title]) == [person], (title, blocks[title])
        assert not any(NO_AUTHOR in line for line in blocks[title]), blocks[title]
    issue = built(config)
    assert issue.count("Kim Vance || Zeta Post") == 2
    assert "Leo Grant" not in issue and "Photo" not in issue
    for person in ("Olga Petrova", "Rosa Diaz", "Ian Ford", "Mia Holt"):
        assert f"{person} || Zeta Post" in issue, issue


def test_an_editorial_board_and_a_label_credit_no_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk64 #3, #4: "By The Editorial Board" and Wikipedia's JSON-LD author "Contributors to
    Wikimedia projects" were published as the authors. An organisation's byline credits no one,
    and the draft says no author was found."""
    wiki = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
        ' "Article", "name": "New Zealand", "author": {"@type": "Organization", "name":'
        ' "Contributors to Wikimedia projects"}}</script>'
    )
    items = [
        (
            "Every Town Needs Compost",
            "",
            page("Every Town Needs Compost", "By The Editorial Board"),
        ),
        ("Our View On Bins", "", page("Our View On Bins", "By Zeta Post Editorial Board")),
        ("New Zealand Compost", "", page("New Zealand Compost", head=wiki)),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    for title, _, _ in items:
        assert authors(blocks[title]) == [], blocks[title]
        assert NO_AUTHOR in blocks[title][-1], blocks[title]
    issue = built(config)
    assert "Board" not in issue and "Contributors" not in issue, issue


def test_a_page_that_says_it_first_appeared_elsewhere_is_noted(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk64 #5: a page saying "This article first appeared in The Compost Gazette." was credited
    to the site that copied it, without a word. curator cannot know which publication the editor
    means: the draft and a plain build say so. A sentence of the story naming where a word first
    appeared is no such statement."""
    items = [
        (
            "The Compost Revolution",
            "",
            page(
                "The Compost Revolution",
                "By Oscar Pike",
                more="This article first appeared in The Compost Gazette.",
            ),
        ),
        (
            "Where Humus Comes From",
            "",
            page(
                "Where Humus Comes From",
                "By Nora Quill",
                more="The word humus first appeared in Nature in the nineteenth century.",
            ),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    block = blocks["The Compost Revolution"]
    assert authors(block) == ["Oscar Pike"]
    assert (
        '<!-- Credit: the page says it first appeared in The Compost Gazette, so "Zeta Post" may'
        " be the site of a copy: if so, correct the `publication:` line. -->"
    ) in block, block
    assert not any("Credit:" in line for line in blocks["Where Humus Comes From"])

    _, said = plain_build(config)
    assert len(said) == 1, said
    assert (
        '"The Compost Revolution" ('
        + said[0].split('"The Compost Revolution" (')[1].split(")")[0]
        + '): the page says it first appeared in The Compost Gazette, so "Zeta Post" may be the'
        " site of a copy" + PUBLISHED_SO
    ) in said[0], said


def test_a_plain_build_warns_of_an_article_published_without_an_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk64 #6: the draft notes "no author was found"; a plain build published the same empty
    credits without a word. It now says so, one line per article."""
    items = [
        ("Compost Prices Rise", "", page("Compost Prices Rise")),
        (
            "Every Town Needs Compost",
            "",
            page("Every Town Needs Compost", "By The Editorial Board"),
        ),
        ("Hot Composting", "", page("Hot Composting", "By Mia Holt")),
    ]
    config = newsletter(tmp_path, http_server, items)
    issue, said = plain_build(config)
    assert "Mia Holt || Zeta Post" in issue
    assert len(said) == 2, said
    for title in ("Compost Prices Rise", "Every Town Needs Compost"):
        line = next(s for s in said if f'the credit of "{title}" (' in s)
        assert "): no author was found" + PUBLISHED_SO in line, line


def test_a_plain_build_says_when_the_publication_is_only_the_feeds_title(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk67 #1: pages naming no site, credited with their feed's title ("Zeta Post" for pages on
    127.0.0.1): the draft notes it, and a plain build published it without a word. It now says so,
    with the feeds.yaml line to give the feed a `name:`; a page naming its site so is not said."""
    unnamed = page("Service Desks Listen", "By Mia Holt").replace(
        f'<meta property="og:site_name" content="{SITE}">', ""
    )
    items = [
        ("Service Desks Listen", "", unnamed),
        ("Support Teams Learn", "", page("Support Teams Learn", "By Ann Lee")),
    ]
    config = newsletter(tmp_path, http_server, items)
    issue, said = plain_build(config)
    assert "Mia Holt || Zeta Post" in issue and "Ann Lee || Zeta Post" in issue
    assert len(said) == 1, said
    assert 'the credit of "Service Desks Listen" (' in said[0]
    host = said[0].split("(", 2)[1].split(")")[0]  # the article's address
    assert (
        f'"Zeta Post" is the title of its feed, and nothing says it is the name of the site'
        f" ({host.split('/')[2].split(':')[0]}): if it is not, give the feed a `name:` in"
        f" {config.parent / 'plain' / 'feeds.yaml'} (line 8) for all its articles" + PUBLISHED_SO
    ) in said[0], said


def test_an_article_added_by_address_has_its_unsure_credit_said_at_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk67 #1: an article added to a draft by its address alone got no draft note (the
    editor never saw one), and `build --draft` published its guessed credit (its feed's title,
    no author) without a word. The build says what the note would have, and where to change it;
    an article added with its own `author:` line is the editor's credit: not said."""
    unnamed = page("Service Desks Listen").replace(
        f'<meta property="og:site_name" content="{SITE}">', ""
    )
    items = [
        ("Service Desks Listen", "", unnamed),
        ("Support Teams Learn", "", page("Support Teams Learn", "By Ann Lee")),
        ("Effort Scores Fall", "", page("Effort Scores Fall").replace(SITE, "Other")),
    ]
    config = newsletter(tmp_path, http_server, items)
    drafted(config)
    path = config.parent / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    for title, extra in (("Service Desks Listen", ""), ("Effort Scores Fall", "author: Bo Chu\n")):
        start = text.index(f"## {title}\n")
        end = text.index("\n\n", start) + 2
        url = text[start:end].split("url: ", 1)[1].split("\n", 1)[0]
        text = text[:start] + f"## {url}\n{extra}\n" + text[end:]
    path.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    said = [sans_config(line) for line in err.splitlines() if "the credit of" in line]
    assert len(said) == 1, said
    assert 'the credit of "Service Desks Listen" (' in said[0]
    assert '"Zeta Post" is the title of its feed, and nothing says it is the name of' in said[0]
    issue_json = config.parent / "output" / "issue-1.json"
    assert said[0].endswith(
        "; no author was found: it was added to the draft by its address and is published so (to"
        f' correct it: its "authors" or "publication" in {issue_json}, then `curator render 1`;'
        " in a later draft, an `author:` or `publication:` line under its heading)"
    ), said
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "|| Zeta Post" in issue and "Bo Chu ||" in issue
    # Followed as said (walk75 #2: "then build again" met "it was published already").
    data = json.loads(issue_json.read_text(encoding="utf-8"))
    for section in data["sections"]:
        for article in section["articles"]:
            if article["title"] == "Service Desks Listen":
                article["authors"], article["publication"] = ["Cy Dale"], "Desk Notes"
    issue_json.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(config))
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Cy Dale || Desk Notes" in issue


def test_the_advised_build_draft_names_its_file_before_the_runs_config(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk85 #2: "`curator draft`, then `curator build --draft`" with the run's --config added
    read `curator build --draft --config PATH`, which took "--config" for the draft's file and
    failed ("Got unexpected extra argument"). The draft's file comes first: the one `curator
    draft` writes for the next issue (walk104 #5: the placeholder DRAFT failed pasted)."""
    items = [("Compost Prices Rise", "", page("Compost Prices Rise"))]
    config = newsletter(tmp_path, http_server, items)
    own = config.parent / "plain"
    own.mkdir()
    plain = own / "feeds.yaml"
    plain.write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("build", "--config", str(plain), "--all-subjects")
    assert code == 0, err
    said = " ".join(err.split())
    draft = own / "drafts" / "issue-2.md"
    assert f"`curator build --draft {draft} --config {plain}`" in said, said
    assert "--draft --config" not in said, said

"""walk193, credits that named the wrong people and said nothing: a WordPress byline's category
link credited as a co-author (#1), a feed's own title credited as its author (#3), a translator
named in another language credited as an author (#5), and an author meta tag naming one of a
byline's two people credited alone (#7). Each through a build of a newsletter whose feed and
pages are served on 127.0.0.1, as the editor meets it: the issue's `Author || Publication`
line."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import SITE, newsletter, page

from conftest import LocalServer
from conftest import run_cli as run

TITLE = "Refund Queues"


def _build(config: Path) -> tuple[str, str]:
    """A build without a draft: the issue's text and what the build said."""
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    return (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8"), err


def _credit(text: str) -> str:
    """The `Author || Publication` line of the issue's one article."""
    lines = [line.strip() for line in text.splitlines() if f"|| {SITE}" in line]
    assert len(lines) == 1, text
    return lines[0]


@pytest.mark.parametrize(
    "byline",
    [
        'Posted by <a href="/author/farid">Farid Haddad</a> in'
        ' <a href="/cat/cx">Customer Experience</a>',
        'By <a href="/author/farid">Farid Haddad</a> in <a href="/category/ops">Support'
        ' Operations</a>, <a href="/category/retail">Retail</a>',
        'by <a class="url fn n" href="/author/farid">Farid Haddad</a> in <a href="/x/cx"'
        ' rel="category tag">Customer Experience</a>',
        # no category's address: the words after "in" file the post, they name no one
        'By <a href="/people/farid">Farid Haddad</a> in <a href="/hub/retail">Retail Banking</a>',
    ],
)
def test_a_bylines_category_link_is_no_co_author(
    tmp_path: Path, http_server: LocalServer, byline: str
) -> None:
    """#1: "Posted by <a>Farid Haddad</a> in <a>Customer Experience</a>" was published
    "Farid Haddad and Customer Experience || Pier Review", unsaid."""
    config = newsletter(tmp_path, http_server, [(TITLE, "", page(TITLE, byline=byline))])
    text, _ = _build(config)
    assert _credit(text) == f"Farid Haddad || {SITE}", text


def test_a_bylines_two_linked_authors_stay_both(tmp_path: Path, http_server: LocalServer) -> None:
    byline = 'By <a href="/author/a">Farid Haddad</a> and <a href="/author/b">Ann Lee</a>'
    config = newsletter(tmp_path, http_server, [(TITLE, "", page(TITLE, byline=byline))])
    text, _ = _build(config)
    assert _credit(text) == f"Farid Haddad and Ann Lee || {SITE}", text


def _feed_titled(server: LocalServer, title: str) -> None:
    """The newsletter's feed (`newsletter`'s, titled as its site) retitled `title`."""
    route = server.routes["/feed.xml"]
    body = route.body.replace(f"<title>{SITE}</title>".encode(), f"<title>{title}</title>".encode())
    server.add("/feed.xml", body)


@pytest.mark.parametrize(
    ("feed_title", "creator", "head"),
    [
        (f"{SITE} Feed", f"<dc:creator>{SITE} Feed</dc:creator>", ""),
        ("Harbor CX Feed", "<dc:creator>Harbor CX Feed</dc:creator>", ""),
        (f"{SITE} Feed", "", f'<meta name="author" content="{SITE} Feed">'),
    ],
)
def test_the_feeds_own_title_as_the_author_credits_no_one_and_says_so(
    tmp_path: Path, http_server: LocalServer, feed_title: str, creator: str, head: str
) -> None:
    """#3: a feed's dc:creator (or a page's author meta tag) that is the feed's own title ("Pier
    Review Feed") was credited as a person, unsaid."""
    config = newsletter(tmp_path, http_server, [(TITLE, creator, page(TITLE, head=head))])
    _feed_titled(http_server, feed_title)
    text, err = _build(config)
    assert feed_title not in text, text
    assert f"\n{SITE}\n" in f"\n{text}\n".replace("  ", ""), text
    said = " ".join(err.split())
    assert f'names "{feed_title}" as the author, taken for the site\'s own name' in said, err


def test_a_feed_titled_with_its_authors_name_keeps_the_credit(
    tmp_path: Path, http_server: LocalServer
) -> None:
    # a personal blog's feed titled with its author's name credits them, as before
    config = newsletter(
        tmp_path, http_server, [(TITLE, "<dc:creator>Hana Sato</dc:creator>", page(TITLE))]
    )
    _feed_titled(http_server, "Hana Sato")
    text, _ = _build(config)
    assert _credit(text) == f"Hana Sato || {SITE}", text


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Von Jürgen Groß, übersetzt von Paul Quinn", "Jürgen Groß"),
        ("Par Élodie Marchand, traduit par Paul Quinn", "Élodie Marchand"),
        ("Por Ana Ruiz. Traducido por Paul Quinn", "Ana Ruiz"),
        ("Di Marco Rossi, tradotto da Paul Quinn", "Marco Rossi"),
        ("Door Jan de Vries, vertaald door Paul Quinn", "Jan de Vries"),
        ("Por Maria Silva, traduzido por Paul Quinn", "Maria Silva"),
        ("Av Lars Berg, översatt av Paul Quinn", "Lars Berg"),
        ("Von Jürgen Groß; Übersetzung: Paul Quinn", "Jürgen Groß"),
    ],
)
def test_a_translator_in_another_language_is_no_author(
    tmp_path: Path, http_server: LocalServer, byline: str, author: str
) -> None:
    """#5: "Von Jürgen Groß, übersetzt von Paul Quinn" was published "Jürgen Groß and übersetzt
    von Paul Quinn", as English "Translated by" was not."""
    config = newsletter(tmp_path, http_server, [(TITLE, "", page(TITLE, byline=byline))])
    text, _ = _build(config)
    assert _credit(text) == f"{author} || {SITE}", text


TRANSLATED = "<p><em>Translated by Paul Quinn from an essay by Olga Petrova.</em></p>"


@pytest.mark.parametrize(
    "html",
    [
        page(TITLE).replace("</article>", TRANSLATED + "</article>"),
        page(TITLE, byline="By Olga Petrova. Translated by Paul Quinn"),
    ],
)
def test_a_feed_crediting_the_pages_translator_gives_way_to_the_author_and_says_so(
    tmp_path: Path, http_server: LocalServer, html: str
) -> None:
    """#5: a feed's dc:creator "Paul Quinn", whom the page names only as its translator
    ("Translated by Paul Quinn from an essay by Olga Petrova."), was published unsaid."""
    config = newsletter(
        tmp_path, http_server, [(TITLE, "<dc:creator>Paul Quinn</dc:creator>", html)]
    )
    text, err = _build(config)
    assert _credit(text) == f"Olga Petrova || {SITE}", text
    said = " ".join(err.split())
    assert "the page names Olga Petrova, credited; its feed names Paul Quinn" in said, err


@pytest.mark.parametrize(
    ("byline", "credit"),
    [
        ("By Jane Doe and John Smith", "Jane Doe and John Smith"),
        (
            'By <a href="/author/jd">Jane Doe</a> and <a href="/author/js">John Smith</a>',
            "Jane Doe and John Smith",
        ),
        # a byline naming someone else is no fuller credit: the declared author stays
        ("By John Smith", "Jane Doe"),
    ],
)
def test_a_byline_naming_the_meta_author_and_more_is_credited(
    tmp_path: Path, http_server: LocalServer, byline: str, credit: str
) -> None:
    """#7: `<meta name="author" content="Jane Doe">` with the byline "By Jane Doe and John
    Smith" was published "Jane Doe" alone, unsaid."""
    head = '<meta name="author" content="Jane Doe">'
    config = newsletter(tmp_path, http_server, [(TITLE, "", page(TITLE, head=head, byline=byline))])
    text, _ = _build(config)
    assert _credit(text) == f"{credit} || {SITE}", text


@pytest.mark.parametrize(
    "html",
    [
        page(TITLE).replace("</article>", "<p><em>Translated by Paul Quinn</em></p></article>"),
        page(TITLE, byline="Translated from the Japanese by Paul Quinn"),
    ],
)
def test_a_feed_crediting_the_pages_only_translator_credits_no_one_and_says_so(
    tmp_path: Path, http_server: LocalServer, html: str
) -> None:
    """#5: where the page's only credit is "Translated by Paul Quinn", the feed's "Paul Quinn"
    was published as the author, unsaid."""
    creator = "<dc:creator>Paul Quinn</dc:creator>"
    config = newsletter(tmp_path, http_server, [(TITLE, creator, html)])
    drafted = _drafted(config)
    assert "author: Paul Quinn" not in drafted, drafted
    assert "whom the page credits only as its translator" in " ".join(drafted.split()), drafted
    text, err = _build(config)
    assert "Paul Quinn" not in text, text
    said = " ".join(err.split())
    assert (
        'its feed names "Paul Quinn" as the author, whom the page credits only as its translator'
        in said
    ), err


def _drafted(config: Path) -> str:
    """The draft `curator draft` writes of the newsletter's first issue."""
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    return (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")

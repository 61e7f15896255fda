"""walk196 #1, #3, #2: credits as the editor meets them (the draft's `author:` lines and the
published issue): another language's "by" before a news agency, a site's feed or desk named in
its author meta tag, and a guest line in German or French after the owner's byline."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import SITE, authors, drafted, newsletter
from test_credit_walk158 import creator, meta, page

from conftest import LocalServer
from conftest import run_cli as run


def _built_text(config: Path) -> str:
    """A build without a draft: the issue's text."""
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    return (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")


def _notes(block: list[str]) -> str:
    return " ".join(" ".join(line for line in block if "<!--" in line).split())


def test_another_languages_by_before_a_news_agency_credits_the_agency(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk196 #1: "Par AFP", "Par l'AFP", "Von Reuters", "Por EFE", "Door ANP", "Di ANSA" were
    credited as written (and a feed's "Par AFP" too); "Von dpa" credited no one. "By AFP"
    credits "AFP"."""
    bylines = {
        "Wire Refunds": ("Par AFP", "AFP"),
        "Wire Airlines": ("Par l'AFP", "AFP"),
        "Wire Trains": ("Von Reuters", "Reuters"),
        "Wire Retail": ("Por EFE", "EFE"),
        "Wire Banks": ("Door ANP", "ANP"),
        "Wire Hotels": ("Di ANSA", "ANSA"),
        "Wire Phones": ("Von dpa", "dpa"),
    }
    items = [
        (t, "", page(t, before=f'<p class="byline">{line}</p>')) for t, (line, _) in bylines.items()
    ]
    items.append(("Wire Queues", creator("Par AFP"), page("Wire Queues")))
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    for title, (_, agency) in [*bylines.items(), ("Wire Queues", ("", "AFP"))]:
        assert authors(blocks[title]) == [agency], (title, blocks[title])
    text = _built_text(config)
    for agency in ("AFP", "Reuters", "EFE", "ANP", "ANSA", "dpa"):
        assert f"{agency} || Zeta Post" in text, text
    assert "Par AFP" not in text and "Par l'AFP" not in text and "Von Reuters" not in text, text


def test_a_sites_feed_podcast_or_editors_in_its_author_meta_tag_credits_no_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk196 #3: `<meta name="author" content="Zeta Post RSS">` (or "... Podcast") on the site
    "Zeta Post" was credited as a person, where "Zeta Post Blog" credits no one; the note of
    "Zeta Post Editors" named "Zeta Post", not what the page wrote."""
    kinds = ("RSS", "Podcast", "Radio", "TV", "Feed", "Magazine", "Weekly", "Editors")
    items = [
        (f"Site {k} Refunds", "", page(f"Site {k} Refunds", head=meta(f"{SITE} {k}")))
        for k in kinds
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    for kind, (title, _, _) in zip(kinds, items, strict=True):
        assert authors(blocks[title]) == [], (title, blocks[title])
        assert f"{SITE} {kind}" in _notes(blocks[title]), (title, blocks[title])
    text = _built_text(config)
    for kind in kinds:
        assert f"{SITE} {kind} ||" not in text, text


def test_a_guest_line_in_german_or_french_is_credited_over_the_owners_byline(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk196 #2: "Von Dana Owner" (or "By", "Par") then "Ein Gastbeitrag von Farid Haddad",
    "Ce billet est signé par notre invité, Carlos Mendes." or "Article invité de Carlos Mendes":
    the owner was credited, unsaid, where the English "Guest post by" is the guest's (docs)."""
    pages = {
        "Owner Refunds": ("Von Dana Owner", "Ein Gastbeitrag von Farid Haddad", "Farid Haddad"),
        "Owner Queues": ("By Dana Owner", "Ein Gastbeitrag von Farid Haddad", "Farid Haddad"),
        "Owner Trains": (
            "Par Dana Owner",
            "Ce billet est signé par notre invité, Carlos Mendes.",
            "Carlos Mendes",
        ),
        "Owner Hotels": ("Par Dana Owner", "Article invité de Carlos Mendes", "Carlos Mendes"),
    }
    items = [
        (
            t,
            creator("Dana Owner"),
            page(t, head=meta("Dana Owner"), before=f'<p class="byline">{by}</p><p>{guest}</p>'),
        )
        for t, (by, guest, _) in pages.items()
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    for title, (_, _, name) in pages.items():
        assert authors(blocks[title]) == [name], (title, blocks[title])
    text = _built_text(config)
    assert "Dana Owner ||" not in text, text
    assert text.count("Farid Haddad || Zeta Post") == 2, text
    assert text.count("Carlos Mendes || Zeta Post") == 2, text
    for line in ("Gastbeitrag", "notre invité", "Article invité"):
        assert line not in text, text

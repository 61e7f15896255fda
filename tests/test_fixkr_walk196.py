"""walk196's left-alone list, one step beyond fixkq: credits as the editor meets them (the draft's
`author:` lines and the issue built from it)."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import authors, drafted, newsletter
from test_credit_walk158 import creator, meta, page

from conftest import LocalServer
from conftest import run_cli as run


def _built_text(config: Path) -> str:
    """A build without a draft: the issue's text."""
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    return (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")


def _credited(tmp_path: Path, server: LocalServer, bylines: dict[str, str]) -> dict[str, list[str]]:
    """Each title's page with its byline block before the text: the authors its draft credits."""
    items = [(t, "", page(t, before=html)) for t, html in bylines.items()]
    blocks = drafted(newsletter(tmp_path, server, items))
    return {title: authors(blocks[title]) for title in bylines}


def test_a_quotation_in_q_then_by_names_whom_it_quotes_not_the_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk196 left-alone #1: `<p><q>Do the best you can ...</q></p><p>by Maya Angelou</p>`
    credited Maya Angelou, where the same under a `<blockquote>` or in quote marks credits no one."""
    quote = "Do the best you can until you know better."
    bylines = {
        "Quote Refunds": f"<p><q>{quote}</q></p><p>by Maya Angelou</p>",
        "Quote Queues": f"<p><q>{quote}</q>.</p><p>by Maya Angelou</p>",
        "Quote Trains": f"<p>“{quote}”</p><p>by Maya Angelou</p>",
        "Quote Hotels": f'<p>She said <q>{quote}</q> once.</p><p class="byline">By Jane Roe</p>',
    }
    credited = _credited(tmp_path, http_server, bylines)
    assert credited == {
        "Quote Refunds": [],
        "Quote Queues": [],
        "Quote Trains": [],
        "Quote Hotels": ["Jane Roe"],
    }, credited
    assert "Maya Angelou ||" not in _built_text(tmp_path / "feeds.yaml"), "credited"


def test_a_wordpress_posted_in_line_credits_the_person_not_the_category(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk196 left-alone #2: "Posted in Customer Experience by Farid Haddad" (WordPress's meta
    line) credited no one; so did "Posted in Cat1, Cat2 by Jane Roe on <date>"."""
    cat = '<a href="/category/cx/" rel="category tag">Customer Experience</a>'
    bylines = {
        "Posted Refunds": '<p class="byline">Posted in Customer Experience by Farid Haddad</p>',
        "Posted Queues": '<p class="byline">Posted in Cat1, Cat2 by Jane Roe on March 3, 2026</p>',
        "Posted Trains": f'<p class="byline">Posted in {cat} by <a href="/a/jr/">Jane Roe</a></p>',
        "Posted Hotels": '<p class="byline">Filed under Support &amp; Service by Farid Haddad</p>',
    }
    credited = _credited(tmp_path, http_server, bylines)
    assert credited == {
        "Posted Refunds": ["Farid Haddad"],
        "Posted Queues": ["Jane Roe"],
        "Posted Trains": ["Jane Roe"],
        "Posted Hotels": ["Farid Haddad"],
    }, credited
    text = _built_text(tmp_path / "feeds.yaml")
    assert text.count("Farid Haddad || Zeta Post") == 2, text
    assert text.count("Jane Roe || Zeta Post") == 2, text
    assert "Customer Experience ||" not in text and "Cat1" not in text, text


def test_a_french_interviewers_line_credits_the_interviewer(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk196 left-alone #3: "Entretien réalisé par Claire Martin" on an interview page credited
    no one, where "Interview by Claire Martin" credits her; nor did "Propos recueillis par" or the
    Spanish "Entrevista realizada por". The interviewee's line under it stays uncredited."""
    guest = "<p>Maya Torres, directrice du support chez Acme</p>"
    bylines = {
        "Entretien Refunds": f'<p class="byline">Entretien réalisé par Claire Martin</p>{guest}',
        "Entretien Queues": f'<p class="byline">Propos recueillis par Claire Martin</p>{guest}',
        "Entretien Trains": "<p>Entrevista realizada por Nora Kim. Ella dirige el equipo.</p>",
        "Entretien Hotels": f'<p class="byline">Interview by Claire Martin</p>{guest}',
    }
    credited = _credited(tmp_path, http_server, bylines)
    assert credited == {
        "Entretien Refunds": ["Claire Martin"],
        "Entretien Queues": ["Claire Martin"],
        "Entretien Trains": ["Nora Kim"],
        "Entretien Hotels": ["Claire Martin"],
    }, credited
    text = _built_text(tmp_path / "feeds.yaml")
    assert text.count("Claire Martin || Zeta Post") == 3, text
    assert "Maya Torres ||" not in text and "réalisé par" not in text, text


def test_a_name_in_capitals_with_a_cased_mc_or_title_is_recased(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk196 left-alone #4: "By RONALD McDONALD" and "By Dr. JANE DOE" were credited in capitals
    (the "Mc" and the title cased as written made the name not all capitals), where "By AJ
    JACOBS" credits "AJ Jacobs"; in a feed's author too."""
    bylines = {
        "Caps Refunds": "By RONALD McDONALD",
        "Caps Queues": "By Dr. JANE DOE",
        "Caps Trains": "By Prof. ANNA MacLEOD-GRANT",
        "Caps Hotels": "By AJ JACOBS",
    }
    items = [
        (t, "", page(t, before=f'<p class="byline">{line}</p>')) for t, line in bylines.items()
    ]
    items.append(("Caps Phones", creator("RONALD McDONALD"), page("Caps Phones")))
    blocks = drafted(newsletter(tmp_path, http_server, items))
    credited = {title: authors(blocks[title]) for title, _, _ in items}
    assert credited == {
        "Caps Refunds": ["Ronald McDonald"],
        "Caps Queues": ["Dr. Jane Doe"],
        "Caps Trains": ["Prof. Anna MacLeod-Grant"],
        "Caps Hotels": ["AJ Jacobs"],
        "Caps Phones": ["Ronald McDonald"],
    }, credited
    text = _built_text(tmp_path / "feeds.yaml")
    assert text.count("Ronald McDonald || Zeta Post") == 2, text
    assert "Dr. Jane Doe || Zeta Post" in text, text
    assert "McDONALD" not in text and "JANE DOE" not in text, text


def test_an_organisations_acronym_or_two_agencies_as_the_byline_are_credited(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk196 left-alone #5: "By NASA" credited no one where "By Reuters" credits the agency;
    "Par AFP et Le Monde" and "By Reuters and AFP" credited no one. Words in capitals are no
    organisation ("By FAR", "By THE WAY", which credited "The Way"), and a person named beside an
    acronym's byline is credited over it."""
    bylines = {
        "Acronym Refunds": "By NASA",
        "Acronym Queues": "By UNICEF",
        "Acronym Trains": "By WHO",
        "Acronym Hotels": "Par AFP et Le Monde",
        "Acronym Phones": "By Reuters and AFP",
        "Acronym Banks": "By FAR",
        "Acronym Shops": "By THE WAY",
        "Acronym Cafes": "By TBD",
    }
    items = [
        (t, "", page(t, before=f'<p class="byline">{line}</p>')) for t, line in bylines.items()
    ]
    person = page("Acronym Clinics", head=meta("Jane Roe"), before='<p class="byline">By NASA</p>')
    items.append(("Acronym Clinics", "", person))
    blocks = drafted(newsletter(tmp_path, http_server, items))
    credited = {title: authors(blocks[title]) for title, _, _ in items}
    assert credited == {
        "Acronym Refunds": ["NASA"],
        "Acronym Queues": ["UNICEF"],
        "Acronym Trains": ["WHO"],
        "Acronym Hotels": ["AFP", "Le Monde"],
        "Acronym Phones": ["Reuters", "AFP"],
        "Acronym Banks": [],
        "Acronym Shops": [],
        "Acronym Cafes": [],
        "Acronym Clinics": ["Jane Roe"],
    }, credited
    text = _built_text(tmp_path / "feeds.yaml")
    for credit in ("NASA", "UNICEF", "WHO", "AFP and Le Monde", "Reuters and AFP", "Jane Roe"):
        assert f"{credit} || Zeta Post" in text, (credit, text)
    assert "The Way ||" not in text and "Far ||" not in text and "FAR ||" not in text, text

"""walk163 (fixgp): labels, bylines and comment headings in other words and languages, as the
editor sees them in the draft's `author:` lines and notes: paid and desk labels in other wording
("Sponsored by Acme", "Brand Studio", "Staff Reports", "La Rédaction", "Redaktion Acme"), labels
before a name in other languages ("Words:", "كتب:", "Napisal", "Ein Gastbeitrag von"), a role's
"Fotos: Leo Grant" or a desk's "da Redação" after a comma, WordPress's "By Jane Roe on December
3, 2025", a label beside a person ("Jane Doe and Marketing Team"), the site after ". ", "Af"/"Av"
bylines, comment and related-content headings in other languages, and degrees after a name."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import NO_AUTHOR, SITE, authors, built, drafted, newsletter
from test_credit_sources import _own_words

from conftest import LocalServer


def page(title: str, head: str = "", before: str = "", after: str = "", site: str = SITE) -> str:
    """The walk's page: a site name, a headline, then BEFORE, four paragraphs and AFTER inside
    the <article>."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f'<title>{title} – {site}</title><meta property="og:site_name" content="{site}">{head}'
        '</head><body><header><nav><a href="/">Home</a></nav></header>'
        f"<main><article><h1>{title}</h1>{before}"
        + "".join(f"<p>{_own_words(title, n)}</p>" for n in range(4))
        + f"{after}</article></main><footer><p>© 2026 Acme</p></footer></body></html>"
    )


def meta(name: str) -> str:
    return f'<meta name="author" content="{name}">'


def creator(name: str) -> str:
    return f"<dc:creator>{name}</dc:creator>"


def byline(text: str) -> str:
    return f'<p class="byline">{text}</p>'


def commented(heading: str) -> str:
    return f"<h3>{heading}</h3><p>By Gary Commenter</p><p>I disagree with this.</p>"


#: title: (the item's author XML, the page, the authors the draft credits)
CREDITS: dict[str, tuple[str, str, list[str]]] = {
    # N1: desk labels in other wording and languages credit no one
    "Desk Staff Reports": (creator("Staff Reports"), page("Desk Staff Reports"), []),
    "Desk Redaction": ("", page("Desk Redaction", head=meta("La Rédaction")), []),
    "Desk Par Redaction": ("", page("Desk Par Redaction", before=byline("Par la rédaction")), []),
    "Desk Von Redaktion": (creator("Von der Redaktion"), page("Desk Von Redaktion"), []),
    "Desk Redaccion": ("", page("Desk Redaccion", head=meta("Redacción EFE")), []),
    "Desk Redaktion Acme": (creator("Redaktion Acme"), page("Desk Redaktion Acme"), []),
    # ... paid labels in other wording too
    "Paid Sponsored By": (creator("Sponsored by Acme"), page("Paid Sponsored By"), []),
    "Paid Partnership": ("", page("Paid Partnership", head=meta("In partnership with Acme")), []),
    "Paid Brand Studio": ("", page("Paid Brand Studio", before=byline("By Brand Studio")), []),
    "Paid For By": (creator("Paid for by Acme"), page("Paid For By"), []),
    # ... and a label before a name credits the name
    "Label Arabic": ("", page("Label Arabic", before=byline("كتب: محمد علي")), ["محمد علي"]),
    "Label Words": ("", page("Label Words", before=byline("Words: Kim Vance")), ["Kim Vance"]),
    "Label Story": (
        "",
        page("Label Story", before=byline("Story: Kim Vance; Photos: Leo Grant")),
        ["Kim Vance"],
    ),
    "Label Czech": ("", page("Label Czech", before=byline("Napisal Jan Novák")), ["Jan Novák"]),
    "Label Gastbeitrag": (
        creator("Peter Owner"),
        page("Label Gastbeitrag", before="<p><em>Ein Gastbeitrag von Farid Haddad</em></p>"),
        ["Farid Haddad"],
    ),
    # N2: a role's credit or a desk after a comma is no co-author
    "Comma Fotos": (
        "",
        page("Comma Fotos", before=byline("Text: Anna Schmidt, Fotos: Leo Grant")),
        ["Anna Schmidt"],
    ),
    "Comma Redacao": (
        "",
        page("Comma Redacao", head=meta("Maria Silva, da Redação")),
        ["Maria Silva"],
    ),
    # N3: WordPress's "By X on <date>"
    "Dated Long": (
        "",
        page("Dated Long", before=byline("By Jane Roe on December 3, 2025")),
        ["Jane Roe"],
    ),
    "Dated Posted": (
        "",
        page("Dated Posted", before=byline("Posted by Dana Ruiz on March 3, 2026")),
        ["Dana Ruiz"],
    ),
    "Dated Short": (
        "",
        page("Dated Short", before=byline("By Jane Roe on Dec 3, 2025")),
        ["Jane Roe"],
    ),
    "Dated Day First": (
        "",
        page("Dated Day First", before=byline("By Jane Roe on 3 December 2025")),
        ["Jane Roe"],
    ),
    "Dated Weekday": (
        "",
        page("Dated Weekday", before=byline("By Jane Roe on Tuesday")),
        ["Jane Roe"],
    ),
    "Dated Bare": (
        "",
        page("Dated Bare", before=byline("Jane Roe on December 3, 2025")),
        ["Jane Roe"],
    ),
    # N4: a label beside a person leaves the person, in a feed and a meta tag
    "Team Feed": (creator("Jane Doe and Marketing Team"), page("Team Feed"), ["Jane Doe"]),
    "Team Meta": ("", page("Team Meta", head=meta("Jane Doe and Marketing Team")), ["Jane Doe"]),
    # N6: the site after ". ", a full-width separator, the site's weekly
    "Site After Stop": (
        "",
        page("Site After Stop", head=meta(f"Finian Cunningham. {SITE} International")),
        ["Finian Cunningham"],
    ),
    "Site Slash": (
        "",
        page("Site Slash", before=byline("by 山田太郎 ／ 2016.12.01")),
        ["山田太郎"],
    ),
    "Site Weekly": (
        "",
        page("Site Weekly", before=byline("Posts by India Post News Weekly"), site="India Post"),
        [],
    ),
    # N7: comment and related-content headings in other languages and words
    **{
        f"Heading {heading}": ("", page(f"Heading {heading}", after=commented(heading)), [])
        for heading in (
            "Kommentare",
            "Commentaires",
            "Comentarios",
            "Commenti",
            "Reacties",
            "Komentarze",
            "What readers say",
            "Related posts",
            "More from Acme",
            "You may also like",
            "Read next",
        )
    },
    # N8: Danish, Norwegian and Swedish bylines
    "Nordic Danish": (
        "",
        page("Nordic Danish", before=byline("Af Lars Berg og Anne Holm")),
        ["Lars Berg", "Anne Holm"],
    ),
    "Nordic Swedish": (
        "",
        page("Nordic Swedish", before=byline("Av Lars Berg och Anne Holm")),
        ["Lars Berg", "Anne Holm"],
    ),
    # N10: degrees and honorifics are no part of a name
    "Degree MBA": (creator("Jane Doe, MBA"), page("Degree MBA"), ["Jane Doe"]),
    "Degree PhD": ("", page("Degree PhD", head=meta("Jane Doe PhD")), ["Jane Doe"]),
    "Degree MD": ("", page("Degree MD", before=byline("By Jane Doe M.D.")), ["Jane Doe"]),
    # ... a title before a name is kept, as publishers credit it ("Dr. Ananth Prabhu G")
    "Degree Dr": ("", page("Degree Dr", before=byline("By Dr. Jane Doe")), ["Dr. Jane Doe"]),
    # N9: an epigraph or a guest's note before the text (the blurbs are checked below)
    "Epigraph Opening": (
        "",
        page(
            "Epigraph Opening",
            before="<blockquote><p>The customer is always right.</p><p>by Maya Angelou</p>"
            "</blockquote>",
        ),
        [],
    ),
    "Guest Note Opening": (
        creator("Peter Owner"),
        page(
            "Guest Note Opening",
            before='<p class="byline">By Peter Owner</p><p>Farid Haddad is a guest contributor.</p>',
        ),
        ["Farid Haddad"],
    ),
    # N5: a fact-check's claimant is no author, and ministries are an organisation
    "Claim Reviewed": (
        "",
        page(
            "Claim Reviewed",
            head='<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
            ' "ClaimReview", "author": {"@type": "Organization", "name": "Zeta Post"},'
            ' "itemReviewed": {"@type": "CreativeWork", "author": {"@type": "Person", "name":'
            ' "Vladimir Claimant"}}}</script>',
            before='<h4 class="author">Vladimir Claimant</h4>',
        ),
        [],
    ),
    "Claim Ministries": (
        "",
        page(
            "Claim Ministries",
            before='<h4 class="author">The Russian and Syrian defense ministries</h4>',
        ),
        [],
    ),
    # N6: a handle as the site's name is the site's name without its "@"
    "Handle Site": (
        "",
        page("Handle Site", before=byline("By Jane Roe"), site="@politifact"),
        ["Jane Roe"],
    ),
}

PAID = "a label of paid content, not a person: you may want to mark the article as sponsored"


def test_labels_bylines_and_headings_in_other_words_credit_the_right_people(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(
        tmp_path, http_server, [(t, who, html) for t, (who, html, _) in CREDITS.items()]
    )
    config.write_text(config.read_text().replace("issue_size: 20", "issue_size: 50"))
    blocks = drafted(config)
    wrong = {
        title: authors(blocks[title])
        for title, (_, _, people) in CREDITS.items()
        if authors(blocks[title]) != people
    }
    assert not wrong, wrong
    notes = {
        title: " ".join(" ".join(line for line in block if "<!--" in line).split())
        for title, block in blocks.items()
    }
    unsaid = [
        title
        for title, (_, _, people) in CREDITS.items()
        if not people
        and not title.startswith(("Paid", "Site", "Heading"))
        and NO_AUTHOR not in notes[title]
    ]
    assert not unsaid, {t: notes[t] for t in unsaid}
    unpaid = [t for t in CREDITS if t.startswith("Paid") and PAID not in notes[t]]
    assert not unpaid, {t: notes[t] for t in unpaid}
    assert "publication: politifact" in blocks["Handle Site"], blocks["Handle Site"]

    # the issue: each credit as drafted, and the blurbs open with the article's own words
    text = built(config)
    for title in ("Epigraph Opening", "Guest Note Opening"):
        after = text.split(f"\n{title}\n", 1)[1].strip().splitlines()
        blurb = after[1]  # after the credit line
        assert blurb.startswith(_own_words(title, 0)[:40]), (title, after[:3])
    for wrong in (
        "The customer is always right",
        "is a guest contributor",
        "@politifact",
        "Claimant",
        "The Russian",
    ):
        assert wrong not in text, (wrong, text)
    for credit in ("Jane Doe || Zeta Post", "Farid Haddad || Zeta Post", "Jane Roe || politifact"):
        assert credit in text, (credit, text)

"""walk193 #2, #4, #6, #8, #9: credits as the editor meets them (the draft's `author:` lines and
notes, a build's warnings and the published issue): an interviewee or a quoted customer under
the headline, a guest named in a sentence, a quotation's source after a curly-quoted paragraph, a
news agency as the sole byline, and names in capitals or with a suffix after a comma."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import NO_AUTHOR, authors, drafted, newsletter
from test_credit_walk158 import creator, meta, page

from conftest import LocalServer
from conftest import run_cli as run


def _built_text(config: Path) -> tuple[str, str]:
    """A build without a draft: the issue's text and what the build said."""
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    text = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    return text, " ".join(err.split())


def _notes(block: list[str]) -> str:
    return " ".join(" ".join(line for line in block if "<!--" in line).split())


def test_a_guest_named_in_a_sentence_is_credited_over_the_blogs_owner(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk193 #4: the feed and the meta tag name the blog's owner; the page names its guest in a
    sentence ("Today's post comes from our guest, ...", "This post was written by ...", "About
    the guest author: ... runs ..."): the owner was credited."""
    owner = meta("Dana Owner")
    items = {
        "Guest Refunds": page(
            "Guest Refunds",
            head=owner,
            before="<p><em>Today&rsquo;s post comes from our guest, Carlos Mendes.</em></p>",
        ),
        "Guest Slopes": page(
            "Guest Slopes",
            head=owner,
            before="<p><em>This post was written by Carlos Mendes.</em></p>",
        ),
        "Guest Nights": page(
            "Guest Nights",
            head=owner,
            outside='<div class="guest-bio"><p><strong>About the guest author:</strong> Carlos'
            " Mendes runs support at a hotel group in Lisbon.</p></div>",
        ),
    }
    config = newsletter(
        tmp_path, http_server, [(t, creator("Dana Owner"), html) for t, html in items.items()]
    )
    blocks = drafted(config)
    for title in items:
        assert authors(blocks[title]) == ["Carlos Mendes"], (title, blocks[title])
        assert "its feed names Dana Owner" in _notes(blocks[title]), blocks[title]
    text, _ = _built_text(config)
    assert "Dana Owner ||" not in text and text.count("Carlos Mendes || Zeta Post") == 3, text


QUOTE_P = (
    "<p>&ldquo;People will forget what you said, people will forget what you did, but people"
    " will never forget how you made them feel.&rdquo;</p>"
)


def test_by_a_name_under_a_paragraph_in_quote_marks_credits_no_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk193 #6: "by Maya Angelou" after a curly-quoted paragraph (no `<blockquote>`) at the
    page's end was credited as its author; docs say a quote's "by" line credits no one."""
    items = {
        "Quoted Training": page(
            "Quoted Training", outside=QUOTE_P + "<p><em>by Maya Angelou</em></p>"
        ),
        "Quoted Coaching": page("Quoted Coaching", after=QUOTE_P + "<p>by Maya Angelou</p>"),
        # a byline after a paragraph of the article's own words is still one
        "Signed Coaching": page(
            "Signed Coaching", after="<p>Thanks for reading.</p><p><em>By Jane Roe</em></p>"
        ),
    }
    config = newsletter(tmp_path, http_server, [(t, "", html) for t, html in items.items()])
    blocks = drafted(config)
    for title in ("Quoted Training", "Quoted Coaching"):
        assert authors(blocks[title]) == [], (title, blocks[title])
        assert NO_AUTHOR in _notes(blocks[title]), blocks[title]
    assert authors(blocks["Signed Coaching"]) == ["Jane Roe"], blocks["Signed Coaching"]
    text, _ = _built_text(config)
    assert "Maya Angelou" not in text and "Jane Roe || Zeta Post" in text, text


def test_every_news_agency_alone_in_a_byline_is_credited_alike(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk193 #8: "By Reuters", "By Reuters Staff" and "By AFP" credited no one ("no author was
    found") where "By The Associated Press" credits the agency, as docs promise."""
    bylines = {
        "Wire Refunds": ("By Reuters", "Reuters"),
        "Wire Airlines": ("By Reuters Staff", "Reuters"),
        "Wire Trains": ("By AFP", "AFP"),
        "Wire Retail": ("By The Associated Press", "The Associated Press"),
    }
    config = newsletter(
        tmp_path,
        http_server,
        [
            (t, "", page(t, before=f'<p class="byline">{line}</p>'))
            for t, (line, _) in bylines.items()
        ],
    )
    blocks = drafted(config)
    for title, (_, agency) in bylines.items():
        assert authors(blocks[title]) == [agency], (title, blocks[title])
        assert NO_AUTHOR not in _notes(blocks[title]), blocks[title]
    text, _ = _built_text(config)
    for agency in ("Reuters", "AFP", "The Associated Press"):
        assert f"{agency} || Zeta Post" in text, text


def test_names_in_capitals_keep_initials_and_acronyms_and_a_suffix_after_a_comma_stays(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk193 #9: "By AJ JACOBS" was published as "Aj Jacobs", "DJ PATIL" as "Dj Patil", "ACLU"
    as "Aclu"; "By Jane Doe, II" lost its "II"; and `author: Martin Lopez, Jr.` in a draft stopped
    `build --draft` as one letter from "Martin Lopez Jr." though README allows "Smith, Jr."."""
    items = {
        "Capital Initials": page("Capital Initials", before='<p class="byline">By AJ JACOBS</p>'),
        "Capital Spins": page("Capital Spins", before='<p class="byline">By DJ PATIL</p>'),
        "Capital Names": page("Capital Names", before='<p class="byline">By MARY MCCARTHY</p>'),
        "Capital Rights": page("Capital Rights", head=meta("ACLU")),
        "Second Generation": page(
            "Second Generation", before='<p class="byline">By Jane Doe, II</p>'
        ),
        "Third Generation": page(
            "Third Generation", before='<p class="byline">By Martin Lopez Jr.</p>'
        ),
    }
    config = newsletter(tmp_path, http_server, [(t, "", html) for t, html in items.items()])
    blocks = drafted(config)
    assert authors(blocks["Capital Initials"]) == ["AJ Jacobs"], blocks["Capital Initials"]
    assert authors(blocks["Capital Spins"]) == ["DJ Patil"], blocks["Capital Spins"]
    assert authors(blocks["Capital Names"]) == ["Mary McCarthy"], blocks["Capital Names"]
    assert "Aclu" not in " ".join(blocks["Capital Rights"]), blocks["Capital Rights"]
    assert authors(blocks["Second Generation"]) == ["Jane Doe, II"], blocks["Second Generation"]
    assert authors(blocks["Third Generation"]) == ["Martin Lopez Jr."], blocks["Third Generation"]
    # the editor writes the suffix after a comma, as README allows: no typo, it is published
    draft = tmp_path / "drafts" / "issue-1.md"
    draft.write_text(
        draft.read_text(encoding="utf-8").replace(
            "author: Martin Lopez Jr.", "author: Martin Lopez, Jr."
        ),
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, err
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for credit in ("AJ Jacobs", "DJ Patil", "Jane Doe, II", "Martin Lopez, Jr."):
        assert f"{credit} || Zeta Post" in text, (credit, text)
    assert "Aclu" not in text and "Aj Jacobs" not in text, text


def test_an_interviewee_or_a_quoted_customer_under_the_headline_is_no_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk193 #2: with no "By" line, the "Name, Role at Company" line of an interview's
    interviewee, or of a customer under a quotation, was credited as the author, unsaid, and
    "Interview conducted by Nora Kim" at the page's end was passed over."""
    items = {
        "Interview: Acme Queue Design": page(
            "Interview: Acme Queue Design",
            before='<p class="standfirst">Maya Torres, Head of Support at Acme</p>'
            "<p><strong>Q: How big is your team?</strong></p>"
            "<p>A: Forty agents across three time zones.</p>",
        ),
        "Ten Minutes With a Support Director": page(
            "Ten Minutes With a Support Director",
            before='<div class="interviewee"><p>Omar Haddad, Director of Customer Care at Zeta'
            "</p></div><p><strong>Q: What changed this year?</strong></p>",
            outside="<p><em>Interview conducted by Nora Kim. It has been edited for length.</em></p>",
        ),
        "Case Study: Beta Corp Wait Times": page(
            "Case Study: Beta Corp Wait Times",
            before="<p>&ldquo;We cut our wait times in half within a quarter.&rdquo;</p>"
            "<p>Jane Customer, COO of Beta Corp</p>",
        ),
        # a writer's name and title under the headline is still a byline (docs/credits.md)
        "Voice of the Customer Revisited": page(
            "Voice of the Customer Revisited", before="<p>Tomas Berg, Senior Editor</p>"
        ),
    }
    config = newsletter(tmp_path, http_server, [(t, "", html) for t, html in items.items()])
    blocks = drafted(config)
    for title in ("Interview: Acme Queue Design", "Case Study: Beta Corp Wait Times"):
        assert authors(blocks[title]) == [], (title, blocks[title])
        assert NO_AUTHOR in _notes(blocks[title]), blocks[title]
    assert authors(blocks["Ten Minutes With a Support Director"]) == ["Nora Kim"], blocks[
        "Ten Minutes With a Support Director"
    ]
    assert authors(blocks["Voice of the Customer Revisited"]) == ["Tomas Berg"]
    text, said = _built_text(config)
    for wrong in ("Maya Torres", "Omar Haddad", "Jane Customer"):
        assert wrong not in text, (wrong, text)
    assert "Nora Kim || Zeta Post" in text and "Tomas Berg || Zeta Post" in text, text
    assert "Case Study: Beta Corp Wait Times" in said and "no author" in said, said

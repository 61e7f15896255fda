"""walk158 #1-#6, #10, #11: credits that named the wrong people, as the editor sees them (the
draft's `author:` lines and notes, a build's warnings, the published issue, `curator extract`):
the source of a quotation ("by Maya Angelou" in a `<blockquote>`), a commenter after a Comments
heading, a fragment of a station's desk ("KTLA 5 Staff" as "Ktla"), a department after a comma as
a co-author ("Jane Doe and Customer Experience"), labels as people ("Sponsored Content", "No
author", "wpadmin", "Marketing Team", "jane.doe"), an RSS author of two addresses with their names
credited to no one, a guest author losing to the blog's owner, and a sentence opening "By ..."."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import NO_AUTHOR, SITE, authors, drafted, newsletter
from test_credit_sources import _own_words

from conftest import LocalServer
from conftest import run_cli as run


def page(title: str, head: str = "", before: str = "", after: str = "", outside: str = "") -> str:
    """The walk's page: a site name, a headline, then BEFORE, four paragraphs and AFTER inside
    the <article>, OUTSIDE after it."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f'<title>{title} – {SITE}</title><meta property="og:site_name" content="{SITE}">{head}'
        '</head><body><header><nav><a href="/">Home</a></nav></header>'
        f"<main><article><h1>{title}</h1>{before}"
        + "".join(f"<p>{_own_words(title, n)}</p>" for n in range(4))
        + f"{after}</article>{outside}</main><footer><p>© 2026 Acme</p></footer></body></html>"
    )


def meta(name: str) -> str:
    return f'<meta name="author" content="{name}">'


def creator(name: str) -> str:
    return f"<dc:creator>{name}</dc:creator>"


QUOTE = "<blockquote><p>The customer is always right.</p><p>by Maya Angelou</p></blockquote>"
GUEST = "<p><em>Guest post by Farid Haddad</em></p>"

#: title: (the item's author XML, the page, the authors the draft credits)
CREDITS = {
    # 1: a quotation's source is no author, before the text or after it
    "Quoted Refunds": ("", page("Quoted Refunds", before=QUOTE), []),
    "Quoted Returns": ("", page("Quoted Returns", after=QUOTE), []),
    # 2: a commenter's "By ..." after the Comments heading
    "Commented Queues": (
        "",
        page(
            "Commented Queues",
            after="<h3>Comments</h3><p>By Gary Commenter</p><p>I disagree with this.</p>",
        ),
        [],
    ),
    # 3: a station's or a desk's label, in a meta tag or a feed, never a fragment of it
    "Station Hotlines": ("", page("Station Hotlines", head=meta("KTLA 5 Staff")), []),
    "Station Callbacks": (creator("NBC4 Washington Staff"), page("Station Callbacks"), []),
    "Station Chatbots": (creator("FOX 5 Digital Team"), page("Station Chatbots"), []),
    "Station Surveys": ("", page("Station Surveys", head=meta("Relay4 Staff")), []),
    # 4: a department after a comma is no co-author
    "Department Journeys": (
        "",
        page("Department Journeys", head=meta("Jane Doe, Customer Experience")),
        ["Jane Doe"],
    ),
    "Department Handoffs": (
        creator("Jane Doe, Customer Success"),
        page("Department Handoffs"),
        ["Jane Doe"],
    ),
    "Department Portals": (
        "",
        page("Department Portals", before='<p class="byline">By Ann Lee, Product Design</p>'),
        ["Ann Lee"],
    ),
    # ... while a second person after a comma is still one
    "Two Writers Escalations": (
        creator("Jane Doe, John Roe"),
        page("Two Writers Escalations"),
        [
            "Jane Doe",
            "John Roe",
        ],
    ),
    # 5: labels credit no one
    "Label Onboarding": (creator("No author"), page("Label Onboarding"), []),
    "Label Renewals": (creator("wpadmin"), page("Label Renewals"), []),
    "Label Churn": (creator("Marketing Team"), page("Label Churn"), []),
    "Label Feedback": (creator("Content Team"), page("Label Feedback"), []),
    "Label Warranty": ("", page("Label Warranty", head=meta("Post Staff Report")), []),
    "Label Loyalty": (creator("jane.doe"), page("Label Loyalty"), []),
    # ... and a label of paid content says so
    "Paid Upgrades": (creator("Sponsored Content"), page("Paid Upgrades"), []),
    "Paid Billing": ("", page("Paid Billing", head=meta("Press Release")), []),
    # 6: an RSS author of several addresses, each with its name
    "Addressed Tickets": (
        "<author>ann@x.example (Ann Lee), bo@x.example (Bo Chen)</author>",
        page("Addressed Tickets"),
        ["Ann Lee", "Bo Chen"],
    ),
    "Addressed Macros": (
        "<author>ann@x.example (Ann Lee) and bo@x.example (Bo Chen)</author>",
        page("Addressed Macros"),
        ["Ann Lee", "Bo Chen"],
    ),
    # 10: a guest beats the owner the feed and the page name too
    "Guest Empathy": (
        creator("Peter Owner"),
        page("Guest Empathy", head=meta("Peter Owner"), after=GUEST),
        ["Farid Haddad"],
    ),
    "Guest Staffing": (
        creator("Peter Owner"),
        page(
            "Guest Staffing",
            before='<p class="byline">By Peter Owner</p>',
            after="<p>Farid Haddad is a guest contributor.</p>",
        ),
        ["Farid Haddad"],
    ),
    # 11: a sentence that opens with "By" is no byline
    "Sentence Surveys": (
        "",
        page(
            "Sentence Surveys",
            before="<p>By Jane Quote and her team at Acme, the survey was run twice.</p>",
        ),
        [],
    ),
}

PAID = "a label of paid content, not a person: you may want to mark the article as sponsored"


def test_quotes_comments_desks_departments_labels_and_guests_credit_the_right_people(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(
        tmp_path, http_server, [(t, who, html) for t, (who, html, _) in CREDITS.items()]
    )
    # every article in the issue (the helper's newsletter holds 20)
    config.write_text(config.read_text().replace("issue_size: 20", "issue_size: 40"))
    blocks = drafted(config)
    for title, (_, _, people) in CREDITS.items():
        assert authors(blocks[title]) == people, (title, blocks[title])
    notes = {
        title: " ".join(" ".join(line for line in block if "<!--" in line).split())
        for title, block in blocks.items()
    }
    # no one credited: the note a label gets, or, for paid content, what it is
    for title, (_, _, people) in CREDITS.items():
        if not people and not title.startswith("Paid"):
            assert NO_AUTHOR in notes[title], (title, notes[title])
    assert f'its feed names "Sponsored Content" as the author, {PAID}' in notes["Paid Upgrades"]
    assert f'its page names "Press Release" as the author, {PAID}' in notes["Paid Billing"]
    # the guest is credited, and the note names the owner the feed gave
    for title in ("Guest Empathy", "Guest Staffing"):
        assert (
            "the page names Farid Haddad, credited above; its feed names Peter Owner"
            in (notes[title])
        ), notes[title]

    # a build without a draft says so as it publishes
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert f'"Sponsored Content" as the author, {PAID}' in said, err
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for wrong in ("Maya Angelou", "Gary Commenter", "Ktla", "NBC ||", "FOX ||", "Relay ||"):
        assert wrong not in text, (wrong, text)
    assert "Jane Doe || Zeta Post" in text and "Ann Lee and Bo Chen || Zeta Post" in text, text
    assert "Farid Haddad || Zeta Post" in text and "Peter Owner ||" not in text, text
    for label in (
        "Customer Experience",
        "Customer Success",
        "Product Design",
        "Sponsored Content",
        "Press Release",
        "No author",
        "wpadmin",
        "Marketing Team",
        "Content Team",
        "Post Staff Report",
        "jane.doe",
        "Jane Quote ||",
    ):
        assert label not in text, (label, text)

    # `curator extract` of a page says what its label is
    code, out, err = run(
        "extract",
        "--config",
        str(config),
        "--allow-private",
        http_server.url(f"/p/{list(CREDITS).index('Paid Billing')}/"),
    )
    assert code == 0, err
    assert '(no author found: the page names "Press Release" as the author, a label of paid' in (
        " ".join(out.split())
    ), out

"""fixhz: the footer and notice checks read the news words they were written for.

blurb.py defined `_REPORTED` twice: the news words ("said", "announced", "reported", "according
to") that tell a sentence opening with a footer's words is news of a notice, not one, and later
the verbs of a person named by their surname ("Smith noted", "Temkin elaborated"), which replaced
the first at import. So a footer line ending a page that held "noted" or "explained" was taken
for news and ran into the blurb, and a lead that "announced" or "reported" was dropped as a
notice. Through the CLI, on a real local HTTP server, with the real templates."""

from __future__ import annotations

import html
from pathlib import Path

from test_credit_formats import newsletter
from test_walk65 import _article
from test_walk78 import MORE, SERVICE, _txt

from conftest import LocalServer
from conftest import run_cli as run

#: Footer lines ending a page: notices to the reader holding a verb of the surname pattern, none
#: of the news words. Each ran into its blurb as the blurb's last sentence.
FOOTERS = (
    "Subscribe to our newsletter for the stories our editors noted this week.",
    "Sign up for our newsletter and get everything our writers explained this week.",
)
#: Leads opening with a footer's words that report news with a word only the first pattern holds,
#: each with a second sentence of its own (two pages alike are listed as "the same story"): each
#: lead was dropped from its blurb with no word.
LEADS = (
    (
        "Subscribe to our newsletter, the pop-up announced, and four in ten readers did within a"
        " day.",
        SERVICE,
    ),
    (
        "Leave a comment below, the council's consultation page asked, and 9,000 residents did,"
        " according to the council.",
        MORE,
    ),
)


def test_footer_lines_ending_a_page_stay_out_and_news_of_a_notice_opens_its_blurb(
    tmp_path: Path, http_server: LocalServer
):
    """A footer line ending a page ("Subscribe to our newsletter for the stories our editors
    noted this week.") is no blurb's sentence; a lead opening with a footer's words that reports
    news ("..., the pop-up announced, ...") opens its blurb. One build of both."""
    # Two short sentences before the footer: the blurb reaches for a third (150 characters).
    leads = [
        (
            f"The service desk in hall {n} reopened on Monday after repairs.",
            "Staff answered every waiting customer within the day.",
        )
        for n in range(len(FOOTERS))
    ]
    items = [
        (
            f"Customer service footer {n}",
            "",
            _article(f"Customer service footer {n}", [*lead, footer]),
        )
        for n, (lead, footer) in enumerate(zip(leads, FOOTERS, strict=True))
    ]
    items += [
        (f"Customer service lead {n}", "", _article(f"Customer service lead {n}", [*lead]))
        for n, lead in enumerate(LEADS)
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    txt = html.unescape(_txt(tmp_path))
    for lead, footer in zip(leads, FOOTERS, strict=True):
        assert footer not in txt, (footer, txt)
        assert " ".join(lead) in txt, (lead, txt)
    for lead in LEADS:
        assert " ".join(lead) in txt, (lead, txt)

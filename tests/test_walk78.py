"""walk78: leads that name a footer's words (terms of service, privacy policy, affiliate links)
kept; a declared credit's dateline after a bar is no co-author; a short page's headline and
byline run into its text open no blurb. Each through the CLI on a real local HTTP server."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from test_credit_formats import newsletter, page
from test_credit_sources import _own_words
from test_walk65 import _article

from conftest import LocalServer
from conftest import run_cli as run

SERVICE = (
    "Customer service teams answered every customer who wrote in, and customer support said the"
    " effort paid off for the service."
)
MORE = "The customer service desk logged each complaint, and support staff replied within a day."

#: walk78 #1: leads naming a footer's phrase, each dropped from its blurb with no word.
LEADS = (
    "Twitter changed its terms of service on Friday, letting it train AI models on users' posts.",
    "Apple updated its privacy policy on Monday to cover the new health app.",
    "Regulators fined the retailer for hiding affiliate links in product reviews.",
    "Readers who log in to the bank's app will now see their credit score.",
    "Only sponsored content was exempt from the new labelling rules, the regulator said.",
    "Read our privacy policy? Few users do: a study found that nine in ten people accept terms"
    " without reading them.",
)
#: Notices after a lead, in the shapes footers write them: still no blurb's sentence.
NOTICES = (
    "This post contains affiliate links.",
    "Please read our privacy policy before you comment.",
    "You must log in to post a comment.",
)


def _txt(tmp_path: Path) -> str:
    return " ".join((tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").split())


def leads_and_notices(
    tmp_path: Path, http_server: LocalServer, leads: Sequence[str], notices: Sequence[str]
) -> str:
    """A plain build of a feed whose articles open with each of `leads` (then SERVICE) and
    whose others hold each of `notices` (between SERVICE and MORE): the issue as text."""
    items = [
        (
            f"Customer service story {n}",
            "",
            _article(f"Customer service story {n}", [lead, SERVICE]),
        )
        for n, lead in enumerate(leads)
    ]
    items += [
        (
            f"Customer service notice {n}",
            "",
            _article(f"Customer service notice {n}", [SERVICE, notice, MORE]),
        )
        for n, notice in enumerate(notices)
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    return html.unescape(_txt(tmp_path))


def leads_kept_notices_not(
    tmp_path: Path, http_server: LocalServer, leads: Sequence[str], notices: Sequence[str]
) -> None:
    """Each of `leads` opens its article's blurb; each of `notices` is left out of its own."""
    txt = leads_and_notices(tmp_path, http_server, leads, notices)
    for lead in leads:
        assert f"{lead} {SERVICE}" in txt, (lead, txt)
    for notice in notices:
        assert notice not in txt, (notice, txt)
    assert txt.count(f"{SERVICE} {MORE}") == len(notices), txt


def test_leads_naming_footer_words_keep_their_blurbs(tmp_path: Path, http_server: LocalServer):
    """A sentence is furniture for a footer's phrase only in a notice's shape (the phrase opening
    it, the site speaking of its own, a short line asking the reader): the leads are the blurbs'
    first sentences; the notices are still left out."""
    leads_kept_notices_not(tmp_path, http_server, LEADS, NOTICES)


def _credited(tmp_path: Path, http_server: LocalServer, authors: list[str]) -> str:
    items = []
    for n, author in enumerate(authors):
        title = f"Customer service talks {n}"
        head = f'<meta name="author" content="{html.escape(author)}">'
        items.append((title, "", page(title, head=head)))
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    return _txt(tmp_path)


def test_a_dateline_after_a_bar_is_no_co_author(tmp_path: Path, http_server: LocalServer):
    """walk78 #2: a meta author "By ANA RUIZ | KYIV, Ukraine | Dec. 3, 2026" was credited "Ana
    Ruiz and Ukraine KYIV", "By Ana Ruiz | Kyiv" "Ana Ruiz and Kyiv". The parts after the bar
    that would be a dateline after a comma are one here too; two people split by a bar stay two."""
    txt = _credited(
        tmp_path,
        http_server,
        ["By ANA RUIZ | KYIV, Ukraine | Dec. 3, 2026", "By Ana Ruiz | Kyiv", "Ana Ruiz | Carl Ng"],
    )
    assert "Kyiv" not in txt and "KYIV" not in txt and "Ukraine" not in txt, txt
    assert txt.count("Ana Ruiz ||") == 2, txt
    assert "Ana Ruiz and Carl Ng ||" in txt, txt


def test_a_short_pages_headline_and_byline_open_no_blurb(tmp_path: Path, http_server: LocalServer):
    """walk78 #3: a short page's <h1> and byline paragraph, run into its text's first line by
    the page reader, were published as the blurb's opening ("Talks in Geneva By Carl Ng in
    Geneva, December 3, 2026 GENEVA, Dec 3 - The talks ..."). Now the blurb opens with the lead;
    a lead that begins with the title's words keeps them."""
    lead = (
        "The customer service talks ended without agreement on Friday after nine hours of"
        " negotiation."
    )
    title = "Talks in Geneva"
    # (a page this short: its reader runs the <h1>, the byline and the text into one line)
    short = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        '<p class="byline">By Carl Ng in Geneva, December 3, 2026</p>'
        f"<p>GENEVA, Dec 3 - {lead}</p><p>{SERVICE}</p></article></body></html>"
    )
    own = "Customer service talks"
    own_lead = f"{own} ended without agreement on Friday, and support staff went home."
    items = [(title, "", short), (own, "", _article(own, [own_lead, _own_words(own, 0)]))]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    txt = _txt(tmp_path)
    assert f"{title} {lead[:30]}" not in txt, txt
    assert "By Carl Ng in Geneva" not in txt and "GENEVA, Dec 3" not in txt, txt
    assert f"Carl Ng || Zeta Post {lead} {SERVICE}" in txt, txt
    assert f"{own} Zeta Post {own_lead}" in txt, txt

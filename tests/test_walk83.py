"""walk83: leads opening with a footer's word (sign up, copyright, download, subscribe) kept;
a short page's headline and byline open no stored blurb; build --draft warns of a feed-only
credit and blurb only while the draft keeps curator's; an OPML import names a feed listed twice
by the title it kept. Each through the CLI (on a real local HTTP server where pages are read)."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import newsletter
from test_page_retry import curator, flaky_page
from test_page_retry import newsletter as retry_newsletter
from test_walk78 import SERVICE, leads_kept_notices_not
from test_walk82 import config, opml

from conftest import LocalServer
from conftest import run_cli as run

#: walk83 N1: leads opening with a FURNITURE word, each dropped from its blurb with no word.
LEADS = (
    "Sign up for the city marathon closed within an hour on Monday after 40,000 runners applied.",
    "Copyright holders sued the AI company on Monday over the use of their books.",
    "Download speeds on rural lines doubled this year, the regulator said.",
    "Advertisement spending fell for the first time in a decade, agencies reported.",
    "Subscribe-and-save orders made up a fifth of the retailer's sales.",
    "Cookies on this site track visitors without consent, the regulator found, and fined the"
    " operator two million euros.",
    "Subscribe to our newsletter, the pop-up said; regulators say such prompts now appear on eight"
    " in ten news sites.",
    "Leave a comment below, the minister's blog post said, and within a day 9,000 people had.",
)
#: Notices opening with the same words: still no blurb's sentence, short or long.
NOTICES = (
    "Sign up now!",
    "Subscribe to our newsletter to get the best stories delivered to your inbox every week.",
    "Leave a comment below and tell us what you think of the new design.",
    "Download our free app to read the news on your phone wherever you are.",
)


def test_leads_opening_with_footer_words_keep_their_blurbs(
    tmp_path: Path, http_server: LocalServer
):
    """A sentence opening with a footer's word is furniture only as a footer line (a few words)
    or a notice (asking the reader, the site's own, nothing reported): each lead opens its blurb;
    the notices are still left out."""
    leads_kept_notices_not(tmp_path, http_server, LEADS, NOTICES)


def test_a_short_pages_headline_under_another_feed_title_opens_no_stored_blurb(
    tmp_path: Path, http_server: LocalServer
):
    """walk83 N2: a short page headed "Talks in Geneva", whose feed titles it "Old n16", had its
    <h1> and byline, run into its text's first line, stored as its blurb's opening (`extract`,
    reading the page's own title, showed it clean). The draft's blurb now opens with the lead."""
    lead = (
        "The customer service talks ended without agreement on Friday after nine hours of"
        " negotiation."
    )
    short = (
        "<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks in Geneva</h1>"
        '<p class="byline">By Carl Ng in Geneva, December 3, 2026</p>'
        f"<p>GENEVA, Dec 3 - {lead}</p><p>{SERVICE}</p></article></body></html>"
    )
    config = newsletter(tmp_path, http_server, [("Customer service n16", "", short)])
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    draft = " ".join((tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8").split())
    assert "By Carl Ng in Geneva" not in draft and "GENEVA, Dec 3" not in draft, draft
    assert "Talks in Geneva" not in draft, draft
    assert f"--> {lead} {SERVICE}" in draft, draft


def _built_after_editing(tmp_path: Path, http_server: LocalServer, url: str, author: bool) -> str:
    """The stderr of `build --draft` after the editor rewrote the draft's blurb (and with
    `author`, added an author) of an article whose page could not be read."""
    tmp_path.mkdir()
    config = retry_newsletter(tmp_path, http_server, url, "  allow_private_addresses: true\n")
    result = curator(config, "draft")
    assert result.exit_code == 0, result.stderr
    assert "its credit and blurb come from its feed alone" in " ".join(result.stderr.split())
    path = tmp_path / "drafts" / "issue-1.md"
    draft = path.read_text(encoding="utf-8")
    blurb = "Customer experience at the service desk."
    assert blurb in draft and "publication: Intranet News" in draft, draft
    draft = draft.replace(
        blurb,
        "The service desk team rebuilt its customer experience around listening, and waiting"
        " times fell by half.",
    )
    if author:
        draft = draft.replace(
            "publication: Intranet News", "author: Dana Lee\npublication: Intranet News"
        )
    path.write_text(draft, encoding="utf-8")
    result = curator(config, "build", "--draft", str(path), "--no-fetch")
    assert result.exit_code == 0, result.stderr
    assert "waiting times fell by half" in (tmp_path / "output" / "issue-1.txt").read_text(
        encoding="utf-8"
    )
    return " ".join(result.stderr.split())


def test_build_draft_names_only_the_feeds_credit_and_blurb_the_editor_kept(
    tmp_path: Path, http_server: LocalServer
):
    """walk83 N3: after the editor corrected an unread page's author and blurb in the draft,
    `build --draft` still said "its credit and blurb come from its feed alone". A credit or blurb
    the editor rewrote is theirs: only what the draft kept as curator wrote it is named."""
    url = flaky_page(http_server, fail=100, status=500)
    said = f'the page of "Service desks that listen" ({url}) could not be read'
    stderr = _built_after_editing(tmp_path / "blurb", http_server, url, author=False)
    assert f"{said} (HTTP 500 Internal Server Error): its credit comes from its feed alone;" in (
        stderr
    ), stderr
    assert "blurb come" not in stderr, stderr
    stderr = _built_after_editing(tmp_path / "both", http_server, url, author=True)
    assert said not in stderr, stderr


def test_a_feed_under_two_titles_is_reported_by_the_title_kept_beside_it(tmp_path: Path):
    """walk83 N4: one feed under two folders with two titles ("Acme Support Blog", then "World"):
    the comment beside it and the export kept the first, but the import's report named "World"."""
    path = config(tmp_path / "a")
    source = opml(
        tmp_path,
        '<outline text="Service operations"><outline text="Acme Support Blog" type="rss"'
        ' xmlUrl="https://acme.example.com/feed"/></outline>\n'
        '<outline text="Customer success"><outline text="World" type="rss"'
        ' xmlUrl="https://acme.example.com/feed"/></outline>',
    )
    code, _, err = run("feeds", "import", "--no-check", "--config", str(path), str(source))
    assert code == 0, err
    assert '# OPML title: "Acme Support Blog"' in path.read_text(encoding="utf-8")
    assert "\n  Acme Support Blog (https://acme.example.com/feed)\n" in err, err
    assert "World (" not in err, err

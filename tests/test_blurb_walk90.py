"""walk90's findings on blurbs: page clutter (an editor's note, a correction) opening the blurb, a
press release's wire dateline kept, a paywall teaser's free lead lost, a video page's headline and
byline run into its blurb, and a page of one overlong sentence given the feed's placeholder."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import LocalServer, run_cli

PLACEHOLDER = "A short summary from the feed."


def body(n: int) -> list[str]:
    return [
        f"Article {n} looks at how customer service desks handle complaint number {n} in the"
        " retail journey.",
        f"Researchers found that the support team in case {n} answered faster when agents owned"
        " the ticket end to end.",
        f"The lesson for customer experience leaders in example {n} is to measure effort, not only"
        " satisfaction.",
    ]


def page(title: str, author: str | None, paras: list[str], pre: str = "") -> str:
    """An article page as walk90's were: an <h1>, a byline paragraph, then the paragraphs."""
    head = f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
    if author:
        head += f'<meta name="author" content="{author}">'
    byline = f'<p class="byline">By {author}</p>' if author else ""
    return (
        f"{head}</head><body><article>{pre}<h1>{title}</h1>{byline}"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</article></body></html>"
    )


def drafted_blurbs(tmp_path: Path, server: LocalServer, pages: dict[str, str]) -> dict[str, str]:
    """Draft an issue of a feed linking each of `pages` (title: html) with the feed's placeholder
    summary; the blurb under each title in the draft, with the notes after it."""
    items = ""
    for n, (title, html) in enumerate(pages.items()):
        url = server.add(f"/a/{n}", html, content_type="text/html; charset=utf-8")
        items += (
            f"<item><title>{title}</title><link>{url}</link><guid>{url}</guid>"
            f"<pubDate>Tue, 01 Dec 2026 1{n % 10}:00:00 GMT</pubDate>"
            f"<description>{PLACEHOLDER}</description></item>"
        )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>CX Wire</title>'
        f"<link>{server.base}/</link><description>x</description>{items}</channel></rss>"
    )
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Ed"},
        "subjects": [{"name": "Service", "keywords": ["customer", "service", "complaints"]}],
        "feeds": [{"url": server.add("/feed.xml", feed)}],
        "settings": {"allow_private_addresses": True, "timeout": 5},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run_cli("draft", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    found = {}
    for title in pages:
        if f"## {title}\n" not in draft:
            continue
        section = draft[draft.index(f"## {title}\n") :].split("\n## ", 1)[0]
        found[title] = section.split("\n\n", 1)[1].strip()
    return found


def test_an_editors_note_a_correction_and_a_photo_caption_do_not_open_the_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk90 #2: "Editor's note: This story is part of our series ...", "Correction: An earlier
    version of this article misstated ..." and a caption in a plain <p> ("Shoppers browse the
    aisles at a store in Bristol on Tuesday. Photo: Mia Cole ...") opened the blurbs."""
    pages = {
        "A year of answering every email": page(
            "A year of answering every email",
            "Nia Bose",
            [
                "Editor's note: This story is part of our series on service at scale, supported"
                " by a grant from the Retail Foundation.",
                *body(14),
            ],
        ),
        "Survey ranks the friendliest call centres": page(
            "Survey ranks the friendliest call centres",
            "Pia Lund",
            [
                "Correction: An earlier version of this article misstated the number of call"
                " centres surveyed. It was 120, not 210.",
                *body(16),
            ],
        ),
        "Grocers test quiet hours": page(
            "Grocers test quiet hours",
            "Lou Finch",
            [
                "Shoppers browse the aisles at a store in Bristol on Tuesday. Photo: Mia Cole for"
                " Aisle Report",
                *body(12),
            ],
        ),
    }
    found = drafted_blurbs(tmp_path, http_server, pages)
    assert len(found) == 3, found
    for (title, blurb), n in zip(found.items(), (14, 16, 12), strict=True):
        assert blurb.startswith(body(n)[0]), (title, blurb)
        for clutter in ("Editor's note", "Correction", "120, not 210", "Shoppers browse"):
            assert clutter not in blurb, (title, blurb)


def test_a_press_releases_wire_dateline_is_left_out(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk90 #3: "SAN FRANCISCO, Dec. 1, 2026 /PRNewswire/ -- Acme Corp today announced ..."
    kept its dateline, though README says datelines are dropped."""
    title = "Acme Launches CustomerFirst 3.0 Platform"
    paras = [
        "SAN FRANCISCO, Dec. 1, 2026 /PRNewswire/ -- Acme Corp today announced CustomerFirst 3.0,"
        " a customer service platform that routes each ticket to one owner.",
        "The release adds journey analytics for customer experience teams.",
        "For media inquiries, contact press@acme.example.",
    ]
    blurb = drafted_blurbs(tmp_path, http_server, {title: page(title, None, paras)})[title]
    assert blurb.startswith("Acme Corp today announced CustomerFirst 3.0,"), blurb
    assert "PRNewswire" not in blurb and "SAN FRANCISCO" not in blurb, blurb


def test_a_paywall_teasers_free_lead_is_its_blurb(tmp_path: Path, http_server: LocalServer) -> None:
    """walk90 #5: a short teaser (headline, byline, one free sentence, the paywall's notice) was
    read as one line, dropped whole as the notice: the blurb was the feed's placeholder, with a
    note that the page's text has no sentence ending with . ! or ?, which was false."""
    title = "Airlines and the apology budget"
    paras = [
        body(9)[0],
        "This article is available to subscribers only.",
        "Already a subscriber? Log in.",
    ]
    blurb = drafted_blurbs(tmp_path, http_server, {title: page(title, "Iris Wen", paras)})[title]
    assert blurb.startswith(body(9)[0]), blurb
    assert PLACEHOLDER not in blurb, blurb
    assert "none ending with" not in blurb, blurb
    assert "subscribers only" not in blurb.split("<!--")[0], blurb


def test_a_video_pages_blurb_has_no_headline_or_byline(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk90 #7: "Video: A day on the complaints desk By Sam Vu Watch: our reporter ...": the
    headline and byline ran into the blurb of a short video page."""
    title = "Video: A day on the complaints desk"
    lead = "Watch: our reporter spends a day answering customer complaints at a utility company."
    html = page(title, "Sam Vu", [lead], pre='<video controls src="/v.mp4"></video>')
    blurb = drafted_blurbs(tmp_path, http_server, {title: html})[title]
    assert blurb.split("\n")[0] == lead, blurb


def test_a_page_of_one_overlong_sentence_gets_it_cut_at_a_boundary(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk90 #9: a page whose text is one 400-word sentence: the blurb was the whole sentence
    (or, without its full stop, the feed's placeholder). It is cut between words within a blurb's
    length, and ends with "..." to show it goes on."""
    title = "One very long sentence about handoffs"
    again = (
        " and why customers who call about billing end up transferred to a second and then a"
        " third agent who asks for the same account number again"
    )
    long = (
        "Customer experience leaders who want to understand why their support teams keep"
        " answering the same questions" + again * 12 + " should start by mapping every handoff"
        " in the journey."
    )
    blurb = drafted_blurbs(tmp_path, http_server, {title: page(title, "Bea Cruz", [long])})[title]
    text = blurb.split("\n")[0]
    assert text.startswith("Customer experience leaders who want to understand"), blurb
    assert text.endswith("again...") or text.endswith("transferred..."), blurb
    assert 150 <= len(text) <= 450, len(text)
    assert PLACEHOLDER not in blurb, blurb
    assert "a sentence of its page too long for a blurb, cut short" in " ".join(blurb.split())


def test_a_page_of_furniture_sentences_is_not_said_to_have_no_complete_sentence(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk90 #5: `extract` said "no complete sentences found" and the draft "none ending with . !
    or ?" of a page whose sentences end with "." but were all left out (a notice, a label): each
    now says they read as page furniture."""
    title = "Members lounge"
    paras = [
        "This article is available to subscribers only.",
        "Subscribe to our newsletter to get the best customer experience stories in your inbox"
        " every week.",
        "Editor's note: This story is part of our series on service at scale, supported by a"
        " grant from the Retail Foundation.",
        "Correction: An earlier version of this article misstated the number of call centres"
        " surveyed, which was 120 and not 210 as we said.",
    ]
    html = page(title, None, paras)
    page_file = tmp_path / "members.html"
    page_file.write_text(html, encoding="utf-8")
    code, out, err = run_cli("extract", str(page_file))
    assert code == 0, err
    flat = " ".join(out.split())
    assert "no complete sentences" not in flat, flat
    assert "complete sentence(s) all read as page furniture" in flat, flat

    blurb = drafted_blurbs(tmp_path, http_server, {title: html})[title]
    flat = " ".join(blurb.split())
    assert "none ending with" not in flat, flat
    assert "read as page furniture" in flat, flat

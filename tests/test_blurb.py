"""Blurbs: two or three clean, complete sentences; the seed pages (furniture and all) read well."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.blurb import (
    choose_blurb,
    html_to_text,
    is_quotation,
    make_blurb,
    normalise_space,
    split_sentences,
)
from curator.extract import extract

#: Page furniture the seed captures carry; none may appear in a blurb.
FURNITURE_PHRASES = (
    "read more",
    "leave a reply",
    "click here",
    "subscribe",
    "cookie",
    "share this",
    "image:",
    "last updated",
    "your email address",
    "required fields",
    "if you have any questions",
)

SEEDS = ("001", "002", "003", "004")


def assert_reads_well(blurb: str) -> None:
    """What an editor checks: 2-3 whole sentences, 150-450 characters, no furniture, clean text."""
    sentences = split_sentences(blurb)
    assert 2 <= len(sentences) <= 3, sentences
    assert 150 <= len(blurb) <= 450, (len(blurb), blurb)
    for sentence in sentences:
        assert sentence.rstrip("\"')”’").endswith((".", "!", "?")), sentence
        assert not sentence.endswith(("...", "…")), sentence
    lowered = blurb.lower()
    for phrase in FURNITURE_PHRASES:
        assert phrase not in lowered, phrase
    assert "  " not in blurb and "&amp;" not in blurb and "&#" not in blurb


def seed_text(seeds: Path, number: str) -> tuple[str, str]:
    """A seed article's text and its title (the first line that is not a section label)."""
    path = next(seeds.glob(f"{number}_*.txt"))
    text = path.read_text("utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[1] if lines[0] == "Customer services" else lines[0]
    return text, title


@pytest.mark.parametrize("number", SEEDS)
def test_seed_blurbs_read_well(seeds: Path, number: str) -> None:
    text, title = seed_text(seeds, number)
    blurb = choose_blurb(description=None, text=text, summary=None, title=title)
    assert_reads_well(blurb)


def test_seed_blurbs_say_what_the_article_is_about(seeds: Path) -> None:
    text, title = seed_text(seeds, "004")
    blurb = choose_blurb(description=None, text=text, summary=None, title=title)
    assert blurb.startswith("Bruce Temkin, founder and Ex-chair")
    text, title = seed_text(seeds, "003")
    blurb = choose_blurb(description=None, text=text, summary=None, title=title)
    assert "Last updated" not in blurb and "customer" in blurb.lower()


def test_seed_with_furniture_as_feed_summary(seeds: Path) -> None:
    """The feed's summary is used when there is no page text, furniture and all."""
    text, title = seed_text(seeds, "004")
    blurb = choose_blurb(description=None, text=None, summary=text, title=title)
    assert_reads_well(blurb)


ARTICLE = (
    "Customer effort is the work a customer must do to get a problem solved. Companies that cut it "
    "keep more customers than companies that chase delight, according to a study of 75,000 people. "
    "This guide explains how to measure customer effort with a one-question survey. It also shows "
    "which service channels create the most effort and how to fix them.\n\n"
    "Image: Chris Casciano\n\nLeave a Reply\n\nYour email address will not be published."
)


def test_real_description_is_preferred() -> None:
    description = (
        "A practical guide to the customer effort score: what it measures, how to survey it and "
        "why it predicts loyalty better than delight. Includes a worked example from a call centre."
    )
    blurb = choose_blurb(
        description=description, text=ARTICLE, summary=None, title="Customer Effort"
    )
    assert blurb == description


def test_teaser_description_falls_back_to_the_text() -> None:
    teaser = "Customer effort is the work a customer must do to get a problem solved. Companies..."
    blurb = choose_blurb(description=teaser, text=ARTICLE, summary=None, title="Customer Effort")
    assert_reads_well(blurb)
    assert "..." not in blurb and blurb.startswith("Customer effort is the work")


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Welcome to the official site of Acme Corp. We make software for contact centres.",
        "We use cookies to improve your experience on our site. By continuing you accept them.",
        "Read more about our products and services on our website, and subscribe for updates.",
    ],
)
def test_boilerplate_description_is_not_a_blurb(boilerplate: str) -> None:
    blurb = choose_blurb(
        description=boilerplate, text=ARTICLE, summary=None, title="Customer Effort"
    )
    assert boilerplate[:30] not in blurb
    assert_reads_well(blurb)


def test_single_sentence_description_is_topped_up_from_the_text() -> None:
    description = "How to measure the work customers do to get help, and why cutting it pays off."
    blurb = choose_blurb(
        description=description, text=ARTICLE, summary=None, title="Customer Effort"
    )
    assert blurb.startswith(description)
    assert_reads_well(blurb)


def test_summary_is_the_last_resort_and_entities_are_decoded() -> None:
    # Entities are decoded to the marks they stand for: curly quotes stay curly (walk67 #4).
    summary = (
        "<p>Brands &amp; retailers say &#8220;effort&#8221; matters more than delight. "
        "A survey of 1,200 shoppers found that 96% of customers who struggled were disloyal.</p>"
        "<p>Here&rsquo;s what that means for your contact centre team this year.</p>"
        '<p><a href="/x">Read more</a></p>'
    )
    blurb = choose_blurb(description=None, text=None, summary=summary, title="Effort matters")
    assert blurb.startswith("Brands & retailers say “effort” matters more than delight.")
    assert "Here’s what that means" in blurb
    assert_reads_well(blurb)


def test_nothing_usable_gives_empty() -> None:
    assert choose_blurb(description=None, text=None, summary=None, title=None) == ""
    assert choose_blurb(description="", text="Read more", summary="Subscribe", title="x") == ""


def test_never_cuts_a_sentence_unmarked() -> None:
    """A sentence too long for a blurb, the only one there is, is cut between words and ends with
    "..." (walk90 #9: printed whole, 1,800 characters of it); never cut without the mark."""
    long_sentence = "Customer experience " + "really " * 80 + "matters to every company."
    blurb = choose_blurb(description=None, text=long_sentence, summary=None, title=None)
    assert blurb.endswith("really...") and len(blurb) <= 450, blurb
    assert long_sentence.startswith(blurb[:-3]), blurb


def test_blurb_from_an_extracted_corpus_page(corpus: Path) -> None:
    """A real page end to end: extract, then choose; the description is a single-sentence dek."""
    html = (corpus / "articles" / "readability" / "nytimes-1" / "source.html").read_bytes()
    page = extract(html, "https://www.nytimes.com/")
    blurb = choose_blurb(
        description=page.description, text=page.text, summary=None, title=page.title
    )
    assert_reads_well(blurb)
    assert "Sudan" in blurb or "sanctions" in blurb.lower()


def test_split_sentences_keeps_abbreviations_and_initials() -> None:
    text = "Dr. Smith met John C. Welch in the U.S. on Monday. They talked. Was it 5 p.m.? Yes!"
    assert split_sentences(text) == [
        "Dr. Smith met John C. Welch in the U.S. on Monday.",
        "They talked.",
        "Was it 5 p.m.?",
        "Yes!",
    ]


def test_a_quotation_is_one_sentence_and_is_known_as_someone_elses_words() -> None:
    text = (
        'It worked. "Meth is IN SD. We are here to Get. It. OUT," Noem tweeted. She paid $449,000.'
    )
    assert split_sentences(text) == [
        "It worked.",
        '"Meth is IN SD. We are here to Get. It. OUT," Noem tweeted.',
        "She paid $449,000.",
    ]
    # A stray quote mark (13" for inches) does not glue the rest of a long text into one sentence.
    long = 'The 13" model is thinner. ' + "It ships in June with a new keyboard. " * 20
    assert len(split_sentences(long)) == 21
    # An inch mark opens no quotation, even when a real one follows (it glued the lead together).
    assert split_sentences(
        'The new MacBook has a 13" display. It ships in June. Apple calls it "the best yet" here.'
    ) == [
        'The new MacBook has a 13" display.',
        "It ships in June.",
        'Apple calls it "the best yet" here.',
    ]
    assert split_sentences('He is 5\'11" tall. He said "Go. Now." Then he left.') == [
        "He is 5'11\" tall.",
        'He said "Go. Now."',
        "Then he left.",
    ]
    # A quotation held open across a full stop, curly marks too.
    assert split_sentences("It worked. \u201cWe are here. To stay,\u201d she said. Done.") == [
        "It worked.",
        "\u201cWe are here. To stay,\u201d she said.",
        "Done.",
    ]
    assert is_quotation('"Whole Foods is one of the better ones, to be honest," Bassi said.')
    assert is_quotation('The tweet reads, "#Hamilton Chicago show interrupted by angry supporter."')
    assert is_quotation(
        'Prices rose by a third, the chairman said. "It is bad," he told reporters.'
    )
    assert not is_quotation('"Scoops" Klepek is in the studio to walk us through the reveal.')
    assert not is_quotation('Snopes writer David Emery asked if there were "any un-angry fans?"')


def test_make_blurb_and_helpers_keep_their_behaviour() -> None:
    assert html_to_text("<p>A&amp;B</p><p>C</p>") == "A&B C"
    assert normalise_space(" a\u00a0 b\n") == "a b"
    blurb = make_blurb("First sentence here. Second one here. Third one. Fourth. Read more")
    assert blurb == "First sentence here. Second one here. Third one."


def test_dateline_and_half_quotes_stay_out() -> None:
    text = (
        "LONDON — The government plans to lift trade sanctions on Sudan after nearly twenty years, "
        "officials said late on Thursday in a briefing.\n\n"
        'In her memoir she wrote, "I am often asked why I left. The answer is simple.\n\n'
        "The decision follows months of talks between the two countries over aid and security. "
        "Traders in Khartoum expect prices of imported goods to fall within a year."
    )
    blurb = choose_blurb(description=None, text=text, summary=None, title="Sudan sanctions lifted")
    assert blurb.startswith("The government plans to lift trade sanctions")
    assert '"' not in blurb
    assert_reads_well(blurb)


def test_chinese_sentences_split_and_join_without_spaces() -> None:
    text = "这是第一句话。这是第二句话！这是第三句话？"
    assert split_sentences(text) == ["这是第一句话。", "这是第二句话！", "这是第三句话？"]
    assert make_blurb(text) == text


def test_an_article_about_cookies_and_newsletters_is_not_furniture() -> None:
    text = (
        "Newsletters have become the most reliable channel for reaching customers directly. "
        "Brands that subscribe readers with a clear promise keep them for years, a survey found. "
        "Third-party cookies, meanwhile, are disappearing from the major browsers this year."
    )
    blurb = choose_blurb(description=None, text=text, summary=None, title="Newsletters win")
    assert "Brands that subscribe readers" in blurb
    cookies = text.split(". ", 2)[2] + " Advertisers are moving their budgets to publishers' data."
    blurb = choose_blurb(description=None, text=cookies, summary=None, title="Cookies go")
    assert blurb.startswith("Third-party cookies, meanwhile, are disappearing")


def test_huge_or_hostile_text_is_handled() -> None:
    huge = ("Customer experience is the sum of every interaction with a brand. " * 50_000) + "<"
    blurb = choose_blurb(description="&" * 10_000, text=huge, summary="\x00" * 1000, title="CX")
    assert_reads_well(blurb)


def test_an_inch_mark_before_a_quotation_keeps_the_lead() -> None:
    """13" in the lead and a quotation two sentences on: the lead once became one odd-quoted
    "sentence", dropped, and the blurb borrowed a sentence from an unrelated paragraph."""
    text = (
        "Apple today announced a new MacBook Pro with the M3 chip and a brighter screen. "
        'The 13" model starts at $1,599 and ships next week. The company says battery life is up '
        'by four hours on the new model. Apple calls the display "the brightest ever" in a MacBook.\n'
        "Elsewhere in the lineup, the iMac gets a new set of colours and a faster processor this "
        "year. Prices for the iMac are unchanged from last year."
    )
    blurb = choose_blurb(
        description=None, text=text, summary=None, title="Apple announces MacBook Pro", markup=False
    )
    assert blurb.startswith("Apple today announced a new MacBook Pro"), blurb
    assert "battery life is up by four hours" in blurb, blurb
    assert "iMac" not in blurb, blurb


def test_a_run_that_opens_wins_over_an_earlier_one_that_leans() -> None:
    """The text's first sentences lean on something left out ("But...", "This...", "It...") and
    the first one that opens is the sixth: that run, on the title's topic, is the blurb. The
    leaning run at the start once outscored it (a tenth of its score still beat the sixth
    sentence's distance from the lead), and choose_blurb then gave no blurb at all."""
    text = (
        "But loyalty programmes that reward the wrong customers are not a new problem for brands. "
        "This is how loyalty programmes came to reward the wrong customers in the first place. "
        "It was not the first time the loyalty programme had let its customers down. "
        "They had heard the same promises about loyalty rewards two years before. "
        "However, the loyalty team says the new rewards will arrive before the holidays.\n"
        "Loyalty programmes often reward the wrong customers, a new study of retail brands finds. "
        "Its authors tracked the purchases of ten thousand members of loyalty programmes. "
        "Members who spent the most were the least likely to stay with the programmes' brands."
    )
    title = "Loyalty programmes reward the wrong customers"
    blurb = choose_blurb(description=None, text=text, summary=None, title=title, markup=False)
    assert blurb.startswith("Loyalty programmes often reward the wrong customers"), blurb
    assert_reads_well(blurb)


def test_every_read_on_tail_is_left_out_of_a_summary() -> None:
    """A feed summary closed by "Keep reading" (or "Read the full story"): the link is not part of
    the last sentence. The tail that strips a summary's end once knew only "Read more" and
    "Continue reading", so "Keep reading" stayed in the blurb, finished with a full stop."""
    for tail in ("Keep reading", "Read the full story", "Continue reading »", "[…]"):
        summary = (
            "Apple released a new MacBook Pro today with a faster chip and a brighter screen. "
            f"Reviewers found a much bigger battery inside it {tail}"
        )
        blurb = choose_blurb(description=None, text=None, summary=summary, title="MacBook Pro")
        assert blurb.startswith("Apple released a new MacBook Pro today"), (tail, blurb)
        assert tail.split()[0] not in blurb, (tail, blurb)
        assert "reading" not in blurb.lower() and "story" not in blurb, (tail, blurb)


def test_a_sentence_with_an_inch_mark_can_be_the_blurb() -> None:
    """13" is an inch mark, not half a quotation: the splitter kept the sentence whole, then the
    blurb's check of its quotes (an even count of marks) threw it away and the lead was lost."""
    text = (
        'The new 13" MacBook Pro is faster than any laptop Apple has made, and it costs less. '
        "Apple says the battery now lasts a full working day on a single charge. "
        "The laptop ships next week in two colours, with orders open from today.\n"
        "Elsewhere, the company cut the price of its oldest phone for the holiday season."
    )
    lead = text.split(", and", 1)[0] + "."
    assert not is_quotation(lead)
    blurb = choose_blurb(description=None, text=text, summary=None, title=lead, markup=False)
    assert blurb.startswith('The new 13" MacBook Pro is faster'), blurb
    assert_reads_well(blurb)
    assert "battery now lasts a full working day" in blurb and "phone" not in blurb, blurb
    # A quotation's second half, split from its first, still stays out.
    half = 'In her memoir she wrote, "I am often asked why I left.\nThe answer is simple."'
    assert "simple" not in choose_blurb(description=None, text=half, summary=None, title="Memoir")

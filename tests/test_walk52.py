"""walk52: blurbs of feeds and pages an editor checked against the pages.

- #1 a page whose text lacks the article's lead (lost by its reader, or fused with a hover card):
  the feed's lead opens the blurb when the feed has it whole, else the draft and the run say the
  blurb may start mid-story;
- #2 Markdown or entity-escaped HTML in a feed's description is read as the markup it is, and its
  first sentence ("We messed up.") is kept;
- #3 a sponsor line ("My thanks to X for sponsoring ...") is no sentence of a blurb;
- #4 a "— Continue reading »" tail leaves the sentence before it whole;
- #5 a feed-only title loses the segment naming the site ("| TheHill").
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml
from test_blurb_pages import page_bytes

from conftest import LocalServer, run_cli, sans_config

THE_HILL = (
    "articles/scrapinghub/html/"
    "156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38.html.gz"
)
MACRUMORS = (
    "articles/scrapinghub/html/"
    "232a43fb15abde807427b2a7bf4f772e27b8760554370956d8291df4e8166dbf.html.gz"
)
#: (as the page gives it, curly quotes and all: blurbs keep the page's typography, fixbl)
NOEM_LEAD = (
    "South Dakota Gov. Kristi Noem (R) is defending the state’s launch of an anti-drug campaign "
    "with the slogan “Meth, we’re on it.”"
)
#: MacRumors' first paragraph, which the page's text as read lacks; the feed cut it at 200
#: characters, mid-word, as feeds do.
MACRUMORS_SUMMARY = (
    "Following the 16-inch MacBook Pro, Apple plans to release a new 13-inch MacBook Pro with a "
    "scissor switch keyboard in the first half of 2020, according to industry sources cited by "
    "hit-or-miss Taiwane"
)


def item(title: str, link: str, description: str | None, n: int) -> str:
    """An RSS item; `description` goes in as written (the caller escapes it as the feed would)."""
    desc = f"<description>{description}</description>" if description is not None else ""
    return (
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<pubDate>Mon, 23 Nov 2026 0{n}:00:00 GMT</pubDate>{desc}</item>"
    )


def newsletter(tmp_path: Path, server: LocalServer, items: list[str], fetch_pages: bool) -> Path:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        f"<link>{server.url('/')}</link>{''.join(items)}</channel></rss>"
    )
    config = {
        "newsletter": {"title": "Test Weekly", "editor": "Ed", "issue_size": 20},
        "subjects": [
            {
                "name": "News",
                "keywords": [
                    "meth",
                    "macbook",
                    "party",
                    "graduation",
                    "inquest",
                    "user",
                    "iphone",
                    "apple",
                ],
            }
        ],
        "feeds": [{"url": server.add("/feed.xml", feed.encode("utf-8"))}],
        "settings": {"fetch_pages": fetch_pages, "allow_private_addresses": True, "timeout": 10},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def draft(config: Path) -> tuple[str, str]:
    """`curator draft`'s text and its warnings (stderr)."""
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    return (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8"), err


def blurb_under(text: str, heading: str) -> str:
    """The lines under an article's heading in a draft, up to the next heading."""
    start = text.index(f"## {heading}\n")
    end = text.find("\n#", start + 3)
    return text[start : end if end != -1 else len(text)]


def test_the_feeds_lead_opens_the_blurb_when_the_pages_text_lacks_it(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """#1: The Hill's page text fuses a hover card into its lead ("NoemKristi Lynn Noem ...
    MORE"), so its first sentence is unusable; the feed's summary has it whole."""
    page = http_server.add(
        "/hill.html", page_bytes(corpus, THE_HILL), content_type="text/html; charset=utf-8"
    )
    summary = (
        "<p>South Dakota Gov. Kristi Noem (R) is defending the state’s launch of an anti-drug "
        "campaign with the slogan “Meth, we’re on it.”</p><p>The tagline drew a mix of criticism "
        "and ridicule across Twitter on Mond</p>"
    )
    title = "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign"
    config = newsletter(tmp_path, http_server, [item(title, page, escape(summary), 1)], True)
    text, err = draft(config)
    under = blurb_under(text, title)
    assert f"\n{NOEM_LEAD} The tagline drew a mix of criticism" in under, under
    assert "mid-story" not in err


def test_a_lost_lead_the_feed_cannot_give_is_said_in_the_draft_and_the_run(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """#1: MacRumors' page text as read lacks its first paragraph, and the feed's summary is cut
    mid-word: curator cannot make the lead, so the editor is told where and what is missing."""
    page = http_server.add(
        "/mr.html", page_bytes(corpus, MACRUMORS), content_type="text/html; charset=utf-8"
    )
    title = "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020"
    config = newsletter(
        tmp_path, http_server, [item(title, page, escape(MACRUMORS_SUMMARY), 1)], True
    )
    text, err = draft(config)
    under = blurb_under(text, title)
    assert "The report claims the display size will remain 13.3 inches" in under
    assert (
        "<!-- Check this blurb: its feed's summary opens \"Following the 16-inch MacBook Pro, "
        "Apple plans to...\", which the text curator read of its page lacks, so the page's lead "
        "may be lost and the blurb start mid-story. Write the lead in if so. -->"
    ) in under
    assert f'the blurb of "{title}"' in err and "may start mid-story" in err
    assert "Following the 16-inch MacBook Pro, Apple plans to..." in err


def test_markup_in_a_feeds_description_is_read_as_markup(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#2 and #4, feed only: Markdown (a bold title, a link), HTML escaped twice, and a "—
    Continue reading »" tail each keep the description's first sentence."""
    base = http_server.url("/")
    markdown = (
        "**How to Throw a Graduation Party on a Budget | eHow** - Graduation parties are a great "
        "way to commemorate the years of hard work teens and college co-eds devote to education. "
        "They’re also costly for mom and dad. The average cost of a graduation party in 2013 was "
        f"a whopping $1,200, according to Graduationparty.com. [Read more]({base}p1.html)"
    )
    escaped_twice = escape(
        escape(
            "<p>We messed up. As technologists, tasked with delivering content and services to "
            "users, we lost track of the user experience. Twenty years ago we saw an explosion "
            "of websites, built by developers around the world, providing all forms of "
            "content.</p>"
        )
    )
    continued = (
        f'<![CDATA[<p><img src="{base}x.jpg" alt="photo"/> An inquest into Eloise Parry\'s '
        f'death has been adjourned until July. &nbsp;&mdash; <a href="{base}p3.html">Continue '
        'reading &raquo;</a></p><div class="share">Share this: Twitter Facebook</div>]]>'
    )
    items = [
        item("How to Throw a Graduation Party on a Budget", f"{base}p1.html", escape(markdown), 1),
        item("Getting LEAN with Digital Ad UX", f"{base}p2.html", escaped_twice, 2),
        item("Student Dies After Diet Pills She Bought Online", f"{base}p3.html", continued, 3),
    ]
    text, err = draft(newsletter(tmp_path, http_server, items, False))
    party = blurb_under(text, "How to Throw a Graduation Party on a Budget")
    assert (
        "\nGraduation parties are a great way to commemorate the years of hard work teens and "
        "college co-eds devote to education. They’re also costly for mom and dad."
    ) in party, party
    assert "**" not in party and "eHow" not in party.split("\n", 1)[1]
    lean = blurb_under(text, "Getting LEAN with Digital Ad UX")
    assert "\nWe messed up. As technologists, tasked with delivering content" in lean, lean
    assert "&lt;" not in lean and "<p>" not in lean
    inquest = blurb_under(text, "Student Dies After Diet Pills She Bought Online")
    assert "\nAn inquest into Eloise Parry's death has been adjourned until July.\n" in inquest
    assert "Continue reading" not in inquest and "No blurb could be made" not in inquest
    assert "no blurb could be made" not in err


def test_a_feed_only_title_loses_the_segment_naming_its_site(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#5: with its page not read, "... | TheHill" goes from a thehill.com article's title (no
    request reaches thehill.com: pages are not read)."""
    title = "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign"
    link = "https://thehill.com/homenews/news/471033-south-dakota-governor-doubles-down"
    items = [item(f"{title} | TheHill", link, escape(NOEM_LEAD), 1)]
    text, _ = draft(newsletter(tmp_path, http_server, items, False))
    assert f"\n## {title}\n" in text
    assert "TheHill" not in text


DARING_FIREBALL = "articles/rsparser-html/DaringFireball.html"


def test_a_blogs_front_page_is_said_and_its_sponsor_kept_out_of_the_blurb(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """#3: an entry linking to Daring Fireball's front page (a week of posts under date headings,
    with a sponsor's thanks and ad among them): the run names it as a list of posts, and no
    sentence of the sponsor's ad is in its blurb."""
    path = corpus / DARING_FIREBALL
    if not path.is_file():
        pytest.skip(f"the corpus page {path} is missing")
    page = http_server.add("/df.html", path.read_bytes(), content_type="text/html; charset=utf-8")
    items = [item("Daring Fireball", page, None, 1)]
    config = newsletter(tmp_path, http_server, items, True)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    assert (
        "1 new article(s) link to a page that reads as a list of posts (a blog's front page or an"
        " archive: several posts under headings of their own), not one article: the blurb may"
        " join several posts; check these in the next draft (`curator draft`)"
    ) in sans_config(err)
    assert f"  News: {page}\n" in err
    code, _, err = run_cli("draft", "--config", str(config), "--no-fetch", "--all-subjects")
    assert code == 0, err
    text = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    under = blurb_under(text, "Daring Fireball")
    assert "Sounds to me like Ramos has watched Skyfall too many times." in under
    assert "for sponsoring" not in under and "Igloo" not in under

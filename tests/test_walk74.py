"""walk74: a page of plain sentences with no blurb and a false reason, a byline's "with help
from" losing its author, a lead naming a call dropped as code, an editor's own template tags in
the Markdown edition, and a plain-text feed's `<?php` and `<![CDATA[` as text; each through the
CLI, with real files and a real local HTTP server."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h
from test_credit_formats import NO_AUTHOR, authors, built, drafted, newsletter
from test_credit_walk64 import page, plain_build
from test_walk65 import _article

from conftest import LocalServer
from conftest import run_cli as run

#: walk74 #1: the shape of psite's fr9.html. The first sentence opens "This article ..." (leaning
#: on one before it), the next two are too long together for a blurb of 150-450 characters.
FR9_TITLE = "Customer service ideas come in the shower"
FR9 = (
    f"<!doctype html><html><head><title>{FR9_TITLE}</title></head><body><article>"
    f"<h1>{FR9_TITLE}</h1><p>This article is available to subscribers only, the regulator"
    " noted, which is why court records should not sit behind a paywall.</p><p>Many of us have"
    " noticed that we seem to get our best ideas when we&#x27;re in the shower, or that we can find"
    " the answer to a difficult question when we least think about it.</p><p>A large body of"
    " neuroscientific studies has pointed out that the brain does a lot of work in its spare time,"
    " the so-called idle state - wherein the brain does not appear to be thinking about anything at"
    " all - and that this is the time when it works at its hardest to find solutions to complex"
    " problems.</p></article></body></html>"
)
FR9_LEAD = "Many of us have noticed that we seem to get our best ideas when we're in the shower"


def test_a_page_of_plain_sentences_gets_a_blurb(tmp_path: Path, http_server: LocalServer) -> None:
    """walk74 #1: every run of two sentences within the bounds opened "This article ...", so the
    page's sentences were all thrown away: `extract` said "no complete sentences found in it", and
    a build published an empty blurb. A sentence that opens and stands alone is the blurb now."""
    page_file = tmp_path / "fr9.html"
    page_file.write_text(FR9, encoding="utf-8")
    code, out, err = run("extract", str(page_file))
    assert code == 0, err
    assert FR9_LEAD in out, out
    assert "no complete sentences" not in out, out

    config = newsletter(tmp_path, http_server, [(FR9_TITLE, "", FR9)])
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    issue = " ".join((tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").split())
    assert FR9_LEAD in issue, issue
    assert "no blurb could be made" not in err, err
    data = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    blurbs = [a["blurb"] for s in data["sections"] for a in s["articles"]]
    assert blurbs and all(FR9_LEAD in b for b in blurbs), blurbs


def test_extract_says_a_pages_sentences_make_no_blurb_rather_than_that_it_has_none(
    tmp_path: Path,
) -> None:
    """walk74 #1's false reason: a page whose sentences each lean on one before them has complete
    sentences; `extract` says so, and why none makes a blurb."""
    leaning = [
        "But the council never said when the new compost bins would arrive in the flats.",
        "They were promised for the spring, and then again for the first week of the summer.",
        "It is now autumn, and the residents are still carrying their scraps to the allotment.",
    ]
    page_file = tmp_path / "leaning.html"
    page_file.write_text(_article("Bins for flats", leaning), encoding="utf-8")
    code, out, err = run("extract", str(page_file))
    assert code == 0, err
    said = " ".join(out.split())
    assert "no complete sentences" not in said, said
    assert "it has 3 complete sentence(s), but none can open one" in said, said
    code, out, err = run("extract", "--json", str(page_file))
    assert code == 0, err
    assert json.loads(out)["sentences"] == 3


#: walk74 #2: bylines naming the author's helpers after the author.
HELPED = {
    "Compost Note One": "By Tom Uhl with help from Uma Vik",
    "Compost Note Two": "Written by Tom Uhl with help from Uma Vik",
    "Compost Note Three": "By Tom Uhl, with assistance from Uma Vik",
    "Compost Note Four": "By Tom Uhl with input from Uma Vik",
    "Compost Note Five": "By Tom Uhl with the help of Uma Vik",
    "Compost Note Six": "By Tom Uhl, with thanks to Uma Vik",
    "Compost Note Seven": "Written by Tom Uhl",
}


def test_a_bylines_helpers_with_help_from_end_its_authors_names(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk74 #2: "By Tom Uhl with help from Uma Vik" (and "Written by ...") credited no one:
    `extract` said "(no author found)" and a build "no author was found". Tom Uhl is credited,
    his helper is not."""
    for n, (title, byline) in enumerate(HELPED.items()):
        page_file = tmp_path / f"e{n}.html"
        page_file.write_text(page(title, byline), encoding="utf-8")
        code, out, err = run("extract", str(page_file))
        assert code == 0, err
        assert "Tom Uhl || Zeta Post" in out and "Uma Vik" not in out, (byline, out)

    config = newsletter(tmp_path, http_server, [(t, "", page(t, b)) for t, b in HELPED.items()])
    blocks = drafted(config)
    for title in HELPED:
        assert authors(blocks[title]) == ["Tom Uhl"], (title, blocks[title])
        assert not any(NO_AUTHOR in line for line in blocks[title]), blocks[title]
    assert "Uma Vik" not in built(config)
    _, said = plain_build(config)
    assert not any("no author was found" in s for s in said), said


#: walk74 #3: leads naming a call of an API, as /tmp/walk74w/code's JSON Feed gives them.
API_LEADS = {
    "Python task groups": (
        "<p>The new <code>asyncio.TaskGroup()</code> API replaces most uses of <code>gather()"
        "</code>. It cancels sibling tasks when one fails. That makes error handling in async code"
        " much simpler.</p>"
    ),
    "Sorting numbers in JavaScript": (
        "<p>Calling <code>Array.prototype.sort()</code> without a comparator sorts numbers as"
        " strings. So [10, 9, 1] becomes [1, 10, 9]. Pass a comparator to sort the numbers"
        " numerically.</p>"
    ),
    "Guard clauses": (
        "<p>Guard clauses keep code flat and make the bug in a nested function easy to see.</p>"
        "<pre>if response.GetStatus() != RPC.OK: raise RpcError(response.GetStatus())<br>"
        "if not response.GetRows(): raise EmptyError()<br>vals = [ParseRow(r) for r in rows].<br>"
        "Check response.GetEnc(), response.GetUser() and response.GetRows() first.</pre>"
        "<p>Each check returns early, so the code after it reads as a straight line.</p>"
    ),
}


def test_a_lead_naming_a_call_is_kept_and_a_listing_is_not(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk74 #3: "The new asyncio.TaskGroup() API replaces ..." and "Calling
    Array.prototype.sort() ..." were dropped as code (and "The new asyncio." cut off at the dotted
    name), so the blurbs opened mid-thought ("It cancels ...", "So [10, 9, 1] ..."). A name of code
    in prose stays; a listing (a comparison, a call closed by a block's colon, an assignment, calls
    with hardly a word between them) is still left out."""
    items = [
        {
            "id": f"{http_server.base}/a{n}",
            "url": f"{http_server.base}/a{n}",
            "title": title,
            "content_html": body,
            "date_published": f"2026-12-0{n + 1}T10:00:00Z",
        }
        for n, (title, body) in enumerate(API_LEADS.items())
    ]
    feed = http_server.add(
        "/code.json",
        json.dumps(
            {"version": "https://jsonfeed.org/version/1.1", "title": "Dev Notes", "items": items}
        ),
        content_type="application/feed+json",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: Dev Weekly}\nsubjects:\n  - name: Software\n"
        "    keywords: [code, python, javascript, numbers, guard]\n"
        "settings: {fetch_pages: false, allow_private_addresses: true}\n"
        f"feeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    issue = " ".join((tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").split())
    assert "The new asyncio.TaskGroup() API replaces most uses of gather(). It cancels" in issue
    assert "Calling Array.prototype.sort() without a comparator sorts numbers as strings." in issue
    assert "Guard clauses keep code flat" in issue and "Each check returns early" in issue, issue
    for code_text in ("RPC.OK", "EmptyError", "ParseRow", "GetEnc", "GetRows"):
        assert code_text not in issue, (code_text, issue)
    said = " ".join(err.split())
    for title in ("Python task groups", "Sorting numbers in JavaScript"):
        assert f'the blurb of "{title}"' not in said, said


#: walk74 #4: two articles of a feed, each title holding a template tag (feed text).
TAGGED = {
    "Journey maps {{< x >}} for customer experience": (
        "Customer experience teams closed the gaps in the customer journey layout this year, and"
        " they now ask how the journey feels from the first customer touchpoint to the last."
    ),
    "Customer loyalty {% x %} and effortless service": (
        "Customer loyalty rises when customer service is effortless, and teams that measure CSAT"
        " see the customer experience improve within a quarter of the change."
    ),
}


def test_an_editors_draft_blurb_reaches_the_markdown_edition_as_typed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk74 #4: README says draft blurbs are written as typed, but a blurb the editor changed
    to add `{{< youtube abc >}}` (no other Markdown in it) was written `&#123;&#123;&lt;...` in
    issue-1.md, and Hugo showed it as text. The editor's changed blurb is theirs, as typed; a blurb
    curator made and the editor left alone, and the feeds' titles, keep their braces as entities;
    the introduction's `{{{{` writes `{{` (its variables' escape)."""
    items = "".join(
        f"<item><title>{title}</title><link>https://blog.example.com/{n}</link>"
        f"<description>{blurb}</description></item>"
        for n, (title, blurb) in enumerate(TAGGED.items())
    )
    feed = http_server.add("/feed.xml", h.rss(items, "Tags"), content_type="application/rss+xml")
    config = h.write_config(tmp_path, [{"url": feed}], settings={"fetch_pages": False})
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    path = tmp_path / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    edited, left = TAGGED.values()
    assert edited in text and left in text, text
    text = text.replace(edited, edited + " Watch the talk: {{< youtube abc >}}")
    intro_at = text.index("\n# ") + 1
    intro = "Watch {{{{< youtube abc >}}}} and {{< vimeo 1 >}}.\n\n"
    path.write_text(text[:intro_at] + intro + text[intro_at:], encoding="utf-8")

    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    md = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    body = md[4:].split("\n---\n", 1)[1]
    assert edited + " Watch the talk: {{< youtube abc >}}" in body, body
    assert left in body, body
    assert "&#123;&#123;&lt; x &gt;&#125;&#125;" in body and "&#123;% x %&#125;" in body, body
    assert "{{< x >}}" not in body and "{% x %}" not in body, body
    assert "Watch {{< youtube abc >}} and {< vimeo 1 >}." in body, body
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Watch the talk: {{&lt; youtube abc &gt;}}" in html, html
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Watch the talk: {{< youtube abc >}}" in txt, txt


#: walk74 #5: a JSON Feed's plain text (title, summary, content_text) naming markup as words.
PLAIN_ITEMS = {
    "Customer <![CDATA[ raw ]]> journey": (
        "Customer journey maps are stored as <![CDATA[ raw ]]> sections in the export. Customer"
        " service agents read them daily. Satisfaction scores went up."
    ),
    "Customer <?php echo $cx; ?> experience": (
        "Customer experience starts with the doctype. The page begins <?php echo $cx; ?> before"
        " any HTML is sent. Loyalty grew as customers found it effortless."
    ),
}


def test_a_json_feeds_plain_text_keeps_markup_it_names_as_words(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk74 #5: `<?php echo $cx; ?>` and `<![CDATA[ raw ]]>` in a JSON Feed's content_text and
    titles (plain text, as JSON Feed defines them) were removed as markup from the middle of the
    sentences, with no word: "The page begins before any HTML is sent." They stay, as text, in
    every edition (entities in HTML and Markdown, never markup)."""
    items = [
        {
            "id": f"t{n}",
            "url": f"https://mk.example/t{n}",
            "title": title,
            "content_text" if n else "summary": text,
            "date_published": f"2026-11-2{n}T10:00:00Z",
        }
        for n, (title, text) in enumerate(PLAIN_ITEMS.items())
    ]
    feed = http_server.add(
        "/mk.json",
        json.dumps(
            {"version": "https://jsonfeed.org/version/1.1", "title": "Markup Co", "items": items}
        ),
        content_type="application/feed+json",
    )
    config = h.write_config(tmp_path, [{"url": feed}], settings={"fetch_pages": False})
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    out = tmp_path / "output"
    txt = " ".join((out / "issue-1.txt").read_text(encoding="utf-8").split())
    for title in PLAIN_ITEMS:
        assert title in txt, (title, txt)
    assert "The page begins <?php echo $cx; ?> before any HTML is sent." in txt, txt
    assert "stored as <![CDATA[ raw ]]> sections in the export." in txt, txt
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "begins &lt;?php echo $cx; ?&gt; before" in page and "<?php" not in page
    md = (out / "issue-1.md").read_text(encoding="utf-8")
    # (`\$`: kramdown reads `$$` as mathematics, walk149 #3)
    assert r"begins &lt;?php echo \$cx; ?&gt; before" in md and "<![CDATA[" not in md

"""walk38: an editor reviewing drafts, each finding through the CLI on real files and a real HTTP
server on 127.0.0.1."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run

#: A page of a site of its own, crediting an author and naming its site.
PAGE = """<!doctype html><html><head>
<title>Queue Triage That Customers Never See</title>
<meta name="author" content="Dana Reyes">
<meta property="og:site_name" content="Harbour Review">
<meta property="og:title" content="Queue Triage That Customers Never See">
{canonical}
</head><body><article>
<h1>Queue Triage That Customers Never See</h1>
<p>Support teams that sort their queue by urgency before lunch answer the hardest tickets first.
The customers who wait longest are then the ones whose question was simplest to answer.</p>
<p>We followed three service desks for a month to see how their triage rules changed response
times, and which customers noticed the difference in their satisfaction surveys.</p>
<p>The desks that published their triage rules to customers saw fewer repeat contacts, since
people knew when to expect an answer and stopped writing again to ask where it was.</p>
</article></body></html>"""


def _said(err: str) -> str:
    return " ".join(err.split())


def _drafted(demo: Path) -> Path:
    """The demo's first draft (pages on 127.0.0.1 allowed), fetched and written."""
    text = demo.read_text(encoding="utf-8")
    if "allow_private_addresses" not in text:
        text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n")
        demo.write_text(text, encoding="utf-8")
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, _, err = run("draft", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    return demo.parent / "drafts" / "issue-1.md"


def _adding(demo: Path, url: str, under: str = "") -> Path:
    """The demo's first draft with an article added by `url` alone under Service operations,
    with the lines `under` right under its heading."""
    path = _drafted(demo)
    draft = path.read_text(encoding="utf-8").replace(
        "# Service operations\n", f"# Service operations\n\n## {url}\n{under}\n", 1
    )
    path.write_text(draft, encoding="utf-8")
    return path


def _entry(demo: Path, title: str) -> str:
    """The article titled `title` in the published Markdown edition of issue 1."""
    text = (demo.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    return text.split(title, 1)[1].split("###", 1)[0]


def test_empty_credit_lines_under_an_added_address_publish_no_credit(
    demo: Path, http_server: LocalServer
) -> None:
    """walk38 #1: an empty `author:` or `publication:` line under an address added in a draft
    was ignored, and the page's credit published. README: an empty line publishes the article
    without one, and what you write under an address replaces what the page gives."""
    url = http_server.add("/triage.html", PAGE.format(canonical=""), content_type="text/html")
    path = _adding(demo, url, "author:\npublication:\n")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    entry = _entry(demo, "Queue Triage That Customers Never See")
    assert "Dana Reyes" not in entry and "Harbour Review" not in entry, entry
    # Without the lines the page's credit is published, as before.
    (demo.parent / ".curator").rename(demo.parent / "old-store")
    (demo.parent / "output").rename(demo.parent / "old-output")
    (demo.parent / "drafts").rename(demo.parent / "old-drafts")
    path = _adding(demo, url, "publication: The Harbour\n")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    entry = _entry(demo, "Queue Triage That Customers Never See")
    assert "Dana Reyes" in entry and "The Harbour" in entry, entry
    assert "Harbour Review" not in entry


def test_a_plain_build_stops_while_an_edited_draft_of_its_issue_waits(demo: Path) -> None:
    """walk38 #2: with drafts/issue-1.md edited (an article cut), `curator build --no-fetch`
    published the cut article and said nothing of the draft. Now it stops before publishing,
    naming the draft and both ways on; a draft as curator wrote it publishes the same issue, so
    the build goes on."""
    path = _drafted(demo)
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\n## ", 1)
    path.write_text(head + "\n## " + rest.split("\n## ", 1)[1], encoding="utf-8")  # one cut
    code, _, err = run("build", "--config", str(demo), "--no-fetch")
    assert code == 1, err
    said = _said(err)
    assert f"{path} is a draft of issue 1, the issue this build would publish" in said, said
    assert "nothing was published" in said
    assert f"curator build --draft {path}" in said
    assert "move the draft out of its folder (or delete it)" in said
    assert not (demo.parent / "output" / "issue-1.html").exists()
    # As curator wrote it, the draft publishes nothing else: the build goes on, unstopped.
    path.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    # (and says the draft is out of date now, the issue published: walk89 #3)
    assert f"{path}, a draft of issue 1 not edited since" in _said(err), err
    assert "is out of date now: this build published issue 1 without it" in _said(err), err


def test_a_drafts_closing_promising_the_issues_own_theme_is_warned_about(
    themed_demo: Path,
) -> None:
    """walk38 #4: theme: changed to Service operations, and the closing line still "Next time:
    Service operations": published with no word, though README promises a warning when the
    draft's closing names another next theme than the plan will give."""
    demo = themed_demo
    service, measuring = "Service operations", "Measuring the customer experience"
    assert run("build", "--config", str(demo), "-q")[0] == 0  # issue 1, promises Measuring
    assert run("draft", "--config", str(demo), "--no-fetch", "-q")[0] == 0  # on Measuring
    draft = demo.parent / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    assert f"closing: 'Next time: {service}. Won''t you learn with me?'" in text
    draft.write_text(text.replace(f"theme: {measuring}", f"theme: {service}"), encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--draft", str(draft))
    assert code == 0, err
    said = _said(err)
    assert (
        f'{draft}:7 closes with "Next time: {service}. Won\'t you learn with me?", naming'
        f" `{service}`, this issue's own theme, as the next theme, but after this issue on"
        f" {service} the plan of themes (themes: plan:) has `{measuring}` next"
    ) in said, said


def test_a_date_that_is_no_date_names_its_line_and_the_fix(demo: Path) -> None:
    """walk38 #5: `date: 2026-13-45` gave a traceback (ValueError: month must be in 1..12)."""
    path = _drafted(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("date: "))
    lines[at] = "date: 2026-13-45"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 2, err
    assert "Traceback" not in err
    # (walk46 N6: the example is today's date, the one a build gives the issue)
    today = datetime.now(UTC).date().isoformat()
    assert (
        f"{path}:{at + 1}: date '2026-13-45' is not a date (month must be in 1..12); write it as"
        f" {today} (year-month-day: today, the date a build gives the issue)"
    ) in _said(err), err
    assert not (demo.parent / "output" / "issue-1.html").exists()


def test_a_draft_with_a_byte_order_mark_is_read_and_one_not_in_utf8_names_every_bad_line(
    demo: Path,
) -> None:
    """walk38 #6: a UTF-8 draft with a BOM was told "a draft starts with a '---' line"; a draft
    saved as cp1252 named only its first line that is not UTF-8."""
    path = _drafted(demo)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    blurbs = [i for i, line in enumerate(lines) if line[:1].isalpha() and ":" not in line][:3]
    for i in blurbs:
        lines[i] = "\u201cQuoted\u201d " + lines[i]
    bad = demo.parent / "drafts" / "cp1252.md"
    bad.write_bytes("\n".join(lines).encode("cp1252", errors="replace"))
    code, _, err = run("build", "--config", str(demo), "--draft", str(bad))
    assert code == 2, err
    first, second, third = (i + 1 for i in blurbs)
    assert (
        f"{bad}:{first}: this line is not UTF-8 text (nor lines {second}, {third}): the draft was"
        " saved in another encoding (such as Windows-1252); save it as UTF-8"
    ) in _said(err), err
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, err = run("build", "--config", str(demo), "--draft", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["issue"] == 1
    assert "---" not in err


def test_a_drafts_title_is_its_issues_and_the_archive_and_feed_keep_the_newsletters(
    demo: Path,
) -> None:
    """walk38 #7: a draft's `title:` renamed the archive's <h1> and the feed's <title> without a
    word, and the next plain build changed them back."""
    path = _drafted(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[at] = "title: CX Weekly Special"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert (
        f'{path}:{at + 1}: issue 1 is published as "CX Weekly Special" (the draft\'s title:), but'
        " the archive page (index.html) and the feed of issues (feed.xml) keep the newsletter's"
        ' title, "Customer Experience Weekly": to rename the newsletter, change `newsletter:'
        f" title:` in {demo}"
    ) in _said(err), err
    out = demo.parent / "output"
    assert "<title>CX Weekly Special" in (out / "issue-1.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<h1>Customer Experience Weekly</h1>" in index, index
    assert "<title>Customer Experience Weekly</title>" in feed, feed
    assert "CX Weekly Special</h1>" not in index
    # `curator render` writes them again the same way.
    code, _, err = run("render", "--config", str(demo), "1")
    assert code == 0, err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>Customer Experience Weekly</h1>" in index


def test_a_subject_heading_with_no_articles_is_warned_and_an_intro_h2_is_told_to_use_h3(
    demo: Path,
) -> None:
    """walk38 #8: a `# Service operation` heading with no articles under it was dropped without a
    word; a `## Heading` in the introduction was told "put a '# Subject' heading above it"."""
    path = _drafted(demo)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[first:first] = ["## Why this issue", "", "Because it matters.", ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 2, err
    said = _said(err)
    assert (
        f"{path}:{first + 1}: '## Why this issue' in the introduction would start an article, and"
        " none can come before the first '# Subject': for a heading inside the introduction, use"
        " ### ('### Why this issue')"
    ) in said, said
    assert "put a '# Subject' heading above it" in said  # (only if it is an article)
    # An empty subject heading (its articles parked in a comment) is said, with its line.
    lines = text.splitlines()
    lines[first:first] = ["# Voice of the customer", "", "<!--", "## Parked", "-->", ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert (
        f"{path}:{first + 1}: '# Voice of the customer' has no articles under it, so it is left"
        " out of the issue (an article inside a <!-- comment --> is not published): add one"
        " under it ('## Title' with its url: line, or '## https://...'), or delete the heading"
    ) in _said(err), err


def test_an_added_address_published_at_its_pages_canonical_one_is_said(
    demo: Path, http_server: LocalServer
) -> None:
    """walk38 #9: an address added on 127.0.0.1 was published as its page's canonical address on
    another site, with no note."""
    canonical = '<link rel="canonical" href="https://harbour.example/triage">'
    url = http_server.add(
        "/triage.html", PAGE.format(canonical=canonical), content_type="text/html"
    )
    path = _adding(demo, url)
    line = path.read_text(encoding="utf-8").splitlines().index(f"## {url}") + 1
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert (
        f"{path}:{line}: {url} is published at https://harbour.example/triage, the address its"
        ' page gives as its own (<link rel="canonical">) or its address redirects to, which'
        " readers follow"
    ) in _said(err), err
    assert "https://harbour.example/triage" in _entry(demo, "Queue Triage That Customers")

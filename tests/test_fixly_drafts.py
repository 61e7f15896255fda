"""fixly (walk204): a draft edited by hand, built with `curator build --draft`, its feeds served
on 127.0.0.1 in the test.

#1 a url: line changed to another stored article of the same field (titles sharing "Customer
Experience") published that article under the heading's title and credit, unsaid.
#2 an author: or publication: line without its colon was published as the blurb's text.
#3 `Blurb:`, `summary:` opening a blurb were published as its text (`Title:` stops the build).
#4 a subject whose heading the draft lost was said to have nothing to feature, no article fitting
it, though its articles were published under another.
#5 an article fetched while an edited draft waited was never mentioned by the build.
#6 `curator fetch` named a feed's correction in one of two edited drafts of the issue; an emptied
`editor:` published the issue without "edited by ..." unsaid."""

from __future__ import annotations

from pathlib import Path

from test_walk126_stored import first_issue, serve_week

from conftest import LocalServer, copy_demo, said_as_one, sans_config
from conftest import run_cli as run

#: (Each page's canonical address, which curator stores.)
SEVEN = "https://northwind-cx.example/2025/09/customer-experience-architecture/"
FIVE = "https://northwind-cx.example/2025/06/five-definitions-of-customer-experience/"
SEVEN_TITLE = "Seven Building Blocks of a Customer Experience Architecture"
FIVE_TITLE = "Five Definitions of Customer Experience, and the One We Use"
DELIGHT = "Delight or Effortless? Designing for Customers Who Just Want to Get On With Their Day"


def _served_demo(tmp_path: Path, server: LocalServer, *, themes: bool = True) -> Path:
    """The offline demo, its three feeds and their pages served by `server` (feeds.yaml names
    the feeds' URLs; their links are relative, so the pages are the server's too)."""
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    for page in sorted((config.parent / "pages").glob("*.html")):
        server.add(f"/pages/{page.name}", page.read_bytes(), content_type="text/html")
    for name in ("northwind.xml", "supportdesk-review.xml", "brightline.json"):
        body = (config.parent / "feeds" / name).read_bytes()
        kind = "application/json" if name.endswith(".json") else "application/xml"
        url = server.add(f"/feeds/{name}", body, content_type=kind)
        text = text.replace(f"url: feeds/{name}", f"url: {url}")
    settings = "\nsettings:\n"
    assert settings in text
    text = text.replace(settings, f"{settings}  allow_private_addresses: true\n", 1)
    if not themes:  # (every issue has every subject, curator's default)
        start, end = text.index("\nthemes:\n"), text.index("\n# --- Feeds")
        text = text[:start] + text[end:]
    config.write_text(text, encoding="utf-8")
    return config


def _labelled(block: str, label: str) -> str:
    """An article's draft block with `label` written before its blurb's first line."""
    fields, blurb = block.split("\n\n", 1)
    return f"{fields}\n\n{label}{blurb}"


def _draft(config: Path) -> tuple[Path, str]:
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    path = config.parent / "drafts" / "issue-1.md"
    return path, path.read_text(encoding="utf-8")


def _block(text: str, title: str) -> str:
    """The draft's "## title" block, up to the next heading."""
    start = text.index(f"## {title}\n")
    end = min(i for i in (text.find(e, start + 1) for e in ("\n## ", "\n# ", "\n<!--")) if i > 0)
    return text[start : end + 1]


def _build(config: Path, path: Path) -> tuple[int, str, str]:
    code, out, err = run("build", "--config", str(config), "--draft", str(path))
    return code, out, said_as_one(sans_config(err))


def test_a_url_changed_to_another_article_of_the_field_stops_the_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk204 #1: Five Definitions cut from the draft, and its address written under "Seven
    Building Blocks ...": the build stops at that url: line naming both (it published Five
    Definitions under Seven Building Blocks' title, credit and blurb, recorded as featured)."""
    config = _served_demo(tmp_path, http_server)
    seven, five = SEVEN, FIVE
    path, written = _draft(config)
    assert f"## {FIVE_TITLE}\n" in written and f"url: {seven}\n" in written
    text = written.replace(_block(written, FIVE_TITLE), "")
    text = text.replace(f"url: {seven}\n", f"url: {five}\n")
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    assert code == 2, said
    at = text.splitlines().index(f"url: {five}") + 1
    assert f'{path}:{at}: the url is that of "{FIVE_TITLE}", not of this title' in said, said
    assert seven in said and f"check line {at}" in said, said
    assert not (config.parent / "output" / "issue-1.html").exists()


def test_a_url_changed_to_the_same_articles_other_address_still_builds(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk204 #1, what keeps working: the same article's address otherwise written, and a
    heading the editor retitled over its own url."""
    config = _served_demo(tmp_path, http_server)
    seven = SEVEN
    path, written = _draft(config)
    text = written.replace(f"url: {seven}\n", f"url: {seven.rstrip('/')}?utm_source=x\n")
    text = text.replace(f"## {FIVE_TITLE}\n", "## Five Definitions of Customer Experience\n")
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    assert code == 0, said
    html = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f'href="{seven}"' in html and "Five Definitions of Customer Experience<" in html


def test_a_credit_line_without_its_colon_stops_the_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk204 #2: "author Jane Editor" in place of the author: and publication: lines, and
    "publication Brightline Insights" under another heading: each stops the build at its line
    with the field meant (they were published as blurb text, and the credit was said to be
    missing, with advice to put back curator's)."""
    config = _served_demo(tmp_path, http_server)
    path, written = _draft(config)
    delight = _block(written, DELIGHT)
    seven = _block(written, SEVEN_TITLE)
    gone = "author: Helena Ashworth\npublication: Brightline Insights\n"
    assert gone in delight
    text = written.replace(delight, delight.replace(gone, "author Jane Editor\n"))
    text = text.replace(seven, seven.replace("publication: ", "publication "))
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    assert code == 2, said
    lines = text.splitlines()
    at = lines.index("author Jane Editor") + 1
    assert f"{path}:{at}: 'author Jane Editor' would be published as the blurb's text" in said
    assert "did you mean 'author: Jane Editor'?" in said, said
    pub = next(n for n, line in enumerate(lines, 1) if line.startswith("publication Northwind"))
    assert f"{path}:{pub}: 'publication Northwind CX Journal' would be published" in said, said
    assert not (config.parent / "output" / "issue-1.html").exists()


def test_a_field_under_a_line_without_its_colon_names_that_line(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk204 #2: "author Jane Editor" above the publication: line: the publication: line is
    said to be in the blurb, and the line above without its colon is named with the fix."""
    config = _served_demo(tmp_path, http_server)
    path, written = _draft(config)
    text = written.replace("author: Helena Ashworth\n", "author Jane Editor\n")
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    assert code == 2, said
    at = text.splitlines().index("author Jane Editor") + 1
    assert (
        f"looks like a field, but it is in the blurb (line {at}, 'author Jane Editor', has no"
        " colon: did you mean 'author: Jane Editor'?)"
    ) in said, said


def test_a_label_opening_a_blurb_stops_the_build(tmp_path: Path, http_server: LocalServer) -> None:
    """walk204 #3: "Blurb: ..." and "summary: ..." opening a blurb, and "Blurb:" alone on the
    line above one, stop the build at their line (each was published as the blurb's text); a
    "Summary: ..." paragraph after the first is text, and a backslash keeps a label as written."""
    config = _served_demo(tmp_path, http_server)
    path, written = _draft(config)
    delight, seven = _block(written, DELIGHT), _block(written, SEVEN_TITLE)
    five = _block(written, FIVE_TITLE)
    text = written.replace(delight, _labelled(delight, "Blurb: "))
    text = text.replace(seven, _labelled(seven, "summary: "))
    text = text.replace(five, _labelled(five, "Blurb:\n"))
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    assert code == 2, said
    lines = text.splitlines()
    for start, fix in (
        ("Blurb: ", "delete 'Blurb:' and keep the text after it"),
        ("summary: ", "delete 'summary:' and keep the text after it"),
        ("Blurb:", "delete the line 'Blurb:'"),
    ):
        at = next(n for n, line in enumerate(lines, 1) if line.startswith(start))
        assert f"{path}:{at}: '{lines[at - 1][:20]}" in said and fix in said, (start, said)
    assert "a blurb takes no label" in said
    assert not (config.parent / "output" / "issue-1.html").exists()
    # kept as text: escaped, or a later paragraph
    text = written.replace(delight, delight.replace("\n\nSurprise", "\n\n\\Blurb: Surprise"))
    text = text.replace(seven, seven.rstrip("\n") + "\n\nSummary: build it in steps.\n")
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    assert code == 0, said
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert (
        "Blurb: " in issue and "\\\\Blurb" not in issue and "Summary: build it in steps." in issue
    )


def test_a_deleted_subject_heading_is_said_as_published_under_another(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk204 #4: "# Measuring the customer experience" deleted from the draft, its articles
    now under the section above: the summary says where they were published, not "nothing to
    feature: no article fits it" with advice to teach curator."""
    config = _served_demo(tmp_path, http_server, themes=False)
    path, written = _draft(config)
    heading = "# Measuring the customer experience\n\n"
    assert heading in written
    text = written.replace(heading, "")
    path.write_text(text, encoding="utf-8")
    code, out, said = _build(config, path)
    assert code == 0, said
    said = said_as_one(sans_config(out)) + " " + said
    assert "Measuring the customer experience: nothing to feature" not in said, said
    assert (
        "Measuring the customer experience: its heading is not in the draft: its 2 article(s)"
        " were published under The basics of customer experience, as the draft has them"
    ) in said, said


NEW_ITEM = """<item>
      <title>Mapping the Customer Journey One Touchpoint at a Time</title>
      <link>../pages/mapping-the-customer-journey.html</link>
      <guid isPermaLink="false">https://northwind-cx.example/?p=999</guid>
      <pubDate>Mon, 13 Jul 2026 08:45:00 +0000</pubDate>
      <dc:creator><![CDATA[Priya Raman]]></dc:creator>
      <description><![CDATA[Customer journey mapping shows every touchpoint of the customer
      experience, from the first visit to the renewal, and where customers drop off. Map the
      journey with the teams who own each touchpoint.]]></description>
    </item>
    <item>"""


def test_an_article_fetched_while_the_edited_draft_waited_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk204 #5: a new article of a subject fetched after `curator draft` wrote the draft:
    the build of the edited draft says it came in, under which subject, and that `curator
    draft` offers it (it was never mentioned)."""
    config = _served_demo(tmp_path, http_server, themes=False)
    path, written = _draft(config)
    path.write_text(written.replace("Welcome to issue 1", "Hello, issue 1"), encoding="utf-8")
    feed = (config.parent / "feeds" / "northwind.xml").read_text(encoding="utf-8")
    http_server.add("/feeds/northwind.xml", feed.replace("<item>", NEW_ITEM, 1))
    page = "<html><head><title>Mapping the Customer Journey</title></head><body><p>Map it.</p>"
    http_server.add("/pages/mapping-the-customer-journey.html", page, content_type="text/html")
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, said = _build(config, path)
    assert code == 0, said
    said = said_as_one(sans_config(out)) + " " + said
    assert (
        "1 new article(s) of your subjects came in since the draft was written (1 under The"
        " basics of customer experience); the draft was published as you edited it, without"
        " them: they wait for the next issue, and `curator draft` offers them."
    ) in said, said


def test_fetch_names_a_correction_in_each_edited_draft_of_the_issue(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk204 #6: drafts/issue-2.md and "drafts/issue-2 (copy).md", both edited, then a fetch
    takes a feed's correction of a title both hold: each draft is named at its line (only
    issue-2.md was)."""
    path, _ = first_issue(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(path), "--all-subjects", "--no-fetch")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    first = next(line[3:] for line in text.splitlines() if line.startswith("## "))
    draft.write_text(text.replace("\n# ", "\nMy introduction.\n\n# ", 1), encoding="utf-8")
    copy = draft.with_name("issue-2 (copy).md")
    copy.write_text(text.replace("\n# ", "\nAnother introduction.\n\n# ", 1), encoding="utf-8")
    serve_week(http_server, corrected=True)  # "Rethinking it: ..." in the feed and on the pages
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    said = said_as_one(err)
    for each in (draft, copy):
        at = each.read_text(encoding="utf-8").splitlines().index(f"## {first}") + 1
        assert f'{each}:{at}: "{first}" was corrected in its feed since the draft' in said, err


def test_an_emptied_editor_line_is_said_once(tmp_path: Path, http_server: LocalServer) -> None:
    """walk204 #6: `editor:` emptied in the draft: the issue is published without "edited by
    Morgan Ellery", and the build says so, once, at that line."""
    config = _served_demo(tmp_path, http_server)
    path, written = _draft(config)
    editor = next(line for line in written.splitlines() if line.startswith("editor: "))
    name = editor.split(": ", 1)[1]
    text = written.replace(f"{editor}\n", "editor:\n", 1)
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    assert code == 0, said
    html = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert name not in html
    at = text.splitlines().index("editor:") + 1
    expected = (
        f'{path}:{at}: `editor:` is empty, so the issue is published without "edited by {name}"'
        f" (feeds.yaml's editor); to credit them, write `editor: {name}`"
    )
    assert said.count(expected) == 1, said

"""walk165's blurb findings (fixhi), through the CLI against feeds and pages on a real HTTP server
on 127.0.0.1, a real SQLite store and the real templates:

- #3: a link post quoting a question in a quotation nested in the one that introduces it ("The
  question asked was" over "As you may know, ...?") published "The question asked was. As you
  may know, ...": a full stop made up after a fragment that has none;
- #4: a blurb in quotation marks of two sentences was noted "This blurb is one sentence";
- and a draft written before a fetch rebuilt an article's blurb (its page corrected) published
  curator's old blurb as the editor's correction, kept for every later issue.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml
from test_fixhc_changes import serve_corrected
from test_walk126_stored import serve_week

from conftest import EXAMPLES, LocalServer, run_cli, said_as_one

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Link Blog</title><id>urn:lb</id><updated>2026-07-01T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="{home}/"/>
{entries}
</feed>"""

ENTRY = """<entry><title>{title}</title><id>urn:{n}</id><updated>2026-07-0{n}T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="{link}"/>
<link rel="related" type="text/html" href="{home}/linked/{n}"/>
<author><name>Lin Kblogger</name></author>
<content type="html">{content}</content></entry>"""

#: walk165 #3: Daring Fireball's post on Techdirt's, its quote holding a quotation nested in it.
NESTED_TITLE = "Was the Polling Question on the Apple and FBI Debate Misleading?"
NESTED = (
    "<p>Mike Masnick, writing for TechDirt:</p><blockquote><p>The question asked was</p>"
    "<blockquote><p>As you may know, RANDOMIZE: [the FBI has said that accessing the iPhone is"
    " an important part of their ongoing investigation into the San Bernardino attacks] while"
    " [Apple has said that unlocking the iPhone could compromise the security of other users’"
    " information] do you think Apple [READ; RANDOMIZE]?</p></blockquote>"
    "<p><em>But that’s not the issue in this case!</em></p></blockquote>"
    "<p>He makes a good point about the iPhone poll.</p>"
)
#: walk165 #4: a quote of two sentences, published in quotation marks.
TWO_TITLE = "Poll Shows More Support for the Justice Department Than for Apple"
TWO = (
    "<p>Pew Research Center:</p><blockquote><p>As the standoff between the Department of"
    " Justice and Apple continues over an iPhone used by one of the suspects in the San"
    " Bernardino attacks, 51% say Apple should unlock the iPhone to assist the FBI"
    " investigation. Fewer Americans (38%) say Apple should not unlock the phone to ensure the"
    " security of its other users’ information; 11% do not offer an opinion on the"
    " question.</p></blockquote>"
)
#: A quote of two short sentences: too short a blurb, and named so, not as one sentence.
SHORT_TITLE = "A Short Word on the iPhone Poll"
SHORT = (
    "<p>Jane Roe:</p><blockquote><p>Apple should unlock the iPhone now. The FBI agrees with the"
    " poll.</p></blockquote>"
)

#: The author's own post (not a link post): "Steve Yegge says" introduced a quotation set apart
#: in a <blockquote>; the paragraph after it is the author's own words, not what he says.
OWN_TITLE = "Those Who Misremember Smalltalk History"
OWN = (
    "<p>In Dynamic Languages Strike Back, Steve Yegge says</p><blockquote><p>Strongtalk added an"
    " optional static type system on top of Smalltalk that sped it up like 20x.</p></blockquote>"
    "<p>Why do people make this stuff up? The following two statements about Smalltalk are"
    " true, and neither causes the other.</p><p>Strongtalk was that much faster whether you"
    " used the optional static type system or not, as its compiler ignored the types.</p>"
)
#: A description whose lines were hard-wrapped (plain text, a line break mid-sentence).
WRAPPED_TITLE = "Processing Smalltalk Inclusions with XSLT"
WRAPPED = (
    "Processing document inclusions in Smalltalk images with general XML tools can be\n"
    "problematic for anyone who keeps them. This article proposes a way of preserving inclusion"
    " information through SAX-based processing."
)
OWN_ENTRY = """<entry><title>{title}</title><id>urn:{n}</id><updated>2026-07-0{n}T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="{link}"/>
<author><name>Lin Kblogger</name></author>
<content type="{kind}">{content}</content></entry>"""


def _escaped(html: str) -> str:
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.fixture(scope="module")
def quoted(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, dict[str, str], str]:
    """Link posts quoting their articles, drafted then built from the draft: (the draft, what
    `curator draft` said, each published blurb by title, issue-1.txt)."""
    tmp_path = tmp_path_factory.mktemp("fixhi")
    server = LocalServer().start()
    try:
        home = server.base
        other = home.replace("127.0.0.1", "localhost")  # the linked article's site: another one
        entries = "\n".join(
            ENTRY.format(n=n, title=title, link=f"{other}/article/{n}", home=home, content=body)
            for n, title, body in (
                (1, NESTED_TITLE, _escaped(NESTED)),
                (2, TWO_TITLE, _escaped(TWO)),
                (5, SHORT_TITLE, _escaped(SHORT)),
            )
        )
        entries += "\n".join(
            OWN_ENTRY.format(n=n, title=title, link=f"{home}/post/{n}", kind=kind, content=body)
            for n, title, kind, body in (
                (3, OWN_TITLE, "html", _escaped(OWN)),
                (4, WRAPPED_TITLE, "text", WRAPPED),
            )
        )
        url = server.add("/lb.xml", ATOM.format(home=home, entries=entries))
        config = {
            "newsletter": {"title": "Phone Notes", "editor": "Ed", "issue_size": 8},
            "subjects": [
                {"name": "Phones", "keywords": ["iphone", "apple", "fbi", "poll", "smalltalk"]}
            ],
            "feeds": [{"url": url, "fetch_pages": False}],
            "settings": {"allow_private_addresses": True, "timeout": 5},
        }
        path = tmp_path / "feeds.yaml"
        path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        code, _, draft_err = run_cli("draft", "--config", str(path), "--all-subjects")
        assert code == 0, draft_err
        draft_file = tmp_path / "drafts" / "issue-1.md"
        draft = draft_file.read_text(encoding="utf-8")
        code, _, err = run_cli("build", "--config", str(path), "--draft", str(draft_file))
    finally:
        server.stop()
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    blurbs = {a["title"]: a["blurb"] for s in issue["sections"] for a in s["articles"]}
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    return draft, draft_err, blurbs, text


def test_a_fragment_running_on_into_a_nested_quotation_gets_no_made_up_full_stop(
    quoted: tuple[str, str, dict[str, str], str],
) -> None:
    """walk165 #3: "The question asked was. As you may know, ..." (a "." made up after "was",
    which runs on into the quotation nested under it). The blurb reads as the text does: "The
    question asked was: As you may know, ..."."""
    _, _, blurbs, text = quoted
    nested = blurbs[NESTED_TITLE]
    assert "The question asked was." not in said_as_one(text), text
    assert "asked was. As" not in nested, nested
    assert nested.startswith('"The question asked was: As you may know, RANDOMIZE:'), nested
    assert "The question asked was: As you may know" in said_as_one(text), text
    # In the author's own text the quotation "says" introduced is set apart: the paragraph
    # after it is theirs, neither joined to it nor the lead-in ended with a made-up full stop.
    own = blurbs[OWN_TITLE]
    assert "says: Why" not in own and "says." not in own, own
    assert own.startswith("Why do people make this stuff up?"), own
    # A description's line broken mid-sentence is one sentence, not "... tools can be."
    wrapped = blurbs[WRAPPED_TITLE]
    assert "can be." not in wrapped, wrapped
    assert "general XML tools can be problematic for anyone who keeps them." in wrapped, wrapped


def test_a_quoted_blurb_of_two_sentences_is_not_noted_as_one(
    quoted: tuple[str, str, dict[str, str], str],
) -> None:
    """walk165 #4: the draft noted a blurb in quotation marks holding two sentences ("As the
    standoff ... investigation. Fewer Americans (38%) say ...") as "one sentence (blurbs are
    2-3)", and `curator draft` warned so: its quotation marks held it together as one."""
    draft, draft_err, blurbs, _ = quoted
    two = blurbs[TWO_TITLE]
    assert two.startswith('"As the standoff') and "Fewer Americans (38%)" in two, two
    assert "This blurb is one sentence" not in draft, draft
    assert f'the blurb of "{TWO_TITLE}"' not in said_as_one(draft_err), draft_err
    # two sentences too short for a blurb are named as such, as an unquoted pair would be
    assert (
        blurbs[SHORT_TITLE] == '"Apple should unlock the iPhone now. The FBI agrees with the poll."'
    )
    note = draft[draft.index(blurbs[SHORT_TITLE].strip('"')) :]
    assert note.split("\n## ")[0].count("<!-- Check this blurb: it is 67 characters long") == 1


EDITED = (
    "Closing the loop tells customers what changed because of what they said. Our pick of the"
    " week on acting on feedback, with a checklist any team can use."
)


def _blurb_lines(draft: str) -> dict[str, int]:
    """Each article's address in the draft -> the index of its blurb's line (the first line
    after its url:, author: and publication: lines)."""
    lines = draft.splitlines()
    found: dict[str, int] = {}
    url = ""
    for number, line in enumerate(lines):
        if line.startswith("## "):
            url = ""
        elif line.startswith("url: "):
            url = line[5:].strip()
        elif (
            url
            and url not in found
            and line.strip()
            and not line.startswith(("author:", "publication:", "<!--"))
        ):
            found[url] = number
    return found


def test_a_blurb_rebuilt_after_the_draft_is_published_new_unless_the_editor_wrote_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A draft written before a fetch that rebuilt its articles' blurbs (their pages corrected:
    a new first paragraph, "fifty points") still carried the old ones; `build --draft` took each
    for the editor's correction, published curator's stale text and kept it for every later
    issue featuring the article. A blurb the draft has as curator wrote it gives way to the new
    one, said in one line, and is no correction; one the editor wrote is published, kept as
    theirs, and the line says the page changed under it."""
    serve_week(http_server)
    demo = yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 2},
        "subjects": demo["subjects"],
        "feeds": [{"url": http_server.url("/daily.xml"), "name": "Service Daily"}],
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run_cli("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    draft_file = tmp_path / "drafts" / "issue-1.md"
    lines = draft_file.read_text(encoding="utf-8").splitlines()
    blurbs = _blurb_lines("\n".join(lines))
    assert len(blurbs) >= 2, lines
    left, edited = list(blurbs)[:2]
    old = lines[blurbs[left]]
    lines[blurbs[edited]] = EDITED  # the editor's own blurb
    draft_file.write_text("\n".join(lines) + "\n", encoding="utf-8")

    serve_corrected(http_server)  # the pages now open with "... fifty points ..."
    code, _, err = run_cli("fetch", "--config", str(path))
    assert code == 0, err
    fetched = said_as_one(err)  # the fetch that rebuilt them says what the draft's build does
    assert f"({left}) was rebuilt after the draft was written" in fetched, err
    assert "the draft has curator's old text, and `curator build --draft" in fetched, err
    assert f"--draft {draft_file}" in fetched and "` publishes the new one" in fetched, err
    assert "your own blurb in the draft is what the issue publishes" in fetched, err
    code, _, err = run_cli("build", "--config", str(path), "--draft", str(draft_file))
    assert code == 0, err
    said = said_as_one(err)

    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    published = {a["url"]: a["blurb"] for s in issue["sections"] for a in s["articles"]}
    assert "fifty points" in published[left] and published[left] != old, published[left]
    assert published[edited] == EDITED, published[edited]
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "fifty points" in html and EDITED.split(".")[0] in html, html
    assert f"({left}) was rebuilt after the draft was written" in said, err
    assert "published the new one, as your draft had curator's old text" in said, err
    assert f"({edited}) was rebuilt after the draft was written" in said, err
    assert "your own blurb in the draft is published, but the page may have changed" in said

    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        corrected = dict(
            db.execute(
                "SELECT a.url, ia.blurb_corrected FROM issue_articles ia"
                " JOIN articles a ON a.id = ia.article_id"
            ).fetchall()
        )
    # curator's text is no correction of the editor's: a later issue takes the article's own
    assert not corrected[left], corrected
    assert corrected[edited] == 1, corrected

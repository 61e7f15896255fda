"""walk158, credits as the editor sees them: a credit correction (a draft's `author:` line
emptied, deleted or written `X || Pub`, or issue-N.json's "authors" and `curator render N`)
was lost when the article was featured again (#7); a Medium <title>'s date was published in
the title, and `curator extract` of a saved page credited "Medium" (#12); `curator draft`
said nothing of the credits its draft notes (#13)."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import drafted, newsletter, page
from test_credit_sources import _own_words

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

TITLES = ("Refund Queues", "Chat Support Hours", "Help Desk Scripts", "Billing Errors")
WRITERS = ("Ann Lee", "Bo Chen", "Cy Dunn", "Di Eze")


def _draft_edited(path: Path) -> None:
    """Issue 1's draft as the editor corrected it: Refund Queues' `author:` emptied, Chat
    Support Hours' deleted, Help Desk Scripts' written `X || Pub`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    title = ""
    for line in lines:
        if line.startswith("## "):
            title = line[3:]
        if line.startswith("author: "):
            if title == TITLES[0]:
                line = "author:"
            elif title == TITLES[1]:
                continue
            elif title == TITLES[2]:
                line = "author: Sara Lind || The Compost Gazette"
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def test_credit_corrections_hold_when_an_article_is_featured_again(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#7: issue 2 featuring issue 1's four articles again published their old credits (Priya
    Patel, corrected in issue-1.json, gone; the emptied author back), and `curator extract` said
    the newsletter credits them so."""
    items = [
        (t, f"<dc:creator>{w}</dc:creator>", page(t, byline=f"By {w}"))
        for t, w in zip(TITLES, WRITERS, strict=True)
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    draft1 = config.parent / "drafts" / "issue-1.md"
    _draft_edited(draft1)
    code, _, err = run("build", "--config", str(config), "--draft", str(draft1))
    assert code == 0, err
    out = config.parent / "output"
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    urls = {}
    for sec in data["sections"]:
        for art in sec["articles"]:
            urls[art["title"]] = art["url"]
            if art["title"] == TITLES[3]:
                art["authors"] = ["Priya Patel"]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(config))
    assert code == 0, err
    assert "a later issue featuring it again credits it so" in said_as_one(err)
    # Issue 2 features all four again, added by their addresses alone, one with an `author:`
    # line: a new correction, which later issues keep.
    draft2 = config.parent / "drafts" / "issue-2.md"
    again = ", ".join(urls[t] for t in TITLES)
    draft2.write_text(
        f"---\ntitle: CX Weekly\nnumber: 2\ndate: 2026-12-20\nfeature_again: [{again}]\n---\n\n"
        "# Customer service\n\n"
        + "".join(f"## {urls[t]}\n\n" for t in TITLES[1:])
        + f"## {urls[TITLES[0]]}\nauthor: Ann Lee\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "--draft", str(draft2))
    assert code == 0, err
    issue2 = json.loads((out / "issue-2.json").read_text(encoding="utf-8"))
    credits = {
        a["title"]: (a["authors"], a["publication"])
        for sec in issue2["sections"]
        for a in sec["articles"]
    }
    assert credits == {
        TITLES[0]: (["Ann Lee"], "Zeta Post"),
        TITLES[1]: ([], "Zeta Post"),
        TITLES[2]: (["Sara Lind"], "The Compost Gazette"),
        TITLES[3]: (["Priya Patel"], "Zeta Post"),
    }
    said = said_as_one(err)
    assert "no author was found" not in said, said
    assert (
        f'the credit of "{TITLES[1]}" ({urls[TITLES[1]]}) is published as you corrected it in'
        " issue 1: no author || Zeta Post"
    ) in said
    # `curator extract` says how the newsletter credits them now.
    code, text, err = run(
        "extract", "--config", str(config), *(urls[t] for t in (TITLES[3], TITLES[1], TITLES[0]))
    )
    assert code == 0, err
    shown = said_as_one(text)
    assert (
        "your newsletter credits it as: Priya Patel || Zeta Post (as you corrected it in issue 1)"
        in shown
    )
    assert (
        "your newsletter credits it as: Zeta Post (no author, as you corrected it in issue 1)"
        in shown
    )
    assert (
        "your newsletter credits it as: Ann Lee || Zeta Post (as you corrected it in issue 2)"
        in shown
    )


def test_draft_says_how_many_credits_its_notes_doubt(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#13: `curator draft` said its blurb doubts but nothing of the `<!-- Credit -->` and
    `<!-- Author -->` notes it wrote, though README says each run ends with what needs you."""
    items = [
        ("Refund Queues", "<dc:creator>jroe@zeta.example</dc:creator>", page("Refund Queues")),
        ("Chat Support Hours", "", page("Chat Support Hours")),
        ("Help Desk Scripts", "<dc:creator>Cy Dunn</dc:creator>", page("Help Desk Scripts")),
        (
            "Billing Errors",
            "<dc:creator>Di Eze</dc:creator>",
            page("Billing Errors", byline="By Ola Obi"),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    path = config.parent / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    assert text.count("<!-- Credit: no author was found") == 2
    assert text.count("<!-- Author: ") == 1
    line = (
        f"3 credits in {path} carry a note: search the draft for <!-- Credit and <!-- Author, and"
        " correct the `author:` or `publication:` lines where the note says to"
    )
    assert line in said_as_one(err)
    code, out, err = run(
        "draft", "--config", str(config), "--all-subjects", "--json", "--force", "--no-fetch"
    )
    assert code == 0, err
    document = json.loads(out)
    assert document["credit_notes"] == 3
    assert line in [" ".join(w["message"].split()) for w in document["warnings"]]


MEDIUM_TITLE = "Loyalty now | by Jane Roe | Dec, 2023 | UX Collective"


def test_a_medium_title_loses_its_date_with_its_byline_and_extract_agrees_with_the_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#12: "Loyalty now | by Jane Roe | Dec, 2023 | UX Collective" (og:site_name "Medium") was
    published as "Loyalty now | by Jane Roe | Dec, 2023", and `curator extract` of the page
    saved credited "Medium" where the build credited "UX Collective"."""
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{MEDIUM_TITLE}</title>"
        '<meta property="og:site_name" content="Medium"></head><body><article>'
        "<h1>Loyalty now</h1>"
        + "".join(f"<p>{_own_words('Loyalty customer support', n)}</p>" for n in range(6))
        + "</article></body></html>"
    )
    config = newsletter(
        tmp_path, http_server, [(MEDIUM_TITLE, "<dc:creator>Jane Roe</dc:creator>", html)]
    )
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    text = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "\nLoyalty now\n" in text and "Dec, 2023" not in text
    assert "Jane Roe || UX Collective" in text
    saved = tmp_path / "loyalty.html"
    saved.write_text(html, encoding="utf-8")
    for source in (str(saved), http_server.url("/p/0/")):
        code, out, err = run("extract", "--config", str(config), source)
        assert code == 0, err
        assert out.startswith("Loyalty now\n"), out
        assert "|| UX Collective\n" in out, out


def test_a_copy_note_after_the_article_inside_main_is_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#9: "This article originally appeared on The Compost Gazette." after `</article>` inside
    `<main>` gave the draft no note (inside `<article>` it did); one in the page's footer is
    the site's furniture, no word on this article."""

    def relay(title: str, after: str) -> str:
        return (
            page(title, byline="By Bea Kahn", site="Relay")
            .replace("<article>", "<main><article>")
            .replace("</article>", f"</article>{after}</main>")
        )

    note = "<p><em>This article originally appeared on The Compost Gazette.</em></p>"
    items = [
        ("Refund Queues", "", relay("Refund Queues", note)),
        ("Chat Support Hours", "", relay("Chat Support Hours", f"<footer>{note}</footer>")),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    said = "the page says it first appeared in The Compost Gazette"
    assert any(said in line for line in blocks["Refund Queues"]), blocks["Refund Queues"]
    assert not any(said in line for line in blocks["Chat Support Hours"])


def test_a_credit_for_another_publication_is_noted_not_dropped(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#9: dc:creator "Bea Kahn for The Compost Gazette" on a site named "Relay" published
    "Bea Kahn || Relay", "for The Compost Gazette" dropped without a word; "for" the site's own
    name says nothing."""
    items = [
        (
            "Refund Queues",
            "<dc:creator>Bea Kahn for The Compost Gazette</dc:creator>",
            page("Refund Queues", site="Relay"),
        ),
        (
            "Chat Support Hours",
            "<dc:creator>Ola Obi for Relay</dc:creator>",
            page("Chat Support Hours", site="Relay"),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    said = (
        'its credit names Bea Kahn "for The Compost Gazette", so it may have been written for The'
        ' Compost Gazette; "Relay" is credited: if it first appeared there, correct the'
        " `publication:` line"
    )
    assert "author: Bea Kahn" in blocks["Refund Queues"]
    assert any(said in line for line in blocks["Refund Queues"]), blocks["Refund Queues"]
    assert "author: Ola Obi" in blocks["Chat Support Hours"]
    assert not any("written for" in line for line in blocks["Chat Support Hours"])
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert (
        f'the credit of "Refund Queues" ({http_server.url("/p/0/")}): {said.split(": if it")[0]}: it is published so'
        in (said_as_one(err))
    ), err
    assert "written for Relay" not in err


def test_a_page_byline_for_another_publication_is_noted_as_a_feeds_is(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """fixgk: a page's own byline "By Bea Kahn for The Compost Gazette" (a syndicated piece,
    its feed crediting no one) credited Bea Kahn || Relay and dropped "for The Compost Gazette"
    unsaid, which a feed's credit has said since walk158 #9; "for" the site's own name (Relay)
    says nothing."""
    items = [
        (
            "Refund Queues",
            "",
            page("Refund Queues", byline="By Bea Kahn for The Compost Gazette", site="Relay"),
        ),
        (
            "Chat Support Hours",
            "",
            page("Chat Support Hours", byline="By Ola Obi for Relay", site="Relay"),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    said = (
        'its credit names Bea Kahn "for The Compost Gazette", so it may have been written for The'
        ' Compost Gazette; "Relay" is credited'
    )
    assert "author: Bea Kahn" in blocks["Refund Queues"]
    assert any(said in line for line in blocks["Refund Queues"]), blocks["Refund Queues"]
    assert "author: Ola Obi" in blocks["Chat Support Hours"]
    assert not any("written for" in line for line in blocks["Chat Support Hours"])
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert (
        f'the credit of "Refund Queues" ({http_server.url("/p/0/")}): {said}: it is published so'
        in said_as_one(err)
    ), err
    assert "written for Relay" not in err

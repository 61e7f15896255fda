"""walk146's findings through the CLI: a subject's introduction said again word for word (but for
its variables) in a later issue on that subject, unheard of (#1); `feeds remove` counted a dead
link among the articles that "can still be picked" (#2); `subjects uncertain` listed a dead link
for review (#3); `feeds remove` said a stub subject's warning twice (#4); a name typed wrong in a
template had no did-you-mean (#5); a '# heading' in a draft's introduction was not told it is
written '### ', and `draft` run twice refused to replace a draft nobody had edited (#6). Feeds
and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

BASICS = "The basics of customer experience"


def test_a_subjects_introduction_said_again_in_a_later_issue_on_it_is_warned_about(
    themed_demo: Path,
) -> None:
    """walk146 #1: "Welcome to issue {number} ... In our first installment" opened issue 4 on the
    subject again; {number} made the texts differ, so the word-for-word warning never fired."""
    text = themed_demo.read_text(encoding="utf-8")
    themed_demo.write_text(text.replace("  issue_size: 4", "  issue_size: 2", 1), encoding="utf-8")
    line = text.splitlines().index("    introduction: |") + 2
    code, _, err = run("build", "--config", str(themed_demo), "-q")
    assert code == 0, err
    assert "opens with subject" not in err
    said = (
        f"{themed_demo}:{line} (subject `{BASICS}`'s `introduction:`): issue 2 opens with subject"
        f" `{BASICS}`'s introduction from feeds.yaml (\"Welcome to issue {{number}} of Customer"
        ' Experience Weekly..."), which issue 1 opened with too, word for word but for its'
        " variables: readers get the same note again. Write issue 2's own in {where}, or"
        " rewrite the subject's `introduction:` in"
    )
    code, _, err = run(
        "draft", "--config", str(themed_demo), "-q", "--subject", BASICS, "--no-fetch"
    )
    assert code == 0, err
    draft = themed_demo.parent / "drafts" / "issue-2.md"
    # walk148 N4: the draft's introduction wins over introductions/issue-2.md, which `draft` and
    # `build --draft` named (a change there changed nothing): the draft's is named
    in_draft = (
        "the draft's introduction ({}: the text before its first `# Subject` heading; the"
        " draft's wins over a file in introductions/)"
    )
    assert said.replace("{where}", in_draft.format(draft)) in " ".join(err.split())
    # (the draft holds the introduction filled in, as written to it)
    page = draft.read_text(encoding="utf-8")
    assert "Welcome to issue 2 of Customer Experience Weekly." in page

    # #6: the same command again, the draft untouched, was refused ("your edits would be lost").
    code, _, err = run(
        "draft", "--config", str(themed_demo), "-q", "--subject", BASICS, "--no-fetch"
    )
    assert code == 0, err
    assert f"{draft} was unchanged since curator wrote it: replaced by this draft" in said_as_one(
        err
    )
    # #6: a '# heading' typed in the introduction was not told it is written '### '.
    lines = draft.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"# {BASICS}")
    lines[at:at] = ["# A heading in the intro", ""]
    draft.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "-q", "--draft", str(draft))
    assert code == 0, err
    intro = next(n for n, x in enumerate(lines, 1) if x.startswith("Welcome to issue 2 of"))
    assert said.replace("{where}", in_draft.format(f"{draft}:{intro}")) in " ".join(err.split())
    assert "issue-2.md (or in the draft" not in err, err
    assert (
        f"{draft}:{at + 1}: '# A heading in the intro' has no articles under it, so it is left out"
        " of the issue (an article inside a <!-- comment --> is not published): add one under it"
        " ('## Title' with its url: line, or '## https://...'), or delete the heading; if it is a"
        " heading inside the introduction, write '### A heading in the intro' ('# ' ends the"
        " introduction and starts a subject)"
    ) in said_as_one(err)


def _rss(title: str, items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>Wed, 02 Dec 2026 09:00:00 +0000</pubDate><description>{escape(d)}</description>"
        "</item>"
        for t, link, d in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://site.example/</link>{body}</channel></rss>"
    )


def _page(title: str, text: str) -> str:
    return (
        f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>"
        + f"<p>{escape(text)}</p>" * 3
        + "</article></body></html>"
    )


@dataclass(frozen=True)
class Removed:
    config: Path
    server: LocalServer
    #: `subjects uncertain`'s output, then `feeds remove`'s (stdout, stderr).
    uncertain: str
    out: str
    err: str


@pytest.fixture(scope="module")
def removed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Removed]:
    server = LocalServer().start()
    try:
        tmp = tmp_path_factory.mktemp("walk146")
        # Each article half about surveys, half about support queues (the model is unsure of
        # each), and each its own story.
        kinds = ("hotel guests", "airline passengers", "bank customers")
        items = [
            (
                f"What {kind} tell us",
                server.url(f"/post-{k}"),
                f"Surveys of {kind} and the support queues behind them: what the survey scores of"
                f" {kind} say about the ticket backlog, and how the support team answers the"
                f" feedback {kind} give in the survey.",
            )
            for k, kind in enumerate(kinds)
        ]
        for k in range(2):
            server.add(f"/post-{k}", _page(items[k][0], items[k][2]), content_type="text/html")
        server.add("/cx.xml", _rss("CX Reading", items))  # (/post-2 answers 404: a dead link)
        server.add("/ops.xml", _rss("Ops Notes", []))
        config = tmp / "feeds.yaml"
        config.write_text(
            "newsletter:\n  title: CX Weekly\n  introduction: Welcome to issue {number}.\n"
            "settings:\n  allow_private_addresses: true\n"
            "subjects:\n"
            "  - name: Surveys\n    description: Customer surveys and their scores.\n"
            "    keywords: [survey, scores, feedback]\n"
            "  - name: Support\n    description: Support teams and their queues.\n"
            "    keywords: [support team, queue, backlog, ticket]\n"
            f"feeds:\n  - url: {server.url('/cx.xml')}\n",
            encoding="utf-8",
        )
        code, _, err = run("fetch", "--config", str(config), "-q")
        assert code == 0, err
        code, uncertain, err = run("subjects", "uncertain", "--config", str(config))
        assert code == 0, err
        opml = tmp / "subs.opml"
        opml.write_text(
            '<?xml version="1.0"?><opml version="2.0"><body>'
            '<outline text="Service operations">'
            f'<outline type="rss" text="Ops Notes" xmlUrl="{server.url("/ops.xml")}"/>'
            "</outline></body></opml>",
            encoding="utf-8",
        )
        code, _, err = run("feeds", "import", str(opml), "--add-subjects", "--config", str(config))
        assert code == 0, err
        code, out, err = run("feeds", "remove", server.url("/cx.xml"), "--config", str(config))
        assert code == 0, err
        yield Removed(config, server, uncertain, out, err)
    finally:
        server.stop()


def test_feeds_remove_counts_a_dead_link_apart_from_the_articles_that_can_be_picked(
    removed: Removed,
) -> None:
    """#2: "the 1 no issue featured can still be picked" when that 1 was a dead link."""
    out = said_as_one(removed.out)
    assert (
        "Its 3 stored article(s) stay in the archive, and the 2 no issue featured can still be"
        " picked for the next issues; 1 more is a dead link (pages gone), never picked."
    ) in out, out


def test_subjects_uncertain_leaves_a_dead_link_out(removed: Removed) -> None:
    """#3: the article whose page answered 404 (never published) was listed for review, the only
    one curator was unsure of."""
    assert removed.server.url("/post-2") not in removed.uncertain, removed.uncertain
    assert "bank customers" not in removed.uncertain, removed.uncertain


def test_feeds_remove_says_a_stub_subjects_warning_once(removed: Removed) -> None:
    """#4: "`Service operations` is still the stub..." was said twice by `feeds remove`."""
    assert said_as_one(removed.err).count("is still the stub") == 1, removed.err


def test_a_name_typed_wrong_in_a_template_is_said_with_the_one_meant(demo: Path) -> None:
    """walk146 #5: `{{ edtior }}` in issue.txt was "'edtior' is undefined", with no did-you-mean,
    where a field typed wrong gets one."""
    from curator.templatecheck import builtin_templates

    mine = demo.parent / "mytpl"
    shutil.copytree(builtin_templates(), mine)
    path = mine / "issue.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("{% block header %}") + 1
    lines.insert(at, "Edited by {{ edtior }}")
    path.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 2, err
    assert (
        f"template {path}:{at + 1}: 'edtior' is undefined: did you mean 'editor'?"
    ) in said_as_one(err), err

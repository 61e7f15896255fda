"""walk164 N4-N7: what curator says must name what the editor will find, and lead somewhere: the
line of an old template copy to replace, a store put back from a backup older than the last
issue, a feed that moved past what was stored, old issues rendered anew by today's templates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, copy_demo, said_as_one
from conftest import run_cli as run
from curator.templatecheck import builtin_templates


def test_an_old_issue_md_copy_is_told_the_text_it_holds(
    published_demo: Path, tmp_path: Path
) -> None:
    """N4: the advice for a copy of issue.md made before Markdown blurbs named `{{ entry.blurb }}`,
    which the copy does not hold: it writes `{{ entry.blurb | md_text }}`. The advice quotes the
    copy's own text, with its line, and the text to write in its place."""
    shutil.copytree(published_demo.parent, tmp_path / "nl")
    config = tmp_path / "nl" / "feeds.yaml"
    out = config.parent / "output"
    data = json.loads((out / "issue-1.json").read_text("utf-8"))
    first = data["sections"][0]["articles"][0]
    first["blurb"] = "See the study <https://s.example/study> on queues."
    first["blurb_markdown"] = "See [the study](https://s.example/study) on *queues*."
    (out / "issue-1.json").write_text(json.dumps(data), "utf-8")
    own = (builtin_templates() / "issue.md").read_text("utf-8")
    now = "{{ entry.blurb_markdown | md_intro if entry.blurb_markdown else entry.blurb | md_text }}"
    assert now in own
    old = own.replace(now, "{{ entry.blurb | md_text }}")
    line = old[: old.index("{{ entry.blurb | md_text }}")].count("\n") + 1
    folder = config.parent / "old"
    folder.mkdir()
    (folder / "issue.md").write_text(old, "utf-8")
    code, _, err = run("render", "--config", str(config), "1", "--templates", str(folder))
    said = said_as_one(err)
    assert code == 0, said
    assert (
        f"{folder / 'issue.md'}: this copy of curator's issue.md was made before blurbs could"
        " hold links and emphasis"
    ) in said, said
    assert f"replace `{{{{ entry.blurb | md_text }}}}` (line {line}) with `{now}`" in said, said
    # The advice, followed, publishes the link as a link
    (folder / "issue.md").write_text(old.replace("{{ entry.blurb | md_text }}", now), "utf-8")
    code, _, err = run("render", "--config", str(config), "1", "--templates", str(folder))
    assert code == 0, err
    assert "made before blurbs could hold" not in said_as_one(err)
    assert "[the study](https://s.example/study)" in (out / "issue-1.md").read_text("utf-8")


def two_issues_and_a_backup(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """The demo with issue 1 published, backed up, then issue 2 published: its feeds.yaml, its
    store, its output folder and the backup taken after issue 1."""
    config = copy_demo(tmp_path)
    store = config.parent / ".curator" / "curator.db"
    out = config.parent / "output"
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    backup = tmp_path / "after-issue-1.db"
    code, _, err = run("backup", "--config", str(config), str(backup))
    assert code == 0, err
    code, _, err = run("build", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    return config, store, out, backup


def test_a_store_older_than_the_last_issue_is_said_so_and_can_learn_it(tmp_path: Path) -> None:
    """N5: a backup taken after issue 1, put back after issue 2 was published: the build stopped
    (rightly) but blamed `settings: store`, and offered no way on that kept issue 2. It says the
    store is older than issue 2, and the ways on; `curator render --record` records issue 2 from
    its issue-2.json, and the next build publishes issue 3, featuring none of issue 2's articles."""
    config, store, out, backup = two_issues_and_a_backup(tmp_path)
    issue_2 = json.loads((out / "issue-2.json").read_text("utf-8"))
    told = {a["url"] for s in issue_2["sections"] for a in s["articles"]}
    published = {p.name: p.read_bytes() for p in out.glob("issue-2.*")}
    shutil.copyfile(backup, store)
    for end in ("-wal", "-shm"):
        store.with_name(store.name + end).unlink(missing_ok=True)

    code, _, err = run("build", "--config", str(config), "--no-fetch")
    said = said_as_one(err)
    assert code == 1, said
    assert f"but the store {store} records issues up to 1: the store is older than the" in said
    assert "published issue 2, and does not know it" in said, said
    assert "settings: store" not in said, said
    assert (
        f"record issue 2 in this store from {out / 'issue-2.json'}, `curator render --record"
        in (said)
    )
    assert "the next build then publishes issue 3" in said
    assert "put back a copy of the store taken after issue 2 was published" in said
    assert {p.name: p.read_bytes() for p in out.glob("issue-2.*")} == published

    code, out_text, err = run("render", "--config", str(config), "--record")
    assert code == 0, err
    assert f"issue 2 is recorded in the store {store} from {out / 'issue-2.json'}" in said_as_one(
        out_text
    )
    assert {p.name: p.read_bytes() for p in out.glob("issue-2.*")} == published
    code, _, err = run("build", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    issue_3 = json.loads((out / "issue-3.json").read_text("utf-8"))
    assert issue_3["number"] == 3
    assert not told & {a["url"] for s in issue_3["sections"] for a in s["articles"]}
    assert issue_3["theme"] != issue_2["theme"]  # (issue 2 took its place in the plan)
    assert {p.name: p.read_bytes() for p in out.glob("issue-2.*")} == published
    # Nothing left to record: said, nothing changed
    code, _, err = run("render", "--config", str(config), "--record")
    assert code == 1
    assert "every issue published there is recorded; nothing was changed" in said_as_one(err)


def _posts(server: LocalServer, numbers: range) -> bytes:
    items = "".join(
        f"<item><title>Post {n} on customer support queues</title>"
        f"<link>{server.url(f'/posts/{n}')}</link><guid>post-{n}</guid>"
        f"<pubDate>{n + 1:02d} Jul 2026 08:00:00 +0000</pubDate>"
        f"<description>Week {n}: how support teams cut their ticket queues and backlog."
        " Agents triage by cause.</description></item>"
        for n in reversed(numbers)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Weekly Posts</title><link>{server.url('/')}</link>{items}</channel></rss>"
    ).encode()


def test_a_feed_with_gaps_says_how_to_add_an_article_it_missed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """N6: "fetch more often, or add its archive page", said of a feed that moved past what was
    stored between two fetches, was explained nowhere. The note says how: the lines of a draft
    that add an article by its address; followed, the build publishes the missed article."""
    url = http_server.add("/feed.xml", _posts(http_server, range(1, 5)))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    http_server.add("/feed.xml", _posts(http_server, range(11, 15)))
    code, _, err = run("fetch", "--config", str(config))
    said = said_as_one(err)
    assert code == 0, said
    assert "entries between 2026-07-05 and 2026-07-12 may be missing" in said, said
    assert "add its archive page" not in said
    assert (
        f"to feature an article it missed, find its address on the web (its site,"
        f" {http_server.url('/')}, may list it) and add it to a draft (`curator draft"
    ) in said, said
    assert (
        "under a subject's heading as a heading of its own, the line `## https://...` with its"
        " address under the line `# Subject`: curator reads the page and credits it"
    ) in said, said
    # Followed: post 7, which the feed never gave curator, is published from its address
    missed = http_server.add(
        "/posts/7",
        "<html><head><title>Post 7 on customer support queues</title>"
        '<meta name="author" content="Rae Lund"></head><body><article>'
        "<h1>Post 7 on customer support queues</h1><p>Week 7: support teams that sort the"
        " ticket queue by cause cut their backlog by half. Agents who triage by cause answer"
        " sooner.</p></article></body></html>",
        content_type="text/html",
    )
    code, _, err = run("draft", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    lines = draft.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[at + 1 : at + 1] = ["", f"## {missed}", ""]
    draft.write_text("\n".join(lines), "utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    page = (config.parent / "output" / "issue-1.html").read_text("utf-8")
    assert f'<a href="{missed}">Post 7 on customer support queues</a>' in page, page


def test_render_all_says_which_issues_read_otherwise_and_why(tmp_path: Path) -> None:
    """N7: `render --all` after an upgrade changed old issues' text ("Journey Lab (1/2)") and
    said only that files changed. Per issue whose text changes though its issue-N.json holds no
    correction: one line saying so and why (this curator's templates and rules), then one line of
    advice; an issue corrected in its issue-N.json is told by its correction's own line."""
    config = copy_demo(tmp_path)
    out = config.parent / "output"
    old = config.parent / "old"
    old.mkdir()
    own = (builtin_templates() / "issue.txt").read_text("utf-8")
    (old / "issue.txt").write_text(own.replace("{{ entry.blurb }}", "> {{ entry.blurb }}"), "utf-8")
    code, _, err = run("build", "--config", str(config), "--templates", str(old), "-q")
    assert code == 0, err
    assert "\n> " in (out / "issue-1.txt").read_text("utf-8")
    code, _, err = run("build", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    data = json.loads((out / "issue-2.json").read_text("utf-8"))
    data["sections"][0]["articles"][0]["title"] = "A title corrected"
    (out / "issue-2.json").write_text(json.dumps(data), "utf-8")

    code, out_text, err = run("render", "--config", str(config), "--all")
    said = said_as_one(out_text)
    assert code == 0, err
    assert (
        "Issue 1 reads otherwise than before in issue-1.txt, though nothing in its issue-1.json"
        " was corrected: it was rendered with this curator's templates and rules (and yours), not"
        " the ones that published it."
    ) in said, said
    assert "Issue 2 reads otherwise" not in said  # (its correction is said by its own line)
    assert "as corrected in" in said_as_one(err), err
    assert said.count("To keep an issue's files as they were, render only the issue you mean") == 1
    assert "\n> " not in (out / "issue-1.txt").read_text("utf-8")
    # Rendered again, nothing reads otherwise: nothing said
    code, out_text, err = run("render", "--config", str(config), "--all")
    assert code == 0, err
    assert "reads otherwise" not in out_text and "To keep an issue's files" not in out_text

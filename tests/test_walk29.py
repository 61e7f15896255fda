"""walk29: a newcomer following README, each finding through the CLI on real files and a real
HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
import yaml

from conftest import LocalServer
from conftest import run_cli as run


def _said(err: str) -> str:
    return " ".join(err.split())


def _mixed_feed(server: LocalServer) -> str:
    """An aggregator's feed: its title names no site, its entries link to other sites' pages."""
    items = "".join(
        f"<item><title>Story {i} about customer feedback loops</title>"
        f"<link>https://news{i}.example/story</link><guid>mixed-{i}</guid></item>"
        for i in range(3)
    )
    return server.add("/feeds/mixed.rss", h.rss(items, "Mixed Reading"))


def test_feeds_add_writes_no_name_from_a_title_that_names_no_site(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk29 #1: `feeds add` wrote `name: Mixed Reading` for an aggregator's feed, crediting
    the BBC's and Ars Technica's articles to it, where `feeds import` would write no name."""
    url = _mixed_feed(http_server)
    config = h.write_config(tmp_path, [], settings={"timeout": 1})
    code, out, err = run("feeds", "add", "--config", str(config), url)
    assert code == 0, err
    assert out.startswith(f"Added {url}: read to check it")
    (feed,) = yaml.safe_load(config.read_text(encoding="utf-8"))["feeds"]
    assert feed == {"url": url}
    said = _said(err)
    assert "its title 'Mixed Reading' was not written as `name:`" in said
    assert f"write `name:` under it in {config} (or add it with --name)" in said
    # A name the editor gives is theirs, written as given.
    (tmp_path / "own").mkdir()
    config = h.write_config(tmp_path / "own", [], settings={"timeout": 1})
    code, out, err = run("feeds", "add", "--config", str(config), url, "--name", "Mixed Reading")
    assert (code, err) == (0, "") and out.startswith(f"Added {url} (Mixed Reading): "), out
    (feed,) = yaml.safe_load(config.read_text(encoding="utf-8"))["feeds"]
    assert feed == {"url": url, "name": "Mixed Reading"}


def test_feeds_export_titles_a_feed_without_name_by_its_own_title(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk29 #8: `feeds export` wrote the address as the title of a feed without `name:`."""
    url = _mixed_feed(http_server)
    config = h.write_config(tmp_path, [{"url": url}], settings={"fetch_pages": False})
    code, out, err = run("feeds", "export", "--config", str(config))
    assert code == 0, err
    assert f'text="{url}"' in out  # never read yet: its address is all there is
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run("feeds", "export", "--config", str(config))
    assert code == 0, err
    assert f'text="Mixed Reading" title="Mixed Reading" xmlUrl="{url}"' in out


def test_a_stray_template_beside_the_one_it_resembles_is_called_unused(demo: Path) -> None:
    """walk29 #5: for templates/issues.html the warning said "Rename the file to issue.html",
    though the editor's own issue.html was there and used: renaming would overwrite it."""
    mine = demo.parent / "mine"
    mine.mkdir()
    (mine / "issue.html").write_text("<h1>{{ title }} (my own)</h1>\n", encoding="utf-8")
    (mine / "issues.html").write_text("<h1>{{ title }} (old copy)</h1>\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 0, err
    said = _said(err)
    assert (
        f"{mine / 'issues.html'}: curator uses no template of that name, so it ignores this"
        " file; your issue.html beside it is the one used. If this file is an old copy, it can"
        " be deleted; to use something of it, copy that into issue.html (renaming it to"
        " issue.html would overwrite yours)" in said
    )
    assert "Rename the file" not in said
    assert "(my own)" in (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")


def test_reasons_given_after_the_fetch_are_true_when_given(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk29 #6: `build --no-fetch` said a page was "not tried: its server could not be reached
    earlier in this run" (it fetched nothing), and a one-sentence blurb's warning said "its feed
    and page had no more text" of a page never read."""
    down = h.refused_url("")
    items = "".join(
        f"<item><title>Customer feedback story {i}</title><link>{down}/story-{i}</link>"
        f"<guid>story-{i}</guid><pubDate>Mon, 0{i + 1} Jun 2026 10:00:00 GMT</pubDate>"
        f"<description>Closing the loop on customer feedback, part {i}.</description></item>"
        for i in range(6)
    )
    url = http_server.add("/feed.xml", h.rss(items, "Northwind"))
    config = h.write_config(tmp_path, [{"url": url, "name": "Northwind"}], issue_size=6)
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, _, err = run("build", "--config", str(config), "--no-fetch", "--all-subjects")
    said = _said(err)
    assert "earlier in this run" not in said
    assert (
        "(not tried: its server could not be reached for its other pages in the same fetch):"
        in said
    )
    assert "its feed and page had no more text" not in said
    assert (
        "is one sentence (its feed had no more text to make one of 2-3 sentences, and no text of"
        " its page was read)" in said
    )


#: What the demo's introduction could say of each subject (walk29 #4: an issue of every subject
#: claimed all four, though only those with articles left were in it).
_SUBJECT_WORDS = {
    "The basics of customer experience": "foundations",
    "Measuring the customer experience": "measuring it",
    "Service operations": "support operation",
    "Voice of the customer": "listening to customers",
}


def test_readme_demo_commands_work_in_the_order_printed(tmp_path: Path) -> None:
    """walk29 #4: README's demo commands, run in the printed order, exited 3 at `build
    --no-fetch` ("too thin: 0"): the --all-subjects issue before it had used every article up."""
    import json
    import shlex

    from conftest import REPO, copy_demo

    config = copy_demo(tmp_path)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Install and try the demo", 1)[1].split("\n## ", 1)[0]
    commands = [
        shlex.split(line.split("  #", 1)[0])[1:]
        for block in section.split("```sh\n")[1:]
        for line in block.split("```", 1)[0].splitlines()
        if line.startswith("curator ") and "examples/feeds.yaml" in line
    ]
    assert len(commands) >= 4 and ["build", "--config", "examples/feeds.yaml"] in commands
    for args in commands:
        args = [str(config) if a == "examples/feeds.yaml" else a for a in args]
        code, _, err = run(*args)
        assert code == 0, (args, err)
    issues = sorted((config.parent / "output").glob("issue-*.json"))
    assert len(issues) == 3  # (walk75 #3: the last of every subject left, two of them)
    for path in issues:
        data = json.loads(path.read_text(encoding="utf-8"))
        shown = {section["subject"] for section in data["sections"]}
        for subject, words in _SUBJECT_WORDS.items():
            if subject not in shown:
                assert words not in data["introduction"], (path.name, subject)


def _credited_page(server: LocalServer, name: str) -> str:
    """A demo page served on 127.0.0.1 (a private address), with its byline and text."""
    from conftest import EXAMPLES

    page = (EXAMPLES / "pages" / f"{name}.html").read_bytes()
    return server.add(f"/pages/{name}.html", page, content_type="text/html; charset=utf-8")


def test_an_address_added_in_a_draft_is_read_though_its_page_was_refused_before(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk29 #2: an article whose page was refused (a private address) was featured from its
    feed alone; with `allow_private_addresses: true` it was never read again, and added by its
    address in a draft with `feature_again:` it stopped the build ("has no blurb"), though README
    says an added address is read and `curator extract` read a blurb from it."""
    page = _credited_page(http_server, "customer-service-vs-customer-experience")
    title = "Customer Service Is One Department. Customer Experience Is All of Them."
    items = (
        f"<item><title>{title}</title><link>{page}</link><guid>{page}</guid>"
        "<pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item>"
    )
    url = http_server.add("/feeds/mixed.rss", h.rss(items, "Mixed Reading"))
    config = h.write_config(tmp_path, [{"url": url}], settings={"allow_private_addresses": False})
    code, _, err = run("build", "--config", str(config), "-q", "--all-subjects")
    assert code == 0, err
    first = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert title in first and "Priya Raman" not in first  # from its feed alone

    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "allow_private_addresses: false", "allow_private_addresses: true"
        ),
        encoding="utf-8",
    )
    draft = tmp_path / "issue-2.md"
    draft.write_text(
        "---\ntitle: Customer Experience Weekly\nnumber: 2\ndate: 2026-12-06\n"
        f"feature_again: [{page}]\n---\nA favourite, again.\n\n"
        f"# The basics of customer experience\n\n## {page}\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    assert "has no blurb" not in err
    second = (tmp_path / "output" / "issue-2.html").read_text(encoding="utf-8")
    assert "Priya Raman" in second and "Northwind CX Journal" in second
    assert "Mixed Reading" not in second
    # Issue 1 stays as it was published.
    assert (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8") == first

"""walk117: one story at two addresses, neither published, counts once for a theme (#1); a
one-off issue that does a later plan line says so (#2); a space in an address's host is refused
without a %20 to paste (#3). Through the CLI, against feeds on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import random
from pathlib import Path
from xml.sax.saxutils import escape

from conftest import LocalServer
from conftest import run_cli as run

SUBJECTS = {
    "Alpha widgets": "alpha widget",
    "Beta gadgets": "beta gadget",
    "Gamma gizmos": "gamma gizmo",
}
WORDS = [
    "amber",
    "basil",
    "cedar",
    "dune",
    "ember",
    "fjord",
    "grove",
    "heath",
    "inlet",
    "jade",
    "kelp",
    "loam",
    "marsh",
    "nook",
    "opal",
    "pine",
    "quartz",
    "reed",
    "sage",
    "thyme",
    "umber",
    "vale",
    "willow",
    "yarrow",
    "zinc",
]


def pairs(tmp_path: Path, server: LocalServer) -> Path:
    """Pairs Weekly (the auditor's): 3 subjects of 4 stories each, every story twice (an item and
    "... (copy)" with the same text at another address), 3 articles an issue, a theme needing 2,
    and a plan of Alpha, Beta, Gamma, Alpha."""
    items = []
    n = 0
    for kw in SUBJECTS.values():
        for k in range(4):
            pick = random.Random(f"{kw}{k}")
            text = (
                f"The {kw} story {k}: {' '.join(pick.sample(WORDS, 22))}. More on the {kw} and"
                f" its {kw} users. {' '.join(pick.sample(WORDS, 22))}."
            )
            for copy in range(2):
                title = f"{kw.title()} story {k}" + (" (copy)" if copy else "")
                items.append(
                    f"<item><title>{escape(title)}</title><link>https://pairs.example/{n}</link>"
                    f"<description>{escape(text)}</description>"
                    f"<pubDate>Mon, 0{1 + n % 9} Nov 2026 10:00:00 GMT</pubDate></item>"
                )
                n += 1
    server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>Pairs</title>{"".join(items)}</channel></rss>',
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter:\n  title: Pairs Weekly\n  issue_size: 3\nsubjects:\n"
        + "".join(
            f"  - name: {s}\n    description: About {kw}s.\n    keywords: [{kw}, {kw}s]\n"
            for s, kw in SUBJECTS.items()
        )
        + "themes:\n  plan:\n    - Alpha widgets\n    - Beta gadgets\n    - Gamma gizmos\n"
        "    - Alpha widgets\n  min_articles: 2\n"
        f"feeds:\n  - url: {server.url('/feed.xml')}\n    name: Pairs\n"
        "    subjects: [Alpha widgets, Beta gadgets, Gamma gizmos]\n"
        "settings:\n  allow_private_addresses: true\n  fetch_pages: false\n",
        encoding="utf-8",
    )
    return config


def test_one_story_told_twice_counts_once_for_a_theme(tmp_path: Path, http_server: LocalServer):
    config = str(pairs(tmp_path, http_server))
    code, out, err = run("build", "--config", config)
    assert code == 0, err
    assert "Issue 1: 3 article(s) on Alpha widgets" in out
    # (of the 5 left, 3 are copies of what issue 1 published and 1 a copy of the fourth story)
    assert "Alpha widgets: 3 featured; 1 more fit it and wait" in out
    for number in (2, 3):
        code, out, err = run("build", "--config", config)
        assert code == 0, err
        assert f"Issue {number}: 3 article(s)" in out
    code, out, err = run("themes", "--config", config)
    assert code == 0, err
    assert (
        "Beta gadgets: 1 article(s), and 1 copy of it (named under the story when featured)"
        " (too thin, needs 2)"
    ) in out
    assert "(copy)" not in out
    assert "(ripest)" not in out
    # The plan's fourth line, Alpha widgets, has one story left (at two addresses): too thin.
    code, out, err = run("build", "--config", config)
    assert code == 3, out + err
    # (walk148 N5: the copy is counted and said as one, not left unsaid)
    told_once = (
        "2 unfeatured articles fit it, but they tell 1 story (1 is a copy of another: named under"
        " it when featured)"
    )
    assert f"the planned theme `Alpha widgets` is too thin: {told_once}" in err
    assert "nothing was published" in err
    assert not (tmp_path / "output" / "issue-4.html").exists()
    for command in ("build", "draft"):
        code, out, err = run(command, "--config", config, "--subject", "Beta gadgets")
        assert code == 3, out + err
        assert f"the theme `Beta gadgets` is too thin: {told_once}" in err
    assert not (tmp_path / "output" / "issue-4.html").exists()
    assert not list(tmp_path.glob("drafts/*.md"))


def test_a_later_plan_line_done_is_said_and_a_space_in_a_sites_name_refused(
    tmp_path: Path, http_server: LocalServer
):
    """#3: a draft's or feeds.yaml's address with a space (or a %) in its site's name is refused,
    with no %20 to write: `https://exa%20mple.com/x` links a site no browser reaches. #2: an
    issue drafted on a theme the plan lists later does that line of the plan, and the build and
    `curator themes` say which."""
    config = pairs(tmp_path, http_server)
    code, out, err = run("draft", "--config", str(config), "--subject", "Gamma gizmos")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    for wrong, said in (
        ("https://exa mple.com/x", "a site's name holds no space: check the address"),
        ("https://exa%20mple.com/x", 'a site\'s name holds no "%": check the address'),
    ):
        draft.write_text(
            text.replace("url: https://pairs.example/", f"url: {wrong}#", 1), encoding="utf-8"
        )
        code, out, err = run("build", "--config", str(config), "--draft", str(draft))
        assert code == 2, out + err
        assert said in err
        assert "%20)" not in err
        assert not (tmp_path / "output" / "issue-1.html").exists()
    draft.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, err
    assert "Issue 1: 3 article(s) on Gamma gizmos" in out
    yaml = config.read_text(encoding="utf-8")
    line = yaml.splitlines().index("    - Gamma gizmos") + 1
    said = " ".join(err.split())
    assert f"{config}:{line}: issue 1, on `Gamma gizmos`, counts as the plan's line" in said
    assert "though `Alpha widgets` comes first" in said
    code, out, err = run("themes", "--config", str(config))
    assert code == 0, err
    assert "Lines of the plan done before their turn" in out
    assert f"{config}:{line}: Gamma gizmos, by issue 1" in out
    assert "  1. Alpha widgets\n  2. Beta gadgets\n  3. Alpha widgets\n" in out
    # (#1: 4 stories at 8 addresses)
    assert (
        "Alpha widgets: 4 article(s), and 4 copies of them (named under the story when"
        " featured) (ripest)"
    ) in out
    head = "  title: Pairs Weekly\n"
    for wrong, key in (
        (yaml.replace(head, head + "  site_url: https://blog.exa mple.com/\n"), "site_url"),
        (yaml.replace(http_server.url("/feed.xml"), "https://fee ds.example/feed.xml"), "fee ds"),
    ):
        config.write_text(wrong, encoding="utf-8")
        code, out, err = run("themes", "--config", str(config))
        assert code == 2, out + err
        assert key in err
        assert "a site's name holds no space: check the address" in err

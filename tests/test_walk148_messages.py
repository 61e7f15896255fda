"""walk148 N3-N5: three messages that said the wrong thing. As the editor sees them: the run's
lines after `curator build`, `build --draft` and a theme too thin."""

from __future__ import annotations

import json
from pathlib import Path

from test_walk139_sites import _canonical, _page

from conftest import LocalServer
from conftest import run_cli as run


def _medium(server: LocalServer, n: int) -> str:
    title = f"Loyalty Without Surveys {n} | by Jane Roe | UX Collective"
    head = _canonical(f"https://uxdesign.cc/loyalty-{n}")
    return server.add(f"/ux/{n}/", _page(title, head, "Medium"), content_type="text/html")


def test_a_site_name_passed_over_is_said_only_where_it_credits_and_as_a_build_corrects_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    feeds = []
    for n, name in ((1, "Loyalty Notes"), (2, None)):
        link = _medium(http_server, n)
        url = http_server.add(
            f"/feed{n}.xml",
            f'<rss version="2.0"><channel><title>Feed {n}</title><link>{http_server.base}</link>'
            f"<item><title>Loyalty Without Surveys {n}</title><link>{link}</link>"
            f"<pubDate>Tue, 0{n} Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>",
        )
        feeds.append((url, name, link))
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly, issue_size: 30}\n"
        "subjects:\n  - name: Loyalty\n    keywords: [customer, support, service, loyalty]\n"
        "settings:\n  allow_private_addresses: true\nfeeds:\n"
        + "".join(f"  - url: {u}\n" + (f"    name: {n}\n" if n else "") for u, n, _ in feeds),
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Loyalty Notes" in issue and "UX Collective" in issue, issue
    # the named feed's page: its `name:` is the credit whatever the page says, so no line of it
    assert "1 article page(s) had a site name passed over" in err, err
    # (leaving out walk162's note of each article published at its page's canonical on another
    # site than the feed's link, which names the link: here every page names uxdesign.cc)
    said = "\n".join(ln for ln in err.splitlines() if "on another site than" not in ln)
    assert feeds[0][2] not in said and feeds[1][2] in said, err
    # after a plain build there is no draft: the issue's JSON, then `curator render 1`
    assert "in the draft" not in err, err
    assert '"publication" in' in err and "issue-1.json" in err and "curator render 1" in err, err


PLACES = ["hotel", "grocer", "clinic", "bank", "retail", "insurer", "airline", "telecom"]


def test_a_theme_thin_on_copies_of_one_story_says_how_many_fit_and_how_many_stories(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk148 N5: "1 unfeatured article fit it" while `subjects list` showed Loyalty (8): 7 were
    copies of one story (the same text but for a case number and a few words)."""
    items = []
    for n, place in enumerate(PLACES):
        words = " ".join(PLACES[(n + k) % 8] for k in range(6))
        for kind, text in (
            ("LOYALTY", "Customer loyalty grows when service is effortless and teams remove"),
            ("NPS", f"Survey {n}: the net promoter score of {place} users asked in {words}"),
        ):
            items.append(
                f"<item><title>{kind} piece {n} on {words}</title>"
                f"<link>https://mixed.example/{kind.lower()}-{n}</link>"
                f"<description>{text} friction from repeat tasks. Case {n + 1} covers the"
                " story in depth with numbers.</description></item>"
            )
    feed = http_server.add(
        "/mixed.xml",
        f'<rss version="2.0"><channel><title>Mixed</title>{"".join(items)}</channel></rss>',
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: Intro Weekly, issue_size: 2}\nsubjects:\n"
        "  - name: Loyalty\n    keywords: [loyalty, effortless, friction]\n"
        "  - name: NPS\n    keywords: [nps, survey, promoter]\n"
        "themes: {min_articles: 3}\n"
        f"settings:\n  allow_private_addresses: true\nfeeds:\n  - url: {feed}\n"
        "    fetch_pages: false\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "-q", "--subject", "Loyalty")
    assert code != 0, err
    assert (
        "the theme `Loyalty` is too thin: 8 unfeatured articles fit it, but they tell 1 story (7"
        " are copies of another: named under it when featured), and an issue needs 3"
    ) in " ".join(err.split()), err
    # `curator themes` counts the story once and says its copies too (it said "1 article(s)").
    code, out, err = run("themes", "--config", str(config))
    assert code == 0, err
    assert (
        "Loyalty: 1 article(s), and 7 copies of it (named under the story when featured) (too"
        " thin, needs 3)"
    ) in " ".join(out.split()), out
    code, out, err = run("themes", "--config", str(config), "--json")
    assert code == 0, err
    rows = {row["subject"]: row for row in json.loads(out)["subjects"]}
    assert (rows["Loyalty"]["fitting"], rows["Loyalty"]["copies"]) == (1, 7), rows

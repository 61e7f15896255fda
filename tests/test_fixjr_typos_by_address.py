"""fixjr (walk190 #1, #2): the typo stop of `build --draft` (fixjb) missed what the editor typed
by hand where curator learns the truth only when it reads the page: an `author:` a letter off
under a `## URL` heading ("Duff Andersn" for the page's "Duff Anderson"; "Jurgen Muler" for
"Jürgen Müller") was published without a word, and so was an article's `## Title` a letter off
the page's ("Verdict delya ..."); a heading's `(sic)` was published in every edition. Now each
stops the build once the page is read, before anything is published or stored."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjb_credit_typos import PIKE, SMITH, _drafted, _files, _rows
from test_walk90 import page

from conftest import LocalServer
from conftest import run_cli as run


def _add_by_address(path: Path, url: str, extra: str) -> None:
    """Add `## url` with the lines `extra` under the draft's first subject heading."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[at + 1 : at + 1] = ["", f"## {url}", *extra.split("\n"), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _retitle(path: Path, old: str, new: str) -> int:
    """Write the heading `## old` as `## new`; its line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"## {old}")
    lines[at] = f"## {new}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def _issue(config: Path) -> dict[str, tuple[list[str], str]]:
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    return {
        a["title"]: (a["authors"], a["publication"])
        for s in issue["sections"]
        for a in s["articles"]
    }


def _other_page(title: str, by: str) -> str:
    return page(title).replace("By Oscar Pike", f"By {by}")


def test_a_credit_a_letter_off_under_an_address_stops_once_the_page_is_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, path = _drafted(tmp_path, http_server)
    duff = http_server.add(
        "/a/four-metrics.html",
        _other_page("Four metrics customer service leaders track", "Duff Anderson"),
        content_type="text/html; charset=utf-8",
    )
    jurgen = http_server.add(
        "/a/queues.html",
        _other_page("Customer service queues in winter", "Jürgen Müller"),
        content_type="text/html; charset=utf-8",
    )
    _add_by_address(path, duff, "author: Duff Andersn")
    _add_by_address(path, jurgen, "author: Jurgen Muler")
    files, rows = _files(tmp_path), _rows(config)
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 2, err
    flat = " ".join(err.split())
    assert f"{path}: 2 mistakes; nothing was published" in flat, err
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("author: Duff Andersn") + 1
    assert (
        f'{path}:{at}: the author "Duff Andersn" of "{duff}" is one letter from "Duff'
        ' Anderson", as its page gives it: did you mean "Duff Anderson"? Nothing was published'
    ) in flat, err
    assert "(`author: Duff Andersn (sic)`)" in flat, err
    assert 'the author "Jurgen Muler"' in flat and 'from "Jürgen Müller"' in flat, err
    assert not (config.parent / "output" / "issue-1.html").exists()
    assert _files(tmp_path) == files
    assert _rows(config) == rows  # the pages read are not kept as articles

    # (sic) keeps the spelling; an accent dropped alone is the editor's style
    text = path.read_text(encoding="utf-8")
    text = text.replace("author: Duff Andersn", "author: Duff Andersn (sic)")
    path.write_text(text.replace("author: Jurgen Muler", "author: Jurgen Muller"))
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    credits = _issue(config)
    assert credits["Four metrics customer service leaders track"][0] == ["Duff Andersn"]
    assert credits["Customer service queues in winter"][0] == ["Jurgen Muller"]


def test_a_stored_article_added_by_address_with_a_credit_a_letter_off_stops(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, path = _drafted(tmp_path, http_server)
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"## {PIKE}")
    end = next(i for i in range(at + 1, len(lines)) if lines[i].startswith("#"))
    url = next(x for x in lines[at:end] if x.startswith("url: "))[5:].strip()
    del lines[at:end]
    path.write_text("\n".join(lines), encoding="utf-8")
    _add_by_address(path, url, "author: Oscar Pkie")
    files, rows = _files(tmp_path), _rows(config)
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 2, err
    flat = " ".join(err.split())
    assert f'the author "Oscar Pkie" of "{url}" is one letter from "Oscar Pike"' in flat, err
    assert _files(tmp_path) == files
    assert _rows(config) == rows


def test_a_heading_a_letter_off_the_pages_title_stops_and_sic_is_not_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, path = _drafted(tmp_path, http_server)
    typo = "Queues that customers nevre see"
    at = _retitle(path, PIKE, typo)
    files, rows = _files(tmp_path), _rows(config)
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 2, err
    flat = " ".join(err.split())
    assert (
        f'{path}:{at}: the title "{typo}" is one letter from "{PIKE}", as curator found it:'
        f' did you mean "{PIKE}"? Nothing was published: correct the `##` heading, or, if'
        f' "{typo}" is spelt so on purpose, write (sic) after it (`## {typo} (sic)`), then'
        " build again"
    ) in flat, err
    assert _files(tmp_path) == files
    assert _rows(config) == rows

    _retitle(path, typo, f"{typo} (sic)")
    rewritten = "Support teams chart where customers struggle"  # the editor's own headline
    _retitle(path, SMITH, f"{rewritten}")
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    assert "did you mean" not in err, err
    assert typo in _issue(config) and rewritten in _issue(config)
    for name in ("issue-1.html", "issue-1.json", "issue-1.md", "issue-1.txt", "feed.xml"):
        out = config.parent / "output" / name
        if out.exists():
            text = out.read_text(encoding="utf-8")
            assert "(sic)" not in text and "[sic]" not in text, (name, text)


def test_a_title_added_by_address_is_checked_once_read_and_a_page_misprint_may_be_fixed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, path = _drafted(tmp_path, http_server)
    html = "text/html; charset=utf-8"
    misprint = "Customer refunds dleayed at the service desk"
    body = page(misprint).replace("</article>", "<p>Customer refunds were delayed.</p></article>")
    fixed = http_server.add("/a/refunds.html", body, content_type=html)
    five = http_server.add(
        "/a/five.html", page("5 ways customer service desks win"), content_type=html
    )
    six = http_server.add(
        "/a/six.html", page("Six ways customer service teams win"), content_type=html
    )
    renumbered = "6 ways customer service desks win"  # a number changed is the editor's
    typo = "Six ways customer service team win"
    text = path.read_text(encoding="utf-8")
    at = text.index("\n## ")
    blurb = "A short note on how customer service desks work, for readers who run one."
    blocks = "".join(
        f"\n## {title}\nurl: {url}\n\n{blurb}\n"
        for title, url in (
            ("Customer refunds delayed at the service desk", fixed),
            (renumbered, five),
            (typo, six),
        )
    )
    path.write_text(text[:at] + blocks + text[at:], encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 2, err  # only the title an "s" short, its page read now, stops it
    flat = " ".join(err.split())
    assert (
        f'the title "{typo}" is one letter from "Six ways customer service teams win"'
    ) in flat, err
    assert "delayed at" not in flat and renumbered not in flat, err
    assert not (config.parent / "output" / "issue-1.html").exists()
    path.write_text(path.read_text(encoding="utf-8").replace(f"{typo}\n", f"{typo} [sic]\n"))
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    titles = _issue(config)
    assert "Customer refunds delayed at the service desk" in titles, titles
    assert renumbered in titles and typo in titles, titles

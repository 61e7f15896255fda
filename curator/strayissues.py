"""The issue-N.json files of the output folder that no issue of the store is, numbered past the
next one (walk202 #3): a file written by hand, or copied from the newsletter's life before
curator. index.html and feed.xml list every issue-N.json there, and its articles count as
featured by nothing, so `fetch`, `draft` and `build` say so, with the ways on."""

from __future__ import annotations

import json
from pathlib import Path

from curator.errors import shell_arg
from curator.issuecheck import issue_mistakes
from curator.issuedata import issue_numbers, published_issues
from curator.store import Store

#: What an issue-N.json written by hand may leave out that curator's own issues hold, and each
#: stands in for only to tell it apart from a broken file (walk205 #2).
_HEAD = {"title": "x", "date": "2000-01-01"}


def headless_issues(out_dir: Path) -> dict[int, list[str]]:
    """The issue-N.json files of `out_dir` that would be issues but for a missing "title" or
    "date" (one written by hand from an old newsletter's links: walk205 #2), by number: the
    addresses of their articles."""
    found: dict[int, list[str]] = {}
    for number in issue_numbers(out_dir):
        try:
            data = json.loads((out_dir / f"issue-{number}.json").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            continue
        if not isinstance(data, dict) or all(k in data for k in _HEAD):
            continue
        if issue_mistakes({**_HEAD, **data}, number):
            continue
        found[number] = [
            a["url"] for s in data["sections"] for a in s.get("articles", []) if a.get("url")
        ]
    return found


def featured_add_command(urls: list[str]) -> str:
    """The `curator featured add` line for `urls`, or its --from form for many."""
    if 0 < len(urls) <= 3:
        return f"`curator featured add {' '.join(shell_arg(u) for u in urls)}`"
    return "`curator featured add --from FILE` (FILE a text file of their addresses, one a line)"


def headless_said(out_dir: Path, headless: dict[int, list[str]]) -> str:
    """What to say of `headless` issue-N.json files (`headless_issues`): no issue curator reads
    (left out of the archive), and the two ways on."""
    one = len(headless) == 1
    files = ", ".join(f"issue-{n}.json" for n in sorted(headless))
    urls = [u for n in sorted(headless) for u in headless[n]]
    return (
        f'{shell_arg(out_dir)} holds {files}, which {"has" if one else "have"} no "title" or'
        f' no "date", so {"it is" if one else "they are"} no issue curator can read or record'
        f" (left out of the archive). If {'it is an issue' if one else 'they are issues'} of"
        f' your newsletter, add "title" and "date" to {files} (as in an issue curator wrote:'
        f' "date": "2025-11-30"), then run again; if {"it lists" if one else "they list"} articles your newsletter'
        f" featured before you moved to curator, record them so: {featured_add_command(urls)}, and move"
        f" {files} out of {shell_arg(out_dir)}"
    )


def stray_issues_said(store: Store, out_dir: Path) -> str | None:
    """What to say of the issue-N.json files of `out_dir` numbered past the store's next issue
    (that one is `publishissue.stop_for_unrecorded_issue`'s), None when there is none."""
    nxt = store.next_issue_number()
    # (the files' names first: every fetch, draft and build asks, and most folders hold none)
    if not any(n > nxt for n in issue_numbers(out_dir)):
        return None
    headless = {n: u for n, u in headless_issues(out_dir).items() if n >= nxt}
    if headless:  # (walk205 #2: read as no issue, they were left out unsaid)
        return headless_said(out_dir, headless)
    published, _ = published_issues(out_dir)
    stray = sorted(n for n in published if n > nxt)
    if not stray:
        return None
    one = len(stray) == 1
    files = ", ".join(f"issue-{n}.json" for n in stray[:5]) + (
        f" and {len(stray) - 5} more" if len(stray) > 5 else ""
    )
    urls = [
        e.article.url
        for n in stray
        for s in published[n].sections
        for e in s.entries
        if e.article.url
    ]
    pages = [n for n in stray if not (out_dir / f"issue-{n}.html").exists()]
    unwritten = (
        f", linking {', '.join(f'issue-{n}.html' for n in pages[:5])}, which"
        f" {'is' if len(pages) == 1 else 'are'} not there"
        if pages
        else ""
    )
    last = store.last_issue_number()
    known = f"its last issue is {last}" if last is not None else "it has published no issue"
    record = (
        f"; or, if {'it is an issue' if one else 'they are issues'} of this newsletter in"
        f" curator's format, record {'it' if one else 'them'} in the store:"
        " `curator render --record` (the next issue is then numbered after"
        f" {'it' if one else 'them'})"
        if last is None
        else ""
    )
    folder = shell_arg(out_dir)
    command = featured_add_command(urls)
    return (
        f"{folder} holds {files}, {'which is no issue' if one else 'which are no issues'} this"
        f" store published ({known}; the next is {nxt}): index.html and feed.xml list"
        f" {'it' if one else 'them'}{unwritten}, and {'its' if one else 'their'}"
        f" {len(urls)} article(s) count as featured by no issue, so a later issue may feature"
        " them again. If they are articles your newsletter featured before you moved to"
        f" curator, record them so: {command}, and move {files} out of {folder}{record}"
    )

"""The issue-N.json files of the output folder that no issue of the store is, numbered past the
next one (walk202 #3): a file written by hand, or copied from the newsletter's life before
curator. index.html and feed.xml list every issue-N.json there, and its articles count as
featured by nothing, so `fetch`, `draft` and `build` say so, with the ways on."""

from __future__ import annotations

from pathlib import Path

from curator.errors import shell_arg
from curator.issuedata import issue_numbers, published_issues
from curator.store import Store


def stray_issues_said(store: Store, out_dir: Path) -> str | None:
    """What to say of the issue-N.json files of `out_dir` numbered past the store's next issue
    (that one is `publishissue.stop_for_unrecorded_issue`'s), None when there is none."""
    nxt = store.next_issue_number()
    # (the files' names first: every fetch, draft and build asks, and most folders hold none)
    if not any(n > nxt for n in issue_numbers(out_dir)):
        return None
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
    command = (
        f"`curator featured add {' '.join(shell_arg(u) for u in urls)}`"
        if 0 < len(urls) <= 3
        else "`curator featured add --from FILE` (FILE a text file of their addresses, one a line)"
    )
    return (
        f"{folder} holds {files}, {'which is no issue' if one else 'which are no issues'} this"
        f" store published ({known}; the next is {nxt}): index.html and feed.xml list"
        f" {'it' if one else 'them'}{unwritten}, and {'its' if one else 'their'}"
        f" {len(urls)} article(s) count as featured by no issue, so a later issue may feature"
        " them again. If they are articles your newsletter featured before you moved to"
        f" curator, record them so: {command}, and move {files} out of {folder}{record}"
    )

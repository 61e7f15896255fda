"""A subject's section left with no article (every one cut in its issue-N.json) is in no output:
walk199 #6, `"articles": []` under a subject left its heading with nothing under it in every
edition, the Markdown's `tags:` and the archive page's subject line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from curator.models import Issue


def with_articles_only(issue: Issue) -> Issue:
    """`issue` without its sections that hold no article (itself when every one holds some)."""
    if all(sec.entries for sec in issue.sections):
        return issue
    return replace(issue, sections=tuple(sec for sec in issue.sections if sec.entries))


def empty_subjects_said(issue: Issue, out_dir: Path, *, rendered: bool = True) -> list[str]:
    """What `render` says of `issue`'s subjects with no article left, which no output shows
    (not `rendered`: an issue whose own files this render does not write)."""
    empty = [sec.subject for sec in issue.sections if not sec.entries]
    if not empty or not any(sec.entries for sec in issue.sections):
        return []  # (none, or none left at all: said as an issue with no articles)
    one = len(empty) == 1
    names = ", ".join(f'"{name}"' for name in empty)
    json_file = out_dir / f"issue-{issue.number}.json"
    if not rendered:
        return [
            f"issue {issue.number}: {'its subject' if one else 'its subjects'} {names}"
            f" {'has' if one else 'have'} no article left in {json_file}, so the archive page and"
            f" feed.xml leave {'it' if one else 'them'} out; `curator render {issue.number}`"
            f" leaves {'it' if one else 'them'} out of its own editions too"
        ]
    return [
        f"issue {issue.number}: {'its subject' if one else 'its subjects'} {names}"
        f" {'has' if one else 'have'} no article left in {json_file}, so no edition shows"
        f" {'it' if one else 'them'}: {'its heading is' if one else 'their headings are'} left"
        " out of the issue's pages, its text, Markdown (and its `tags:`) and email editions, the"
        f" archive page and feed.xml, and {json_file.name} is written again without"
        f" {'it' if one else 'them'}"
    ]

"""A theme too thin once its keywords-only articles are not counted (walk190 #3).

An article placed under a subject through the subject's keywords alone (`keywordfit`) does not
count toward `themes: min_articles`: a theme whose subject has only such articles (a rugby ticket
queue, a U2 ticket record, a film festival under "Service operations") is too thin for a plain
build. A draft still counts them, for the editor to decide.
"""

from __future__ import annotations

from typing import Protocol

from curator.errors import shell_arg
from curator.models import Article


class _Row(Protocol):
    @property
    def subject(self) -> str: ...
    @property
    def fitting(self) -> int: ...
    @property
    def on_field(self) -> int: ...
    @property
    def best(self) -> tuple[tuple[Article, float], ...]: ...
    @property
    def keywords_only(self) -> frozenset[int]: ...
    @property
    def strays(self) -> frozenset[int]: ...


def counted(row: _Row, drafting: bool) -> int:
    """The articles of `row` that count toward `min_articles`: a draft counts every one."""
    return row.fitting if drafting else row.on_field


def _uncounted(row: _Row) -> list[Article] | None:
    """Of `row`'s best, those placed through its keywords alone; None when none was left out
    of its count."""
    if not row.keywords_only or row.on_field == row.fitting:
        return None
    return [a for a, _ in row.best if a.id in row.keywords_only]


def keywords_only_count(row: _Row) -> str:
    """', N of them only through its keywords ("T" (URL), ...), which do not count', or ''
    (or those using none of its own words: `ownwords`)."""
    if row.strays and row.on_field < row.fitting:
        # (walk194 #1: a subject of nine off-field stories, none using its words)
        k = len(row.strays)
        return (
            f", but {k} of them {'uses' if k == 1 else 'use'} none of its keywords nor its"
            f" name's words, which an issue does not count: {row.on_field} count"
        )
    named = _uncounted(row)
    if named is None:
        return ""
    titles = ", ".join(f'"{a.title or a.url}" ({a.url})' for a in named)
    k = len(row.keywords_only)
    return (
        f", but {k} of them {'fits' if k == 1 else 'fit'} it only through its keywords"
        f"{f' ({titles})' if titles else ''}, which an issue does not count (their other"
        f" words are those of articles under no subject): {row.on_field} count"
    )


def keywords_only_advice(row: _Row) -> str:
    """How to feature keywords-only articles anyway: a draft, or `subjects move` to confirm one;
    '' when `row` has none that were not counted."""
    if row.strays and row.on_field < row.fitting:
        subject = shell_arg(row.subject)
        return (
            f" To feature them anyway: a draft, `curator draft --subject {subject}`, then"
            " `curator build --draft FILE`; or, for one that does belong on the subject,"
            f" confirm it with `curator subjects move URL {subject}` (it then counts)."
        )
    named = _uncounted(row)
    if named is None:
        return ""
    subject = shell_arg(row.subject)
    url = shell_arg(named[0].url) if named else "URL"
    return (
        f" To feature them anyway: a draft, `curator draft --subject {subject}`, then"
        f" `curator build --draft FILE`; or, for one that does belong on the subject,"
        f" confirm it with `curator subjects move {url} {subject}` (it then counts)."
    )

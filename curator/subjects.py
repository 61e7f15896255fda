"""Subjects: score articles against the editor's subjects and place each under its best one (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from curator.models import Article, Assignment, Subject


def assign(
    articles: Sequence[Article],
    subjects: Sequence[Subject],
    *,
    corrections: Mapping[str, str | None] | None = None,
) -> dict[str, Assignment]:
    """Place each article under its best subject (or none), keyed by the article's `url`.

    `corrections` maps an article URL to the subject the editor moved it to, or to None when the editor
    excluded it; corrected articles keep the editor's choice and act as labelled examples for the rest.
    """
    raise NotImplementedError

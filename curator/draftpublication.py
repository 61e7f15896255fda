"""A draft's `publication:` line as curator wrote it, and the name its feed is credited by now:
one left as curator wrote it follows the feed's new name at `build --draft`, as its `author:` and
`## Title` lines follow their feed's corrections (`draftissue.credit_followed`, `title_followed`);
the editor's own line is what the issue publishes.

Why: a feed given a new `name:` after `curator draft` published the draft's old name, and kept it
as the editor's correction of the credit for every later issue, without a word (fixlx #2)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from curator.draftmodel import Draft, DraftEntry
from curator.errors import shell_arg
from curator.models import Article


def _spaced(text: str | None) -> str:
    """A publication as a `publication:` line gives it, to compare (spaces aside)."""
    return " ".join((text or "").split())


def publication_followed(
    entry: DraftEntry, stored: Article, written: Mapping[int, str]
) -> str | None:
    """The publication an entry publishes in place of its `publication:` line when that line is
    the one curator wrote into the draft (`written`, by article id: `Store.draft_publications`)
    and the article is credited to another since (its feed's new `name:`): curator's old text,
    not the editor's. None otherwise (an edited or deleted line, no change since, an article
    added by address, a credit corrected in an earlier issue, a draft an older curator wrote)."""
    was = written.get(stored.id) if stored.id is not None else None
    if was is None or entry.url_only or "publication" not in entry.credit_lines:
        return None
    if _spaced(entry.publication) != _spaced(was) or stored.credit_corrected_in is not None:
        return None
    if not _spaced(stored.publication) or _spaced(stored.publication) == _spaced(was):
        return None
    return stored.publication


def publications_since_drafted(
    draft: Draft,
    path: Path,
    known: Mapping[str, Article],
    written: Mapping[int, str],
    json_file: Path | None = None,
) -> tuple[str, ...]:
    """A line per article of the draft whose `publication:` line curator wrote while its feed is
    credited by another name now (`publication_followed`; `known`: the stored articles by the
    draft's addresses, as credited at build): the new name is published, not the draft's old
    one. Said by `build --draft` (`json_file`: the issue-N.json it publishes) and, before it, by
    `curator fetch` (`json_file` None), as `draftbuild.credits_since_drafted` says an author's."""
    said: list[str] = []
    for entry in draft.entries:
        article = known.get(entry.url)
        if article is None or article.id is None:
            continue
        now = publication_followed(entry, article, written)
        if now is None:
            continue
        was = written[article.id]
        which = (
            f'{path}:{entry.line}: the publication of "{entry.title or article.title}" is now'
            f' "{now}" (the name its feed is credited by now)'
        )
        said.append(
            f'{which}: published "{now}", not "{was}", as your draft had curator\'s line, not an'
            f' edit of yours; to publish another, correct its "publication" in {json_file} and'
            f" run `curator render {draft.number}`"
            if json_file is not None
            else f'{which}; the draft has curator\'s line ("{was}"), and `curator build --draft'
            f" {shell_arg(path)}` publishes the new one (write your own `publication:` line over"
            " it to publish that)"
        )
    return tuple(said)

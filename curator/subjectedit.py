"""What an edit of the subjects in feeds.yaml changed once every stored article was placed again
(walk182 #7: the run said only "placing every stored article again under subjects", not how many
articles changed subject, to or from which, nor whether published articles and the editor's
moves kept theirs).

`refresh` (in `curator.placing`) keeps where each article was (`Store.keep_placements`) when the
subjects differ from those the archive was placed under, and says a `SubjectEdit` after placing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from curator.editmoved import Moved, moved_lines
from curator.models import Subject
from curator.ownwords import Strays

#: The pairs of subjects (from, to) a summary names; the rest are counted.
FLOWS_SHOWN = 6


def subjects_blob(subjects: Sequence[Subject]) -> str:
    """The subjects as placing depends on them, to compare with those of the last placing."""
    return json.dumps(
        [[s.name, s.description, list(s.keywords), list(s.examples)] for s in subjects],
        ensure_ascii=False,
    )


def subjects_of(blob: str) -> list[Subject] | None:
    """The subjects of `subjects_blob` (None: not readable)."""
    try:
        return [
            Subject(str(n), str(d), tuple(map(str, k)), tuple(map(str, e)))
            for n, d, k, e in json.loads(blob)
        ]
    except (ValueError, TypeError):
        return None


def edited_names(old_blob: str, subjects: Sequence[Subject]) -> tuple[str, ...]:
    """The subjects in feeds.yaml now that are new or differ from those of `old_blob`, then those
    of `old_blob` gone from it, by name."""
    try:
        old = {row[0]: row for row in json.loads(old_blob)}
    except (ValueError, TypeError, IndexError, KeyError):
        return ()
    new = {row[0]: row for row in json.loads(subjects_blob(subjects))}
    changed = [name for name, row in new.items() if old.get(name) != row]
    return (*changed, *(name for name in old if name not in new))


@dataclass(frozen=True)
class SubjectEdit:
    """What placing every stored article again after a subject edit changed."""

    #: The subjects edited, added or removed, by name.
    subjects: tuple[str, ...]
    #: (subject before, subject now, how many articles), None: no subject; most first.
    flows: tuple[tuple[str | None, str | None, int], ...]
    #: Of the articles that changed subject, those an issue featured (0: each kept its issue's).
    published_changed: int
    #: The editor's moves that hold (the article under the subject it was moved to), of `moves`.
    moves_kept: int
    moves: int
    #: The editor's corrections changed too since the archive was placed (their effect, which
    #: `subjects move` and `exclude` said, is counted with the edit's).
    with_corrections: bool = False
    #: The edited subjects most of whose articles use none of their own words (`ownwords`).
    strays: tuple[Strays, ...] = ()
    #: The articles that changed subject (the first `editmoved.MOVED_LISTED`), each as
    #: (address, title, subject before, subject now): the summary names the first few.
    moved: tuple[Moved, ...] = ()

    @property
    def changed(self) -> int:
        return sum(n for _, _, n in self.flows)

    @property
    def by_edit(self) -> tuple[tuple[str | None, str | None, int], ...]:
        """The `flows` from or to a subject edited, added or removed."""
        return tuple(f for f in self.flows if f[0] in self.subjects or f[1] in self.subjects)

    @property
    def refit(self) -> tuple[tuple[str | None, str | None, int], ...]:
        """The `flows` between subjects the edit left as they were: the subjects are fitted
        together, so an edited subject's words (its name's among them) move articles between
        others too (walk192 #3: renaming "Space" "Space and astronomy" was said to change 481
        articles' subject, 284 of them between other subjects, on the word "astronomy")."""
        return tuple(f for f in self.flows if f not in self.by_edit)

    def text(self) -> str:
        """The summary a run prints after placing."""
        edited = f" ({', '.join(self.subjects)})" if self.subjects else ""
        if self.with_corrections:
            edited += ", with your corrections made since the articles were last placed"
        own, refit = self.by_edit, self.refit
        if not own:
            head = f"Subject edit{edited}: no article changed subject" + (
                " from or to an edited one" if refit else ""
            )
        else:
            head = (
                f"Subject edit{edited}: {sum(n for _, _, n in own)} article(s) changed subject"
                f" ({_flows(own)})"
            )
        if refit:
            head += (
                f"; {sum(n for _, _, n in refit)} more moved between subjects you did not edit"
                f" ({_flows(refit)}): the subjects are fitted together, so an edited subject's"
                " words, its name's among them, move others' borderline articles too"
            )
        published = (
            "articles issues published kept their issue's subject"
            if not self.published_changed
            else f"{self.published_changed} article(s) issues published changed subject (their"
            " issues keep their text)"
        )
        if not self.moves:
            moves = "you have moved no article"
        elif self.moves_kept == self.moves:
            moves = f"your {self.moves} move(s) kept"
        else:
            moves = (
                f"{self.moves_kept} of your {self.moves} move(s) kept (the others' subjects are"
                " no longer in feeds.yaml)"
            )
        # (after the moved articles' lines, on a line of its own: walk196 #10 ran it into the last)
        gap = "\n" if self.moved else " "
        doubts = "".join(f"{gap}{s.text()}." for s in self.strays)
        said = f"{head}; {published}; {moves}. `curator subjects list` shows where each is."
        return said + (moved_lines(self.moved, self.changed) if self.moved else "") + doubts

    def to_dict(self) -> dict[str, object]:
        return {
            "subjects": list(self.subjects),
            "changed": self.changed,
            "flows": [{"from": b, "to": a, "articles": n} for b, a, n in self.flows],
            # (of `changed`: from or to an edited subject, and between others, `refit`)
            "by_edit": sum(n for _, _, n in self.by_edit),
            "refit": sum(n for _, _, n in self.refit),
            "published_changed": self.published_changed,
            "moves_kept": self.moves_kept,
            "moves": self.moves,
            "with_corrections": self.with_corrections,
            "without_own_words": [s.to_dict() for s in self.strays],
            "moved": [{"url": u, "title": t, "from": b, "to": a} for u, t, b, a in self.moved],
        }


def _flows(flows: Sequence[tuple[str | None, str | None, int]]) -> str:
    """'6 from A to B; 2 from no subject to C; ...', the first `FLOWS_SHOWN`, the rest counted."""
    shown = [
        f"{n} from {before or 'no subject'} to {after or 'no subject'}"
        for before, after, n in flows[:FLOWS_SHOWN]
    ]
    rest = flows[FLOWS_SHOWN:]
    if rest:
        shown.append(f"{sum(n for _, _, n in rest)} more between other subjects")
    return "; ".join(shown)


#: Told what placing again changed after a subject edit (`refresh`'s `edited`).
Edited = Callable[[SubjectEdit], None]

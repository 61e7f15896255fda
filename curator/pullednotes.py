"""The draft's note on an article that came into its subject with a correction the editor made
since the last issue (walk182 #6: a move pulled other articles into the subject of a themed
issue, and the next draft showed one with no note, while weak fits and keyword-only fits get
one: the editor could not tell it was pulled).

Where the article would go without those corrections is worked out as `subjects explain` works
it out (`whyplaced._without_corrections`): the model fitted from the same articles with the
older corrections alone, beside the one with all of them (both fitted now, so that a refit of
the archive is not taken for the correction's doing). Only when the editor corrected something
since the last issue: else nothing is fitted.

The move it names is the one `subjects move` recorded pulling it (`curator.movepulls`: walk194
#6, the move most like it was named, when an earlier move had pulled it); for moves made before
curator recorded that, the move most like it, said to be probably the one.

A plain build, which has no draft to carry the note, says it (walk190 #7): a line per such
article it published, and `--json`'s "pulled_in"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from curator.config import Config
from curator.errors import shell_arg
from curator.models import Article, Issue
from curator.movepulls import pulling_moves
from curator.placing import CORPUS_SAMPLE, fitted_model
from curator.store import Store
from curator.subjects import SubjectModel
from curator.subjectwords import resolve

#: The note, with the move that pulled it (as `subjects move` recorded it: walk194 #6).
PULLED_BY_MOVE = (
    'Came in with your move of "{title}" to {subject} on {day}: without that correction curator'
    " would place this article {where}. Cut it if it does not belong here ({fix})."
)
#: The note when no move recorded pulling it (moves made with a curator that did not record it):
#: the move most like it, as `subjects explain` names "the one that pulls it".
PULLED_PROBABLY_BY_MOVE = (
    'Came in probably with your move of "{title}" to {subject} on {day} (the move of yours most'
    " like it; curator has no record of which move pulled it): without your corrections curator"
    " would place this article {where}. Cut it if it does not belong here ({fix})."
)
#: The note when no move to the subject shares its words (an exclusion, or a move elsewhere,
#: changed how curator weighs the subjects' words).
PULLED_BY_CORRECTIONS = (
    "Came in with your corrections made {since} (they changed how curator weighs the subjects'"
    " words): without them curator would place this article {where}. Cut it if it does not"
    " belong here ({fix})."
)


@dataclass(frozen=True)
class Pulled:
    """An article of an issue under its subject because of a correction made since the last issue."""

    url: str
    title: str
    subject: str
    #: Where curator would place it without those corrections (None: under no subject).
    was: str | None
    #: The draft's note on it.
    note: str
    #: The move it came in with, when one is: its URL, title and day.
    move: tuple[str, str, str] | None = None
    #: Whether that move recorded pulling it (False: the move most like it, probably the one).
    recorded: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "subject": self.subject,
            "without_corrections": self.was,
            "moved_url": self.move[0] if self.move else None,
            "moved_title": self.move[1] if self.move else None,
            "moved_on": self.move[2] if self.move else None,
            "move_recorded": self.recorded if self.move else None,
        }

    def published(self, number: int) -> str:
        """The build's line on it, once issue `number` published it (walk190 #7)."""
        probably = "" if self.recorded else "probably "
        why = (
            f'{probably}with your move of "{self.move[1]}" ({self.move[0]}) to it on {self.move[2]}'
            if self.move
            else "with your corrections since the last issue"
        )
        without = (
            "them"
            if not self.move
            else "that correction"
            if self.recorded
            else "your corrections since the last issue"
        )
        where = f'under "{self.was}"' if self.was else "under no subject"
        fix = (
            f"`curator subjects move {shell_arg(self.url)} {shell_arg(self.was)}` puts it back"
            if self.was
            else f"`curator subjects exclude {shell_arg(self.url)}` keeps it out of every subject"
        )
        return (
            f'issue {number}\'s "{self.title}" ({self.url}) came into "{self.subject}" {why}:'
            f" without {without} curator would place it {where}; it is published under"
            f' "{self.subject}". If it does not belong there, {fix} for later issues (to take it'
            f" out of this issue now: delete its entry in issue-{number}.json in your output"
            f" folder, then `curator render {number}`)"
        )


def pulled_notes(config: Config, store: Store, issue: Issue) -> dict[str, str]:
    """The draft's note on each article of `issue` (by URL) that `pulled_articles` finds."""
    return {p.url: p.note for p in pulled_articles(config, store, issue)}


def pulled_articles(config: Config, store: Store, issue: Issue) -> tuple[Pulled, ...]:
    """Each article of `issue` that is under its section's subject because of a correction made
    since the last issue was published: one curator placed elsewhere (or under no subject)
    before it; not the corrected articles themselves, nor one an issue published."""
    made = store.corrections_made()
    published = store.issues()
    since = published[-1].published_at if published else None
    recent = {url: when for url, (_, when) in made.items() if since is None or when > since}
    if not recent:
        return ()
    entries: list[tuple[str, Article]] = [
        (section.subject, entry.article)
        for section in issue.sections
        for entry in section.entries
        if entry.article.url not in made
        and entry.article.id is not None
        and not store.issues_featuring(entry.article.id)
    ]
    if not entries:
        return ()
    corrections = {url: subject for url, (subject, _) in made.items()}
    earlier = {url: subject for url, subject in corrections.items() if url not in recent}
    sample = store.sample_ids(CORPUS_SAMPLE)
    now = SubjectModel.of(fitted_model(config, store, corrections, sample))
    before = SubjectModel.of(fitted_model(config, store, earlier, sample))
    pulls = pulling_moves(store, [a.id for _, a in entries if a.id is not None])
    notes: list[Pulled] = []
    for subject, article in entries:
        if now.assign_one(article).subject != subject:
            continue  # (under it for another reason: a draft's own choice, a published subject)
        was = before.assign_one(article).subject
        if was == subject:
            continue
        where = f'under "{was}"' if was else "under no subject"
        fix = (
            f"`curator subjects move URL {shell_arg(was)}` puts it back"
            if was
            else "`curator subjects exclude URL` keeps it out of every subject"
        )
        # The move that pulled it, as `subjects move` recorded it (walk194 #6: the move most like
        # it was named, when another one had pulled it); else, for moves made before curator
        # recorded it, the move most like it: probably the one.
        pulling = [
            m.url
            for m in pulls.get(article.id or 0, [])
            if m.url in recent and resolve(m.subject, config.subjects) == subject
        ]
        if pulling:
            moved_url: str | None = pulling[0]
        else:  # (the likeness of every recent move: only when none recorded pulling it)
            nearest = now.nearest_move(article, subject, among=recent)
            moved_url = nearest[0] if nearest is not None else None
        title = article.title or article.url
        if moved_url is not None:
            found = store.article_by_url(moved_url)
            move = (
                moved_url,
                found.title if found is not None and found.title else moved_url,
                _day(recent[moved_url]),
            )
            template = PULLED_BY_MOVE if pulling else PULLED_PROBABLY_BY_MOVE
            note = template.format(
                title=move[1], subject=subject, day=move[2], where=where, fix=fix
            )
            notes.append(Pulled(article.url, title, subject, was, note, move, bool(pulling)))
        else:
            note = PULLED_BY_CORRECTIONS.format(
                since=f"since issue {published[-1].number}" if published else "so far",
                where=where,
                fix=fix,
            )
            notes.append(Pulled(article.url, title, subject, was, note))
    return tuple(notes)


def _day(when: datetime) -> str:
    return when.date().isoformat()

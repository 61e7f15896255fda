"""The draft's note on an article that came into its subject with a correction the editor made
since the last issue (walk182 #6: a move pulled other articles into the subject of a themed
issue, and the next draft showed one with no note, while weak fits and keyword-only fits get
one: the editor could not tell it was pulled).

Where the article would go without those corrections is worked out as `subjects explain` works
it out (`whyplaced._without_corrections`): the model fitted from the same articles with the
older corrections alone, beside the one with all of them (both fitted now, so that a refit of
the archive is not taken for the correction's doing). Only when the editor corrected something
since the last issue: else nothing is fitted."""

from __future__ import annotations

from datetime import datetime

from curator.config import Config
from curator.errors import shell_arg
from curator.models import Article, Issue
from curator.placing import CORPUS_SAMPLE, fitted_model
from curator.store import Store
from curator.subjects import SubjectModel

#: The note, with the move most like it (as `subjects explain` names "the one that pulls it").
PULLED_BY_MOVE = (
    'Came in with your move of "{title}" to {subject} on {day}: without that correction curator'
    " would place this article {where}. Cut it if it does not belong here ({fix})."
)
#: The note when no move to the subject shares its words (an exclusion, or a move elsewhere,
#: changed how curator weighs the subjects' words).
PULLED_BY_CORRECTIONS = (
    "Came in with your corrections made {since} (they changed how curator weighs the subjects'"
    " words): without them curator would place this article {where}. Cut it if it does not"
    " belong here ({fix})."
)


def pulled_notes(config: Config, store: Store, issue: Issue) -> dict[str, str]:
    """The note on each article of `issue` (by URL) that is under its section's subject because
    of a correction made since the last issue was published: one curator placed elsewhere (or
    under no subject) before it; not the corrected articles themselves, nor one an issue
    published."""
    made = store.corrections_made()
    published = store.issues()
    since = published[-1].published_at if published else None
    recent = {url: when for url, (_, when) in made.items() if since is None or when > since}
    if not recent:
        return {}
    entries: list[tuple[str, Article]] = [
        (section.subject, entry.article)
        for section in issue.sections
        for entry in section.entries
        if entry.article.url not in made
        and entry.article.id is not None
        and not store.issues_featuring(entry.article.id)
    ]
    if not entries:
        return {}
    corrections = {url: subject for url, (subject, _) in made.items()}
    earlier = {url: subject for url, subject in corrections.items() if url not in recent}
    sample = store.sample_ids(CORPUS_SAMPLE)
    now = SubjectModel.of(fitted_model(config, store, corrections, sample))
    before = SubjectModel.of(fitted_model(config, store, earlier, sample))
    notes = {}
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
        nearest = now.nearest_move(article, subject, among=recent)
        if nearest is not None:
            found = store.article_by_url(nearest[0])
            notes[article.url] = PULLED_BY_MOVE.format(
                title=found.title if found is not None and found.title else nearest[0],
                subject=subject,
                day=_day(recent[nearest[0]]),
                where=where,
                fix=fix,
            )
        else:
            notes[article.url] = PULLED_BY_CORRECTIONS.format(
                since=f"since issue {published[-1].number}" if published else "so far",
                where=where,
                fix=fix,
            )
    return notes


def _day(when: datetime) -> str:
    return when.date().isoformat()

"""Subjects: what the model decided about one article, and why in the editor's words (pure).

`Judgement` is everything `SubjectModel.judge` decided (scores, fit, bars); `Explanation` is what
`curator subjects explain` shows: the verdict, each subject's score and the terms that made it,
the bars the draft holds a placed article to, and what the editor's corrections changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from curator.errors import feeds_remove_command, shell_arg
from curator.feedsecrets import secrets_shown
from curator.htmltext import display_width, pad
from curator.models import FEATURED_BEFORE_CURATOR, Assignment, published_in
from curator.possessive import possessive
from curator.render import published_as, published_mark
from curator.subjects_notes import ONE_WORD_BELOW, ONE_WORD_SHARE, LikeExcluded, OneWord
from curator.wordmodel import FIT_BAR

#: How a placement was decided: by the editor ("moved", "excluded"), by the scores ("placed"), or
#: no subject because the best score is under the bar ("weak") or because the article's words
#: are not typical enough of its best subject against the archive, its fit under the subject's
#: fit bar ("atypical").
#: (an explanation's decision may also be "published": see `Explanation.published_in`)
Decision = Literal["moved", "excluded", "placed", "weak", "atypical", "published"]


@dataclass(frozen=True)
class TermScore:
    """One term's part of an article's score for a subject (the parts sum to the score)."""

    term: str
    contribution: float


@dataclass(frozen=True)
class SubjectScore:
    """An article's score for one subject, and the terms that made it."""

    subject: str
    score: float
    terms: tuple[TermScore, ...] = ()


@dataclass(frozen=True)
class Judgement:
    """Everything the model decided about one article (`SubjectModel.judge`)."""

    url: str
    #: The subject it goes to, or None.
    subject: str | None
    decision: Decision
    #: Every subject's score, best first.
    scores: tuple[tuple[str, float], ...]
    #: How typical the article's words are of its best subject against the archive (None: the
    #: word model knows nothing of that subject, and its cosine bar decided).
    fit: float | None
    #: The best subject's cosine bar (what decides when `fit` is None).
    bar: float
    #: The least fit the best subject asks for.
    fit_bar: float = FIT_BAR
    #: The best subject's terms that matched, as words, strongest first.
    matched: tuple[str, ...] = ()

    @property
    def score(self) -> float:
        return self.scores[0][1] if self.scores else 0.0

    @property
    def margin(self) -> float:
        """How far the best score is ahead of the second, as a share of the best (1: alone)."""
        if not self.scores or self.scores[0][1] <= 0:
            return 0.0
        second = self.scores[1][1] if len(self.scores) > 1 else 0.0
        return (self.scores[0][1] - second) / self.scores[0][1]

    def assignment(self) -> Assignment:
        score = dict(self.scores).get(self.subject, 0.0) if self.subject else self.score
        if self.decision == "excluded":
            score = 0.0
        return Assignment(self.subject, score, self.scores, self.matched)


@dataclass(frozen=True)
class Uncorrected:
    """Where an article would go if the editor had corrected nothing, when that is elsewhere than
    where it goes now: the editor's moves and exclusions of other articles changed its place."""

    #: The subject it would go to (None: no subject).
    subject: str | None
    #: The article the editor moved that is most like it (None: none), that article's title and
    #: the subject it was moved to.
    nearest_move: str | None = None
    nearest_title: str | None = None
    nearest_subject: str | None = None
    #: The editor has moved an article (False: only exclusions, which pull nothing).
    moves: bool = True


def told_apart(value: float, bar: float, places: int, *, sign: bool = False) -> tuple[str, str]:
    """`value` and the `bar` it was held to, written with `places` decimals or as many more as
    it takes for them to read as different as they are (walk35 #2: "fit -0.00, where ... need
    -0.00" did not say why the article went nowhere)."""
    spec = "+" if sign else ""
    while places < 8 and value != bar and round(value, places) == round(bar, places):
        places += 1
    return f"{value:{spec}.{places}f}", f"{bar:{spec}.{places}f}"


@dataclass(frozen=True)
class Explanation:
    """Why an article landed where it did: each subject's score, best first, and matching terms."""

    url: str
    #: The subject it went to, or None.
    subject: str | None
    score: float
    #: The score every subject must reach.
    threshold: float
    #: "moved" or "excluded" when an editor's correction decided, else None.
    correction: str | None
    scores: tuple[SubjectScore, ...] = ()
    #: How typical the article's words are of its best subject against the whole archive, and the
    #: least it must be (None: the subject has taught the word model nothing yet).
    fit: float | None = None
    fit_bar: float = FIT_BAR
    decision: Decision = "placed"
    #: The subject the editor moved the article to when feeds.yaml no longer has it (the move
    #: then decides nothing: the article is placed as if never moved), else None.
    moved_to_former: str | None = None
    #: True for an article the editor moved: it is scored as if curator had not learnt from it
    #: (a lesson matches itself perfectly), and its terms' parts are scaled to those scores.
    unlearnt: bool = False
    #: Where it would go without the editor's corrections, when that is elsewhere (else None).
    uncorrected: Uncorrected | None = None
    #: The issue that first featured the article, when it published it under another subject
    #: than curator gives it: the article stays under the issue's subject (`subject`), and
    #: `curator_subject` and `curator_verdict` say what curator itself would do; else None.
    published_in: int | None = None
    curator_subject: str | None = None
    curator_verdict: str = ""
    #: True when the store has the article under another subject (`stored_under`, None: none)
    #: than the model would now give it: it was placed by an older fit (`subjects list` and the
    #: next issue have it there until every stored article is placed again).
    stored_under: str | None = None
    stored_differs: bool = False
    #: The issue that first featured the article and the section it published it under, when
    #: that is no subject in feeds.yaml now (retired, walk86 #1): curator places it itself.
    published_elsewhere: tuple[int, str] | None = None
    #: The section as that issue printed it, when renamed since (else None).
    printed_under: str | None = None
    #: Whether that section was the issue's draft's own (`extra_sections:`), never a subject.
    own_section: bool = False
    #: The story an earlier issue published that the article tells again, when it does (by the
    #: comparison a build makes: `placement.told_check`): that issue's number and date, the
    #: title and address of the article it published, and why they were judged one story. A
    #: build leaves it out (walk155 #10: explain said nothing of it, the draft and build did).
    copy_of: tuple[int, str, str, str, str] | None = None
    #: Whether its address is one the editor recorded as featured before they moved to curator
    #: (`curator featured add`): no issue features it (walk205 #3: explain said nothing of it).
    featured_before: bool = False
    #: When the article is one of many its feed brought with the same text but for their
    #: numbers (`nearcopies.template_copies`): how many, the feed's address and name (walk155
    #: #9: one of 2,000 was said "not typical enough" of its subject, a wrong reason).
    template: tuple[int, str, str] | None = None
    #: The bars the draft, the build and `curator themes` hold a placed article to (walk168 #4:
    #: they said "weak fit", explain said only "placed"): its subject's own bar, under which
    #: the article fits only weakly (None: not known, or not placed by curator); what the
    #: subject's articles usually score (the one-word rule flags one under `ONE_WORD_BELOW` of
    #: it, mostly on one word); and the one-word verdict when the rule flags it.
    weak_bar: float | None = None
    usual: float | None = None
    one_word: OneWord | None = None
    #: The draft's and `uncertain`'s "like an article you excluded" note on the article, when
    #: it has one (fixhe's note; CLOSING17: explain showed none, so it contradicted the draft).
    like_excluded: LikeExcluded | None = None

    @property
    def weak(self) -> bool:
        """Placed by curator with a score under its subject's own bar: a weak fit."""
        return (
            self.decision == "placed" and self.weak_bar is not None and self.score < self.weak_bar
        )

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form (for `curator subjects explain --json`)."""
        u = self.uncorrected
        return {
            "without_corrections": None
            if u is None
            else {
                "subject": u.subject,
                "nearest_move": u.nearest_move,
                "nearest_move_to": u.nearest_subject,
            },
            "url": self.url,
            "subject": self.subject,
            "published_in": self.published_in,
            "published_under_former_subject": None
            if self.published_elsewhere is None
            else {
                "issue": self.published_elsewhere[0],
                "subject": self.published_elsewhere[1],
                "own_section": self.own_section,
            },
            "template_copies": None
            if self.template is None
            else {
                "count": self.template[0],
                "feed_url": secrets_shown(self.template[1]),  # (masked: fixlx #1)
                "feed": self.template[2],
            },
            "featured_before_curator": self.featured_before,
            "copy_of_published": None
            if self.copy_of is None
            else dict(zip(("issue", "date", "title", "url", "reason"), self.copy_of, strict=True)),
            "stored_subject": self.stored_under if self.stored_differs else self.subject,
            "curator_subject": self.curator_subject if self.published_in else self.subject,
            "curator_verdict": self.curator_verdict or self.verdict(),
            "score": round(self.score, 4),
            "scored_as_if_not_learnt_from": self.unlearnt,
            "threshold": self.threshold,
            "fit": None if self.fit is None else round(self.fit, 4),
            "fit_bar": self.fit_bar,
            "decision": self.decision,
            "weak_fit_bar": None if self.weak_bar is None else round(self.weak_bar, 4),
            "weak_fit": self.weak,
            "one_word_rule": None
            if self.usual is None
            else {
                "usual_score": round(self.usual, 4),
                "below": round(ONE_WORD_BELOW * self.usual, 4),
                "share": ONE_WORD_SHARE,
            },
            "one_word": None if self.one_word is None else self.one_word.to_dict(),
            "like_excluded": None if self.like_excluded is None else self.like_excluded.to_dict(),
            "correction": self.correction,
            "moved_to_former_subject": self.moved_to_former,
            "scores": [
                {
                    "subject": s.subject,
                    "score": round(s.score, 4),
                    "terms": [
                        {"term": t.term, "contribution": round(t.contribution, 4)} for t in s.terms
                    ],
                }
                for s in self.scores
            ],
        }

    def verdict(self) -> str:
        """One line: where the article went and what decided it."""
        best = self.scores[0].subject if self.scores else "any subject"
        if self.published_in is not None:
            printed = self.printed_under
            if printed is not None and printed.casefold() != (self.subject or "").casefold():
                # (walk150 #3: "published it there", of an issue that printed "Onboarding",
                # renamed onto "Service desk" since)
                return (
                    f"{self.subject}: score {self.score:.3f}, there because issue"
                    f' {self.published_in} printed it under "{printed}", which `curator subjects'
                    f' rename` made "{self.subject}" since (an article an issue featured keeps'
                    " that issue's subject)"
                )
            return (
                f"{self.subject}: score {self.score:.3f}, there because issue {self.published_in}"
                " published it there (an article an issue featured keeps that issue's subject)"
            )
        if self.decision == "excluded":
            return "no subject: excluded by the editor"
        if self.decision == "moved":
            return f"{self.subject}: moved there by the editor"
        if self.decision == "weak":
            # With a fit, the bar is SCORE_FLOOR, every subject's; without, the subject's own bar.
            needs = "every subject needs" if self.fit is not None else f"{best} needs"
            score, bar = told_apart(self.score, self.threshold, 3)
            return f"no subject: best score {score} ({best}), under the {bar} {needs}"
        if self.decision == "atypical" and self.template is not None:
            fit, bar = told_apart(self.fit or 0.0, self.fit_bar, 2, sign=True)
            count, _, feed = self.template
            return (
                f"no subject: best {best} ({self.score:.3f}), but it is one of {count} articles"
                f" from {feed} with the same text but for their numbers, whose words fill the"
                f" archive: they look common everywhere, typical of no subject (fit {fit}, where"
                f" {best}'s articles need {bar})"
            )
        if self.decision == "atypical":
            fit, bar = told_apart(self.fit or 0.0, self.fit_bar, 2, sign=True)
            return (
                f"no subject: best {best} ({self.score:.3f}), but its words are not typical enough"
                f" of {best}: fit {fit}, where {best}'s articles need {bar}"
                " (0: as likely in the archive as a whole)"
            )
        score, bar = told_apart(self.score, self.threshold, 3)
        fit = ""
        if self.fit is not None:
            fit = ", fit {} (needs {})".format(*told_apart(self.fit, self.fit_bar, 2, sign=True))
        placed = f"{self.subject}: score {score} (needs {bar}){fit}"
        if self.one_word is not None:
            return f"{placed}; placed, but on one word: {self.one_word.why()}"
        if self.like_excluded is not None:
            return (
                f"{placed}; placed, but {self.like_excluded.why()}: if it is off the subject,"
                f" `curator subjects exclude {shell_arg(self.url)}`"
            )
        if self.weak and self.weak_bar is not None:
            score, own = told_apart(self.score, self.weak_bar, 3)
            return (
                f"{placed}; placed, but a weak fit: score {score} is under {possessive(self.subject or '')} own"
                f" bar {own}, so it may be off the subject"
            )
        return placed

    def _bar_lines(self) -> list[str]:
        """The bars the draft and `curator themes` use, each with what it says of the article
        (walk168 #4: explain showed neither, so it contradicted the draft's "weak fit")."""
        if self.decision != "placed" or (self.weak_bar is None and self.usual is None):
            return []
        lines = []
        if self.weak_bar is not None:
            score, own = told_apart(self.score, self.weak_bar, 3)
            said = (
                "under it: a weak fit (the draft notes it, `curator themes` counts it, an issue"
                " picks it last)"
                if self.weak
                else "it clears it (not a weak fit)"
            )
            lines.append(
                f"  weak-fit bar: {possessive(self.subject or '')} own bar is {own}; score {score}: {said}"
            )
        if self.usual is not None:
            below = ONE_WORD_BELOW * self.usual
            if self.one_word is not None:
                said = f"flagged: {self.one_word.word!r} makes {self.one_word.share:.0%} of it"
            elif self.score >= below:
                said = "not flagged: its score clears that"
            else:
                said = "not flagged: no one such word makes that much of its score"
            lines.append(
                f"  one-word rule: flags a score under {below:.3f} (half the {self.usual:.3f} its"
                f" other articles usually score, their median) made over {ONE_WORD_SHARE:.0%} of"
                " one word of the"
                f" subject's name or description; score {self.score:.3f}: {said}"
            )
        return lines

    def to_text(self, *, terms: int = 6) -> str:
        """A plain-text table (for `curator subjects explain`): the verdict, then each subject's
        score and the terms that made it, the chosen subject first."""
        # Columns, not characters: "科技与太空" takes ten (`display_width`).
        width = max([display_width(s.subject) for s in self.scores] + [7])
        lines = [self.url, f"  {self.verdict()}"]
        if self.published_elsewhere is not None:
            number, former = self.published_elsewhere
            printed = self.printed_under or former
            if printed != former and printed.casefold() in {
                s.subject.casefold() for s in self.scores
            }:
                # (renamed in feeds.yaml back to the name the issue printed: walk103 #3)
                lines.append(
                    f"  issue {number} published it under"
                    f" {published_mark(printed, former, [s.subject for s in self.scores])};"
                    " until then curator places it itself (the issue keeps its text)"
                )
            elif self.own_section:
                lines.append(
                    f"  issue {number} published it under {published_as(printed, former)}, the"
                    " draft's own section, not a subject: curator places it itself (the issue"
                    " keeps its text); to keep it under one: curator subjects move"
                    f" {shell_arg(self.url)} SUBJECT"
                )
            else:
                lines.append(
                    f"  issue {number} published it under"
                    f" {published_as(printed, former)}, which is not a subject in"
                    " feeds.yaml now: curator places it itself (the issue keeps its text); to keep"
                    f" it under one: curator subjects move {shell_arg(self.url)} SUBJECT"
                )
        lines += self._bar_lines()
        if self.template is not None:
            count, feed_url, feed = self.template
            shown = secrets_shown(
                feed_url
            )  # (its secret masked, as every message says it: fixlx #1)
            lines.append(
                f"  one of {count} articles from {feed} ({shown}) with the same text but for"
                " their numbers (an automated report or a listing): if the feed is not one for"
                f" your readers, {feeds_remove_command(shown, drop_waiting=True)}"
                " stops reading it and leaves its articles out of every issue"
            )
        if self.copy_of is not None:
            number, day, title, url, why = self.copy_of
            lines.append(
                f'  a copy of "{title}" ({url}), {published_in(number)}'
                f"{f' ({day})' if day else ''}: {why};"
                " curator leaves it out of new issues (one story is featured once)"
            )
        if self.featured_before:
            lines.append(
                f"  {FEATURED_BEFORE_CURATOR}: curator leaves it out of new issues (one story is"
                " featured once)"
            )
        if self.stored_differs:
            lines.append(f"  {stored_elsewhere(self.stored_under, self.subject)}")
        if self.published_in is not None:
            lines.append(f"  curator itself would give it: {self.curator_verdict}")
            issued = self.printed_under
            current = {s.subject.casefold(): s.subject for s in self.scores}
            if (
                issued is not None
                and issued.casefold() != (self.subject or "").casefold()
                and issued.casefold() in current
            ):
                # (walk150 #3: renamed onto another subject, then written in feeds.yaml again:
                # teaching the move to the name it was merged into taught the wrong subject)
                lines.append(
                    f'  "{issued}" is a subject in feeds.yaml again: to put it back under it:'
                    f" curator subjects move {shell_arg(self.url)}"
                    f" {shell_arg(current[issued.casefold()])}"
                )
            else:
                lines.append(
                    "  curator did not learn from the issue; to teach it:"
                    f" curator subjects move {shell_arg(self.url)} {shell_arg(self.subject)}"
                )
        if self.moved_to_former is not None:
            lines.append(
                f'  moved by you to "{self.moved_to_former}", which is no longer a subject in'
                " feeds.yaml: placed as if never moved"
            )
        if self.unlearnt:
            lines.append(
                "  scored as if curator had not learnt from it (it would match itself perfectly)"
            )
        if self.uncorrected is not None:
            lines += self._uncorrected_lines(self.uncorrected)
        lines += [
            "",
            f"  {'subject':<{width}}  score  matching terms (contribution)",
        ]
        for s in self.scores:
            shown = ", ".join(f"{t.term} {t.contribution:.3f}" for t in s.terms[:terms]) or "-"
            lines.append(f"  {pad(s.subject, width)}  {s.score:5.3f}  {shown}")
        return "\n".join(lines)

    def _move_command(self, subject: str | None) -> str:
        """The command that puts this article under `subject` (None: under no subject)."""
        if subject is None:
            return f"curator subjects exclude {shell_arg(self.url)}"
        return f"curator subjects move {shell_arg(self.url)} {shell_arg(subject)}"

    def _uncorrected_lines(self, u: Uncorrected) -> list[str]:
        """Where the article would go without the editor's corrections, and the move most like
        it (the first to undo if the article is now wrong)."""
        where = f"be under {u.subject}" if u.subject else "have no subject"
        lines = [
            f"  without your moves and exclusions it would {where}: your corrections of other"
            " articles changed its place"
        ]
        if u.nearest_move is not None:
            lines += [
                f"  your move to {u.nearest_subject} most like it, the one that pulls it there:"
                f" {u.nearest_title or u.nearest_move}",
                f"      {u.nearest_move}",
                "  if it is wrong now, move it yourself (`curator subjects undo URL` takes back a"
                " move, but other moves may still hold it); to where it would be without your"
                " corrections:",
                f"      {self._move_command(u.subject)}",
            ]
        else:
            # (walk129 #3: a move to another subject than the one it is under was named)
            there = (
                f"to {self.subject} (none of your moves there shares its words)"
                if self.subject
                else "out of every subject (a move pulls articles to its subject, not out)"
            )
            # (walk182 #2: after an exclusion alone it said "your moves changed how...")
            how = (
                "your corrections, moves and exclusions alike, changed how curator weighs the"
                " subjects' words, and it sat near a bar"
                if u.moves
                else "you have moved no article; your exclusions changed how curator weighs the"
                " subjects' words (an excluded article teaches no subject), and it sat near a bar"
            )
            lines += [
                f"  no move of yours pulls it {there}: {how} (`curator subjects list` shows what"
                " you corrected)",
                "  if it is wrong now, to where it would be without your corrections:",
                f"      {self._move_command(u.subject)}",
            ]
        others = [s.subject for s in self.scores if s.subject not in (u.subject, self.subject)]
        if others:
            rest = ""
            if len(others) > 1:
                names = ", ".join(f'"{name}"' for name in others[1:])
                rest = f' (or, in place of "{others[0]}": {names})'
            lines.append(f"  or under another subject: {self._move_command(others[0])}{rest}")
        return lines


def stored_elsewhere(stored: str | None, now: str | None) -> str:
    """What the editor should know of an article stored under another subject than the model
    would now place it under. Stored articles keep their place until every one is placed again
    (when the subjects or the corrections change); the model is fitted again as the archive grows
    (`placement.REFIT_SHARE`), and new articles are placed by the newer one."""
    there = f"under {stored}" if stored else "under no subject"
    would = f"under {now}" if now else "under no subject"
    if not stored:
        return (
            f"stored {there} (as `subjects list` and the next issue have it); curator would now"
            f" place it {would}, having learnt from the newer articles: it moves when every"
            " stored article is placed again, at your next move, exclusion or change of subjects"
        )
    # (an issue about to feature it places it again first: walk108 #2)
    return (
        f"stored {there} (as `subjects list` has it); curator would now place it {would},"
        " having learnt from the newer articles: it moves when every stored article is placed"
        " again, at your next move, exclusion or change of subjects, or when a build or draft"
        " would feature it, which places the articles it chooses again first"
    )

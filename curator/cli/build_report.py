"""What `build` and `draft` say after their run: the issue's line, what it left out, the
warnings (the many alike counted), and their --json documents."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from curator.app import (
    BuildResult,
    DraftWritten,
    FetchSummary,
    MissingBlurb,
    draft_then_build,
)
from curator.cli.common import (
    echo,
    echo_json,
    pasteable,
    run_args,
    warn,
)
from curator.cli.report import (
    Published,
    fetch_summary_dict,
    none_read,
    print_failures,
)
from curator.cli.streams import outcome
from curator.config import Config
from curator.errors import CuratorError, shell_arg
from curator.models import Issue
from curator.placement import KeptSubject, LeftOut
from curator.subjectedit import SubjectEdit
from curator.themes import theme_name
from curator.whyplaced import empty_reason


def report_build(
    result: BuildResult,
    quiet: bool,
    as_json: bool,
    *,
    failure: CuratorError | None = None,
    left: LeftOut | None = None,
    config: Config,
    edit: SubjectEdit | None = None,
    unmatched: int | None = None,
) -> None:
    issue = result.issue
    main_page = main_page_of(result)
    # (named by the line that says the report was lost on stdout: walk157 #4)
    outcome(
        f"issue {issue.number} was published: {main_page}"
        if issue is not None and main_page is not None
        else "no issue was published"
    )
    print_warnings(result.warnings)
    if failure is not None:
        message = None
    elif issue is None:
        message = nothing_new("issue", left, none_read(result.fetch))
    else:
        # (a path with a space quoted as the commands quote it: walk166 #9)
        counts = len(result.weak_fits), len(result.keywords_only)
        message = f"{issue_line(issue, *counts)} -> {shell_arg(main_page)}"
    # Before the document, and held in it when stderr is lost (walk128 N3, walk175 #5).
    print_failures(
        result.fetch,
        quiet=quiet,
        command="build",
        published=Published(
            issue.number,
            str(main_page),
            str(main_page.with_name(f"issue-{issue.number}.json")),
            draft_then_build(config, issue.number + 1),
        )
        if issue and main_page
        else None,
    )
    if as_json:
        edits = [edit] if edit else []
        echo_json(build_document(result, left, message, edits, unmatched), failure=failure)
    elif edit is not None and not quiet:  # (--quiet: the one line of the issue, walk182 #7)
        echo(edit.text())
    if issue is None:
        if not as_json and message is not None:
            echo(message)
        return
    if not as_json:
        echo(message)
        # --quiet: the one line of the issue (walk181 #6: a cron log had a line per subject too);
        # what waits for a later issue is counted by a build without it, and by --json
        if left is not None and not quiet:
            for line in left_out_lines(issue, left, result.fetch.new_articles):
                echo(line)
        if result.kept_subjects:
            echo(kept_subjects_text(result.kept_subjects))


def main_page_of(result: BuildResult) -> Path | None:
    """The issue's own page among the files a build wrote (else the first of them)."""
    issue = result.issue
    return next(
        (p for p in result.paths if issue and p.name == f"issue-{issue.number}.html"),
        result.paths[0] if result.paths else None,
    )


def no_left(config: Config) -> dict[str, Any]:
    """`LeftOut.to_dict`'s keys for a run that stopped before counting what it left out
    (`unplaced` null: not counted)."""
    return {
        "added_in_draft": [],
        "unplaced": None,
        "unplaced_new": None,
        "issue_size": config.issue_size,
        "left_for_later": {},
        "empty_subjects": [],
        "cut_from_draft": {},
        "moved_in_draft": {},
        "published_under_another_in_draft": {},
        "new_since_draft": {},
        "left_out_for_variety": {},
        "held_back": {},
    }


def build_document(
    result: BuildResult,
    left: LeftOut | dict[str, Any] | None,
    message: str | None,
    edits: Sequence[SubjectEdit] = (),
    unmatched: int | None = None,
) -> dict[str, Any]:
    """A build's --json document: the same keys whether it published, found nothing new or
    failed (walk92 #1), a failure adding `error` and `exit`; `message` is the line a plain run
    ends with ("Issue 3: ...", "Nothing new to feature: ...", walk92 #3), null on a failure.
    `unmatched`: how many addresses recorded as featured before match no stored article after
    the build's own fetch (null when it fetched nothing), as `curator fetch --json` says it."""
    issue = result.issue
    main_page = main_page_of(result)
    if isinstance(left, LeftOut):
        left = left.to_dict()
    return {
        "issue": issue.number if issue else None,
        "message": pasteable(message) if message is not None else None,
        "theme": list(issue.theme) if issue else [],
        "path": str(main_page) if main_page else None,
        "files": [str(p) for p in result.paths],
        "articles_per_subject": {s.subject: len(s.entries) for s in issue.sections}
        if issue
        else {},
        "weak_fits": list(result.weak_fits),
        "one_word_fits": [o.to_dict() for o in result.one_word],
        "like_excluded": [o.to_dict() for o in result.like_excluded],
        "keywords_only": [o.to_dict() for o in result.keywords_only],
        "pulled_in": [p.to_dict() for p in result.pulled],
        "subject_edit": edits[-1].to_dict() if edits else None,
        "featured_before_unmatched": unmatched,
        **(left if left is not None else {"unplaced": 0}),
        "warnings": warnings_list(result.warnings, result.missing_blurbs),
        "not_learnt_from": [
            k.to_dict(run_args("curator subjects move"))
            for k in result.kept_subjects
            if not k.against_correction
        ],
        "against_your_corrections": [
            k.to_dict(run_args("curator subjects move"))
            for k in result.kept_subjects
            if k.against_correction
        ],
        **fetch_summary_dict(result.fetch),
    }


def nothing_new(written: str, left: LeftOut | None, none_read: str | None = None) -> str:
    """What a build or a draft that found nothing to feature says, and of the articles in no
    issue yet that fit none of the subjects (`left.unplaced`), how many and where to see them:
    they may be what the editor expected (walk35 #2: 25 of them, never mentioned); and how many
    of them are in another language than the newsletter's (walk97 #6: German articles under
    English subjects, "fit none", with no word of their language). `none_read`: every feed
    was waiting (`report.none_read`), said first (walk128 N3)."""
    line = f"Nothing new to feature: no {written} was written."
    if none_read is not None:
        line = f"{none_read}: nothing new to feature; no {written} was written."
    unplaced = left.unplaced if left is not None else 0
    if left is None or not unplaced:
        return line
    some, fit, them = (
        ("1 article", "fits", "it") if unplaced == 1 else (f"{unplaced} articles", "fit", "them")
    )
    said = (
        f"{line} {some} not yet in an issue {fit} none of your subjects:"
        f" `curator subjects list --unplaced` lists {them}, `curator subjects explain URL` says why"
        " one fits none, and `curator subjects move URL SUBJECT` puts it under a subject."
    )
    if left.other_languages:
        n = sum(count for _, count in left.other_languages)
        tags = ", ".join(f'{count} lang="{tag}"' for tag, count in left.other_languages)
        are = "is" if n == 1 else "are"
        said += (
            f" {n} of them {are} in another language than the newsletter's (`language:"
            f" {left.language}`), as their pages, feeds or words say ({tags}): a subject fits an article by the"
            " words it uses, so write keywords in their language too (or a subject of their"
            " own) if they belong in the newsletter."
        )
    return said


def _why_waiting(left: LeftOut, subject: str, waiting: int, cut: int) -> str:
    """Why `waiting` articles of `subject` wait: cut from the draft, stored since it was written
    (fixmb #1: said to be past issue_size), the rest left by issue_size."""
    capped = f"issue_size: {left.issue_size} per subject"
    since = min(left.since_draft.get(subject, 0), waiting - cut)
    rest = waiting - cut - since
    parts = [
        (n, what)
        for n, what in (
            (cut, "cut from the draft"),
            (since, "came in since the draft was written"),
            (rest, f"past {capped}"),
        )
        if n
    ]
    if len(parts) == 1:
        return capped if rest else parts[0][1]
    return "; ".join(f"{n} {what}" for n, what in parts)


def left_out_lines(issue: Issue, left: LeftOut, new_articles: int) -> list[str]:
    """What the issue did not feature, under its line (walk53 #5: a whole off-topic feed and
    what each subject's cap left out went unmentioned): per subject, how many more fit it and wait
    for a later issue, and which of them variety left out; then the articles fitting no subject,
    with the command that lists them. `--json` has the same numbers (`LeftOut.to_dict`)."""
    lines = []
    for section in issue.sections:
        line = f"  {section.subject}: {len(section.entries)} featured"
        waiting = left.waiting.get(section.subject, 0)
        cut = left.cut.get(section.subject, 0)
        if section.subject in left.added:
            # (not curator's section: nothing of it was cut, walk154 NEW-2)
            line += " (added in the draft)"
            if waiting:
                line += (
                    f"; {waiting} more fit it and wait for a later issue (curator's draft had no"
                    " section for it: none was cut)"
                )
        elif waiting:
            # (what a draft cut is not issue_size's doing: walk142 #11)
            line += f"; {waiting} more fit it and wait for a later issue ({_why_waiting(left, section.subject, waiting, cut)})"
        moved = left.moved.get(section.subject, {})
        if moved:  # (not cut, nor waiting: published under another section, walk153 #3)
            line += "; " + ", ".join(
                f"{n} moved to {to} in the draft" for to, n in sorted(moved.items())
            )
        varied = left.variety.get(section.subject, ())
        if varied:
            names = ", ".join(sorted({a.publication or a.feed_url or a.url for a in varied}))
            some = f"{len(varied)} of them" if len(varied) != 1 else "1 of them"
            were = "were" if len(varied) != 1 else "was"
            line += (
                f"; {some}, scoring higher than an article featured, {were} left out for variety"
                f" ({names} featured here already)"
            )
        held = left.held.get(section.subject, ())
        if held:  # (fixjz #4: a build from a draft said nothing of them)
            whys = "; ".join(dict.fromkeys(why for _, why in held))
            line += (
                f"; 1 of them was held back, another article of it taking its place ({whys})"
                if len(held) == 1
                else f"; {len(held)} of them were held back, other articles of it taking their"
                f" place ({whys})"
            )
        lines.append(line)
    for subject, n in left.dropped.items():  # (walk174 #1: a section removed whole went unsaid)
        some = "1 article" if n == 1 else f"{n} articles"
        lines.append(f"  {subject}: its section is not in the draft: {some} cut")
    for subject, into in left.regrouped.items():  # (walk204 #4: said to have nothing to feature)
        where = ", ".join(f"{n} under {to}" for to, n in sorted(into.items()))
        if len(into) == 1:
            ((to, n),) = into.items()
            where = f"its {n} article(s) were published under {to}"
        else:
            where = f"its articles were published {where}"
        lines.append(
            f"  {subject}: its heading is not in the draft: {where}, as the draft has them"
        )
    for subject, placed, featured in left.empty:  # (walk176 #2: such a subject went unsaid)
        lines.append(f"  {subject}: nothing to feature: {empty_reason(subject, placed, featured)}")
    if left.since_draft:  # (walk204 #5: a new article fetched while the draft waited went unsaid)
        n = sum(left.since_draft.values())
        where = ", ".join(f"{k} under {s}" for s, k in sorted(left.since_draft.items()))
        lines.append(
            f"{n} new article(s) of your subjects came in since the draft was written ({where});"
            " the draft was published as you edited it, without them: they wait for the next"
            " issue, and `curator draft` offers them."
        )
    if left.unplaced:
        them = "them" if left.unplaced != 1 else "it"
        if left.unplaced_new:
            what = (
                f"{left.unplaced_new} of the {new_articles} new article(s) this run stored fit"
                f" none of your subjects ({left.unplaced} in all, in no issue yet)"
            )
        else:
            what = f"{left.unplaced} article(s) in no issue yet fit none of your subjects"
            if left.unplaced_new == 0:
                what += " (none of them new in this run)"
        lines.append(
            f"{what}, so no issue features {them}: `curator subjects list --unplaced` lists"
            f" {them} (with the articles you excluded, counted apart), `curator subjects explain URL` says why one fits none, and `curator"
            " subjects move URL SUBJECT` puts one under a subject."
        )
    return lines


#: The articles whose move command a build prints (the rest are counted).
MOVES_SHOWN = 5


def kept_subjects_text(kept: Sequence[KeptSubject]) -> str:
    """What a build says of the articles its draft put under another subject than curator gave
    them: they stay there, but curator learnt nothing; the command that teaches it, per article.
    And of those it put against the editor's own correction of them: the correction stands."""
    lines = []
    placed = [k for k in kept if not k.against_correction]
    if placed:
        n = len(placed)
        them, they = ("them", "They") if n != 1 else ("it", "It")
        lines.append(
            f"The issue published {n} article{'s' * (n != 1)} under another subject than curator"
            f" gives {them} now (your draft put {them} there, or your corrections since the draft"
            f" was made moved {them}). {they} stay{'s' * (n == 1)} under the issue's subject"
            " (`curator subjects list` and the next builds agree), but curator did not learn from"
            f" this. If articles like {them} belong there too, teach curator by moving {them}:"
        )
        for k in placed[:MOVES_SHOWN]:
            lines.append(f"  {k.move_command()}{run_args('curator subjects move')}")
            lines.append(f"      {k.title} (curator had it under {k.curator or 'no subject'})")
        if n > MOVES_SHOWN:
            lines.append(f"  and {n - MOVES_SHOWN} more")
    against = [k for k in kept if k.against_correction]
    if against:
        n = len(against)
        lines.append(
            f"Your draft featured {n} article{'s' * (n != 1)} against your own correction of"
            f" {'them' if n != 1 else 'it'}: the issue publishes what the draft says, and your"
            " correction stands for `curator subjects list` and future issues."
        )
        for k in against:
            lines.append(f"  {k.title}: published under {k.subject}")
            if k.correction is None:
                lines.append(
                    f"      you excluded it; to take that back: curator subjects undo {shell_arg(k.url)}{run_args('curator subjects undo')}"
                )
            else:
                lines.append(
                    f"      you moved it to {k.correction}; to move it: {k.move_command()}{run_args('curator subjects move')}"
                )
    return "\n".join(lines)


def issue_line(issue: Issue, weak: int = 0, keywords: int = 0) -> str:
    """'Issue 3: 4 article(s) on Service operations', or '... in 4 subject(s)' for every subject;
    '4 article(s), 2 fitting only weakly, on ...' when `weak` of them fit their subject weakly,
    '1 fitting only through the subject's keywords' when `keywords` of them fit it so (walk185)."""
    return f"Issue {issue.number}: {issue_summary(issue, weak, keywords)}"


def issue_summary(issue: Issue, weak: int = 0, keywords: int = 0) -> str:
    count = sum(len(s.entries) for s in issue.sections)
    flagged = [f"{weak} fitting only weakly"] if weak else []
    if keywords:
        flagged.append(f"{keywords} fitting only through the subject's keywords")
    articles = ", ".join([f"{count} article(s)", *flagged]) + ("," if flagged else "")
    if issue.theme:
        return f"{articles} on {theme_name(issue.theme)}"
    return f"{articles} in {len(issue.sections)} subject(s)"


def warnings_list(
    warnings: tuple[str, ...], missing_blurbs: tuple[MissingBlurb, ...]
) -> list[dict[str, str]]:
    """The warnings said on stderr, for --json: each a {"message"}; an article published (or
    drafted) without a blurb also has its "url" and "title". Each says what stderr says, its
    advice with the run's --config (`pasteable`) as a failure's "error" does."""
    articles = {m.message: {"url": m.url, "title": m.title} for m in missing_blurbs}
    return [{**articles.get(w, {}), "message": pasteable(w)} for w in warnings]


#: Warnings of one kind said one by one up to this many; past it, the first `WARNINGS_SHOWN`
#: and how many more (walk101 #3: 477 "was judged the same story as" and 65 "no author was
#: found" in every build of a 100,000-article store drowned its progress lines).
WARNINGS_MANY = 10
WARNINGS_SHOWN = 3

#: The kinds of warnings that come by the hundred on a large store: how each begins or what it
#: says, and how the line that counts the rest names them.
WARNING_KINDS = (
    ("was judged the same story as", "articles judged the same story as one the issue features"),
    ('the credit of "', "notes on credits"),
)


#: A note on one article's credit: its title and address, then what it says of the credit.
_CREDIT_NOTE = re.compile(r'the credit of ".*?" \(\S+?\): ')


def _warning_kind(warning: str) -> tuple[str, str] | None:
    """The kind of `warning` (how the line counting the rest names it) and what all of that kind
    say alike. Notes on credits are alike only when they say the same after the article's title
    and address ("no author was found"): one whose feed and page name different people names
    them, and is never counted away among the others (walk104 #4: "Jane Roe" went unsaid)."""
    for says, kind in WARNING_KINDS:
        if warning.startswith(says) or f" {says}" in warning:
            note = _CREDIT_NOTE.search(warning) if says.startswith("the credit") else None
            return kind, warning[note.end() :] if note else ""
    return None


def print_warnings(warnings: tuple[str, ...]) -> None:
    """Warnings go to stderr even with --quiet: they are about what is published. Of a kind
    that comes by the hundred (`WARNING_KINDS`), more than `WARNINGS_MANY`: the first few, and
    how many more (--json lists every one)."""
    kinds = [_warning_kind(w) for w in warnings]
    many = {k for k in kinds if k is not None and kinds.count(k) > WARNINGS_MANY}
    said: dict[tuple[str, str], int] = {}
    for warning, kind in zip(warnings, kinds, strict=True):
        if kind not in many:
            warn(warning)
            continue
        assert kind is not None
        said[kind] = said.get(kind, 0) + 1
        if said[kind] <= WARNINGS_SHOWN:
            warn(warning)
        if said[kind] == WARNINGS_SHOWN:
            more = kinds.count(kind) - WARNINGS_SHOWN
            echo(
                f"curator: warning: and {more:,} more {kind[0]}, said alike (a run with --json"
                " lists every one in its document)",
                err=True,
            )


def draft_document(
    written: DraftWritten | None,
    left: dict[str, Any],
    summary: FetchSummary,
    placing_notes: Sequence[str],
    message: str | None,
    edits: Sequence[SubjectEdit] = (),
) -> dict[str, Any]:
    """A draft's --json document: the same keys whether it wrote one, found nothing new or
    failed (walk92 #1), a failure adding `error` and `exit`; `message` as `build_document`'s."""
    return {
        "issue": written.issue.number if written else None,
        "message": pasteable(message) if message is not None else None,
        "theme": list(written.issue.theme) if written else [],
        "path": str(written.path) if written else None,
        "weak_fits": list(written.weak_fits) if written else [],
        "one_word_fits": [o.to_dict() for o in written.one_word] if written else [],
        "like_excluded": [o.to_dict() for o in written.like_excluded] if written else [],
        "keywords_only": [o.to_dict() for o in written.keywords_only] if written else [],
        # how many credits the draft notes (`<!-- Credit:`, `<!-- Author:`; walk158 #13)
        "credit_notes": written.credit_notes if written else 0,
        "subject_edit": edits[-1].to_dict() if edits else None,
        **left,
        "warnings": warnings_list(written.warnings, written.missing_blurbs)
        if written
        else warnings_list(tuple(placing_notes), ()),
        **fetch_summary_dict(summary),
    }

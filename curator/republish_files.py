"""The issue files in the output folder that `curator render` reads: issues published there after
the store's last, recorded in the store from their issue-N.json (`record_unknown_issues`,
`curator render --record`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from curator.app import record_published
from curator.config import Config
from curator.errors import CuratorError
from curator.issuedata import issue_numbers, published_issues
from curator.models import Copy
from curator.store import Store
from curator.strayissues import headless_issues, headless_said
from curator.themes import plan_entry, theme_history
from curator.urls import url_key


def record_unknown_issues(
    config: Config, store: Store, out_dir: Path
) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Record in the store the issues `out_dir` published after the store's last (`curator
    render --record`), each from its issue-N.json: its articles the store holds count as featured
    by it (no later issue features them again) and the next build numbers its issue after them.
    Returns the issues recorded and what to say of them.

    Why: a store put back from a backup taken before issue N was published stopped the next build
    (rightly: it would publish another issue N), and the only way on that kept the published issue
    was a newer backup, if there was one (walk164 N5)."""
    last = store.next_issue_number() - 1
    published, warnings = published_issues(out_dir)
    if store.last_issue_number() is None and not (out_dir / f"issue-{last + 1}.json").exists():
        # A newsletter moved from another tool, its issues numbered on (walk202 #3: `fetch`
        # advised `render --record` for issue-52.json, which then refused it as no issue-1.json):
        # with no issue recorded, the first of the folder's is the first to record.
        # (walk205 #2: a file with no "title" or "date" is named, not "nothing was changed")
        last = min(published or issue_numbers(out_dir), default=last + 1) - 1
    numbers: list[int] = []
    while last + len(numbers) + 1 in published:
        numbers.append(last + len(numbers) + 1)
    if not numbers:
        unread = [w for w in warnings if f"issue-{last + 1}.json" in w]
        later = sorted(n for n in published if n > last)
        raise CuratorError(
            f"{out_dir} holds no issue-{last + 1}.json that the store could record after its last"
            f" issue ({store.last_issue_number() or 'none'}): "
            + (
                "; ".join(unread)
                + (
                    f". {headless_said(out_dir, headless)}"
                    if last + 1 in (headless := headless_issues(out_dir))
                    else ""
                )
                if unread
                else f"its next issue there is {later[0]}, not {last + 1}"
                if later
                else "every issue published there is recorded; nothing was changed"
            )
        )
    notes: list[str] = []  # (an issue-N.json that cannot be read: `render` says so)
    for number in numbers:
        issue = published[number]
        json_file = out_dir / f"issue-{number}.json"
        try:  # (when it was published: when its issue-N.json was written)
            at = datetime.fromtimestamp(json_file.stat().st_mtime, UTC)
        except OSError:
            at = datetime.now(UTC)
        unknown: list[str] = []
        untold: list[str] = []
        seen: set[int] = set()
        sections = []
        # One step: the articles the store never held, recorded from issue-N.json, and the issue.
        with store.transaction():
            for sec in issue.sections:
                entries = []
                for entry in sec.entries:
                    stored = store.article_by_url(entry.article.url) if entry.article.url else None
                    if stored is None and entry.article.url:
                        # Kept as issue-N.json published it (address, title, credit, blurb), so
                        # that it counts as featured when a feed gives it again: README's "never
                        # featured twice" (walk174 #4: a store lost, its issues recorded back,
                        # and the next build published issue 1's articles again).
                        art = replace(entry.article, first_seen=at)
                        store.add_articles([(url_key(entry.article.url), art)], feed_url=None)
                        stored = store.article_by_url(entry.article.url)
                        unknown.append(entry.article.url)
                    if stored is None:  # (no address: nothing a feed could give again)
                        untold.append(entry.article.title)
                        continue
                    if stored.id in seen:  # (listed twice in issue-N.json: one entry per article)
                        continue
                    seen.add(stored.id)
                    copies = []
                    for _, url in entry.also_covered_by:
                        copy = store.article_by_url(url) if url else None
                        if copy is not None and copy.id != stored.id:
                            copies.append(Copy(copy, sec.subject, f"named in issue-{number}.json"))
                    # (published as issue-N.json has it: its title, credit and blurb)
                    art = replace(entry.article, id=stored.id)
                    entries.append(replace(entry, article=art, copies=tuple(copies)))
                sections.append(replace(sec, entries=tuple(entries)))
            issue = replace(issue, sections=tuple(sections))
            history = theme_history(config, store).issues
            planned = bool(issue.theme) and plan_entry(config, history, issue.theme) is not None
            record_published(config, store, issue, at, planned=planned)
            if (store.unfinished_issue() or 0) <= number:
                store.finish_issue()
        featured = sum(len(sec.entries) for sec in issue.sections)
        notes.append(
            f"issue {number} is recorded in the store {store.path} from {json_file}: its"
            f" {featured} article(s) count as featured by it, so no later issue features them"
            + (", and it took its theme's place in the plan of themes" if planned else "")
            + (
                f"; {len(unknown)} of them the store did not hold ({', '.join(unknown[:3])}"
                f"{f' and {len(unknown) - 3} more' if len(unknown) > 3 else ''}): they are"
                f" recorded from {json_file.name} as published there, so a feed that gives"
                " them again does not make them new"
                if unknown
                else ""
            )
            + (
                f"; {len(untold)} of its articles have no address there, so the store cannot"
                f" count them as featured ({', '.join(untold[:3])}"
                f"{f' and {len(untold) - 3} more' if len(untold) > 3 else ''})"
                if untold
                else ""
            )
        )
    return tuple(numbers), tuple(notes)

"""An issue thinner than `themes: min_articles` said when a build publishes it (walk201 #4).

A build with no plan of themes publishes every subject's best articles, however few: an
unattended weekly run published a one-article issue ("Issue 26: 1 article(s) in 1 subject(s)",
exit 0) under an introduction written for five subjects, while `curator themes` says an issue
needs 3. Such an issue is still published (its articles are this week's; held back, they would
be older next week, and a weekly run that publishes nothing is a silence of its own), and the
build's summary says so, plain and in --json's `warnings`, with the way to check the next one.
"""

from __future__ import annotations

from curator.config import Config
from curator.models import Issue


def thin_issue(config: Config, issue: Issue, next_time: str) -> tuple[str, ...]:
    """What a build says of `issue`, published with fewer articles than an issue of a theme
    needs (`themes.min_articles`, the number `curator themes` counts with); () when it has
    enough. `next_time`: how to check an issue before it is published."""
    need = config.themes.min_articles
    count = sum(len(s.entries) for s in issue.sections)
    if count >= need:
        return ()
    setting = (
        f"`themes: min_articles: {need}` in {config.path.name}"
        if config.themes.written
        else f"the default of `themes: min_articles:`, which {config.path.name} does not set"
    )
    subjects = len(issue.sections)
    return (
        f"Issue {issue.number} was published with {count} article{'s' * (count != 1)} in"
        f" {subjects} subject{'s' * (subjects != 1)}, fewer than the {need} an issue needs"
        f" ({setting}, as `curator themes` counts): its introduction is published as written,"
        " so check that it does not promise subjects this issue lacks; to check an issue before"
        f" it is published: {next_time}",
    )

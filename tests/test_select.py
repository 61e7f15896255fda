"""Selection: relevance over date, variety of publications, one entry per story."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from curator.editions import output_context
from curator.models import Article, Assignment, Issue, Subject
from curator.render import environment, render
from curator.select import select_sections

BASICS = Subject("Basics", "What customer experience is.", ("customer experience",))
METRICS = Subject("Metrics", "Measuring it.", ("NPS",))

STORY = (
    "Acme Corp today announced a new customer experience platform that unifies support tickets, "
    "surveys and product analytics in one place. The company said the platform lets service teams "
    "see every conversation a customer has had before they answer. Pricing starts at forty dollars "
    "per agent each month, and a free trial is available from the company's website."
)


def art(
    id_: int, pub: str, *, title: str | None = None, blurb: str = "", year: int = 2026
) -> Article:
    return Article(
        id=id_,
        url=f"https://{pub.lower().replace(' ', '')}.example/{id_}",
        title=title or f"Article {id_} on a distinct topic number {id_}",
        publication=pub,
        blurb=blurb or f"Text {id_} about something else entirely, unique words w{id_}x y{id_}z.",
        published=datetime(year, 1, 1, tzinfo=UTC),
    )


def placed(articles: list[Article], subject: str, scores: list[float]) -> dict[str, Assignment]:
    return {a.url: Assignment(subject, s) for a, s in zip(articles, scores, strict=True)}


def test_relevance_orders_a_section_never_the_date() -> None:
    old_strong = art(1, "Alpha", year=2019)
    new_weak = art(2, "Beta", year=2026)
    sections = select_sections(
        [new_weak, old_strong], placed([new_weak, old_strong], "Basics", [0.2, 0.9]), [BASICS], 1
    )
    assert [e.article.id for e in sections[0].entries] == [1]


def test_near_ties_go_to_another_publication_but_a_clear_winner_still_wins() -> None:
    a1, a2, b1 = art(1, "Alpha"), art(2, "Alpha"), art(3, "Beta")
    sections = select_sections(
        [a1, a2, b1], placed([a1, a2, b1], "Basics", [1.0, 0.95, 0.9]), [BASICS], 2
    )
    assert [e.article.publication for e in sections[0].entries] == ["Alpha", "Beta"]
    # Beta far behind: Alpha's second article wins the place.
    sections = select_sections(
        [a1, a2, b1], placed([a1, a2, b1], "Basics", [1.0, 0.95, 0.3]), [BASICS], 2
    )
    assert [e.article.id for e in sections[0].entries] == [1, 2]


def test_a_syndicated_copy_becomes_also_covered_by_and_renders_so() -> None:
    original = art(1, "Wire News", title="Acme launches a unified CX platform", blurb=STORY)
    copy = art(
        2,
        "Daily Echo",
        title="Acme unveils new platform for service teams",
        blurb=STORY.replace("today announced", "has announced"),
    )
    other = art(3, "Beta")
    arts = [original, copy, other]
    sections = select_sections(arts, placed(arts, "Basics", [0.9, 0.8, 0.5]), [BASICS], 3)
    entries = sections[0].entries
    assert [e.article.id for e in entries] == [1, 3]
    assert entries[0].also_covered_by == (("Daily Echo", copy.url),)

    issue = Issue(
        number=1, date=datetime(2026, 11, 25, tzinfo=UTC), title="CX Weekly", sections=sections
    )
    html = render(environment(), "issue.html", output_context(issue))
    assert f'Also covered by: <a href="{copy.url}">Daily Echo</a>' in html


def test_the_same_story_is_not_featured_twice_across_subjects() -> None:
    first = art(1, "Wire", title="Acme launches a unified CX platform", blurb=STORY)
    second = art(2, "Echo", title="Acme launches a unified CX platform", blurb="Short.")
    sections = select_sections(
        [first, second],
        {first.url: Assignment("Basics", 0.9), second.url: Assignment("Metrics", 0.9)},
        [BASICS, METRICS],
        3,
    )
    assert [s.subject for s in sections] == ["Basics"]
    assert sections[0].entries[0].also_covered_by == (("Echo", second.url),)


def test_different_articles_on_one_subject_are_not_collapsed(seeds: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("00[1-4]_*.txt"))]
    arts = [
        art(i, f"Pub{i}", title=t.splitlines()[0][:80], blurb=t[:1500])
        for i, t in enumerate(texts, 1)
    ]
    sections = select_sections(arts, placed(arts, "Basics", [0.9, 0.8, 0.7, 0.6]), [BASICS], 4)
    assert len(sections[0].entries) == 4
    assert all(not e.also_covered_by for e in sections[0].entries)

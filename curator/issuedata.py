"""An issue as data and back: what `issue-N.json` holds of a published issue (with every edit the
editor made), and the issues of an output folder read back from those files, for the archive
(moved out of `curator.outputs`, which had grown past 2,500 lines)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from curator.editions import escape_raw_html as _escape_raw_html
from curator.editions import markdown_as_published as _markdown_as_published
from curator.issuecheck import issue_mistakes
from curator.markdowntext import blurb_html, markdown_html, published_markdown
from curator.models import Article, Issue, Scored, Section
from curator.oldlinks import JsonLink, json_links, without_user
from curator.urls import safe_url

# -- JSON -----------------------------------------------------------------------------------------


def issue_data(issue: Issue) -> dict[str, object]:
    """The issue as data (issue-N.json): what was published, with every edit the editor made."""
    return {
        "number": issue.number,
        "title": issue.title,
        "date": issue.date.isoformat(),
        "editor": issue.editor,
        "theme": list(issue.theme),
        # As every format publishes them: Markdown in which a link to an unsafe address is its
        # text alone and raw HTML is escaped (`<b>` is `&lt;b>`: any renderer shows the text the
        # HTML edition shows), and the same as the sanitised HTML of the HTML edition.
        "introduction": _markdown_as_published(published_markdown(issue.introduction)),
        "introduction_html": str(markdown_html(published_markdown(issue.introduction))),
        "closing": _markdown_as_published(published_markdown(issue.closing)),
        "closing_html": str(markdown_html(published_markdown(issue.closing))),
        "sections": [
            {
                "subject": sec.subject,
                "description": sec.description,
                "articles": [
                    {
                        "url": safe_url(e.article.url),
                        "title": e.article.title,
                        "authors": list(e.article.authors),
                        "publication": e.article.publication,
                        "blurb": e.article.blurb,
                        # (none when curator never scored it under this subject: walk84 N2)
                        **({"score": e.score, "matched": list(e.matched)} if e.scored else {}),
                        "also_covered_by": [
                            {"name": name, "url": safe_url(url)} for name, url in e.also_covered_by
                        ],
                        # A blurb the editor wrote in Markdown: as the Markdown and HTML editions
                        # publish it (`blurb` is its plain text, as the text edition has it).
                        **_blurb_data(e.article),
                        # The language its page declares, when it declares one.
                        **({"language": e.article.language} if e.article.language else {}),
                    }
                    for e in sec.entries
                ],
            }
            for sec in issue.sections
        ],
    }


def _blurb_data(article: Article) -> dict[str, str]:
    if article.blurb_markdown is None:
        return {}
    return {
        "blurb_markdown": _markdown_as_published(article.blurb_markdown),
        "blurb_html": str(blurb_html(article.blurb, article.blurb_markdown)[0]),
    }


def issue_from_data(data: Mapping[str, object]) -> Issue:
    """An Issue back from its JSON (for the archive); raises ValueError on a malformed record."""
    try:
        date = datetime.fromisoformat(str(data["date"]))
        if date.tzinfo is None:  # "2026-12-06", as an editor writes a date: that day
            date = date.replace(tzinfo=UTC)
        sections = []
        for sec in data["sections"]:  # type: ignore[attr-defined]
            entries = tuple(
                Scored(
                    Article(
                        id=0,
                        url=_read_url(a.get("url")),
                        title=str(a["title"]),
                        authors=tuple(str(n) for n in a.get("authors") or ()),
                        publication=a.get("publication"),
                        blurb=str(a.get("blurb") or ""),
                        blurb_markdown=_escape_raw_html(str(a["blurb_markdown"]), undo=True)
                        if a.get("blurb_markdown")
                        else None,
                        language=str(a.get("language") or ""),
                    ),
                    float(a.get("score") or 0.0),
                    tuple(str(m) for m in a.get("matched") or ()),
                    tuple(
                        (str(o["name"]), _read_url(o.get("url")))
                        for o in a.get("also_covered_by") or ()
                    ),
                    scored="score" in a,
                )
                for a in sec["articles"]
            )
            sections.append(
                Section(str(sec["subject"]), str(sec.get("description") or ""), entries)
            )
        return Issue(
            number=int(data["number"]),  # type: ignore[call-overload]
            date=date if date.tzinfo else date.replace(tzinfo=UTC),
            title=str(data["title"]),
            editor=data.get("editor") or None,  # type: ignore[arg-type]
            # (as written: the `&lt;` of its raw HTML back as `<`, for the plain-text edition)
            introduction=_escape_raw_html(str(data.get("introduction") or ""), undo=True),
            sections=tuple(sections),
            theme=tuple(str(name) for name in data.get("theme") or ()),  # type: ignore[attr-defined]
            closing=_escape_raw_html(str(data.get("closing") or ""), undo=True),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not an issue record: {exc!r}") from None


def _read_url(url: object) -> str:
    """An article's "url" in issue-N.json as it is published: an address naming a user (as an
    older curator wrote one) without the user name and password (walk187 #1)."""
    text = str(url or "")
    return without_user(text) or text


#: An issue's record in the output folder (issue-N.json); group 1: its number.
ISSUE_JSON = re.compile(r"^issue-(\d{1,9})\.json$")


def issue_numbers(out_dir: Path) -> list[int]:
    """The numbers of the issue-N.json files of `out_dir`, by their names only (none read),
    lowest first; none when the folder is not there or cannot be listed."""
    try:
        return sorted(
            int(found.group(1))
            for path in out_dir.iterdir()
            if (found := ISSUE_JSON.match(path.name))
        )
    except OSError:
        return []


def published_issues(
    out_dir: Path, relinked: list[JsonLink] | None = None
) -> tuple[dict[int, Issue], tuple[str, ...]]:
    """Every issue published in `out_dir`, read back from its issue-N.json, by number; and a
    warning per record that could not be read (left out, never fatal). Each link read without
    the user name its file gives it (`oldlinks.json_links`) is added to `relinked`, for the
    caller to say."""
    issues: dict[int, Issue] = {}
    warnings: list[str] = []
    if not out_dir.is_dir():
        return {}, ()
    for path in sorted(out_dir.iterdir()):
        named = ISSUE_JSON.match(path.name)
        if not named:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            # (walk109 #1: a mistake in it is named, never published wrong nor dropped)
            mistakes = issue_mistakes(data, int(named.group(1)))
            if mistakes:
                raise ValueError("; ".join(mistakes))
            issue = issue_from_data(data)
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            warnings.append(f"{path}: left out of the archive: {exc}")
            continue
        issues[issue.number] = issue
        if relinked is not None:
            relinked += json_links(data, issue.number, path)
    return issues, tuple(warnings)

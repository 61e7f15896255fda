"""Whether the output folder's files are this newsletter's to replace: a build or render stops
before it writes over an index.html, feed.xml or latest.html that curator did not write, and
before it takes another newsletter's published issues for this one's.

Why: walk179 #2, `curator build --out ../blog` into a blog's folder replaced the blog's own home
page (index.html) with the archive page and its RSS feed.xml with curator's Atom feed: exit 0, no
copy kept, no word. An issue's own files (issue-N.*) are guarded apart: a build stops before it
replaces an issue the store does not record (`publishissue.stop_for_unrecorded_issue`).

And walk179 #3: a second newsletter whose `output:` named the first one's folder was stopped with
"no store ..., but the folder holds issues 1-3 published ... start a new store from the published
issues, `curator render --record`", which recorded the other newsletter's issues in its store
and retitled that newsletter's archive and feed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from curator.config import INIT_PLACEHOLDERS, Config
from curator.editions import OUTPUTS
from curator.errors import CuratorError
from curator.issuedata import published_issues
from curator.newslettername import same_name, title_words
from curator.outputs import feed_title
from curator.render import environment

#: The archive's files: (the `settings: outputs` name that writes it, its template, what it is).
ARCHIVE_FILES: dict[str, tuple[str, str, str]] = {
    "index.html": ("index", "index.html", "archive page"),
    "feed.xml": ("feed", "feed.xml", "feed of issues"),
    "latest.html": ("html", "issue.html", "newest issue's page"),
}

#: The mark curator's templates write in each (`<meta name="generator" content="curator">`,
#: the Atom feed's `<generator>curator</generator>`), in any order of attributes and case.
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_META_MARK = re.compile(r"\bname\s*=\s*[\"']?generator\b.*\bcontent\s*=\s*[\"']?curator\b")
_FEED_MARK = re.compile(r"<generator\b[^>]*>\s*curator\s*</generator>", re.IGNORECASE)
#: An issue's file: a folder that holds one has had curator's archive written beside it.
_ISSUE_FILE = re.compile(r"^issue-\d{1,9}\.")


class NotCuratorsFile(CuratorError):
    """An archive file in the output folder that curator did not write (exit 1): nothing written."""


def _marked(name: str, text: str) -> bool:
    """Whether `text`, the content of the archive file `name`, carries curator's mark."""
    if name == "feed.xml":
        return _FEED_MARK.search(text) is not None
    return any(_META_MARK.search(m.group(0).lower()) for m in _META.finditer(text))


def carries_mark(name: str, text: str) -> bool:
    """Whether `text`, the content of the archive file `name`, is curator's (its mark)."""
    return _marked(name, text)


def _template_marks(env: jinja2.Environment, template: str, name: str) -> bool:
    """Whether the template the editor's folder (or curator) gives for `name` writes the mark; an
    editor's copy that dropped it writes files curator knows only by where they are."""
    try:
        source = env.loader.get_source(env, template)[0] if env.loader is not None else ""
    except jinja2.TemplateNotFound:
        return False
    return _marked(name, source)


def _holds_issues(out_dir: Path) -> bool:
    """Whether `out_dir` holds a file of a published issue (issue-N.json, issue-N.html...)."""
    try:
        return any(_ISSUE_FILE.match(p.name) for p in out_dir.iterdir())
    except OSError:
        return False


def not_curators(
    out_dir: Path,
    env: jinja2.Environment,
    formats: Collection[str],
    rendered: Mapping[str, str | bytes] | None = None,
) -> list[str]:
    """The archive files (by name) that would be written into `out_dir` for `formats` and that
    curator did not write: there, a regular file, not carrying curator's mark, and not the very
    text about to be written (`rendered`). A file the editor's own template wrote without the
    mark is taken for curator's when the folder holds published issues beside it."""
    found = []
    issues: bool | None = None
    for name, (output, template, _) in ARCHIVE_FILES.items():
        if output not in formats or (rendered is not None and name not in rendered):
            continue
        path = out_dir / name
        try:
            if not path.is_file():
                continue
            data = path.read_bytes()
        except OSError:  # (unreadable: writing it says so, with what to do)
            continue
        text = data.decode("utf-8", errors="replace")
        if _marked(name, text):
            continue
        if rendered is not None:
            new = rendered[name]
            if data == (new.encode("utf-8") if isinstance(new, str) else new):
                continue
        if not _template_marks(env, template, name):
            if issues is None:
                issues = _holds_issues(out_dir)
            if issues:
                continue
        found.append(name)
    return found


def stop_for_files_not_curators(
    out_dir: Path,
    env: jinja2.Environment,
    formats: Collection[str],
    rendered: Mapping[str, str | bytes] | None = None,
    *,
    nothing: str = "Nothing was published",
) -> None:
    """Stop before anything is written when `out_dir` holds an archive file curator did not
    write (`not_curators`), naming each and the ways on: another folder, leaving that edition
    out of `settings: outputs`, or moving the file away for curator to write its own."""
    found = not_curators(out_dir, env, formats, rendered)
    if not found:
        return
    files = " and ".join(str(out_dir / n) for n in found)
    writes = " and ".join(f"the newsletter's {ARCHIVE_FILES[n][2]} ({n})" for n in found)
    one = len(found) == 1
    ways = [
        "publish into a folder of its own (--out, or settings: output in feeds.yaml, such as"
        f" {out_dir / 'newsletter'})"
    ]
    optional = [ARCHIVE_FILES[n][0] for n in found if ARCHIVE_FILES[n][0] != "html"]
    if optional:
        left = [f for f in formats if f not in optional]
        ways.append(
            f"to keep {'it' if one else 'them'} and publish beside {'it' if one else 'them'},"
            f" leave {' and '.join(optional)} out of settings: outputs in feeds.yaml"
            f" (outputs: [{', '.join(left)}]), and curator writes no"
            f" {' nor '.join(n for n in found if ARCHIVE_FILES[n][0] != 'html')}"
        )
    ways.append(
        f"to have curator write its own in {'its' if one else 'their'} place, move"
        f" {'it' if one else 'them'} out of {out_dir} first"
    )
    raise NotCuratorsFile(
        f"{files}: curator did not write {'this file' if one else 'these files'} (no <meta"
        ' name="generator" content="curator"> in an HTML page, no <generator>curator</generator>'
        f" in a feed: a site's own home page or feed?), and this run would replace"
        f" {'it' if one else 'them'} with {writes}. {nothing}. To go on:"
        f" {'; or '.join(ways)}"
    )


def stop_early_for_files_not_curators(
    config: Config,
    out_dir: Path,
    templates: Path | None = None,
    *,
    nothing: str = "Nothing was fetched or published",
) -> None:
    """`stop_for_files_not_curators` before a build reads a feed or a page (or `render --record`
    records an issue): the templates it would write with, not yet the files."""
    env = environment(templates or config.settings.templates, language=config.language)
    formats = config.settings.outputs or OUTPUTS
    stop_for_files_not_curators(out_dir, env, formats, nothing=nothing)


def issues_named(numbers: Sequence[int]) -> str:
    """`issues 1-3`, `issue 2`, `issues 1, 4` (`numbers` sorted)."""
    n = numbers
    if len(n) > 1 and list(n) == list(range(n[0], n[-1] + 1)):
        return f"issues {n[0]}-{n[-1]}"
    return ("issue " if len(n) == 1 else "issues ") + ", ".join(map(str, n))


@dataclass(frozen=True)
class OtherNewsletter:
    """The issues in an output folder published under another newsletter's title."""

    #: The newsletter's title as the folder gives it (its feed.xml, else its newest issue).
    title: str
    numbers: tuple[int, ...]

    @property
    def they_are(self) -> str:
        return "it is" if len(self.numbers) == 1 else "they are"

    @property
    def it(self) -> str:
        return "it" if len(self.numbers) == 1 else "them"

    @property
    def them(self) -> str:
        return issues_named(self.numbers)


def other_newsletters_issues(
    out_dir: Path, title: str, known: Iterable[str] = ()
) -> OtherNewsletter | None:
    """The issues `out_dir` published when they are another newsletter's than the one titled
    `title` (feeds.yaml's): the folder's newsletter title (its feed.xml's, when one of its issues
    has it, else its newest issue's) is not `title` nor one of `known` (the titles the store
    kept for this newsletter: a rename), and no issue there was published under `title`. None
    when they may be this newsletter's, or the folder holds none (or only `curator init`'s
    placeholder title, or feeds.yaml has it: nothing to tell apart)."""
    placeholder = title_words(INIT_PLACEHOLDERS["title"])
    if title_words(title) == placeholder:
        return None
    issues, _ = published_issues(out_dir)
    if not issues:
        return None
    titles = {title_words(i.title) for i in issues.values()}
    try:
        was = feed_title((out_dir / "feed.xml").read_bytes())
    except OSError:
        was = None
    if was is None or title_words(was) not in titles:
        was = issues[max(issues)].title
    if title_words(was) == placeholder or any(same_name(t, title) for t in titles):
        return None
    if same_name(was, title) or any(same_name(was, k) for k in known):
        return None
    return OtherNewsletter(" ".join(was.split()), tuple(sorted(issues)))


def other_newsletter_said(
    other: OtherNewsletter, config: Config, out_dir: Path, lead: str, nothing: str
) -> str:
    """The stop of a command whose output folder holds another newsletter's issues (`other`):
    whose they are, that the store is not what is missing, and the ways on; `lead`: what the
    command found first (the store missing or empty)."""
    return (
        f'{lead}, and {out_dir} holds {other.them} of "{other.title}", not of "{config.title}"'
        f" ({config.path}): {other.they_are} another newsletter's, and settings: output in"
        f" feeds.yaml (or --out) names that newsletter's folder.{f' {nothing}.' if nothing else ''}"
        " To go on: give"
        f' "{config.title}" a folder of its own (settings: output in feeds.yaml, or --out), then'
        f" run again; if {other.they_are} this newsletter's own, published before you renamed it"
        f' from "{other.title}" in feeds.yaml, and its store is lost, record {other.it} in a new'
        " store from the folder's issue-N.json files: `curator render --record --renamed`"
    )


def stop_for_other_newsletters_issues(
    config: Config, out_dir: Path, known: Iterable[str], store_path: Path
) -> None:
    """Stop `render --record` before it records another newsletter's issues (`--renamed` says
    they are this newsletter's, published under its former title)."""
    other = other_newsletters_issues(out_dir, config.title, known)
    if other is None:
        return
    raise CuratorError(
        f'{out_dir} holds {other.them} of "{other.title}", not of "{config.title}"'
        f" ({config.path}): {other.they_are} another newsletter's, and recording"
        f" {other.it} in the store {store_path} would make {other.it} this newsletter's (its next issue numbered"
        f' after {other.it}, its archive page and feed titled "{config.title}"). Nothing was recorded or'
        f' rendered. To go on: give "{config.title}" a folder of its own (settings: output in'
        f" feeds.yaml, or --out); if {other.they_are} this newsletter's own, published before"
        f' you renamed it from "{other.title}" in feeds.yaml, say so: `curator render --record'
        " --renamed`"
    )

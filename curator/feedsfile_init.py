"""`curator init`: a new newsletter folder with a commented feeds.yaml, copies of the built-in
templates and a .gitignore."""

from __future__ import annotations

import shutil
from pathlib import Path

from curator.deps import reinstall_advice
from curator.feedsfile import FeedsFileWriteError
from curator.publish import write_atomic
from curator.templatecheck import builtin_templates

#: Files under the package's templates folder that `init_newsletter` copies for the editor.
TEMPLATE_SUFFIXES = (".html", ".txt", ".md", ".xml", ".css")

#: Lines `init_newsletter` puts in .gitignore: the store (machine state) and generated issues.
GITIGNORE_LINES = (".curator/", "output/")

#: What a new .gitignore says of them: why the store is not committed, and what a job building
#: from a fresh checkout needs (walk175 #6: a CI job from a clone published issue 1 every run).
GITIGNORE_HEADER = """\
# curator: the article store (.curator/) and the generated issues (output/) are not committed:
# the store is a SQLite file that every run changes (git cannot merge it). A job that builds from
# a fresh checkout (CI) must put both back before it runs (from a cache, or a `curator backup`
# copy) and save them after: without its store, curator starts a new one and numbers the next
# issue 1 again (it says so: "a new store is made at ...").
"""

#: The feeds.yaml a new newsletter starts from; every key is explained where it is set.
FEEDS_TEMPLATE = """\
# feeds.yaml: what this newsletter is, the subjects an issue is organised by, the feeds it reads.
# curator keeps your comments and layout when it edits this file (curator feeds add/remove/import).

newsletter:
  title: My Newsletter            # the heading of every issue, e.g. "Customer Experience Weekly"
  editor: Your Name
  # The note that opens every issue (or keep it in a file: introduction_file: intro.md); {number},
  # {title}, {date} and {theme} become the issue's own (mid-sentence, a theme's leading "The"
  # is written "the").
  introduction: |
    Welcome to issue {number} of {title}.
  issue_size: 4                   # at most this many articles per subject
  # site_url: https://example.com/newsletter/
  # The language the issues are written in (fr, de, es, zh-CN...): every page says it (lang=), and
  # the words curator adds ("Issue 4", "edited by", the date) come from templates/_words.txt,
  # which you translate. Without it the newsletter is published as English.
  # language: en

# Subjects are the sections of an issue: each article goes under the subject it fits best, judged
# by the description and keywords. Add as many as you like.
subjects:
  - name: The basics of customer experience
    description: What customer experience is, how it differs from customer service, why it matters.
    keywords: [customer experience, customer service, customer journey, CSAT, NPS]

# The feeds to read. Add one with `curator feeds add URL` (a feed, or a site's page and curator
# finds its feed), or bring your feed reader's list with `curator feeds import FILE.opml`.
feeds: []

settings:
  output: output                  # where issues are written
  store: .curator/curator.db      # every article ever seen: the newsletter's memory, keep it
  templates: templates            # your copies of the templates: edit them to change the look
  # Article pages are read only at public addresses; true also reads them at private and local
  # ones (an intranet, a test server). Feeds you list are read wherever they are.
  # allow_private_addresses: false
  # Each new article's page is read for its byline, text and blurb; false uses what the feeds
  # say (a feed can say it for itself: `fetch_pages: false` under its url).
  # fetch_pages: true
  # A newsletter moved from another tool carries on its numbering: the number of the first
  # issue curator publishes (read only until an issue is published).
  # first_issue: 1
"""


# -- a new newsletter ----------------------------------------------------------------------------


def init_newsletter(directory: Path, templates_from: Path | None = None) -> list[Path]:
    """Start a newsletter folder: a commented feeds.yaml with a sample subject, a templates/ folder
    holding copies of the built-in templates to customise, and a .gitignore for the store and the
    output. Returns the files written. Refuses (`FeedsFileError`) if feeds.yaml already exists;
    existing template files and .gitignore lines are kept. `templates_from` overrides where the
    built-in templates are read (default: the renderer's own, `templatecheck.builtin_templates()`).
    """
    directory = Path(directory)
    config = directory / "feeds.yaml"
    if config.exists():
        raise FeedsFileWriteError(f"{config}: already exists; not overwritten")
    source = templates_from if templates_from is not None else builtin_templates()
    if not source.is_dir():
        raise FeedsFileWriteError(
            f"{source}: no templates to copy (curator's installation is incomplete); "
            + reinstall_advice()
        )
    written: list[Path] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(config, FEEDS_TEMPLATE)
        written.append(config)
        templates = directory / "templates"
        templates.mkdir(exist_ok=True)
        for file in sorted(source.rglob("*")):
            if not file.is_file() or file.suffix.lower() not in TEMPLATE_SUFFIXES:
                continue
            target = templates / file.relative_to(source)
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
            written.append(target)
        ignore = directory / ".gitignore"
        current = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
        missing = [line for line in GITIGNORE_LINES if line not in current.splitlines()]
        if missing:
            prefix = "" if not current or current.endswith("\n") else "\n"
            header = "" if current else GITIGNORE_HEADER
            write_atomic(ignore, current + prefix + header + "\n".join(missing) + "\n")
            written.append(ignore)
    except OSError as exc:
        raise FeedsFileWriteError(f"{directory}: cannot set up the newsletter ({exc})") from None
    return written

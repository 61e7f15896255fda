"""What `build --draft` checks of a draft's articles and headings against what curator stored.

Pure: the draft, the issue `draft.draft_to_issue` made of it, the draft's text and the stored
articles a caller looked up go in; mistakes (which stop the build) and warnings come out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from curator.draft import Draft, DraftEntry, DraftError
from curator.models import Article, Issue
from curator.oldlinks import without_user
from curator.urls import clean_url, is_tracking

#: How alike two titles may be and still be "quite different" (difflib's ratio, 0..1): under it,
#: the url's article is not the one the heading names. "First Response Time Is Not the Whole
#: Story" and "The Office Coffee Machine Has Opinions" score 0.3; a title the editor reworded
#: ("... Is Not the Whole Story (2026)") or a copy's ("... | Support Desk Review") over 0.7.
_ALIKE = 0.6


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _words(title: str) -> set[str]:
    """A title's words, letter case aside."""
    return set(re.findall(r"\w+", title.casefold()))


def _short(text: str, most: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 3] + "..."


def url_lines(text: str, entries: Sequence[DraftEntry]) -> dict[int, int]:
    """Each entry's (by its heading's line) `url:` line in the draft's `text`: the first line
    under its heading that starts with "url:"; the heading's own line for one added by its
    address alone (`## https://...`), or when none is found."""
    lines = text.splitlines()
    found: dict[int, int] = {}
    for entry in entries:
        found[entry.line] = entry.line
        if entry.url_only:
            continue
        for n in range(entry.line, min(len(lines), entry.line + 40)):
            line = lines[n].strip()
            if line.startswith("#"):
                break
            if line.lower().startswith("url:"):
                found[entry.line] = n + 1
                break
    return found


def _articles(issue: Issue) -> list[Article]:
    return [scored.article for section in issue.sections for scored in section.entries]


def titles_to_look_up(draft: Draft) -> list[str]:
    """The titles of the draft's headings, for the caller to find stored articles by."""
    return [entry.title for entry in draft.entries if not entry.url_only and entry.title.strip()]


def swapped_addresses(
    draft: Draft,
    stored: Sequence[Article],
    path: Path | str,
    titled: Sequence[Article],
    lines: Mapping[int, int],
) -> list[DraftError]:
    """A mistake per block whose heading is the title of another stored article than the one
    its `url:` line leads to, unless that one is a copy of it: its stored title alike and holding
    every word of the heading ("... | Support Desk Review"). walk142 #2: the url of "First
    Response Time Is Not the Whole Story" was changed to a stored article's not in the draft, and
    the coffee article was published under the first one's title and credit, and recorded as
    featured; walk204 #1: titles of one field share words ("Seven Building Blocks of a Customer
    Experience Architecture", "Five Definitions of Customer Experience, ...") and were taken as
    alike enough to be one article. Publishing a link under another article's title is worse
    than a stopped build: a replacement meant on purpose takes its own title. `stored`: the
    stored article each entry's address leads to, in the draft's order (as stored:
    `draft_to_issue` gives it the heading's title); `titled`: the stored articles whose title
    one of the draft's headings gives (`titles_to_look_up`); `lines`: `url_lines`."""
    by_title: dict[str, list[Article]] = {}
    for article in titled:
        by_title.setdefault(_key(article.title), []).append(article)
    mistakes = []
    for entry, article in zip(draft.entries, stored, strict=True):
        if entry.url_only:
            continue
        wrote = _key(entry.title)
        its = _key(article.title)
        if wrote == its:
            continue
        others = [a for a in by_title.get(wrote, ()) if a.id != article.id]
        if not others:
            continue
        if difflib.SequenceMatcher(None, wrote, its).ratio() >= _ALIKE and not _words(
            wrote
        ) - _words(its):
            continue  # a copy of the heading's article ("... | Support Desk Review")
        other = others[0]
        line = lines.get(entry.line, entry.line)
        credit = ""
        if other.authors and {_key(a) for a in entry.authors} & {_key(a) for a in other.authors}:
            credit = f" (its credit, {', '.join(other.authors)}, is that article's too)"
        mistakes.append(
            DraftError(
                path,
                line,
                f'the url is that of "{_short(article.title)}", not of this title:'
                f' "{_short(entry.title)}" (the heading at line {entry.line}) is the stored'
                f" article at {other.url}{credit}; check line {line}: put that article's"
                f' address back, or, to publish "{_short(article.title)}" here, write its own'
                f" title (and credit) under the heading at line {entry.line}",
            )
        )
    return mistakes


def _address_changes(written: str, stored: str) -> tuple[list[str], str]:
    """How the `stored` address of an article differs from the draft's `written` one of it, in
    words, and the #fragment the draft wrote ("" for none)."""
    w, s = urlsplit(written), urlsplit(stored)
    said: list[str] = []
    fragment = w.fragment if w.fragment and w.fragment != s.fragment else ""
    if fragment:
        said.append(f"without #{fragment}")
    if w.scheme.lower() != s.scheme.lower():
        said.append(f"{s.scheme}:// in place of {w.scheme}://")
    if w.netloc != s.netloc:
        if w.netloc.lower() == s.netloc.lower():
            said.append("its host in small letters")
        else:
            said.append(f"the host {s.netloc} in place of {w.netloc}")
    stored_params = parse_qsl(s.query, keep_blank_values=True)
    tracking = [
        name
        for name, value in parse_qsl(w.query, keep_blank_values=True)
        if is_tracking(name) and (name, value) not in stored_params
    ]
    if tracking:
        said.append(
            f"without the tracking parameter{'s' * (len(tracking) > 1)} {', '.join(tracking)}"
            " (curator leaves tracking parameters out of every link)"
        )
    if w.path != s.path:
        if w.path.rstrip("/") == s.path.rstrip("/"):
            said.append(
                "without the trailing slash" if w.path.endswith("/") else "with a trailing slash"
            )
        elif w.path.lower() == s.path.lower():
            said.append("its path's letter case as stored")
    if not said:
        said.append("written as curator stored it (it knows the one in the draft as its alias)")
    return said, fragment


def changed_addresses(
    draft: Draft, issue: Issue, path: Path | str, lines: Mapping[int, int]
) -> list[str]:
    """A warning per article whose address in the draft is not the one published: the address
    curator stored for the article its `url:` line leads to (walk142 #6: a `#section`,
    `?utm_source=x`, `http://`, a trailing slash or a capital letter added to a url: line was
    published as the stored address, without a word, though the build publishes what the draft
    says). An article added by its address alone and published at another page's address is
    `draft.moved_addresses`' to say. `lines`: `url_lines`; `issue` is `draft_to_issue`'s."""
    warnings = []
    for entry, article in zip(draft.entries, _articles(issue), strict=True):
        written = entry.url.strip()
        if written in (article.url, without_user(article.url)):
            continue  # (fixie #6: an older curator's address with a user name, published without)
        if entry.url_only and clean_url(written) != clean_url(article.url):
            continue
        said, fragment = _address_changes(written, article.url)
        line = lines.get(entry.line, entry.line)
        advice = (
            "; an article's link is its page's own address: to send readers to a part of the"
            f" page, link it in the blurb ([text]({article.url}#{fragment}))"
            if fragment
            else ""
        )
        warnings.append(
            f"{path}:{line}: the url {written} is published as {article.url}, the address"
            f" curator stored for the article it leads to ({'; '.join(said)}){advice}"
        )
    return warnings


def renamed_headings(draft: Draft, path: Path | str, text: str) -> list[str]:
    """A warning per `# Subject` heading the draft writes otherwise than feeds.yaml names the
    subject (letter case, spaces): it is matched to the subject, and published as feeds.yaml
    names it (walk142 #12: "# Voice of the Customer" was published "Voice of the customer",
    without a word)."""
    lines = text.splitlines()
    warnings = []
    for section in draft.sections:
        if not 0 < section.line <= len(lines):
            continue
        heading = lines[section.line - 1].strip()
        if not heading.startswith("# "):
            continue
        written = " ".join(heading[2:].split())
        if written == section.subject or _key(written) != _key(section.subject):
            continue
        warnings.append(
            f'{path}:{section.line}: the heading "# {written}" is published as "{section.subject}",'
            " as feeds.yaml names the subject (a heading names its subject letter case and spaces"
            f' aside); to publish "{written}", write the subject\'s name so under subjects: in'
            " feeds.yaml"
        )
    return warnings


#: How alike a paragraph of a blurb and another article's stored blurb must be (difflib's ratio
#: of their words, 0..1) to be that blurb left behind: a word or two retyped still counts; a
#: paragraph the editor wrote on the same subject scores far under it.
_SAME_BLURB = 0.9
#: A comment in a blurb as written (a curator note left between two blurbs).
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _plain(text: str) -> str:
    """`text` as words to compare: comments, Markdown's backslash escapes and spacing aside."""
    return " ".join(re.sub(r"\\(.)", r"\1", _COMMENT.sub(" ", text)).split()).casefold()


def _paragraphs(source: str, first_line: int) -> list[tuple[int, str]]:
    """The paragraphs of a blurb as written (`first_line`: its first line's), each with its line."""
    found: list[tuple[int, str]] = []
    start, lines = 0, list[str]()
    for n, line in enumerate(_COMMENT.sub(lambda m: "\n" * m[0].count("\n"), source).split("\n")):
        if line.strip():
            if not lines:
                start = n
            lines.append(line)
        elif lines:
            found.append((first_line + start, " ".join(lines)))
            lines = []
    if lines:
        found.append((first_line + start, " ".join(lines)))
    return found


def _is_blurb_of(paragraph: str, other: Article) -> bool:
    plain = _plain(paragraph)
    blurb = _plain(other.blurb)
    first = _plain(re.split(r"\n\s*\n", other.blurb.strip())[0]) if other.blurb.strip() else ""
    if len(plain) < 40 or not blurb:  # (a short line alike by chance is no blurb)
        return False
    for theirs in {blurb, first}:
        if plain == theirs or (
            difflib.SequenceMatcher(None, plain.split(), theirs.split()).ratio() >= _SAME_BLURB
        ):
            return True
    return False


def merged_blurbs(
    draft: Draft, issue: Issue, written: Sequence[Article], path: Path | str
) -> list[DraftError]:
    """A mistake per paragraph of an article's blurb (after its first) that is another article's
    stored blurb, one `curator draft` wrote into the draft (`written`) or one the issue features:
    its `## Title`, url:, author: and publication: lines were deleted, and the blurb left under
    them was read as a second paragraph of the article above (walk174 #2: published so, the cut
    article's blurb under another's title). A paragraph the editor wrote is no stored blurb.
    Blurbs swapped between two articles of the draft are mistakes too (`swapped_blurbs`)."""
    mistakes = swapped_blurbs(draft, issue, written, path)
    featured = _articles(issue)
    # (a featured article's blurb is the draft's, merged paragraph and all: its stored one, in
    # `written`, replaces it)
    others = {a.id: a for a in (*featured, *written) if a.id is not None and a.blurb.strip()}
    lines = {a.id: e.line for e, a in zip(draft.entries, featured, strict=True)}
    for entry, article in zip(draft.entries, featured, strict=True):
        own = _plain(others[article.id].blurb) if article.id in others else ""
        for line, paragraph in _paragraphs(entry.blurb_source, entry.blurb_line)[1:]:
            if own and _plain(paragraph) in own:  # (its own blurb's second paragraph)
                continue
            other = next(
                (o for i, o in others.items() if i != article.id and _is_blurb_of(paragraph, o)),
                None,
            )
            if other is None:
                continue
            where = (
                f", the article at line {lines[other.id]}"
                if other.id in lines
                else ", an article the draft had and no longer has a heading for"
            )
            mistakes.append(
                DraftError(
                    path,
                    line,
                    f'this paragraph of the blurb of "{_short(article.title)}" (line'
                    f' {entry.line}) is the blurb of "{_short(other.title)}" ({other.url}){where}:'
                    " its '## Title', url:, author: and publication: lines were deleted above it,"
                    " most likely. To cut that article, delete this paragraph too; to keep it, put"
                    f" its lines back above the paragraph: ## {other.title} / url: {other.url}",
                )
            )
    return mistakes


def swapped_blurbs(
    draft: Draft, issue: Issue, written: Sequence[Article], path: Path | str
) -> list[DraftError]:
    """A mistake per article whose blurb (its first paragraph) is (nearly) word for word another
    article's blurb as `curator draft` wrote it (`written`), while its own blurb as written is
    elsewhere in the draft, under another article: the blurbs were swapped, most likely cut and
    pasted while reordering (walk177 N4: published so, each article under the other's words,
    without a word). A blurb the editor wrote is no stored blurb, and is never flagged; neither
    is another article's blurb used where this one's own is gone (that may be meant)."""
    stored = {a.id: a for a in written if a.id is not None and a.blurb.strip()}
    featured = _articles(issue)
    lines = {a.id: e.line for e, a in zip(draft.entries, featured, strict=True)}
    paragraphs = [_paragraphs(e.blurb_source, e.blurb_line) for e in draft.entries]
    mistakes: list[DraftError] = []
    said: set[frozenset[int]] = set()
    for n, (entry, article) in enumerate(zip(draft.entries, featured, strict=True)):
        own = stored.get(article.id) if article.id is not None else None
        if own is None or not paragraphs[n]:
            continue
        first_line, first = paragraphs[n][0]
        if _is_blurb_of(first, own):
            continue
        other = next(
            (o for i, o in stored.items() if i != article.id and _is_blurb_of(first, o)), None
        )
        if other is None or other.id is None:
            continue
        moved = next(
            (
                (m, line)
                for m, found in enumerate(paragraphs)
                if m != n
                for line, paragraph in found
                if _is_blurb_of(paragraph, own)
            ),
            None,
        )
        if moved is None or frozenset((article.id, other.id)) in said:  # (one pair, said once)
            continue
        said.add(frozenset((article.id, other.id)))
        m, line = moved
        holder = draft.entries[m]
        where = (
            f"line {lines[other.id]}"
            if other.id in lines
            else "an article the draft no longer has a heading for"
        )
        fix = (
            ": the blurbs were swapped, most likely while cutting and pasting articles into another"
            " order; nothing was published. Move each blurb back under its own article's"
            " '## Title' and url: lines (or write these articles' blurbs in your own words)"
        )
        if featured[m].id == other.id:
            said_what = (
                f'the blurb under "{_short(article.title)}" (line {entry.line}) and the blurb at'
                f' line {line}, under "{_short(other.title)}" (line {holder.line}), are each'
                " other's, as curator wrote them"
            )
        else:
            said_what = (
                f'the blurb under "{_short(article.title)}" (line {entry.line}) is the blurb'
                f' curator wrote for "{_short(other.title)}" ({where}), and the blurb curator'
                f' wrote for "{_short(article.title)}" is at line {line}, under'
                f' "{_short(featured[m].title)}" (line {holder.line})'
            )
        mistakes.append(DraftError(path, first_line, said_what + fix))
    return mistakes


def headless_sections(
    draft: Draft, issue: Issue, drafted: Mapping[str, Sequence[int]], path: Path | str
) -> tuple[list[str], set[int]]:
    """A warning per section of curator's draft (`drafted`: `Store.draft_sections`, in the
    draft's order) whose `# Subject` heading line is gone while all its articles are under the
    section above it, as deleting the heading line merges them there (walk177 N5: the build then
    advised `curator subjects move` for each, which would teach curator the wrong subject); and
    those articles' ids, for which no such advice is given."""
    shown = {s.subject.casefold(): s for s in issue.sections}
    lines = {a.id: e.line for e, a in zip(draft.entries, _articles(issue), strict=True)}
    warnings: list[str] = []
    merged: set[int] = set()
    section = None  # (the section above: the last of curator's draft still in the draft)
    for subject, ids in drafted.items():
        if subject.casefold() in shown:
            section = shown[subject.casefold()]
            continue
        if not ids or section is None:
            continue
        under = {e.article.id for e in section.entries}
        if not all(i in under for i in ids):
            continue
        merged.update(ids)
        first = min(lines[i] for i in ids if i in lines)
        warnings.append(
            f"{path}:{first}: the heading '# {subject}' is not in the draft: its {len(ids)}"
            f" article(s) are under '{section.subject}', and were published there (no"
            " `curator subjects move` is needed for them); if that was not meant, put the heading"
            f' back (above line {first}), take the issue back as README\'s "Take an issue back"'
            " says, and build the draft again"
        )
    return warnings, merged


def dropped_editor(
    draft: Draft, path: Path | str, text: str, editor: str | None, *, told_before: bool = False
) -> list[str]:
    """A warning when the draft's `editor:` is empty or gone while feeds.yaml names the editor
    (`editor`): the issue is published without "edited by ..." (walk204 #6: unsaid).

    Not with `told_before`: the issue before this one was published without them too, and its
    build said so (of the same editor). A newsletter that leaves `editor:` empty on purpose heard
    it once; a slip after an issue that credited them is still said (fixmb #4: it was said on
    every build of such a newsletter)."""
    if draft.editor or not (editor or "").strip() or told_before:
        return []
    lines = text.splitlines()
    at = next((n for n, line in enumerate(lines[:60], 1) if line.startswith("editor:")), 0)
    where = f"{path}:{at}: `editor:` is empty" if at else f"{path}: the draft has no `editor:` line"
    return [
        f'{where}, so the issue is published without "edited by {editor}" (feeds.yaml\'s editor);'
        f" to credit them, write `editor: {editor}` in the draft's front matter (said once:"
        " the next issue that leaves it empty too is not told again)"
    ]

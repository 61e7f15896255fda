"""A read draft to the Issue it publishes (`draft_to_issue`: the editor's words over the stored
ones, corrections marked), and what a build refuses or warns of in it: articles featured before
or excluded since, the same story twice, an article twice, blurbs missing, credits dropped,
headings with no articles or written twice, addresses moved."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from curator.creditsites import without_publication
from curator.draftfront import feature_again_line
from curator.draftmodel import Draft, DraftEntry, DraftError
from curator.draftpublication import publication_followed
from curator.draftsyntax import one_line as _one_line
from curator.draftsyntax import shortened as _shortened
from curator.errors import InputError, shell_arg
from curator.markdowntext import blurb_markdown
from curator.models import (
    FEATURED_BEFORE_CURATOR,
    Article,
    Issue,
    Scored,
    Section,
    which_published,
)
from curator.stories import fingerprint, same_story_reason
from curator.urls import clean_url, url_key


def empty_sections(draft: Draft, path: Path | str) -> list[str]:
    """A warning per `# Subject` heading of the draft with no article under it: it is left out of
    the issue (walk38 #8: silently). One above every subject's section, right after the
    introduction, may be meant as a heading of it: the warning says how that is written (walk146
    #6: `# A heading in the intro` was told only to get an article or be deleted)."""
    first = min((s.line for s in draft.sections if s.line), default=0)
    return [
        f"{path}:{line}: '# {_shortened(name)}' has no articles under it, so it is left out of the"
        " issue (an article inside a <!-- comment --> is not published): add one under it"
        " ('## Title' with its url: line, or '## https://...'), or delete the heading"
        + (
            f"; if it is a heading inside the introduction, write '### {_shortened(name)}'"
            " ('# ' ends the introduction and starts a subject)"
            if not first or line < first
            else ""
        )
        for name, line in draft.empty_sections
    ]


def merged_sections(draft: Draft, path: Path | str) -> list[str]:
    """A warning per `# Subject` heading written a second time: its articles are published in
    the one section of that subject, after those under its first heading."""
    return [
        f"{path}:{line}: '# {_shortened(name)}' is a heading already, at line {first}: the"
        " articles under this one are published in that one section, after the articles under"
        " it; to place them elsewhere in it, move them up under that heading and delete this line"
        for name, line, first in draft.merged_sections
    ]


def moved_addresses(draft: Draft, issue: Issue, path: Path | str) -> list[str]:
    """A warning per article added by its address alone that is published at another address: the
    one its page gives as its own (`<link rel="canonical">`), on another site, say, or its address
    redirects to (walk90 #1) (walk38 #9: a
    127.0.0.1 address was published as arstechnica.com's, with no note). `issue` is
    `draft_to_issue`'s, every entry found."""
    articles = [scored.article for section in issue.sections for scored in section.entries]
    return [
        f"{path}:{entry.line}: {entry.url} is published at {article.url}, the address its page"
        ' gives as its own (<link rel="canonical">) or its address redirects to, which readers'
        " follow: if that is not the"
        " article you meant, remove the heading or give another address"
        for entry, article in zip(draft.entries, articles, strict=True)
        if entry.url_only and clean_url(entry.url) != clean_url(article.url)
    ]


def same_story_twice(
    draft: Draft,
    articles: Sequence[Article],
    path: Path | str,
    *,
    compared: Collection[int] = (),
    boilerplate: frozenset[int] = frozenset(),
) -> tuple[list[DraftError], frozenset[str]]:
    """A mistake per featured article that tells the same story as one above it in the draft
    (`stories.same_story_reason`, the comparison that refuses a copy of a story an earlier issue
    published), by the line of its heading, unless `feature_again:` lists either (two different
    stories that read alike), and the addresses of the articles so compared (for that
    `feature_again:` to allow them). `articles`: the draft's, as stored, in its order. Left as
    they are: pairs `curator draft` wrote both of (`compared`: its featured articles and its
    note's copies, by id), for it compared them (a copy moved out of its note is featured on
    purpose). Walk169 #8: a syndicated copy and its original, both added by address, were
    published side by side, only their titles said alike; walk172 #2: one of them read for the
    first time by this build was published too, with a warning whose advice (delete a heading
    of the draft) came after the issue was out, so such a pair stops the build as well."""
    allowed = {clean_url(u) for u in draft.feature_again}
    pairs = list(zip(draft.entries, articles, strict=True))
    prints = [fingerprint(article, boilerplate) for _, article in pairs]
    mistakes: list[DraftError] = []
    twins: set[str] = set()
    for n, (entry, article) in enumerate(pairs):
        for m in range(n):
            other, first = pairs[m]
            if url_key(first.url) == url_key(article.url):
                continue
            if {article.id, first.id} <= set(compared) and article.id is not None:
                continue
            reason = same_story_reason(prints[m], prints[n])
            if reason is None:
                continue
            urls = {clean_url(u) for u in (entry.url, article.url, other.url, first.url)}
            twins |= urls
            if urls & allowed:
                continue
            mistakes.append(
                DraftError(
                    path,
                    entry.line,
                    f'"{_one_line(article.title) or article.url}" ({article.url}) is the same'
                    f' story as "{_one_line(first.title) or first.url}" ({first.url}) at line'
                    f" {other.line} ({reason}); one story is featured once: remove one of them"
                    " (its heading and lines); if they are different stories, list it in the"
                    f" front matter: {feature_again_line(article.url)}",
                )
            )
            break
    return mistakes, frozenset(twins)


def _lookup(known: Mapping[str, Article | Scored], url: str) -> Scored | None:
    found = known.get(url)
    if found is None:
        found = known.get(clean_url(url))
    if found is None:
        return None
    return found if isinstance(found, Scored) else Scored(found, 0.0)


def _blurb_fields(entry: DraftEntry, stored: Article) -> tuple[str, str | None]:
    """The article's blurb and its Markdown as the draft gives them: the editor's Markdown (a
    link, emphasis, a list ...) read by the introduction's rules. A blurb curator wrote and the
    editor left as it is (word for word, or as the draft escaped it) is the feed's or the page's
    text, and stays plain text: the Markdown edition writes its `{` and `}` as entities, so that
    no template tag from a feed runs in Hugo or Jekyll. One the editor changed is theirs, Markdown
    or not, and reaches the Markdown edition as typed, a shortcode (`{{< youtube abc >}}`) too
    (walk74 #4: it was written `&#123;&#123;&lt;...`, and Hugo showed it as text)."""
    if entry.blurb == stored.blurb:
        return stored.blurb, None
    source = entry.blurb_source or entry.blurb
    plain, markdown = blurb_markdown(source)
    if markdown is None and plain != stored.blurb:
        return plain, source.strip()
    return plain, markdown


def _spaced(text: str) -> str:
    """`text` with its runs of spaces and line breaks as single spaces, as a draft writes it."""
    return " ".join(text.split())


def blurb_rebuilt(entry: DraftEntry, stored: Article, written: Mapping[int, str]) -> str:
    """Whether curator rebuilt the article's blurb after the draft was written (its page or feed
    corrected and read again, or curator's blurb rules changed), and what the draft's blurb is
    then: "old" (curator's text as it wrote it into the draft, left as it was: not the editor's
    correction, so the newer blurb is published), "edited" (the editor's own, kept: the page may
    have changed under it), or "" (not rebuilt, or the draft's blurb was not curator's own: an
    editor's correction from an earlier issue, an article added by address, a draft an older
    curator wrote).

    Why: a draft written before such a fetch carried the old blurb, which `build --draft` took
    for the editor's correction, published and kept for every later issue (fixhi)."""
    was = written.get(stored.id) if stored.id is not None else None
    if was is None or stored.blurb_corrected_in is not None or entry.url_only:
        return ""
    if _spaced(was) == _spaced(stored.blurb) or _spaced(entry.blurb) == _spaced(stored.blurb):
        return ""  # (not rebuilt, or the editor took the new one)
    return "old" if _spaced(entry.blurb) == _spaced(was) else "edited"


def _names(authors: Sequence[str]) -> tuple[str, ...]:
    """Authors as a draft's `author:` lines give them, to compare (spaces, case and a name
    written twice aside)."""
    return tuple(dict.fromkeys(" ".join(a.split()).casefold() for a in authors if a.strip()))


def credit_followed(
    entry: DraftEntry, stored: Article, written: Mapping[int, Sequence[str]]
) -> tuple[str, ...] | None:
    """The authors an entry publishes in place of its `author:` lines when those lines are the
    ones curator wrote into the draft (`written`, by article id: `Store.draft_authors`) and the
    article's credit changed since (its feed or page corrected it): they are curator's old
    text, not the editor's correction. None otherwise (an edited line, no change since, an
    article added by address, a credit corrected in an earlier issue, a draft an older curator
    wrote).

    Why: `build --draft` published the draft's stale "Elif Yilmaz" over the feed's correction
    without a word, and kept it as the editor's correction for every later issue (walk199 #1)."""
    was = written.get(stored.id) if stored.id is not None else None
    if was is None or entry.url_only or stored.credit_corrected_in is not None:
        return None
    if "author" not in entry.credit_lines or _names(entry.authors) != _names(was):
        return None  # (the editor's own credit, or a line they deleted: theirs)
    if _names(stored.authors) == _names(was) or not _names(stored.authors):
        return None
    return stored.authors


def title_followed(entry: DraftEntry, stored: Article, written: Mapping[int, str]) -> str | None:
    """The title an entry publishes in place of its `## Title` heading when that heading is the
    one curator wrote into the draft (`written`, by article id: `Store.draft_titles`) and the
    article's title changed since (its feed corrected it): curator's old text, not the editor's,
    as `credit_followed` says of `author:` lines. None otherwise.

    Why: an unedited heading published the old title while its `author:` line followed the
    feed's correction, and the build said "edit the line" of an issue already published
    (walk200 #9)."""
    was = written.get(stored.id) if stored.id is not None else None
    if was is None or entry.url_only or entry.title != was:
        return None
    if stored.title_corrected_in is not None or not stored.title or stored.title == was:
        return None
    return stored.title


def title_corrected(entry: DraftEntry, stored: Article, written: Mapping[int, str]) -> bool:
    """Whether the entry's heading is the editor's own title: neither the stored one nor the one
    curator wrote into the draft (walk200 #3: a title corrected in a draft's heading went back to
    the feed's when an issue featured the article again, unsaid; one corrected in issue-N.json
    was carried)."""
    was = written.get(stored.id) if stored.id is not None else None
    return bool(entry.title) and entry.title != stored.title and entry.title != was


def _credit_of(article: Article) -> tuple[tuple[str, ...], str]:
    """An article's credit as published (spaces aside), to tell one the draft corrected."""
    return tuple(" ".join(a.split()) for a in article.authors if a.strip()), " ".join(
        (article.publication or "").split()
    )


def draft_to_issue(
    draft: Draft,
    known: Mapping[str, Article | Scored],
    *,
    descriptions: Mapping[str, str] | None = None,
    written_blurbs: Mapping[int, str] | None = None,
    written_authors: Mapping[int, Sequence[str]] | None = None,
    written_titles: Mapping[int, str] | None = None,
    written_publications: Mapping[int, str] | None = None,
) -> tuple[Issue, tuple[str, ...]]:
    """The Issue exactly as the draft says, and the draft's URLs curator does not know yet.

    `known` maps an article's URL (as stored, or as written in the draft) to the stored Article (or
    a Scored, to keep its score and "also covered by"). The draft's title, credit and blurb replace
    the stored ones, except for an article added by URL alone, which shows what was extracted
    where the editor wrote nothing under its heading.
    An unknown URL is left out of the Issue and listed: fetch and store it, then call again.
    An article whose credit the draft gives otherwise than `known` does is the editor's
    correction, marked with the draft's number (`Article.credit_corrected_in`); so is one whose
    blurb it gives otherwise (`Article.blurb_corrected_in`), unless the draft's blurb is the one
    curator wrote into it (`written_blurbs`, by article id: `Store.draft_blurbs`) and curator
    rebuilt the article's blurb since (`blurb_rebuilt`): that is curator's old text, not the
    editor's, and the newer blurb is published. Likewise the `author:` lines curator wrote
    (`written_authors`: `Store.draft_authors`) when the feed corrected the credit since
    (`credit_followed`): the feed's is published, and it is no correction of the editor's; and
    the `## Title` headings curator wrote (`written_titles`: `Store.draft_titles`) when the feed
    corrected the title since (`title_followed`). A heading that is neither is the editor's
    title, marked with the draft's number (`Article.title_corrected_in`), carried to a later
    issue featuring the article again. Likewise the `publication:` lines curator wrote
    (`written_publications`: `Store.draft_publications`) when the article's feed is credited by
    another name since (`draftpublication.publication_followed`, fixlx #2).
    """
    descriptions = descriptions or {}
    written_blurbs = written_blurbs or {}
    written_authors = written_authors or {}
    written_titles = written_titles or {}
    written_publications = written_publications or {}
    missing: list[str] = []
    sections: list[Section] = []
    for section in draft.sections:
        scored: list[Scored] = []
        for entry in section.entries:
            found = _lookup(known, entry.url)
            if found is None:
                missing.append(entry.url)
                continue
            blurb, markdown = _blurb_fields(entry, found.article)
            if not entry.url_only:
                # The editor's words replace the stored ones; every other field is kept as stored.
                authors = credit_followed(entry, found.article, written_authors)
                followed = title_followed(entry, found.article, written_titles)
                retitled = title_corrected(entry, found.article, written_titles)
                renamed = publication_followed(entry, found.article, written_publications)
                article = replace(
                    found.article,
                    title=followed or entry.title,
                    title_corrected_in=draft.number
                    if retitled
                    else found.article.title_corrected_in,
                    authors=authors
                    if authors is not None
                    else without_publication(
                        entry.authors, entry.publication, found.article.authors
                    ),
                    publication=renamed or entry.publication or None,
                    blurb=blurb,
                    blurb_markdown=markdown,
                )
                found = replace(found, article=article)
            elif entry.blurb or entry.credit_lines:
                # Added by URL, with what the editor wrote under it (the blurb the page did not
                # give, say): theirs wins, the page fills in the rest. A credit line written
                # empty is theirs too: none (walk38 #1: the page's credit was published).
                wrote = entry.credit_lines
                publication = (
                    (entry.publication or None)
                    if "publication" in wrote
                    else found.article.publication
                )
                article = replace(
                    found.article,
                    authors=without_publication(entry.authors, publication, found.article.authors)
                    if "author" in wrote
                    else found.article.authors,
                    publication=publication,
                    blurb=blurb if entry.blurb else found.article.blurb,
                    blurb_markdown=markdown if entry.blurb else found.article.blurb_markdown,
                )
                found = replace(found, article=article)
            stored = _lookup(known, entry.url)
            if stored is not None and _credit_of(found.article) != _credit_of(stored.article):
                # The editor's correction: kept with the issue, and every later issue featuring
                # the article credits it so (walk158 #7).
                found = replace(
                    found, article=replace(found.article, credit_corrected_in=draft.number)
                )
            if (
                stored is not None
                and entry.blurb
                and _spaced(found.article.blurb) != _spaced(stored.article.blurb)
            ):
                if blurb_rebuilt(entry, stored.article, written_blurbs) == "old":
                    # curator's own text as the draft was written, rebuilt since: the new one
                    # is published, and it is no correction of the editor's (fixhi)
                    article = replace(
                        found.article,
                        blurb=stored.article.blurb,
                        blurb_markdown=stored.article.blurb_markdown,
                    )
                else:
                    # The editor's blurb, kept with the issue as a credit is (walk167 #5).
                    article = replace(found.article, blurb_corrected_in=draft.number)
                found = replace(found, article=article)
            scored.append(found)
        if scored:
            sections.append(
                Section(section.subject, descriptions.get(section.subject, ""), tuple(scored))
            )
    issue = Issue(
        number=draft.number,
        date=draft.date,
        title=draft.title,
        editor=draft.editor or None,
        introduction=draft.introduction,
        sections=tuple(sections),
        theme=draft.theme,
        closing=draft.closing,
    )
    return issue, tuple(missing)


def named_twice(draft: Draft, ids: Sequence[int | None], path: Path | str) -> list[DraftError]:
    """A mistake per entry of the draft that names a stored article an earlier entry named too,
    by another address the store knows for it (`ids`: each entry's article, in the draft's order),
    as `_parse` says of the same address written twice."""
    first: dict[int, int] = {}
    mistakes = []
    for entry, article_id in zip(draft.entries, ids, strict=True):
        if article_id is None:
            continue
        if article_id in first:
            mistakes.append(
                DraftError(
                    path,
                    entry.line,
                    f"this article is in the draft twice (also at line {first[article_id]});"
                    " delete one",
                )
            )
        first.setdefault(article_id, entry.line)
    return mistakes


def excluded_since(
    draft: Draft,
    ids: Sequence[int | None],
    excluded: Mapping[int, datetime],
    saved: datetime,
    path: Path | str,
) -> list[DraftError]:
    """A mistake per entry of the draft whose article the editor excluded after the draft was
    last saved (`excluded`: when each excluded article was; `saved`: the file's modification
    time): the draft predates that word, so publishing it would feature what the editor has
    just kept out (walk168 #6: the draft's own note advised `subjects exclude`, and the build
    published the two articles anyway, saying so only after). One excluded before the draft was
    last saved was left in it on purpose: the build publishes it and says so."""
    mistakes = []
    for entry, article_id in zip(draft.entries, ids, strict=True):
        made = excluded.get(article_id) if article_id is not None else None
        if made is None or made <= saved:
            continue
        mistakes.append(
            DraftError(
                path,
                entry.line,
                f"{entry.url}: you excluded this article after the draft was saved; cut it from"
                f" the draft, or take the exclusion back with `curator subjects undo"
                f" {shell_arg(entry.url)}`",
            )
        )
    return mistakes


def featured_again(
    draft: Draft,
    issue: Issue,
    earlier: Sequence[Sequence[int]],
    path: Path | str,
    *,
    as_copy: Sequence[Sequence[int]] = (),
    titles: Sequence[str] = (),
    retold: Sequence[tuple[Article, int, str] | None] = (),
    twins: Collection[str] = (),
    featured_before: Collection[int] = (),
) -> list[DraftError]:
    """A mistake per article of the issue that an earlier issue featured (`earlier`: the numbers
    of the issues that featured each, in the draft's order; `as_copy`: those of them that named it
    as "also covered by" only), by the line of its heading, unless the front matter's
    `feature_again:` lists it: an article is featured once, unless the editor says so. `issue` is
    `draft_to_issue`'s, every entry found. `titles`: the title the last of those issues published
    each under, named when the draft's heading gives another (walk123 #5: a block whose url: was
    changed to another article was told as its heading's title "featured already"). `retold`:
    per article, the article an earlier issue published telling the same story, its issue and
    why (`select.told_before`), None for one telling none: a mistake too, unless `feature_again:`
    lists it (walk161 #1: a draft an older curator wrote, before drafts left such copies out,
    published four stories a second time with no word). `twins`: the addresses of articles
    telling the same story as another of the draft (`same_story_twice`), which `feature_again:`
    may list too. `featured_before`: the ids of the stored articles the editor recorded as
    featured before they moved to curator (`curator featured add`): refused as well, unless
    listed (walk205 #1: one added to a draft by its address was published again, no word said)."""
    copies = list(as_copy) or [()] * len(earlier)
    published = list(titles) or [""] * len(earlier)
    told = list(retold) or [None] * len(earlier)
    allowed = {clean_url(u) for u in draft.feature_again}
    articles = [scored.article for section in issue.sections for scored in section.entries]
    mistakes = []
    repeated = set(twins)
    for entry, article, numbers, named, was, story in zip(
        draft.entries, articles, earlier, copies, published, told, strict=True
    ):
        old = article.id is not None and article.id in featured_before
        if numbers or story or old:
            repeated |= {clean_url(entry.url), clean_url(article.url)}
        if {clean_url(entry.url), clean_url(article.url)} & allowed:
            continue
        if old and not numbers:
            mistakes.append(
                DraftError(
                    path,
                    entry.line,
                    f'"{_one_line(article.title) or article.url}" ({article.url}) was'
                    f" {FEATURED_BEFORE_CURATOR}; remove it (its heading and lines), or"
                    " to feature it again on purpose, list it in the front matter:"
                    f" {feature_again_line(article.url)}",
                )
            )
            continue
        if not numbers and story is not None:
            before, number, why = story
            mistakes.append(
                DraftError(
                    path,
                    entry.line,
                    f'"{_one_line(article.title) or article.url}" ({article.url}) is the same'
                    f' story as "{_one_line(before.title) or before.url}" ({before.url}),'
                    f" {which_published(number)} ({why}); one story is featured once: to publish"
                    " it again on purpose, list it in the front matter:"
                    f" {feature_again_line(article.url)}; else remove it (its heading and lines)",
                )
            )
            continue
        if not numbers:
            continue
        which = ", ".join(str(n) for n in numbers)
        how = (
            'named as "Also covered by" (the same story as an article it featured) in'
            if set(numbers) <= set(named)
            else "featured in"
        )
        issues = f"issue{'s' * (len(numbers) > 1)} {which}"
        said = f'"{article.title}" was {how} {issues}'
        if was and " ".join(was.split()).casefold() != " ".join(article.title.split()).casefold():
            said = (
                f'"{article.title}": its url: {entry.url} is "{" ".join(was.split())}", which'
                f" {issues} {how.removesuffix(' in')} under that title"
                if how == "featured in"
                else f'"{article.title}": its url: {entry.url} is "{" ".join(was.split())}",'
                f" which was {how} {issues}"
            )
            said += (
                " already; if you meant another article, correct the url: line; else remove it,"
                " or to feature it again on purpose, list it in the front matter:"
            )
        else:
            said += (
                " already; remove it, or to feature it again on purpose, list it in the front"
                " matter:"
            )
        mistakes.append(DraftError(path, entry.line, f"{said} {feature_again_line(article.url)}"))
    # An address there that is no repeat of this draft (mistyped, or its article cut) allows
    # nothing: said, so that a mistyped one is not taken for a permission given.
    for url in draft.feature_again:
        if clean_url(url) not in repeated:
            mistakes.append(
                DraftError(
                    path,
                    draft.lines.get("feature_again", 1),
                    f"feature_again lists {url}, which is no article of this draft that an earlier"
                    " issue featured (nor the same story as one an earlier issue published):"
                    " remove it from the list (or check its address)",
                )
            )
    return mistakes


#: What to do about an article without a blurb. A cut article can come back in the next draft
#: (walk47 new 2: a blurb-less one was picked three weeks running, and refused each time), so
#: the advice names what keeps it out for good.
_BLURB_FIX = (
    "write a 2-3 sentence blurb under {}, or remove the article (and run `curator subjects"
    " exclude URL` for it, or the next `curator draft` can pick it again)"
)


def _without_blurb(draft: Draft, issue: Issue) -> list[tuple[DraftEntry, Article]]:
    articles = [scored.article for section in issue.sections for scored in section.entries]
    return [
        (entry, article)
        for entry, article in zip(draft.entries, articles, strict=True)
        if not article.blurb.strip()
    ]


def blurb_mistakes(draft: Draft, issue: Issue, path: Path | str) -> list[DraftError]:
    """A mistake per article of the issue left without a blurb (as check_blurbs finds them), to
    be said with the draft's other mistakes."""
    return [
        DraftError(path, e.line, f'"{a.title}" has no blurb; {_BLURB_FIX.format("its heading")}')
        for e, a in _without_blurb(draft, issue)
    ]


def check_blurbs(draft: Draft, issue: Issue, path: Path | str) -> None:
    """Raise DraftError naming every article of the issue left without a blurb, by the line of
    its heading in the draft: an empty blurb the editor left (or the note curator put in its
    place), or an article added by URL whose page gave none. A draft build is the review step, so
    the issue is not published with one missing. `issue` is `draft_to_issue`'s, every entry found.
    """
    empty = _without_blurb(draft, issue)
    if not empty:
        return
    fix = _BLURB_FIX
    if len(empty) == 1:
        raise blurb_mistakes(draft, issue, path)[0]
    # The address as the draft has it (a page's own may differ), to find the heading by.
    listed = "".join(f'\n  {path}:{e.line}: "{a.title}" ({e.url})' for e, a in empty)
    raise InputError(
        f"{path}: {len(empty)} articles have no blurb; {fix.format('each heading')}:{listed}"
    )


def dropped_credits(
    draft: Draft, known: Mapping[str, Article | Scored], path: Path | str
) -> list[str]:
    """A warning for each article whose `author:` or `publication:` line was deleted from the
    draft while curator has one stored: it is published without it (as with an empty line, which
    says "none" on purpose and is not warned of), and the editor may have cut it by mistake."""
    warnings: list[str] = []
    for entry in draft.entries:
        found = _lookup(known, entry.url)
        if entry.url_only or found is None:
            continue
        stored = found.article
        names = [a for a in stored.authors if a.strip()]
        lost = []
        if names and "author" not in entry.credit_lines:
            line = f"author: {names[0]}" if len(names) == 1 else f"authors: {'; '.join(names)}"
            lost.append((f"its author ({', '.join(names)})", line))
        if stored.publication and "publication" not in entry.credit_lines:
            lost.append(
                (f"its publication ({stored.publication})", f"publication: {stored.publication}")
            )
        for what, line in lost:
            key = line.split(":", 1)[0]
            warnings.append(
                f"{path}:{entry.line}: {_shortened(entry.title)!r} is published without {what}:"
                f" its {key}: line is not in the draft; to credit it, put back '{line}' under"
                f" the heading (an empty '{key}:' line says none, without this warning)"
            )
    return warnings

"""The typed, frozen data that crosses curator's stages (fetch, feeds, extract, store, select, render).

What came from outside (a `FetchResult`, a `ParsedFeed` and its `Entry`s, a `Page`) is kept apart from
what curator stores and publishes (`Article`, `Issue`). Datetimes are aware and in UTC; sequences inside
frozen types are tuples.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

#: How far after curator first saw an article its date may be before it counts as dated in the
#: future, and so as new as that sighting (a publisher's clock or time zone a few hours off is not).
FUTURE_SLACK = timedelta(days=1)

#: What a fetch is for: a feed (any feed format) or an article page (HTML only).
FetchKind = Literal["feed", "page", "robots"]

#: Why a fetch failed (`FetchResult.error_kind`); "malformed" is a feed that came but could not be
#: parsed (`FeedReport.error_kind`).
ErrorKind = Literal[
    "blocked",
    "connect",
    "dns",
    "error",
    "file",
    "gone",
    "http",
    "invalid-url",
    "listed",
    "malformed",
    "not-html",
    "rate-limited",
    "redirects",
    "timeout",
    "tls",
    "too-large",
    "unavailable",
]


@dataclass(frozen=True)
class FetchResult:
    """What asking for one URL (or reading one local file) gave: bytes, a 304, or a typed failure."""

    #: The URL (or local path) that was asked for.
    url: str
    #: The URL after redirects (the same as `url` when there were none).
    final_url: str
    #: The HTTP status, or None for a local file or a failure before any response.
    status: int | None = None
    #: The body, decompressed, never more than the byte cap; None on failure or 304.
    content: bytes | None = None
    #: The Content-Type header as sent, if any.
    content_type: str | None = None
    #: Validators to send back next time (conditional GET).
    etag: str | None = None
    last_modified: str | None = None
    #: True when the server answered 304 Not Modified to our validators.
    not_modified: bool = False
    #: A short machine-readable kind of failure (see `ErrorKind`), None on success.
    error_kind: ErrorKind | None = None
    #: One line for the editor saying what went wrong, None on success.
    error: str | None = None
    #: Seconds the server asked us to wait (Retry-After), when it said.
    retry_after: float | None = None
    #: The time a Retry-After written as an HTTP date named (ISO), when it is within the wait
    #: curator keeps: shown as named, not as now plus `retry_after` (walk128 N6: "03:00:00 GMT"
    #: was shown as 02:59 UTC).
    retry_until: str | None = None
    #: Wall-clock seconds the fetch took.
    elapsed: float = 0.0
    #: Where the address has moved for good: the last address reached through permanent redirects
    #: (301 or 308) from the first one on, before any temporary one; None when the first redirect
    #: was temporary, or there was none.
    moved_to: str | None = None
    #: When the feed was read at the address it had moved to in an earlier run, because its own
    #: address failed (walk126 #1: a 404 once the old address stopped redirecting): that
    #: failure, in one line.
    old_error: str | None = None
    #: When its address failed and the address it had moved to in an earlier run was read
    #: instead and failed too: that failure, in one line (walk132 #2: the advice then gave that
    #: address, which curator had just seen answer 404).
    moved_error: str | None = None

    @property
    def ok(self) -> bool:
        """True when there is a body to parse or the server said nothing changed."""
        return self.error is None


@dataclass(frozen=True)
class Entry:
    """One entry as a feed describes it; nothing here is trusted or cleaned beyond parsing."""

    #: The entry's link, resolved against the feed's URL; may be None for a feed entry with no link.
    link: str | None
    #: The entry's id/guid as the feed gives it.
    guid: str | None = None
    #: The title as plain text (entities decoded, markup removed).
    title: str | None = None
    #: Author names as plain text, in the feed's order.
    authors: tuple[str, ...] = ()
    #: The summary/description as the feed gives it (may be HTML).
    summary: str | None = None
    #: The full content, when the feed carries it (may be HTML).
    content: str | None = None
    #: Publication and update times, aware UTC, when the feed gives a parsable one.
    published: datetime | None = None
    updated: datetime | None = None
    #: Category/tag terms.
    categories: tuple[str, ...] = ()
    #: A podcast episode's one-line description (`itunes:subtitle`), plain text: its blurb when the
    #: description and summary are cut short with "..." (walk66 #3).
    subtitle: str | None = None
    #: Set for a link post: the feed's own page about this entry, when `link` goes to another site
    #: and the feed links back to its own post about it (`curator.feeds.common.link_posts`). The
    #: article is then the other site's, not the feed's; None for every other entry.
    via: str | None = None
    #: The feed's title held markup (a tag: `<b>`, `<script>`), removed from `title`: said once,
    #: when the entry becomes a new article (walk63 #2: a `<script>` and its text went unsaid).
    title_markup: bool = False
    #: The words that went with that markup ("alert(1)" of `<script>alert(1)</script>`), "" for
    #: none: the editor is told which title lost what (walk109 #2).
    title_lost: str = ""
    #: Why the feed's author field is no credit, when it held markup no name is made of (a
    #: script, a link to a `data:` page: `htmltext.untrusted_name`); "" when it did not. Said
    #: with the entry's link (walk110 #6: `ABC<div style="...expression(...)">DEF` was "Abc Def").
    author_markup: str = ""
    #: The code written as text after the name in the feed's author field (`Jane Doe
    #: \";alert('XSS');//`: `\";alert('XSS');//`, `htmltext.code_in_name`), left out of the
    #: credit and noted in the draft (walk173 #3); "" when it held none.
    author_code: str = ""
    #: The scheme ("javascript:") of the link the feed gave, which was no http(s) link, when its
    #: permalink guid is the entry's link instead (walk162 #3: the entry was skipped); said on the
    #: feed's line; or why an entry left out with no link had its link refused
    #: (`feeds.common.link_problem`: a user name before its host...). "" otherwise.
    unsafe_link: str = ""
    #: The feed's author names are plain text by its format's definition (JSON Feed's `name`): a
    #: `<`, `[`, `\\` or `*` in one is part of the name as written, not markup (walk84 N3).
    authors_plain: bool = False
    #: The language the feed says the entry is in (BCP 47: the entry's `xml:lang`, else the
    #: feed's `<language>`, `dc:language` or `xml:lang`), "" when it says none: an article whose
    #: page says none is published in it (walk159 #2).
    language: str = ""


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's own metadata and its entries."""

    #: The feed's title (the publication's name, usually).
    title: str | None
    #: The feed's home page link.
    link: str | None
    entries: tuple[Entry, ...] = ()
    #: "rss20", "atom10", "json11", ... as detected.
    version: str | None = None
    #: Set when the feed was parsed but was not well formed (the parser recovered).
    warning: str | None = None
    #: The entries the document has, when more than curator reads (`feeds.common.MAX_ENTRIES`):
    #: only the first were read. Curator's own limit, not a fault of the feed (not a `warning`).
    entries_in_document: int | None = None
    #: Those read of them were the newest by date, not the first (a feed listing its oldest
    #: first: walk173 #7).
    newest_read: bool = False
    #: The HTML markup the feed's own title held that `title` is without, in words for the editor
    #: ("`<b>`", `feeds.common.markup_said`); "" when it held none (walk96 D, walk110 #5).
    title_markup: str = ""
    #: How its bytes were read when they were not in the charset it named (or in UTF-8, naming
    #: none): the charset they were read in, a guess for the editor to check (walk151 #2); not a
    #: `warning`, as the document is well formed.
    charset_note: str | None = None


@dataclass(frozen=True)
class Page:
    """What an article page says about itself (the `extract` stage's output)."""

    #: The URL the page was read from.
    url: str
    title: str | None = None
    #: People credited, in order; never "Admin", "Staff", a URL or the site's own name.
    authors: tuple[str, ...] = ()
    #: The credit names them as a guest ("Guest post by Carlos Mendes", `GUEST_CREDIT`): their
    #: byline beats a feed that names someone else (`articles_credits.choose_authors`).
    guest_author: bool = False
    #: Where on the page the credit came from, in words ("its JSON-LD", "its author meta tag", "its
    #: byline"): `curator extract` says it (walk112 #1: a JSON-LD credit was told as the byline's).
    authors_field: str = ""
    #: When the page credits no one: the names it declares as its author that were taken for its
    #: site's own name ("The Churn Letter" in the author meta tag of "The Churn Letter", walk139
    #: #9), so the editor is told that, not only that no author was found.
    site_authors: tuple[str, ...] = ()
    #: When the page credits no one: the label of paid content it gives as its author
    #: ("Sponsored Content", "Press Release", walk158 #5), for the editor to be told; else "".
    paid_label: str = ""
    #: The credit that named `authors`, as the page writes it ("By Bea Kahn for The Compost
    #: Gazette"): a piece written for another publication is said from it (fixgk); else "".
    credit_text: str = ""
    #: The publication / site name.
    publication: str | None = None
    #: Every name the page gives its site (declared names, its host's registrable domain whole and
    #: as a word): the names an issue's title drops at either end ("... | eHow").
    site_names: tuple[str, ...] = ()
    #: The page's canonical URL (rel=canonical / og:url), absolute, when it gives one.
    canonical_url: str | None = None
    #: A canonical link relative to the page's `<base href>` that the base puts on another site
    #: than the page's, so not its address (walk162 #5: a hostile page's base would publish
    #: another host): (the address it resolves to, the base); else None.
    base_canonical: tuple[str, str] | None = None
    #: The page's own description (meta/OG/JSON-LD), plain text.
    description: str | None = None
    published: datetime | None = None
    #: BCP 47 language code, e.g. "en".
    language: str | None = None
    #: The article's main text, paragraphs separated by blank lines.
    text: str | None = None
    #: The texts of the page's headings (<h1>-<h6>), as written: lines of `text` that are headings,
    #: not sentences of the article ("Why CPU monitoring is important?"), which a blurb leaves out.
    headings: tuple[str, ...] = ()
    #: The text of the page's one <h1>, when it has exactly one: the headline an issue may show
    #: instead of a shorter <title> that carried the site's name (`articles_titles.page_title`).
    headline: str = ""
    #: The page's <title> as written when a separator outside quotes parts it ("Le Blog de la
    #: Relation Client » Le premier contact décide de tout"): what `title` was chosen from, one
    #: side of it (walk191 #6); "" for a <title> of one part.
    title_written: str = ""
    #: Fields that could not be read because the page broke the reader ("authors: ValueError: ..."),
    #: characters no charset could decode ("characters: ..."), a page cut at the reading limit
    #: ("page: ..."), for the run to report; empty on a page read whole.
    problems: tuple[str, ...] = ()


#: `Article.authors_from` when the only names the feed or the page gave were taken for the site's
#: own name (walk118 #1), or were a label of paid content ("Sponsored Content", walk158 #5:
#: "-paid"), or the page's translator (walk193 #5: "-translator"), and which of the two gave
#: them, as the editor is told.
TAKEN_FOR_SITE: dict[str, str] = {
    "feed-site": "its feed",
    "page-site": "its page",
    "feed-paid": "its feed",
    "page-paid": "its page",
    # the feed's person is the one the page names only as its translator (walk193 #5)
    "feed-translator": "its feed",
}


#: `Article.authors_from` when the feed's author field held code after the name it credits
#: (`Entry.author_code`, kept in `other_authors`), for the draft and the build to say (walk173 #3).
FEED_CODE = "feed-code"


def code_remark(authors: Sequence[str], code: Sequence[str]) -> str:
    """What the editor is told of the code the feed's author field held after the name credited."""
    shown = " ".join(code)
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    names = " and ".join(f'"{name}"' for name in authors) or "the name"
    return (
        f"its feed's author field held code after {names} (`{shown}`): no one's name, left out of"
        " the credit"
    )


def taken_remark(authors_from: str, names: str, team: bool = False) -> str:
    """What the editor is told of the names (`names`, quoted and joined) an article's feed or
    page gave that credit no one (`TAKEN_FOR_SITE`): taken for the site's own name or team, or a
    label of paid content, which the editor may want to mark as such (walk158 #5)."""
    where = TAKEN_FOR_SITE[authors_from]
    if authors_from.endswith("-translator"):
        return f"{where} names {names} as the author, whom the page credits only as its translator"
    if authors_from.endswith("-paid"):
        return (
            f"{where} names {names} as the author, a label of paid content, not a person: you"
            " may want to mark the article as sponsored or leave it out"
        )
    return f"{where} names {names} as the author, taken for the site's own {'team' if team else 'name'}"


@dataclass(frozen=True)
class Article:
    """An article as curator stores and publishes it: one per story, unique by normalised URL."""

    #: The store's row id (0 before it is stored).
    id: int
    #: The normalised URL (tracking parameters dropped); the article's identity.
    url: str
    title: str
    #: People credited; empty when unknown (the issue then shows the publication alone).
    authors: tuple[str, ...] = ()
    publication: str | None = None
    #: The two-to-three sentence blurb, plain text.
    blurb: str = ""
    #: The feed's summary as plain text (for scoring).
    summary: str = ""
    categories: tuple[str, ...] = ()
    published: datetime | None = None
    #: When curator first saw it (aware UTC).
    first_seen: datetime | None = None
    #: The URL of the feed that brought it first.
    feed_url: str | None = None
    #: The main text of the article page, when the page was read.
    text: str | None = None
    #: Subject names the feed's configuration hints at.
    subject_hints: tuple[str, ...] = ()
    #: Where `authors` come from: "feed" (the entry's author), "page" (its byline or metadata),
    #: "" when neither named anyone or it is not known (stored before curator kept it);
    #: "feed-site" or "page-site" when the only names the feed or page gave were taken for the
    #: site's own name (`creditsites.credited`), kept in `other_authors` (walk118 #1).
    authors_from: str = ""
    #: People the other of feed and page names whom the credit leaves out, when the two name
    #: different people (`articles_credits.choose_authors`): the draft shows them to the editor. Or the
    #: names taken for the site's own (`authors_from` "feed-site", "page-site").
    other_authors: tuple[str, ...] = ()
    #: The name its page gives its site (og:site_name or the like, `Page.publication`), as the
    #: page gave it; "" when the page gave none or was not read; None when not known (stored
    #: before curator kept it). With it, the publication is worked out again as a fetch would
    #: when the feed's `name:` changes (`placement.feed_names`).
    site_name: str | None = None
    #: A link post (`Entry.via`): the linked page's article, whose publication is never the feed's.
    link_post: bool = False
    #: The blurb as the editor wrote it in a draft when it holds Markdown (a link, emphasis, a
    #: list ...); `blurb` is then its plain text. None: `blurb` is plain text. Never stored.
    blurb_markdown: str | None = None
    #: The language its page declares (`Page.language`: "ar", "pt-BR"), else its feed
    #: (`Entry.language`, walk159 #2); "" when neither declares one, the page was not read and the
    #: feed says none, or the article was stored before curator kept it. An issue in another
    #: language marks the article's title and blurb with it (`lang=`, `dir=`).
    language: str = ""
    #: How many posts its page lists when it reads as a list of posts (a blog's front page, an
    #: archive: `blurb.listed_posts`), else 0; its blurb may join several. The draft says so
    #: under it (walk52 #3). 0 when stored before curator kept it.
    post_list: int = 0
    #: The headline of its page when the page names another address than the feed's link as its
    #: own (its canonical, taken as the article's URL) and that headline shares little with the
    #: feed's title: the page may be another story than the entry's (walk75 #7: "CloudFront
    #: Management Tool Roundup" published with another story's address, author and blurb).
    #: The draft and the build say so. Also the headline its page's title and first heading agree
    #: on when it differs from the feed's title yet is the same story's (`draft.another_story_of`
    #: tells the two apart): the headline may be newer, and the draft notes it (walk90 #4).
    #: "" otherwise, and when stored before curator kept it.
    page_headline: str = ""
    #: The page's <title> its title was chosen from as one side of a separator that no name the
    #: page gives its site decided (its <h1>, or the length of what is left, did: walk191 #6);
    #: "" otherwise. Not stored: the build of a draft that adds the article by its address says
    #: it, as it says a credit it is unsure of.
    title_chosen_from: str = ""
    #: The issue whose draft (its `author:` and `publication:` lines) or issue-N.json the editor
    #: last corrected its credit in: `authors` and `publication` are that credit, and every later
    #: issue featuring it again credits it so (walk158 #7: issue 2 published the old credit).
    #: None: curator's own credit. Kept with the issue (`Store.credit_corrections`), never with
    #: the article.
    credit_corrected_in: int | None = None
    #: The issue whose issue-N.json the editor last corrected its title in (then `curator
    #: render`): `title` is that title, and every later issue featuring it again publishes it
    #: (walk199 #2). None: its feed's or page's own. Kept with the issue
    #: (`Store.title_corrections`), never with the article.
    title_corrected_in: int | None = None
    #: The issue whose draft or issue-N.json the editor last corrected its blurb in: `blurb` and
    #: `blurb_markdown` are that blurb, and every later issue featuring it again publishes it so
    #: (walk167 #5: an issue featuring it again published curator's own blurb). None: curator's
    #: own blurb. Kept with the issue (`Store.blurb_corrections`), never with the article.
    blurb_corrected_in: int | None = None
    #: The publication its feed's credit says it was written for ("Bea Kahn for The Compost
    #: Gazette" credits Bea Kahn) when that is not the one credited: the draft's note and the
    #: build's warning say it may have been written for it (walk158 #9); "" otherwise, and when
    #: stored before curator kept it.
    written_for: str = ""
    #: The credit as its page wrote it in capitals when a name of `authors` was re-cased from it
    #: ("PAR MARIE-ÈVE DE LA TOUR" credited "Marie-Ève de la Tour": her name's "La" cannot be
    #: told): the draft notes the guess for the editor to check (walk191 #9); "" otherwise, and
    #: when stored before curator kept it.
    credit_capitals: str = ""


@dataclass(frozen=True)
class Copy:
    """An article judged to tell the same story as a featured one (`curator.stories`): named under
    it as "also covered by", not featured on its own."""

    article: Article
    #: The subject it was placed under.
    subject: str
    #: Why it was judged the same story, in the editor's words.
    reason: str
    #: Found by an earlier run, which said so (and recorded it): listed in a draft, not said again.
    recorded: bool = False


@dataclass(frozen=True)
class Retold:
    """An article left out of an issue as the same story (`curator.stories`) as one an earlier
    issue published: one story is featured once, unless the editor asks again (walk53 #1)."""

    article: Article
    #: The subject it was placed under.
    subject: str
    #: The article published before, and the number of the issue that published it.
    earlier: Article
    issue: int
    #: Why it was judged the same story, in the editor's words.
    reason: str
    #: Found by an earlier run, which said so (and recorded it): listed in a draft, not said again.
    recorded: bool = False


#: What says of a story that it was featured before the editor moved to curator (issue 0 of
#: `Retold.issue`: `curator featured add`, walk202 #1).
FEATURED_BEFORE_CURATOR = "featured before you moved to curator (`curator featured list`)"


def which_published(issue: int) -> str:
    """'which issue 3 published', or, of issue 0, which was featured before curator."""
    return (
        f"which was {FEATURED_BEFORE_CURATOR}" if issue == 0 else f"which issue {issue} published"
    )


def published_in(issue: int) -> str:
    """'published in issue 3', or, of issue 0, featured before curator."""
    return FEATURED_BEFORE_CURATOR if issue == 0 else f"published in issue {issue}"


@dataclass(frozen=True)
class Scored:
    """An article with its relevance to the subject it was placed in, and why."""

    article: Article
    #: Relevance to the subject (higher is better; comparable within one subject).
    score: float
    #: The subject's terms that matched, best first (for `subjects explain`).
    matched: tuple[str, ...] = ()
    #: Other publications that carried the same story (name, url).
    also_covered_by: tuple[tuple[str, str], ...] = ()
    #: The articles behind `also_covered_by`, when the selection made them (not read back from a
    #: published issue): the build names each, and records it as published with the issue.
    copies: tuple[Copy, ...] = ()
    #: False when `score` and `matched` are not known: curator never scored the article under
    #: its section's subject (the editor moved it there in a draft); issue-N.json leaves them out.
    scored: bool = True

    @property
    def copy_articles(self) -> tuple[Article, ...]:
        return tuple(c.article for c in self.copies)


@dataclass(frozen=True)
class Section:
    """One subject's part of an issue."""

    #: The subject's name, as the editor wrote it.
    subject: str
    description: str = ""
    entries: tuple[Scored, ...] = ()
    #: The articles left out for variety though they match better than one featured (a
    #: publication's repeats count against it, see `curator.select`): the draft names them.
    passed_over: tuple[Scored, ...] = ()
    #: The articles left out as the same story as one an earlier issue published, that would
    #: otherwise have been featured: the draft and the build name them.
    retold: tuple[Retold, ...] = ()
    #: The ids of every candidate read that told a story an earlier issue published (`retold`
    #: and those scoring under the last place): no later issue takes them, so none waits for one.
    told_before: frozenset[int] = frozenset()
    #: The articles held back while another of the subject took their place (`gatedchoice`: a
    #: sign-in page, a fit through the subject's keywords alone), each with why in a few words:
    #: the draft names them, for the editor to feature one all the same (fixjq #3).
    held_back: tuple[tuple[Article, str], ...] = ()


@dataclass(frozen=True)
class Issue:
    """One issue of the newsletter, ready to render."""

    number: int
    #: The day the issue is dated (aware; its offset that of where it was built, or the draft's).
    date: datetime
    #: The newsletter's title, e.g. "Customer Experience Weekly".
    title: str
    editor: str | None = None
    #: The editor's introduction as Markdown-ish plain text (paragraphs separated by blank lines).
    introduction: str = ""
    sections: tuple[Section, ...] = field(default_factory=tuple)
    #: The subjects the issue is about, as the seed's issues are about one aspect each; () for an
    #: issue of every subject.
    theme: tuple[str, ...] = ()
    #: The closing line after the articles (e.g. "Next time: Voice of the customer."), or "".
    closing: str = ""

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article featured, in issue order."""
        return tuple(s.article for sec in self.sections for s in sec.entries)


@dataclass(frozen=True)
class Subject:
    """A subject the editor groups articles under (from feeds.yaml)."""

    #: The heading in the issue, e.g. "The basics of customer experience".
    name: str
    #: One or two sentences saying what belongs here.
    description: str = ""
    #: Words and phrases that signal the subject.
    keywords: tuple[str, ...] = ()
    #: URLs of articles the editor gave as examples of the subject.
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assignment:
    """Where the subject scorer placed one article, and why."""

    #: The best subject's name, or None when no subject cleared the threshold.
    subject: str | None
    #: The best subject's score.
    score: float
    #: Every subject's score, best first.
    scores: tuple[tuple[str, float], ...] = ()
    #: The best subject's terms that matched the article, strongest first.
    matched: tuple[str, ...] = ()


@dataclass(frozen=True)
class Placed:
    """A stored article and where it stands: its subject, its score, and who decided."""

    article: Article
    #: The subject it is placed under, or None (no subject fits, or the editor excluded it).
    subject: str | None
    #: Its score for that subject (its best score when it has none).
    score: float
    #: "moved" or "excluded" when the editor decided, else None (the scorer did).
    correction: str | None = None
    #: The number of the issue that featured it, if one did.
    featured_in: int | None = None
    #: What its page answered when it was found gone (404 or 410), if it was: a dead link, never
    #: picked for an issue or a theme until a read of its page succeeds.
    dead_link: str | None = None
    #: The section the issue that featured it first published it under, by its name now when
    #: `curator subjects rename` renamed it since (None: no issue did).
    published_under: str | None = None
    #: That section as the issue printed it (None: no issue did).
    printed_under: str | None = None
    #: Whether that section was the draft's own (`extra_sections:`), not a subject.
    own_section: bool = False
    #: Not featured, for it tells the story of this article, which the issue numbered published
    #: (`placement.told_copies`); None when it tells none.
    copy_of: tuple[Article, int] | None = None
    #: The title the issue that featured it first printed (the draft's, or issue-N.json's as
    #: corrected since), None when no issue did: what `title` shows (walk181 #4).
    printed_title: str | None = None

    @property
    def title(self) -> str:
        """Its title as published, when an issue published it, else as stored."""
        return self.printed_title or self.article.title

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form (for `curator subjects list --json`)."""
        return {
            "url": self.article.url,
            "title": self.title,
            "publication": self.article.publication,
            "subject": self.subject,
            "score": round(self.score, 4),
            "placed_by": "editor" if self.correction else "curator",
            "correction": self.correction,
            "featured_in": self.featured_in,
            "published_under": self.published_under,
            "printed_under": self.printed_under,
            "own_section": self.own_section,
            "dead_link": self.dead_link,
            "copy_of": (
                {
                    "url": self.copy_of[0].url,
                    "title": self.copy_of[0].title,
                    "issue": self.copy_of[1],
                }
                if self.copy_of
                else None
            ),
        }


@dataclass(frozen=True)
class UsualScores:
    """What the articles placed under each subject score around their middle
    (`Store.usual_scores`), to tell what a subject's OTHER articles usually score beside one of
    them (`of`). Only the scores at the middle ranks are kept: leaving one article out moves the
    median by at most one rank, so they are all `of` needs, and a store of a million articles
    is never read into memory for it."""

    #: Per subject with at least two articles placed under it: how many, the rank (from 0,
    #: lowest first) of the first score kept, and the scores kept, lowest first.
    middles: dict[str, tuple[int, int, list[float]]] = field(default_factory=dict)
    #: Per article asked about and placed under a subject, that subject and its score.
    own: dict[int, tuple[str, float]] = field(default_factory=dict)

    @staticmethod
    def middle_ranks(count: int) -> tuple[int, int]:
        """The first and last rank (from 0, lowest first) of `count` scores that `of` may read:
        those of the median of all of them and of the median with any one left out."""
        return (count - 2) // 2, (count - 1) // 2 + 1

    def of(self, subject: str, article_id: int | None) -> float | None:
        """The median score of the articles under `subject` other than `article_id` (the mean
        of the two middle ones for an even count: walk168 #3, walk172: it was the lower middle
        one, 0.566 of eight where the median was higher); None when the subject has under two
        articles placed under it."""
        kept = self.middles.get(subject)
        if not kept:
            return None
        total, first, ranked = kept
        # The rank of the article's own score, left out: below the kept ranks, among them, or
        # above them (equal scores are interchangeable: any one of them left out is the same).
        skip = total
        own = self.own.get(article_id) if article_id is not None else None
        if own is not None and own[0] == subject:
            if own[1] < ranked[0]:
                skip = first - 1
            elif own[1] <= ranked[-1]:
                skip = first + bisect.bisect_left(ranked, own[1])
            else:
                skip = first + len(ranked)
        count = total - (skip < total)
        if count == 0:
            return None

        def nth(k: int) -> float:
            return ranked[(k if k < skip else k + 1) - first]

        middle = count // 2
        if count % 2:
            return nth(middle)
        return (nth(middle - 1) + nth(middle)) / 2

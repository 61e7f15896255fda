"""What the editor is told of the articles of an issue as a build or a draft chose them:
pages not read, blurbs missing, short or weak, openings lost, credits in doubt, stories told
before or twice."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from curator import articles_credits as article_credits
from curator.articles_titles import words_within
from curator.blurb import (
    complete_sentences,
    paywall_notice,
    short_blurb,
    usable_sentences,
    weak_blurb,
    why_no_page_blurb,
)
from curator.config import Config
from curator.credits import may_be_two
from curator.creditsites import first_appeared_in
from curator.draft import (
    another_story_of,
    copy_remark,
    credit_dispute,
    credit_note,
    feature_again_line,
    lost_opening_of,
    original_copy,
    short_blurb_reason,
    written_for_remark,
)
from curator.extract import resembles_site
from curator.firstread import DRAFT_READS_IT, never_read_note
from curator.harvest import HOST_SKIPPED, READ_AFTER
from curator.models import TAKEN_FOR_SITE, Article, Issue, Retold, Scored, which_published
from curator.render import corrected_credit
from curator.store import Store
from curator.templatecopies import unnumbered_copies as _unnumbered_copies


@dataclass(frozen=True)
class MissingBlurb:
    """An article of the issue with no blurb, and the warning that says so."""

    url: str
    title: str
    message: str


def unread_pages(
    store: Store, issue: Issue, published: bool, stored: Mapping[str, Article] | None = None
) -> tuple[str, ...]:
    """A warning per article of the issue whose page could not be read yet: its title, credit
    and blurb come from its feed alone, and its link may not work (404s are never picked by
    curator, but a draft can name one). With `stored` (a draft's articles as the store holds
    them), a credit or blurb the editor rewrote in the draft is theirs, not the feed's: only what
    the draft kept as curator wrote it is named, and nothing when both were rewritten (walk83 N3:
    the warning stood after the editor fixed both)."""
    entries = [e.article for section in issue.sections for e in section.entries]
    why = store.unread_pages([a.id for a in entries if a.id])
    then = "it was published" if published else "check its link before you publish"
    by_id = {a.id: a for a in (stored or {}).values()}
    out = []
    for a in entries:
        if a.id not in why:
            continue
        kept: tuple[str, ...] = ("credit", "blurb")
        held = by_id.get(a.id)
        if held is not None:
            kept = tuple(
                what
                for what, mine, theirs in (
                    ("credit", (a.authors, a.publication), (held.authors, held.publication)),
                    ("blurb", _spaced(a.blurb), _spaced(held.blurb)),
                )
                if mine == theirs
            )
        if not kept:
            continue
        which = " and ".join(kept)
        come = "come" if len(kept) > 1 else "comes"
        reason, now = _stored_reason(why[a.id]), then
        if reason.endswith(f": {READ_AFTER}"):  # its server asked curator to wait (walk127 #1)
            reason = reason.removesuffix(f": {READ_AFTER}")
            if not published:
                now = f"a build after that time credits it from its page, or {then}"
        out.append(
            f'the page of "{a.title}" ({a.url}) could not be read ({reason}):'
            f" its {which} {come} from its feed alone; {now}"
        )
    return tuple(out)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _stored_reason(reason: str) -> str:
    """Why a page was not read, as the store keeps it, in words true in any later run too: a page
    skipped because its server could not be reached "earlier in this run" was so in the fetch
    that stored it, not in a build that fetched nothing (walk29 #6)."""
    if reason == HOST_SKIPPED:
        return "not tried: its server could not be reached for its other pages in the same fetch"
    return reason


def missing_blurbs(issue: Issue, what_now: str) -> tuple[MissingBlurb, ...]:
    """A warning per article of the issue that has no blurb: nothing in its feed or page made a
    complete sentence (a title-only feed, a one-word link post, a page that could not be read)."""
    return tuple(
        MissingBlurb(
            entry.article.url,
            entry.article.title,
            f'no blurb could be made for "{entry.article.title}" ({entry.article.url}):'
            f" {_why_no_blurb(entry.article)}; {what_now}",
        )
        for section in issue.sections
        for entry in section.entries
        if not entry.article.blurb.strip()
    )


def _why_no_blurb(article: Article) -> str:
    """Why an article has no blurb, true of what curator had: a page's text with no sentence fit
    for one, or no text from its page at all (not read, or none curator could find in it), which
    says nothing of what the page holds (walk107 #1: a page whose words were in its JSON-LD alone
    was said to hold no sentence)."""
    feed = "its feed's summary holds no sentence that could be one"
    if (article.text or "").strip():
        # the page's reason in the words `curator extract` says it (walk203 #6)
        why = why_no_page_blurb(usable_sentences(article.text), complete_sentences(article.text))
        return (
            "neither its page nor its feed's summary holds a sentence that could be one (a"
            f" complete sentence of its own words, not a heading, a credit or a notice; its page:"
            f" {why})"
        )
    return (
        f"curator has no text from its page (it was not read, or curator found no article text"
        f" in it) and {feed} (a complete sentence of its own words, not a heading, a credit or a"
        " notice)"
    )


def short_blurbs(issue: Issue, what_now: str) -> tuple[str, ...]:
    """A warning per article of the issue whose blurb is a single sentence (blurbs are 2-3),
    saying whether its page or feed had more text to choose from or too little."""
    out = []
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            if not short_blurb(art.blurb):
                continue
            why = short_blurb_reason(art)  # (as the draft's note under it says)
            out.append(
                f'the blurb of "{art.title}" ({art.url}) is one sentence ({why}): {what_now}'
            )
    return tuple(out)


def weak_blurbs(issue: Issue, what_now: str) -> tuple[str, ...]:
    """A warning per article of the issue whose blurb may not say what the article is about
    (`blurb.weak_blurb`: the author's own story, a few headlines, or an opening on someone it never
    introduces), as the draft's note under it says (walk67 #2, walk122 #1: such blurbs were
    published without a word)."""
    return tuple(
        f'the blurb of "{e.article.title}" ({e.article.url}) may not say what the article is'
        f" about ({why}): {what_now}"
        for section in issue.sections
        for e in section.entries
        if (why := weak_blurb(e.article.blurb, e.article.text or e.article.summary))
    )


def another_story(art: Article, what_now: str) -> str:
    """The warning on an article whose page may be another story than its feed's entry
    (`Article.page_headline`): which is which, and what curator took from where (walk75 #7)."""
    return (
        f'"{art.title}" ({art.url}) may be two stories mixed up: the page its feed\'s link led to'
        f' names {art.url} as its address and is headed "{art.page_headline}"; the title is the'
        " feed's, the address, credit and blurb that page's. Check which article is meant, and"
        f" fix the title or the credit and blurb, or cut it: {what_now}"
    )


def lost_openings(issue: Issue, what_now: str) -> tuple[str, ...]:
    """A warning per article of the issue whose page's text lacks the opening its feed's summary
    gives (`draft.lost_opening_of`): its lead may be lost, the blurb starting mid-story, and curator
    cannot tell (a draft notes it under the blurb); and per article whose page showed a paywall's
    notice (`blurb.paywall_notice`): its blurb is made of the page's free part."""
    out = []
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            opening = lost_opening_of(art)
            if opening:
                out.append(
                    f'the blurb of "{art.title}" ({art.url}) may start mid-story: its feed\'s'
                    f' summary opens "{opening}...", which the text read of its page lacks'
                    f" (its lead may be lost): {what_now}"
                )
            if another_story_of(art):
                out.append(another_story(art, what_now))
            if art.post_list:
                out.append(
                    f'the page of "{art.title}" ({art.url}) reads as a list of {art.post_list}'
                    " posts (a blog's front page or an archive), not one article, so its blurb"
                    f" may join several: {what_now}"
                )
            notice = paywall_notice(art.text) if art.blurb.strip() else ""
            if notice:
                # The blurb left the notice out, but the page read is its free part: a teaser,
                # or the description alone (walk55 #1).
                out.append(
                    f'the page of "{art.title}" ({art.url}) is behind a paywall ("{notice}"):'
                    " curator read only what it shows free, so check that its blurb says what the"
                    f" article is: {what_now}"
                )
    return tuple(out)


def lost_title_words(issue: Issue, what_now: str) -> tuple[str, ...]:
    """A warning per article of the issue whose title lacks words its page's headline has around
    the title's own (`Article.page_headline`, the draft's "Check the title" note: a feed title that
    lost words, with its markup perhaps): a plain `build` said nothing of it (walk192 #1). And a
    warning per article whose feed's title is kept though its page is headed otherwise, the same
    story by its words (the headline changed after the feed was written, perhaps: walk203 #2)."""
    return tuple(
        (
            f'the title "{art.title}" ({art.url}) lacks words its page\'s headline has (lost'
            " words, perhaps with markup the feed's title held): the page is headed"
            f' "{art.page_headline}"; {what_now}'
            if words_within(art.title, art.page_headline)
            else f'the title "{art.title}" ({art.url}) is its feed\'s, and its page is headed'
            f' "{art.page_headline}" (the page\'s may be newer); {what_now}'
        )
        for section in issue.sections
        for e in section.entries
        if (art := e.article).page_headline and not another_story_of(art)
    )


def from_address(store: Store, art: Article) -> bool:
    """Whether `art`'s publication is only its site's address (`articles_credits.address_name`): no page
    named the site and its feed, if any, has no title (walk123 #1)."""
    if not art.publication or art.link_post or art.site_name:
        return False
    if art.publication != article_credits.address_name(art.url):
        return False
    return not art.feed_url or store.feed_state(art.feed_url).title != art.publication


def disputed_credits(
    issue: Issue, what_now: str, config: Config, store: Store, reads_it: str = DRAFT_READS_IT
) -> tuple[str, ...]:
    """A warning per article of the issue whose credit a draft notes (a plain build says it here,
    or no one would), one line each: its publication is its feed's title and nothing says it is
    the site's name (`feed_title_credit`, with `config` and `store`; walk67 #1: a plain build
    published "CX Reading Room" for four articles without a word), its feed and page named
    different people (who is credited, from where, whom the other names: `draft.author_note`), no
    author was found, an author may be two people (`credits.may_be_two`), or its page says it
    first appeared elsewhere (`draft.credit_note`). An article whose page was never read is
    said so, with `reads_it` (how to have it read), not as no author found (walk187 #4)."""
    out = []
    site_names: dict[str, list[tuple[str, str]]] = {}
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            if art.blurb_corrected_in is not None:
                # The editor's own blurb, from an earlier issue: said as a corrected credit is,
                # for it is not what the feed and the page give (walk167 #5).
                out.append(
                    f'the blurb of "{art.title}" ({art.url}) is published as you corrected it in'
                    f" issue {art.blurb_corrected_in}, not as its page or feed gives it (a blurb"
                    " written under its heading in a draft replaces it)"
                )
            if art.title_corrected_in not in (None, issue.number):
                # The editor's own title, from an earlier issue's issue-N.json: said as a
                # corrected credit is (walk199 #2: the feed's title came back, unsaid).
                stored = store.article_by_url(art.url)
                given = f' ("{stored.title}")' if stored and stored.title != art.title else ""
                out.append(
                    f'the title of "{art.title}" ({art.url}) is published as you corrected it in'
                    f" issue {art.title_corrected_in}, not as its page or feed gives it{given} (a"
                    " `## Title` heading over its `url:` line in a draft replaces it)"
                )
            if art.credit_corrected_in is not None:
                # The editor's own credit, from an earlier issue: no doubt of curator's to say,
                # but said, for it is not what the feed and the page give (walk158 #7).
                out.append(
                    f'the credit of "{art.title}" ({art.url}) is published as you corrected it in'
                    f" issue {art.credit_corrected_in}: {corrected_credit(art)}: {what_now}"
                )
                continue
            said = []
            fallback = feed_title_credit(config, store, art, site_names)
            if fallback is not None:
                said.append(
                    f'"{art.publication}" is {fallback.what()}: if it is not,'
                    f" {fallback.fix(config.path, 'under its heading in a draft')}"
                )
            if from_address(store, art):
                what, unnamed = article_credits.address_credit(art.url)
                said.append(
                    f'"{art.publication}" is {what}: neither its page nor a feed names {unnamed}'
                )
            if platform := article_credits.platform_credit(art.publication, art.site_name, art.url):
                said.append(f'"{art.publication}" is {platform}')  # walk167 #7
            if art.other_authors:
                said.append(credit_dispute(art, "credited"))
            elif not any(a.strip() for a in art.authors):
                unread = never_read_note(config, store, art, reads_it) or _read_failed(store, art)
                said.append(
                    unread
                    if unread
                    else "no author was found"
                    if art.publication
                    else "no author or publication was found (the issue shows no credit line)"
                )
            said.extend(filter(None, map(may_be_two, art.authors)))
            if art.credit_capitals:
                # "PAR MARIE-ÈVE DE LA TOUR": "de la Tour" or "de La Tour", as the draft notes
                # (walk195 #4: a plain build published the guess without a word)
                said.append(
                    f'its page writes its byline in capitals ("{art.credit_capitals}"), so the'
                    f" capitals of {' and '.join(art.authors)} are curator's guess"
                    ' ("de la" or "La", "Mc", "van")'
                )
            if art.written_for:
                said.append(written_for_remark(art))
            first = first_appeared_in(art.text)
            original = original_copy(entry, first)
            copy = copy_remark(art.publication, first, original)
            if copy and original:
                said.append(
                    f"{copy} ({original}), the one to feature: in a draft, replace this article"
                    f" with a heading holding its address"
                )
            elif copy:
                said.append(copy)
            if said:
                out.append(
                    f'the credit of "{art.title}" ({art.url}): {"; ".join(said)}: {what_now}'
                )
    return tuple(out)


def _read_failed(store: Store, art: Article) -> str:
    """What a credit naming no one says when its page could not be read: that, and why (fixjq
    #1: "no author was found", or "never read" when a build's first read of it failed)."""
    why = store.unread_pages([art.id]).get(art.id) if art.id else None
    return (
        f"its page could not be read ({_stored_reason(why)}), so no author is known" if why else ""
    )


def retold_stories(issue: Issue, then: str, said: Collection[int] = ()) -> tuple[str, ...]:
    """A note per story an earlier issue published of which the issue left out articles (that
    it would have featured otherwise): the article left out (or, of several copies, how many and
    each one's address), the article and issue that published the story, and why; then `then`
    (formatted with the first one's `url` and `subject`). Not those of `said` (a build said so
    before), nor those an earlier run found and said (`Retold.recorded`). One note per story and
    reason, not per copy (walk81 #2: 3,144 warnings, one per copy of every story published)."""
    notes = []
    for section in issue.sections:
        # (and per reason: walk85 C gave 19 copies one copy's "share 100%", 10 shared 53%)
        stories: dict[tuple[int, str, str], list[Retold]] = {}
        for told in section.retold:
            if told.article.id not in said and not told.recorded:
                stories.setdefault((told.issue, told.earlier.url, told.reason), []).append(told)
        for copies in stories.values():
            first = copies[0]
            left = (
                f'"{first.article.title}" ({first.article.url}) was left out'
                if len(copies) == 1
                else f"{len(copies)} articles were left out"
                f" ({', '.join(t.article.url for t in copies)})"
            )
            notes.append(
                f"{left} as the same story as"
                f' "{first.earlier.title}" ({first.earlier.url}),'
                f" {which_published(first.issue)}: {first.reason}; one story is featured once. "
                + then.format(
                    url=first.article.url,
                    subject=section.subject,
                    again=feature_again_line(first.article.url),
                )
            )
    return tuple(notes)


def same_stories(issue: Issue, then: str, folder: Path | None = None) -> tuple[str, ...]:
    """A note per article left out of the issue as the same story as one it features (named under
    it as "also covered by"): both articles, and why they were judged one story; then `then`
    (formatted with the article's `url`, how the issue names it, `named`, and `subject`). The
    editor's template copies in `folder` made before pieces were numbered are quoted as they
    write such a line (`_named_as`)."""
    unnumbered = _unnumbered_copies(folder)
    return tuple(
        f'"{copy.article.title}" ({copy.article.url}) was judged the same story as'
        f' "{entry.article.title}" ({entry.article.url}): {copy.reason}; '
        + then.format(
            url=copy.article.url,
            again=feature_again_line(copy.article.url),
            named=_named_as(copy.article, entry, unnumbered),
            subject=section.subject,
        )
        for section in issue.sections
        for entry in section.entries
        for copy in entry.copies
    )


def _own_piece(copy: Article, featured: Article) -> bool:
    """Whether the issue names `copy` as another piece of `featured`'s own publication."""
    return bool(featured.publication) and (copy.publication or copy.url) == featured.publication


def _named_as(copy: Article, entry: Scored, unnumbered: Sequence[Path] = ()) -> str:
    """How the issue names `copy` under `entry`'s article: another outlet's name, or, in the
    featured article's own publication, as another piece of it (not as another outlet); numbered
    "(2/3)" when the entry names more than one piece of that publication, as curator's own
    templates do (`render._told_apart`). The editor's copies in `unnumbered`, made before pieces
    were numbered, write the line unnumbered: quoted too, as they write it (walk147 #6: the
    warning quoted "(1/2)", which their issue did not print)."""
    own = copy.publication or copy.url
    publication = own
    pieces = list(
        dict.fromkeys(
            c.article.url
            for c in entry.copies
            if (c.article.publication or c.article.url) == publication
        )
    )
    if len(pieces) > 1 and copy.url in pieces:
        publication = f"{publication} ({pieces.index(copy.url) + 1}/{len(pieces)})"
    if _own_piece(copy, entry.article):
        named = f'"Another piece in {publication} on the same story"'
        if publication != own and unnumbered:
            names = ", ".join(str(path) for path in unnumbered)
            named += (
                f" (as curator's own templates write it; as your {names} write"
                f'{"s" if len(unnumbered) == 1 else ""} it, "Another piece in {own} on the same'
                ' story")'
            )
        return named
    return f'"Also covered by: {publication}"'


@dataclass(frozen=True)
class FeedTitleCredit:
    """An article credited with its feed's title (`feed_title_credit`): where, and what to do."""

    #: The article's host, which the feed's title does not resemble.
    host: str
    #: The feeds.yaml line of its feed.
    line: int
    #: The site names other articles of the feed are credited with, from their own pages: a
    #: `name:` for the feed would replace them too (walk72 #2: an aggregator's ACLU article).
    others: tuple[str, ...] = ()
    #: The site's part of a feed title shaped "Section - Site" (`site_of_section`), proposed as
    #: the feed's `name:` (walk178 #4); "" otherwise.
    site: str = ""

    def what(self) -> str:
        """What the publication is, as the note and the warning say it."""
        if self.site:
            return (
                f"the title of its feed, a section's title with its site's name, \"{self.site}\""
                f" ({self.host})"
            )
        return f"the title of its feed, and nothing says it is the name of the site ({self.host})"

    def fix(self, config_path: Path, draft: str) -> str:
        """What to do, as the warning and the draft's note say it: give the feed a `name:` (it
        names every article of the feed, README), unless other articles of the feed are
        credited with their own pages' site names, which it would replace: then correct this
        article's `publication:` line (`draft`: where that line is)."""
        if not self.others:
            name = f"`name: {self.site}`" if self.site else "`name:`"
            return (
                f"give the feed a {name} in {config_path} (line {self.line}) for all its articles"
            )
        shown = ", ".join(f'"{name}"' for name in self.others[:3])
        more = f" and {len(self.others) - 3} more" if len(self.others) > 3 else ""
        return (
            f"correct the `publication:` line {draft}; a `name:` for the feed in {config_path}"
            f" (line {self.line}) would name all its articles so, also those credited with their"
            f" own pages' site names ({shown}{more})"
        )


def feed_title_credit(
    config: Config,
    store: Store,
    art: Article,
    site_names: dict[str, list[tuple[str, str]]],
) -> FeedTitleCredit | None:
    """When `art`'s publication is its feed's title (curator's fallback when the page gives no
    site name, or one unlike the article's site) and does not resemble the article's site (a
    Health Feed credit for a WebMD page), unless the page names its site so too: the article's
    host, the feeds.yaml line of its feed and the site names its other articles' pages give;
    else None. A `name:` the editor configured is their choice: never noted. `site_names` keeps
    each feed's stored site names over the caller's loop: reading them scans the articles table
    (no index on the feed), once per feed, not once per article of it."""
    source = next((f for f in config.feeds if f.url == art.feed_url), None)
    if (
        source is None
        or source.name
        or not art.publication
        or art.publication != store.feed_state(source.url).title
        or art.publication == art.site_name
    ):
        return None
    site = ""
    if resembles_site(art.publication, art.url) is True:
        site = site_of_section(art.publication, art.url)
        if not site:
            return None
    others = tuple(
        name
        for name, url in _feed_site_names(store, source.url, site_names)
        if name != art.publication
        and article_credits.page_or_feed_name(name, art.publication, url) == name
    )
    return FeedTitleCredit(urlsplit(art.url).hostname or art.url, source.line, others, site)


#: What parts a feed title shaped "Section - Site" ("Wellness: ... - The Washington Post").
_TITLE_PARTS = re.compile(r"\s+[-|\u2013\u2014]\s+")


def site_of_section(title: str, url: str) -> str:
    """The part of a feed's `title` that names the site at `url` when another part does not: a
    section's feed ("Wellness: Health, Fitness, Nutrition & More - The Washington Post" gives
    "The Washington Post"); "" for a title of one part, or all of whose parts name the site."""
    parts = [p.strip() for p in _TITLE_PARTS.split(title) if p.strip()]
    if len(parts) < 2:
        return ""
    named = [resembles_site(p, url) is True for p in parts]
    if all(named):
        return ""
    for part, names in ((parts[-1], named[-1]), (parts[0], named[0])):
        if names:
            return part
    return ""


def _feed_site_names(
    store: Store, feed: str, kept: dict[str, list[tuple[str, str]]]
) -> list[tuple[str, str]]:
    """`Store.feed_site_names` of `feed`, read once into `kept`."""
    if feed not in kept:
        kept[feed] = store.feed_site_names(feed)
    return kept[feed]


#: How the draft's note says a page never read is read (walk187 #4).
IN_THIS_DRAFT = (
    "`curator build --draft` reads it and credits whom it names, unless you write its `author:`"
    " line; for its page's title and blurb too, replace this block with a heading holding just"
    " its address, `## URL`"
)


def credit_notes(config: Config, store: Store, issue: Issue) -> dict[str, str]:
    """What is unsure in each article's credit (`draft.credit_note`), by URL: a publication that
    is its feed's title (`feed_title_credit`), and no author found."""
    notes = {}
    site_names: dict[str, list[tuple[str, str]]] = {}
    unread = store.unread_pages(
        [e.article.id for s in issue.sections for e in s.entries if e.article.id]
    )
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            fallback = feed_title_credit(config, store, art, site_names)
            from_feed = ""
            if from_address(store, art):
                what, unnamed = article_credits.address_credit(art.url)
                from_feed = (
                    f"{what}: neither its page nor a feed names {unnamed}; if it has a name,"
                    " correct the `publication:` line"
                )
            if platform := article_credits.platform_credit(art.publication, art.site_name, art.url):
                # "Substack" (walk167 #7): the platform's name, no blog's, published without a word
                from_feed = (
                    f"{platform}; if the blog has a name, correct the `publication:` line with it"
                )
            if fallback is not None:
                fix = (
                    f"correct the `publication:` line above, or {fallback.fix(config.path, '')}"
                    if not fallback.others
                    else fallback.fix(config.path, "above")
                )
                from_feed = f"{fallback.what()}: if it is not the publication, {fix}"
            first = first_appeared_in(art.text)
            # names taken for the site's own were found, and the draft says so (`author_note`)
            found = art.other_authors if art.authors_from in TAKEN_FOR_SITE else art.authors
            note = credit_note(
                found,
                art.publication,
                from_feed,
                first,
                original_copy(entry, first),
                written_for=art.written_for,
                capitals=art.credit_capitals if art.credit_corrected_in is None else "",
                unread=art.id in unread,
                never_read=never_read_note(config, store, art, IN_THIS_DRAFT),
            )
            if note:
                notes[art.url] = note
    return notes


def unread_notes(store: Store, issue: Issue) -> dict[str, str]:
    """The draft's note on each article of the issue whose page could not be read (a sign-in
    page, a timeout, a 403 ...), by URL: what happened and what to check before publishing, under
    its heading where the editor reviews it (walk178 #1: the run said it on stderr alone, and the
    draft promised in docs/fetching.md said nothing)."""
    entries = [e.article for s in issue.sections for e in s.entries]
    why = store.unread_pages([a.id for a in entries if a.id])
    notes = {}
    for art in entries:
        if art.id not in why:
            continue
        reason = _stored_reason(why[art.id]).removesuffix(f": {READ_AFTER}")
        notes[art.url] = (
            f"Page: its page could not be read ({reason}), so its title, credit and blurb come"
            f" from its feed alone. Before you publish, open {art.url} as a reader would: if it"
            " does not show the article, cut this article (delete its block) or replace its"
            " `url:` line."
        )
    return notes

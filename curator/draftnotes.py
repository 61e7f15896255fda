"""What curator notes of an article in the draft under it, and a build says in its warnings:
a blurb of one sentence, weak, or missing the feed's opening; a page headed otherwise or reading
as a list of posts; a credit in doubt (the feed's and the page's names, a copy of another site's
article, a credit "for" another publication)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from curator.articles import shares_little
from curator.blurb import MIN_CHARS, complete_sentences, lost_opening, more_sentences
from curator.credits import may_be_two, same_name
from curator.creditsites import site_team
from curator.draftsyntax import one_line as _one_line
from curator.errors import shell_arg
from curator.htmltext import normalise_space
from curator.models import FEED_CODE, TAKEN_FOR_SITE, Article, Scored, code_remark, taken_remark
from curator.render import join_names
from curator.stories import names_publication

#: Where an article has no blurb, the draft says so in its place (an HTML comment: ignored).
NO_BLURB = "<!-- No blurb could be made for this article: write one here (2-3 sentences). -->"
#: Where an article's blurb is a single sentence, the draft says so under it (a comment: ignored).
SHORT_BLURB = (
    "<!-- This blurb is one sentence (blurbs are 2-3): {why}. Add a sentence, or leave it. -->"
)


#: Where a blurb may not say what its article is about (`blurb.weak_blurb`: the author's own
#: story, a few headlines, or an opening on someone it never introduces), the draft says so under
#: it (walk67 #2, walk122 #1).
WEAK_BLURB = (
    "<!-- Check this blurb: {why}. Write what the article does for the reader, or leave it. -->"
)


#: Where the page's text lacks the opening its feed gives, the draft says so under the blurb.
LOST_OPENING = (
    '<!-- Check this blurb: its feed\'s summary opens "{opening}...", which the text curator'
    " read of its page lacks, so the page's lead may be lost and the blurb start mid-story."
    " Write the lead in if so. -->"
)


#: Where the article's page is headed otherwise than the feed's title, the same story by its
#: words (`Article.page_headline`, not `another_story_of`): the headline changed after the feed was
#: written, perhaps, and curator keeps the feed's (walk90 #4).
NEWER_HEADLINE = (
    '<!-- Check the title: the page is headed "{headline}" (the title above is the feed\'s; the'
    " page's may be newer). To use the page's, put it in the ## line. -->"
)


def another_story_of(art: Article) -> bool:
    """Whether the page headline kept with `art` shares little with its title (`shares_little`):
    its page may be another story (walk75 #7), not the same one headed anew (walk90 #4)."""
    return bool(art.page_headline) and shares_little(art.title, art.page_headline)


#: Where the article's page names another address as its own under a headline that shares little
#: with the feed's title (`Article.page_headline`), the draft says so under it (walk75 #7).
ANOTHER_STORY = (
    "<!-- Check this article: the page its feed's link led to names the address above as its own"
    ' and is headed "{headline}", so it may be another story: the title is the feed\'s, the'
    " address, credit and blurb that page's. Fix the title, or the credit and blurb, to the"
    " article meant, or cut it. -->"
)


#: Where the article's page reads as a list of posts (`Article.post_list`), the draft says so
#: under its blurb (walk52 #3: `fetch` said to check these in the next draft, which was silent).
POST_LIST = (
    "<!-- Check this blurb: its page reads as a list of {count} posts (a blog's front page or an"
    " archive), not one article, so the blurb may join several. Write the blurb of the post"
    " meant, or cut the article (and `curator subjects exclude URL`). -->"
)


def lost_opening_of(article: Article) -> str:
    """The opening words of the article's feed summary that the text read of its page and its
    blurb both lack (`blurb.lost_opening`), quotes and comment marks made safe; "" when none."""
    opening = lost_opening(article.text, article.summary, article.blurb, article.title)
    return opening.replace('"', "'").replace("--", "-")


def short_blurb_reason(article: Article) -> str:
    """Why the article's blurb is one sentence, as the draft's note and the warning both say it:
    its page or feed had more text, none of which fit beside it, or they had no more; or it is
    the page's one sentence, too long for a blurb, cut (walk90 #9)."""
    if article.blurb.endswith("...") and article.blurb[:-3] in normalise_space(article.text or ""):
        return (
            "it is the start of a sentence of its page too long for a blurb, cut short"
            ' (it ends with "...")'
        )
    page = more_sentences(article.text, article.blurb)
    feed = more_sentences(article.summary, article.blurb)
    if page or feed:
        which = (
            "its feed and page have"
            if page and feed
            else "its page has"
            if page
            else ("its feed has")
        )
        return f"{which} more text, but no second sentence that fit beside it"
    if "\ufffd" in (article.text or "") + article.blurb:
        # (walk154 NEW-8: an EUC-JP page whose `①` were not read was said to have "no more text")
        return (
            "characters of its page could not be read in the charset it was read in and show as"
            " \ufffd, and the sentences holding them were left out"
        )
    if article.text is None:  # its page was not read (refused, failed, not asked for) or empty
        return (
            "its feed had no more text to make one of 2-3 sentences, and no text of its page was"
            " read"
        )
    left = len(normalise_space(article.text)) - len(article.blurb)
    if left >= MIN_CHARS:
        # Text there is, but in no sentence curator can tell apart (walk48 #1: a Thai page of 1,677
        # characters, whose sentences end with a space, was said to have "no more text").
        own = bool(article.blurb) and article.blurb in normalise_space(article.text)
        if complete_sentences(article.text) > own:
            # (the blurb's own sentence aside, those left were left out as furniture: walk90 #5)
            return (
                f"its page has more text ({left:,} characters), but its other sentences read as"
                " page furniture (a notice, a label, a credit or a link), not the article's text"
            )
        return (
            f"its page has more text ({left:,} characters), but in no sentence curator can tell"
            " apart (none ending with . ! or ?)"
        )
    return "its feed and page had no more text to make one of 2-3 sentences"


def credit_note(
    authors: Sequence[str],
    publication: str | None,
    from_feed: str = "",
    first_appeared: str = "",
    original: str = "",
    *,
    written_for: str = "",
    unread: bool = False,
    never_read: str = "",
    capitals: str = "",
) -> str:
    """What is unsure in a credit, for the editor reviewing the draft ("" when nothing is): a
    publication that is the feed's name rather than one the page gave (`from_feed` says so, and
    what to do), no author found, an author who may be two people (`credits.may_be_two`), or a page that says it first appeared elsewhere
    (`first_appeared`, `copy_remark`; `original`: the address of that publication's copy of
    it, named under it, which is the one to feature, not this one re-credited: walk119 #2).
    `unread`: its page could not be read, so no author found says nothing of the article;
    `never_read`: what to say instead when its page was never read (`firstread.never_read_note`,
    walk187 #4). `capitals`: the page's byline written in capitals that a name was re-cased
    from, a guess the editor checks (walk191 #9)."""
    notes = []
    if publication and from_feed:
        notes.append(f'"{publication}" is {from_feed}')
    if not any(a.strip() for a in authors) and unread:
        # (its page was never read: nothing says the article names no one; walk178 #1)
        notes.append(
            "its feed names no author and its page could not be read (see the Page note):"
            " add an `author:` line if you know who wrote it"
        )
    elif not any(a.strip() for a in authors) and never_read:
        notes.append(f"{never_read}: add an `author:` line if you know who wrote it")
    elif not any(a.strip() for a in authors):
        notes.append("no author was found: add an `author:` line if the article names one")
    # "محمد أحمد وليد الخطيب": one person or two (walk151 #4), which only the editor can tell
    notes.extend(
        f"{unsure}: if so, write an `author:` line for each"
        for unsure in map(may_be_two, authors)
        if unsure
    )
    if capitals:
        # "PAR MARIE-ÈVE DE LA TOUR": "de la Tour" or "de La Tour" only she can tell
        whose = "names'" if len(authors) > 1 else "name's"  # two people's (walk195 #4)
        notes.append(
            f'the page writes its byline in capitals ("{capitals}"), so the {whose} capitals'
            " above are curator's guess:"
            ' check them ("de la" or "La", "Mc", "van") and correct the `author:` line if they'
            " are wrong"
        )
    if written_for:
        notes.append(
            f"{_written_for_words(authors, publication, written_for)}: if it first appeared"
            " there, correct the `publication:` line"
        )
    copy = copy_remark(publication, first_appeared, original)
    if copy and original:
        notes.append(
            f"{copy}: to feature the original, replace this article's heading, its lines and"
            f" blurb with one line: `## {original}` (curator reads and credits it)"
        )
    elif copy:
        notes.append(f"{copy}: if so, correct the `publication:` line")
    return ("Credit: " + "; ".join(notes) + ".") if notes else ""


def _written_for_words(authors: Sequence[str], publication: str | None, written_for: str) -> str:
    """What a credit's "for ..." said ("Bea Kahn for The Compost Gazette"), in words: "its
    credit", as the feed's and the page's byline are said alike (fixgk: an article does not
    record which of them said it)."""
    who = join_names([a for a in authors if a.strip()]) or "its author"
    credited = f'"{publication}"' if publication else "no publication"
    return (
        f'its credit names {who} "for {written_for}", so it may have been written for'
        f" {written_for}; {credited} is credited"
    )


def written_for_remark(art: Article) -> str:
    """A build's words on an article its feed's credit says was written for another
    publication (`Article.written_for`), as the draft's `<!-- Credit -->` note says them."""
    return _written_for_words(art.authors, art.publication, art.written_for)


def copy_remark(publication: str | None, first_appeared: str, original: str = "") -> str:
    """What to say of an article whose page says it first appeared in `first_appeared`
    (`creditsites.first_appeared_in`) when that is not its `publication`: "" otherwise. `original`:
    the address of that publication's copy among the issue's candidates, when one is."""
    if not first_appeared or (publication and same_name(first_appeared, publication)):
        return ""
    credited = f'"{publication}"' if publication else "its publication"
    if original:
        return (
            f"the page says it first appeared in {first_appeared}, so {credited} is the site of"
            f" a copy, and {first_appeared}'s own is named under it"
        )
    return (
        f"the page says it first appeared in {first_appeared}, so {credited} may be the site of"
        " a copy"
    )


def original_copy(entry: Scored, first_appeared: str) -> str:
    """The address of the copy named under `entry` that is at the publication `first_appeared`
    (where the entry's page says it first appeared), "" when none is."""
    if not first_appeared:
        return ""
    return next((c.url for c in entry.copy_articles if names_publication(first_appeared, c)), "")


def credit_dispute(art: Article, credited: str) -> str:
    """Whom an article's feed and page each named when they named different people, and which
    one is `credited` ("credited above" in a draft, "credited" in a build's warning). Or what
    the feed or the page named that was taken for the site's own name (walk118 #1: "no author
    was found" was said of a feed that named "Zendo" on "Zendo Blog")."""
    if art.authors_from == FEED_CODE:
        return code_remark(art.authors, art.other_authors)
    if art.authors_from in TAKEN_FOR_SITE:
        names = " and ".join(f'"{name}"' for name in art.other_authors)
        team = all(site_team(name, art.publication) for name in art.other_authors)
        return taken_remark(art.authors_from, names, team)
    kept = join_names(art.authors) or "no one"
    other = join_names(art.other_authors)
    if art.authors_from == "page":
        return f"the page names {kept}, {credited}; its feed names {other}"
    return f"the feed names {kept}, {credited}; the page names {other}"


def author_note(art: Article) -> str:
    """A comment under an article's credit when its feed and its page named different people
    (`articles_credits.choose_authors`): who was credited, from where, whom the other names, and what to
    do. The editor reviews credits here; nothing else says it."""
    fix = (
        "If it is a person's name, add an `author:` line naming them"
        if art.authors_from in TAKEN_FOR_SITE
        else "If the credit is wrong, change the `author:` lines"
    )
    note = (
        f"Author: {credit_dispute(art, 'credited above')}. {fix}"
        f" (`curator extract {shell_arg(art.url)}` shows what the page says)."
    )
    return f"<!-- {_one_line(note).replace('-->', '-- >')} -->"


#: The notes on a credit curator doubts, each on a line of its own under the article's credit.
_CREDIT_NOTE = re.compile(r"^<!-- (?:Credit|Author): ")


def noted_credits(text: str) -> int:
    """How many articles of a draft curator wrote carry a note on their credit (`<!-- Credit:`,
    `<!-- Author:`), for the run to say (walk158 #13: 16 such notes were written, unsaid)."""
    noted = set()
    heading = 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("## "):
            heading = number
        elif _CREDIT_NOTE.match(line):
            noted.add(heading)
    return len(noted)


def credit_notes_line(count: int, path: Path | str) -> str:
    """What a draft run says of the credits its draft notes, "" when none is."""
    if not count:
        return ""
    # walk167 #10: "1 credit in ... carry a note"
    credits = "1 credit" if count == 1 else f"{count} credits"
    verb = "carries" if count == 1 else "carry"
    return (
        f"{credits} in {path} {verb} a note: search the draft for <!-- Credit and <!-- Author,"
        " and correct the `author:` or `publication:` lines where the note says to"
    )

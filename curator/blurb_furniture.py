"""Page furniture a blurb never takes: share, cookie, comment and credit lines, footers of
publishing platforms, and paywall notices (`paywall_notice`)."""

from __future__ import annotations

import re

from curator.blurb_notices import FIRST_PUBLISHED, goes_on, is_consent_sentence, is_page_label
from curator.blurb_sentences import CLOSERS as _CLOSERS
from curator.blurb_sentences import ELLIPSIS as _ELLIPSIS
from curator.blurb_sentences import MIN_SENTENCE_CHARS, SENTENCE_ENDS, split_sentences
from curator.blurb_sentences import MORE as _MORE
from curator.blurb_sentences import starts_sentence as _starts_sentence
from curator.blurb_sentences import text_size as _size
from curator.textfeatures import MAX_TEXT_CHARS

#: Sentences that are page furniture, never part of a blurb (matched case-insensitively at the
#: start). From the seed captures (seeds/001-004: "Leave a Reply", "Read more", "Image: Chris
#: Casciano", "Last updated on ...") and WordPress/Blogger feed boilerplate ("The post X appeared
#: first on Y").
FURNITURE = (
    "read more",
    "continue reading",
    "leave a reply",
    "leave a comment",
    "click here",
    "subscribe",
    "share this",
    "the post ",
    "this post appeared first",
    "image:",
    "image credit",
    "photo:",
    "photo credit",
    "credit:",
    "source:",
    "last updated",
    "updated on",
    "posted on",
    "published on",
    "related posts",
    "related:",
    "sign up",
    "follow us",
    "advertisement",
    "if you have any questions",
    "your email address",
    "required fields",
    "all rights reserved",
    "copyright",
    "©",
    "tags:",
    "filed under",
    "share on",
    "tweet",
    "download",
    "watch:",
    "listen:",
)


#: A FURNITURE opening as a whole word: "Subscribe to our newsletter", never "Subscribers to the
#: magazine's print edition received the issue early" (walk70 #4: a free lead dropped unsaid).
_FURNITURE_START = re.compile(
    "(?:" + "|".join(re.escape(start) for start in FURNITURE) + r")(?!(?<=\w)\w)"
)


#: Phrases that make a sentence furniture wherever they appear (cookie banners, share bars, comment
#: forms, newsletter boxes), from the same sources plus the readability corpus' pages. Phrases, not
#: single words: an article may well be about cookies, subscriptions or newsletters.
FURNITURE_ANYWHERE = re.compile(
    r"\b(?:(?:we|this (?:site|website)) uses? cookies|cookie (?:policy|settings|preferences)|"
    r"accept (?:all )?cookies|privacy policy|terms of (?:use|service)|read more|click here|"
    r"subscribe (?:now|today|to (?:our|the|this))|sign up (?:for|to) (?:our|the)|log in to|"
    r"share (?:this|on)|leave a (?:reply|comment)|email address will not be published|"
    r"required fields are marked|all rights reserved|enable javascript|javascript is disabled|"
    r"your browser does not|sponsored content|affiliate links?|follow us on|last updated on|"
    r"thanks to [^.!?]{1,80}? for sponsoring)\b",
    re.I,
)


#: What a notice says before a FURNITURE_ANYWHERE phrase: nothing but the words that ask the
#: reader ("Please read more", "You can also subscribe to our ..."), the site speaking of its own
#: ("our privacy policy", "This post contains affiliate links") or a list's bullet.
_NOTICE_LEAD_IN = re.compile(
    r"^(?:[-•*·|>\s]|please\b|you (?:can|may|must|should|need to)(?: also)?\b|to\b|or\b|and\b|"
    r"just\b|simply\b)*$"
)


_NOTICE_OWN = re.compile(
    r"(?:\bour|\bthis (?:post|article|page|site|website|story|video|content|newsletter)\b"
    r"[^.!?]{0,30}?)\s*$"
)


_READER = re.compile(r"\b(?:you|your)\b")


#: A sentence this short holding a FURNITURE_ANYWHERE phrase is a footer line, not prose.
_FOOTER_WORDS = 5


#: A sentence this short opening with a FURNITURE word is a footer line ("Sign up for free
#: today!"); a longer one is furniture only in a notice's shape (`_starts_as_footer`).
_FOOTER_LINE_WORDS = 8


#: FURNITURE labels of a video or a recording: before a few words, a link to another ("Watch:
#: Biden's speech in full"); before a longer sentence, the page's own lead ("Watch: our reporter
#: spends a day answering customer complaints at a utility company.").
_MEDIA_LABELS = frozenset(("watch:", "listen:"))


#: FURNITURE openings that label what follows (a date, a credit, a link): furniture at any length.
_FURNITURE_LABELS = frozenset(
    (
        "image credit",
        "photo credit",
        "last updated",
        "updated on",
        "posted on",
        "published on",
        "filed under",
        "share on",
        "this post appeared first",
        "related posts",
        "all rights reserved",
        "your email address",
        "required fields",
        "if you have any questions",
    )
)


#: After a FURNITURE word, what makes it a label: a colon, or a copyright's sign or year.
_LABEL_AFTER = re.compile(r"\s*(?::|©|\(c\)|\d{4}\b)")


#: An offer to the reader: "Sign up for 4 months of ... for just $1", "... for more Apple news".
_OFFER = re.compile(r"\b(?:for (?:just|only) \W?\d|for free|for more|free trial)\b")


#: A verb in the past tense, as news tells it ("closed", "sued", "fell", "rose").
_PAST = re.compile(r"\b(?:\w{2,}ed|fell|rose|grew|took|made|went|came|won|lost|said|told)\b")


#: A notice asks the reader or speaks of the site's own.
_READER_OR_OWN = re.compile(r"\b(?:you|your|yours|our|us)\b")


#: Words that report news: a sentence holding one after its footer word tells of a notice, it is
#: not one ("Leave a comment below, the minister's blog post said"). Read by `_starts_as_footer`
#: and `_is_notice`; `SURNAME_REPORTING` below is the blurb checks' own (brief fixhz: both were
#: once named REPORTED, and the second replaced this one at import).
NEWS_REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|found|finds|reported|reports|announced|according to|"
    r"ruled|warned|admitted|claimed|confirmed)\b"
)


#: A sentence that ends on a "read on" link (maybe with its arrow: "Keep reading »") or a cut.
_FURNITURE_END = re.compile(rf"(?:\b{_MORE}[^\w.!?]*|{_ELLIPSIS})$", re.I)


#: A paywall's or a sign-in box's notice ("有料会員の方のみご利用になれます。", "This article is
#: available to subscribers only", "Already a subscriber? Log in", "Nur für Abonnenten"), in the
#: corpus' languages: never a blurb, nor the block that holds it (walk55 #1: a Nikkei page's notice
#: was ja1's blurb). Phrases of the notice, not words: an article may be about subscriptions or
#: memberships. A notice has two shapes, and only a short block can be one (`is_paywall_notice`):
#:
#: - it says who may read on, and that ends its clause: "... available to members only.",
#:   "Cet article est réservé aux abonnés.", "Este contenido es exclusivo para suscriptores.";
#:   prose goes on after the same words: "available only to members who spend more" (walk65 #1),
#:   "Le salon est réservé aux abonnés du stade", "El gimnasio es exclusivo para socios desde
#:   enero", "This article is available to subscribers only, the regulator noted, ..." (walk70 #4);
#:   German "für Abonnenten" opens the notice, or follows "nur", "exklusiv" or "Artikel ist": "...,
#:   das Angebot gilt für Abonnenten." is prose (walk76 #5);
#: - it speaks to the reader, in the second person or the imperative, of reading on or of their
#:   account: "Already a subscriber?" (the question, not "if you're not already a member"),
#:   "You have reached your limit of free articles" (a limit of articles or reading: "Once you've
#:   reached your credit limit, ..." is prose, walk76 #5), "Il vous reste 80% de cet article à lire",
#:   "Weiterlesen mit Z+", "Para seguir leyendo, hazte suscriptor" (walk70 #3), "Subscribe to keep
#:   reading" (fixlp #5: a metered paywall's heading, unsaid).
_READERS = (
    r"(?:our )?(?:paid |paying |premium )?(?:subscribers|members)|abonnenten|"
    r"abonnée?s|membres|suscriptores|socios|abonados"
)


_WHO_MAY_READ = (
    r"(?:(?:available|reserved) (?:only |exclusively )?(?:to|for) |"
    r"(?:this|the) (?:article|story|content|page|post) is (?:only |exclusively )?"
    r"(?:available )?(?:to|for) |"
    r"nur für |exklusiv für |(?:artikel|beitrag|inhalt|text) (?:ist )?(?:nur )?für |"
    r"(?<![\w,] )für |"
    r"vorbehalten (?:für )?|réservée?s? (?:aux|à nos) |"
    r"exclusiv[oa]s? (?:para|de) (?:los |nuestros )?)"
    rf"(?:{_READERS})(?: only| vorbehalten| verfügbar| zugänglich)?|"
    r"(?:abonnenten|mitgliedern) vorbehalten|(?:for )?subscribers only"
)


#: What ends a clause: a stop, a colon, a bracket, the block's end (not a comma: reported speech).
_CLAUSE_END = r"(?=\s*(?:[.!?:;)\]»…]|$))"


_TO_THE_READER = (
    r"already (?:a subscriber|a member|subscribed|have an account)\s*\?|"
    r"(?:bereits|schon) (?:ein )?(?:abo|abonnent(?:in)?|mitglied)\s*\?|"
    r"déjà (?:abonnée?|membre|inscrite?)\s*\?|ya eres (?:suscriptora?|soci[oa]|miembro)\s*\?|"
    r"you(?:'ve| have) (?:reached|hit|used(?: up)?) (?:all (?:of )?)?your "
    r"(?:[^.!?]{0,30}? )?(?:free (?:articles|stories|reads)|"
    r"(?:free |monthly |weekly )?(?:article|story|reading|read)s? limit|"
    r"limit of (?:free )?(?:articles|stories|reads))|"
    r"to continue reading|(?:sign|log) in to (?:read|continue|keep reading)|"
    r"subscribe (?:now )?to (?:continue|keep reading|read|unlock)|"
    r"(?:jetzt )?weiterlesen mit|para (?:seguir|continuar) leyendo|"
    r"pour (?:lire la suite|continuer (?:à|a) lire)|hazte (?:suscriptora?|soci[oa])|"
    r"il vous reste \d+\s*%"
)


PAYWALL = re.compile(
    r"有料会員|会員限定|会員の方のみ|会員登録が必要|続きをお読み|ログインが必要|"
    r"付费会员|会员专享|付费阅读|订阅后(?:阅读|查看)|登录后(?:阅读|查看)|訂閱後|"
    r"للمشتركين فقط|"
    rf"\b(?:(?:{_WHO_MAY_READ}){_CLAUSE_END}|"
    r"(?:subscribers?|members?)[- ]only (?:content|article|story)\b|"
    rf"{_TO_THE_READER})",
    re.I,
)


#: A paywall's notice is a line or two: a longer block (paragraph, sentence, description) that holds
#: one of its phrases is prose about subscriptions, not the notice (walk65 #1). Measured as `_size`
#: (a Chinese or Japanese character counts as three).
NOTICE_MAX_SIZE = 240


#: The notice quoted in a warning: at most this many characters, cut between words.
NOTICE_QUOTE_CHARS = 100


def _notice_phrase(block: str) -> re.Match[str] | None:
    """The phrase of a paywall's notice (`PAYWALL`) in `block`, when the block is short enough to
    be the notice (`NOTICE_MAX_SIZE`)."""
    block = " ".join(block.split())
    return PAYWALL.search(block) if _size(block) <= NOTICE_MAX_SIZE else None


def is_paywall_notice(block: str) -> bool:
    """Whether `block` (a paragraph, a sentence, a description) is a paywall's or sign-in box's
    notice: short, and phrased as one (`PAYWALL`)."""
    return _notice_phrase(block) is not None


def paywall_notice(text: str | None) -> str:
    """The paywall's or sign-in box's notice in the start of a page's `text`: the sentence of the
    first paragraph that is one (`is_paywall_notice`), in whole words (at most
    `NOTICE_QUOTE_CHARS`, then "..."). What was read of the page is what it shows free, so its
    blurb may come from a teaser; "" when there is none."""
    for line in (text or "")[:MAX_TEXT_CHARS].splitlines():
        line = " ".join(line.split())
        found = _notice_phrase(line)
        if found is None:
            continue
        sentence = next(
            (s for s in split_sentences(line) if PAYWALL.search(s)), line[found.start() :]
        )
        if len(sentence) <= NOTICE_QUOTE_CHARS:
            return sentence
        return sentence[: NOTICE_QUOTE_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "..."
    return ""


#: A publishing platform's footer or a note about the post rather than what it says (walk66 #2),
#: never a blurb sentence. Medium's: "X was originally published in Y on Medium, where people are
#: continuing the conversation by highlighting and responding to this story.", "This story is
#: currently available to Medium Members ...", "The story will be unlocked and available to all of
#: our readers after 30 days."; podcast hosts': "See omnystudio.com/listener for privacy
#: information.", "Learn more about your ad choices. Visit megaphone.fm/adchoices", "Hosted on
#: Acast. See acast.com/privacy for more information.", art19's and Simplecast's privacy lines. A
#: post's note on where it first appeared or how to get a copy ("A version of this post originally
#: appeared in Google bathrooms worldwide as ...", "This article was adapted from ...", "You can
#: download a printer-friendly version ...", "This is another post in our Code Health series."):
#: the blog's own words, but about the post, not what it says, and the same on every post.
#: A web address as a podcast host's footer names it: "omnystudio.com/listener", "https://pod.link/x".
_HOST_PATH = r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?"


#: (The footers' phrases only beside their addresses, or as the whole sentence: "The FTC asked
#: TikTok for privacy information about ..." is prose, walk76 #2.)
PLATFORM_FOOTER = re.compile(
    r"where people are continuing the conversation|"
    r"\bwas originally published (?:in|on) .{1,200}? on Medium\b|"
    r"\b(?:currently|previously) available (?:only )?to Medium members\b|"
    r"\bthe story will be unlocked and available\b|"
    r"\b(?:omnystudio\.com/listener|megaphone\.fm/adchoices|acast\.com/privacy|"
    r"art19\.com/privacy|simplecast\.com/privacy|podcastchoices\.com/adchoices)|"
    rf"\bsee {_HOST_PATH} for (?:more )?privacy information\b|"
    r"^learn more about your ad[- ]?choices\b(?:\W*$|\W+visit\b)|"
    r"^hosted on acast\b(?:\W*$|\W+see\b)|"
    rf"{FIRST_PUBLISHED.pattern}|"
    r"\bprinter[- ]friendly version\b|"
    r"^this is (?:another|the (?:latest|next)) (?:post|article|part|instal?lment|entry) (?:in|of) "
    r"(?:our|the|this|a|my) [^.!?]{0,60}\bseries\b",
    re.I,
)


#: A short line greeting the reader or telling them to read on ("Hi there!", "Welcome back to the
#: blog.", "Read on to learn more!", "Let's dive in."): the post's chatter, not what it is about
#: (walk203 #6). Only at most `_CHATTER_WORDS` words: "Welcome to the future of support, where
#: ..." may open a lead.
_CHATTER = re.compile(
    r"^(?:(?:hi|hello|hey|howdy|greetings)(?:\s+(?:there|everyone|everybody|all|folks|friends|"
    r"readers|again))?\s*[!,.]|welcome\s+back\b|welcome\s+to\s+(?:the|our|my|this)\s+"
    r"(?:blog|site|website|newsletter|column|series|podcast|show|post|article)\b|"
    r"(?:read\s+on|keep\s+reading|scroll\s+down|let['’]?s\s+(?:dive|jump|get)\s+(?:in|into|started)"
    r")\b)"
)
_CHATTER_WORDS = 8


def is_furniture(sentence: str) -> bool:
    lowered = sentence.lower().lstrip("\"'“‘([ ")
    if _starts_as_footer(lowered) or _is_notice(lowered) or PLATFORM_FOOTER.search(lowered):
        return True
    if len(lowered.split()) <= _CHATTER_WORDS and _CHATTER.match(lowered):
        return True  # "Hi there!", "Read on to learn more!" (walk203 #6)
    if is_consent_sentence(lowered) or is_page_label(lowered):
        return True
    return bool(_FURNITURE_END.search(lowered))


def _starts_as_footer(lowered: str) -> bool:
    """A sentence opening with a FURNITURE word that is a footer: a label ("Photo: ...", "Tags:",
    "Posted on ..."), a footer line of a few words ("Sign up now!"), or a notice to the reader
    that reports nothing ("Subscribe to our newsletter for the week's best stories."). A long
    sentence of news opening with the same word is the lead (walk83 N1: "Sign up for the city
    marathon closed ...", "Copyright holders sued ...", "Download speeds doubled ..." were
    dropped unsaid)."""
    match = _FURNITURE_START.match(lowered)
    if not match:
        return False
    after = lowered[match.end() :]
    if match.group() in _MEDIA_LABELS and len(after.split()) > _FOOTER_LINE_WORDS:
        return False  # "Watch: our reporter spends a day ...": a video page's own lead (walk90 #7)
    if match.group().endswith((":", "©", " ")) or match.group() in _FURNITURE_LABELS:
        return True
    if _LABEL_AFTER.match(after) or len(lowered.split()) <= _FOOTER_LINE_WORDS:
        return True  # "READ MORE: ...", "Copyright (c) 2014 ...", "Sign up now!"
    if NEWS_REPORTED.search(after):
        return False
    return bool(_READER_OR_OWN.search(lowered) or _OFFER.search(after))


def _tells_news(lowered: str, end: int) -> bool:
    """A sentence opening with a footer's words that goes on to tell news: it neither asks the
    reader nor speaks of the site's own, and a verb in the past tense follows the words."""
    if _READER_OR_OWN.search(lowered) or _OFFER.search(lowered, end):
        return False
    return bool(_PAST.search(lowered, end))


def _is_notice(lowered: str) -> bool:
    """A sentence holding a FURNITURE_ANYWHERE phrase in a notice's shape: the phrase opens it
    ("Click here ...", "Please read more"), the site speaks of its own ("See our privacy policy",
    "This post contains affiliate links"), it asks the reader in a short sentence ("would you take
    a moment to share this?"), or it is a footer line of a few words. Prose that names the same
    things is not furniture (walk78 #1: "Twitter changed its terms of service on Friday ...",
    "Readers who log in to the bank's app ...", "Read our privacy policy? Few users do" were
    dropped from their blurbs, which opened at the second sentence)."""
    question = lowered.rstrip(_CLOSERS + " ").endswith("?")
    words = len(lowered.split())
    for match in FURNITURE_ANYWHERE.finditer(lowered):
        if NEWS_REPORTED.search(lowered[match.end() :]):
            continue  # "Subscribe to our newsletter, the pop-up said; ...": news of a notice
        if "cookie" in match.group(0) and goes_on(lowered):
            continue  # "We use cookies to remember ..., and customers expect ...": a story's
        before = lowered[: match.start()]
        if _NOTICE_LEAD_IN.match(before):
            if words > _FOOTER_LINE_WORDS and _tells_news(lowered, match.end()):
                continue  # "Sign up for the city marathon closed within an hour ..."
            return True
        if (words <= _FOOTER_WORDS or _NOTICE_OWN.search(before)) and not question:
            return True  # "Read our privacy policy?" asks about one: a lead, not a footer
        if _READER.search(lowered) and words <= 15:
            return True
    return False


def is_sentence(sentence: str) -> bool:
    """A complete sentence: ends with . ! or ? (maybe in quotes), opens with a capital or digit."""
    core = sentence.rstrip(_CLOSERS)
    if not core.endswith(SENTENCE_ENDS) or core.endswith(("...", "…")):
        return False
    if _size(sentence) < MIN_SENTENCE_CHARS or (sentence.isascii() and len(sentence.split()) < 4):
        return False  # "Davis 17 points.", "10.": scores and captions, not sentences
    return _starts_sentence(sentence)


#: What a person named by their surname alone does in a sentence opening a blurb ("Temkin
#: elaborated", "Smith said"). Read by `blurb_checks`; not the footer checks' `NEWS_REPORTED`.
SURNAME_REPORTING = re.compile(
    r" (?:said|says|told|added|explained|elaborated|argued|wrote|writes|noted|recalled|insisted|"
    r"warned|believes|thinks|described|compared|agreed|disagreed|admitted|claimed)\b"
)

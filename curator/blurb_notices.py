"""Notices a page or a feed opens with that are no part of the article: a consent (cookie, privacy)
notice, in the languages curator reads, and a page's labels (reading time, "Advertisement",
"Listen to this article"). Read by `blurb_furniture.is_furniture` (a sentence) and by the blurb
pickers (`is_consent_notice`: a paragraph, a feed's description).

walk182 #3: the Brightline pages put "Brightline uses cookies and similar technologies for
analytics. You can change your choice at any time in Cookie settings." inside `<article>`, and
their feed's description was that notice: its first sentence opened three published blurbs. A
notice is told by its shape, not its words: the site (named, "we", "this site") says it uses
cookies for its own ends, or asks the reader's consent, or says where to change it.
"""

from __future__ import annotations

import re

from curator.blurb_sentences import split_sentences

#: Cookies and their kin, as consent notices name them.
_COOKIES = r"(?:cookies?|traceurs|クッキー)"

#: What a site says it uses cookies for: its own ends, never news ("to track users across sites,
#: regulators said" is told by `_REPORTED`).
_PURPOSE = (
    r"(?:analytics|analysis|statistics|advertising|ads\b|marketing|measurement|"
    r"personali[sz]|measure|improve|enhance|provide|deliver|offer|give you|ensure|remember|"
    r"understand how|optimi[sz]e|make (?:this|our|the) (?:site|website)|the best|a better)"
)

#: A consent notice's sentence, in English, German, French, Spanish, Italian, Dutch, Portuguese,
#: Japanese and Chinese (lower case): the site uses cookies for its ends ("X uses cookies and
#: similar technologies for analytics", "Diese Website verwendet Cookies", "Nous utilisons des
#: cookies"), consent is asked or assumed ("By continuing to browse you agree to our use of
#: cookies", "Si continúa navegando, consideramos que acepta su uso"), or the reader is sent to
#: the settings ("You can change your choice at any time in Cookie settings", "Gérer les cookies").
CONSENT = re.compile(
    # English
    rf"\b{_COOKIES} (?:and|or|&) similar (?:technologies|tools|tracking)\b|"
    rf"\bour (?:use|usage) of {_COOKIES}\b|"
    rf"\b(?:use|usage) of {_COOKIES} (?:on|by) (?:this|our) (?:site|website)\b|"
    r"\bby (?:continuing|using|browsing|clicking|staying|scrolling)\b[^.!?]{0,80}?"
    r"\byou(?:'re| are)? (?:agree|consent|accept|agreeing|consenting)\b[^.!?]{0,40}?"
    rf"\b(?:our|this (?:site|website)|{_COOKIES})|"
    r"\b(?:change|manage|update|withdraw|revoke|review) your (?:choices?|consent|preferences|"
    r"privacy settings)\b[^.!?]{0,40}?\b(?:at any time|any time|anytime)\b|"
    r"^(?:accept|reject|decline|allow) (?:all|all cookies|optional cookies)\W*$|"
    # German
    rf"\b(?:diese|unsere) (?:web)?(?:site|seite|website|webseite|homepage) (?:verwendet|nutzt|"
    rf"benutzt|setzt|speichert) [^.!?]{{0,20}}?{_COOKIES}\b|"
    rf"\bwir (?:verwenden|nutzen|benutzen|setzen|speichern) [^.!?]{{0,20}}?{_COOKIES}\b|"
    rf"\b(?:verwendung|nutzung|einsatz|speicherung) (?:von )?{_COOKIES} zu\b|"
    r"\bcookie-?(?:einstellungen|richtlinie|hinweis)\b|"
    r"\b(?:mit|durch|bei) der (?:weiteren )?nutzung (?:dieser|unserer|der) (?:web)?"
    r"(?:site|seite|website|webseite)\b[^.!?]{0,40}?\b(?:stimmen|erklären|willigen) sie\b|"
    # French
    rf"\b(?:ce|notre) site(?: web| internet)? utilise (?:des |les )?{_COOKIES}\b|"
    rf"\bnous utilisons (?:des |les )?{_COOKIES}\b|"
    r"\ben (?:poursuivant|continuant) (?:votre|la) navigation\b|"
    rf"\bvous acceptez (?:l'|l’)(?:utilisation|usage|emploi) (?:des |de )?{_COOKIES}\b|"
    rf"\b(?:paramètres|paramétrer|gérer|gestion) (?:des |les |vos )?{_COOKIES}\b|"
    # Spanish
    rf"\b(?:este (?:sitio|portal)(?: web)?|esta (?:web|página(?: web)?)) (?:utiliza|usa) "
    rf"(?:las )?{_COOKIES}\b|"
    rf"\b(?:utilizamos|usamos) (?:las )?{_COOKIES}\b|"
    r"\bsi (?:continúa|continúas|sigue|sigues|continua) navegando\b|"
    rf"\b(?:acepta|aceptas|aceptar) (?:el uso de |la utilización de |nuestra política de )"
    rf"(?:las )?{_COOKIES}\b|"
    rf"\b(?:configuración|política|ajustes) de {_COOKIES}\b|"
    # Italian
    rf"\bquesto sito(?: web)? (?:utilizza|usa) (?:i )?{_COOKIES}\b|"
    rf"\b(?:utilizziamo|usiamo) (?:i )?{_COOKIES}\b|"
    r"\bcontinuando (?:la|a) navigar|"
    rf"\b(?:acconsenti|acconsente) all(?:'|’)(?:uso|utilizzo) (?:dei )?{_COOKIES}\b|"
    # Dutch
    rf"\b(?:deze|onze) (?:web)?site (?:gebruikt|maakt gebruik van) {_COOKIES}\b|"
    rf"\b(?:wij|we) (?:gebruiken|maken gebruik van) {_COOKIES}\b|"
    r"\bcookie-?instellingen\b|"
    # Portuguese
    rf"\b(?:este (?:site|sítio)|o nosso (?:site|sítio)) (?:usa|utiliza) {_COOKIES}\b|"
    rf"\b(?:nós )?(?:usamos|utilizamos) {_COOKIES}\b|"
    r"\bao (?:continuar|navegar)\b[^.!?]{0,40}?\b(?:concorda|aceita)\b|"
    # Japanese, Chinese
    r"(?:当|本|この)(?:サイト|ウェブサイト|webサイト)(?:では|は)[^。]{0,20}(?:cookie|クッキー)|"
    r"(?:cookie|クッキー)の(?:使用|利用)に同意|"
    r"(?:本网站|本站|我们)(?:使用|利用)[^。]{0,6}cookie|继续(?:浏览|使用)[^。]{0,10}同意",
    re.I,
)

#: A site that names itself saying it uses cookies for its own ends ("Brightline uses cookies for
#: analytics."): a notice only when short and of one clause (`_SITE_USES_MAX_WORDS`, no comma), as
#: news of a company's cookies is not ("Facebook uses cookies to improve ad targeting, a practice
#: ...").
_SITE_USES = re.compile(
    rf"\b(?:uses?|utili[sz]es?|sets?|places?|stores?) {_COOKIES}\b[^.!?,;]{{0,40}}?"
    rf"\b(?:to|for|so (?:that|we)) {_PURPOSE}"
)


_SITE_USES_MAX_WORDS = 16


#: News of a notice, not one: "Google uses cookies for advertising, the regulator said."
_REPORTED = re.compile(
    r"\b(?:said|says|told|reported|reports|announced|according to|ruled|found|warned|admitted|"
    r"claimed|fined|sued|alleged|alleges|investigat\w*|regulators?|court)\b"
)

#: A sentence this long is prose about cookies, not a banner's line.
_NOTICE_MAX_WORDS = 40


#: A sentence that goes on past its first clause, as a notice's never does (walk185 #N1): a
#: comma and a conjunction ("We use cookies and similar technologies, and this is what our
#: customers taught us about them."), or a clause of reported speech between commas ("You can
#: manage your preferences at any time, we promised customers, and then ...").
GOES_ON = re.compile(
    r", (?:and|but|so|yet|then|while|which|whereas|though|although|because)\b|"
    r", [^,.!?;]{0,40}?\b(?:said|says|say|tell|tells|told|promised|promises|promise|wrote|"
    r"writes|write|explained|explains|insisted|insists|assured|assures|admitted|admits|warned|"
    r"warns|noted|notes|argued|argues|claimed|claims|reminded|reminds)\b"
)


def goes_on(lowered: str) -> bool:
    """Whether a sentence (lower case) goes on past a notice's single clause (`GOES_ON`): prose
    that names cookies or consent, not a notice."""
    return bool(GOES_ON.search(lowered))


def is_consent_sentence(lowered: str) -> bool:
    """Whether a sentence (lower case) is a consent notice's (`CONSENT`): short, of one clause
    (`goes_on`), no news told."""
    if len(lowered.split()) > _NOTICE_MAX_WORDS or _REPORTED.search(lowered) or goes_on(lowered):
        return False
    if CONSENT.search(lowered):
        return True
    return (
        len(lowered.split()) <= _SITE_USES_MAX_WORDS
        and "," not in lowered
        and bool(_SITE_USES.search(lowered))
    )


#: Consent and privacy, as a notice names them beside cookies (`_CONSENT_TOPIC`, `_CONSENT_WORDS`).
_CONSENT_NAMES = (
    r"consent|privacy|datenschutz|confidentialité|privacidad|privacidade|einwilligung|"
    r"consentement|consentimiento|consenso|toestemming"
)

#: What a sentence of a consent notice names (a notice's sentence that `CONSENT` does not tell
#: alone: "Acme uses cookies.", "Privacy policy", "Learn more").
_CONSENT_WORDS = re.compile(
    rf"{_COOKIES}|\b(?:{_CONSENT_NAMES}|"
    r"learn more|more information|mehr erfahren|en savoir plus|más información|"
    r"ok|accept|agree|settings|preferences|einstellungen|paramètres|ajustes|impostazioni|"
    r"instellingen|configurações)\b",
    re.I,
)


def is_consent_notice(block: str) -> bool:
    """Whether `block` (a paragraph, a feed's description) is a consent notice: one of its
    sentences is (`is_consent_sentence`) and every other is notice-like too (`_notice_like`):
    "Acme uses cookies. You can change your choice at any time in Cookie settings." A paragraph
    that goes on to tell something else is prose, whose notice sentences alone are left out
    (`blurb_furniture.is_furniture`)."""
    lowered = [s.lower() for s in split_sentences(" ".join(block.split()))]
    consent = [is_consent_sentence(s) for s in lowered]  # (each sentence tested once)
    return any(consent) and all(c or _notice_like(s) for c, s in zip(consent, lowered, strict=True))


#: A notice's other sentence is a line of a banner, at most this long ("Learn more in our Privacy
#: policy."); a longer one naming privacy is the article's.
_NOTICE_LINE_WORDS = 16


def _notice_like(lowered: str) -> bool:
    """A sentence (lower case) that may stand in a notice beside its consent sentence: short, of
    one clause, naming cookies, consent or privacy (`_CONSENT_WORDS`). walk185 #N1: "We use cookies
    to remember ..., and customers expect that memory to work. Shoppers notice quickly when that
    fails." is a story's paragraph: no sentence of it may go with the notice's."""
    return (
        len(lowered.split()) <= _NOTICE_LINE_WORDS
        and not goes_on(lowered)
        and not _REPORTED.search(lowered)
        and bool(_CONSENT_WORDS.search(lowered))
    )


def is_page_label(lowered: str) -> bool:
    """Whether a sentence (lower case) is one of a page's labels (`PAGE_LABEL`) or a note about
    the post rather than what it says (`POST_NOTE`)."""
    lowered = lowered.strip()
    return bool(PAGE_LABEL.match(lowered) or POST_NOTE.search(lowered))


#: A note about the post, not what it says, as the corpus' pages hold them (brief fixis): where it
#: first appeared ("Originally published at www.courtneykirchoff.com on November 18, 2011.",
#: "Originally published on Live Science.", "This article was reprinted on Wired.com."), an
#: update's note ("Editor's note: This story was updated at 5:45 p.m."), a newsletter's offer
#: ("Get the latest updates right in your inbox.", "Get the day's top headlines delivered to your
#: inbox every morning by subscribing to our newsletter.").
POST_NOTE = re.compile(
    r"^originally (?:published|posted|appeared|ran) (?:at|on|in|by|with)\b|"
    r"^this (?:post|article|story|piece|essay) (?:was|is|has been) (?:reprinted|republished|"
    r"syndicated|cross-?posted) (?:on|in|at|by|with)\b|"
    r"^(?:editor(?:'|’)?s note|update|correction)\s*:\s*this (?:post|article|story|piece) "
    r"(?:was|has been|is) (?:updated|corrected|amended)\b|"
    r"^(?:get|receive|have) [^.!?]{0,80}?\b(?:to|in|into) your inbox\b|"
    r"\bby (?:subscribing|signing up) (?:to|for) (?:our|the|this) [^.!?]{0,40}?newsletters?\b",
    re.I,
)


#: A page's label, the whole line: reading time ("5 min read", "Reading time: 4 minutes",
#: "Lesezeit: 3 Minuten", "Temps de lecture : 2 min"), an ad's ("Advertisement", "Anzeige",
#: "Publicité"), a recording's ("Listen to this article", "Listen to this story · 5 min").
PAGE_LABEL = re.compile(
    r"(?:about |approx\.? |~)?\d+(?:\s*-\s*\d+)?[\s-]*"
    r"(?:min(?:ute)?s?|mins?\.?) (?:read|reading)(?: time)?\W*$|"
    r"(?:estimated )?(?:reading|read) time\s*:?\s*(?:about |approx\.? |~)?\d+\s*"
    r"(?:min(?:ute)?s?|mins?\.?)\W*$|"
    r"(?:lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|leestijd|"
    r"tempo de leitura)\s*:?\s*(?:ca\.? |etwa |environ |unos )?\d+\s*"
    r"(?:min(?:uten|utes|utos|uti)?\.?)\W*$|"
    r"(?:advertisement|sponsored|anzeige|werbung|publicité|publicidad|"
    r"pubblicità|advertentie|publicidade|広告|广告)\W*$|"
    r"(?:listen to (?:this|the) (?:article|story|piece|post)|artikel anhören|"
    r"écouter (?:cet|l[’'])article|escuchar (?:este )?artículo|ascolta (?:l[’'])articolo|"
    r"luister naar (?:dit|het) artikel|ouvir (?:este )?artigo)\b"
    r"(?:\W+\d+\s*(?:min(?:ute)?s?|mins?)\.?)?\W*$",
    re.I,
)


#: A note of where the post first appeared, in the words the furniture checks know it by
#: (`blurb_furniture.PLATFORM_FOOTER`): "This article was originally published in our internal
#: newsletter in 2019.", "A version of this story first ran in ...", "... was adapted from ...".
FIRST_PUBLISHED = re.compile(
    r"\b(?:a version of )?this (?:post|article|story|piece|essay) (?:was |is )?(?:originally|first) "
    r"(?:appeared|published|ran|posted)\b|"
    r"\bthis (?:post|article|story|piece|essay) (?:was|is|has been) (?:adapted|excerpted|"
    r"republished|reprinted|cross-?posted) from\b",
    re.I,
)


#: What a consent notice's sentence names: cookies, consent, privacy (not its "settings" or "OK").
_CONSENT_TOPIC = re.compile(rf"{_COOKIES}|\b(?:{_CONSENT_NAMES})\b", re.I)


#: A line dating the post, its paragraph's first sentence ("Posted on November 13, 2026 by the
#: editors.", "Published on November 13, 2026 in Customer Service."): furniture, but the story
#: may follow it in the same paragraph (walk196: a feed's summary so was no blurb at all).
_POSTED_LINE = re.compile(r"^(?:posted|published|(?:last\s+)?updated)\s+on\b")


def drops_alone(sentence: str) -> bool:
    """Whether a sentence that is no blurb's (a furniture sentence) leaves its paragraph's other
    sentences in the story: one naming cookies, consent or privacy (the paragraph goes whole only
    when it is a notice, `is_consent_notice`), or a note of where the post first appeared
    (walk185 #N1: "This article was originally published in our internal newsletter in 2019.
    Teams that listened saw loyalty rise within a year." lost its lead), or a line dating the post
    ("Posted on November 13, 2026 by the editors.", walk196)."""
    lowered = sentence.lower()
    return bool(
        _CONSENT_TOPIC.search(lowered)
        or FIRST_PUBLISHED.search(lowered)
        or POST_NOTE.search(lowered)
        or _POSTED_LINE.match(lowered)
    )

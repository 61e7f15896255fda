"""Reading an article's page: in its charset; a gate, a soft 404 or error page, a redirect home is none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from curator.articles_addresses import gated, is_above
from curator.config import Config, FeedSource
from curator.deps import page_reader
from curator.extract import extract
from curator.fetch import fetch_all
from curator.fetch_request import FetchRequest, FetchSettings
from curator.models import Page


@dataclass
class PageBatch:
    """Pages read in one run, by the entry link they were read for."""

    pages: dict[str, Page] = field(default_factory=dict)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header ("text/html; charset=ISO-8859-1")."""
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_page(content: bytes, url: str, content_type: str | None) -> Page:
    """An article page as the build reads it: extracted in the charset its server named (a Latin-1
    page sent as "text/html; charset=ISO-8859-1" without a <meta charset> reads as Latin-1).
    `curator extract URL` shows exactly this."""
    return extract(content, url, charset=charset_of(content_type))


def wants_pages(config: Config, source: FeedSource) -> bool:
    return source.fetch_pages if source.fetch_pages is not None else config.settings.fetch_pages


#: Why a page was not read whose link was sent to the site's front page, or a section above it:
#: the article is gone (its site sends dead links home), as a 404 would say; the same words for
#: every such page, so that the run counts them together.
REDIRECTED_AWAY = "a redirect to the site's front page or a section above the article: it is gone"


def redirected_away(link: str, final_url: str) -> str | None:
    """The error line of a page whose link redirected to a page above it (`is_above`: the front
    page, a section the link lies under), else None."""
    if final_url == link or not is_above(final_url, link):
        return None
    return f"{REDIRECTED_AWAY} ({final_url})"


#: Why a page was not read whose server answered 200 but which says it is not there ("Page not
#: found" as its title or first heading, and little else: a "soft 404", walk90 #6): the same words
#: for every such page, so that the run counts them together.
SOFT_404 = (
    "the page says it was not found, though its server answered 200 OK: the article may have"
    " moved or been removed"
)

#: A title or heading saying the page is missing: "Page not found", "404", "Error 404 - Not
#: Found", "This article is no longer available", "The page you are looking for does not exist",
#: "Hmm, we can't seem to find that story", "That page could not be found", "This post no longer
#: exists", "Oops! Not found" (walk94 #2); not "Oops!" alone, nor "Lost and not found: ...".
_CANNOT = r"(?:can\s*not|can['’]?t|could\s*n[o'’]?t)"
#: "no longer exists" and "no longer available" end ordinary sentences too ("Why the Minitel no
#: longer exists", walk107 #3): they say a page is missing only after the word for it ("This page
#: no longer exists", "The article you requested is no longer available"), as in the other
#: languages (`_PAGE_NOUN`); a page word followed by a number names a thing, not the page
#: ("Article 50 no longer exists", `_NOT_NUMBERED`).
_NOT_NUMBERED = r"(?!\s*\d)"
_PAGE_NOUN_EN = rf"\b(?:page|article|story|post|content|link){_NOT_NUMBERED}\b"
_MISSING_PAGE = re.compile(
    r"^\W*(?:error\s*)?404\b|\b(?:page|article|story|post|content)\s+not\s+found\b"
    r"|^\W*(?:oops\W+)?not\s+found\b"
    rf"|{_PAGE_NOUN_EN}[\w\s'’]{{0,30}}\b(?:(?:does\s*n[o'’]t|no\s+longer)\s+exists?"
    r"|no\s+longer\s+available)\b"
    rf"|\b{_CANNOT}\s+be\s+found\b|\b(?:we|i)\s+{_CANNOT}\s+(?:seem\s+to\s+)?find\b"
    rf"|\b{_CANNOT}\s+(?:seem\s+to\s+)?find\s+(?:that|this|the|your|what)\b[\w\s'’]{{0,20}}"
    r"\b(?:page|story|article|post|content|looking)\b",
    re.IGNORECASE,
)

#: The same in French, German, Spanish, Italian, Portuguese and Dutch (walk100 #2: "Oups, nous ne
#: trouvons pas cet article", "Diese Seite gibt es leider nicht mehr", "Lo sentimos, no
#: encontramos esta página" were published), under the same rule: title or first heading, little
#: text. "Error 404" and "page introuvable" stand alone; a phrase that also ends ordinary
#: sentences ("n'existe plus", "existiert nicht mehr", "ya no existe", "nicht gefunden") counts
#: only next to the page it says is missing ("cette page n'existe plus", "l'article n'existe
#: plus", "no encontramos esta página"): "Pourquoi le Minitel n'existe plus" is a headline
#: (walk104 #6), and so is "L'article 49.3 n'existe plus", whose page word is numbered (walk107 #3).
_PAGE_NOUN = (
    r"\b(?:page|article|contenu|lien|ressource|publication|seite|artikel|inhalt|beitrag|dokument"
    r"|p[áa]gina|art[íi]culo|contenido|enlace|publicaci[óo]n|noticia|articolo|contenuto|notizia"
    rf"|conte[úu]do|artigo|not[íi]cia|publica[çc][ãa]o|inhoud|bericht)\b{_NOT_NUMBERED}"
)
_MISSING_PHRASE = (
    # fr
    r"\bn['’]\s*existe\s+(?:plus|pas)\b|\bnous\s+ne\s+(?:trouvons|pouvons\s+pas\s+trouver)\b"
    r"|\bimpossible\s+de\s+trouver\b|\best\s+introuvable\b"
    # de
    r"|\bnicht\s+(?:mehr\s+)?gefunden\b|\bexistiert\s+(?:leider\s+)?(?:nicht|nicht\s+mehr)\b"
    r"|\bgibt\s+es\s+(?:leider\s+)?nicht\s+mehr\b|\bnicht\s+mehr\s+verf[üu]gbar\b"
    # es
    r"|\bno\s+(?:encontrad[ao]|encontramos|hemos\s+encontrado|pudimos\s+encontrar"
    r"|se\s+(?:ha\s+)?(?:encontr[óo]|encontrado|encuentra)|existe)\b"
    r"|\bya\s+no\s+(?:existe|est[áa]\s+disponible)\b"
    # it
    r"|\bnon\s+(?:trovat[ao]|esiste|abbiamo\s+trovato|[èe]\s+stat[ao]\s+trovat[ao]"
    r"|[èe]\s+pi[ùu]\s+disponibile)\b|\bimpossibile\s+trovare\b"
    # pt
    r"|\bn[ãa]o\s+(?:encontrad[ao]|encontramos|existe|foi\s+encontrad[ao]"
    r"|conseguimos\s+encontrar|est[áa]\s+mais\s+dispon[íi]vel)\b"
    # nl
    r"|\bniet\s+(?:meer\s+)?(?:gevonden|beschikbaar)\b|\bbestaat\s+niet\b"
    r"|\b(?:kunnen|konden)\s+we\b[\w\s]{0,30}\bniet\s+vinden\b"
)
_MISSING_PAGE_ELSEWHERE = re.compile(
    r"\b(?:erreur|fehler|errore|erro|fout)\s*404\b"
    r"|\b(?:page|article|contenu|lien)\s+(?:est\s+)?(?:introuvable|non\s+trouv[ée]e?)\b"
    rf"|{_PAGE_NOUN}[^.!?|:]{{0,60}}?(?:{_MISSING_PHRASE})"
    rf"|(?:{_MISSING_PHRASE})[^.!?|:]{{0,40}}?{_PAGE_NOUN}",
    re.IGNORECASE,
)

#: The most text a page saying it is missing may have (an article that merely mentions a "page not
#: found" in its headline has its story below it).
SOFT_404_MAX_CHARS = 600

#: How many words after a not-found phrase and a colon (or a dash) make a headline: "Page Not
#: Found: Five Error Screens Customers Hate" (walk99 #1) and "Sorry, we couldn't find that page — a
#: customer service story" (walk116 #2) are articles' titles, not notices; a notice is the phrase
#: alone or with the site's name ("Page not found | Site", "404 - Site", "Error 404: Not found",
#: "Error 404: The page you requested could not be found").
_HEADLINE_WORDS = 4
#: What parts a headline's lead from the rest of it: a colon, or a dash between words.
_HEADLINE_SPLIT = re.compile(r":|\s[-–—]\s|[–—]")
#: A page with this many paragraphs of an article's (`_ARTICLE_PARAGRAPH_WORDS` words or more,
#: ending as a sentence, none saying the page is missing) tells a story: a notice says one thing
#: and points elsewhere (walk116 #2: two full paragraphs under "Sorry, we couldn't find that page —
#: ...", 290 characters, were thrown away as a soft 404).
_ARTICLE_PARAGRAPHS = 2
_ARTICLE_PARAGRAPH_WORDS = 12
#: The same for a text without spaces between words (Chinese, Japanese): its characters.
_ARTICLE_PARAGRAPH_CHARS = 40


def _says_missing(said: str) -> bool:
    # (the soft 404's own phrases, in every language it knows)
    return bool(_MISSING_PAGE.search(said) or _MISSING_PAGE_ELSEWHERE.search(said))


def _headline(page: Page) -> bool:
    """Whether the page's title or first heading opens with a not-found phrase and goes on, after
    a colon or a dash, with a headline that is not one (`_HEADLINE_WORDS`) nor the site's name:
    an article about such pages."""
    names = {n.casefold() for n in (*page.site_names, page.publication or "") if n}
    for said in (page.title, page.headings[0] if page.headings else None):
        parts = _HEADLINE_SPLIT.split(said or "", maxsplit=1)
        if len(parts) < 2:
            continue
        lead, rest = parts
        words = len(re.findall(r"\w+", rest))
        if (
            words >= _HEADLINE_WORDS
            and _says_missing(lead)
            and not _says_missing(rest)
            and rest.strip().casefold() not in names
        ):
            return True
    return False


def _article_length(text: str | None) -> bool:
    """Whether `text` holds paragraphs of an article's (`_ARTICLE_PARAGRAPHS`)."""
    told = 0
    for paragraph in re.split(r"\n\s*\n", text or ""):
        paragraph = " ".join(paragraph.split())
        long = len(paragraph.split()) >= _ARTICLE_PARAGRAPH_WORDS or (
            len(paragraph) >= _ARTICLE_PARAGRAPH_CHARS and " " not in paragraph
        )
        if long and paragraph.endswith((".", "!", "?", "。", "！", "？")):
            told += not _says_missing(paragraph)
    return told >= _ARTICLE_PARAGRAPHS


def soft_404(page: Page) -> str | None:
    """The error line (`SOFT_404`) of a page whose title or first heading says it is missing and
    whose text is short (`SOFT_404_MAX_CHARS`) and no article's (`_headline`, `_article_length`),
    else None."""
    if len(page.text or "") > SOFT_404_MAX_CHARS or _headline(page) or _article_length(page.text):
        return None
    for said in (page.title, page.headings[0] if page.headings else None):
        if said and _says_missing(said):
            return SOFT_404
    return None


#: Why a page was not read whose server answered 200 with its site's error page instead of the
#: article ("Something went wrong" over "Database error. Please try again later.", walk201 #3:
#: its 39 characters were published as the blurb, no author): a failure of the site's, as a 500
#: is, so the page is read again on later runs; the same words for every such page.
SOFT_ERROR = (
    'the page is the site\'s error page ("something went wrong", "try again later" or the'
    " like), though its server answered 200 OK: it is read again on a later run"
)

#: What a site's error page says in its title, first heading or text: an error, maintenance,
#: "try again later", "service unavailable", "internal server error", a rate limit, "access
#: denied", "enable JavaScript".
_ERROR_NOTICE = re.compile(
    r"\bsomething\s+(?:went|has\s+gone|is)\s+wrong\b|\btry\s+again\s+(?:later|shortly|soon"
    r"|in\s+a\s+(?:few\s+)?(?:moments?|minutes?|while))\b"
    r"|\bservice\s+(?:is\s+)?(?:temporarily\s+)?unavailable\b|\binternal\s+server\s+error\b"
    r"|\b(?:database|server|application|unexpected)\s+error\b|\bbad\s+gateway\b"
    r"|\bgateway\s+time-?out\b|\b(?:error|http)\s*5\d\d\b|^\W*5\d\d\b"
    r"|\brate[\s-]+limit(?:ed|\s+exceeded)?\b|\btoo\s+many\s+requests\b|\baccess\s+denied\b"
    r"|\b(?:enable|turn\s+on|activate)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:required"
    r"|disabled|must\s+be\s+enabled)\b"
    r"|\b(?:down\s+for|under(?:going)?|in)\s+(?:scheduled\s+)?maintenance\b"
    r"|\bwe['’]ll\s+be\s+back\s+(?:soon|shortly)\b",
    re.IGNORECASE,
)
#: A title or heading that is the word for an error alone ("Error", "Oops!", "Uh oh"), the rest
#: of the page saying which (`_ERROR_NOTICE`).
_BARE_ERROR = re.compile(r"^\W*(?:error|oops|whoops|uh[\s-]*oh|sorry|maintenance)\W*$", re.I)
#: The most words a notice of a title or heading has ("We're sorry, but something went wrong");
#: more make it a headline ("Something went wrong at the bank's call centre last week").
_NOTICE_WORDS = 8
#: The words an error notice says beside its own (`_ERROR_NOTICE`): "We're sorry, but something
#: went wrong", "Oops! An unexpected error has occurred", "503 Service Temporarily Unavailable".
_NOTICE_FILLER = frozenset(
    re.findall(
        r"\w+",
        "a an the we re are is has have been sorry but oops whoops uh oh please error occurred"
        " our this site website page it looks like seems there was currently temporarily http"
        " request your you and or again later to continue",
    )
    + [str(n) for n in range(500, 512)]
)
#: The most text a page whose title and heading say nothing of an error may have to be one all
#: the same when its text is such a notice ("You need to enable JavaScript to run this app.").
_BARE_NOTICE_CHARS = 200


def _notice(said: str | None, bare: bool = False) -> bool:
    """Whether a title or heading is an error notice: its lead (before a colon, a dash or a
    bar: the site's name may follow) says an error in a few words (`_NOTICE_WORDS`), the rest
    is a name rather than a headline (`_HEADLINE_WORDS`); with `bare`, "Error" alone counts."""
    parts = [p for p in re.split(r":|\|\s[-–—]\s|[–—]", said or "") if p.strip()]
    if not parts:
        return False
    lead, rest = parts[0], parts[1:]
    if any(len(re.findall(r"\w+", r)) >= _HEADLINE_WORDS for r in rest):
        return False
    if len(re.findall(r"\w+", lead)) > _NOTICE_WORDS:
        return False
    if bare and _BARE_ERROR.match(lead):
        return True
    # (the notice's words and a notice's usual others only: "Something went wrong at the bank"
    # is a headline)
    others = re.findall(r"\w+", _ERROR_NOTICE.sub(" ", lead).casefold())
    return _ERROR_NOTICE.search(lead) is not None and set(others) <= _NOTICE_FILLER


def soft_error(page: Page) -> str | None:
    """The error line (`SOFT_ERROR`) of a page served 200 that is its site's error page: judged
    as a soft 404 is (`soft_404`), short text (`SOFT_404_MAX_CHARS`) and no article's paragraphs,
    whose title or first heading is an error notice (`_notice`: "Something went wrong", "Service
    Unavailable", "Error" over a text saying one), or whose short text (`_BARE_NOTICE_CHARS`)
    opens with one under its heading ("Please enable JavaScript"); else None."""
    text = (page.text or "").strip()
    if len(text) > SOFT_404_MAX_CHARS or _article_length(text):
        return None
    heading = page.headings[0] if page.headings else None
    says = bool(_ERROR_NOTICE.search(text))
    if _notice(page.title, bare=says) or _notice(heading, bare=says):
        return SOFT_ERROR
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip() and p.strip() != heading]
    if says and len(text) <= _BARE_NOTICE_CHARS and _ERROR_NOTICE.search(paragraphs[0]):
        return SOFT_ERROR  # (the text's first paragraph under its heading says it)
    return None


def not_the_article(page: Page) -> str | None:
    """Why a page served 200 is not the article but its site's "Page not found" (`soft_404`) or
    error page (`soft_error`): the line a fetch and a build say of it; None when it may be the
    article. One place for the build's reading and `read_pages` (fixme #3)."""
    return soft_404(page) or soft_error(page)


def read_pages(links: Sequence[str], settings: FetchSettings) -> tuple[PageBatch, dict[str, str]]:
    """The pages at `links` (http(s) only) read as the build reads them, and why each of the
    others could not be read (link -> the fetch's reason)."""
    batch = PageBatch()
    errors: dict[str, str] = {}
    if not links:
        return batch, errors
    page_reader()  # a broken installation stops the run here, before any page is fetched
    requests = [FetchRequest(link, kind="page") for link in links]
    for link, result in zip(links, fetch_all(requests, settings), strict=True):
        if result.ok and result.content and (away := redirected_away(link, result.final_url)):
            errors[link] = away
        elif result.ok and result.content:
            page = read_page(result.content, result.final_url, result.content_type)
            if gate := gated(link, result.final_url, page, result.content):
                errors[link] = gate
            elif missing := not_the_article(page):
                errors[link] = missing
            else:
                batch.pages[link] = page
        else:
            errors[link] = result.error or "the page is empty"
    return batch, errors

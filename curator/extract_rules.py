"""The data behind `curator.extract`: meta names, site names, title separators, text furniture.

Each table says where it came from. The names of meta tags are those the Open Graph protocol
(https://ogp.me), Dublin Core (DCMI terms), Twitter cards, Parse.ly and schema.org define, in the
order Mozilla's Readability.js and trafilatura's metadata module consult them; the author and byline
patterns come from the bylines of the mozilla/readability test pages and from the seed articles (a
"Leave a Reply" page, a "Last updated on ..." page). Change a table here, not a rule in the code.
The byline and credit tables are in `curator.extract_rules_bylines`, the words that show a credit
names no one in `curator.extract_rules_names`.
"""

from __future__ import annotations

import re

#: schema.org types whose JSON-LD object describes the article itself, best first. From schema.org's
#: CreativeWork > Article hierarchy (https://schema.org/Article) plus WebPage, which small blogs use
#: alone.
JSONLD_ARTICLE_TYPES: tuple[str, ...] = (
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "techarticle",
    "scholarlyarticle",
    "report",
    "socialmediaposting",
    "liveblogposting",
    "discussionforumposting",
    "medicalwebpage",
    "webpage",
    "itempage",
    "aboutpage",
    "faqpage",
    "qapage",
)

#: JSON-LD types whose own object names the site (for the publication when no publisher is given),
#: from schema.org. Not plain Organization: articles describe organisations they are about.
JSONLD_SITE_TYPES: frozenset[str] = frozenset({"website", "newsmediaorganization"})

#: Meta tags for the title, best first (OGP, Twitter cards, Dublin Core, Parse.ly; Readability.js
#: order without its weibo entries).
TITLE_META: tuple[str, ...] = (
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterm:title",
    "dc:title",
    "parsely-title",
    "sailthru.title",
    "title",
)

#: Meta tags that name the author, best first: Dublin Core's creator before the plain `author`, the
#: order of Readability.js's `_getArticleMetadata` (a page that declares both means the Dublin Core
#: one; readability's 003-metadata-preferred page). `article:author` and `twitter:creator` are often
#: a URL or a handle; the name check rejects those (handles are kept only as a last resort).
AUTHOR_META: tuple[str, ...] = (
    "dc.creator",
    "dc:creator",
    "dcterm:creator",
    "dcterms.creator",
    "author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "article:author",
    "og:article:author",
    "citation_author",
    "twitter:creator",
)

#: Meta tags that name the site, best first (OGP; Apple and the HTML spec's application-name come
#: last because they are often a short brand such as "NYTimes").
SITE_META: tuple[str, ...] = ("og:site_name", "application-name", "apple-mobile-web-app-title")

#: Site names a theme or a CMS leaves in place of the site's own (walk112 #3: og:site_name "Home",
#: WordPress's "Just another WordPress site"): no publication's name (normalised: lower case, words
#: only, no leading "the").
GENERIC_SITE_NAMES: frozenset[str] = frozenset(
    {
        "home",
        "homepage",
        "home page",
        "blog",
        "my blog",
        "my wordpress blog",
        "just another wordpress site",
        "just another wordpress weblog",
        "wordpress",
        "news",
        "site",
        "my site",
        "website",
        "my website",
        "web site",
        "untitled",
        "untitled site",
        "site title",
        "site name",
        "index",
        "welcome",
    }
)

#: Blog hosts that name themselves as publisher or site for every blog they host (normalised: lower
#: case, words only). Seen in the corpus: Blogger (newspaper4k's LinkNaija page), Medium
#: (readability's lazy-image-1); the rest are the other large hosts.
HOSTING_PLATFORMS: frozenset[str] = frozenset(
    {
        "blogger",
        "blogspot",
        "medium",
        "wordpress",
        "wordpress com",
        "substack",
        "tumblr",
        "ghost",
        "squarespace",
        "wix",
        "weebly",
        "typepad",
        "livejournal",
        "hashnode",
        "dev community",
        "github pages",  # walk139 #4: a blog at name.github.io naming its host
    }
)

#: Meta tags for the description, best first (OGP, HTML, Twitter cards, Dublin Core).
DESCRIPTION_META: tuple[str, ...] = (
    "og:description",
    "description",
    "twitter:description",
    "dc.description",
    "dcterm:description",
    "dc:description",
    "sailthru.description",
)

#: Meta tags for the publication date, best first (OGP article, Parse.ly, Dublin Core, Sailthru,
#: Google News' "pubdate", the Washington Post's "DC.date.issued").
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "parsely-pub-date",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "datepublished",
)

#: Meta tags for the language (HTML's http-equiv content-language, then OGP's locale, en_US ->
#: en-US).
LANGUAGE_META: tuple[str, ...] = ("content-language", "dc.language", "og:locale", "language")
#: Country codes written where a language code belongs, and the language meant: "jp" is Japan,
#: Japanese is "ja" (walk110 #8: `lang="jp"` was published, a language no browser or screen reader
#: knows). Only codes that are no language of their own: "kr" (Kanuri) and "se" (Northern Sami)
#: are languages, and stay as written.
COUNTRY_NOT_LANGUAGE: dict[str, str] = {
    "jp": "ja",
    "cn": "zh",
    "gr": "el",
    "dk": "da",
    "cz": "cs",
    "ua": "uk",
    "vn": "vi",
    "us": "en",
    "gb": "en",
    "il": "he",
    "kp": "ko",
    "ir": "fa",
    "rs": "sr",
    "at": "de",
    # Withdrawn codes, and the codes that replaced them (a browser may know only the new one).
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "jw": "jv",
}

#: Separators between an article's title and the site's name in <title> ("Title | Site", "Title -
#: Site", "Title — Site", "Title :: Site", "Title » Site"). From Readability.js's
#: `_getArticleTitle`.
#: Chinese and Japanese titles use a full-width bar or colon, spaced or not ("…の成否 ：日本経済新聞").
TITLE_SEPARATORS = re.compile(r"\s+(?:\||--?|–|—|::|»|·|•|/|\\|:)\s+|\s*[｜：]\s*")

#: A photo credit in brackets at a title's end: "…の成否（写真＝ロイター）" (Nikkei).
TITLE_PHOTO_CREDIT = re.compile(
    r"\s*[（(]\s*(?:写真|撮影|图|圖|图片|圖片|照片|photos?|foto|bild)\s*[＝=:：/／][^（）()]*[）)]\s*$",
    re.I,
)

#: A byline as a part of a <title> ("Loyalty Without Surveys | by Jane Roe | UX Collective",
#: Medium's): a person's credit, neither the title's nor a site's name (walk147 #5).
TITLE_BYLINE = re.compile(r"^\s*by\s+[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){0,4}\s*$", re.I)

#: A date as a <title>'s part of its own, after a Medium byline: "Title | by Jane Roe | Dec,
#: 2023 | UX Collective" (walk158 #12); "Dec 5, 2023", "5 Dec 2023", "2023-12-05" too.
TITLE_DATE = re.compile(
    r"^\s*(?:(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?"
    r"(?:\s+\d{1,2},?)?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$",
    re.I,
)

#: A "<title> | Site" suffix is taken as the site's name only when this many words are left.
MIN_TITLE_WORDS = 3

#: Without a known site name, the part after the last separator is cut only when this many words
#: are left (Readability.js's `_getArticleTitle` keeps the whole title below five).
MIN_CUT_TITLE_WORDS = 5

#: A heading is the article's headline when at least this share of its words are in the page's
#: declared title (og:title or <title>, which often add the site's name); below it the page's
#: headings are other stories' (a front page) and bylines are read in the page's order.
MIN_HEADLINE_OVERLAP = 0.6

#: The encoding declared in the first bytes of a page (<meta charset=...> or http-equiv
#: content-type).
CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)

#: Elements that never hold article text, dropped before main-text extraction (after the metadata
#: pass, which reads JSON-LD scripts and <head>). All are in trafilatura's own MANUALLY_CLEANED
#: list, which it applies only after measuring the whole tree's text several times; dropping them
#: first gives the same text, faster. Not "form" (ASP.NET pages wrap the article in one) nor
#: "figure"/"time" (kept for recall).
NEVER_TEXT_TAGS: tuple[str, ...] = (
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "link",
    "meta",
    "iframe",
    "embed",
    "object",
    "canvas",
    "map",
    "audio",
    "video",
    "button",
    "select",
    "textarea",
    "input",
    "nav",
    "aside",
    "footer",
    "menu",
)

#: An <article> with less text than this is a teaser card, not the story (a short news item is
#: ~1,000 characters; measured on the scrapinghub pages).
MIN_ARTICLE_CHARS = 1000

#: Elements hidden from readers or marked by ARIA as a page region that is not the main content
#: (WAI-ARIA landmark roles: navigation, banner = site header, contentinfo = site footer,
#: complementary = sidebar, search), dropped before main-text extraction like NEVER_TEXT_TAGS.
#: Readability.js drops aria-hidden and hidden nodes too. Measured: same scrapinghub F1 (0.965),
#: ~8% faster on the readability pages (Wikipedia's navboxes are role=navigation).
NEVER_TEXT_XPATH = (
    "//*[@hidden or @aria-hidden='true' or @role='navigation' or @role='banner'"
    " or @role='contentinfo' or @role='complementary' or @role='search' or @role='menu'"
    " or @role='menubar' or @role='dialog']"
)

#: A page's own word that it is a copy ("This article first appeared in The Compost Gazette",
#: "Originally published on Zeta Post."): the publication it names (group 1). Only after the
#: article's own words for itself, or opening a sentence, so "the term first appeared in Nature"
#: inside a story is no such word. The name ends with its line and at a full stop after a word
#: (walk90 #8: "... on Original CX Blog." then the headline "Loyalty is ..." read as "Original CX
#: Blog. Loyalty"); an abbreviation's ("St. Louis", "D.C.") does not end it.
FIRST_APPEARED = re.compile(
    r"(?:\b(?:article|story|post|piece|essay|column|interview|report|version)\s+"
    r"(?:was\s+|has\s+been\s+)?(?:first|originally)\s+(?:appeared|published|posted|ran)"
    r"|(?:^|[.!?]\s+|\n\s*)(?:first|originally)\s+(?:appeared|published|posted))"
    r"\s+(?:in|on|at|by)\s+"
    r"((?:[Tt]he[^\S\n]+)?[A-Z][\w'’&.-]*"
    r"(?:(?<![a-z]{3}\.)[^\S\n]+(?:(?:of|the|and|for|&)[^\S\n]+)?[A-Z][\w'’&.-]*){0,5})",
)

"""The data behind `curator.credits`: the words that show a credit names no one.

CMS defaults and desks ("admin", "Staff", "National Desk"), organisations and news agencies, paid
content labels, page furniture and dates, and the particles, degrees and lengths of a person's
name. Each table says where it came from. Split from `curator.extract_rules`; change a table here,
not a rule in the code.
"""

from __future__ import annotations

import re

from curator.extract_rules_agencies import NEWS_AGENCIES as NEWS_AGENCIES  # its home until walk196
from curator.extract_rules_bylines import ROLE_QUALIFIERS

#: Whole author strings that are never a person (lower-cased). From CMS defaults seen in the wild
#: (WordPress "admin", Drupal "Anonymous", news "Staff", "Wire Services", "Associated Press" kept:
#: an agency is a fine credit in a newsletter).
REJECTED_AUTHORS: frozenset[str] = frozenset(
    [
        "admin",
        "administrator",
        "administrador",
        "webmaster",
        "root",
        "user",
        "guest",
        "anonymous",
        "anon",
        "unknown",
        "staff",
        "staffer",
        "editor",
        "editors",
        "editorial",
        "newsroom",
        "team",
        "redaction",
        "redacción",
        "redaktion",
        "desk",
        "moderator",
        "author",
        "authors",
        "contributor",
        "contributors",
        "publisher",
        "owner",
        "superuser",
        "system",
        "default",
        "null",
        "none",
        "nobody",
        "test",
        "wpengine",
        "sitemanager",
        "site",
        "manager",
        "web",
        "team",
    ]
) | frozenset(
    {
        "staff writer",
        "staff reporter",
        "staff report",
        "staff reports",
        "editorial staff",
        "editorial team",
        "editorial board",
        "the editors",
        "web desk",
        "news desk",
        "digital team",
        "wire services",
        "site admin",
        "site editor",
        "posted by",
        "written by",
        "by",
        "guest author",
        "guest post",
        "guest contributor",
        "guest writer",
        "guest blogger",
        "guest columnist",
        "contributing writer",
        "read more",
        "more articles",
        "view all posts",
        "all posts",
        "follow",
        "share",
        "sign in",
        "sign up",
        "log in",
        "updated",
        "published",
        "posted",
        "comments",
    }
)

#: The last word of a page's credit to its own desk ("Jerusalem Post Staff", "News Nation
#: Bureau", "Practical Horseman Editorial" in the scrapinghub pages): the publication, which the
#: Author || Publication line names already. A feed's desk credit is kept as written.
DESK_WORDS: frozenset[str] = frozenset(
    {"staff", "desk", "bureau", "team", "editorial", "newsroom", "reporters", "correspondents"}
)

#: The last word of a feed's credit that is a group's account, not a person's ("Google Testing
#: Bloggers", "Acme Engineering Team", "The Zeta Editors"): a byline that opens the post's text
#: names who wrote it (`articles_credits.house_credit`).
GROUP_ACCOUNT_WORDS: frozenset[str] = DESK_WORDS | frozenset(
    {"bloggers", "writers", "authors", "contributors", "editors", "team", "teams"}
)

#: The last word of a publication's name ("Support Weekly", "CX Daily", "Service Digest", "The
#: Zeta Post", "Loyalty Newsletter"): a feed's credit ending so reads as the publication's, and a
#: byline that opens the post's text, or the page's, names who wrote it (walk167 #8: the feed's
#: "Support Weekly" was credited over "By Amy Chen"). A surname may be one ("Emily Post"), so such
#: a credit is never left out for it: it only gives way to a byline.
PUBLICATION_NAME_WORDS: frozenset[str] = frozenset(
    {
        "weekly", "daily", "monthly", "quarterly", "digest", "magazine", "mag", "zine", "news",
        "newsletter", "letter", "times", "journal", "review", "post", "blog", "gazette",
        "herald", "tribune", "chronicle", "bulletin", "dispatch", "courier", "observer",
        "insider", "report", "reports", "notes", "podcast", "radio", "tv", "today", "wire",
    }
)  # fmt: skip

#: The last word of a credit to a publication's staff ("Zeta Post Staff"), which names no one in a
#: feed too: unlike a desk ("Guardian sport", "GNOME Sysadmin Team"), it is the publication itself.
STAFF_WORDS: frozenset[str] = frozenset({"staff", "staffers"})

#: Words that name a business's function or department, not a person ("Customer Experience",
#: "Product Design", "Brand Strategy", "Customer Success", "Content", "Marketing"): a credit's part
#: after a comma made only of them is the person's department, no co-author ("Jane Doe, Customer
#: Experience" is Jane Doe, walk158 #4), and a team or desk named only by them ("Content Team",
#: "Marketing Team") is a label, credited to no one in a feed too (walk158 #5). Only a part made
#: wholly of these counts, so a surname among them ("Russell Brand") stays a name.
DEPARTMENT_WORDS: frozenset[str] = (
    frozenset(
        """
    customer customers client clients user experience success support service services care
    product products design ux ui brand branding strategy marketing sales growth content
    communications comms pr public relations operations ops engineering development research
    insights analytics data digital social media community partnerships partner business
    people hr talent human resources finance legal compliance security it technology tech
    innovation creative editorial web seo commerce ecommerce e-commerce retail enterprise
    solutions success corporate global international regional national local internal
    """.split()  # noqa: SIM905 (a word list reads better as prose)
    )
    | ROLE_QUALIFIERS
)

#: The words of a byline that names a team or a department by its business function, no one
#: ("Customer Support", "Support Operations", "CX Strategy", "Sales Enablement", "Support Hero",
#: walk203 #1): a byline made only of them, maybe after the site's own name, credits no one
#: (`creditteams.function_byline`).
FUNCTION_BYLINE_WORDS: frozenset[str] = (
    DEPARTMENT_WORDS
    | DESK_WORDS
    | frozenset(
        """
    cx cs csm ux enablement hero heroes advocacy onboarding training education learning
    revops devrel relations department dept division office group unit crew squad
    """.split()  # noqa: SIM905 (a word list reads better as prose)
    )
)

#: A label in the place of a credit that marks the article as paid for ("Sponsored Content",
#: "Paid Post", "Advertorial", "Press Release", walk158 #5), lower-cased: no one's name, and the
#: editor is told, who may want to mark the article as paid content or leave it out.
PAID_CONTENT_LABELS: frozenset[str] = frozenset(
    {
        "sponsored",
        "sponsored content",
        "sponsored post",
        "sponsored article",
        "sponsored story",
        "sponsor content",
        "promoted",
        "promoted content",
        "promoted post",
        "promoted story",
        "paid post",
        "paid content",
        "paid partnership",
        "paid promotion",
        "partner content",
        "branded content",
        "brand content",
        "advertorial",
        "advertisement",
        "advertising",
        "advertiser content",
        "press release",
        "press releases",
        "news release",
        "brand studio",
        "brandvoice",
        "brand voice",
        "partner studio",
        "paid for",
        "in partnership",
    }
)

#: The lead-in of a label of paid content that names its payer ("Sponsored by Acme", "In
#: partnership with Acme", "Paid for by Acme", walk163 N1: the label was credited as a person, or
#: the payer as the author): no one's credit, and the editor is told. Not "Presented by": a
#: podcast's hosts.
PAID_CONTENT_LEAD = re.compile(
    r"^\W*(?:(?:sponsored|paid\s+for|underwritten|funded|brought\s+to\s+you)\s+by"
    r"|in\s+(?:paid\s+)?(?:partnership|association|collaboration)\s+with"
    r"|(?:paid\s+)?partnership\s+with|advertisement\s+(?:by|for)|(?:sponsored|partner)\s*:)\s",
    re.I,
)

#: A credit that says it names no one ("No author", "No Author Listed", "Unknown author"), a CMS
#: account's login ("wpadmin", "siteadmin", "admin2"), an e-mail's user name ("jane.doe"): labels
#: and logins, no one's name, in a feed too (walk158 #5).
NO_ONE_CREDIT = re.compile(
    r"^(?i:(?:no|unknown|without)\s+(?:author|byline|name|writer)s?)\b"
    r"|^[a-z0-9_]*admin[a-z0-9_]*$"
    r"|^[a-z]+(?:\.[a-z]+)+$"
)

#: The last word of an organisation's name ("Acme Research and Insights Group", "The Brookings
#: Institution", "Pew Research Center"): a page's byline of one credits no one, as a desk's does
#: (a feed's is kept as written). Not an agency's or a paper's ("Associated Press", "Times"): an
#: agency alone wrote the story (`NEWS_AGENCIES`).
ORGANISATION_HEAD_WORDS: frozenset[str] = frozenset(
    {
        "group",
        "institute",
        "institution",
        "foundation",
        "association",
        "society",
        "council",
        "committee",
        "commission",
        "center",
        "centre",
        "department",
        "ministry",
        # walk163 N5: "The Russian and Syrian defense ministries", a fact-check's claimant
        # (polygraph.info), was credited as "The Russian"
        "departments",
        "ministries",
        "agencies",
        "authorities",
        "governments",
        "administrations",
        "company",
        "inc",
        "ltd",
        "llc",
        "corp",
        "corporation",
        "labs",
        "laboratory",
        "university",
        "college",
        "agency",
        "consortium",
        "alliance",
        "coalition",
        "federation",
        "partners",
        "partnership",
        # walk112 #1: a firm's name given as a post's author ("Acme Research", "Zendo Marketing")
        "research",
        "marketing",
        "media",
        "news",
        "consulting",
        "consultancy",
        "solutions",
        "insights",
        "analytics",
        "ventures",
        "technologies",
        "holdings",
        "communications",
        # walk139 #8: "World Health Organization"
        "organization",
        "organisation",
    }
)

#: An organisation's name that opens with its kind and says what it is for or of ("Organization
#: for Transformative Works", readability's archive-of-our-own page's author, walk139 #8;
#: "Association of Writers", "Society for Science", "Center for American Progress", "Council on
#: Foreign Relations", "Committee to Protect Journalists", "Bureau of Labor Statistics"): no one's
#: name, in a feed too, as one ending in such a word is not (`ORGANISATION_HEAD_WORDS`). So is a
#: group of people named by what they are for, of, without or against ("Friends of the Earth",
#: "Doctors Without Borders", "Physicians for Human Rights", "Mothers Against Drunk Driving",
#: walk144 #3): a plural noun of people, never a given name, then such a word.
ORGANISATION_LEAD = re.compile(
    r"^\s*(?:the\s+)?(?:(?:organi[sz]ation|association|society|foundation|institute|institution|"
    r"cent(?:er|re)|council|committee|commission|federation|confederation|alliance|coalition|"
    r"consortium|league|union|agency|ministry|department|office|fund|trust|campaign|movement|"
    r"bureau|administration|authority|directorate|secretariat)"
    r"\s+(?:for|of|on|to|against)|"
    r"(?:friends|doctors|physicians|reporters|journalists|engineers|lawyers|scientists|nurses|"
    r"teachers|citizens|americans|veterans|mothers|parents|families|students|women|"
    r"people|architects|musicians|artists|farmers|clowns)\s+(?:for|of|without|against)\b)"
    r"\s+\S",
    re.I,
)

#: The first word of a team's name ("Team Zendo", walk112 #2): no one's, as "The Zendo Team" is.
TEAM_FIRST_WORDS: frozenset[str] = frozenset({"team"})

#: JSON-LD types of an organisation (schema.org's Organization and the types under it that pages
#: use as an author): an author of one is an organisation's credit, no one's (walk112 #1).
JSONLD_ORGANISATION_TYPES: frozenset[str] = frozenset(
    {
        "organization",
        "corporation",
        "newsmediaorganization",
        "educationalorganization",
        "governmentorganization",
        "ngo",
        "localbusiness",
        "researchorganization",
        "researchproject",
        "project",
        "onlinebusiness",
    }
)

#: A label for a crowd of people, not anyone's name ("Contributors to Wikimedia projects" in
#: Wikipedia's JSON-LD, "Editors of Encyclopaedia Britannica", "Staff of the Zeta Post"): credits
#: no one, as "Contributors" alone does (`REJECTED_AUTHORS`).
COLLECTIVE_LABEL = re.compile(
    r"^(?:the\s+)?(?:contributors?|editors?|staff|writers?|authors?|members?)\s+(?:to|of|at|from)\s",
    re.I,
)

#: Words that make a name an organisation's wherever they stand ("University of Oxford",
#: "Institute for Fiscal Studies", "Department of Health").
ORGANISATION_NAME_WORDS: frozenset[str] = frozenset(
    {
        "institute",
        "institution",
        "university",
        "foundation",
        "association",
        "ministry",
        "department",
        "organization",  # walk139 #8: "Organization for Transformative Works"
        "organisation",
        "society",
    }
)

#: A generation's suffix after a name's comma ("Jane Doe, Jr.", "Jane Doe, II"): part of the
#: name, no second person nor a degree (walk193 #9: "II" and "III" were dropped).
NAME_SUFFIX = re.compile(r"^(?:(?:Jr|Sr|JR|SR)\.?|II|III|IV)$")


#: A Reddit user as Reddit's feeds credit one ("/u/llogiq"): a name although it has slashes.
REDDIT_USER = re.compile(r"^/?u/[\w-]{2,40}$")

#: Words that, anywhere in a candidate author, show it is not a name (lower-cased tokens): web
#: addresses, social networks, relative times, licence lines ("CC BY-SA 4.0", "Creative Commons").
#: None of them is a surname (checked against the surnames the issue 13 feeds credit); words that
#: are surnames too are in FURNITURE_WORDS instead.
REJECTED_AUTHOR_WORDS: frozenset[str] = frozenset(
    [
        "ago",
        "http",
        "https",
        "www",
        "html",
        "php",
        "yesterday",
        "comments",
        "tweet",
        # a newsroom's name for its desk ("La Rédaction", "Von der Redaktion", "Redacción EFE",
        # "Redaktion Acme", walk163 N1): the desk in French, German, Spanish, Portuguese,
        # Italian, Dutch, Polish, Scandinavian, Czech and Russian
        "rédaction",
        "redaction",
        "redaktion",
        "redaktionen",
        "redacción",
        "redaccion",
        "redação",
        "redacao",
        "redazione",
        "redactie",
        "redakcja",
        "redaksjon",
        "redakce",
        "редакция",
        "facebook",
        "twitter",
        "linkedin",
        "instagram",
        "email",
        "subscribe",
        "newsletter",
        "login",
        "cc",
        "licence",
        "license",
        "licensed",
        "copyright",
        "commons",
        "reserved",
    ]
)

#: Page-furniture and time words that are also people's surnames (Juli Min at the NYT, Doris
#: Day, Herbert Read, Thomas More, Frances Hour...): they show a candidate is not a name only when
#: written in lower case ("5 min read", "3 hours", "read more", "share", "follow us") or beside a
#: digit; "Juli Min" is a name.
FURNITURE_WORDS: frozenset[str] = frozenset(
    [
        "com",
        "org",
        "net",
        "hours",
        "hour",
        "minutes",
        "minute",
        "min",
        "mins",
        "seconds",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "today",
        "updated",
        "update",
        "published",
        "posted",
        "comment",
        "share",
        "sign",
        "follow",
        "read",
        "more",
        "rights",
        "creative",
    ]
)

#: Month names: a candidate holding one is a date ("June 3, 2024", "Jan 5") only with a digit beside
#: it, or when the month is all it says. Many are also given names (Jun Takeda, April Dunford, June
#: Carter, August Wilson, Jan de Vries), so a month word alone never rejects a name.
MONTH_WORDS: frozenset[str] = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

#: A date glued to a byline ("Lucas Nolan22 Dec 2016", "Jane Doe March 11, 2015 3:46 PM"): cut from
#: the first digit, and a month name just before it.
#: WordPress's default byline puts "on" before its date ("By Jane Roe on December 3, 2025", "Posted
#: by Dana Ruiz on Tuesday", walk163 N3: the "on" was left and no one credited): cut from it.
DATE_TAIL = re.compile(
    r"\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d).*$"
    # ... and in other languages ("Anaïs Le Bihan, le 21 novembre 2026", "Jürgen Groß am 21.
    # November 2026", "María José Fernández el 21 de noviembre", walk195 #3)
    r"|,?\s+(?:le|am|el|em|il|op|den)\s+\d.*$"
    r"|\s*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d{1,4}\b.*$"
    r"|\s*\d{1,4}(?:(?:\s+|\s*[,./:-]\s*)\w+)+.*$",
    re.I,
)
#: Only a date's digits are cut: "L2inc", "reddit0r_9", "記事1の作者名" and "Fake Author 2" keep
#: theirs (a digit glued to letters, or alone at the end, is part of the credit).

#: Words that show a byline is a desk or a company, not a person ("By Our Foreign Staff" at the
#: Telegraph); "National Desk" (cleveland.com in the newspaper4k set) is a desk too.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    {"our", "correspondents", "agencies", "wires", "reporters", "desk", "newsroom"}
)

#: Words in an organisation's name; a "name" equal to the site's name is the site unless it has none
#: of these and looks like a person's (a personal blog called "Haki Benita").
ORGANISATION_WORDS: frozenset[str] = frozenset(
    [
        "news",
        "times",
        "post",
        "daily",
        "weekly",
        "journal",
        "magazine",
        "media",
        "press",
        "blog",
        "review",
        "tribune",
        "herald",
        "gazette",
        "telegraph",
        "guardian",
        "chronicle",
        "inc",
        "ltd",
        "llc",
        "corp",
        "group",
        "network",
        "tv",
        "radio",
        "online",
        "digital",
        "foundation",
        "institute",
        "university",
        "society",
        "association",
        "organization",
        "organisation",
        "company",
        "labs",
        "studio",
        "studios",
        "engineering",
        "developers",
    ]
)

#: Words of `ORGANISATION_WORDS` that are also people's surnames ("Mark Post", "Emily Press"):
#: alone they do not make a credit an organisation's (`credits.is_organisation`).
SURNAME_ORGANISATION_WORDS: frozenset[str] = frozenset(
    {"post", "press", "review", "herald", "guardian", "telegraph", "blog", "daily", "weekly"}
)

#: Lower-case words that belong inside names ("Michiel de Jong", "Ludwig van Beethoven"), in the
#: languages of the corpus.
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "de",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "des",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "e",
        "zu",
        "ter",
        "ten",
        "af",
        "st",
    }
)

#: Particles kept in lower case inside a name written in capitals or in lower case ("JAN VAN DER
#: BERG" -> "Jan van der Berg", "María de la Cruz"): `NAME_PARTICLES` but for those that are also
#: initials or abbreviations in English names ("John E Smith", "Mary St Clair").
CASED_PARTICLES: frozenset[str] = NAME_PARTICLES - {"e", "y", "st"}

#: Words that show lower-case words are no name ("the way", "read more"): a feed's or a page's
#: declared credit in lower case ("jane roe") is a name only without them.
NOT_LOWER_NAME_WORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "into",
        "about",
        "over",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "our",
        "your",
        "my",
        "their",
        "his",
        "her",
        "we",
        "you",
        "they",
        "more",
        "most",
        "all",
        "any",
        "some",
        "no",
        "not",
        "new",
        "read",
        "view",
        "see",
        "click",
        "here",
        "posts",
        "post",
        "comments",
        "share",
        "follow",
        "page",
        "home",
        "news",
        "blog",
        "admin",
        "staff",
        "team",
        "editor",
        "editors",
        "writer",
        "writers",
        "contributor",
        "contributors",
        "guest",
        "user",
        "users",
        "unknown",
        "anonymous",
        "sport",
        "sports",
        "desk",
    ]
)

#: Trailing furniture cut off a name ("Jane Doe | Twitter", "Jane Doe (@jane)", "Jane Doe –
#: Follow", "Jane Doe [Editor]", a terminal escape's debris "Jane[2J", "Taverncast:
#: www.taverncast.com").
AUTHOR_TAIL = re.compile(
    r"\s*:\s*(?:https?://|www\.).*$|\s*(?:[|•·–—©\[{]\s*|\(\s*@|\s-\s).*$|\s*\b(?:on|via)\s+(?:twitter|facebook|linkedin|instagram)\b.*$"
    r"|\s+(?:edited|photographs?|photography|photos|pictures|images|videos?|graphics|"
    r"illustrations?|additional reporting|updated|reviewed|fact-checked)\s+by\b.*$"
    r"|\s+is\s+(?:a|an|our)\s+guest\b.*$",  # "Jane Roe is a guest contributor"
    re.I,
)

#: Degrees after a name ("Jane Doe PhD", "Jane Doe M.D."), lower-cased without their full stops:
#: no part of the name credited, as after a comma ("Jane Doe, MBA"; walk163 N10: "Jane Doe PhD"
#: kept it). A title before a name ("Dr. Jane Doe") is kept: publishers credit it so.
NAME_DEGREES: frozenset[str] = frozenset(
    """
    phd dphil md mba msc ma ba bsc bs ms rd jd llm llb mph rn cpa cfa edd psyd dds dvm frcs mrcp
    facs pe
    """.split()  # noqa: SIM905
)

#: Words that name a site's edition or its kind after the site's own name ("India Post News
#: Weekly" on India Post, walk163 N6; "Quay Notes RSS", "Quay Notes Podcast", walk196 #3): the
#: site itself, no one's credit.
SITE_EDITION_WORDS: frozenset[str] = frozenset(
    """
    news weekly daily online magazine blog journal digital media network staff team edition
    international global rss feed feeds podcast radio tv newsletter editors
    """.split()  # noqa: SIM905
)

#: A lower-case article or preposition that opens a part after a comma ("Maria Silva, da
#: Redação", "Jane Roe, of the Zeta Post", walk163 N2): a desk or an affiliation, no person.
AFFILIATION_LEAD: frozenset[str] = frozenset(
    "da do das dos der die des de del della du of the for from at with la le el".split()  # noqa: SIM905
)

#: A name is at most this many words (Spanish and Portuguese names reach five or six).
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60

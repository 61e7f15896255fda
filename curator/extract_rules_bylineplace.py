"""Where on a page a byline stands: the data behind `curator.extract_bylines`' search.

The class and id words that mark a byline element and those that mark furniture (comments,
sidebars, navigation), the tags and inline markup a visible "By ..." line sits in, the links in a
byline that file the post under a category, the words around an author link's name and the
labels of a link to an author's page, and the headings and paragraphs (comments, related
posts, quotations, interviews) after which a "By ..." is no longer the article's. Split from
`curator.extract_rules_bylines`, which keeps how a credit reads (its labels, roles and the words
between its people); change a table here, not a rule in the code.
"""

from __future__ import annotations

import re

#: The class/id/itemprop/rel words that mark a byline element (Readability.js `byline` regex, plus
#: the microformats2 `p-author`/`h-card` and WordPress's `author vcard`).
#: The French, Spanish/Portuguese/German and Italian words for the same ("auteur", "autor",
#: "firma") and the "signature" class French and Spanish papers use for the byline.
BYLINE_CLASS = re.compile(
    r"byline|author|auteur|autor|writtenby|p-author|dateline|contributor|reporter|by-line|"
    r"signature|firma",
    re.I,
)

#: Class/id words that mark an element as NOT a byline even when it matches BYLINE_CLASS: author
#: boxes at the foot of the post, comment authors, "about the author" bios, avatars (WordPress
#: comment markup).
BYLINE_NOT_CLASS = re.compile(
    r"comment|avatar|bio\b|biography|about|related|more-from|authors-list|author-box|description|"
    r"photo|image|img|social|follow|share|twitter|facebook|licen[cs]e|copyright|rights",
    re.I,
)

#: Containers whose names are not the article's author: comment threads, sidebars, "related"/"most
#: read" lists, widgets (WordPress and Drupal class names). Matched against class/id words, not
#: substrings, so a body class "sidebar-primary" or an "article__author" is not caught.
FURNITURE_CONTAINER = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|sidebar|related|widget|most-?read|popular|recirc|"
    r"trending|promo|newsletter|footer)(?:[\s_-]|$)",
    re.I,
)
FURNITURE_TAGS: frozenset[str] = frozenset({"footer", "aside", "nav"})
#: A site's navigation menu by class or id, as <nav> is by tag: "nav", "navbar", "menu",
#: "globalNav" (Yahoo! Japan's, whose "Bylines" item, 個人, was read as the author).
FURNITURE_NAV = re.compile(
    r"(?:^|[\s_-])(?:[Nn]av|[Nn]avbar|[Nn]avigation|[Mm]enu|[a-z]+(?:Nav|Navi|Menu|Navigation))"
    r"(?:[\s_-]|$)"
)

#: Inside a byline element, the elements that hold just the name: links, hCard `fn`, microformats2
#: `p-name`, microdata `itemprop=name` (Yahoo's `<cite class="byline vcard"><span class="fn">`).
BYLINE_NAME_XPATH = (
    './/a | .//*[contains(concat(" ", normalize-space(@class), " "), " fn ")]'
    ' | .//*[contains(concat(" ", normalize-space(@class), " "), " p-name ")]'
    ' | .//*[@itemprop="name"]'
)
#: A link in a byline to a category, a tag or a section ("Posted by <a>Farid Haddad</a> in <a
#: href="/cat/cx">Customer Experience</a>", WordPress's `rel="category tag"`): no one's name
#: (walk193 #1: it was credited as a co-author).
CATEGORY_LINK_PATH = re.compile(
    r"/(?:cat|category|categories|tag|tags|topics?|section|sections)/", re.I
)
CATEGORY_LINK_REL = frozenset(["category", "tag"])
#: The words before a byline's link that file the post under what follows ("... in", "... under",
#: "Filed under"): the links after them name its subjects, no one.
CATEGORY_LEAD = re.compile(r"(?:^|\s)(?:in|under|filed\s+(?:in|under))\s*:?\s*$", re.I)

#: The elements and the blocks inside the article that carry a visible "By ..." byline.
BYLINE_TEXT_TAGS: tuple[str, ...] = (
    "p",
    "span",
    "div",
    "address",
    "li",
    "a",
    "h4",
    "h5",
    "h6",
    "small",
)

#: Inline markup a byline's block may open with ("<p><em>Guest post by Farid Haddad</em></p>",
#: "<p><strong>Guest author:</strong> Farid Haddad</p>", walk139 #1): its text is the block's
#: first, tested as a byline's is.
BYLINE_INLINE_TAGS: frozenset[str] = frozenset(
    {"em", "i", "strong", "b", "span", "small", "u", "font", "cite", "mark"}
)

#: A byline in a block's leading inline markup is not read inside these (walk147 #1: the
#: attribution of a quotation, `<blockquote>...<p><em>by Maya Angelou</em></p></blockquote>`,
#: was credited as the article's author).
QUOTING_TAGS: tuple[str, ...] = ("blockquote", "q", "cite", "figure", "figcaption", "aside")

#: A paragraph that is a quotation in quote marks, whole ("“People will forget what you said ...”"):
#: a "by Maya Angelou" right after it names whom the page quotes, as under a `<blockquote>`
#: (walk193 #6), and so does a name and a role ("Jane Customer, COO of Beta Corp", walk193 #2).
QUOTATION_PARAGRAPH = re.compile(r"^\s*[“\"«„‘'].{8,}[”\"»“’'][\s.,;:!?)]*$", re.S)

#: A page that reads as an interview (walk193 #2): "interview" or "Q&A" in its headline, or a
#: question's line ("Q: How big is your team?"). A "Name, Role at Company" line under its headline
#: names whom it interviews, no byline; as does one right after a quotation (`QUOTATION_PARAGRAPH`).
INTERVIEW_TITLE = re.compile(r"\binterview|\bQ\s*&\s*A\b", re.I)
QUESTION_LINE = re.compile(r"^\s*Q\s*[:：]|^\s*Q\.\s+[A-Z]|^\s*Question\s*[:：]")

#: A heading that opens a page's comments ("Comments", "3 Responses", "Replies (12)", "Reader
#: comments", "Leave a Reply", "Join the discussion", WordPress's "7 thoughts on “...”"): a "By
#: Gary Commenter" after it, before any other heading, is a reader's, not the article's byline
#: (walk158 #2: the commenter was credited).
#: In other languages too (walk163 N7): German "Kommentare", French "Commentaires", Spanish
#: "Comentarios", Portuguese "Comentários", Italian "Commenti", Dutch "Reacties", Polish
#: "Komentarze", Danish, Norwegian and Swedish "Kommentarer", Czech "Komentáře"; and "What readers
#: say".
COMMENTS_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:(?:reader|readers'?|user|your)\s+)?"
    r"(?:comments?|responses?|repl(?:y|ies)|reactions?|discussion|kommentare?|kommentarer"
    r"|commentaires?|comentarios?|comentários?|commenti|commento|reacties?|reactie"
    r"|komentarze?|komentáře|komentarji|reacciones|réactions)\W*(?:\(?\d+\)?)?\W*$"
    r"|^\W*what\s+(?:our\s+)?(?:readers|people|you)\s+(?:say|think|said)\b"
    r"|^\W*(?:leave|post|add|write)\s+(?:a|your)\s+(?:comment|reply|response)\b"
    r"|^\W*join\s+the\s+(?:discussion|conversation)\b"
    r"|^\W*\d+\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\b",
    re.I,
)

#: A heading that opens a list of other articles ("Related posts", "More from Acme", "You may also
#: like", "Read next", "Recommended for you", walk163 N7): a "By ..." after it, before any other
#: heading, is another article's byline, as a commenter's after `COMMENTS_HEADING` is.
RELATED_HEADING = re.compile(
    r"^\W*(?:related|similar|recent|popular|latest|recommended|further|more)\s+"
    r"(?:posts?|articles?|stories|reads?|reading|content|news|from\b|like\s+this|on\b|for\s+you)"
    r"|^\W*(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)"
    r"|read\s+(?:next|more|also|this\s+next)|also\s+read|see\s+also|what\s+to\s+read\s+next"
    r"|(?:don't|do\s+not)\s+miss|trending(?:\s+now)?|up\s+next|keep\s+reading"
    r"|recommended(?:\s+for\s+you)?|related|more)\W*$"
    r"|^\W*(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|read\s+next)\b",
    re.I,
)

#: A paragraph of this many words or more is the article's text: a byline in inline markup after
#: one, with more such paragraphs after it, is in the middle of the text and is none.
PROSE_MIN_WORDS = 8

#: A theme's words around the name of a rel=author link ("About Omar Haddad", "Omar Haddad's
#: profile"; walk118 #5): the person the link is for.
AUTHOR_LINK_LEAD = re.compile(r"^\s*(?:about|meet|profile\s+of)\s+(?=[A-Z\u00c0-\u024f])", re.I)
AUTHOR_LINK_TAIL = re.compile(
    r"\s*['’]s?\s+(?:author\s+)?(?:profile|page|bio|biography|posts|articles|stories)\s*$",
    re.I,
)

#: The labels of a link to an author's page ("View all posts by Omar Haddad", "More stories by
#: Jane Roe", walk112 #8): read as a byline only as a link's text. As a paragraph's text
#: (`<p><em>More stories by Jane Roe</em></p>`, walk147 #1) they credit no one.
BYLINE_LINK_LABEL = re.compile(
    r"\s*(?:view\s+(?:all\s+)?(?:posts|articles|stories)|(?:all\s+|more\s+)?"
    r"(?:posts|articles|stories)|more)\s+by\b",
    re.I,
)

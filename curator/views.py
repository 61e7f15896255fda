"""The objects curator gives templates: an article and a section of an issue as a template sees
them (apart from `curator.render`, so that the load checks of `curator.templatefields` know their
fields)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class EntryView:
    """One article as a template sees it; every string is plain text, escaped by the template."""

    #: The article's title.
    title: str
    #: A link safe to publish (http/https), or None (the template shows the title unlinked).
    url: str | None
    #: The people credited, joined for reading: "Jane Doe", "Jane Doe and John Roe" (the "and"
    #: of `_words.txt`'s `and_word`).
    author: str
    #: The publication's name, or "".
    publication: str
    #: The credit line: "Author || Publication", or whichever of the two is known (never a bare "||").
    credit: str
    #: Two or three sentences.
    blurb: str
    #: Relevance to the section's subject.
    score: float
    #: Subject terms that matched.
    matched: tuple[str, ...]
    #: Other publications that carried the same story: (name, safe url or None).
    also_covered_by: tuple[tuple[str, str | None], ...]
    #: Other pieces on the same story in the article's own publication (safe url or None): named
    #: apart, as "Also covered by: The Guardian" under a Guardian article read as another outlet.
    also_in_publication: tuple[str | None, ...] = ()
    #: The same pieces as (name, safe url or None), the name numbered when the publication has
    #: more than one ("CX Lab (1/3)"), as `also_covered_by` numbers another outlet's: three lines
    #: "Another piece in CX Lab on the same story" read alike (walk140 #5).
    pieces_in_publication: tuple[tuple[str, str | None], ...] = ()
    #: The blurb as the HTML editions publish it: sanitised, safe as it is; blocks (`<p>`, `<ul>`)
    #: when `blurb_blocks` (a Markdown blurb of several paragraphs or a list: put it in a <div>).
    blurb_html: Markup = Markup("")
    blurb_blocks: bool = False
    #: The blurb as the editor wrote it in a draft, when it holds Markdown (links, emphasis ...);
    #: None when `blurb` is plain text. The Markdown edition publishes it (through md_intro).
    blurb_markdown: str | None = None
    #: The language the article's page declares ("ar", "pt-BR"), or "" (`lang_attributes` marks
    #: it where it is not the newsletter's).
    language: str = ""
    #: The credit line as the HTML editions publish it (`credit_html`): each side in `<bdi>`, so
    #: that it reads "Author || Publication" in the article's direction whatever their scripts.
    credit_html: Markup = Markup("")
    #: The direction its letters tell when no language is known ("rtl" for Arabic letters,
    #: "auto" for another script than the newsletter's that names no language alone), else "";
    #: `lang_attributes(entry.language, entry.direction)` writes it.
    direction: str = ""
    #: The people credited, each alone, in order: for a template that joins them its own way.
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionView:
    """One subject's part of the issue, as a template sees it."""

    #: The subject's name (the section heading).
    subject: str
    description: str
    #: A stable id for an anchor, with the issue's number, e.g.
    #: "issue-3-the-basics-of-customer-experience": unique on a blog's home page that shows several
    #: issues' fragments, where "#customer-support" alone jumped to another issue's (walk159 #4).
    slug: str
    entries: tuple[EntryView, ...]

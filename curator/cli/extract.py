"""`curator extract`: what curator reads from article pages, so an editor can see why it credits them so."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from curator.articles_addresses import base_refused_said, unreachable_named, unreachable_note
from curator.articles_credits import address_credit, address_name
from curator.articles_pages import read_page
from curator.articles_titles import page_title, title_choice, without_names
from curator.blurb import choose_blurb, complete_sentences, usable_sentences, why_no_page_blurb
from curator.cli.common import (
    JSON_PRINTED,
    error_fields,
    loaded,
    note_config,
    note_json,
    warn,
    with_lost_warnings,
)
from curator.cli.streams import changes_nothing
from curator.config import Config
from curator.creditsites import site_team
from curator.draftbuild import followed_names
from curator.errors import CuratorError, json_document
from curator.fetch import fetch_all
from curator.fetch_request import FetchRequest, FetchSettings
from curator.harvest import fetch_settings
from curator.htmltext import name_text, terminal_text, without_passwords
from curator.models import FEED_CODE, TAKEN_FOR_SITE, Article, Page, code_remark, taken_remark
from curator.placement import feed_names
from curator.render import credit_line, join_names
from curator.robots import disallowed_pages, site_name, site_of
from curator.store import Store
from curator.storeerrors import StoreError


def _say(text: str, *, err: bool = False) -> None:
    """A line of the page's reading on stdout (or stderr): what it quotes of the page is printed
    as text, never as a terminal's escape sequence (`htmltext.terminal_text`, walk173 #1)."""
    click.echo(terminal_text(text), err=err)


def page_record(page: Page, site_names: Sequence[str] = ()) -> dict[str, Any]:
    """The fields an editor cares about, JSON-ready. `site_names`: the followed feeds' names,
    which a build takes from either end of a page's <title> (`articles_titles.rechosen`)."""
    # The title as an issue prints it when the feed gives none: without a segment naming the site
    # or the author (" | Eleanor Ainge Roy", " ✩ Mozilla Hacks – the Web developer blog").
    issue_title = page_title(page, page.publication) or page.title
    # and, as a page added to a draft by its address is built, without a followed feed's name
    # (walk195 #7: "Le Blog de la Relation Client" was shown, the build took the other side)
    written = title_choice(page, page.publication, issue_title or "")
    if written and site_names and (named := without_names(written, site_names)) != written:
        issue_title = named  # (as `rechosen`: only when a followed feed's name was there)
    return {
        "url": page.url,
        "title": page.title,  # as the page writes it
        "issue_title": issue_title,
        "authors": list(page.authors),
        "authors_field": page.authors_field,  # "its JSON-LD", "its byline", ...
        # names the page declared, taken for its site's own (walk139 #9)
        "site_authors": list(page.site_authors),
        "paid_label": page.paid_label,
        # as a build credits it (walk96 #3: `Pub ![i](javascript:...)` shown, "Pub" published)
        "publication": (name_text(page.publication) or None) if page.publication else None,
        "canonical_url": page.canonical_url,
        "description": page.description,
        "published": page.published.isoformat() if page.published else None,
        "language": page.language,
        "blurb": choose_blurb(
            description=page.description,
            text=page.text,
            summary=None,
            title=issue_title,
            markup=False,
            headings=page.headings,
            credited=page.authors,
        ),
        "text_chars": len(page.text or ""),
        # How many complete sentences of its text a blurb could use: 0 says why there is none.
        "sentences": usable_sentences(page.text),
        # ... and how many it has, used or not: none usable of some says they were left out.
        "complete_sentences": complete_sentences(page.text),
    }


def stored_record(article: Article) -> dict[str, Any]:
    """How the newsletter's store titles and credits an article, JSON-ready: the title an issue
    publishes (often the feed's, not the page's), its authors, where they came from ("feed",
    "page"; "" when nobody or not known), whom the other named instead, and its blurb (made from
    the page and its feed's summary: walk67 #3)."""
    return {
        "title": article.title,
        "blurb": article.blurb,
        "authors": list(article.authors),
        "publication": article.publication,
        "authors_from": article.authors_from,
        "other_authors": list(article.other_authors),
        # the issue whose draft or issue-N.json the editor corrected its credit in (walk158 #7)
        "credit_corrected_in": article.credit_corrected_in,
        # the issue whose issue-N.json or draft heading the editor corrected its title in (fixlx #3)
        "title_corrected_in": article.title_corrected_in,
        # whether its page was read when it was stored (walk183 #7: `fetch_pages: false`)
        "page_read": article.text is not None,
    }


def _publication_from(config: Config, store: Store, article: Article) -> str:
    """Where the newsletter's credit of `article` took its publication from, in words: the
    feed's `name:` (with its feeds.yaml line), the site name the page gives, or the feed's title
    (walk72 #2: "the page's byline" was said of a publication a `name:` had given)."""
    if not article.publication:
        return ""
    source = next((f for f in config.feeds if f.url == article.feed_url), None)
    if article.link_post:
        return "the linked page"
    if source is not None and source.name and article.publication == source.name:
        return f"the feed's `name:` in {config.path} (line {source.line})"
    if article.site_name and article.publication == article.site_name:
        return "the site name its page gives"
    if source is not None and article.publication == store.feed_state(source.url).title:
        return "its feed's title"
    if article.publication == address_name(article.url):
        what, unnamed = address_credit(article.url)
        return f"{what}, as neither its page nor a feed names {unnamed}"
    return ""


def _settings(
    ctx: click.Context, config_path: Path, allow_private: bool
) -> tuple[FetchSettings, Config | None]:
    """The build's fetch settings from feeds.yaml (its `timeout`, `max_bytes` and
    `allow_private_addresses`) and the newsletter when there is one; the defaults and no
    newsletter otherwise. `--allow-private` allows private addresses either way."""
    given = ctx.get_parameter_source("config") is not ParameterSource.DEFAULT
    config: Config | None = None
    if given or config_path.is_file():
        config = loaded(config_path)
        settings = fetch_settings(config)
    else:
        settings = FetchSettings(deadline=30)
    return replace(settings, allow_private=settings.allow_private or allow_private), config


@click.command("extract")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--config",
    "-c",
    type=click.Path(path_type=Path),
    default=Path("feeds.yaml"),
    show_default=True,
    callback=note_config,
    help="The newsletter's configuration, when there is one: its `timeout`, `max_bytes` and"
    " `allow_private_addresses` apply as in the build.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    callback=note_json,
    help="One JSON object per line for each page, in order (a page that could not be read:"
    ' {"url": ..., "error": ...}); on failure, a last one: {"error": ..., "exit": N}; when'
    ' warnings were lost with stderr, a last one: {"warnings": [...], "exit": 5, "stderr_lost":'
    " ...}.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Also read pages at private or local network addresses (an intranet), whatever"
    " feeds.yaml says.",
)
@click.pass_context
def extract(
    ctx: click.Context,
    sources: tuple[str, ...],
    config: Path,
    as_json: bool,
    allow_private: bool,
) -> None:
    """Show what curator reads from article pages (URLs or saved .html files), read exactly as
    the build reads them: with the settings of feeds.yaml (--config) when there is one.

    The blurb shown is made from the page alone; a build also has the feed's summary, and falls
    back to it. When the newsletter has stored the article, the blurb it made is shown too."""
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    settings, newsletter = _settings(ctx, config, allow_private)
    stored: dict[str, Article] = {}
    whence: dict[str, str] = {}
    # the followed feeds' names (their titles as fetched too, once stored), as a build reads them
    site_names = [f.name for f in newsletter.feeds if f.name] if newsletter is not None else []
    if newsletter is not None and Path(newsletter.settings.store).is_file():
        # How the newsletter credits each page it has stored, as its next draft would: with the
        # feeds' `name:` lines as feeds.yaml gives them now (`feed_names`).
        try:
            with Store.open_for_reading(Path(newsletter.settings.store)) as store:
                if store.upgraded_in_copy is not None:  # (only read: walk150 #4)
                    click.echo(
                        f"curator: the store {store.path} is of an older curator (schema"
                        f" {store.upgraded_in_copy}): read upgraded, in a copy; the store itself"
                        " is left as it is, and the next `curator fetch` or `curator build`"
                        " upgrades it",
                        err=True,
                    )
                named = feed_names(newsletter, store)
                site_names = followed_names(newsletter, store)
                for source in sources:
                    article = store.article_by_url(source) if "://" in source else None
                    if article is not None:
                        stored[source] = named(article)
                        whence[source] = _publication_from(newsletter, store, stored[source])
        except StoreError as exc:  # the pages can still be shown
            warn(f"{exc}; how your newsletter credits these pages is not shown")
    web = [s for s in sources if s.startswith(("http://", "https://"))]
    # Read as the editor asked, but said: a build does not read such a page (walk127).
    disallowed = disallowed_pages(web, lambda requests: fetch_all(requests, settings))
    results = dict(
        zip(
            web,
            fetch_all([FetchRequest(url, kind="page") for url in web], settings),
            strict=True,
        )
    )
    # A page that cannot be read is reported as it comes and the others are still shown; the
    # command then fails, saying how many.
    failed = 0

    def unread(source: str, error: str, hint: str = "") -> None:
        nonlocal failed
        failed += 1
        _say(f"curator: {source}: {error}{hint}", err=True)
        if as_json:
            click.echo(
                without_passwords(json_document({"url": source, "error": error}, indent=None))
            )

    for source in sources:
        if source in results:
            result = results[source]
            content = result.content if result.ok else None
            if not content or not content.strip():
                hint = (
                    "; --allow-private reads pages on your own network (or, for the build too,"
                    " `allow_private_addresses: true` under `settings:` in feeds.yaml)"
                    if result.error_kind == "blocked"
                    else ""
                )
                unread(source, result.error or "the page is empty", hint)
                continue
            page = read_page(content, result.final_url, result.content_type)
            # (walk137 #4: the canonical was shown as the page's address, unnoted, where a
            # build publishes the address it was given and says why)
            refused = unreachable_named(page, source)
            published = "in a build, the address it was given"
        else:
            path = Path(source)
            try:
                data = path.read_bytes()
            except OSError as exc:
                unread(source, f"cannot read: {exc.strerror}")
                continue
            if not data.strip():
                unread(source, "the page is empty")
                continue
            page = read_page(data, path.resolve().as_uri(), None)
            # a saved page's canonical on localhost too (walk144 #7d: shown, unnoted): a
            # build reads such a page through a feed, and publishes the link the feed gives
            refused = unreachable_named(page, page.url)
            published = "in a build, the link its feed gives"
        if refused is not None:
            warn(f"{source}: " + unreachable_note(*refused, published))
        if page.base_canonical:  # walk162 #5: shown as a build takes it
            warn(f"{source}: " + base_refused_said(*page.base_canonical))
        if source in disallowed:
            warn(
                f"{source}: the robots.txt of {site_name(site_of(source) or source)}"
                " disallows curator this page: it is read here only because you asked for it;"
                " fetch, build and draft do not read it, and build its article from its feed"
                " alone"
            )
        record = page_record(page, site_names)
        if source in disallowed:
            record["robots_disallowed"] = True
        if source in stored:
            record["stored"] = stored_record(stored[source])
            record["stored"]["publication_from"] = whence.get(source, "")
        if as_json:
            # (fixjz #1: a stored address's password left out, as the printed lines do)
            click.echo(without_passwords(json_document(record, indent=None)))
        else:
            show(record)
    if failed:
        error = CuratorError(f"{failed} of {len(sources)} page(s) could not be read")
        if as_json:  # the last line, as one line too; the pages' own lines said why
            click.echo(json_document(error_fields(error), indent=None))
            ctx.meta[JSON_PRINTED] = True
        raise error
    if as_json and (last := with_lost_warnings({})):
        # stderr was lost (a full disk, exit 5): a last line holds the warnings it lost, as the
        # other commands' documents do (walk102 #1: extract printed only its pages' lines).
        click.echo(json_document(last, indent=None))
        ctx.meta[JSON_PRINTED] = True


#: What `extract` says of a page whose text makes no blurb (`why_no_page_blurb`, as a build's
#: warning says it): a build would not stop there.
NO_PAGE_BLURB = (
    "(no blurb from the page: {why}; a build falls back to the summary its feed gives, when there"
    " is one)"
)


def show(record: dict[str, Any]) -> None:
    authors = join_names(record["authors"]) or "(no author found)"
    if not record["authors"] and record.get("site_authors"):
        # "The Churn Letter" on "The Churn Letter" (walk139 #9): said as a build's note says it
        names = " and ".join(f'"{name}"' for name in record["site_authors"])
        authors = (
            f"(no author found: the page names {names} as the author, taken for the site's own"
            " name)"
        )
    if not record["authors"] and record.get("paid_label"):
        # "Sponsored Content" as the page's author (walk158 #5): said as a build's note says it
        authors = (
            f'(no author found: the page names "{record["paid_label"]}" as the author, a label of'
            " paid content, not a person)"
        )
    _say(record["issue_title"] or "(no title found)")
    if record["title"] and record["title"] != record["issue_title"]:
        _say(f"  the page's own title: {record['title']}")
    address = record["canonical_url"] or record["url"]
    site = address_name(address)
    unnamed = (
        "(no publication found: a build credits its feed's title, or"
        f" {address_credit(address)[0]}, {site}, when the feed has none)"
        if site
        else "(no publication found)"
    )
    _say(f"  {authors} || {record['publication'] or unnamed}")
    if record["canonical_url"]:
        _say(f"  {record['canonical_url']}")
    if record["published"]:
        _say(f"  published {record['published']}")
    stored = record.get("stored")
    no_blurb = NO_PAGE_BLURB.format(
        why=why_no_page_blurb(record["sentences"], record["complete_sentences"])
    )
    _say(f"  {record['blurb'] or no_blurb}")
    if stored:
        if stored["blurb"] != record["blurb"]:
            # The build's blurb may come from the feed's summary (walk67 #3: extract said there
            # was none where the build had published one).
            _say(f"  your newsletter's blurb: {stored['blurb'] or '(none)'}")
        retitled_in = stored.get("title_corrected_in")
        if stored["title"] and (stored["title"] != record["issue_title"] or retitled_in):
            # (said as a corrected credit is: fixlx #3)
            retitled = f" (as you corrected it in issue {retitled_in})" if retitled_in else ""
            _say(f"  your newsletter's title: {stored['title']}{retitled}")
        line = credit_line(join_names(stored["authors"]), stored["publication"] or "")
        # The page's credit says the field it came from (walk112 #1: a JSON-LD author was told
        # as "the page's byline"), when the page credits the same people today.
        field = record.get("authors_field") or "its byline"
        same = [n.casefold() for n in record["authors"]] == [
            n.casefold() for n in stored["authors"]
        ]
        whence = {
            "feed": "the author its feed names",
            "page": "the author the page's byline names"
            if field == "its byline"
            else f"the author the page names in {field}"
            if same
            else "the author the page names",
        }.get(stored["authors_from"], "")
        said = [
            *([whence] if whence and stored["authors"] else []),
            *(
                [f"the publication from {stored['publication_from']}"]
                if stored.get("publication_from")
                else []
            ),
        ]
        # Each part of the credit says where it came from: "(the page's byline)" was said of a
        # publication a feed's `name:` had given (walk72 #2).
        corrected_in = stored.get("credit_corrected_in")
        if corrected_in is not None:  # the editor's own credit (walk158 #7)
            said = [
                ("no author, " if not stored["authors"] else "")
                + f"as you corrected it in issue {corrected_in}"
            ]
            line = line or "no credit line"
        if not line:  # (walk123 #1: the line ended "credits it as: " and nothing)
            line = (
                "(no credit: no author or publication was found, and the issue prints no credit"
                " line for it; write `author:` and `publication:` lines under its heading in a"
                " draft)"
            )
        _say(f"  your newsletter credits it as: {line}" + (f" ({'; '.join(said)})" if said else ""))
        other = "the page" if stored["authors_from"] == "feed" else "its feed"
        taken = TAKEN_FOR_SITE.get(stored["authors_from"])
        if stored["authors_from"] == FEED_CODE:
            _say(f"  {code_remark(stored['authors'], stored['other_authors'])}")
        elif taken and stored["other_authors"]:
            # walk118 #1: a name the feed or the page gave, taken for the site's own
            names = join_names(stored["other_authors"])
            team = all(site_team(n, stored["publication"]) for n in stored["other_authors"])
            _say(f"  {taken_remark(stored['authors_from'], names, team)}")
        elif stored["other_authors"] and corrected_in is None:
            _say(f"  {other} names {join_names(stored['other_authors'])} instead")
        now = record["authors"]
        if (
            corrected_in is None
            and now
            and {n.casefold() for n in now} != {n.casefold() for n in stored["authors"]}
            and not (other == "the page" and now == stored["other_authors"])
        ):
            # The page as read now names others than the stored credit and its note: a page
            # refused or failing when its article was stored (and featured so), or changed
            # since (walk36: only the feed's credit was said).
            then = (
                "it did not when your newsletter stored the article"
                if stored.get("page_read", True)
                else "your newsletter did not read the page when it stored the article"
            )
            _say(f"  the page names {join_names(now)} instead (as read now; {then})")
    _say(f"  ({record['text_chars']} characters of article text)\n")

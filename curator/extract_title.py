"""An article page's title (`curator.extract`): the cascade that reads it, and a site's name cut
from its start or end."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from curator import extract_rules as rules
from curator.credits import name_key
from curator.extract_doc import WORD as _WORD
from curator.extract_doc import Doc as _Doc
from curator.extract_doc import clean_text as _clean
from curator.extract_doc import first_meta as _first_meta
from curator.extract_doc import ld_article as _ld_article
from curator.extract_doc import ld_str as _ld_str
from curator.extract_doc import title_text as _title_text


def title_suffix(doc: _Doc) -> str | None:
    """The site name a "Title | Site" or "Title_Section_Site" <title> ends with, when the part
    left is a real title."""
    title = _title_text(doc)
    seps = title_separators(title)
    parts = title_parts(title, seps)
    if len(parts) < 2:
        underscored = _underscore_tail(title)  # "Title_Section_Site"
        return underscored[1][-1] if underscored else None
    suffix = parts[-1]
    if (
        not 0 < len(suffix.split()) <= 4
        or len(" ".join(parts[:-1]).split()) < rules.MIN_TITLE_WORDS
    ):
        return None
    # A site's name is a proper name: "CX Today", "eHow", "kottke.org"; not "evolve extension for
    # Mercurial" (the end of a title that had a dash in it).
    head_word = suffix.split()[0]
    named = head_word != head_word.lower() or "." in head_word
    # A full-width colon is Japanese and Chinese writing's subtitle mark ("NPS と CSAT の使い分け：
    # 顧客体験を測る", walk188 #2) as well as a site's ("…：AFPBB News"): the segment after it is a
    # guess at a site's name only when capitals show it is a name, which letters without case
    # cannot; the page's own names still name one ("：日本経済新聞", `strip_site_name`).
    if not _SUBTITLE_MARK.fullmatch(seps[-1].group()):
        named = named or not head_word[:1].islower()
    return suffix if named and not headed_whole(doc, title) else None


#: A separator that is a subtitle's mark as often as a site's: the full-width colon.
_SUBTITLE_MARK = re.compile(r"\s*：\s*")


def headed_whole(doc: _Doc, title: str) -> bool:
    """Whether a `<h1>` of the page is `title` whole, its last segment too: "NPS vs CSAT -
    Measuring the Customer Experience" headed so is one headline and its subtitle, not a title
    and its site's name (walk188 #2: the subtitle was credited as the publication and cut from
    the title, in the issue too)."""
    key = name_key(title)
    return bool(key) and any(name_key(_clean(h.text_content())) == key for h in doc.tree.iter("h1"))


# -------------------------------------------------------------------------------------------- title


def title(doc: _Doc, site: str | None = None) -> str | None:
    """The article's title: JSON-LD headline, meta tags, cleaned <title>, first <h1>.

    As the page writes it: og:title and JSON-LD keep a site's name ("How to Build a Terrarium |
    eHow") as Readability.js does; the issue's title drops it where the publication is known
    (`articles.merge`, with `strip_site_name` and `site_names`).
    """
    found = _ld_title(doc) or _first_meta(doc, rules.TITLE_META)
    if found:
        return found  # as the publisher wrote it for sharing (Readability.js keeps it too)
    found = clean_title(_title_text(doc), site, one_h1(doc))
    if found:
        return found
    h1 = doc.tree.find(".//h1")
    return _clean(h1.text_content()) or None if h1 is not None else None


def strip_site_name(
    raw: str, names: Iterable[str], people: Iterable[str] = (), *, lead: bool = True
) -> str:
    """`raw` without the site's name at its end, then at its start (`without_site_lead`): the one
    rule every title the issue shows goes through (revK: three orders gave "Acme: Q3 Report |
    Acme" two titles). At the end: " | X", " - X", " – X", " — X", " :: X" (the
    `title_separators`) where X is one of `names` (spaces, case and a leading "The" aside:
    "TheHill" is "The Hill") or X and a section in one word ("CNNPolitics"); "_Section_X" too
    ("..._科技_腾讯网"). A person of `people` goes too at the end, alone ("Title | Eleanor Ainge
    Roy") or before a site's name ("Title - John C. Welch - Medium"), never at the start; without
    `lead`, nothing at the start goes. The title itself is never taken whole."""
    names = [n for n in names if n]
    kept = _without_name_ends(raw, names, people)
    if lead and kept != raw:
        # Only punctuation left once the name goes at the start too ("eHow | - | eHow" -> "-")
        # is no title: keep the page's own.
        rest: str | None = kept
        while rest is not None and any(c.isalnum() for c in rest):
            rest = _lead_rest(rest, _lead_keys(names))
        if rest is not None:
            return raw
    return without_site_lead(kept, names) if lead else kept


def _without_name_ends(raw: str, names: Iterable[str], people: Iterable[str]) -> str:
    """`raw` without a site's name of `names` (or a person of `people`) at its end, as
    `strip_site_name` takes it."""
    keys = {k for n in names if (k := name_key(n))}
    # "日本経済新聞社" (the company, 社) names its paper "日本経済新聞" in a title.
    keys |= {k[:-1] for k in keys if k.endswith("社") and len(k) > 3}
    who = {k for p in people if (k := name_key(p))}
    if not keys and not who:
        return raw
    written, raw = raw, _without_name_at_end(raw, keys)
    underscored = _underscore_tail(raw)
    if underscored and name_key(underscored[1][-1]) in keys:
        raw = underscored[0]  # "Title _Section _Site": the section goes with the site's name
    # Cut by position in `raw`: the separators between kept parts stay as written; none inside
    # quotes ("« … » : …", walk191 #6).
    seps = title_separators(raw)
    if not seps:
        return raw
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(raw)]
    parts = [raw[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]

    def site(part: str) -> bool:
        return name_key(part) in keys or _site_and_section(part, keys)

    start, end = 0, len(seps)  # parts[: end + 1] are kept
    while end > start and (site(parts[end]) or name_key(parts[end]) in who):
        end -= 1
    if end < len(seps):
        # Medium's "Title | by Jane Roe | Dec, 2023 | UX Collective": the byline before the
        # site's name goes with it, and a date after the byline too (walk147 #5, walk158 #12)
        dated = end - 1 > start and rules.TITLE_DATE.match(parts[end])
        if dated and rules.TITLE_BYLINE.match(parts[end - 1]):
            end -= 2
        elif end > start and rules.TITLE_BYLINE.match(parts[end]):
            end -= 1
    if end == len(seps):
        return raw
    kept = raw[: seps[end].start()].strip()
    # Only punctuation left ("eHow | - | eHow" -> "-") is no title: keep the page's own.
    return kept if any(c.isalnum() for c in kept) else written


#: What follows a site's name leading a title besides a `title_separators` one: a colon with no
#: space before it ("Acme Blog: NPS - What It Measures", walk190 #9).
_LEAD_COLON = re.compile(r":\s+")


def without_site_lead(raw: str, names: Iterable[str]) -> str:
    """`raw` without a site's name leading it before a separator ("Acme Blog: " of "Acme Blog: NPS
    - What It Measures", walk190 #9: it stayed in the issue's title), when the name is one of
    `names` whole (spaces, case and a leading "The" aside, as `name_key` compares them; a company's
    "…社" names its paper too). The separators are the `title_separators` (none inside quotes) and
    a colon right after the name. Not when what is left is short (fewer than
    `rules.MIN_TITLE_WORDS` words, or 8 letters where words are not spaced): "Acme: Q3" and "Acme
    | Q3" stay (revK). A subtitle after a colon is never the site's name here: only the segment
    before it goes; a name repeated ("eHow | eHow | Title") goes whole."""
    keys = _lead_keys(names)
    while (rest := _lead_rest(raw, keys)) is not None:
        spaced = len([w for w in rest.split() if any(c.isalnum() for c in w)])
        letters = sum(c.isalnum() for c in rest)
        if not (spaced >= rules.MIN_TITLE_WORDS or (" " not in rest and letters >= 8)):
            return raw
        raw = rest
    return raw


def _lead_keys(names: Iterable[str]) -> set[str]:
    """The `name_key`s of `names`, and of a company's paper ("日本経済新聞社" names its paper
    "日本経済新聞" in a title)."""
    keys = {k for n in names if (k := name_key(n))}
    return keys | {k[:-1] for k in keys if k.endswith("社") and len(k) > 3}


def _lead_rest(raw: str, keys: set[str]) -> str | None:
    """What follows the longest name of `keys` leading `raw` before a separator (a
    `title_separators` one, or a colon right after the name); None when no name leads."""
    marks = [*title_separators(raw), *_LEAD_COLON.finditer(raw)]
    cuts = [m.end() for m in marks if m.start() > 0 and name_key(raw[: m.start()]) in keys]
    return raw[max(cuts) :].strip() if cuts else None


#: What parts a title from a site's name at its end: a separator (`rules.TITLE_SEPARATORS`), or a
#: symbol set apart by spaces ("This API is so Fetching! ✩ Mozilla Hacks – the Web developer blog").
_NAME_BOUNDARY = re.compile(rf"{rules.TITLE_SEPARATORS.pattern}|\s+[^\w\s]{{1,2}}\s+")


def _without_name_at_end(raw: str, keys: set[str]) -> str:
    """`raw` without a site's whole name at its end (a `name_key` of `keys`) after a symbol, or
    after a separator when the name has separators of its own: "Mozilla Hacks – the Web developer
    blog" is one name (a site's name and its tagline), which a cut at the last separator would
    miss. A name between separators alone is `strip_site_name`'s. The title itself is never taken
    whole, nor parted inside quotes (as `title_separators`): "Asked “Is It Fetching ✩ Acme
    Hacks”" keeps its quote whole."""
    masked = _unquoted(raw)
    for boundary in _NAME_BOUNDARY.finditer(masked):
        tail = raw[boundary.end() :]
        separator = rules.TITLE_SEPARATORS.fullmatch(boundary.group())
        if boundary.start() == 0 or not tail[:1].isalnum():
            continue
        if separator and not rules.TITLE_SEPARATORS.search(masked[boundary.end() :]):
            continue
        if not separator and not _symbols_only(boundary.group()):
            continue
        if name_key(tail) in keys:
            kept = raw[: boundary.start()].strip()
            if any(c.isalnum() for c in kept):
                return kept
    return raw


#: A section after a site's name in one word: "Politics" in "CNNPolitics", "Sport" in "BBCSport".
_SECTION_WORD = re.compile(r"(?:[A-Z][a-z]+)+")


def _site_and_section(part: str, keys: set[str]) -> bool:
    """Whether a title's segment is a site's name and a section written as one word, camel case
    ("CNNPolitics", "CNNMoney" where the site is CNN): the name as one of `keys`, the rest
    capitalised words."""
    part = part.strip()
    if not part or any(c.isspace() for c in part):
        return False
    return any(
        _SECTION_WORD.fullmatch(part[i:]) and name_key(part[:i]) in keys
        for i in range(1, len(part) - 2)
        if part[i].isupper()
    )


#: The "_Section_Site" end of a title, as Chinese sites write it ("... _探索者 _光明网",
#: "..._科技_腾讯网"): one to three segments, each one word, after underscores.
_UNDERSCORE_TAIL = re.compile(r"(?:\s*_\s*[^\s_]{1,20}){1,3}\s*$")


#: A "-Site" end written with no spaces ("...临床用药需求-新华网", Xinhua's): one segment, one word.
_DASH_TAIL = re.compile(r"(?<=\S)-[^\s_-]{1,20}\s*$")


def _underscore_tail(raw: str) -> tuple[str, list[str]] | None:
    """(the title, its "_Section_Site" segments, or its "-Site" one) when `raw` ends in such a
    tail after a title of at least 8 characters; else None."""
    m = _UNDERSCORE_TAIL.search(raw)
    mark = "_"
    if not m:
        m, mark = _DASH_TAIL.search(raw), "-"
    if not m:
        return None
    head = raw[: m.start()].strip()
    if sum(c.isalnum() for c in head) < 8 or head.endswith(("_", "-")):
        return None
    first = raw.index(mark, m.start())
    before, after = raw[first - 1], raw[first + 1 : first + 2]
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return None  # "config_file.py": an identifier, not a site's name
    return head, [p.strip() for p in m.group().split(mark) if p.strip()]


def _symbols_only(text: str) -> bool:
    """Symbols set apart by spaces (✩, ★, ♦), not a word's punctuation ("a , b", "&")."""
    return all(unicodedata.category(c).startswith("S") for c in text.strip())


def _ld_title(doc: _Doc) -> str | None:
    """JSON-LD headline or name; when both differ, the one closer to <title> (Wikipedia's headline
    is a tagline, its name the title; Readability.js makes the same choice)."""
    art = _ld_article(doc)
    headline, name = _ld_str(art, "headline"), _ld_str(art, "name")
    if headline and name and headline != name:
        page = set(_WORD.findall(_title_text(doc).lower()))

        def overlap(text: str) -> float:
            words = set(_WORD.findall(text.lower()))
            return len(words & page) / len(words) if words else 0.0

        return name if overlap(name) > overlap(headline) else headline
    return headline or name


def written_title(doc: _Doc) -> str:
    """The page's <title> as written when a separator outside quotes parts it; else ""."""
    raw = _clean(_title_text(doc))
    return raw if raw and title_separators(raw) else ""


def one_h1(doc: _Doc) -> str:
    """The text of the page's <h1> when it has exactly one; else "" (`extract.headline` caps its
    length)."""
    found = [_clean(h.text_content()) for h in doc.tree.iter("h1")]
    return found[0] if len(found) == 1 else ""


def clean_title(raw: str, site: str | None = None, headline: str = "") -> str | None:
    """A <title> without its " | Site" part: the site's name is dropped at either end, by the rule
    of every title an issue shows (`strip_site_name`: "Acme: Q3" stays, revK); the side of
    a separator the page's one <h1> (`headline`) is goes with it ("Le Blog de la Relation Client »
    Le premier contact décide de tout" headed "Le premier contact décide de tout", walk191 #6: the
    site's name was published); otherwise the part after the last separator goes only when what
    is left is a long title (Readability.js keeps the whole <title> when the cut would leave four
    words or fewer). A separator inside quotes parts nothing: "« Nos clients veulent des humains
    » : entretien avec …" is one title (walk191 #6: it was cut at the closing »)."""
    raw = _clean(raw)
    if not raw:
        return None
    seps = title_separators(raw)
    if not seps:
        return raw
    if headline and name_key(headline) == name_key(raw):
        return raw  # headed whole: a headline and its subtitle, not a site's name
    side = headed_side(raw, headline, seps, ends=False) if headline else ""
    if side:
        return side
    # the site's name at either end by the one rule every title goes through (`strip_site_name`)
    if site and (kept := strip_site_name(raw, [site])) != raw:
        return _without_title_byline(kept)
    last = seps[-1]
    if _SUBTITLE_MARK.fullmatch(last.group()):
        return raw  # "…の使い分け：顧客体験を測る": a subtitle (Readability.js cuts at no colon)
    if last.group().strip() == ":" and raw[last.end() :][:1].islower():
        return raw  # "« … » : entretien avec …": a subtitle, no site's name (walk191 #6)
    head = _without_title_byline(raw[: last.start()].strip())
    return head if len(head.split()) >= rules.MIN_CUT_TITLE_WORDS else raw


def _without_title_byline(title: str) -> str:
    """`title` without a byline as its last part: "Loyalty Without Surveys | by Jane Roe" (a
    Medium <title>, "Title | by Author | Publication", once its publication is cut: walk147 #5)
    is "Loyalty Without Surveys"; so is "Loyalty Without Surveys | by Jane Roe | Dec, 2023", a
    date after the byline going with it (walk158 #12: it was published whole)."""
    seps = title_separators(title)
    if len(seps) >= 2 and rules.TITLE_DATE.match(title[seps[-1].end() :]):
        before = seps[-2]
        byline = title[before.end() : seps[-1].start()]
        if before.start() > 0 and rules.TITLE_BYLINE.match(byline):
            return title[: before.start()].strip()
    if seps and seps[-1].start() > 0 and rules.TITLE_BYLINE.match(title[seps[-1].end() :]):
        return title[: seps[-1].start()].strip()
    return title


#: Quotes whose inside a separator never parts: «…», “…”, „…“, "…" (walk191 #6).
_QUOTED = re.compile(r'«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|"[^"]*"')


def title_separators(raw: str) -> list[re.Match[str]]:
    """The `rules.TITLE_SEPARATORS` of `raw` that are outside quotes: "« Nos clients veulent des
    humains » : entretien avec Éloïse Château" is parted at " : " only, not at its closing »."""
    return list(rules.TITLE_SEPARATORS.finditer(_unquoted(raw)))


def _unquoted(raw: str) -> str:
    """`raw` with what its quotes (`_QUOTED`) hold, quotes and all, as letters ("x"), each at its
    place: a separator or a symbol found in it is one outside quotes."""
    return _QUOTED.sub(lambda m: "x" * len(m.group()), raw)


def title_parts(raw: str, seps: list[re.Match[str]] | None = None) -> list[str]:
    """`raw` parted at its separators outside quotes (of `seps`, else `title_separators`):
    "Why we keep “Tools – Hammers” Close" is one part (revK: `title_suffix` took `Hammers” Close`
    for the site's name)."""
    seps = title_separators(raw) if seps is None else seps
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(raw)]
    return [raw[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]


def headed_side(
    raw: str, headline: str, seps: list[re.Match[str]] | None = None, *, ends: bool = True
) -> str:
    """The side of a separator (of `seps`, else `title_separators`) in `raw` that the page's <h1>
    `headline` is (compared as a `name_key`): the title, the other side being the site's name or
    a section's; "" when no side is the headline. Without `ends`, only a side after a separator
    (a site's name leading the <title>): the page's own title keeps "Mozilla - Wikipedia" whole,
    as Readability.js does, and the issue's drops the end (`articles_titles.page_title`)."""
    key = name_key(headline)
    if not key:
        return ""
    for sep in seps if seps is not None else title_separators(raw):
        before, after = raw[: sep.start()].strip(), raw[sep.end() :].strip()
        if name_key(after) == key and before:
            return after
        if ends and name_key(before) == key and after:
            return before
    return ""

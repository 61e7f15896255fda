"""A parsed article page as the field readers share it (`curator.extract`): its bytes decoded,
its meta tags and JSON-LD objects indexed, the small readers of both."""

from __future__ import annotations

import codecs
import html as htmlmod
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from curator import extract_rules as rules
from curator.charsets import read_bytes, shown
from curator.credits import norm_name
from curator.htmltext import without_controls

SPACE = re.compile(r"\s+")
WORD = re.compile(r"\w+", re.U)
# JSON-LD wrapped as XHTML character data (Wikipedia, Folha): `<![CDATA[ ... ]]>`, maybe after //.
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


@dataclass(frozen=True)
class Doc:
    """A parsed page and the indexes every field function shares."""

    tree: Any
    url: str
    #: meta name/property/itemprop/http-equiv (lower-cased) -> contents, in document order.
    meta: dict[str, list[str]]
    #: Every JSON-LD object on the page, @graph and lists flattened.
    jsonld: tuple[dict[str, Any], ...]


# -------------------------------------------------------------------------------------------- input


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Bytes to text (see `decode_page`); characters no charset could read are replaced."""
    return decode_page(data, charset)[0]


def decode_page(data: bytes, charset: str | None = None) -> tuple[str, str | None]:
    """Bytes to text: a BOM, then the HTTP header's `charset`, then the page's `<meta charset>`,
    else UTF-8, each as browsers read it (`charsets.read_bytes`, which says how the charset is
    guessed when none of them reads the bytes); and a note when characters had to be replaced, or
    the charset was guessed (walk35 #4: a windows-1251 page read as windows-1252 was published as
    "Íàø îòäåë", silently).
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), None
    m = rules.CHARSET_META.search(data[:4096])
    reading = read_bytes(data, charset, m.group(1).decode("ascii", "replace") if m else None)
    if reading.how == "named":
        return reading.text, None
    if reading.how == "replaced":
        return reading.text, _replaced(reading.charset)
    why = (
        "the charset its bytes read best in"
        if reading.how == "guessed"
        else "the Western default, as no other charset read it better"
    )
    return reading.text, _guessed(reading.said, reading.charset, why)


def _replaced(charset: str) -> str:
    return (
        f"characters: some bytes are not valid {shown(charset)}, the charset the page was read in, and"
        " show as \ufffd (check the article's title, credit and blurb)"
    )


def _guessed(said: str | None, charset: str, why: str) -> str:
    """The page report's line for a page read in a charset guessed from its bytes (`said`: the
    charset its server or the page itself named, if any)."""
    page = (
        f"is not in the {said} it was said to be in"
        if said
        else "names no charset, nor is it utf-8"
    )
    return (
        f"characters: the page {page}; it was read as {shown(charset)}, {why} (a guess: check the"
        " article's title, credit and blurb)"
    )


def meta_index(tree: Any) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        content = clean_text(content)
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                for k in key.lower().split():
                    index.setdefault(k, []).append(content)
    return index


def clean_text(text: str | None) -> str:
    """Entities decoded (once more, for double-escaped meta content), control characters removed
    (an escape sequence in a page's title would reach the editor's terminal in a warning),
    whitespace collapsed."""
    if not text:
        return ""
    if "&" in text:
        text = htmlmod.unescape(text)
    return SPACE.sub(" ", without_controls(text.replace("\u00a0", " "))).strip()


def first_meta(doc: Doc, names: Iterable[str]) -> str | None:
    for name in names:
        for value in doc.meta.get(name, ()):
            if value:
                return value
    return None


# ------------------------------------------------------------------------------------------ JSON-LD


def jsonld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = _CDATA.sub("", (script.text or "")).strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):  # broken, or nested deeper than Python recurses
            continue
        yield from _flatten(data, 0)


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten(graph, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict):
            yield from _flatten(main, depth + 1)


def ld_types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {
        str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if isinstance(v, str)
    }


def ld_article(doc: Doc) -> dict[str, Any] | None:
    """The JSON-LD object describing the article itself.

    A page may describe other stories too (related articles, a carousel): among several article
    objects, the one whose URL is the page's (canonical, og:url) or whose headline is the page's
    title wins; otherwise the best-ranked type, first on the page.
    """
    found = [
        (min(rules.JSONLD_ARTICLE_TYPES.index(t) for t in ts), i, obj)
        for i, obj in enumerate(doc.jsonld)
        if (ts := ld_types(obj) & set(rules.JSONLD_ARTICLE_TYPES))
    ]
    if not found:
        return None
    if len(found) > 1:
        own = [obj for _, _, obj in found if _ld_is_this_page(doc, obj)]
        if len(own) == 1:
            return own[0]
    return min(found, key=lambda f: (f[0], f[1]))[2]


def _ld_is_this_page(doc: Doc, obj: dict[str, Any]) -> bool:
    """True when a JSON-LD object's URL is the page's, or its headline is the page's title."""
    urls = {
        u.rstrip("/")
        for u in [doc.url, *doc.meta.get("og:url", ())]
        + [link.get("href") or "" for link in doc.tree.xpath('//link[@rel="canonical"]')]
        if u
    }
    main = obj.get("mainEntityOfPage")
    ids = [obj.get("url"), obj.get("@id"), main.get("@id") if isinstance(main, dict) else main]
    if any(isinstance(u, str) and u.rstrip("/") in urls for u in ids):
        return True
    headline = norm_name(ld_str(obj, "headline", "name") or "")
    titles = [first_meta(doc, rules.TITLE_META) or "", title_text(doc)]
    return bool(headline) and any(t and headline in norm_name(t) for t in titles)


def ld_ref(doc: Doc, value: Any) -> Any:
    """Resolve {"@id": ...} to the object with that @id elsewhere (Yoast's @graph)."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
        for obj in doc.jsonld:
            if obj.get("@id") == value["@id"] and len(obj) > len(value):
                return obj
    return value


def ld_names(doc: Doc, value: Any) -> list[str]:
    """Names in a JSON-LD author/publisher value: a string, an object, or a list of either."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = ld_ref(doc, item)
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = next((n for n in name if isinstance(n, str)), None)
            if not isinstance(name, str) and isinstance(item.get("givenName"), str):
                name = f"{item['givenName']} {item.get('familyName') or ''}"
            if isinstance(name, str):
                out.append(name)
    return [clean_text(n) for n in out if clean_text(n)]


def ld_str(obj: dict[str, Any] | None, *keys: str) -> str | None:
    if not obj:
        return None
    for key in keys:
        value = obj.get(key)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
        if isinstance(value, str) and clean_text(value):
            return clean_text(value)
    return None


def title_text(doc: Doc) -> str:
    el = doc.tree.find(".//title")
    return clean_text(el.text_content()) if el is not None else ""


def canonical_hrefs(doc: Doc) -> list[str]:
    return [str(h) for h in doc.tree.xpath("//link[@rel='canonical']/@href")]

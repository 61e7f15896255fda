"""What an editor may write in an issue-N.json: each field's type, and the mistakes curator would
otherwise publish wrong or drop (pure).

Why: README says to correct a published issue in its `output/issue-N.json` and render it again;
an article's `"url"` corrected to `www.example.com/fixed-post` (no `https://`), `htps://...` or
`javascript:...` was published with no link in every edition, and the file written again with
`"url": null`, the editor's correction gone without a word (walk109 #1). A `null` title was
published as "None", authors written as one string were split into letters, and an unknown key
was ignored. `render` now stops on any of them (exit 2, nothing written), naming the file, the
article, what it holds and what to write.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from curator.htmltext import without_passwords
from curator.oldlinks import without_user
from curator.urls import address_meant, host_fault, safe_url

#: How a field of the file may be written: "str", "str?" (or null), "int", "number", "strs" (a
#: list of strings), "list", "url" (an address curator links, or null). The keys curator writes.
ISSUE_FIELDS: dict[str, str] = {
    "number": "int",
    "title": "text",
    "date": "date",
    "editor": "str?",
    "theme": "strs",
    "introduction": "str",
    "introduction_html": "str",
    "closing": "str",
    "closing_html": "str",
    "sections": "list",
}
SECTION_FIELDS: dict[str, str] = {
    "subject": "text",
    "description": "str?",
    "articles": "list",
}
ARTICLE_FIELDS: dict[str, str] = {
    "url": "url",
    "title": "text",
    "authors": "strs",
    "publication": "str?",
    "blurb": "str",
    "score": "number",
    "matched": "strs",
    "also_covered_by": "list",
    "blurb_markdown": "str?",
    "blurb_html": "str",
    "language": "lang",
}
OTHER_FIELDS: dict[str, str] = {"name": "text", "url": "url"}

#: Keys without which there is no issue (or no article) to publish.
_REQUIRED = {"issue": ("number", "title", "date", "sections"), "section": ("subject", "articles")}
#: (walk115 #2: a deleted "url" published the article with no link, and the file was written again
#: with `"url": null`; null is how to say "no link", as for "" below.)
_REQUIRED_ARTICLE = ("url", "title")

#: What an editor reads for each kind of value.
_KIND_WORDS = {
    "int": "a whole number",
    "number": "a number",
    "text": 'text in quotes ("...")',
    "str": 'text in quotes ("..." or "" for none)',
    "str?": 'text in quotes ("...") or null',
    "strs": 'a list of texts in quotes (["...", "..."] or [])',
    "list": "a list ([...])",
    "date": 'a date in quotes ("2026-12-15")',
    "url": 'an address in quotes ("https://...")',
    "lang": 'a language code in quotes ("en", "pt-BR"), or "" for the newsletter\'s own',
}

#: A language tag (BCP 47) as the editions write it in `lang` (as `render.lang_attributes` reads
#: one: anything else is published with no language at all).
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
#: The code of a language an editor may write by its English name (`"language": "english"`).
_LANGUAGE_CODES = {
    "arabic": "ar",
    "chinese": "zh",
    "dutch": "nl",
    "english": "en",
    "french": "fr",
    "german": "de",
    "hebrew": "he",
    "hindi": "hi",
    "italian": "it",
    "japanese": "ja",
    "korean": "ko",
    "polish": "pl",
    "portuguese": "pt",
    "russian": "ru",
    "spanish": "es",
    "swedish": "sv",
    "turkish": "tr",
}

#: A host name's look: a dot between letters, before any path (`www.example.com/fixed-post`).
_HOSTLIKE = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d+)?([/?#]|$)", re.UNICODE)
#: This machine by name, with a port (`localhost:8000/x`).
_LOCAL = re.compile(r"^localhost(:\d+)?([/?#]|$)", re.IGNORECASE)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object ({...})"
    return type(value).__name__


def _shown(value: object, limit: int = 80) -> str:
    """A value as the editor wrote it in the file, cut when long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def url_fix(url: str) -> str:
    """What to write instead of an address curator cannot link ("" when it can): the address it
    probably meant (`https://www.example.com/fixed-post` for `www.example.com/fixed-post`,
    `https://` for `htps://`), else what kind of address to give (`url_advice`)."""
    return url_advice(url)[1]


def url_advice(url: str) -> tuple[str, str]:
    """The address `url` was probably meant to be ("" when none can be told) and what to write
    instead, for a message (("", "") when curator links it as it is). One answer for an
    issue-N.json's "url" and a draft's `url:` line (walk115 #2: the draft said only "is not an
    http or https link" of `www.example.com/fixed-post`, which the JSON's check gave the
    did-you-mean of)."""
    stripped = url.strip()
    if fault := host_fault(stripped):
        return "", fault  # (no %20 there: a site's name holds none, walk117 #3)
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in stripped):
        if safe_url(stripped):
            fixed = re.sub(r"\s", "%20", stripped)
            return fixed, f'it holds a space: write "{fixed}" (a space as %20)'
        return "", "it holds a space: write the whole address, https://..., a space as %20"
    if safe_url(stripped):
        return "", ""
    if bare := without_user(stripped):
        # (walk187 #1: "it names no site after http://" was said of `http://editor:pw@host/x`)
        return bare, (
            "it names a user (and a password) before its site, which curator does not publish:"
            f' write "{bare}"'
        )
    if stripped.startswith("//"):
        return f"https:{stripped}", f'it names no scheme: write "https:{stripped}"'
    # A scheme mistyped or cut (`htps://`, `https//`, `http:/`), with a colon too many
    # (`http:://`), or written not to be followed (`hxxp://`), before a site's name.
    meant = address_meant(stripped)
    if meant:
        scheme = meant.split(":", 1)[0]
        wrote = stripped[: len(stripped) - len(meant.split("://", 1)[1])].rstrip()
        why = " (a colon too many)" if "::" in wrote.replace(" ", "") else ""
        return meant, (f'its {scheme}:// is written "{wrote}"{why}: did you mean "{meant}"?')
    if _HOSTLIKE.match(stripped) or _LOCAL.match(stripped):
        # (before the scheme's check: `localhost:8000/x` and `www.example.com:8080/x` are a
        # site and its port, not a scheme)
        meant = f"https://{stripped}"
        return meant, f'it names no scheme: did you mean "{meant}"?'
    scheme, colon, rest = stripped.partition(":")
    if colon and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        lower = scheme.lower()
        site = rest.lstrip("/\\")
        if lower in {"http", "https"} and (_HOSTLIKE.match(site) or _LOCAL.match(site)):
            meant = f"{lower}://{site}"  # (`https:example.com/x`: its slashes left out)
            wrote = stripped[: len(stripped) - len(site)]
            return meant, f'its {lower}:// is written "{wrote}": did you mean "{meant}"?'
        if lower in {"http", "https"}:
            return "", f'it names no site after {lower}://: write the whole address, "https://..."'
        return "", (
            f"curator publishes no {lower}: link (only http:, https: and mailto: ones):"
            ' write the article\'s address, "https://..."'
        )
    if stripped.startswith(("/", ".", "#", "?")) or "/" in stripped:
        return "", (
            "it is a path with no site, which leads nowhere from an email or a feed reader:"
            ' write the whole address, "https://..."'
        )
    return "", 'it is no web address: write the whole address, "https://..."'


def _unknown_key(key: str, known: Mapping[str, str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    names = ", ".join(f'"{k}"' for k in known)
    return f'"{key}" is no field curator reads{hint}: it would be ignored; the fields are {names}'


def _check_value(key: str, kind: str, value: object) -> str | None:
    """What is wrong with `value` for a field of `kind` (None: nothing)."""
    wants = _KIND_WORDS.get(kind, kind)
    shown, kind_of = _shown(value), _json_type(value)
    got = f"holds {shown}" + ("" if shown == kind_of else f" ({kind_of})")
    if kind == "url":
        if value is None:
            return None
        if not isinstance(value, str):
            return f'"{key}" {got}: write {wants}'
        if value == "":
            return f'"{key}" is empty: write {wants}, or null for no link'
        if without_user(value) is not None:
            return None  # (an older curator's, read without its user name: walk187 #1)
        fix = url_fix(value)
        shown = _shown(without_passwords(value))
        return f'"{key}" is {shown}, which curator cannot link: {fix}' if fix else None
    if kind in {"str", "str?", "text"}:
        if value is None and kind == "str?":
            return None
        if not isinstance(value, str):
            extra = ' (write "" for none)' if value is None and kind == "str" else ""
            return f'"{key}" {got}: write {wants}{extra}'
        if kind == "text" and not value.strip():
            return f'"{key}" is empty: write {wants}'
        return None
    if kind == "strs":
        if isinstance(value, str):
            return f'"{key}" {got}: write a list, [{_shown(value)}]'
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f'"{key}" {got}: write {wants}'
        return None
    if kind == "list":
        return None if isinstance(value, list) else f'"{key}" {got}: write {wants}'
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f'"{key}" {got}: write {wants}'
    if kind == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return None if ok else f'"{key}" {got}: write {wants}'
    if kind == "lang":
        if not isinstance(value, str):
            return f'"{key}" {got}: write {wants}'
        if value == "" or _LANGUAGE_TAG.fullmatch(value):
            return None
        # (walk115: "english" was published with no language at all, unsaid)
        code = _LANGUAGE_CODES.get(value.strip().casefold())
        meant = f': did you mean "{code}"?' if code else f": write {wants}"
        return f'"{key}" is {_shown(value)}, which is no language code{meant}'
    if kind == "date":
        if not isinstance(value, str):
            return f'"{key}" {got}: write {wants}'
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return f'"{key}" is {_shown(value)}, no date curator reads: write {wants}'
        return None
    raise AssertionError(f"unknown field kind {kind!r}")  # our bug: a kind without a check


def _check_fields(
    data: Mapping[str, Any], fields: Mapping[str, str], required: tuple[str, ...]
) -> list[str]:
    found = []
    for key in required:
        if key not in data:
            none = ", or null for no link" if fields[key] == "url" else ""
            found.append(f'"{key}" is missing: write {_KIND_WORDS[fields[key]]}{none}')
    for key, value in data.items():
        if key not in fields:
            found.append(_unknown_key(str(key), fields))
            continue
        said = _check_value(key, fields[key], value)
        if said:
            found.append(said)
    return found


def _title_of(data: Mapping[str, Any]) -> str:
    title = data.get("title")
    return f' "{title}"' if isinstance(title, str) and title.strip() else ""


def issue_mistakes(data: object, number: int | None = None) -> list[str]:
    """Every mistake in an issue record (an issue-N.json's data), each naming where it is (the
    article's place and title), what it holds and what to write; [] when it can be published as
    written. `number`: the N of the file's name, which its "number" must match."""
    if not isinstance(data, dict):
        return [f"it holds {_json_type(data)}, not an issue record ({{...}})"]
    found = _check_fields(data, ISSUE_FIELDS, _REQUIRED["issue"])
    if number is not None and data.get("number") != number and isinstance(data.get("number"), int):
        found.append(
            f'"number" is {data["number"]}, but the file is issue-{number}.json: write {number}'
        )
    sections = data.get("sections")
    if not isinstance(sections, list):
        return found
    #: Where each article's address was first met: (its place, for the message).
    first_at: dict[str, str] = {}
    for s, sec in enumerate(sections):
        where_sec = f"section {s + 1} (sections[{s}])"
        if not isinstance(sec, dict):
            found.append(f"{where_sec} holds {_json_type(sec)}: write an object ({{...}})")
            continue
        subject = sec.get("subject")
        if isinstance(subject, str) and subject.strip():
            where_sec = f'section {s + 1}, "{subject}" (sections[{s}])'
        found += [
            f"{where_sec}: {m}" for m in _check_fields(sec, SECTION_FIELDS, _REQUIRED["section"])
        ]
        articles = sec.get("articles")
        if not isinstance(articles, list):
            continue
        for a, art in enumerate(articles):
            where = f"article {a + 1} of section {s + 1} (sections[{s}].articles[{a}])"
            if not isinstance(art, dict):
                found.append(f"{where} holds {_json_type(art)}: write an object ({{...}})")
                continue
            where = (
                f"article {a + 1}{_title_of(art)} of section {s + 1} (sections[{s}].articles[{a}])"
            )
            found += [
                f"{where}: {m}" for m in _check_fields(art, ARTICLE_FIELDS, _REQUIRED_ARTICLE)
            ]
            url = art.get("url")
            if isinstance(url, str) and url.strip():
                # (walk115: the same link published twice in one issue, unsaid)
                key = without_user(url) or url.strip()
                if key in first_at:
                    found.append(
                        f'{where}: "url" is the address of {first_at[key]} too: the issue would'
                        " list it twice; delete one of the two, or correct its address"
                    )
                else:
                    first_at[key] = f"article {a + 1} of section {s + 1}"
            others = art.get("also_covered_by")
            for o, other in enumerate(others if isinstance(others, list) else ()):
                at = f"{where}, also_covered_by[{o}]"
                if not isinstance(other, dict):
                    found.append(f"{at} holds {_json_type(other)}: write an object ({{...}})")
                    continue
                found += [f"{at}: {m}" for m in _check_fields(other, OTHER_FIELDS, ("name",))]
    return found


__all__ = ["ISSUE_FIELDS", "issue_mistakes", "url_advice", "url_fix"]

"""A draft's field line that lost its colon ("author Jane Editor", "publication Brightline
Insights"): read as the blurb's first paragraph, it was published as text, and the credit it
meant was said to be missing (walk204 #2); and a blurb opened by a label (`Blurb: ...`), which
was published as text too (walk204 #3). Pure: a line in, what to say of it out."""

from __future__ import annotations

import re

from curator.draftsyntax import shortened
from curator.extract_rules_names import NAME_PARTICLES

#: The fields a colonless line may mean: the article's, and the labels an editor may give a
#: title or a blurb.
FIELD_NAMES = ("author", "authors", "publication", "url", "title", "blurb", "summary")

#: A field's name, then a space and the rest of the line (no colon after the name).
_COLONLESS = re.compile(r"^(" + "|".join(FIELD_NAMES) + r")[ \t]+([^:\s].*?)\s*$", re.IGNORECASE)
#: Lower-case words a name may hold ("Ludwig van Beethoven"), or a publication's ("Journal of
#: Service", "Salt & Light").
_PARTICLES = NAME_PARTICLES | {"of", "the", "and", "for", "&", "e"}
#: How many words a name may have.
_NAME_WORDS = 6
#: How many words a title may have.
_TITLE_WORDS = 14


def _name_like(rest: str) -> bool:
    words = rest.split()
    if not 0 < len(words) <= _NAME_WORDS or rest.endswith((".", "!", "?", ",", ";")):
        return False
    first = words[0][0]
    return (first.isupper() or first.isdigit()) and all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _PARTICLES for w in words
    )


def _address_like(rest: str) -> bool:
    return len(rest.split()) == 1 and ("://" in rest or rest.casefold().startswith("www."))


def _title_like(rest: str) -> bool:
    words = rest.split()
    return 0 < len(words) <= _TITLE_WORDS and words[0][0].isupper() and not rest.endswith(".")


def colonless_field(line: str) -> str | None:
    """The field `line` means when it is a field's name, a space and a name (an address for
    `url`, a title for `title`, `blurb` and `summary`) without the colon: the line as the field
    ("author: Jane Editor"); None for any other line."""
    match = _COLONLESS.match(line.strip())
    if match is None:
        return None
    name, rest = match.group(1), match.group(2)
    key = name.casefold()
    if key == "url":
        fits = _address_like(rest)
    elif key in ("title", "blurb", "summary"):
        fits = _title_like(rest)
    else:
        fits = _name_like(rest)
    return f"{name}: {rest}" if fits else None


#: A backslash before a colonless field's name keeps the line as text (taken away as published).
ESCAPED_NAME = r"(?i:(?:" + "|".join(FIELD_NAMES) + r")[ \t])"


def colonless_advice(line: str, meant: str) -> str:
    """What to say of a blurb paragraph that is the one line `line`, a field without its colon
    (`meant`, `colonless_field`'s)."""
    name, rest = meant.split(": ", 1)
    key = name.casefold()
    if key == "title":
        fix = f"to retitle the article, write '{rest}' in its '## ' heading"
    elif key in ("blurb", "summary"):
        fix = f"a blurb takes no label: write '{rest}' alone"
    else:
        fix = f"did you mean '{key}: {rest}'? Write it so, among the lines under the heading"
    return (
        f"'{line}' would be published as the blurb's text, though it looks like a '{key}:' field"
        f" without its colon; {fix} (to keep it as text, put a backslash at the start of the line)"
    )


#: Labels an editor may put before a blurb (`Blurb: ...`), which no field is (walk204 #3).
BLURB_LABELS = ("blurb", "summary", "description", "excerpt", "abstract", "teaser")


def blurb_label_advice(line: str) -> str:
    """What to say of a blurb whose first line opens with a label (`BLURB_LABELS`): published as
    its text, it is stopped at, as `Title:` is, rather than taken away (the line may be text
    meant, "Summary: ..."; the editor says which, with one edit)."""
    label, rest = line.split(":", 1)
    fix = (
        f"delete the line '{line}'"
        if not rest.strip()
        else f"delete '{label}:' and keep the text after it"
    )
    return (
        f"'{shortened(line, 40)}': a blurb takes no label, and '{label}:' would be published as"
        f" the start of its text: {fix}, or put a backslash at the start of the line"
        f" (\\{label}: ...) to publish it as written"
    )

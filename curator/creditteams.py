"""A byline naming a team or a department by its business function, no one's name (pure).

"By Customer Support", "By Support Operations", "By CX Strategy", "By Sales Enablement", "By
Zendesk Customer Success", "By Support Hero" (walk203 #1: each was credited as a person, while "By
Product Marketing" and "By Content Team" credited no one): a byline whose every word is a
business function's (`name_rules.FUNCTION_BYLINE_WORDS`), maybe after the site's own name, is a
team's or a department's, credited to no one, and the draft says so as for any desk. One word
outside the list keeps it a person's ("Grace Hope", "Joy Sales", "Russell Brand").
"""

from __future__ import annotations

import re

from curator import extract_rules_names as name_rules

_WORD = re.compile(r"\w+", re.U)
#: Where a site's name ends and its tagline starts ("Zendesk | Customer Service Software").
_TAGLINE = re.compile(r"\s+[|\-–—:]\s+")


def function_byline(name: str, site: str | None = None, host: str | None = None) -> bool:
    """True when `name` is a team's or a department's named by its function: two words or more
    all of `name_rules.FUNCTION_BYLINE_WORDS` ("Customer Support", "The CX Strategy Team"), or
    one or more after the site's own name ("Zendesk Customer Success", "Zendesk Support")."""
    words = [w.lower() for w in _WORD.findall(name)]
    if words[:1] == ["the"]:
        words = words[1:]
    owners = [_TAGLINE.split(site, maxsplit=1)[0]] if site else []
    if host:
        owners.append(host.lower().removeprefix("www.").split(".")[0])
    least = 2
    for owner in owners:
        own = [w.lower() for w in _WORD.findall(owner)]
        if own and len(words) > len(own) and words[: len(own)] == own:
            words, least = words[len(own) :], 1
            break
    return len(words) >= least and all(w in name_rules.FUNCTION_BYLINE_WORDS for w in words)

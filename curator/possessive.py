"""A name's possessive as the editor reads it in a message: "Service operations' own bar", not
"Service operations's" (walk194 #6)."""

from __future__ import annotations


def possessive(name: str) -> str:
    """`name` + "'s", or + "'" when it ends in "s" ("Service operations'")."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"

"""A blurb never opens with the title because the title and the text quote or dash it differently.

walk33 #3: seed 004's title has `It's` (straight) and its first paragraph repeats the title with
`It’s` (curly); trafilatura keeps both copies, curator cut only the first, and the blurb began
"Just What Is Customer Experience? Bruce Temkin, ...". Through `curator extract`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli

BODY = """<p>Bruce Temkin, founder and Ex-chair of the Customer Experience Professionals Association,
is one of the leading thinkers around customer experience. His research informs his influential
Customer Experience Matters blog.</p>
<p>He has described customer experience as the perception that customers have of their
interactions with an organization, across every department and every channel.</p>
<p>Temkin elaborated by comparing customer experience with customer service. Customer service is an
organizational function, like marketing and sales, that manages a subset of interactions.</p>
<p>Customer experience, on the other hand, is the connection that companies make with their
customers across all functions and touch-points, over the whole relationship.</p>"""


def page(title: str, repeated: str) -> str:
    heading = title.replace("'", "&#x27;")
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{heading} | CX Journey</title>'
        '<meta name="author" content="Lena Okafor"></head><body><article>'
        f'<h1>{heading}</h1><p class="byline">By Lena Okafor</p><p>{repeated}</p>{BODY}'
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("title", "repeated"),
    [
        (
            "Just What Is Customer Experience? It's Not Just Customer Service",
            "Just What Is Customer Experience? It’s Not Just Customer Service",
        ),
        (
            "Customer Experience – Whose Job Is It? Everyone's",
            "Customer Experience — Whose Job Is It? Everyone's",
        ),
    ],
)
def test_the_blurb_does_not_open_with_the_title_quoted_otherwise(
    tmp_path: Path, title: str, repeated: str
) -> None:
    path = tmp_path / "004.html"
    path.write_text(page(title, repeated), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.stderr
    blurb = json.loads(result.stdout)["blurb"]
    assert blurb.startswith("Bruce Temkin, founder and Ex-chair"), blurb

"""walk155 (fixgc, small): `curator subjects overlap` printed "0% of their articles sit between
them" beside "articles between them are split by chance" for two subjects written alike. Through
the CLI, on the offline demo and its real store."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli as run
from conftest import said_as_one

DESK = """  - name: Support desk
    description: Running a support desk day to day, from response times and backlogs to staffing.
    keywords: [first response time, resolution time, ticket, backlog, queue, staffing]

"""


def test_overlap_of_two_subjects_written_alike_with_none_between_says_so(demo: Path) -> None:
    code, _, err = run("fetch", "--config", str(demo), "-q")
    assert code == 0, err
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("  - name: Voice of the customer", DESK + "  - name: Voice of the customer"),
        encoding="utf-8",
    )
    code, out, err = run("subjects", "overlap", "--config", str(demo))
    assert code == 0, err
    said = said_as_one(out)
    assert "Service operations / Support desk: none of their articles sit between them" in said
    assert "0% of their articles" not in said, said
    assert "none sit between them now, but any that do are split by chance" in said, said
    assert "so alike that articles between them are split by chance" not in said, said

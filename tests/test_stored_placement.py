"""walk41 #2: after a fetch the model is fitted again (the archive grew), but stored articles keep
the place an older fit gave them until every one is placed again; `subjects uncertain` and
`subjects explain` named the newer model's subject as where the article is, silently, while
`subjects list` and the issues had it elsewhere. They now say where it is stored and that it
moves later."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import run_cli as run

SUBJECTS = (
    "The basics of customer experience",
    "Measuring the customer experience",
    "Service operations",
    "Voice of the customer",
)


def test_uncertain_and_explain_say_where_an_article_is_stored_when_the_model_differs(
    demo: Path,
) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    # (placed by a command that writes: the `subjects` reports only read, walk150 #4)
    assert run("draft", "--no-fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("subjects", "uncertain", "--config", str(demo), "-n", "50", "--json")
    assert code == 0, err
    first = json.loads(out)[0]
    now = f"under {first['subject']}" if first["subject"] else "under no subject"
    assert first["stored_subject"] == first["subject"]
    elsewhere = next(s for s in SUBJECTS if s != first["subject"])
    # As an older fit left it: stored under another subject, under the current fingerprint.
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db")
    with db:
        db.execute(
            "UPDATE assignments SET subject = ? WHERE article_id ="
            " (SELECT id FROM articles WHERE url = ?)",
            (elsewhere, first["url"]),
        )
    db.close()
    code, out, err = run("subjects", "list", "--config", str(demo), "--json")
    assert code == 0, err
    assert elsewhere in out
    code, out, err = run("subjects", "uncertain", "--config", str(demo), "-n", "50", "--json")
    assert code == 0, err
    again = next(u for u in json.loads(out) if u["url"] == first["url"])
    assert again["stored_subject"] == elsewhere
    code, out, err = run("subjects", "uncertain", "--config", str(demo), "-n", "50", "-q")
    assert code == 0, err
    flat = " ".join(out.split())
    said = (
        f"stored under {elsewhere} (as `subjects list` has it); curator would"
        f" now place it {now}, having learnt from the newer articles: it moves"
        " when every stored article is placed again, at your next move, exclusion or change of"
        " subjects, or when a build or draft would feature it, which places the articles it"
        " chooses again first"
    )
    assert said in flat
    code, out, err = run("subjects", "explain", first["url"], "--config", str(demo))
    assert code == 0, err
    assert said in " ".join(out.split())
    code, out, err = run("subjects", "explain", first["url"], "--config", str(demo), "--json")
    assert code == 0, err
    assert json.loads(out)["stored_subject"] == elsewhere

"""walk182 #4: `suggest` advised widening "Customer success" with sport words (championship,
federer...) because a group of sport reports used "successes" and "successful", a word of the
subject's name, though only 1 of its 3 articles came close to the subject: a word of a name alone
is no reason to widen it. And "1 of these 3 articles come" read wrong."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from conftest import LocalServer, add_sport_feed
from conftest import run_cli as run

SUCCESS = """  - name: Customer success
    description: Helping customers reach their outcomes after the sale so they renew and grow.
    keywords: [onboarding, churn, renewal, health score, QBR, expansion, playbook]
"""

SUCCESSES = "Successes and a successful season."
#: One of them comes close to Customer success (its keywords "renewal" and "onboarding").
RENEWAL = " Talk turned to a renewal."


def test_suggest_does_not_advise_widening_a_subject_on_a_word_of_its_name_alone(
    demo: Path, corpus: Path, http_server: LocalServer
) -> None:
    add_sport_feed(demo, corpus, http_server, stories=10)
    rows = [
        json.loads(line)
        for line in (corpus / "topics" / "bbc-news" / "articles.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    tennis = [r for r in rows if r["label"] == "sport" and "tennis" in r["text"].lower()][:4]
    items = "".join(
        f"<item><title>{escape(r['title'])}</title><link>https://tennis.example/{n}</link>"
        f"<description>{escape(SUCCESSES + (RENEWAL if n == 0 else '') + ' ' + r['text'][:600])}"
        "</description></item>"
        for n, r in enumerate(tennis)
    )
    url = http_server.add(
        "/tennis.xml", f'<rss version="2.0"><channel><title>Tennis</title>{items}</channel></rss>'
    )
    text = demo.read_text(encoding="utf-8")
    text = text.replace("feeds:\n", f"feeds:\n  - url: {url}\n    fetch_pages: false\n", 1)
    text = text.replace(
        "  - name: Service operations\n", SUCCESS + "  - name: Service operations\n", 1
    )
    demo.write_text(text, encoding="utf-8")
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("subjects", "suggest", "--config", str(demo), "--json")
    assert code == 0, err
    lean = next(s["leans_to"] for s in json.loads(out) if "tennis.example/1" in " ".join(s["urls"]))
    assert lean["subject"] == "Customer success", lean
    assert 2 * lean["closest"] <= len(tennis), lean  # (not most of them: walk182 had 1 of 3)
    assert lean["name_word_only"] and lean["advice"] == "own subject or off-field", lean
    code, out, err = run("subjects", "suggest", "--config", str(demo), "-q")
    assert code == 0, err
    block = next(b for b in out.split("\n\n") if "tennis.example" in b)
    said = " ".join(line[2:] for line in block.splitlines() if line.startswith("# "))
    assert "widen Customer success (add keywords" not in said, said
    assert "close to Customer success, and they share only" in said, said
    assert "a word of its name, none of its keywords" in said, said
    assert "look like a subject of their own" in said and "off your field" in said, said

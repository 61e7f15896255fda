"""walk194 #3: `suggest` advised widening "Measuring the customer experience" with "service", a
word of the neighbouring "Service operations", and "bt", "broadband", "phone", words of the
group's off-field tech stories, though only 1 of its 12 articles came close to the subject:
following it moved one off-field story. Words of other subjects and words of the group's far
articles are not offered; a mixed group is said to be one, naming the ones that come close."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from conftest import LocalServer, add_sport_feed
from conftest import run_cli as run

#: walk194's subjects: "service" is a word of the second's name.
SUBJECTS = """subjects:
  - name: Measuring the customer experience
    description: Choosing, collecting and reading customer experience metrics and scores.
    keywords: [NPS, Net Promoter Score, CSAT, customer effort score, benchmark, response rate,
      dashboard, metric, scorecard, segmenting, survey]
  - name: Service operations
    description: Running the contact centre and support desk day to day.
    keywords: [contact centre, call centre, agents, handle time, first contact resolution,
      backlog, queue, staffing, IVR, ticket, forecasting, shift, rota, support desk, workforce]
  - name: Voice of the customer
    description: Listening to customers through feedback, complaints, interviews and comments.
    keywords: [feedback, complaints, verbatims, interviews, closing the loop, text analytics]
  - name: Customer success
    description: Helping business customers succeed after the sale so they renew and grow.
    keywords: [onboarding, adoption, renewal, churn, health score, expansion, retention]
  - name: Journey design
    description: Mapping and designing the end-to-end journey across touchpoints and channels.
    keywords: [journey map, touchpoints, personas, service blueprint, omnichannel, friction]
"""


#: What brings a tech story close to "Measuring the customer experience".
NEAR = "Customers rated the experience on a scorecard. "


def test_suggest_offers_no_other_subjects_words_nor_the_far_articles_words(
    demo: Path, corpus: Path, http_server: LocalServer
) -> None:
    rows = [
        json.loads(line)
        for line in (corpus / "topics" / "bbc-news" / "articles.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    tech = [r for r in rows if r["label"] == "tech" and "survey" in r["text"].lower()][:14]
    items = "".join(
        f"<item><title>{escape(r['title'])}</title><link>https://tech.example/{n}</link>"
        f"<description>{escape((NEAR if n < 1 else '') + r['text'][:1500])}</description></item>"
        for n, r in enumerate(tech)
    )
    url = http_server.add(
        "/tech.xml", f'<rss version="2.0"><channel><title>Tech</title>{items}</channel></rss>'
    )
    text = demo.read_text(encoding="utf-8")
    start, end = text.index("\nsubjects:\n"), text.index("\n# --- Feeds")
    text = text[:start] + "\n" + SUBJECTS + text[end:]
    text = text.replace("    subjects: [The basics of customer experience]\n", "")
    text = text.replace("feeds:\n", f"feeds:\n  - url: {url}\n    fetch_pages: false\n", 1)
    demo.write_text(text, encoding="utf-8")
    add_sport_feed(demo, corpus, http_server, stories=30)
    code, out, err = run("fetch", "--config", str(demo), "-q")
    assert code == 0, err
    code, out, err = run("subjects", "suggest", "--config", str(demo), "--json")
    assert code == 0, err
    found = [
        s
        for s in json.loads(out)
        if s["leans_to"] and s["leans_to"]["subject"] == "Measuring the customer experience"
    ]
    assert len(found) == 1, out
    lean, urls = found[0]["leans_to"], found[0]["urls"]
    assert all("tech.example" in u for u in urls), urls
    assert "survey" in lean["own_keywords"] and 2 * lean["closest"] < len(urls), lean
    # The tech words come from the stories far from the subject: none is offered.
    assert lean["new_keywords"] == [] and lean["advice"] == "mixed", lean
    assert lean["left_out_keywords"], lean
    assert len(lean["close_urls"]) == lean["closest"] and set(lean["close_urls"]) <= set(urls)
    code, out, err = run("subjects", "suggest", "--config", str(demo), "-q")
    assert code == 0, err
    block = next(b for b in out.split("\n\n") if urls[0] in b)
    said = " ".join(line[2:] for line in block.splitlines() if line.startswith("# "))
    assert "widen Measuring the customer experience (add keywords" not in said, said
    assert "the group is mixed" in said, said
    assert all(u in said.replace(" ", "") for u in lean["close_urls"]), said

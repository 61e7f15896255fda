"""fixlg #3: "By USA TODAY" was credited "Usa Today" (a name in capitals re-cased word by word,
its acronym too), and "By Jane Roe and Le Monde" credited "Le Monde" as a second person (a
publication's name opening with its article, joined to her by "and"). Through a build of a feed
on a real HTTP server on 127.0.0.1, its articles' pages not read."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import DATE

from conftest import LocalServer
from conftest import run_cli as run

#: (the feed's credit, the people the issue credits)
CREDITS = [
    ("By USA TODAY", ["USA Today"]),
    ("By Jane Roe and Le Monde", ["Jane Roe"]),
    ("Ana Ruiz and El País", ["Ana Ruiz"]),
    ("Jürgen Groß und Der Spiegel", ["Jürgen Groß"]),
    ("By NBC CHICAGO", ["NBC Chicago"]),
    ("By JANE ROE", ["Jane Roe"]),
    ("Marie Dupont and Carl Ng", ["Marie Dupont", "Carl Ng"]),
]


#: A story of its own for each article (alike, they would be told as one story).
STORIES = [
    ("Refund desks in Ohio", "Refund desks in Ohio close tickets sooner with one owner each."),
    ("Chat queues in Lyon", "A chat queue in Lyon halves its waits after a weekend rota change."),
    (
        "Billing help in Madrid",
        "Billing help in Madrid answers letters before the invoices fall due.",
    ),
    ("Phone lines in Hamburg", "Phone lines in Hamburg stay open later for customers abroad."),
    ("Returns in Leeds", "A warehouse in Leeds takes returns back without a printed label."),
    ("Surveys in Oslo", "Short surveys in Oslo ask one question after each service call."),
    ("Escalations in Perth", "Escalations in Perth reach a manager within the first hour."),
]


def test_credits_keep_an_acronym_and_leave_out_a_publication(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = []
    for at, (credit, _people) in enumerate(CREDITS):
        link = http_server.url(f"/p{at}.html")
        items.append(
            f"<item><title>{STORIES[at][0]}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{DATE}</pubDate><dc:creator>{credit}</dc:creator><description>"
            f"{STORIES[at][1]} Customer service is the point.</description></item>"
        )
    feed = http_server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc='
        '"http://purl.org/dc/elements/1.1/"><channel><title>CX Notes</title>'
        f"<link>{http_server.url('/')}</link><description>x</description>"
        + "".join(items)
        + "</channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    keywords: [service, customer, queue]\n"
        f"feeds:\n  - url: {feed}\n    name: CX Notes\n"
        "settings:\n  output: output\n  fetch_pages: false\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    authors = {a["title"]: a["authors"] for s in issue["sections"] for a in s["articles"]}
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for at, (_credit, people) in enumerate(CREDITS):
        assert authors[STORIES[at][0]] == people, (at, authors)
    assert "Usa Today" not in text and "USA Today || CX Notes" in text, text
    assert "Le Monde" not in text and "El País" not in text and "Der Spiegel" not in text, text

"""walk180 #2: a French or German byline's "with" an agency, a reporter's role after a comma and a
photographer in brackets were credited as people in the draft ("avec AFP", "Jürgen Groß mit dpa",
"envoyé spécial à Berlin", "Anna Schmidt (Text" and "Tom Weber"), as they are not in English."""

from __future__ import annotations

import re
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer
from conftest import run_cli as run

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Revue</title><link>{base}/</link><description>x</description>{items}</channel></rss>"""

ITEM = """<item><title>{title}</title><link>{base}/a/{n}.html</link><guid>{base}/a/{n}.html</guid>
<pubDate>Sun, 06 Dec 2026 10:{n:02d}:00 GMT</pubDate><dc:creator>{creator}</dc:creator>
<description>{text}</description></item>"""

#: (the feed's author field, the people the draft credits)
CASES = (
    ("Élodie Marchand, avec AFP", ["Élodie Marchand"]),
    ("Par Élodie Marchand avec l’AFP", ["Élodie Marchand"]),
    ("Von Jürgen Groß mit dpa", ["Jürgen Groß"]),
    ("Par Jean Dupont, envoyé spécial à Berlin", ["Jean Dupont"]),
    ("Von Anna Schmidt (Text) und Tom Weber (Fotos)", ["Anna Schmidt"]),
    ("Anna Schmidt (text) and Tom Weber (photos)", ["Anna Schmidt"]),
    ("Texto: Ana Ruiz; Fotos: Leo Grant", ["Ana Ruiz"]),
    ("Por Ana Ruiz con EFE", ["Ana Ruiz"]),
    ("Door Jan de Vries met ANP", ["Jan de Vries"]),
    # a co-author after "with" stays one, as "By Ahmed Ali with Sara Lind" does
    ("Par Élodie Marchand avec Jean Dupont", ["Élodie Marchand", "Jean Dupont"]),
    # handled before, and still
    ("Jürgen Groß, dpa", ["Jürgen Groß"]),
    ("By Ahmed Ali with Reuters", ["Ahmed Ali"]),
)

TOPICS = (
    "churn at subscription software vendors",
    "survey response rates among bank customers",
    "net promoter score among airline travellers",
    "support ticket backlogs at hosting companies",
    "customer effort score in telecom call centres",
    "complaint handling at water utilities",
    "loyalty programmes at grocery chains",
    "chatbot hand-offs to human agents",
    "callback queues at insurance companies",
    "self-service help centres at retailers",
    "customer journey maps at hotel groups",
    "onboarding calls at software start-ups",
)


def _draft_credits(draft: str) -> dict[str, list[str]]:
    """Each article's address in the draft and its `author:` lines."""
    credits: dict[str, list[str]] = {}
    for block in re.split(r"^## ", draft, flags=re.M)[1:]:
        url = re.search(r"^url: (\S+)", block, re.M)
        if url:
            credits[url.group(1).rsplit("/", 1)[-1]] = re.findall(r"^author: (.+)$", block, re.M)
    return credits


def drafted_credits(
    tmp_path: Path, http_server: LocalServer, cases: tuple[tuple[str, list[str]], ...]
) -> tuple[str, dict[str, list[str]]]:
    """One feed of an item per case (its author field the case's byline), read without its
    pages; `curator draft`'s text and the people it credits per item ("N.html")."""
    items = []
    for n, ((creator, _), topic) in enumerate(zip(cases, TOPICS, strict=False), 1):
        text = (
            f"What customer experience teams learned about {topic} this year. Customer service"
            f" leaders measured {topic} every week and shared what changed."
        )
        items.append(
            ITEM.format(
                base=http_server.base,
                n=n,
                title=f"What we learned about {topic}",
                creator=creator,
                text=text,
            )
        )
    url = http_server.add("/feed.xml", RSS.format(base=http_server.base, items="".join(items)))
    config = h.write_config(tmp_path, [{"url": url, "name": "Revue", "fetch_pages": False}])
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text("utf-8")
    return draft, _draft_credits(draft)


def test_french_and_german_agencies_roles_and_photographers_are_no_authors(
    tmp_path: Path, http_server: LocalServer
) -> None:
    assert len(CASES) <= len(TOPICS)
    draft, credited = drafted_credits(tmp_path, http_server, CASES)
    expected = {f"{n}.html": people for n, (_, people) in enumerate(CASES, 1)}
    assert credited == expected, draft
    for wrong in ("avec", "mit dpa", "envoyé", "(Text", "Tom Weber", "Leo Grant", "EFE", "ANP"):
        assert f"author: {wrong}" not in draft and wrong not in "".join(
            a for people in credited.values() for a in people
        ), draft

"""walk184 #1 and #2: a French or German byline's role before the name ("Redakteurin Anna
Schmidt", "Rédacteur en chef Paul Martin") was credited as part of the name, as "Senior Editor
Tomas Berg" no longer is; and "and" a team after a person ("Jürgen Groß und das
Kundenservice-Team", "Jane Doe and the Customer Care Team") credited the team, or a fragment of
it, as a person."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
from test_fixin_credits import ITEM, RSS, TOPICS, _draft_credits

from conftest import LocalServer
from conftest import run_cli as run

#: (the feed's author field, the people the draft credits)
CASES = (
    ("Redakteurin Anna Schmidt", ["Anna Schmidt"]),
    ("Rédacteur en chef Paul Martin", ["Paul Martin"]),
    ("Envoyée spéciale Marie Curie", ["Marie Curie"]),
    ("Leitende Redakteurin Käthe Müller", ["Käthe Müller"]),
    ("Corresponsal Ana Ruiz", ["Ana Ruiz"]),
    ("Jürgen Groß und das Kundenservice-Team", ["Jürgen Groß"]),
    ("Élodie Marchand et l’équipe Relation Client", ["Élodie Marchand"]),
    ("Jane Doe and the Customer Care Team", ["Jane Doe"]),
    ("María López y el equipo de Atención al Cliente", ["María López"]),
    # unchanged: two people, and the English role before a name
    ("Jürgen Groß und Käthe Müller", ["Jürgen Groß", "Käthe Müller"]),
    ("By Staff Writer Jo Lee", ["Jo Lee"]),
)


def test_roles_before_a_name_and_teams_after_and_credit_the_person(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = []
    for n, ((creator, _), topic) in enumerate(zip(CASES, TOPICS, strict=False), 1):
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
    credited = _draft_credits(draft)
    expected = {f"{n}.html": people for n, (_, people) in enumerate(CASES, 1)}
    assert credited == expected, draft

"""walk184 #1 and #2: a French or German byline's role before the name ("Redakteurin Anna
Schmidt", "Rédacteur en chef Paul Martin") was credited as part of the name, as "Senior Editor
Tomas Berg" no longer is; and "and" a team after a person ("Jürgen Groß und das
Kundenservice-Team", "Jane Doe and the Customer Care Team") credited the team, or a fragment of
it, as a person."""

from __future__ import annotations

from pathlib import Path

from test_fixin_credits import drafted_credits

from conftest import LocalServer

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
    draft, credited = drafted_credits(tmp_path, http_server, CASES)
    expected = {f"{n}.html": people for n, (_, people) in enumerate(CASES, 1)}
    assert credited == expected, draft

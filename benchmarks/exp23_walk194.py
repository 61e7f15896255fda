"""exp23 (removed in the next commit): a newsletter folder's stored articles placed by
`judge_all` from their texts, zero-shot or with the corrections made before a time, and what goes
under "Customer surveys". `CURATOR_EXP23=a|b|c:N[:S]|d:N[:S]` picks the gate
(curator/subjectfit.py `_exp23_gates`).

    python benchmarks/exp23_walk194.py FOLDER [MADE_BEFORE]
"""

import sqlite3
import sys

import yaml

from curator.models import Article, Subject
from curator.subjects_model import judge_all

folder = sys.argv[1]
with open(f"{folder}/feeds.yaml") as fh:
    cfg = yaml.safe_load(fh)
subjects = [
    Subject(s["name"], s.get("description", ""), tuple(s.get("keywords", ())))
    for s in cfg["subjects"]
]
db = sqlite3.connect(f"{folder}/.curator/curator.db")
rows = db.execute("select id, url, title, text from articles order by id")
arts = [Article(id=i, url=u, title=t or "", text=x or "") for i, u, t, x in rows]
corrections: dict[str, str | None] = {}
if len(sys.argv) > 2:
    q = "select a.url, k.subject from corrections k join articles a on a.id = k.article_id"
    corrections = dict(db.execute(q + " where k.made_at < ?", (sys.argv[2],)))
model, judged = judge_all(arts, subjects, corrections)
by: dict[str | None, list[tuple[float, str, str]]] = {}
for a, j in zip(arts, judged, strict=True):
    by.setdefault(j.subject, []).append((j.scores[0][1] if j.scores else 0.0, a.title, a.url))
for name in [s.name for s in subjects] + [None]:
    print(name, len(by.get(name, [])))
print("-- Customer surveys:")
for score, title, url in sorted(by.get("Customer surveys", []), reverse=True):
    print(f"  {score:.3f} {'OFF' if '/worlddesk/' in url else 'CX '} {title}")

"""walk154 NEW-1: the note of a feed's articles in a script none of the subjects' words use was a
guess from scripts alone, said before placing counted: "all 3 of its new articles are written in
Hebrew script ...: they fit no subject ... else `curator feeds remove`" of a feed whose articles
mentioning "tram" issue 1 featured. A build now counts only the articles placing left under no
subject, and advises removing a feed only when a subject took none of its new articles."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import run_cli as run

HEBREW = [
    ("הרכבת הקלה tram בירושלים", "קו ה-tram האדום יוארך עד שכונת נווה יעקב בעוד שלוש שנים."),
    ("tram חדש בחיפה", "עיריית חיפה הודיעה על קו tram חדש שיפעל בשנה הבאה לאורך הים."),
    ("מזג האוויר מחר", "צפוי גשם חזק בצפון הארץ ורוחות עזות באזור ההרים והעמקים."),
]
THAI = [("ฝนตกหนักในกรุงเทพ", "วันนี้ฝนตกหนักในกรุงเทพมหานครและปริมณฑลตลอดทั้งวัน")]


def _feed(server, path: str, items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{server.url(f'{path}/{i}')}</link>"
        f"<description>{escape(d)}</description></item>"
        for i, (t, d) in enumerate(items)
    )
    return server.add(
        f"{path}.xml", f'<rss version="2.0"><channel><title>F</title>{body}</channel></rss>'
    )


def test_a_build_counts_only_what_placing_left_unplaced(tmp_path: Path, http_server) -> None:
    hebrew = _feed(http_server, "/he", HEBREW)
    thai = _feed(http_server, "/th", THAI)
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "Tram World", "issue_size": 10},
                "subjects": [{"name": "Trams", "description": "Trams.", "keywords": ["tram"]}],
                "feeds": [
                    {"url": hebrew, "name": "Tachbura"},
                    {"url": thai, "name": "Thai News"},
                ],
                "settings": {"fetch_pages": False, "allow_private_addresses": True},
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    issue = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "tram חדש בחיפה" in issue  # the articles the note said fit no subject
    assert "הרכבת הקלה tram בירושלים" in issue
    assert (
        "Tachbura: 1 of its 3 new articles is written in Hebrew script, which none of your"
        " subjects' words use: it fits no subject (a subject took the other 2, so the feed is"
        " worth keeping)" in said
    ), said
    assert f"curator feeds remove {hebrew}" not in said, said
    assert "they fit no subject" not in said, said
    # The feed none of whose articles a subject took is still named, with its removal.
    assert (
        "Thai News: its new article is written in Thai script, which none of your subjects' words"
        " use: it fits no subject" in said
    ), said
    assert f"curator feeds remove {thai}" in said, said
    code, out, err = run("subjects", "list", "--unplaced", "--config", str(config))
    assert "מזג האוויר מחר" in out and "ฝนตกหนักในกรุงเทพ" in out, out
    assert "tram חדש" not in out, out
    # A draft says it as a build does (its own store: the same feeds, nothing stored yet).
    other = tmp_path / "draft"
    other.mkdir()
    (other / "feeds.yaml").write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("draft", "--config", str(other / "feeds.yaml"))
    assert code == 0, err
    said = " ".join(err.split())
    assert "Tachbura: 1 of its 3 new articles is written in Hebrew script" in said, said
    assert f"curator feeds remove {hebrew}" not in said, said

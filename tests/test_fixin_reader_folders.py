"""walk180 #8: a feed reader's own folders in French or Spanish ("Non classé", "Sin categoría")
were made subjects by `feeds import --add-subjects`, where the English ones are passed over; and
walk184: a Japanese reader's "未分類" too (with its Chinese and Korean forms)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import run_cli, said_as_one
from tests.test_walk152_feedlist import newsletter

OPML = """\
<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Abos</title></head><body>
<outline text="Kundenerlebnis"><outline type="rss" text="A" xmlUrl="https://a.example/feed"/></outline>
<outline text="Non classé"><outline type="rss" text="B" xmlUrl="https://b.example/feed"/></outline>
<outline text="Sin categoría"><outline type="rss" text="C" xmlUrl="https://c.example/feed"/></outline>
<outline text="Unkategorisiert"><outline type="rss" text="D" xmlUrl="https://d.example/feed"/></outline>
<outline text="Sem categoria"><outline type="rss" text="E" xmlUrl="https://e.example/feed"/></outline>
<outline text="未分類"><outline type="rss" text="F" xmlUrl="https://f.example/feed"/></outline>
<outline text="未分类"><outline type="rss" text="G" xmlUrl="https://g.example/feed"/></outline>
<outline text="미분류"><outline type="rss" text="H" xmlUrl="https://h.example/feed"/></outline>
</body></opml>
"""


def test_a_readers_own_folders_in_other_languages_are_no_subjects(tmp_path: Path) -> None:
    config = newsletter(tmp_path)
    opml = tmp_path / "ml.opml"
    opml.write_text(OPML, encoding="utf-8")
    code, out, err = run_cli(
        "feeds", "import", "--no-check", "--config", str(config), "--add-subjects", str(opml)
    )
    assert code == 0, err
    assert "Added 1 subject(s) from the folders: `Kundenerlebnis`" in out, out
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["subjects"]][2:] == ["Kundenerlebnis"]
    hints = {f["url"]: f.get("subjects") for f in data["feeds"]}
    assert hints["https://a.example/feed"] == ["Kundenerlebnis"]
    for letter in "bcdefgh":
        assert hints[f"https://{letter}.example/feed"] is None, hints
    said = said_as_one(err)
    assert "7 folder(s) of" in said, said
    assert (
        "Non classé (1 feed), Sin categoría (1 feed), Unkategorisiert (1 feed),"
        " Sem categoria (1 feed), 未分類 (1 feed), 未分类 (1 feed), 미분류 (1 feed)" in said
    ), said

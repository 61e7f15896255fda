"""walk88: a newsletter whose feeds are not in English. Articles were placed under a subject for
the function words they share with it (a German bread recipe under "Straßenbahn in Deutschland"
for "die, und, der", a French cheese article under "Tramways en France" for "le, en, dans"), and
a Korean keyword matched no word that a particle follows (`트램` in `트램의`, `트램을`)."""

from __future__ import annotations

import re
from pathlib import Path

from test_walk51_words import feed_newsletter

from conftest import run_cli as run

TRAM_SUBJECTS = [
    {
        "name": "Straßenbahn in Deutschland",
        "description": "Die Straßenbahn und der öffentliche Nahverkehr in deutschen Städten.",
        "keywords": ["Straßenbahn", "Nahverkehr", "Fahrgäste", "München", "Trambahn"],
    },
    {
        "name": "Tramways en France",
        "description": "Le retour du tramway dans les villes françaises.",
        "keywords": ["tramway", "Besançon", "Bordeaux", "Strasbourg", "municipalité"],
    },
]
TRAM_ITEMS = [
    (
        "Die Zukunft der Straßenbahn in München",
        "Die Straßenbahn in München wächst wieder, und die Stadt plant bis 2030 vier neue Linien"
        " durch die Außenbezirke. Fahrgäste loben die Pünktlichkeit, doch die Baustellen in der"
        " Maximilianstraße ärgern viele Anwohner.",
    ),
    (
        "Bordeaux : le tramway sans caténaire",
        "À Bordeaux, le tramway roule sans caténaire dans le centre historique. La municipalité"
        " étudie une nouvelle ligne vers l'aéroport, et les voyageurs sont de plus en plus nombreux.",
    ),
    (
        "Das perfekte Roggenbrot backen",
        "Für ein gutes Roggenbrot braucht man Sauerteig, Geduld und einen heißen Ofen. Der Teig"
        " sollte mindestens zwölf Stunden ruhen, damit die Kruste knusprig wird. Die Bäckerin aus"
        " dem Allgäu verrät uns ihr Rezept und die besten Tricks.",
    ),
    (
        "Le fromage de Comté à l’honneur",
        "Le comté est un fromage au lait cru produit dans le massif du Jura depuis le Moyen Âge. La"
        " durée de l’affinage change le goût et la texture de la pâte. Les fromagers de la région"
        " exportent de plus en plus vers l’Asie.",
    ),
]


def _newsletter(tmp_path: Path, server, subjects: list, items: list, path: str) -> Path:
    return feed_newsletter(
        tmp_path, server, subjects, items, path, title="Tramways du monde", feed_name="Nachrichten"
    )


def _placed(out: str, subject: str) -> str:
    """The block `subjects list` prints under `subject`."""
    return out.split(subject + " (", 1)[1].split("\n\n", 1)[0]


def test_function_words_of_other_languages_place_no_article(tmp_path: Path, http_server) -> None:
    config = _newsletter(tmp_path, http_server, TRAM_SUBJECTS, TRAM_ITEMS, "/tram")
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = run("subjects", "list", "--config", str(config))
    assert code == 0, err
    german, french = _placed(out, TRAM_SUBJECTS[0]["name"]), _placed(out, TRAM_SUBJECTS[1]["name"])
    assert TRAM_ITEMS[0][0] in german and TRAM_ITEMS[1][0] in french, out
    assert "Roggenbrot" not in german and "fromage" not in french, out
    for i, shared in ((2, "die|und|der"), (3, "le|en|dans|du|la")):
        code, out, err = run(
            "subjects", "explain", http_server.url(f"/tram/{i}"), "--config", str(config)
        )
        assert code == 0, err
        assert "no subject: best score 0.0" in out, out
        assert not re.search(rf"\b({shared}) \d\.\d", out), out  # (a word and its weight)


KO_SUBJECTS = [
    {"name": "트램 (한국)", "description": "한국의 트램.", "keywords": ["트램", "노면전차"]},
    {"name": "날씨", "description": "한국의 날씨.", "keywords": ["태풍", "장마"]},
]
KO_ITEMS = [
    (
        "서울 트램의 부활",
        "서울시는 위례신도시에 트램을 도입해 2027년 개통을 목표로 하고 있다. 트램은 지하철보다"
        " 건설비가 저렴하고 친환경적이다.",
    ),
    ("태풍이 온다", "이번 주말 태풍이 남해안에 상륙할 전망이다. 장마는 다음 주에 끝난다."),
]


def test_a_korean_keyword_matches_a_word_a_particle_follows(tmp_path: Path, http_server) -> None:
    config = _newsletter(tmp_path, http_server, KO_SUBJECTS, KO_ITEMS, "/ko")
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = run("subjects", "list", "--config", str(config))
    assert code == 0, err
    assert KO_ITEMS[0][0] in _placed(out, KO_SUBJECTS[0]["name"]), out
    assert KO_ITEMS[1][0] in _placed(out, KO_SUBJECTS[1]["name"]), out
    code, out, err = run("subjects", "explain", http_server.url("/ko/0"), "--config", str(config))
    assert code == 0, err
    row = next(line for line in out.splitlines() if line.strip().startswith("트램 (한국) "))
    assert re.search(r"\s트램 \d\.\d", row), out  # (트램의, 트램을 and 트램은 count for 트램)

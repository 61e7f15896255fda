"""walk88's findings on blurbs of pages not in English: the headline, byline and date opening the
blurb, a Japanese sentence cut at a 。 inside 「」 quotes, and Spanish ¿...? and ¡...! sentences
left out (with a false "none ending with . ! or ?")."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import LocalServer, run_cli

PLACEHOLDER = "Resumen breve."


def page(lang: str, title: str, head: str, paras: list[str]) -> str:
    """An article page: an <h1>, then `head` (a byline, a date: as the site marks them up), then
    the paragraphs."""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{head}"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</article></body></html>"
    )


def extracted(server: LocalServer, html: str, path: str = "/a/1") -> dict[str, object]:
    """What `curator extract --json` reads from `html` served on `server`."""
    url = server.add(path, html, content_type="text/html; charset=utf-8")
    code, out, err = run_cli("extract", "--json", "--allow-private", url)
    assert code == 0, err
    record: dict[str, object] = json.loads(out.splitlines()[0])
    return record


def test_a_spanish_question_and_exclamation_are_sentences_of_the_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk88 #6: es1's "¿Por qué ...?" and "¡Los vecinos ...!" were no sentences (they open with
    an inverted mark, not a capital), so the blurb kept one sentence and the build warned,
    falsely, "none ending with . ! or ?"."""
    html = page(
        "es",
        "¿Por qué el tranvía vuelve a Sevilla?",
        '<p class="byline">Por María López</p>',
        [
            "¿Por qué el tranvía vuelve a Sevilla después de tantos años de debate?",
            "El ayuntamiento asegura que el metrocentro reducirá el tráfico en un 20 %.",
            "¡Los vecinos de Triana ya piden una parada propia!",
        ],
    )
    url = http_server.add("/a/es1", html, content_type="text/html; charset=utf-8")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Crónica</title>'
        f"<link>{http_server.base}/</link><description>x</description>"
        f"<item><title>¿Por qué el tranvía vuelve a Sevilla?</title><link>{url}</link>"
        f"<guid>{url}</guid><pubDate>Fri, 04 Dec 2026 10:00:00 GMT</pubDate>"
        f"<description>{PLACEHOLDER}</description></item></channel></rss>"
    )
    config = {
        "newsletter": {"title": "Tranvías", "editor": "Ed"},
        "subjects": [{"name": "Tranvías", "keywords": ["tranvía", "Sevilla"]}],
        "feeds": [{"url": http_server.add("/feed.xml", feed)}],
        "settings": {"allow_private_addresses": True, "timeout": 5},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    code, out, err = run_cli("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    assert "none ending with" not in err
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert (
        "¿Por qué el tranvía vuelve a Sevilla después de tantos años de debate? El ayuntamiento"
        " asegura que el metrocentro reducirá el tráfico en un 20 %. ¡Los vecinos de Triana ya"
        " piden una parada propia!"
    ) in " ".join(text.split())
    # A page that opens with one: its blurb opens with it too.
    html = page(
        "es",
        "Bilbao amplía su red",
        "",
        [
            "¡Bilbao amplía su red de tranvía con tres paradas nuevas en Zorrotzaurre!",
            "La obra costará cuarenta millones de euros.",
            "Se inaugurará en verano.",
        ],
    )
    assert extracted(http_server, html)["blurb"] == (
        "¡Bilbao amplía su red de tranvía con tres paradas nuevas en Zorrotzaurre! La obra"
        " costará cuarenta millones de euros. Se inaugurará en verano."
    )


def test_a_japanese_sentence_goes_on_after_a_full_stop_inside_its_quote(
    http_server: LocalServer,
) -> None:
    """walk88 #5: x4's blurb ended "…市民は「路面電車は街の血管だ。」", where the sentence goes on
    "と語る。": a 。 inside 「」 quotes opened in the sentence does not end it."""
    html = page(
        "ja",
        "「路面電車は街の血管だ」広島の挑戦",
        "",
        [
            "広島の路面電車は日本一の規模を誇る！",
            "なぜ広島の人々は路面電車を愛するのか？",
            "市民は「路面電車は街の血管だ。」と語る。",
            "新型車両の導入も進んでいる。",
            "路線の延伸計画もある。",
        ],
    )
    blurb = str(extracted(http_server, html)["blurb"])
    assert blurb.endswith("市民は「路面電車は街の血管だ。」と語る。"), blurb
    # A sentence that is all a quote still ends at its closing mark.
    html = page(
        "ja",
        "広島の挑戦",
        "",
        [
            "広島の路面電車は日本一の規模を誇り、毎日多くの市民と観光客を運んでいる。"
            "「路面電車は街の血管だ。」市長は記者会見でこう語り、新型車両の導入を発表した。"
        ],
    )
    blurb = str(extracted(http_server, html, "/a/2")["blurb"])
    assert "「路面電車は街の血管だ。」市長は" in blurb, blurb


HEADS = {
    # (language, headline, byline and date as the site marks them up, paragraphs)
    "ja": (
        "路面電車の復活：富山の挑戦",
        '<div class="byline">文・山田太郎</div><div class="date">2026年12月3日</div>',
        [
            "富山市の路面電車は、コンパクトなまちづくりの成功例として全国から注目を集めている。",
            "利用者は開業から十年で二倍に増えた。",
        ],
    ),
    "ru": (
        "Трамваи возвращаются в Москву",
        '<span class="byline">Автор: Иван Петров</span> <span class="date">5 декабря 2026 г.</span>',
        [
            "Московские трамваи снова становятся популярными благодаря новым вагонам «Витязь-М».",
            "В этом году пассажиропоток вырос на 15 процентов.",
        ],
    ),
    "de": (
        "Trams in Köln",
        '<div class="byline">Von Anna Müller und Jörg Weiß</div>',
        [
            "Die Kölner Verkehrsbetriebe bestellen 60 neue Niederflurbahnen für das Netz.",
            "Die Lieferung beginnt 2027.",
            "Fahrgäste dürfen sich auf mehr Platz freuen.",
        ],
    ),
    "ko": (
        "서울 트램의 부활",
        '<div class="byline">김민수 기자</div><div class="date">2026년 12월 4일</div>',
        [
            "서울시는 위례신도시에 트램을 도입해 2027년 개통을 목표로 하고 있다.",
            "트램은 지하철보다 건설비가 저렴하고 친환경적이다.",
        ],
    ),
    "ar": (
        "عودة الترام إلى الإسكندرية",
        '<div class="byline">بقلم محمد الأحمد</div><div class="date">٤ ديسمبر ٢٠٢٦</div>',
        [
            "يعود الترام إلى شوارع الإسكندرية بعد تحديث شامل للخطوط القديمة.",
            "تقول الهيئة إن الترام الجديد سيخدم مئة ألف راكب يومياً.",
        ],
    ),
}


def test_the_headline_byline_and_date_of_a_page_in_another_language_are_no_part_of_its_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk88 #2: with the byline and date set in <div>s or <span>s, the page's text came as one
    line, and its blurb opened "路面電車の復活：富山の挑戦 文・山田太郎 2026年12月3日 富山市の…",
    "Трамваи возвращаются в Москву Автор: Иван Петров 5 декабря 2026 г. Московские…", "Trams in
    Köln Von Anna Müller und Jörg Weiß Die Kölner…". Each opens at its first paragraph now, in
    `extract` and in the published issue."""
    urls = {}
    for lang, (title, head, paras) in HEADS.items():
        record = extracted(http_server, page(lang, title, head, paras), f"/a/{lang}")
        joined = ("" if lang == "ja" else " ").join(paras)  # Japanese sentences are not spaced
        assert record["blurb"] == joined, (lang, record["blurb"])
        urls[lang] = f"{http_server.base}/a/{lang}"
    # The build publishes the same blurb (the byline named by the feed's credit, the page's).
    title, _, paras = HEADS["de"]
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Köln</title>'
        f"<link>{http_server.base}/</link><description>x</description>"
        f"<item><title>{title}</title><link>{urls['de']}</link><guid>{urls['de']}</guid>"
        f"<pubDate>Fri, 04 Dec 2026 10:00:00 GMT</pubDate>"
        f"<description>{PLACEHOLDER}</description></item></channel></rss>"
    )
    config = {
        "newsletter": {"title": "Trams", "editor": "Ed"},
        "subjects": [{"name": "Trams", "keywords": ["Köln", "Niederflurbahnen"]}],
        "feeds": [{"url": http_server.add("/feed.xml", feed)}],
        "settings": {"allow_private_addresses": True, "timeout": 5},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    code, _, err = run_cli("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    text = " ".join((tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").split())
    assert " ".join(paras) in text
    assert "Von Anna Müller und Jörg Weiß Die" not in text

"""walk51 #7: an English newsletter given a feed in Arabic was told nothing: its articles just
fit none of the subjects. Fetch and build now say which feed is written in a script none of the
subjects' words use."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import run_cli as run

ARABIC = [
    ("الذكاء الاصطناعي يغير العالم", "يرى الخبراء أن مستقبل الذكاء الاصطناعي واعد في المنطقة."),
    ("أمطار غزيرة في دمشق", "هطلت أمطار غزيرة على العاصمة السورية دمشق صباح اليوم."),
    ("افتتاح معرض الكتاب", "افتتح معرض الكتاب الدولي أبوابه للزوار يوم الخميس."),
]
ENGLISH = [
    ("New AI model beats chess champion", "An artificial intelligence program won the final game."),
    ("Robots learn to sort parcels", "Warehouse robots now use machine learning to sort parcels."),
]


def _feed(server, path: str, items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{server.url(f'{path}/{i}')}</link>"
        f"<description>{escape(d)}</description></item>"
        for i, (t, d) in enumerate(items)
    )
    return server.add(
        f"{path}.xml", f'<rss version="2.0"><channel><title>F</title>{body}</channel></rss>'
    )


def _config(tmp_path: Path, subjects: list, feeds: list) -> Path:
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "Weekly"},
                "subjects": subjects,
                "feeds": feeds,
                "settings": {"fetch_pages": False, "allow_private_addresses": True},
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return config


AI = {"name": "AI", "description": "Artificial intelligence.", "keywords": ["AI", "robots"]}


def test_an_english_newsletter_is_told_of_a_feed_in_arabic(tmp_path: Path, http_server) -> None:
    arabic = _feed(http_server, "/ar", ARABIC)
    config = _config(
        tmp_path,
        [AI],
        [{"url": arabic, "name": "Al Akhbar"}, {"url": _feed(http_server, "/en", ENGLISH)}],
    )
    code, out, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        "Al Akhbar: all 3 of its new articles are written in Arabic script, which none of your"
        " subjects' words use: they fit no subject" in said
    ), said
    assert f"curator feeds remove {arabic}" in said, said
    assert said.count("written in") == 1, said  # (not the English feed)
    # Said once, by the run that stored them.
    code, out, err = run("build", "--config", str(config), "-q")
    assert "written in" not in err, err


def test_a_feed_in_the_subjects_language_is_not_named(tmp_path: Path, http_server) -> None:
    subjects = [
        {"name": "新闻", "description": "阿拉伯世界的新闻。", "keywords": ["新闻"]},
        {"name": "الأخبار", "description": "أخبار المنطقة.", "keywords": ["دمشق"]},
    ]
    config = _config(tmp_path, subjects, [{"url": _feed(http_server, "/ar2", ARABIC)}])
    code, out, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    assert "written in" not in err, err

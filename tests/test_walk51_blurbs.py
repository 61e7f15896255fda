"""walk51 #3: three short Chinese (or Japanese) sentences made no blurb where their English
translation made one: each was under the 20 characters a sentence needs, counted as letters."""

from __future__ import annotations

from pathlib import Path

from test_walk51_words import feed_newsletter

from conftest import run_cli as run

BLURB_ITEMS = [
    ("AI 周报", "人工智能正在改变世界。这是第一篇测试文章。专家认为人工智能前景广阔。"),
    (
        "AI 週報",
        "人工知能が世界を変えている。これはテスト記事である。専門家は将来性が高いと考えている。",
    ),
    (
        "AI weekly",
        "AI is changing the world. This is the first test article. Experts think AI has a bright future.",
    ),
]


def test_three_short_chinese_or_japanese_sentences_make_a_blurb(
    tmp_path: Path, http_server
) -> None:
    subjects = [{"name": "AI", "description": "Artificial intelligence.", "keywords": ["AI"]}]
    config = feed_newsletter(tmp_path, http_server, subjects, BLURB_ITEMS, "/blurbs")
    code, out, err = run("draft", "--config", str(config))
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "No blurb could be made" not in draft, draft
    for _, description in BLURB_ITEMS:
        assert description in draft, draft

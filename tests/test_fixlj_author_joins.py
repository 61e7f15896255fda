"""walk200 #4, a draft's `author:` lines as the build publishes and warns of them: a line joining
two names with the Japanese middle dot ("山田太郎・佐藤花子") was published as one person unsaid,
where one joining them with "、" is warned about; and the warning of a `_words.txt` without
`and_word` quoted three authors as "木村拓也 and 山田太郎 and 佐藤花子" where the issue published
"木村拓也、山田太郎 and 佐藤花子" (its `list_separator`). Through `curator draft` and `curator build
--draft` of a newsletter whose feed and page are served on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import SITE, drafted, newsletter
from test_fixlb_credits import page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def _built(tmp_path: Path, server: LocalServer, lines: str, *, words: str = "") -> tuple[str, str]:
    """The text edition and the build's output after the editor writes `lines` as the article's
    `author:` lines; `words`, a `_words.txt` of the newsletter's own."""
    html = page("ja", "Customer service", "文：木村拓也")
    config = newsletter(tmp_path, server, [("Customer service article", "", html)])
    if words:
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates" / "_words.txt").write_text(words, encoding="utf-8")
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("settings:\n", "settings:\n  templates: templates\n"))
    drafted(config)
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert "author: 木村拓也\n" in text, text
    draft.write_text(text.replace("author: 木村拓也\n", lines), encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, err
    return (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8"), out + err


def test_an_author_line_joining_two_names_with_the_middle_dot_is_warned_about(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#4: published as typed, and said as "、" is, with the lines that credit each."""
    text, said = _built(tmp_path, http_server, "author: 山田太郎・佐藤花子\n")
    assert f"山田太郎・佐藤花子 || {SITE}" in text, text
    said = said_as_one(said)
    assert 'the author "山田太郎・佐藤花子" is published as one person' in said, said
    assert "'author: 山田太郎' and 'author: 佐藤花子'" in said, said


def test_a_katakana_name_with_its_middle_dot_is_not_warned_about(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A foreign name in katakana parts its given name and surname with the dot: one person."""
    text, said = _built(tmp_path, http_server, "author: ジョン・スミス\n")
    assert f"ジョン・スミス || {SITE}" in text, text
    assert "published as one person" not in said_as_one(said), said


def test_the_and_word_warning_quotes_the_credit_as_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#4: with `list_separator = "、"` and no `and_word`, the warning quotes the credit with the
    "、" the issue publishes between the first names."""
    from curator.templatecheck import builtin_templates

    words = (builtin_templates() / "_words.txt").read_text(encoding="utf-8")
    assert 'set and_word = " and "' in words and 'set list_separator = ", "' in words
    words = words.replace('{%- set and_word = " and " -%}\n', "")
    words = words.replace('set list_separator = ", "', 'set list_separator = "、"')
    lines = "author: 木村拓也\nauthor: 山田太郎\nauthor: 佐藤花子\n"
    text, said = _built(tmp_path, http_server, lines, words=words)
    assert "木村拓也、山田太郎 and 佐藤花子" in text, text
    said = said_as_one(said)
    assert "has no `and_word`" in said, said
    assert "(木村拓也、山田太郎 and 佐藤花子)" in said, said
    assert "木村拓也 and 山田太郎" not in said, said

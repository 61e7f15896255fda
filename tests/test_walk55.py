"""walk55: the fixed words of a newsletter in another language (#2, #3, #4), as the editor sees
them in `build` and `render`."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from test_credit_formats import newsletter, page
from test_walk52 import DARING_FIREBALL, item
from test_walk52 import newsletter as walk52_newsletter

from conftest import LocalServer, sans_config
from conftest import run_cli as run

OWN_WORDS = Path(__file__).parents[1] / "templates" / "_words.txt"


def _config(tmp_path: Path, server: LocalServer, *, language: str, templates: bool) -> Path:
    items = [(t, "", page(t)) for t in ("Refund Queues", "Chat Support Hours")]
    config = newsletter(tmp_path, server, items)
    text = config.read_text(encoding="utf-8").replace(
        "newsletter: {", f"newsletter: {{language: {language}, editor: 李华, "
    )
    if templates:
        text = text.replace("settings:\n", "settings:\n  templates: mine\n")
        (tmp_path / "mine").mkdir()
    config.write_text(text, encoding="utf-8")
    return config


def _chinese_words() -> str:
    return (
        OWN_WORDS.read_text(encoding="utf-8")
        .replace('"edited by"', '"编辑"')
        .replace('"Atom feed"', '"Atom 订阅"')
        .replace('"All issues"', '"所有期刊"')
        .replace('"Every issue, newest first"', '"所有期刊，最新的在前"')
        .replace('"Also covered by:"', '"另见："')
        .replace('"Read it on the web"', '"在网上阅读"')
        .replace('set and_word = " and "', 'set and_word = "和"')
        .replace("Issue {{ n }}", "第{{ n }}期")
        .replace(
            "{{ months[day.month - 1] }} {{ day.day }}, {{ day.year }}",
            "{{ day.year }}年{{ day.month }}月{{ day.day }}日",
        )
        .replace(
            "Another piece in {{ caller() }} on the same story",
            "{{ caller() }}上关于同一事件的另一篇文章",
        )
    )


def test_a_words_file_lacking_a_word_is_named_and_curators_word_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk55 #2: with `atom_feed` deleted from the editor's `_words.txt`, `render` stopped with
    "template .../site-packages/curator/templates/index.html:21: ... has no attribute
    'atom_feed'". Now curator's word is published, and the editor's file and the word named."""
    config = _config(tmp_path, http_server, language="zh-CN", templates=True)
    words = "\n".join(line for line in _chinese_words().splitlines() if "atom_feed" not in line)
    mine = tmp_path / "mine" / "_words.txt"
    mine.write_text(words, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    said = " ".join(err.split())
    expected = (
        f"{mine}: has no `atom_feed`, so curator's English was published for it; to write it in"
        " your newsletter's language, add to your _words.txt (and translate the quoted words):"
        ' {%- set atom_feed = "Atom feed" -%}'
    )
    assert expected in said, err
    index = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert "Atom feed</a>" in index and "往期" not in index, index
    code, _, err = run("render", "--config", str(config), "1")
    assert code == 0, err
    assert expected in " ".join(err.split()), err
    assert "has no attribute" not in err, err


def test_a_newsletter_in_another_language_with_english_words_is_warned_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk55 #3: `language: ja` without translated words published `lang="ja"` beside "Issue 1
    · December 6, 2026 · edited by", silently."""
    config = _config(tmp_path, http_server, language="ja", templates=False)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    said = " ".join(err.split())
    # The date quoted is the issue's own (walk154 W151-14: it was "December 6, 2026" always).
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    day = datetime.fromisoformat(issue["date"])
    warning = (
        'newsletter: language: ja, but every edition\'s fixed words ("Issue 1", "edited by",'
        f' "{day:%B} {day.day}, {day:%Y}", "All issues") are in English: no templates folder is set'
    )
    assert said.count(warning) == 1, err
    assert 'docs/templates.md, "A newsletter in another language"' in said, err
    code, _, err = run("render", "--config", str(config), "1")
    assert code == 0, err
    assert " ".join(err.split()).count(warning) == 1, err
    # Translated words: no warning.
    (tmp_path / "t").mkdir()
    config2 = _config(tmp_path / "t", http_server, language="ja", templates=True)
    (tmp_path / "t" / "mine" / "_words.txt").write_text(_chinese_words(), encoding="utf-8")
    code, _, err = run("build", "--config", str(config2), "--all-subjects")
    assert code == 0, err
    assert "fixed words" not in err and "_words.txt" not in err, err


def test_issue_txts_separators_are_words_and_the_comment_names_real_ones(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk55 #4: issue.txt's ", " stayed English ("第1期, 2026年12月6日, 编辑 李华"), and
    `_words.txt`'s comment cited `words.issue`, which does not exist."""
    config = _config(tmp_path, http_server, language="zh-CN", templates=True)
    words = (
        _chinese_words()
        .replace('set separator = ", "', 'set separator = "，"')
        .replace('set list_separator = ", "', 'set list_separator = "、"')
    )
    (tmp_path / "mine" / "_words.txt").write_text(words, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert re.search(r"^第1期，20\d\d年\d{1,2}月\d{1,2}日，编辑 李华$", txt, re.M), txt
    own = OWN_WORDS.read_text(encoding="utf-8")
    defined = set(re.findall(r"(?:set|macro) (\w+)", own))
    cited = set(re.findall(r"`{{ words\.(\w+)", own))
    assert cited and cited <= defined, cited - defined


JA_LEAD = (
    "６月12日の歴史的な米朝首脳会談を巡って戦っていたのは、米大統領のトランプと北朝鮮委員長の"
    "金正恩（キム・ジョンウン）ばかりではなかった。中国国家主席、習近平（シー・ジンピン）も"
    "重要な陰の参戦者だった"
)
JA_NOTICE = (
    "有料会員の方のみご利用になれます。保存した記事はスマホやタブレットでもご覧いただけます。"
)
EN_NOTICE = (
    "This article is available to subscribers only. Already a subscriber? Log in to read the"
    " whole story and every article in our archive."
)
EN_LEAD = (
    "The city council voted on Tuesday to close the old tram depot on Mill Street by next spring."
    " The depot has stored the city's trams since 1921, and its workers will move to a new site"
    " by the river. Residents had asked for the building to become a market hall."
)


def _paywalled(title: str, notice: str, body: str, description: str, lang: str) -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    return (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>"
        f"{meta}</head><body><article><h1>{title}</h1><p>{notice}</p>"
        "<p>＞ 新規会員登録</p>" * (lang == "ja") + f"<p>{body}</p></article></body></html>"
    )


def test_a_paywall_notice_is_no_blurb(tmp_path: Path, http_server: LocalServer) -> None:
    """walk55 #1: ja1's blurb was its paywall notice ("有料会員の方のみご利用になれます。保存した
    記事は…"), unwarned, while the page's description held the lead (a standfirst without a
    full stop, of no spaces). Now the description's lead is the blurb; an English page without
    one gets its lead, not "This article is available to subscribers only"."""
    ja_body = JA_LEAD + "。核放棄を巡って「検証可能な」の文字がなく、米朝会談は一方的譲歩に見える。"
    items = [
        (
            "米朝首脳直通電話 習氏に挑むトランプ戦術",
            "",
            _paywalled(
                "米朝首脳直通電話 習氏に挑むトランプ戦術", JA_NOTICE, ja_body, JA_LEAD, "ja"
            ),
        ),
        (
            "Council closes the Mill Street tram depot",
            "",
            _paywalled("Council closes the Mill Street tram depot", EN_NOTICE, EN_LEAD, "", "en"),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    text = config.read_text(encoding="utf-8").replace(
        "[customer, support, service, effort]", "[tram, depot, council, 米朝, トランプ, 首脳]"
    )
    config.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "有料会員" not in txt and "保存した記事" not in txt, txt
    assert JA_LEAD + "。" in txt, txt
    assert "subscribers only" not in txt and "Already a subscriber" not in txt, txt
    assert "The city council voted on Tuesday to close the old tram depot" in txt, txt
    said = " ".join(err.split())
    assert (
        '("有料会員の方のみご利用になれます。"): curator read only what it shows free, so check'
        " that its blurb says what the article is" in said
    ), err


def test_a_page_listing_posts_is_noted_in_the_draft_and_the_build(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk52 #3 (walk55: "message unclear"): `fetch` said to check pages that read as a list of
    posts "in the next draft", but neither the draft nor `build` named them. The draft notes it
    under the article, and draft and build warn."""
    path = corpus / DARING_FIREBALL
    if not path.is_file():
        pytest.skip(f"the corpus page {path} is missing")
    page = http_server.add("/df.html", path.read_bytes(), content_type="text/html; charset=utf-8")
    config = walk52_newsletter(
        tmp_path, http_server, [item("Daring Fireball", page, None, 1)], True
    )
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    assert "check these in the next draft (`curator draft`)" in sans_config(err), err
    code, _, err = run("draft", "--config", str(config), "--no-fetch", "--all-subjects")
    assert code == 0, err
    text = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    under = text.split("## Daring Fireball", 1)[1].split("\n## ", 1)[0]
    assert (
        "<!-- Check this blurb: its page reads as a list of 11 posts (a blog's front page or an"
        " archive), not one article, so the blurb may join several." in under
    ), under
    warning = (
        f'the page of "Daring Fireball" ({page}) reads as a list of 11 posts (a blog\'s front page'
        " or an archive), not one article, so its blurb may join several"
    )
    assert warning in " ".join(err.split()), err
    code, _, err = run("build", "--config", str(config), "--no-fetch", "--all-subjects")
    assert code == 0, err
    assert warning in " ".join(err.split()), err

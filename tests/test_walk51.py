"""walk51: a Chinese, a Japanese and an Arabic newsletter, as their editors see them: the credits
of `draft` and `extract` (#6), the blurbs `extract` shows (#5)."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

from test_credit_formats import authors, drafted, newsletter, page

from conftest import LocalServer
from conftest import run_cli as run


def _extract(corpus: Path, tmp_path: Path, folder: str) -> str:
    """`curator extract` of a corpus page, read from a copy."""
    copy = tmp_path / f"{folder.replace('/', '_')}.html"
    shutil.copyfile(corpus / "articles" / folder / "source.html", copy)
    code, out, err = run("extract", str(copy))
    assert code == 0, err
    return out


def _blurb(out: str) -> str:
    """The blurb `extract` shows, under the credit line (`Author || Publication`)."""
    lines = [line.strip() for line in out.splitlines()]
    at = next(n for n, line in enumerate(lines) if "||" in line)
    # After the page's address and date, when it gives them.
    return next(line for line in lines[at + 1 :] if not line.startswith(("http", "published")))


def test_chinese_japanese_and_arabic_credits_name_the_people(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk51 #6: "文/李雷" credited no one; labels and honorifics stayed in the name ("本报记者
    王小明", "编辑：韩梅梅", "佐藤花子記者", "山田太郎氏"); "王小明、李雷" and "محمد الأحمد وعلي حسن"
    (two people each) were one author."""
    credits = {
        "Refund Queues": ("本报记者 王小明", ["王小明"]),
        "Chat Support Hours": ("文/李雷", ["李雷"]),
        "Help Desk Scripts": ("编辑：韩梅梅", ["韩梅梅"]),
        "Billing Errors": ("王小明、李雷", ["王小明", "李雷"]),
        "Warranty Claims": ("佐藤花子記者", ["佐藤花子"]),
        "Loyalty Cards": ("山田太郎氏", ["山田太郎"]),
        "Call Scripts": ("鈴木 一郎 編集委員", ["鈴木 一郎"]),
        "Queue Times": ("محمد الأحمد وعلي حسن", ["محمد الأحمد", "علي حسن"]),
        # A given name that starts with the letter of "and" (وليد, Walid) is no second person.
        "Return Labels": ("أحمد وليد", ["أحمد وليد"]),
        # 文 is also a surname: only "文/" or "文：" is the label "text by".
        "Ticket Tags": ("文在寅", ["文在寅"]),
    }
    items = [
        (title, f"<dc:creator>{who}</dc:creator>", page(title))
        for title, (who, _) in credits.items()
    ]
    blocks = drafted(newsletter(tmp_path, http_server, items))
    for title, (who, expected) in credits.items():
        assert authors(blocks[title]) == expected, (who, blocks[title])


def test_extract_credits_no_menu_item_and_titles_drop_a_photo_credit(
    corpus: Path, tmp_path: Path
) -> None:
    """walk51 #6: `extract` of a Yahoo! Japan page credited "個人" (the "Bylines" item of the site's
    menu, `div#globalNav`); a Nikkei title kept "（写真＝ロイター） ：日本経済新聞" (a photo's
    credit and the paper's name after a full-width colon)."""
    out = _extract(corpus, tmp_path, "readability/yahoo-4")
    assert "個人" not in out, out
    assert "(no author found) || Yahoo!ニュース" in out, out
    out = _extract(corpus, tmp_path, "newspaper4k/japanese_article")
    assert out.splitlines()[0] == "米朝首脳直通電話 習氏に挑むトランプ戦術の成否", out
    assert "|| 日本経済新聞社" in out, out


def test_blurbs_keep_a_datelined_lead_and_drop_a_repeated_headline(
    corpus: Path, tmp_path: Path
) -> None:
    """walk51 #5: AFPBB's lead "【6月18日 AFP】ナイジェリア北東部…31人が死亡した。" was dropped (its
    dateline bracket is no capital), so the blurb opened mid-story ("地元当局者と民兵指導者が17日、
    AFPに明らかにした。"); Xinhua's opened with the headline and "---" ("短缺药品保供稳价 …
    ---记者17日…")."""
    out = _extract(corpus, tmp_path, "newspaper4k/japanese_article2")
    blurb = _blurb(out)
    assert blurb.startswith("ナイジェリア北東部ボルノ（Borno）州で16日夜、"), out
    assert "31人が死亡した。地元当局者と民兵指導者が17日" in blurb, out
    out = _extract(corpus, tmp_path, "newspaper4k/chinese_article_002")
    blurb = _blurb(out)
    assert blurb.startswith("记者17日从国家卫生健康委获悉，"), out
    assert "---" not in blurb and "全力保障临床用药需求 " not in blurb, out


def _columns(text: str) -> int:
    """The columns `text` takes on screen: a wide character (Chinese, Japanese) two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _two_subjects(tmp_path: Path, server: LocalServer) -> tuple[Path, list[str]]:
    """A newsletter of a Chinese-named and an English-named subject (keywords that its pages
    have) and one feed of two pages; returns its feeds.yaml and the pages' addresses."""
    items = [
        (title, "<dc:creator>Jane Roe</dc:creator>", page(title))
        for title in ("Refund Queues", "Chat Support Hours")
    ]
    config = newsletter(tmp_path, server, items)
    text = (
        config.read_text(encoding="utf-8")
        .replace("name: Customer service", "name: Opening hours")
        .replace("[customer, support, service, effort]", "[chat, hours]")
        .replace(
            "subjects:\n",
            "subjects:\n  - name: 科技与太空\n    keywords: [customer, support, service, refund]\n",
        )
    )
    config.write_text(text, encoding="utf-8")
    return config, [server.url(f"/p/{n}/") for n in range(len(items))]


def test_plain_text_headings_and_explain_columns_count_wide_characters_twice(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk51 #8: the .txt edition underlined "科技与太空" with five "=" (half its width on
    screen), and `subjects explain` put the scores of a Chinese name out of line."""
    config, urls = _two_subjects(tmp_path, http_server)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    lines = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").splitlines()
    at = lines.index("科技与太空")
    assert lines[at + 1] == "=" * 10, lines[at : at + 2]
    code, out, err = run("subjects", "explain", "--config", str(config), urls[0])
    assert code == 0, err
    lines = out.splitlines()
    rows = lines[lines.index(next(x for x in lines if "matching terms" in x)) + 1 :][:2]
    # Each score starts at the same column: "科技与太空" takes ten, "Opening hours" 13.
    columns = [_columns(row[: re.search(r" \d\.\d{3} ", row).start()]) for row in rows]
    assert columns[0] == columns[1], out


def _with_language(config: Path, language: str) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("newsletter: {", f"newsletter: {{language: {language}, "), encoding="utf-8"
    )


def test_the_newsletters_language_reaches_every_edition(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk51 #4: every edition said `<html lang="en">`, an Arabic issue had no `dir="rtl"`, and
    README named no language setting. `newsletter: language: ar` marks them all."""
    items = [(t, "", page(t)) for t in ("Refund Queues", "Chat Support Hours")]
    config = newsletter(tmp_path, http_server, items)
    _with_language(config, "ar")
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    out = tmp_path / "output"
    for name in ("issue-1.html", "latest.html", "issue-1.email.html", "index.html"):
        html = (out / name).read_text(encoding="utf-8")
        assert '<html lang="ar" dir="rtl">' in html, (name, html[:300])
    fragment = (out / "issue-1.fragment.html").read_text(encoding="utf-8")
    assert '<article class="curator-issue" lang="ar" dir="rtl" ' in fragment, fragment[:300]
    assert 'xml:lang="ar"' in (out / "feed.xml").read_text(encoding="utf-8")


def test_a_mistyped_language_is_refused_where_it_is_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server, [("Refund Queues", "", page("Refund Queues"))])
    _with_language(config, "Arabic language")
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 2, err
    assert "feeds.yaml:1:" in err and "`language: Arabic language` is no language code" in err, err


def test_the_fixed_words_are_translated_in_one_template(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk51 #4: "Issue 1, December 6, 2026, edited by" was English in every language. The
    fixed words and the date come from `_words.txt`: a copy of it translates every edition."""
    items = [(t, "", page(t)) for t in ("Refund Queues", "Chat Support Hours")]
    config = newsletter(tmp_path, http_server, items)
    _with_language(config, "zh-CN")
    text = (
        config.read_text(encoding="utf-8")
        .replace("newsletter: {", "newsletter: {editor: 李华, ")
        .replace("settings:\n", "settings:\n  templates: mine\n")
    )
    config.write_text(text, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    words = (Path(__file__).parents[1] / "templates" / "_words.txt").read_text(encoding="utf-8")
    words = (
        words.replace('"edited by"', '"编辑"')
        .replace("Issue {{ n }}", "第{{ n }}期")
        .replace(
            "{{ months[day.month - 1] }} {{ day.day }}, {{ day.year }}",
            "{{ day.year }}年{{ day.month }}月{{ day.day }}日",
        )
    )
    (mine / "_words.txt").write_text(words, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    out = tmp_path / "output"
    txt = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert re.search(r"^第1期, 20\d\d年\d{1,2}月\d{1,2}日, 编辑 李华$", txt, re.M), txt
    html = (out / "issue-1.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "· 第1期</title>" in html.replace("&middot;", "·")
    assert "Issue" not in txt and "edited by" not in html, html


def test_an_old_template_copy_that_says_english_is_named(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A copy of issue.html made before `newsletter: language:` says `lang="en"` whatever the
    language: the build names it and says what to write."""
    items = [(t, "", page(t)) for t in ("Refund Queues", "Chat Support Hours")]
    config = newsletter(tmp_path, http_server, items)
    _with_language(config, "ar")
    text = config.read_text(encoding="utf-8").replace("settings:\n", "settings:\n  templates: t\n")
    config.write_text(text, encoding="utf-8")
    (tmp_path / "t").mkdir()
    own = (Path(__file__).parents[1] / "templates" / "issue.html").read_text(encoding="utf-8")
    old = own.replace('lang="{{ lang }}"{% if dir == "rtl" %} dir="rtl"{% endif %}', 'lang="en"')
    assert old != own
    (tmp_path / "t" / "issue.html").write_text(old, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        f"{tmp_path / 't' / 'issue.html'}: these copies of curator's templates were made before"
        " `newsletter: language:` and do not say the page is in ar; write"
        ' lang="{{ lang }}"' in said
    ), err


def test_an_article_in_another_language_is_marked_with_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk51 #4: an Arabic page in an English newsletter was shown left to right as English. Its
    entry says `lang="ar" dir="rtl"`; an English page's (`en-US`) says nothing."""
    arabic = page("Refund Queues").replace("<html>", '<html lang="ar">')
    english = page("Chat Support Hours").replace("<html>", '<html lang="en-US">')
    items = [("Refund Queues", "", arabic), ("Chat Support Hours", "", english)]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    out = tmp_path / "output"
    for name in ("issue-1.html", "issue-1.fragment.html", "issue-1.email.html"):
        html = " ".join((out / name).read_text(encoding="utf-8").split())
        # (the email's CSS inliner writes an element's attributes in its own order)
        assert html.count('lang="ar"') == html.count('dir="rtl"') == 1, (name, html)
        assert 'lang="en-US"' not in html, name
    # Rendered again from issue-N.json: still marked.
    code, _, err = run("render", "--config", str(config), "--all")
    assert code == 0, err
    assert 'lang="ar" dir="rtl"' in (out / "issue-1.html").read_text(encoding="utf-8")


def test_a_tags_script_decides_its_direction_and_a_country_code_is_read_as_its_language(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk110 #8: `lang="pa-Arab"` (Punjabi in Arabic script) was published left to right,
    `lang="ar-Latn"` (Arabic in Latin letters) right to left, and a page's `lang="jp"` and
    `newsletter: language: jp` as a language no browser or screen reader knows. The script decides
    the direction; a country's code is read as its language on a page and refused in feeds.yaml."""
    shahmukhi = page("Refund Queues").replace("<html>", '<html lang="pa-Arab">')
    arabizi = page("Chat Support Hours").replace("<html>", '<html lang="ar-Latn">')
    japan = page("Billing Desks").replace("<html>", '<html lang="jp">')
    hebrew = page("Queue Times").replace("<html>", '<html lang="iw">')  # (withdrawn: he)
    items = [
        ("Refund Queues", "", shahmukhi),
        ("Chat Support Hours", "", arabizi),
        ("Billing Desks", "", japan),
        ("Queue Times", "", hebrew),
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    html = " ".join((tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8").split())
    entries = {
        m.group(1): m.group(0)
        for m in re.finditer(r'<div class="entry"( lang="[^"]*")?[^>]*>', html)
    }
    assert ' lang="pa-Arab"' in entries and 'dir="rtl"' in entries[' lang="pa-Arab"'], entries
    assert ' lang="ar-Latn"' in entries and "dir=" not in entries[' lang="ar-Latn"'], entries
    assert ' lang="ja"' in entries and ' lang="jp"' not in entries, entries
    assert ' lang="he"' in entries and 'dir="rtl"' in entries[' lang="he"'], entries
    plain = config.read_text(encoding="utf-8")
    _with_language(config, "jp")
    code, _, err = run("render", "--config", str(config), "--all")
    assert code == 2, err
    assert "feeds.yaml:1:" in err and "did you mean `language: ja`?" in err, err
    config.write_text(plain, encoding="utf-8")
    _with_language(config, "ja_JP")
    code, _, err = run("render", "--config", str(config), "--all")
    assert code == 2 and "did you mean `language: ja-JP`?" in err, err

"""walk198: a newsletter in Japanese and one in Arabic, end to end. #1: the introduction's rule
"a sentence that names an empty variable is left out" split sentences at `. ! ?` and a space
only, so a Japanese introduction was one "sentence" and an issue of every subject (no {theme})
lost all of it, unsaid by `build --draft`; an Arabic one lost its question before the sentence
naming {next_theme}. Through the CLI, against feeds and pages on a real HTTP server on
127.0.0.1 and a real SQLite store, with curator's own templates."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import HTML, page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

DATE = "Sun, 06 Dec 2026 10:00:00 +0000"
#: (page, title, author, paragraphs): the walker's Japanese articles (walk198's ja_data.py).
JAPANESE = (
    (
        "nps",
        "NPS入門：推奨度をどう測るか",
        "山田太郎",
        (
            "NPSは顧客に「この企業を友人に薦める可能性はどのくらいですか」と尋ねる指標である。",
            "NPSだけでは不満の理由は分からないため、CSATやCESのアンケートと組み合わせることを"
            "勧める。",
            "アンケートは短く、接点の直後に送るのが効果的だ。",
        ),
    ),
    (
        "koe",
        "顧客の声を聞く：苦情は宝の山",
        "高橋美咲",
        (
            "苦情の一つひとつは、まだ競合に移っていない顧客からの無料の助言である。",
            "顧客の声プログラムは、レビューや問い合わせ、SNSのコメントを一つの仕組みに集め、"
            "繰り返し起きる問題を見えるようにする。",
            "大切なのは、顧客に返事をし、原因を直し、何が変わったかを伝えることだ。",
        ),
    ),
    (
        "review",
        "レビュー分析：混乱から意思決定へ",
        "佐藤花子",
        (
            "何千件ものレビューを手作業で読むことはできないが、無視することもできない。",
            "レビューをテーマ別に分類し、配送と品質に関する苦情を担当チームに回す方法を解説する。",
            "フィードバックは、担当者がいて初めて役に立つ。",
        ),
    ),
)
#: The same, of the walker's Arabic articles (walk198's ru_ar_data.py).
ARABIC = (
    (
        "sawt",
        "صوت العميل: كيف تستمع إلى الشكاوى والتعليقات",
        "سارة حسن",
        (
            "كل شكوى هي استشارة مجانية من عميل لم يغادر بعد إلى المنافس.",
            "يجمع برنامج صوت العميل الملاحظات والتعليقات والشكاوى من القنوات كلها في نظام واحد،"
            " حتى ترى الشركة المشكلات المتكررة.",
            "الأهم هو إغلاق حلقة الملاحظات: الرد على العميل، وإصلاح السبب، وإخباره بما تغيّر.",
        ),
    ),
    (
        "tahlil",
        "تحليل التعليقات: من الفوضى إلى القرارات",
        "يوسف إبراهيم",
        (
            "لا يمكن قراءة آلاف التعليقات يدويًا، لكن لا يمكن تجاهلها أيضًا.",
            "نشرح كيف نصنف التعليقات حسب الموضوع، ونفصل شكاوى التوصيل عن شكاوى الجودة، ونحيلها"
            " إلى الفرق المسؤولة.",
            "الملاحظات لا تنفع إلا إذا كان لكل موضوع مسؤول داخل الشركة.",
        ),
    ),
    (
        "khidma",
        "خدمة العملاء أم تجربة العملاء؟",
        "سارة حسن",
        (
            "يخلط كثير من المديرين بين خدمة العملاء وتجربة العملاء، وهذا الخلط يكلف الشركات"
            " كثيرًا من الشكاوى.",
            "الخدمة تجيب عن الأسئلة وتحل المشكلات، أما التجربة فتشمل كل ما يمر به العميل مع"
            " الشركة.",
            "فهم هذا الفرق يساعد على توزيع الميزانية بحكمة.",
        ),
    ),
)
SUBJECTS = {
    "ja": "subjects:\n  - name: 顧客の声\n    description: 苦情、レビュー、フィードバック、指標。\n"
    "    keywords: [苦情, レビュー, フィードバック, 顧客の声, NPS, アンケート]\n",
    "ar": "subjects:\n  - name: صوت العميل\n    description: الشكاوى والتعليقات والملاحظات.\n"
    "    keywords: [شكوى, الشكاوى, التعليقات, الملاحظات, صوت العميل, العملاء]\n",
}
TITLES = {"ja": "顧客体験ウィークリー", "ar": "نشرة تجربة العملاء"}


def serve(
    server: LocalServer,
    language: str,
    extra: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (),
) -> str:
    """The feed of `JAPANESE` or `ARABIC` (`language` "ja" or "ar") and `extra`, each page in
    that language."""
    items = []
    for name, title, author, paragraphs in (*(JAPANESE if language == "ja" else ARABIC), *extra):
        text = "".join(f"<p>{p}</p>" for p in paragraphs)
        link = server.add(
            f"/{language}/{name}.html", page(title, author, text, language), content_type=HTML
        )
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{DATE}</pubDate></item>"
        )
    return server.add(
        f"/{language}.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{TITLES[language]}</title><link>{server.url('/')}</link>"
        f"<description>x</description><language>{language}</language>{''.join(items)}"
        "</channel></rss>",
    )


def newsletter(
    tmp_path: Path,
    server: LocalServer,
    language: str,
    introduction: str,
    extra: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (),
) -> Path:
    """A newsletter in `language` ("ja" or "ar") of one subject and no plan of themes (so no
    {theme} and no {next_theme} in any issue), opening with `introduction`; its feed has the
    articles of `extra` too."""
    path = tmp_path / "feeds.yaml"
    path.write_text(
        f"newsletter:\n  title: {TITLES[language]}\n  issue_size: 10\n  language: {language}\n"
        f"  introduction: |\n    {introduction}\n{SUBJECTS[language]}"
        f"feeds:\n  - url: {serve(server, language, extra)}\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path


JA_INTRO = "顧客体験ウィークリー第{number}号へようこそ。今号のテーマは{theme}です。次号は{next_theme}を取り上げます。"


def test_a_japanese_introduction_keeps_its_sentences_with_no_empty_variable(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk198 #1: in an issue of every subject, the Japanese introduction keeps its welcome
    sentence in every edition; the two sentences naming {theme} and {next_theme} are left out,
    each said apart, and nothing says the issue has no introduction."""
    path = newsletter(tmp_path, http_server, "ja", JA_INTRO)
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    assert 'the sentence "今号のテーマは{theme}です。" was left out' in said, said
    assert 'the sentence "次号は{next_theme}を取り上げます。" was left out' in said, said
    assert "has no introduction" not in said, said
    output = tmp_path / "output"
    for name in ("issue-1.html", "issue-1.txt", "issue-1.md", "issue-1.email.html"):
        text = (output / name).read_text(encoding="utf-8")
        assert "顧客体験ウィークリー第1号へようこそ。" in text, (name, text)
        assert "今号のテーマは" not in text and "次号は" not in text, (name, text)


def test_an_arabic_introduction_keeps_its_question_before_a_sentence_left_out(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk198 #1: "هل أنتم مستعدون؟" ends a sentence (the Arabic question mark), so only the
    sentence naming the empty {next_theme} after it is left out, and the question is published."""
    intro = "مرحبًا بكم في العدد {number} من {title}. هل أنتم مستعدون؟ العدد القادم عن {next_theme}."
    path = newsletter(tmp_path, http_server, "ar", intro)
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    assert 'the sentence "العدد القادم عن {next_theme}." was left out' in said, said
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "مرحبًا بكم في العدد 1 من نشرة تجربة العملاء. هل أنتم مستعدون؟" in text, text
    assert "العدد القادم" not in text, text


def test_an_introduction_left_out_whole_is_said_by_build_draft_and_build_draft(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk198 #1: an introduction whose every sentence names an empty variable comes out empty:
    `build` and `draft` say the issue has no introduction, and `build --draft` of that draft
    (which has none) says so too, rather than publish it without one unsaid."""
    intro = "次号は{next_theme}を取り上げます。"
    (tmp_path / "built").mkdir()
    path = newsletter(tmp_path / "built", http_server, "ja", intro)
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    expected = (
        f"{path}:6 (`newsletter: introduction`): issue 1 has no introduction: each of its"
        " sentences names a variable empty in this issue, so all were left out"
    )
    assert expected in said, said
    path = newsletter(tmp_path, http_server, "ja", intro)
    code, out, err = run("draft", "--config", str(path))
    assert code == 0, err
    assert "issue 1 has no introduction" in said_as_one(out + err), out + err
    draft = tmp_path / "drafts" / "issue-1.md"
    code, out, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    said = said_as_one(out + err)
    assert f"{draft}: issue 1 has no introduction: the draft has none" in said, said
    assert (tmp_path / "output" / "issue-1.html").is_file()


def test_a_drafts_introduction_left_out_whole_is_said_by_build_draft(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk198 #1: a draft's own introduction whose only sentence names the empty {theme}: the
    sentence is left out, and `build --draft` says the issue has no introduction, naming the
    draft's line."""
    path = newsletter(tmp_path, http_server, "ja", JA_INTRO)
    code, out, err = run("draft", "--config", str(path))
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert "顧客体験ウィークリー第1号へようこそ。" in text, text
    text = text.replace("顧客体験ウィークリー第1号へようこそ。", "今号のテーマは{theme}です。")
    draft.write_text(text, encoding="utf-8")
    line = text[: text.index("今号のテーマは")].count("\n") + 1
    code, out, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    said = said_as_one(out + err)
    assert f"{draft}:{line}: issue 1 has no introduction: each sentence of the draft's" in said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "今号のテーマは" not in html, html


def test_an_arabic_email_says_its_direction_on_its_body_and_tables(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk198 #2: a webmail client drops `<html dir="rtl">`; the Arabic email's body and its
    wrapper tables say `dir="rtl"` and `direction: rtl` inline, where a Japanese one says
    neither."""
    from lxml import html as lxml_html

    path = newsletter(tmp_path, http_server, "ar", "مرحبًا بكم في العدد {number} من {title}.")
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    email = (tmp_path / "output" / "issue-1.email.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(email)
    wrappers = [tree.find("body"), *tree.xpath("//table[@class='outer' or @class='container']")]
    assert len(wrappers) == 3, email
    for element in wrappers:
        assert element.get("dir") == "rtl", lxml_html.tostring(element)[:300]
        assert "direction: rtl" in (element.get("style") or ""), lxml_html.tostring(element)[:300]
    assert "مرحبًا بكم في العدد 1" in email, email


def test_a_left_to_right_email_says_no_direction(tmp_path: Path, http_server: LocalServer) -> None:
    """walk198 #2: a left-to-right newsletter's email is as before: no `dir` and no
    `direction` on its body or tables."""
    path = newsletter(tmp_path, http_server, "ja", "顧客体験ウィークリー第{number}号へようこそ。")
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    email = (tmp_path / "output" / "issue-1.email.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' not in email and "direction:" not in email, email


#: The walker's long Arabic sentence (walk198's long-ar.html): five clauses, said three times.
CLAUSES = (
    "تسعى الشركات إلى تحسين تجربة العملاء في كل نقطة تواصل، من مراكز الاتصال إلى المتاجر"
    " والمواقع الإلكترونية والتطبيقات، ومن التوصيل إلى الفواتير، لكنها كثيرا ما تقيس كل قسم"
    " بمؤشر مختلف، فتتفكك التجربة بدلا من أن تتكامل"
)


def test_a_long_arabic_sentence_is_cut_after_an_arabic_comma(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk198 #3: an article whose page is one Arabic sentence longer than a blurb gets it cut
    after its last "،" that fits, as a Russian one is cut after a ",": the blurb ends "...تتكامل..."
    in the issue, not two words into the next clause ("تسعى الشركات...")."""
    sentence = "، ".join([CLAUSES] * 3) + "."
    long = (("tawil", "مقال طويل عن تجربة العملاء والشكاوى", "ليلى حداد", (sentence,)),)
    path = newsletter(tmp_path, http_server, "ar", "مرحبًا بكم في العدد {number}.", long)
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    blurbs = {a["title"]: a["blurb"] for section in issue["sections"] for a in section["articles"]}
    blurb = blurbs["مقال طويل عن تجربة العملاء والشكاوى"]
    assert blurb.endswith("فتتفكك التجربة بدلا من أن تتكامل..."), blurb
    assert blurb.startswith(CLAUSES + "، "), blurb
    assert len(blurb) <= 450, len(blurb)
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "بدلا من أن تتكامل..." in text and "تسعى الشركات..." not in text, text


def test_every_json_document_writes_its_letters(tmp_path: Path, http_server: LocalServer) -> None:
    """walk198 #4: `build --json` and `subjects list --json` wrote "\\u0635..." where `themes
    --json` wrote the letters: each writes them as they are (and is the same JSON), as does a
    refusal's document naming a subject."""
    path = newsletter(tmp_path, http_server, "ar", "مرحبًا بكم في العدد {number}.")
    code, out, err = run("build", "--config", str(path), "--json")
    assert code == 0, err
    assert "صوت العميل" in out and "\\u0" not in out, out
    assert json.loads(out)["issue"] == 1, out
    code, out, err = run("subjects", "list", "--config", str(path), "--json")
    assert code == 0, err
    assert "صوت العميل" in out and "\\u0" not in out, out
    assert json.loads(out), out
    code, out, err = run("subjects", "list", "--config", str(path), "--json", "--subject", "صوت")
    assert code != 0, out
    document = json.loads(out)
    assert "صوت" in document["error"] and "\\u0" not in out, out

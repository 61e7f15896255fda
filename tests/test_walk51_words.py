"""walk51: newsletters in other languages. The scorer read ASCII words only: Chinese, Japanese,
Arabic and Russian words counted nothing (keywords 宇航员 and 太空 in a title scored 0.000) and German
words were cut at umlauts and ß ("stra", "fahrg ste")."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import run_cli as run

ZH_SUBJECTS = [
    {
        "name": "中美关系",
        "description": "关于中国与美国之间外交、经贸合作与竞争的报道。",
        "keywords": ["中美", "外交", "美国"],
    },
    {
        "name": "医药卫生",
        "description": "药品供应、医疗保障与临床用药的新闻。",
        "keywords": ["药品", "医保", "医院"],
    },
    {
        "name": "科技与太空",
        "description": "人工智能、计算机与航天探索的最新进展。",
        "keywords": ["人工智能", "宇航员", "太空"],
    },
]
ZH_ITEMS = [
    (
        "中美合作共赢符合国际社会利益",
        "外国专家认为，中美两国在外交和经贸领域合作共赢。美国与中国应当加强对话。",
    ),
    (
        "短缺药品保供稳价 全力保障临床用药需求",
        "国家医保局要求医院保障短缺药品供应。药品价格保持稳定。",
    ),
    (
        "宇航员在太空中喝酒会怎么样？后果很严重",
        "宇航员在国际空间站生活。太空中的酒精会影响他们的身体。",
    ),
]


def feed_newsletter(
    tmp_path: Path,
    server,
    subjects: list,
    items: list,
    path: str,
    *,
    title: str = "周刊",
    feed_name: str = "中文新闻",
) -> Path:
    """A newsletter of `subjects` and one RSS feed on `server` at `path` whose items are (title,
    description), pages not read. Returns its feeds.yaml."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{server.url(f'{path}/{i}')}</link>"
        f"<description>{escape(d)}</description></item>"
        for i, (t, d) in enumerate(items)
    )
    url = server.add(
        f"{path}.xml", f'<rss version="2.0"><channel><title>Feed</title>{body}</channel></rss>'
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": title},
                "subjects": subjects,
                "feeds": [{"url": url, "name": feed_name}],
                "settings": {"fetch_pages": False, "allow_private_addresses": True},
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return config


def test_chinese_keywords_place_chinese_articles_and_explain_shows_them(
    tmp_path: Path, http_server
) -> None:
    config = feed_newsletter(tmp_path, http_server, ZH_SUBJECTS, ZH_ITEMS, "/zh")
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = run("subjects", "list", "--config", str(config))
    assert code == 0, err
    for subject, (title, _) in zip(ZH_SUBJECTS, ZH_ITEMS, strict=True):
        block = out.split(subject["name"] + " (", 1)[1].split("\n\n", 1)[0]
        assert title in block, out
    code, out, err = run("subjects", "explain", http_server.url("/zh/2"), "--config", str(config))
    assert code == 0, err
    row = next(line for line in out.splitlines() if line.strip().startswith("科技与太空 "))
    assert "太空" in row and "宇航" in row, out
    assert float(re.findall(r"\d\.\d{3}", row)[0]) > 0.1, out


def test_german_words_are_read_whole(tmp_path: Path, http_server) -> None:
    subjects = [
        {
            "name": "Verkehr",
            "description": "Bahn und Bus.",
            "keywords": ["Straßenbahn", "Fahrgäste"],
        },
        {"name": "Wetter", "description": "Regen und Sonne.", "keywords": ["Gewitter", "Hitze"]},
    ]
    items = [
        ("Neue Straßenbahn für Zürich", "Die Straßenbahn bringt mehr Fahrgäste in die Stadt."),
        ("Gewitter am Abend", "Nach der Hitze kommt ein starkes Gewitter."),
    ]
    config = feed_newsletter(tmp_path, http_server, subjects, items, "/de")
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = run("subjects", "explain", http_server.url("/de/0"), "--config", str(config))
    assert code == 0, err
    row = next(line for line in out.splitlines() if line.strip().startswith("Verkehr "))
    assert "straßenbahn" in row and "fahrgäste" in row, out
    assert "stra " not in out and "fahrg " not in out, out


def test_a_keyword_that_gives_no_word_is_named(tmp_path: Path, http_server) -> None:
    # (a number of 3 digits or more is a word since exp14: "2024" gives one, "42" none)
    subjects = [dict(ZH_SUBJECTS[0], keywords=["中美", "the", "42"]), ZH_SUBJECTS[2]]
    config = feed_newsletter(tmp_path, http_server, subjects, ZH_ITEMS, "/kw")
    code, out, err = run("fetch", "--config", str(config))
    assert code == 0, err
    said = " ".join((out + err).split())
    assert "`中美关系`" in said and "`the`, `42`" in said, said
    assert "宇航员" not in said, said  # (a keyword in Chinese gives words)


STAMPS = [
    ("出售生肖邮票一套", "全新生肖邮票，品相完好，欢迎收藏邮票的朋友联系。"),
    ("收购老邮票", "长期收购各年代邮票，邮票价格面议。"),
    ("邮票年册转让", "二零一三年邮票年册一本，邮票齐全。"),
    ("纪念邮票小版张", "纪念邮票小版张三枚，适合邮票收藏。"),
    ("邮票拍卖会下周举行", "珍稀邮票将在拍卖会上亮相，邮票爱好者关注。"),
    ("如何鉴别邮票真伪", "鉴别邮票要看齿孔和纸张，邮票收藏需谨慎。"),
]
FOOTBALL = [
    ("足球联赛第十轮战报", "主队在足球联赛中二比一获胜，球迷欢呼。"),
    ("足球明星转会", "这位足球明星将转会欧洲俱乐部，球迷期待。"),
    ("青少年足球训练营开营", "足球训练营今天开营，球迷和家长到场。"),
    ("足球比赛门票开售", "本周足球比赛门票开售，球迷排队购买。"),
    ("足球教练下课", "球队连败后足球教练下课，球迷不满。"),
    ("女子足球队夺冠", "女子足球队在决赛中夺冠，球迷庆祝。"),
]


def test_suggest_names_a_chinese_newsletter_by_its_words(tmp_path: Path, http_server) -> None:
    """walk51 #2: suggest proposed "Daniel, dave and state" (keywords daniel, suny, york) from
    the few Latin words of Chinese posts; then single characters ("本", "册")."""
    config = feed_newsletter(tmp_path, http_server, ZH_SUBJECTS, STAMPS + FOOTBALL, "/sg")
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = run("subjects", "suggest", "--config", str(config))
    assert code == 0, err
    proposed = yaml.safe_load("\n".join(x for x in out.splitlines() if not x.startswith("#")))
    keywords = {k for s in proposed for k in s["keywords"]}
    assert {"邮票", "足球"} <= keywords, out
    assert all(len(k) > 1 for k in keywords), out


STORY = (
    "国家航天局今天宣布，新一代载人飞船将于明年春季发射，三名宇航员将在空间站驻留六个月。"
    "这次任务将开展多项科学实验，包括在太空中种植蔬菜和观测地球气候变化。"
    "专家表示，这标志着我国载人航天工程进入新的阶段。"
)


def test_a_chinese_story_carried_twice_is_featured_once(tmp_path: Path, http_server) -> None:
    """A Chinese title or sentence was one "word" to the same-story check: a copy under a title
    one character apart, its text lightly edited, was featured twice."""
    copy = STORY.replace("今天宣布", "周一宣布").replace("专家表示", "有专家表示")
    items = [
        ("新一代载人飞船明年发射 宇航员将驻留太空六个月", STORY),
        ("新一代载人飞船明年春季发射 宇航员将驻留太空六个月", copy),
    ]
    config = feed_newsletter(tmp_path, http_server, ZH_SUBJECTS, items, "/story")
    code, out, err = run("build", "--config", str(config))
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    featured = [a["title"] for s in issue["sections"] for a in s["articles"]]
    assert len(featured) == 1, featured

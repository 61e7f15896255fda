"""walk116 (fixdr): the introduction's headings in reading order, none skipped, and the advice
publishing what it says; reference-style and linked images of the introduction as their
description, said; an editor's old copies of the templates writing ": " or an <h1> of their own
named with their lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

from test_walk110 import NEW_JA_WORDS, newsletter

from conftest import REPO, LocalServer
from conftest import run_cli as run

INTRO = """# Welcome

We saw ![chart][c] and ![logo] today.

## Mid

#### Small print

### Sub

###### Tiny

[![our logo](https://example.com/logo.png)](https://example.com/)

[c]: https://example.com/chart.png
[logo]: https://example.com/l.png
"""

#: A warning's heading advice: (what was written, what to write).
ADVICE = re.compile(r'the heading "(#+ [^"]+)" is published as .*? write "(#+ [^"]+)" in')


def _levels(page: str, start: str) -> list[int]:
    """The levels of the headings of the introduction of an HTML edition."""
    intro = re.split(r"</section>|</td>", page.split(start, 1)[1])[0]
    return [int(level) for level in re.findall(r"<h([1-6])\b", intro)]


def test_intro_headings_in_reading_order_and_reference_images(
    tmp_path: Path, http_server: LocalServer, seeds: Path
) -> None:
    """walk116 #2: `#`, `##`, `####`, `###`, `######` were published h2, h3, h5, h4, h6 (levels
    renumbered as a set, so h3 -> h5 still skipped), and the advice wrote the skip; in reading
    order each heading is now at most one level deeper than the one before, and following the
    advice publishes the same with no warning. walk116 #3: `![chart][c]` (with `[c]: ...`) and
    `![logo]` lost their words in the HTML editions ("and  today."), kept the image in the .md
    and JSON, and were not said; a linked image's advice put a link in a link."""
    intro = tmp_path / "intro.md"
    intro.write_text(INTRO, encoding="utf-8")
    config = newsletter(tmp_path, http_server, seeds, "  introduction_file: intro.md\n")
    # Two articles an issue: two wait for the second issue, to follow the advice in.
    yaml = config.read_text(encoding="utf-8")
    config.write_text(yaml.replace("issue_size: 4", "issue_size: 2"), encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    advice = dict(ADVICE.findall(said))
    assert advice == {
        "# Welcome": "## Welcome",
        "## Mid": "### Mid",
        "### Sub": "#### Sub",
        "###### Tiny": "##### Tiny",
    }, said
    assert f"{intro}:3: the introduction (or closing line) holds the image ![chart][c]" in said
    assert (
        'every edition shows its description, "chart", in its place; to link to the picture,'
        " write [chart](https://example.com/chart.png) in"
    ) in said
    assert f"{intro}:3: the introduction (or closing line) holds the image ![logo]," in said
    linked = said.split("holds the image ![our logo](https://example.com/logo.png)", 1)[1]
    assert (
        'its description, "our logo", in its place, as the words of its link to'
        " https://example.com/; to link to the picture too, write ([the picture]"
        "(https://example.com/logo.png)) after that link"
    ) in linked.split(" curator:")[0]

    out = tmp_path / "output"
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.is_file()}
    assert _levels(pages["issue-1.html"], 'class="introduction"') == [2, 3, 4, 4, 5]
    assert _levels(pages["issue-1.email.html"], 'class="intro') == [2, 3, 4, 4, 5]
    assert _levels(pages["issue-1.fragment.html"], 'class="introduction"') == [3, 4, 5, 5, 6]
    for name in ("issue-1.html", "issue-1.email.html", "issue-1.fragment.html"):
        assert re.search(r">We saw chart and logo today\.</p>", pages[name]), name
        assert '<a href="https://example.com/"' in pages[name], name
        assert ">our logo</a>" in pages[name], name
    for name in ("issue-1.md", "issue-1.json", "issue-1.txt", "issue-1.html"):
        assert "We saw chart and logo today." in pages[name], name
        assert "![" not in pages[name] and "logo.png" not in pages[name], name
    # (a definition, `[c]: https://...`, shows nothing: left as written)
    assert "chart.png" not in pages["issue-1.html"] and "chart.png" not in pages["issue-1.txt"]
    md = pages["issue-1.md"]
    for line in ("## Welcome", "### Mid", "#### Small print", "#### Sub", "##### Tiny"):
        assert f"\n{line}\n" in md, line

    # The advice followed: the same headings, and no word of them.
    text = intro.read_text(encoding="utf-8")
    for written, meant in advice.items():
        text = text.replace(f"{written}\n", f"{meant}\n")
    intro.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "-q", "--no-fetch")
    assert code == 0, err
    said = " ".join(err.split())
    assert "the heading" not in said and "holds the image ![chart][c]" in said, said
    page = (out / "issue-2.html").read_text(encoding="utf-8")
    assert _levels(page, 'class="introduction"') == [2, 3, 4, 4, 5]


def _old(template: str) -> str:
    """curator's template as an editor copied it before `colon` was a word of `_words.txt` and
    the fragment's headings started at <h2>."""
    text = (REPO / "templates" / template).read_text(encoding="utf-8")
    text = text.replace("{{ words.colon }}", ": ").replace("words.colon ~", '": " ~')
    text = text.replace("<h{{ top }}>{{ title }}</h{{ top }}>", "<h1>{{ title }}</h1>")
    return text.replace("{% set top = 2 %}\n", "")


def test_old_copies_writing_a_colon_or_an_h1_are_named_with_their_lines(
    tmp_path: Path, http_server: LocalServer, seeds: Path
) -> None:
    """walk116 #1: after every warning was followed (`colon` in `_words.txt`), a Japanese
    newsletter's old copies of the templates still published "第1号: Customer experience", and
    nothing named them; walk116 #9: an old `_issue_body.html` or `fragment.html` gave the
    fragment its own <h1>. Each line is named, with what to write; with curator's templates
    again, nothing is said and the editor's colon is published."""
    mine = tmp_path / "my-templates"
    mine.mkdir()
    (mine / "_words.txt").write_text(NEW_JA_WORDS, encoding="utf-8")
    names = [
        "_issue_body.html",
        "email.html",
        "feed.xml",
        "fragment.html",
        "index.html",
        "issue.html",
        "issue.md",
        "issue.txt",
    ]
    for name in names:
        (mine / name).write_text(_old(name), encoding="utf-8")
    config = newsletter(
        tmp_path, http_server, seeds, "  language: ja\n", "  templates: my-templates\n"
    )
    code, _, err = run("build", "--config", str(config), "-q", "-s", "Customer experience")
    assert code == 0, err
    said = " ".join(err.split())
    out = tmp_path / "output"
    assert "第1号: Customer experience" in (out / "issue-1.txt").read_text(encoding="utf-8")
    assert 'write ": " themselves (copied before `colon` was a word of _words.txt)' in said
    lines = re.findall(r"my-templates/([\w.]+:\d+) \(write `", said)
    files = [line.split(":")[0] for line in lines]
    for name in names:
        if name == "fragment.html":
            continue
        # (index.html names an issue with its page and, with none written, without: two lines)
        twice = ("email.html", "issue.txt", "index.html")
        assert files.count(name) == (2 if name in twice else 1), (
            name,
            lines,
        )
    assert '(write `words.colon ~` in place of `": " ~`)' in said
    body = (mine / "_issue_body.html").read_text(encoding="utf-8").split("\n")
    h1 = next(n for n, line in enumerate(body, 1) if "<h1>{{ title }}" in line)
    assert f"{mine / '_issue_body.html'}:{h1} writes <h1> itself" in said
    assert (
        f"{mine / 'fragment.html'} (made before it set `top`) publishes the issue's title as an"
        " <h1> under the blog post's own: write `{% set top = 2 %}`"
    ) in said
    assert "<h1>" in (out / "issue-1.fragment.html").read_text(encoding="utf-8")

    # Each named line written as curator's templates write it: nothing is said.
    for name in names:
        (mine / name).write_text(
            (REPO / "templates" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    code, _, err = run("render", "1", "--config", str(config))
    assert code == 0, err
    assert "themselves" not in err and "<h1>" not in err, err
    assert "第1号：Customer experience" in (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "<h1" not in (out / "issue-1.fragment.html").read_text(encoding="utf-8")


REST = (
    " said customer experience and customer service would be rebuilt around the customer journey,"
    " with CSAT measured at every touchpoint of the trip. The airline will publish NPS each"
    " quarter and share the voice of the customer with every team, the company said."
)
THAI = (
    "สายการบินแห่งชาติประกาศปรับปรุงประสบการณ์ลูกค้าและการบริการลูกค้าทั้งหมด"
    " โดยจะวัดความพึงพอใจของลูกค้าในทุกจุดสัมผัส และเผยแพร่ผลทุกไตรมาส"
    " ผู้บริหารกล่าวว่าเสียงของลูกค้าจะถูกส่งต่อไปยังทุกทีม"
)


def _page(title: str, lead: str, lang: str) -> str:
    """A page as walk116's gen5.py made them: its <h1> the title, then the lead."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="author" content="Jane Doe"></head><body><article>'
        f"<h1>{title}</h1><p>{lead}</p></article></body></html>"
    )


def test_thai_wire_datelines_and_headlines_open_no_blurb(http_server: LocalServer) -> None:
    """walk116 #4: "กรุงเทพฯ, 3 ธ.ค. (รอยเตอร์) - " (place, day month, agency, dash: an English
    story with a Thai wire dateline) and "กรุงเทพฯ 5 ธ.ค. 2569 - " stayed in the blurb, as
    "BANGKOK, Dec 3 (Reuters) - " does not; and a Thai page's blurb opened with its <h1>
    headline (a Thai headline is as long as a paragraph of phrases; an English one is no
    sentence). A date a sentence's words open ("เมื่อ 3 ธ.ค. - ") stays."""
    pages = {
        "en": (
            "Airline one rebuilds customer service",
            f"BANGKOK, Dec 3 (Reuters) - The carrier{REST}",
            "en",
        ),
        "wire": (
            "Airline two rebuilds customer experience",
            f"กรุงเทพฯ, 3 ธ.ค. (รอยเตอร์) - The second carrier{REST}",
            "en",
        ),
        "headline": (
            "สายการบินปรับปรุงประสบการณ์ลูกค้า",
            f"21 ม.ค.2561 เวลาประมาณ 12.00 น. {THAI}",
            "th",
        ),
        "year": ("ประสบการณ์ลูกค้าของธนาคาร", f"กรุงเทพฯ 5 ธ.ค. 2569 - {THAI}", "th"),
        "words": ("ประสบการณ์ลูกค้าของธนาคาร", f"เมื่อ 5 ธ.ค. 2569 - {THAI}", "th"),
    }
    urls = " ".join(
        http_server.add(f"/{name}.html", _page(*page), content_type="text/html; charset=utf-8")
        for name, page in pages.items()
    ).split()
    code, out, err = run("extract", "--json", "--allow-private", *urls)
    assert code == 0, err
    blurbs = dict(zip(pages, (json.loads(line)["blurb"] for line in out.splitlines()), strict=True))
    assert blurbs["en"].startswith("The carrier said"), blurbs["en"]
    assert blurbs["wire"].startswith("The second carrier said"), blurbs["wire"]
    assert blurbs["headline"].startswith("สายการบินแห่งชาติประกาศ"), blurbs["headline"]
    assert blurbs["year"].startswith("สายการบินแห่งชาติประกาศ"), blurbs["year"]
    assert blurbs["words"].startswith("เมื่อ 5 ธ.ค. 2569"), blurbs["words"]

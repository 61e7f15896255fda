"""Every output format, rendered from a real Issue with curator's real templates, read back as a reader
(a browser's parser, a YAML parser, feedparser, a Markdown renderer) would read it."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from conftest import run_cli
from curator.editions import OUTPUTS, add_utm, md_intro
from curator.issuedata import issue_from_data
from curator.models import Article, Issue, Scored, Section
from curator.outputs import load_archive, publish_outputs, render_outputs
from curator.render import environment
from curator.templateerrors import OutputError
from curator.views import (
    EntryView,
    SectionView,
)

SITE = "https://news.example.org/cx/"


def art(n: int, title: str, authors: tuple[str, ...], publication: str, blurb: str, url: str):
    return Article(
        id=n, url=url, title=title, authors=authors, publication=publication, blurb=blurb
    )


def make_issue(number: int = 1, day: int = 25) -> Issue:
    """An issue shaped like the model issue: an introduction, then articles grouped by subject."""
    basics = Section(
        "The basics of customer experience",
        "What customer experience is.",
        (
            Scored(
                art(
                    1,
                    "Service and Experience Are Not the Same Thing",
                    ("Bruna Jonas",),
                    "Harvard Business Review",
                    "The two terms are often used as if they meant the same. This piece draws the "
                    "line between them and gives three tips for improving the experience.",
                    "https://hbr.example.com/2016/service-vs-experience",
                ),
                3.2,
                ("customer experience",),
                (("CX Today", "https://cxtoday.example.com/same-story"),),
            ),
            Scored(
                art(
                    2,
                    "Seven Steps to an Experience Architecture",
                    ("Denise Lee", "Omar Haddad"),
                    "Harvard Business Review",
                    "Customer experience is not owned by marketing or support alone. The authors "
                    "define the concept and list the steps to a unified approach.",
                    "https://hbr.example.com/2015/seven-steps?ref=home",
                ),
                2.7,
            ),
            Scored(
                art(
                    3,
                    "Delight or Effortless?",
                    (),
                    "Talkdesk blog",
                    "Two schools of thought argue about loyalty. This post compares them with real "
                    "examples.",
                    "https://blog.example.com/delight-or-effortless",
                ),
                2.1,
            ),
        ),
    )
    metrics = Section(
        "Measuring the experience",
        "",
        (
            Scored(
                art(
                    4,
                    "The Four Customer Experience Metrics That Matter",
                    ("Duff Anders",),
                    "iPerceptions",
                    "Without data the goal stays vague. The article lists ways to benchmark, set "
                    "goals and track improvement.",
                    "https://iperceptions.example.com/metrics",
                ),
                1.9,
            ),
        ),
    )
    return Issue(
        number=number,
        date=datetime(2026, 11, day, 7, 30, tzinfo=UTC),
        title="Customer Experience Weekly",
        editor="Maya Horowitz",
        introduction="Welcome to the *first* installment.\n\nThis week: [the basics](https://example.com/about).",
        sections=(basics, metrics),
    )


@pytest.fixture()
def env():
    return environment()


@pytest.fixture()
def published(tmp_path: Path, env) -> dict[str, str]:
    issue = make_issue()
    paths = publish_outputs(
        issue, env=env, out_dir=tmp_path, site_url=SITE, archive=(), formats=OUTPUTS, utm=None
    )
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def test_one_build_writes_every_format(published):
    assert sorted(published) == sorted(
        [
            "issue-1.html",
            "issue-1.fragment.html",
            "issue-1.md",
            "issue-1.email.html",
            "issue-1.txt",
            "issue-1.json",
            "latest.html",
            "index.html",
            "feed.xml",
        ]
    )
    assert published["latest.html"] == published["issue-1.html"]


def test_standalone_page_has_every_article_and_no_external_asset(published):
    soup = BeautifulSoup(published["issue-1.html"], "html.parser")
    assert soup.h1.get_text() == "Customer Experience Weekly"
    assert [h.get_text() for h in soup.find_all("h2")] == [
        "The basics of customer experience",
        "Measuring the experience",
    ]
    links = {a.get_text(): a["href"] for a in soup.select("h3 a")}
    assert links["Seven Steps to an Experience Architecture"] == (
        "https://hbr.example.com/2015/seven-steps?ref=home"
    )
    assert len(links) == 4
    credits = [p.get_text() for p in soup.select(".credit")]
    assert credits[0] == "Bruna Jonas || Harvard Business Review"
    assert credits[1] == "Denise Lee and Omar Haddad || Harvard Business Review"
    assert credits[2] == "Talkdesk blog"
    assert soup.find("meta", attrs={"name": "viewport"}) is not None
    # Nothing to load from elsewhere: no src at all, stylesheets inline, only article links go out.
    assert soup.find_all(src=True) == []
    assert soup.find_all("link", rel="stylesheet") == []
    outside = {
        el.get("href")
        for el in soup.find_all(href=True)
        if el.name != "link" and el["href"].startswith(("http:", "https:"))
    }
    articles = set(links.values()) | {
        "https://cxtoday.example.com/same-story",
        "https://example.com/about",
    }
    assert outside == articles


def test_fragment_is_the_body_alone(published):
    fragment = published["issue-1.fragment.html"]
    soup = BeautifulSoup(fragment, "html.parser")
    assert soup.find_all(["html", "head", "body", "style", "link"]) == []
    assert soup.find("article")["class"] == ["curator-issue"]
    # Under the blog post's own <h1> (walk110 #9): the title an <h2>, the articles <h4>.
    assert soup.find("h1") is None and soup.find("h2").get_text() == "Customer Experience Weekly"
    assert len(soup.select("h4 a")) == 4
    assert "installment" in soup.select_one(".introduction").get_text()


def test_markdown_front_matter_is_yaml_for_hugo_and_jekyll(published):
    text = published["issue-1.md"]
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    assert meta["title"] == "Customer Experience Weekly · Issue 1"
    assert meta["slug"] == "issue-1"
    assert meta["tags"] == ["The basics of customer experience", "Measuring the experience"]
    assert datetime.fromisoformat(meta["date"]) == datetime(2026, 11, 25, 7, 30, tzinfo=UTC)
    assert meta["author"] == "Maya Horowitz"
    html = MarkdownIt("commonmark").render(body)
    soup = BeautifulSoup(html, "html.parser")
    assert [h.get_text() for h in soup.find_all("h2")] == meta["tags"]
    links = {a.get_text(): a["href"] for a in soup.select("h3 a")}
    assert links["Delight or Effortless?"] == "https://blog.example.com/delight-or-effortless"
    credits = [em.get_text() for em in soup.select("h3 + p > em")]
    assert credits[:2] == [
        "Bruna Jonas || Harvard Business Review",
        "Denise Lee and Omar Haddad || Harvard Business Review",
    ]


def test_email_has_every_style_inlined(published):
    email = published["issue-1.email.html"]
    soup = BeautifulSoup(email, "html.parser")
    assert soup.find_all("style") == []
    assert soup.find_all("script") == []
    assert soup.find_all("link") == []
    classed = soup.find_all(class_=True)
    assert len(classed) > 10
    missing = [el.name + "." + ".".join(el["class"]) for el in classed if not el.get("style")]
    assert missing == []
    container = soup.select_one("table.container")
    assert "max-width: 600px" in container["style"]
    assert container["width"] == "600"
    assert soup.select("td.entry h3 a")[0]["style"].startswith("color:")
    assert len(soup.select("td.entry")) == 4


def test_text_follows_the_seed_shape(published):
    lines = published["issue-1.txt"].splitlines()
    assert lines[0] == "Customer Experience Weekly"
    i = lines.index("Service and Experience Are Not the Same Thing")
    assert lines[i + 1 : i + 5] == [
        "",
        "Bruna Jonas || Harvard Business Review",
        "The two terms are often used as if they meant the same. This piece draws the line "
        "between them and gives three tips for improving the experience.",
        "https://hbr.example.com/2016/service-vs-experience",
    ]
    assert lines.index("The basics of customer experience") < i
    assert lines.index("Measuring the experience") > i
    text = published["issue-1.txt"]
    # No markup: the introduction's Markdown is text, its link "text <address>" (walk75 #6).
    assert "Welcome to the first installment." in lines
    assert "This week: the basics <https://example.com/about>." in lines
    assert "<" not in text.replace("<https://cxtoday", "").replace(
        "<https://example.com/about>", ""
    )


def test_json_is_the_issue_as_data(published):
    data = json.loads(published["issue-1.json"])
    assert data["number"] == 1
    assert [s["subject"] for s in data["sections"]] == [
        "The basics of customer experience",
        "Measuring the experience",
    ]
    first = data["sections"][0]["articles"][1]
    assert first["authors"] == ["Denise Lee", "Omar Haddad"]
    assert first["url"] == "https://hbr.example.com/2015/seven-steps?ref=home"
    back = issue_from_data(data)
    original = make_issue()
    assert back.title == original.title and back.date == original.date
    assert [(a.title, a.url, a.authors, a.blurb) for a in back.articles] == [
        (a.title, a.url, a.authors, a.blurb) for a in original.articles
    ]


def test_feed_and_archive_after_two_issues(tmp_path, env):
    publish_outputs(
        make_issue(1, 18),
        env=env,
        out_dir=tmp_path,
        site_url=SITE,
        archive=(),
        formats=OUTPUTS,
        utm=None,
    )
    archive, warnings = load_archive(tmp_path, env, site_url=SITE)
    assert warnings == () and [a.number for a in archive] == [1]
    second = make_issue(2, 25)
    publish_outputs(
        second, env=env, out_dir=tmp_path, site_url=SITE, archive=archive, formats=OUTPUTS, utm=None
    )
    feed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert feed.bozo is False, feed.get("bozo_exception")
    assert feed.feed.title == "Customer Experience Weekly"
    assert [e.title for e in feed.entries] == [
        "Customer Experience Weekly · Issue 2",
        "Customer Experience Weekly · Issue 1",
    ]
    assert feed.entries[0].link == "https://news.example.org/cx/issue-2.html"
    assert feed.entries[0].id != feed.entries[1].id
    content = BeautifulSoup(feed.entries[0].content[0].value, "html.parser")
    assert len(content.select("h4 a")) == 4  # the fragment's
    index = BeautifulSoup((tmp_path / "index.html").read_text(), "html.parser")
    items = index.select("ol.archive li")
    # With site_url, absolute, as README says (walk63 #4)
    assert [li.a["href"] for li in items] == [f"{SITE}issue-2.html", f"{SITE}issue-1.html"]
    assert "Measuring the experience" in items[0].get_text()


def test_feed_without_a_site_url_still_parses(tmp_path, env):
    issue = make_issue()
    files = render_outputs(issue, env=env, formats=("feed",))
    feed = feedparser.parse(files["feed.xml"].encode())
    assert feed.bozo is False and len(feed.entries) == 1
    assert feed.entries[0].id.startswith("urn:uuid:")


def test_only_the_chosen_outputs_are_written(tmp_path, env):
    paths = publish_outputs(make_issue(), env=env, out_dir=tmp_path, formats=("markdown", "text"))
    assert sorted(p.name for p in paths) == ["issue-1.md", "issue-1.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["issue-1.md", "issue-1.txt"]
    with pytest.raises(OutputError, match="unknown output pdf; choose from html"):
        render_outputs(make_issue(), env=env, formats=("html", "pdf"))


def test_utm_parameters_go_on_article_links_in_every_format(tmp_path, env):
    utm = {"utm_source": "cxweekly", "utm_medium": "email", "utm_campaign": "issue-{number}"}
    files = render_outputs(make_issue(7), env=env, site_url=SITE, utm=utm)
    tagged = "https://blog.example.com/delight-or-effortless?utm_source=cxweekly&utm_medium=email&utm_campaign=issue-7"
    for name in ("issue-7.html", "issue-7.fragment.html", "issue-7.email.html"):
        soup = BeautifulSoup(files[name], "html.parser")
        hrefs = [a["href"] for a in soup.select("h4 a" if "fragment" in name else "h3 a")]
        assert tagged in hrefs, name
    assert f"({tagged})" in files["issue-7.md"]
    assert tagged in files["issue-7.txt"].splitlines()
    # The data keeps the article's own URL; site links are not tagged.
    assert "utm_" not in files["issue-7.json"]
    assert add_utm("mailto:ed@example.com", utm, number=1) == "mailto:ed@example.com"
    assert add_utm("https://a.example/x?utm_source=old&q=1", utm, number=2) == (
        "https://a.example/x?q=1&utm_source=cxweekly&utm_medium=email&utm_campaign=issue-2"
    )


def test_an_editors_template_overrides_ours(tmp_path):
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "issue.txt").write_text("{{ title }} #{{ number }}: {{ article_count }} articles\n")
    files = render_outputs(make_issue(), env=environment(mine), formats=("text", "html"))
    assert files["issue-1.txt"] == "Customer Experience Weekly #1: 4 articles\n"
    assert "<h1>Customer Experience Weekly</h1>" in files["issue-1.html"]


def test_a_broken_archive_record_is_left_out_with_a_warning(tmp_path, env):
    publish_outputs(make_issue(1), env=env, out_dir=tmp_path, formats=("json",))
    (tmp_path / "issue-2.json").write_text('{"number": 2, "title": ')
    (tmp_path / "issue-3.json").write_text("[1, 2]")
    archive, warnings = load_archive(tmp_path, env)
    assert [a.number for a in archive] == [1]
    assert len(warnings) == 2 and all("left out of the archive" in w for w in warnings)


# -- hostile input -------------------------------------------------------------------------------

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


def hostile_issue(payloads: list[str]) -> Issue:
    entries = tuple(
        Scored(
            Article(
                id=i,
                url=p if i % 2 else "javascript:alert(1)",
                title=p,
                authors=(p,),
                publication=p,
                blurb=p,
            ),
            1.0,
            (),
            ((p, p),),
        )
        for i, p in enumerate(payloads)
    )
    return Issue(
        number=1,
        date=datetime(2026, 11, 25, tzinfo=UTC),
        title="Weekly <script>alert('t')</script>\x0b",
        editor="<img src=x onerror=alert(1)>",
        introduction="\n\n".join(payloads[:200])
        + "\n\n[x](javascript:alert(1)) <script>alert(2)</script>",
        sections=(Section("<b onmouseover=alert(1)>Subject</b>", "", entries),),
    )


def assert_inert(html: str, where: str, allowed_styles: int = 0) -> None:
    """No element or attribute that could run code or load anything, in HTML a browser would parse."""
    soup = BeautifulSoup(html, "html.parser")
    bad = soup.find_all(
        [
            "script",
            "iframe",
            "object",
            "embed",
            "img",
            "svg",
            "form",
            "input",
            "base",
            "meta",
            "link",
            "frame",
            "video",
            "audio",
        ]
    )
    bad = [t for t in bad if not (t.name in {"meta", "link"} and t.find_parent("head"))]
    assert bad == [], f"{where}: {bad[:3]}"
    assert len(soup.find_all("style")) == allowed_styles, where
    for el in soup.find_all(True):
        if el.name == "link" and el.get("rel") == ["icon"] and el.get("href") == "data:,":
            continue  # curator's own empty favicon
        for name, value in el.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: {el.name} {name}"
            if name in {"href", "src", "action", "formaction"}:
                value = "".join(ch for ch in value if ord(ch) > 32).lower()
                assert not value.startswith(DANGEROUS_SCHEMES), f"{where}: {value}"


def test_script_titles_and_javascript_links_are_inert_in_every_format(env):
    payloads = [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(document.cookie)",
        "[click](javascript:alert(1))",
        "</title><script>alert(1)</script>",
        "]]><x>",
    ]
    files = render_outputs(hostile_issue(payloads), env=env, site_url=SITE)
    check_hostile_outputs(files)
    # the text edition is pasted where Markdown or HTML is rendered: no tag, a styling tag's
    # words alone, a script with its code (walk173 #9: "alert(1)" was kept as text)
    assert "<script" not in files["issue-1.txt"] and "alert(1)" not in files["issue-1.txt"]
    assert "javascript:alert(1)\n" not in files["issue-1.txt"]


def test_the_xss_corpus_is_inert_in_every_format(corpus, env):
    folder = corpus / "xss"
    payloads = sorted(
        {
            line.rstrip("\r")
            for f in folder.glob("payloads*.txt")
            for line in f.read_text(encoding="utf-8", errors="replace").split("\n")
            if line.strip()
        }
    )
    assert len(payloads) > 600
    files = render_outputs(hostile_issue(payloads), env=env, site_url=SITE)
    check_hostile_outputs(files)


def check_hostile_outputs(files: dict[str, str]) -> None:
    assert_inert(files["issue-1.html"], "html", allowed_styles=1)
    assert_inert(files["issue-1.fragment.html"], "fragment")
    assert_inert(files["issue-1.email.html"], "email")
    assert_inert(files["index.html"], "index", allowed_styles=1)
    # Markdown: rendered the way Jekyll's kramdown would, raw HTML passed through.
    front, body = files["issue-1.md"][4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    # (front matter is printed into pages, by some themes unescaped: its markup is entities)
    assert meta["title"].startswith("Weekly &lt;script&gt;")
    assert_inert(" ".join(str(v) for v in meta.values()), "front matter")
    assert_inert(MarkdownIt("commonmark", {"html": True}).render(body), "markdown")
    # The feed: well-formed XML, and its HTML content is inert once unescaped.
    feed = feedparser.parse(files["feed.xml"].encode())
    assert feed.bozo is False, feed.get("bozo_exception")
    raw = re.search(r'<content type="html">(.*)</content>', files["feed.xml"], re.S)
    assert raw is not None
    assert_inert(BeautifulSoup(raw.group(1), "html.parser").get_text(), "feed content")
    data = json.loads(files["issue-1.json"])
    urls = [a["url"] for a in data["sections"][0]["articles"]]
    assert None in urls
    assert not any(u and u.lower().startswith(DANGEROUS_SCHEMES) for u in urls)


def test_a_broken_override_names_the_template_and_line(tmp_path):
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "issue.txt").write_text("{{ title }}\n{% for x in sections %}\n{{ x.subject }\n")
    with pytest.raises(OutputError, match=r"issue\.txt:3: "):
        render_outputs(make_issue(), env=environment(mine), formats=("text",))
    (mine / "issue.txt").write_text("{{ no_such_variable }}\n")
    # Issue 12.9: a mistake at render time names the file and line too (it named the file alone).
    with pytest.raises(
        OutputError, match=rf"template {mine / 'issue.txt'}:1: 'no_such_variable' is undefined$"
    ):
        render_outputs(make_issue(), env=environment(mine), formats=("text",))


def test_every_template_variable_and_filter_is_documented(env):
    from curator.editions import archive_context, install_filters, output_context

    doc = (Path(__file__).resolve().parents[1] / "docs" / "templates.md").read_text()
    issue = make_issue()
    names = set(output_context(issue)) | set(archive_context("t", None, (), site_url=None))
    names |= {f.name for f in fields(EntryView)} | {f.name for f in fields(SectionView)}
    names |= {"md_text", "md_url", "md_intro", "yaml", "safe_url"}
    install_filters(env)
    assert {"md_text", "md_url", "md_intro", "yaml", "safe_url"} <= set(env.filters)
    missing = sorted(n for n in names if f"`{n}`" not in doc)
    assert missing == []
    for template in Path(env.loader.loaders[0].searchpath[0]).iterdir():
        assert f"`{template.name}`" in doc, template.name


def test_an_email_override_with_a_stylesheet_link_and_script_is_still_email_safe(tmp_path):
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "email.html").write_text(
        '<html><head><link rel="stylesheet" href="http://cdn.example.net/a.css">'
        "<style>.t { color: #123456; }</style><script>track()</script></head>"
        '<body><h1 class="t">{{ title }}</h1><script src="http://cdn.example.net/x.js"></script>'
        "</body></html>"
    )
    email = render_outputs(make_issue(), env=environment(mine), formats=("email",))[
        "issue-1.email.html"
    ]
    soup = BeautifulSoup(email, "html.parser")
    assert soup.find_all(["link", "style", "script"]) == []
    assert soup.h1["style"] == "color: #123456;"
    assert "cdn.example.net" not in email


def test_pages_link_only_the_archive_files_the_build_writes(demo: Path) -> None:
    """`settings: outputs:` without `feed` (or `index`): no page links a file that is not there."""
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("settings:\n", "settings:\n  outputs: [html, text, index]\n"), encoding="utf-8"
    )
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    out = demo.parent / "output"
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html",
        "issue-1.html",
        "issue-1.txt",
        "latest.html",
    ]
    for name in ("index.html", "issue-1.html", "latest.html"):
        page = (out / name).read_text(encoding="utf-8")
        soup = BeautifulSoup(page, "html.parser")
        assert "feed.xml" not in page and "Atom feed" not in soup.get_text(), name
        assert soup.find("link", rel="alternate") is None, name
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.find(class_="issue-meta").get_text(strip=True) == "Every issue, newest first"
    issue = BeautifulSoup((out / "issue-1.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in issue.select("nav.site-nav a")] == ["index.html"]

    # Without the archive page either, the issue page does not link it.
    demo.write_text(
        text.replace("settings:\n", "settings:\n  outputs: [html, feed]\n"), encoding="utf-8"
    )
    code, _, err = run_cli("render", "--config", str(demo), "-q", "1")
    assert code == 0, err
    issue = BeautifulSoup((out / "issue-1.html").read_text(encoding="utf-8"), "html.parser")
    assert issue.select("nav.site-nav") == []
    alternate = issue.find("link", rel="alternate")
    assert alternate["href"] == "https://blog.example.com/cx-weekly/feed.xml"
    assert (out / "feed.xml").is_file()


def test_the_markdown_edition_shows_an_unsafe_introduction_link_as_its_text(demo: Path) -> None:
    # The editor's introduction (intro.md of the demo) with unsafe links beside safe ones: in the
    # Markdown file an unsafe link is its text alone, a safe one stays a link, and no
    # javascript:/file:/data: address is written at all.
    intro = demo.parent / "intro.md"
    intro.write_text(
        intro.read_text(encoding="utf-8")
        + "\nPlease [see](javascript:alert(3)), read the [file](file:///etc/passwd),"
        " look at ![a chart](data:text/html;base64,PHNjcmlwdD4=) or the"
        " [archive](https://example.com/archive/(2026)).\n",
        encoding="utf-8",
    )

    code, _, err = run_cli("build", "--config", str(demo), "--quiet")

    assert code == 0, err
    markdown = (demo.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert (
        "Please see, read the file, look at a chart or the"
        " [archive](https://example.com/archive/(2026))." in markdown
    )
    for scheme in ("javascript:", "file:", "data:"):
        assert scheme not in markdown.lower()
    # A Markdown renderer agrees: the only link of that paragraph is the archive.
    html = MarkdownIt("commonmark").render(markdown)
    paragraph = next(
        p for p in BeautifulSoup(html, "html.parser").find_all("p") if "Please" in p.text
    )
    assert [a["href"] for a in paragraph.find_all("a")] == ["https://example.com/archive/(2026)"]


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("[x](javascript&colon;alert(1)) [y](javascript\\:alert(1))", "x y"),
        ('[a [b] c](<JavaScript:alert(1)> "t")', "a [b] c"),
        ("[![logo](javascript:x)](javascript:y)", "logo"),
        ('[r][bad]\n\n[bad]: javascript:alert(1) "t"\n\nEnd.', "r\n\n\n\nEnd."),
        ("[rel](/about) [top](#top) [mail](mailto:a@b.example)", None),
    ],
)
def test_md_intro_cuts_every_unsafe_link_the_renderer_would_make(written, published):
    assert md_intro(written) == (written if published is None else published)


def test_a_misnamed_template_is_named_with_the_name_it_probably_meant(demo: Path) -> None:
    """walk24 #4: `--templates tplmis` holding `issues.html` (for issue.html) rendered curator's
    own issue.html without a word."""
    mine = demo.parent / "tplmis"
    mine.mkdir()
    (mine / "issues.html").write_text("<h1>{{ title }} (mine)</h1>\n", encoding="utf-8")
    (mine / "issue.txt").write_text('{{ title }}\n{% include "_note.txt" %}\n', encoding="utf-8")
    (mine / "_note.txt").write_text("A note of my own.\n", encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 0, err
    flat = " ".join(err.split())
    assert (
        f"{mine / 'issues.html'}: curator uses no template of that name, so it ignores this file"
        " and renders with its own issue.html: did you mean issue.html? Rename the file to"
        " issue.html to use it" in flat
    )
    assert "_note.txt:" not in err and "issue.txt:" not in err  # used: named by no warning
    out = demo.parent / "output"
    assert "A note of my own." in (out / "issue-1.txt").read_text(encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(demo), "--templates", str(mine))
    assert code == 0, err
    assert "did you mean issue.html?" in err

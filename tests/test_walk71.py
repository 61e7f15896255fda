"""walk71: the warnings on copies of curator's templates made before `newsletter: language:` and
`_words.txt` say exactly what to write where, and following them literally silences them."""

from __future__ import annotations

import re
from pathlib import Path

from test_credit_formats import newsletter, page
from test_walk51 import _with_language

from conftest import LocalServer
from conftest import run_cli as run

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
NOT_MARKED = "do not say the page is in de"


def _own(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _german(tmp_path: Path, http_server: LocalServer) -> tuple[Path, Path]:
    """A German newsletter built from a local server, its templates folder `t` (empty)."""
    items = [(t, "", page(t)) for t in ("Refund Queues", "Chat Support Hours")]
    config = newsletter(tmp_path, http_server, items)
    _with_language(config, "de")
    text = config.read_text(encoding="utf-8").replace("settings:\n", "settings:\n  templates: t\n")
    config.write_text(text, encoding="utf-8")
    (tmp_path / "t").mkdir()
    return config, tmp_path / "t"


def test_the_lang_warning_names_the_tag_to_write_and_following_it_silences_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk71 #B: copies of _issue_body.html and feed.xml made before `newsletter: language:`
    were told to write lang="{{ lang }}" "where they say lang="en"", which they say nowhere (their
    <article> and <feed> tags have no lang at all). The warning names each copy's tag as curator's
    own template writes it; written so, the warning goes and the editions say the language."""
    config, folder = _german(tmp_path, http_server)
    body = _own("_issue_body.html")
    old_article = '<article class="curator-issue">'
    old_body = re.sub(r"<article [^>]*>", old_article, body, count=1)
    feed = _own("feed.xml")
    old_feed = feed.replace(' xml:lang="{{ lang }}"', "")
    assert old_body != body and old_feed != feed and "{{ lang }}" not in old_body + old_feed
    (folder / "_issue_body.html").write_text(old_body, encoding="utf-8")
    (folder / "feed.xml").write_text(old_feed, encoding="utf-8")

    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    said = " ".join(err.split())
    assert NOT_MARKED in said, err
    assert 'where they say lang="en"' not in said
    advice = dict(re.findall(r"in (\S+), its <[\w:]+ \.\.\.> tag as `([^`]+)`", said))
    assert set(advice) == {str(folder / "_issue_body.html"), str(folder / "feed.xml")}, said
    assert advice[str(folder / "feed.xml")] == (
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{ lang }}">'
    )

    # Followed literally: each copy's opening tag written as the warning says.
    for name, tag in (("_issue_body.html", "article"), ("feed.xml", "feed")):
        copy = folder / name
        text = copy.read_text(encoding="utf-8")
        opening = re.search(rf"<{tag}\b[^>]*>", text)
        assert opening is not None
        copy.write_text(text.replace(opening.group(0), advice[str(copy)], 1), encoding="utf-8")
    code, _, err = run("render", "--config", str(config), "--all")
    assert code == 0, err
    assert NOT_MARKED not in " ".join(err.split()), err
    out = tmp_path / "output"
    # (curator's tag, with its style breaking long words: walk159 #2)
    assert re.search(
        r'<article class="curator-issue" lang="de"[ >]',
        (out / "issue-1.fragment.html").read_text(encoding="utf-8"),
    )
    assert 'xml:lang="de"' in (out / "feed.xml").read_text(encoding="utf-8")


GERMAN_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _german_words() -> str:
    """curator's `_words.txt` translated as walk71 did: words, months, and the two macros."""
    text = _own("_words.txt")
    months = text[text.index("{%- set months") : text.index("-%}", text.index("{%- set months"))]
    text = text.replace(
        months, "{%- set months = [" + ", ".join(f'"{m}"' for m in GERMAN_MONTHS) + "] "
    )
    text = text.replace('"edited by"', '"herausgegeben von"').replace(
        "Issue {{ n }}", "Ausgabe {{ n }}"
    )
    return text.replace(
        "{{ months[day.month - 1] }} {{ day.day }}, {{ day.year }}",
        "{{ day.day }}. {{ months[day.month - 1] }} {{ day.year }}",
    )


def test_the_words_warning_names_the_english_date_and_footer_of_old_copies(demo: Path) -> None:
    """walk71 #C: copies made before `_words.txt` had every English word translated, yet every
    edition still said "December 6, 2026" (`{{ date_text }}`) and the email's footer "Walk Weekly,
    issue 1.", without a word. The warning names both, with what curator's templates write now;
    written so, the editions follow the translated `_words.txt`."""
    tpl = demo.parent / "tpl"
    tpl.mkdir()
    (tpl / "_words.txt").write_text(_german_words(), encoding="utf-8")
    (tpl / "issue.txt").write_text(
        "{{ title }}\nAusgabe {{ number }}, {{ date_text }}"
        "{% if editor %}, herausgegeben von {{ editor }}{% endif %}\n",
        encoding="utf-8",
    )
    (tpl / "email.html").write_text(
        '<html lang="{{ lang }}"><body><p class="meta">Ausgabe {{ number }} &middot;'
        ' {{ date_text }}</p>\n<p class="footer">{{ title }}, issue {{ number }}.</p></body></html>\n',
        encoding="utf-8",
    )
    config = demo.read_text(encoding="utf-8")
    config = config.replace("newsletter:\n", "newsletter:\n  language: de\n", 1)
    config = config.replace("settings:\n", "settings:\n  templates: tpl\n", 1)
    demo.write_text(config, encoding="utf-8")

    code, _, err = run("build", "--config", str(demo))
    assert code == 0, err
    out = demo.parent / "output"
    txt = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert any(month in txt for month in ENGLISH_MONTHS), txt  # what the editor saw
    said = " ".join(err.split())
    assert "write its English words themselves" in said, err
    txt_advice = re.search(
        rf"In {re.escape(str(tpl / 'issue.txt'))}: (.*?)\. (?:In|Translate)", said
    )
    email_advice = re.search(
        rf"In {re.escape(str(tpl / 'email.html'))}: (.*?)\. (?:In|Translate)", said
    )
    assert txt_advice and email_advice, said
    assert "`{{ date_text }}`, the date in English" in txt_advice[1]
    assert "the footer's 'issue {{ number }}'" in email_advice[1]
    assert '`{% import "_words.txt" as words %}` as the copy\'s first line' in said

    # Followed literally: each named thing written as the warning says, and the import line.
    for copy, advice in ((tpl / "issue.txt", txt_advice[1]), (tpl / "email.html", email_advice[1])):
        text = copy.read_text(encoding="utf-8")
        for old, new in re.findall(
            r"`([^`]+)`, the date in English \([^)]*\): write `([^`]+)`", advice
        ):
            text = text.replace(old, new)
        for old, new in re.findall(r"the footer's '([^']+)': write `([^`]+)`", advice):
            text = text.replace(old, new)
        copy.write_text('{% import "_words.txt" as words %}\n' + text, encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0, err
    assert "write its English words themselves" not in err, err
    txt = (out / "issue-1.txt").read_text(encoding="utf-8")
    german = "|".join(GERMAN_MONTHS)
    assert re.search(rf"Ausgabe 1, \d{{1,2}}\. ({german}) 20\d\d", txt), txt
    assert not any(month in txt for month in ENGLISH_MONTHS if month not in GERMAN_MONTHS), txt
    email = (out / "issue-1.email.html").read_text(encoding="utf-8")
    assert ", Ausgabe 1." in email and "issue 1" not in email, email

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
    assert '<article class="curator-issue" lang="de">' in (out / "issue-1.fragment.html").read_text(
        encoding="utf-8"
    )
    assert 'xml:lang="de"' in (out / "feed.xml").read_text(encoding="utf-8")

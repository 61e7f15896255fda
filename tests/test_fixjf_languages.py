"""walk188 #4: a Japanese article whose page declares no language was marked English because its
feed says `<language>en</language>`. Through the CLI, against a feed and pages on a real HTTP
server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import HTML, config, page, serve

from conftest import LocalServer
from conftest import run_cli as run


def test_a_japanese_article_is_not_marked_english_by_its_feeds_language(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The feed says `<language>en</language>`; the Japanese article's page says no language: it
    is marked Japanese (`lang="ja"`), as its letters tell, not English, and the run says that the
    feed's language disagrees with its letters. The English articles keep the feed's `en`; a
    page's own `lang="en"` over Korean letters is not taken either (walk190 #8: it was)."""
    ko = (
        "ko",
        "고객 경험을 측정하는 방법",
        "김민준",
        "<p>고객 경험을 측정하는 방법을 알아봅니다.</p>",
    )
    path = config(tmp_path, serve(http_server, (ko,)))
    http_server.add("/a/ko.html", page(*ko[1:], lang="en"), content_type=HTML)
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        "CX Reading: its feed says its articles are in `en`, but 1 of its new articles is"
        " written in Japanese, which `en` is not written in, and its page says no language: the"
        " feed's is not taken for it"
    ) in said, err
    assert f'"NPS と CSAT の使い分け：顧客体験を測る" ({http_server.url("/a/ja.html")})' in said
    assert "Korean" not in said.split("CX Reading: its feed says")[1], err
    code, out, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    built = " ".join((out + err).split())
    assert (
        '"NPS と CSAT の使い分け：顧客体験を測る" ('
        + http_server.url("/a/ja.html")
        + "): neither its page nor its feed says a language its letters are written in"
    ) in built, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    languages = {
        a["url"].rsplit("/", 1)[-1]: a.get("language")
        for s in issue["sections"]
        for a in s["articles"]
    }
    assert languages == {"w1.html": "en", "w5.html": "en", "ja.html": None, "ko.html": None}
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    entry = html[: html.index("NPS と CSAT の使い分け")].rsplit('class="entry"', 1)[1]
    assert 'lang="ja"' in entry[:200], entry

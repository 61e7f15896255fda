"""A page whose bytes are not in the charset it is said to be in is read in the one it is in.

walk34 #5: a Latin-1 page its server sent as "text/html; charset=utf-8" published "Our caf� team…
r�sum�… Se�ora Garc�a", exit 0, no warning. Through the command line, against a real HTTP server.
"""

from __future__ import annotations

import json

import hostile_helpers as h
from click.testing import CliRunner
from test_extract_cli import LATIN1_PAGE

from conftest import LocalServer
from curator.cli import cli
from curator.extract import decode_html


def test_a_latin1_page_sent_as_utf8_is_published_in_latin1(
    tmp_path, http_server: LocalServer
) -> None:
    page = http_server.add(
        "/cafe.html", LATIN1_PAGE.encode("iso-8859-1"), content_type="text/html; charset=utf-8"
    )
    feed = http_server.add("/feed.xml", h.rss(f"<item><link>{page}</link></item>", "Le Journal"))
    config = h.write_config(tmp_path, [{"url": feed}])
    built = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert built.exit_code == 0, built.stderr
    assert (
        f"  {page}: characters: the page is not in the utf-8 it was said to be in; it was read as"
        " windows-1252, the Western default, as no other charset read it better (a guess: check"
        " the article's title, credit and blurb)"
    ) in built.stderr.splitlines()
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    (article,) = [a for s in issue["sections"] for a in s["articles"]]
    assert article["title"] == "Café crème: what a coffee bar teaches about service"
    assert article["authors"] == ["Renée Dupré"]
    assert article["blurb"].startswith("The café crème at the corner bar")
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "\ufffd" not in html


def test_the_page_s_own_meta_charset_is_used_when_the_server_s_does_not_fit(
    http_server: LocalServer,
) -> None:
    text = LATIN1_PAGE.replace("<head>", '<head><meta charset="windows-1251">').replace(
        "Renée Dupré", "Анна Петрова"
    )
    url = http_server.add(
        "/ru.html", text.encode("cp1251", "replace"), content_type="text/html; charset=utf-8"
    )
    result = CliRunner().invoke(cli, ["extract", "--json", "--allow-private", url])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["authors"] == ["Анна Петрова"]


def test_characters_that_still_had_to_be_replaced_are_reported(
    tmp_path, http_server: LocalServer
) -> None:
    """A UTF-8 page with one stray Latin-1 byte keeps UTF-8; the run names the page."""
    data = LATIN1_PAGE.encode("utf-8").replace(b"twenty years", b"twenty years \xb1 2")
    page = http_server.add("/cafe.html", data, content_type="text/html; charset=utf-8")
    feed = http_server.add("/feed.xml", h.rss(f"<item><link>{page}</link></item>", "Le Journal"))
    config = h.write_config(tmp_path, [{"url": feed}])
    built = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert built.exit_code == 0, built.stderr
    assert (
        f"  {page}: characters: some bytes are not valid utf-8, the charset the page was read in,"
        " and show as \ufffd (check the article's title, credit and blurb)"
    ) in built.stderr.splitlines()
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    (article,) = [a for s in issue["sections"] for a in s["articles"]]
    assert article["title"] == "Café crème: what a coffee bar teaches about service"


def test_bytes_with_no_charset_named_and_not_utf8_read_as_windows_1252() -> None:
    assert decode_html(b"<title>caf\xe9 \x93quoted\x94</title>") == "<title>café “quoted”</title>"
    gbk = "<p>顾客体验是一个很重要的话题，我们今天讨论它。</p>".encode("gbk")
    assert decode_html(gbk, "utf-8") == "<p>顾客体验是一个很重要的话题，我们今天讨论它。</p>"


RU_TITLE = "Наш отдел клиентского сервиса"
RU_TEXT = (
    "Наш отдел клиентского сервиса изменил подход к обслуживанию. Мы поговорили с клиентами о"
    " лояльности и доверии. Ирина Петрова объясняет, что изменилось и почему это важно."
)


def test_a_windows_1251_page_sent_as_utf8_is_read_in_windows_1251_and_said_guessed(
    tmp_path, http_server: LocalServer
) -> None:
    """walk35 #4: a windows-1251 page its server called utf-8 was read as windows-1252 and
    published as "Íàø îòäåë…", with nothing said."""
    html = (
        f'<html><head><title>{RU_TITLE}</title><meta name="description" content="{RU_TEXT}">'
        f'<meta name="author" content="Ирина Петрова"></head><body><article><h1>{RU_TITLE}</h1>'
        f"<p>{RU_TEXT}</p><p>{RU_TEXT}</p></article></body></html>"
    )
    page = http_server.add(
        "/c1.html", html.encode("cp1251"), content_type="text/html; charset=utf-8"
    )
    title = "Customer experience: how our customer service team changed"
    item = f"<item><title>{title}</title><link>{page}</link></item>"
    feed = http_server.add("/feed.xml", h.rss(item, "Ch Blog"))
    config = h.write_config(tmp_path, [{"url": feed}])
    built = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert built.exit_code == 0, built.stderr
    assert (
        f"  {page}: characters: the page is not in the utf-8 it was said to be in; it was read as"
        " windows-1251, the charset its bytes read best in (a guess: check the article's title,"
        " credit and blurb)"
    ) in built.stderr.splitlines()
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    (article,) = [a for s in issue["sections"] for a in s["articles"]]
    assert article["authors"] == ["Ирина Петрова"]
    assert article["blurb"].startswith("Наш отдел")
    html_out = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Íàø" not in html_out and RU_TITLE in html_out


WESTERN_TEXT = (
    "Trams are coming back to Dublin\x92s \x93inner city\x94, and the first line opens in spring."
    " The council says the new line will carry twenty thousand riders a day within a year."
)


def test_a_windows_1252_page_sent_as_iso_8859_1_keeps_its_curly_quotes(
    http_server: LocalServer,
) -> None:
    """walk88 #3: bytes 0x92/0x93 of a page its server called iso-8859-1 were read as Latin-1's
    invisible controls and dropped: "Seán OBrien", "Dublins inner city". Browsers read the label
    as windows-1252 (WHATWG), and so does curator."""
    html = (
        b"<html><head><title>The Big Tram Return</title>"
        b'<meta name="author" content="Se\xe1n O\x92Brien"></head><body><article>'
        b"<h1>The Big Tram Return</h1><p>"
        + WESTERN_TEXT.encode("latin-1")
        + b"</p><p>"
        + WESTERN_TEXT.encode("latin-1")
        + b"</p></article></body></html>"
    )
    url = http_server.add("/x3.html", html, content_type="text/html; charset=iso-8859-1")
    result = CliRunner().invoke(cli, ["extract", "--json", "--allow-private", url])
    assert result.exit_code == 0, result.stderr
    page = json.loads(result.stdout)
    assert page["authors"] == ["Seán O’Brien"]
    assert page["blurb"].startswith("Trams are coming back to Dublin’s “inner city”, and")

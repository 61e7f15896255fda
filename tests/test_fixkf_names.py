"""walk192 #5 (fixkf): what `subjects overlap` and `feeds check` name, as the editor reads it.
`subjects overlap` listed the words a subject has already as curator's tokens ("3v1", "ini"), not
as feeds.yaml writes them ("3.1", "win.ini"); `feeds check`'s summary named two feeds both
"Apple", not which. Through the CLI, on feeds served on 127.0.0.1 (the corpus's newsgroup posts)."""

from __future__ import annotations

import re
from pathlib import Path

from test_fixkf_subjects import newsgroups

from conftest import LocalServer
from conftest import run_cli as run


def test_subjects_overlap_shows_the_words_as_feeds_yaml_writes_them(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = newsgroups(tmp_path, http_server, corpus)
    code, out, err = run("subjects", "overlap", "--config", str(config))
    assert code == 0, err
    # (the Windows subject's keywords: "Windows 3.1", "win.ini")
    lines = re.findall(r"words for Windows: .*", out)
    assert lines, out
    assert any(re.search(r"\(already in [^)]*\b3\.1\b", line) for line in lines), lines
    assert not re.search(r"\b\d+v\d+\b", out), out
    assert not re.search(r"(?<![.\w])ini\b", out), out


def test_feeds_check_names_two_feeds_of_one_name_by_their_addresses(
    tmp_path: Path, http_server: LocalServer
) -> None:
    ok = http_server.add(
        "/ok.xml",
        "<rss version='2.0'><channel><title>Fine</title><link>http://x/</link></channel></rss>",
    )
    gone = [http_server.url("/apple/news.xml"), http_server.url("/apple/mac.xml")]
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter:\n  title: Apple Weekly\nfeeds:\n"
        f"  - url: {ok}\n    name: Fine\n"
        + "".join(f"  - url: {url}\n    name: Apple\n" for url in gone)
        + "subjects:\n  - name: Apple\n    description: Apple's computers.\n"
        "    keywords: [Mac, iPhone]\nsettings:\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, _, err = run("fetch", "--config", str(config), "-q")
    code, out, err = run("feeds", "check", "--config", str(config))
    assert code == 4, (out, err)
    said = " ".join(err.split())
    assert f"2 of 3 feed(s) failing or gone: Apple ({gone[0]}), Apple ({gone[1]})" in said, said

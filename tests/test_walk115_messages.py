"""walk115's recheck of drafts and corrections: an indented blurb paragraph (or list item) was
said three times, twice as the introduction's footnote and code; a draft's `url:` without its
https:// got no did-you-mean where issue-N.json's check gives one; a repaired issue was not marked
updated in feed.xml while an untouched one got new times; the email-size warning named a closing
line the issue did not have; a blurb corrected in issue-N.json lost its links."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from conftest import copy_demo, run_cli

#: The last words of the demo draft's introduction and of its first blurb.
INTRO_END = "shares it.\n"
BLURB_END = "then be generous where it counts.\n"


def _drafted(tmp_path: Path) -> tuple[Path, Path, str]:
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert INTRO_END in text and BLURB_END in text
    return config, draft, text


def _published(tmp_path: Path) -> tuple[Path, Path, Path, dict]:
    """The demo built once: its feeds.yaml, output folder, issue-1.json and that file's data."""
    config = copy_demo(tmp_path)
    out = config.parent / "output"
    path = out / "issue-1.json"
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    return config, out, path, json.loads(path.read_text(encoding="utf-8"))


def _line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


def test_an_indented_blurb_paragraph_or_list_item_is_said_once_and_rightly(
    tmp_path: Path,
) -> None:
    """#1: a blurb paragraph indented by 4 spaces (published as a paragraph) got three warnings
    at its line: a footnote "of the introduction", "published as a block of code", and the right
    one; an indented list item too. The introduction's is a block of code, said once."""
    config, draft, text = _drafted(tmp_path)
    paragraph = "    Second paragraph indented by four spaces"
    item = "    - a list item"
    intro = "    An introduction paragraph indented by a slip."
    blurbs = text.split(BLURB_END)
    text = (
        blurbs[0]
        + BLURB_END
        + f"\n{paragraph}\n"
        + "\nAn image: ![Chart](https://example.org/chart.png).\n"
        + BLURB_END.join(blurbs[1:])
    )
    second = text.index("\n## ", text.index(paragraph))
    end = text.index("\n\n## ", second + 1) if "\n\n## " in text[second + 1 :] else None
    assert end is not None
    text = text[:end] + f"\n\nA first line.\n\n{item}" + text[end:]
    text = text.replace(INTRO_END, INTRO_END + f"\n{intro}\n", 1)
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    lines = [" ".join(w.split()) for w in err.split("curator: warning: ") if w.strip()]
    for typed, what in ((paragraph, "a paragraph"), (item, "a list item")):
        at = f"{draft}:{_line_of(text, typed)}:"
        said = [w for w in lines if w.startswith(at)]
        assert len(said) == 1, said
        assert f"has {what} indented by 4 spaces or more" in said[0], said
        assert f"every edition publishes it as {what}" in said[0], said
    image = [w for w in lines if "![Chart](https://example.org/chart.png)" in w]
    assert len(image) == 1 and "the blurb under line" in image[0], image
    assert not [w for w in lines if "the introduction (or closing line) holds" in w], lines
    # The introduction keeps its block of code (README), and says so once.
    at = f"{draft}:{_line_of(text, intro)}:"
    said = [w for w in lines if w.startswith(at)]
    assert len(said) == 1 and "so it is published as a block of code" in said[0], said
    out = config.parent / "output"
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "<pre><code>An introduction paragraph indented by a slip." in page
    assert "<p>Second paragraph indented by four spaces</p>" in page
    assert "<li>a list item</li>" in page
    assert "\n    An introduction paragraph indented by a slip.\n" in (
        out / "issue-1.md"
    ).read_text(encoding="utf-8")


def test_a_draft_url_without_its_scheme_gets_the_did_you_mean_issue_json_gives(
    tmp_path: Path,
) -> None:
    """#2: `url: www.example.com/fixed-post`, `url: 127.0.0.1:38250/...`, `url: http:://...` and
    `url: hxxp://...` in a draft were told only "is not an http or https link"; issue-N.json's
    check said `http:://example.com/x` "names no site after http://", where a colon is too many."""
    config, draft, text = _drafted(tmp_path)
    urls = [line[5:] for line in text.split("\n") if line.startswith("url: https://")][:4]
    assert len(urls) == 4
    typed = [
        (
            "www.example.com/fixed-post",
            'it names no scheme: did you mean "https://www.example.com/fixed-post"?',
        ),
        (
            "127.0.0.1:38250/a/metrics-6.html",
            'it names no scheme: did you mean "https://127.0.0.1:38250/a/metrics-6.html"?',
        ),
        (
            "http:://127.0.0.1:38250/a/post",
            'its http:// is written "http:://" (a colon too many): did you mean'
            ' "http://127.0.0.1:38250/a/post"?',
        ),
        (
            "hxxp://example.org/post",
            'its http:// is written "hxxp://": did you mean "http://example.org/post"?',
        ),
    ]
    wrong = text
    for url, (bad, _) in zip(urls, typed, strict=True):
        wrong = wrong.replace(f"url: {url}\n", f"url: {bad}\n", 1)
    draft.write_text(wrong, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 2, err
    said = " ".join(err.split())
    for bad, fix in typed:
        line = _line_of(wrong, f"url: {bad}")
        assert f"{draft}:{line}: url '{bad}' is not an http or https link: {fix}" in said, said

    # A space in a url: line's path was dropped (the article looked for at the address run
    # together, "cannot read the article(s) added by URL"): it is said, with the %20 to write.
    spaced = text.replace(f"url: {urls[0]}\n", f"url: {urls[0]} extra\n", 1)
    draft.write_text(spaced, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 2, err
    line = _line_of(spaced, f"url: {urls[0]} extra")
    assert (
        f"{draft}:{line}: url '{urls[0]} extra': it holds a space: write \"{urls[0]}%20extra\""
    ) in " ".join(err.split()), err
    assert "added by URL" not in err, err

    # The same did-you-mean in issue-N.json, and a stray colon said as one.
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    path = config.parent / "output" / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"][0]["articles"][0]["url"] = "http:://example.com/x"
    data["sections"][0]["articles"][1]["url"] = "www.example.com/fixed-post"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 2, err
    said = " ".join(err.split())
    assert (
        '"url" is "http:://example.com/x", which curator cannot link: its http:// is written'
        ' "http:://" (a colon too many): did you mean "http://example.com/x"?'
    ) in said, said
    assert "names no site" not in said
    assert 'did you mean "https://www.example.com/fixed-post"?' in said, said


def _times(feed: Path) -> dict[int, tuple[str, str]]:
    from curator.editions import feed_times

    text = feed.read_bytes()
    published, updated = feed_times(text), feed_times(text, "updated")
    return {n: (published[n], updated[n]) for n in published}


def test_an_issue_repaired_after_it_was_left_out_is_marked_updated_and_no_other(
    tmp_path: Path,
) -> None:
    """#3: issue 1 left out of the archive for a bad "url" in its issue-N.json while issue 2 was
    built, then repaired and rendered: issue 2, untouched, got a new <published> and <updated>
    ("feed.xml gives issues new times"), and issue 1, whose link changed, was not marked updated,
    its <updated> moved back to its date."""
    config, out, path, data = _published(tmp_path)
    article = data["sections"][0]["articles"][0]
    article["blurb"] = "A corrected blurb, in two sentences. Truly."
    article.pop("blurb_markdown", None)
    article.pop("blurb_html", None)
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config), "-q")
    assert code == 0, err
    corrected = _times(out / "feed.xml")[1][1]
    assert corrected > _times(out / "feed.xml")[1][0]
    # A slip in the link, and the next issue is built: issue 1 is left out, said.
    data["sections"][0]["articles"][1]["url"] = "www.example.com/fixed-post"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    assert "left out of the archive" in err
    before = _times(out / "feed.xml")
    assert set(before) == {2}
    # Repaired, and rendered again.
    data["sections"][0]["articles"][1]["url"] = "https://www.example.com/fixed-post"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, said, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    after = _times(out / "feed.xml")
    assert after[2] == before[2], (before, after)  # untouched: its times kept
    # never back (the same second when the machine is quick), and marked updated
    assert after[1][1] >= corrected, (corrected, after)
    flat = " ".join(said.split())
    assert "feed.xml marks the entry of issue(s) 1 updated" in flat, flat
    assert "new times" not in flat, flat


def test_corrections_say_what_is_true_and_keep_a_blurb_s_links(tmp_path: Path) -> None:
    """#4: the email-size warning said readers miss "its closing line" of an issue with none; the
    feed's <updated> of an issue dated after today was said "a second past the <updated> it had"
    the first time, a second past its <published>; a Markdown blurb corrected in its "blurb"
    alone published its link as text, `&lt;https://...&gt;`."""
    config, out, path, data = _published(tmp_path)
    later = date.fromisoformat(data["date"][:10]) + timedelta(days=12)  # after today
    data["date"] = later.isoformat()
    data["closing"] = ""
    data.pop("closing_html", None)  # (curator's rendering of "closing", written from it)
    first, second = data["sections"][0]["articles"][:2]
    first["blurb_markdown"] = "Read [the study](https://example.org/studies/1) first. It holds."
    first["blurb"] = "Read the study <https://example.org/studies/1> first. It holds."
    first.pop("blurb_html", None)
    path.write_text(json.dumps(data), encoding="utf-8")
    code, said, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    flat = " ".join(said.split())
    assert "updated (" in flat and ": a second past its <published> time, as the issue" in flat

    # The blurb corrected alone (its link as "blurb" writes it), and another made very long.
    first["blurb"] = "Read the study <https://example.org/studies/1> first. It holds, mostly."
    second["blurb"] = " ".join(["Customers wait in refund queues for far too long."] * 2400)
    second.pop("blurb_markdown", None)
    second.pop("blurb_html", None)
    path.write_text(json.dumps(data), encoding="utf-8")
    code, said, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    flat = " ".join(said.split())
    assert ": a second past the <updated> it had, as the issue" in flat, flat
    warned = " ".join(err.split())
    clipped = warned.split("issue-1.email.html is ", 1)[1].split("curator: warning:")[0]
    assert "[Message clipped]" in clipped, clipped
    assert "closing line" not in clipped and "nor its link to the web page" not in clipped
    assert "and not its link to the web page;" in clipped, clipped
    assert "(its links, written <https://...>, are published as links)" in warned, warned
    for name in ("issue-1.html", "issue-1.email.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert 'href="https://example.org/studies/1"' in page, name
        assert "&lt;https://example.org/studies/1&gt;" not in page, name
        assert "It holds, mostly." in page
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "Read the study <https://example.org/studies/1> first. It holds, mostly." in text


def test_a_date_corrected_back_to_today_leaves_no_updated_time_ahead(tmp_path: Path) -> None:
    """walk117 #5: an issue's date corrected to a day after today, then back to today: feed.xml
    kept its <updated> nine days ahead (and the feed's own <updated> with it), said to be "a second
    past the <updated> it had, as the issue is dated after today", which it no longer was."""
    config, out, path, data = _published(tmp_path)
    today = data["date"]
    later = date.fromisoformat(today[:10]) + timedelta(days=9)
    data["date"] = later.isoformat()
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config), "-q")
    assert code == 0, err
    assert _times(out / "feed.xml")[1][1] > later.isoformat()  # past its date: shown as a change
    data["date"] = today
    path.write_text(json.dumps(data), encoding="utf-8")
    code, said, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    published, updated = _times(out / "feed.xml")[1]
    assert published[:10] == today[:10] and updated < later.isoformat(), (published, updated)
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert later.isoformat() not in feed, feed
    assert "dated after today" not in " ".join(said.split()), said


def test_a_feed_address_holding_a_space_is_told_the_percent_20_to_write(tmp_path: Path) -> None:
    """walk121 N2: `url: http://127.0.0.1:39517/ja .xml` in feeds.yaml was "not a valid address;
    write it as https://site/feed", which names no problem (it was http already), where a draft's
    url: and issue-N.json say the space and the %20 to write."""
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("feeds:\n", "feeds:\n  - url: http://127.0.0.1:9/my feed.xml\n", 1),
        encoding="utf-8",
    )
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 2, err
    assert (
        '`http://127.0.0.1:9/my feed.xml` holds a space: write "http://127.0.0.1:9/my%20feed.xml"'
    ) in err, err


def test_a_language_written_by_its_name_is_refused_with_its_code(tmp_path: Path) -> None:
    """walk115: `"language": "english"` in a corrected issue-N.json was published with no
    language at all (not a code an edition's `lang` takes), unsaid: render refuses it (exit 2,
    nothing written) and names the code; a code, or "" for the newsletter's own, is published."""
    config, out, path, data = _published(tmp_path)
    article = data["sections"][0]["articles"][0]
    before = (out / "issue-1.html").read_bytes()
    for wrote, advice in (("english", 'did you mean "en"?'), ("fr_FR!", "a language code in")):
        article["language"] = wrote
        path.write_text(json.dumps(data), encoding="utf-8")
        code, _, err = run_cli("render", "1", "--config", str(config))
        assert code == 2, err
        said = " ".join(err.split())
        assert f'"language" is "{wrote}", which is no language code' in said, said
        assert advice in said, said
        assert (out / "issue-1.html").read_bytes() == before
    article["language"] = "de"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config), "-q")
    assert code == 0, err
    assert ' lang="de"' in (out / "issue-1.html").read_text(encoding="utf-8")


def test_one_address_given_to_two_articles_is_refused(tmp_path: Path) -> None:
    """walk115: a corrected issue-N.json whose two articles have one "url" (a link pasted into
    the wrong article) published the same link twice, unsaid: render refuses it (exit 2, nothing
    written), naming both articles."""
    config, out, path, data = _published(tmp_path)
    first, second = data["sections"][0]["articles"][:2]
    second["url"] = first["url"]
    path.write_text(json.dumps(data), encoding="utf-8")
    before = (out / "issue-1.html").read_bytes()
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 2, err
    said = " ".join(err.split())
    assert (
        f'article 2 "{second["title"]}" of section 1 (sections[0].articles[1]): "url" is the'
        " address of article 1 of section 1 too: the issue would list it twice;"
    ) in said, said
    assert (out / "issue-1.html").read_bytes() == before

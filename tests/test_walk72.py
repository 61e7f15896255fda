"""walk72: hand-typed mistakes in feeds.yaml and drafts, through the command line. Each is told
with its line and the fix, and the advice given, followed, does what it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli


def swap(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(config: Path) -> tuple[int, str, str]:
    return run_cli("build", "--config", str(config), "-q")


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, x in enumerate(lines, 1) if x.startswith(start))


# --- #1: a feed's address with its https:// mistyped -------------------------------------------


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("http//customerthink.com/feed/", "http://customerthink.com/feed/"),
        ("https//customerthink.com/feed/", "https://customerthink.com/feed/"),
        ("htp://customerthink.com/feed/", "http://customerthink.com/feed/"),
        ("http;//customerthink.com/feed/", "http://customerthink.com/feed/"),
        ("'http:\\\\customerthink.com\\feed'", "http://customerthink.com/feed"),
        ("https:/customerthink.com/feed/", "https://customerthink.com/feed/"),
    ],
    ids=["no-colon", "https-no-colon", "htp", "semicolon", "backslashes", "one-slash"],
)
def test_a_feed_address_with_its_scheme_mistyped_is_refused_with_the_fix(
    themed_demo: Path, typed: str, fixed: str
) -> None:
    line = line_of(themed_demo, "  - url: feeds/brightline")
    swap(themed_demo, "  - url: feeds/brightline.json", f"  - url: {typed}")
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:"), err
    assert "mistyped" in err and f"write `{fixed}`" in err, err
    assert not (themed_demo.parent / "output" / "issue-1.html").exists()


def test_a_path_starting_with_a_mistyped_scheme_but_no_host_is_refused(themed_demo: Path) -> None:
    line = line_of(themed_demo, "  - url: feeds/brightline")
    swap(themed_demo, "  - url: feeds/brightline.json", "  - url: http//feeds/brightline")
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:") and "https:// mistyped" in err, err


# --- #3: a subject named in curly quotes ---------------------------------------------------------


def test_a_subject_named_in_curly_quotes_is_refused_on_its_own_line(themed_demo: Path) -> None:
    line = line_of(themed_demo, "  - name: Voice of the customer")
    curly = "  - name: \u201cVoice of the customer\u201d\n"
    swap(themed_demo, "  - name: Voice of the customer\n", curly)
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:"), err
    assert "curly quotes" in err and "write `- name: Voice of the customer`" in err, err
    assert "did you mean" not in err, err
    # Followed as written, it builds.
    swap(themed_demo, curly, "  - name: Voice of the customer\n")
    assert build(themed_demo)[0] == 0

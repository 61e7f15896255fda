"""fixgk: what an email.html's <style> holds that no style="" attribute can (an `@media` for
phones, an `@font-face`, `a:hover`) was dropped by the inliner without a word; now it is kept in
one <style> in the mail's head, where the mail programs that honour it find it."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli as run
from conftest import said_as_one

_PHONE = "@media (max-width: 600px) { .entry-title { font-size: 15px !important; } }"
_EMAIL = (
    '{% extends "curator/email.html" %}\n{% block style %}{{ super() }}\n'
    "  @import url(https://fonts.example/serif.css);\n"
    "  @font-face { font-family: Serif Two; src: url(https://fonts.example/s2.woff2); }\n"
    "  .entry-link:hover, .credit { text-decoration: underline; }\n"
    f"  {_PHONE}\n"
    "{% endblock %}\n"
)


def test_media_font_face_and_hover_rules_are_kept_in_the_mails_head(published_demo: Path) -> None:
    folder = published_demo.parent / "mail-templates"
    folder.mkdir()
    (folder / "email.html").write_text(_EMAIL, encoding="utf-8")
    code, _, err = run("render", "--config", str(published_demo), "1", "--templates", str(folder))
    said = said_as_one(err)
    assert code == 0, said
    mail = (published_demo.parent / "output" / "issue-1.email.html").read_text("utf-8")
    head, body = mail.split("</head>", 1)
    styles = re.findall(r"(?s)<style>(.*?)</style>", head)
    assert len(styles) == 1, head
    kept = " ".join(styles[0].split())
    assert _PHONE in kept
    assert "@font-face { font-family: Serif Two;" in kept
    # the :hover part of the rule is kept, the part that can be inlined is inlined
    assert ".entry-link:hover { text-decoration: underline; }" in kept
    assert ".credit" not in kept
    assert re.search(r'class="credit" style="[^"]*text-decoration: underline', body)
    # plain rules are inlined as before, not repeated in the head
    assert "background-color" not in kept and 'class="entry-title" style="' in body
    assert "<style" not in body
    # the @import is still left out, and said
    assert "@import" not in mail and "fonts.example/serif.css" not in mail
    assert "email clients ignore imported stylesheets" in said

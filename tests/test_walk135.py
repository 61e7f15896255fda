"""walk135: what an editor's template does with an expression Python cannot do is said as every
other template mistake is (one line naming the file and line, exit 2), not a traceback and exit 1;
and a page naming, as its address, a loopback address in another spelling is not published there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import LocalServer
from conftest import run_cli as run
from curator.templatecheck import builtin_templates


@pytest.mark.parametrize(
    "expression",
    ['{{ (entry.url|length) + "a" }}', "{{ entry.title|xmlattr }}", "{{ (entry.url|length) / 0 }}"],
)
def test_an_expression_python_cannot_do_is_a_template_mistake(demo: Path, expression: str) -> None:
    """N5: a traceback ending "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
    (or AttributeError: 'Text' object has no attribute 'items'), exit 1, nothing published."""
    mine = demo.parent / "my-templates"
    shutil.copytree(builtin_templates(), mine)
    body = mine / "_issue_body.html"
    lines = body.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "entry.credit" in line)
    lines.insert(at, expression)
    body.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 2, err
    assert "Traceback" not in err
    said = " ".join(err.split())
    assert f"template {body}:{at + 1}: " in said, said
    assert "nothing was published: correct the expression on that line" in said, said
    assert not (demo.parent / "output" / "issue-1.html").exists()


def test_a_loopback_canonical_in_another_spelling_is_not_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """N1: canonicals https://0x7f000001/why, https://2130706433/why, http://127.1/why (all
    127.0.0.1 to a browser) and https://example.com:0/why were published as the articles'
    links, unsaid, where http://localhost:8080/... is refused."""
    from test_credit_formats import newsletter, page

    from conftest import said_as_one, sans_config

    titles = ("Customer Support Hours", "Service Desk Effort", "Support Queue Length")
    canonicals = ("https://0x7f000001/why", "https://2130706433/why", "https://example.com:0/why")
    config = newsletter(
        tmp_path,
        http_server,
        [
            (t, "", page(t, head=f'<link rel="canonical" href="{c}">', byline="By Ann Lee"))
            for t, c in zip(titles, canonicals, strict=True)
        ],
    )
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    said = said_as_one(sans_config(err))
    for n, named in enumerate(canonicals):
        assert (
            f'"{titles[n]}" ({http_server.base}/p/{n}/): its page names {named} as its address'
        ) in said, said
    text = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert not any(c in text for c in canonicals), text


def test_a_canonical_with_a_bad_port_or_a_password_is_not_taken(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk138 NEW-3, NEW-4: a page whose canonical was https://example.com:99999/why crashed
    every run (ValueError: Port out of range); one of https://user:pw@example.com/why was stored
    as the article's address, to be published with its password. The feed's address is kept."""
    from test_credit_formats import newsletter, page

    titles = ("Customer Support Hours", "Service Desk Effort")
    canonicals = ("https://example.com:99999/why", "https://user:pw@example.com/why")
    config = newsletter(
        tmp_path,
        http_server,
        [
            (t, "", page(t, head=f'<link rel="canonical" href="{c}">', byline="By Ann Lee"))
            for t, c in zip(titles, canonicals, strict=True)
        ],
    )
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "Traceback" not in err
    text = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert not any(c in text for c in canonicals), text
    assert f"url: {http_server.base}/p/0/" in text and f"url: {http_server.base}/p/1/" in text

"""walk130: links and credits that name the right place, as the editor sees them.

A page whose canonical link names a loopback, private or documentation address was published at
it (#2); an author: line holding the publication was advised, and published, as a second author
(#3); the site's-address credit named the hosting platform ("substack.com") and showed punycode
(#7); articles added to a draft by their address that are the same story went unsaid (#8)."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import newsletter, page
from test_walk123_127 import EXIT_SURVEYS

from conftest import LocalServer, said_as_one, sans_config
from conftest import run_cli as run


def _bare(canonical: str, title: str) -> str:
    """walk123's page with no site name and no author, its canonical link at `canonical`."""
    return EXIT_SURVEYS.replace(
        "https://www.exitsurveys.example/2025/why-customers-leave", canonical
    ).replace("Why Customers Leave: Ten Lessons From Exit Surveys", title)


def test_a_draft_names_the_blog_not_its_platform_and_the_publication_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk130 #3: `author: Kwame Mensah, VoC Notes` under `publication: VoC Notes` was advised
    as two author: lines, and following that published "Kwame Mensah and VoC Notes || VoC
    Notes"; `author: VoC Notes` published "VoC Notes || VoC Notes". The publication is the
    publication: the advice removes it, and an author: line of it alone publishes it once.
    walk130 #7: the site's-address credit of a page on janedoe.substack.com was "substack.com",
    and an international name was shown as punycode."""
    titles = ("Customer Support Hours", "Service Desk Effort", "Support Queue Length")
    config = newsletter(
        tmp_path, http_server, [(t, "", page(t, byline="By Ann Lee")) for t in titles]
    )
    hosted = http_server.add(
        "/hosted.html",
        _bare("https://janedoe.substack.com/p/why", "Why Support Teams Burn Out Every Winter"),
        content_type="text/html",
    )
    idn = http_server.add(
        "/idn.html",
        _bare("https://xn--bcher-kva.example/why", "Why Customers Read Manuals Last Of All"),
        content_type="text/html",
    )
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    path = config.parent / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    first = "author: Ann Lee\npublication: Zeta Post\n"
    assert text.count(first) == 3, text
    text = text.replace(first, "author: Kwame Mensah, VoC Notes\npublication: VoC Notes\n", 1)
    text = text.replace(first, "author: VoC Notes\npublication: VoC Notes\n", 1)
    text = text.replace(f"## {titles[2]}\n", f"## {hosted}\n\n## {idn}\n\n## {titles[2]}\n")
    path.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    said = said_as_one(sans_config(err))
    assert "'author: VoC Notes'" not in said, said
    assert "VoC Notes || VoC Notes" not in issue, issue
    assert "\n\nVoC Notes\n" in issue, issue
    assert "Kwame Mensah || VoC Notes\n" in issue, issue
    line = text.splitlines().index("author: Kwame Mensah, VoC Notes") - 1  # its heading
    assert (
        f"{path}:{line}: ', VoC Notes' is the publication: write 'author: Kwame Mensah'"
    ) in said, said
    line = text.splitlines().index("author: VoC Notes") - 1
    assert f'{path}:{line}: the author "VoC Notes" is the publication' in said, said
    assert "\n\njanedoe.substack.com\n" in issue, issue
    assert "\n\nbücher.example\n" in issue, issue
    assert "\n\nsubstack.com\n" not in issue and "\n\nxn--" not in issue, issue

"""walk100: `subjects rename` said nothing; the names of renamed sections; soft 404s in other
languages; a JavaScript redirect page published as the article."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import newsletter
from test_walk86 import issue_one_basics
from test_walk90 import page
from test_walk94 import SOFT_404

from conftest import LocalServer
from conftest import run_cli as run

BASICS = "The basics of customer experience"


def test_subjects_rename_says_what_issues_published_and_names_the_printed_section(
    themed_demo: Path,
) -> None:
    """walk100 #1 and walk95 #1: after a command had already placed issue 1's articles under the
    new name, `subjects rename OLD NEW` exited 0 and printed nothing. walk100 #2: after a second
    rename in feeds.yaml alone, the warning and `list` named the middle name as the one the issue
    published them under; they name the section issue 1 printed, and the name it has now."""
    demo = themed_demo
    urls = issue_one_basics(demo)

    demo.write_text(demo.read_text(encoding="utf-8").replace(BASICS, "CX basics"), "utf-8")
    code, _, err = run("subjects", "list", "--config", str(demo))  # places them again first
    assert code == 0, err
    code, out, err = run("subjects", "rename", "--config", str(demo), BASICS, "CX basics")
    assert code == 0, err
    said = " ".join(out.split())
    assert (
        f'{len(urls)} article(s) that issue 1 published under "{BASICS}" are under "CX basics"'
        " now, as their issues printed them under"
    ) in said, said

    # Renamed again in feeds.yaml alone: the issue printed BASICS, not "CX basics".
    demo.write_text(demo.read_text(encoding="utf-8").replace("CX basics", "Basics"), "utf-8")
    code, out, err = run("subjects", "list", "--config", str(demo))
    assert code == 0, err
    assert (
        f'{len(urls)} article(s) that issue 1 published under "{BASICS}" (since renamed'
        f' "CX basics"), which {demo} no longer has as a subject'
    ) in " ".join(err.split()), err
    assert (
        f'[issue 1 published it under "{BASICS}" (since renamed "CX basics"), not a subject in'
        " feeds.yaml now]"
    ) in out, out
    code, out, err = run("subjects", "explain", "--config", str(demo), urls[0])
    assert code == 0, err
    assert f'issue 1 published it under "{BASICS}" (since renamed "CX basics")' in out, out


def test_soft_404s_in_french_german_spanish_and_others_are_pages_that_could_not_be_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk100 #2: 200 pages headed "Oups, nous ne trouvons pas cet article", "Diese Seite gibt
    es leider nicht mehr" and "Lo sentimos, no encontramos esta página" were published with the
    feed's blurb and no word. They are soft 404s, as are Italian, Portuguese and Dutch ones."""
    missing = [
        ("Oups ! | Zeta Post", "Oups, nous ne trouvons pas cet article"),
        ("Zeta Post", "Diese Seite gibt es leider nicht mehr"),
        ("Zeta Post", "Lo sentimos, no encontramos esta página"),
        ("Pagina non trovata | Zeta Post", "Ci dispiace"),
        ("Zeta Post", "Página não encontrada"),
        ("Zeta Post", "Pagina niet gevonden"),
    ]
    items = [
        (
            f"How one utility cut complaints by {n} in ten",
            "",
            f"<!doctype html><html><head><title>{t}</title></head><body><h1>{h}</h1><p>404</p>"
            "</body></html>",
        )
        for n, (t, h) in enumerate(missing)
    ]
    real = "Queues that customers never see"
    config = newsletter(tmp_path, http_server, [*items, (real, "", page(real))])
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "6 of 7 article page(s) could not be read" in err, err
    assert f"6  {SOFT_404}\n" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    for _, said in missing:
        assert said not in draft, draft


def test_a_javascript_redirect_page_is_followed_to_the_article(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk100 #3: `/js/1`, a 200 page "Redirecting..." whose script only does
    `window.location.replace(...)`, was published at its own address, "Redirecting..." as its
    text. It is followed once, as a meta refresh is; so is `location.href = '...'`."""
    title = "Refund desks learn to say yes"
    other = "Queues that customers never see"
    config = newsletter(tmp_path, http_server, [(title, "", page(title)), (other, "", page(other))])
    http_server.add("/b/2?utm_source=newsletter", page(title), content_type="text/html")
    http_server.add("/b/3", page(other), content_type="text/html")
    scripts = {
        "/p/0/": 'window.location.replace("/b/2?utm_source=newsletter");',
        "/p/1/": "location.href = '/b/3';",
    }
    for path, script in scripts.items():
        http_server.add(
            path,
            f"<html><head><title>Redirecting...</title><script>{script}</script></head>"
            "<body>Redirecting...</body></html>",
            content_type="text/html",
        )
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert f"url: {http_server.url('/b/2')}\n" in draft, draft
    assert f"url: {http_server.url('/b/3')}\n" in draft, draft
    assert "Redirecting" not in draft and "/p/0/" not in draft and "/p/1/" not in draft, draft


def test_a_redirect_page_whose_target_is_another_entry_is_that_article_listed_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk103 #2: `/js/1`, whose script sends readers on to `/b/9`, another entry of the feed
    under another title, was published at `/js/1` with `/b/9` listed as "Another piece ... on the
    same story": one page twice in the issue. Its link leads there, so it is that article; so
    for a meta refresh."""
    title = "Hotels answer reviews within the hour"
    other = "Queues that customers never see"
    config = newsletter(
        tmp_path,
        http_server,
        [
            (title, "", page(title)),
            ("Hotel reviews, answered by email", "", ""),
            ("Refunds, answered by text", "", ""),
            (other, "", page(other)),
        ],
    )
    http_server.add("/p/0/?utm_medium=email", page(title), content_type="text/html")
    redirects = {
        "/p/1/": '<script>window.location.replace("/p/0/?utm_medium=email")</script>',
        "/p/2/": '<meta http-equiv="refresh" content="0;url=/p/3/">',
    }
    for path, head in redirects.items():
        http_server.add(
            path,
            f"<html><head><title>Redirecting...</title>{head}</head>"
            "<body>Redirecting...</body></html>",
            content_type="text/html",
        )
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert issue.count(http_server.url("/p/0/")) == 1, issue
    assert issue.count(http_server.url("/p/3/")) == 1, issue
    assert "/p/1/" not in issue and "/p/2/" not in issue, issue
    assert "on the same story" not in issue, issue


def test_subjects_list_after_renaming_back_in_feeds_yaml_says_the_section_is_a_subject_again(
    themed_demo: Path,
) -> None:
    """walk103 #3: renamed "Culture" with `subjects rename`, then back to "Entertainment" in
    feeds.yaml, `subjects list` said issue 1 "published it under "Entertainment" (since renamed
    "Culture"), not a subject in feeds.yaml now" beside `- name: Entertainment`. It says the
    section is a subject again and how to keep the article under it; that rename ends the mark."""
    demo = themed_demo
    url = issue_one_basics(demo)[0]
    original = demo.read_text(encoding="utf-8")
    demo.write_text(original.replace(BASICS, "CX basics"), "utf-8")
    code, _, err = run("subjects", "list", "--config", str(demo))  # places them again first
    assert code == 0, err
    code, _, err = run("subjects", "rename", "--config", str(demo), BASICS, "CX basics")
    assert code == 0, err

    demo.write_text(original, "utf-8")  # back to the name issue 1 printed
    code, out, err = run("subjects", "list", "--config", str(demo))
    assert code == 0, err
    assert "not a subject in feeds.yaml now" not in out, out
    advice = f"curator subjects rename 'CX basics' '{BASICS}'"
    # (and the warning of their placing again gives that rename, not one to "NEW NAME")
    assert f'if you renamed "CX basics" to "{BASICS}": `{advice}' in " ".join(err.split()), err
    assert (
        f'[issue 1 published it under "{BASICS}", a subject in feeds.yaml again, though a rename'
        f' since calls it "CX basics": to keep it under "{BASICS}": {advice}'
    ) in out, out
    code, out, err = run("subjects", "explain", "--config", str(demo), url)
    assert code == 0, err
    assert 'a subject in feeds.yaml again, though a rename since calls it "CX basics"' in out, out

    code, _, err = run("subjects", "rename", "--config", str(demo), "CX basics", BASICS)
    assert code == 0, err
    code, out, err = run("subjects", "list", "--config", str(demo))
    assert code == 0, err
    assert "published it under" not in out, out

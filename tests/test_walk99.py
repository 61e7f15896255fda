"""walk99: pages taken for what they are not: a short article whose headline opens with "Page Not
Found", a local page saying it is missing, an article whose slug starts with "account-" (fixcx)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from test_credit_formats import newsletter
from test_walk90 import page

from conftest import LocalServer, copy_demo
from conftest import run_cli as run

SOFT_404 = (
    "the page says it was not found, though its server answered 200 OK: the article may have"
    " moved or been removed"
)
SIGN_IN = "its link leads to a sign-in page (or a subscription or consent form)"


def _short(title: str, words: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{words}</p></article></body></html>"
    )


def test_a_short_article_headed_page_not_found_colon_a_headline_is_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk99 #1a: "Page Not Found: Five Error Screens Customers Hate" (327 characters of text)
    was taken for a soft 404. A title that opens with the phrase and goes on with a headline is
    an article's; "Page not found | Zeta Post", "404 - Zeta Post" and "Error 404: The page you
    requested could not be found" are still soft 404s."""
    real = "Page Not Found: Five Error Screens Customers Hate"
    words = (
        "Error pages are the screens customers see when something has gone wrong, and most of"
        " them make it worse. We looked at five that customers told us they hate: the blank one,"
        " the blaming one, the dead end, the joke, and the one that loses the basket."
    )
    notices = ["Page not found | Zeta Post", "404 - Zeta Post"]
    notices.append("Error 404: The page you requested could not be found")
    gone = "It may have been archived or the link may be broken."
    items = [
        (f"Queues customers never see, part {n}", "", _short(t, gone))
        for n, t in enumerate(notices)
    ]
    config = newsletter(tmp_path, http_server, [*items, (real, "", _short(real, words))])
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "3 of 4 article page(s) could not be read" in err, err
    assert f"3  {SOFT_404}\n" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "the blaming one, the dead end" in draft, draft
    assert "archived or the link may be broken" not in draft, draft


def test_a_local_page_saying_page_not_found_keeps_its_entry(tmp_path: Path) -> None:
    """walk99 #1a: the demo's local page titled "Page not found" was refused as a soft 404, and
    its local feed's entry, having no web address of its own, was skipped as having "no http(s)
    link": the article was lost. A local file has no server answering 200: it is read."""
    config = copy_demo(tmp_path)
    path = config.parent / "pages" / "office-coffee-machine.html"
    html = path.read_text(encoding="utf-8")
    start, end = html.index('<div class="post-content">'), html.index('<div class="post-share">')
    html = html[:start] + "<p>Sorry, we could not find that page.</p></div>" + html[end:]
    html = html.replace("The Office Coffee Machine Has Opinions", "Page not found")
    path.write_text(html, encoding="utf-8")
    code, out, err = run("fetch", "--config", str(config))
    assert code == 0, err
    assert "11 new article(s) stored." in out + err, out + err
    assert "skipped" not in out + err and SOFT_404 not in out + err, out + err


def test_a_slug_starting_with_account_is_an_article_not_a_sign_in_page(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk99 #1b: a link redirecting (302) to `/pages/account-based-customer-experience.html`
    was taken for a sign-in page and its text not stored: a path segment that merely starts with
    "account-" is a slug. Redirects to `/account/signin?return=...` and to `/login` are still
    sign-in pages."""
    real = "Account-based customer experience for B2B teams"
    titles = [real, "Queues that customers never see", "Refund desks learn to say yes"]
    config = newsletter(tmp_path, http_server, [(t, "", page(t)) for t in titles])
    signin = _short("Sign in | Zeta Post", "Sign in to read on. New here? Create a free account.")
    html = "text/html; charset=utf-8"
    slug = "/pages/account-based-customer-experience.html"
    article = http_server.add(slug, page(real), content_type=html)
    gates = [http_server.add("/account/signin?return=%2Fp%2F1%2F", signin, content_type=html)]
    gates.append(http_server.add("/login", signin, content_type=html))
    for n, target in enumerate([article, *gates]):
        http_server.add(f"/p/{n}/", status=302, headers={"Location": target}, content_type=None)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "2 of 3 article page(s) could not be read" in err, err
    assert f'"{real}" ({http_server.url("/p/0/")}) could not be read' not in err, err
    assert f"     2  {SIGN_IN}, not the article" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert f"url: {article}\n" in draft, draft


def test_a_copied_folder_with_touched_feeds_calls_no_carried_article_new(tmp_path: Path) -> None:
    """walk99 #4: after copying a folder and `touch feeds/*`, fetch said "The Support Desk
    Review: 3 entries, 3 new", then "0 new article(s) stored.": those articles were carried from
    the old path (mended by fixcu for local feeds; this is the touched files' path)."""
    config = copy_demo(tmp_path)
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0 and "  ok         The Support Desk Review: 3 entries, 3 new" in err, err
    copy = tmp_path / "copy"
    shutil.copytree(config.parent, copy)
    later = time.time() + 60
    for feed in (copy / "feeds").iterdir():
        os.utime(feed, (later, later))
    code, out, err = run("fetch", "--config", str(copy / "feeds.yaml"))
    assert code == 0, err
    assert out.endswith("0 new article(s) stored.\n"), out
    lines = [line for line in err.splitlines() if line.startswith("  ok ")]
    assert "  ok         The Support Desk Review: 3 entries, 0 new" in lines, lines
    assert len(lines) == 3 and all(line.endswith(", 0 new") for line in lines), lines


def test_a_short_article_headed_page_introuvable_colon_a_headline_is_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """fixcx's headline rule and fixcv's not-found phrases of other languages, merged: a French
    article headed "Page introuvable : ..." is read as the English one is, and "Page
    introuvable | Zeta Post" is still a soft 404."""
    real = "Page introuvable : cinq écrans d'erreur que les clients détestent"
    words = (
        "Les pages d'erreur sont les écrans que voient les clients quand quelque chose a mal"
        " tourné, et la plupart aggravent les choses. Nous en avons examiné cinq que les clients"
        " détestent : la page blanche, celle qui accuse, l'impasse, la blague et le panier perdu."
        " Le customer service les reçoit toutes."
    )
    gone = "Elle a peut-être été archivée ou le lien est rompu."
    notice = ("La file d'attente invisible", "", _short("Page introuvable | Zeta Post", gone))
    config = newsletter(tmp_path, http_server, [notice, (real, "", _short(real, words))])
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "1 of 2 article page(s) could not be read" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "celle qui accuse, l'impasse" in draft, draft


def test_a_word_in_angle_brackets_in_a_title_stays_in_the_text_edition(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk99 #2: a title "Designing with <details> for Customers" was published in issue-1.txt
    as "Designing with  for Customers", though every other edition shows the word. A bare tag is
    kept there as `< details>` (a `<` then a space is no tag), while a tag that runs or loads
    something, or has attributes, is still left out of the .txt."""
    titles = [
        "Designing with &amp;lt;details&amp;gt; for Customers who skim",
        "Queues &amp;lt;img src=x onerror=alert(5)&amp;gt; that customers never see",
        "Refund desks &amp;lt;script&amp;gt;alert(6)&amp;lt;/script&amp;gt; learn to say yes",
        # (walk103 #1: a wire headline's company in angle brackets, words after its "name")
        "&amp;lt;REVENUE PROPERTIES CO LTD&amp;gt; customers YEAR LOSS",
        "Support desks &amp;lt;b onclick=alert(7)&amp;gt;learn&amp;lt;/b&amp;gt; to listen",
    ]
    plain = ["Designing with details for Customers who skim", "Queues customers never see"]
    plain += ["Refund desks learn to say yes", "Revenue Properties customers", "Support desks"]
    items = [(t, "", page(p)) for t, p in zip(titles, plain, strict=True)]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    out = config.parent / "output"
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "Designing with < details> for Customers who skim" in text, text
    for markup in ("<script", "onerror=", "<img", "<details"):
        assert markup not in text, (markup, text)
    # (the script goes with its code, walk173 #9: "alert(6)" was kept as text)
    assert "Refund desks  learn to say yes" in text and "alert(6)" not in text, text
    assert "< REVENUE PROPERTIES CO LTD> customers YEAR LOSS" in text, text
    assert "Support desks learn to listen" in text and "onclick" not in text, text
    page_html = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "Designing with &lt;details&gt; for Customers who skim" in page_html
    assert "Designing with &lt;details&gt; for Customers who skim" in (
        out / "issue-1.md"
    ).read_text(encoding="utf-8")

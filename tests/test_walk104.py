"""walk104: today's page rules narrowed: a slug ending in "-account" or "-register" is an
article, not a sign-in page (fixcx)."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import newsletter
from test_walk90 import page

from conftest import LocalServer
from conftest import run_cli as run

SIGN_IN = "its link leads to a sign-in page (or a subscription or consent form)"


def _short(title: str, words: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{words}</p></article></body></html>"
    )


def test_slugs_ending_in_account_register_subscription_are_articles(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk104 #2: links redirecting to `/blog/cash-register`, `/blog/customer-account`,
    `/blog/smart-subscription/` and `/2026/savings-account.html` were refused as sign-in pages
    ("could not be read"); `/account/signin`, `/login` and `/user-login` still are."""
    slugs = [
        "/blog/cash-register",
        "/blog/customer-account",
        "/blog/smart-subscription/",
        "/2026/savings-account.html",
    ]
    real = [
        "Why the cash register still matters",
        "What a customer account page should show",
        "Smart subscriptions that customers keep",
        "Savings accounts and the support queue",
    ]
    gated = ["/account/signin", "/login", "/user-login"]
    titles = [*real, "Queues that customers never see", "Refund desks learn to say yes", "Hold"]
    config = newsletter(tmp_path, http_server, [(t, "", page(t)) for t in titles])
    html = "text/html; charset=utf-8"
    signin = _short("Sign in | Zeta Post", "Sign in to read on. New here? Create a free account.")
    targets = [
        http_server.add(s, page(t), content_type=html) for s, t in zip(slugs, real, strict=True)
    ]
    targets += [http_server.add(g, signin, content_type=html) for g in gated]
    for n, target in enumerate(targets):
        http_server.add(f"/p/{n}/", status=302, headers={"Location": target}, content_type=None)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "3 of 7 article page(s) could not be read" in err, err
    assert f"     3  {SIGN_IN}, not the article" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    for target in targets[:4]:
        assert f"url: {target}\n" in draft, draft


SOFT_404 = (
    "the page says it was not found, though its server answered 200 OK: the article may have"
    " moved or been removed"
)


def _teaser(title: str) -> str:
    """A short teaser page (little text, under the soft 404's limit) headed `title`."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title} | Zeta Post</title>"
        f"</head><body><article><h1>{title}</h1><p>Customer service teams closed the last"
        " server in 2012.</p><p>For subscribers only.</p></article></body></html>"
    )


def test_a_headline_ending_n_existe_plus_is_an_article_not_a_soft_404(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk104 #6: a short teaser headed "Pourquoi le Minitel n'existe plus" was reported as a
    page saying it was not found and discarded; so would "Der Minitel existiert nicht mehr" and
    "El Minitel ya no existe" have been. "Cette page n'existe plus" is still a soft 404."""
    headlines = [
        "Pourquoi le Minitel n'existe plus",
        "Der Minitel existiert nicht mehr",
        "El Minitel ya no existe",
    ]
    items = [(h, "", _teaser(h)) for h in headlines]
    gone = "How one utility cut complaints"
    items.append((gone, "", _teaser("Cette page n'existe plus")))
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "1 of 4 article page(s) could not be read" in err, err
    assert f"1  {SOFT_404}\n" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    for headline in headlines:
        assert headline in draft, draft
    assert f"url: {http_server.url('/p/0/')}\n" in draft, draft


def _spa(title: str, body: str, script: str, head: str = "") -> str:
    """An article rendered by script: its words in JSON-LD and its description, none in its body."""
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "articleBody": body,
            "author": {"@type": "Person", "name": "Oscar Pike"},
        }
    )
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta name='description' content='{body}'>{head}<script type='application/ld+json'>{ld}</script><script>{script}</script>"
        "</head><body><div id='app'></div><button onclick='signOut()'>Sign out</button></body>"
        "</html>"
    )


def test_a_script_article_with_a_location_assignment_in_a_function_is_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk104 #1: a script-rendered article (words in JSON-LD) whose page held
    `function signOut(){ window.location.href = '/'; }` was left out as "a redirect to the site's
    front page". A script redirect is followed only when it is the script's whole text and the
    page does not say it is an article (JSON-LD NewsArticle, og:type article)."""
    inside = "Refund desks learn to say yes"
    tagged = "Queues that customers never see"
    refunds = (
        "Customer service teams at three large retailers changed how they handle refunds this"
        " year. Agents can now approve a refund without asking a manager first. Complaints about"
        " refunds fell by a third."
    )
    queues = (
        "Customer service teams at two banks now answer every caller within ten minutes. Callers"
        " hear how long they will wait. Complaints about waiting fell by half."
    )
    og = "<meta property='og:type' content='article'>"
    items = [
        (inside, "", _spa(inside, refunds, "function signOut(){ window.location.href = '/'; }")),
        (tagged, "", _spa(tagged, queues, "location.replace('/');", og)),
    ]
    config = newsletter(tmp_path, http_server, items)
    http_server.add("/", page("Zeta Post home"), content_type="text/html")
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    assert "front page" not in err and "dead link" not in err, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for title in (inside, tagged):
        assert title in issue, issue
    assert "Zeta Post home" not in issue, issue
    assert issue.count("Oscar Pike") == 2, issue

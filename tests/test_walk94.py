"""walk94: pages that are not the article: a sign-in page a link redirects to, a soft 404 in
other words, a meta-refresh redirect page (fixcq)."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
from test_credit_formats import built, newsletter
from test_walk90 import page
from test_walk91 import _items

from conftest import LocalServer
from conftest import run_cli as run

SIGN_IN = (
    "its link leads to a sign-in page (or a subscription or consent form), not the article:"
    " readers may not reach the article"
)
SOFT_404 = (
    "the page says it was not found, though its server answered 200 OK: the article may have"
    " moved or been removed"
)


def test_a_link_that_redirects_to_a_sign_in_page_is_a_page_that_could_not_be_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk94 #1: `/s/3` (302 to `/account/signin?return=...`) was published with the feed's
    blurb and only a length warning, as if "Sign in | New Desk" were the article. The run and the
    draft say its link leads to a sign-in page; the article keeps its feed link."""
    signin = (
        "<!doctype html><html><head><title>Sign in | Zeta Post</title></head><body>"
        "<h1>Sign in to your account</h1><form><label>Email address</label><input name=e>"
        "<button>Sign in</button></form><p>New to Zeta Post? Create a free account to read"
        " customer service news and analysis every day.</p></body></html>"
    )
    title = "Members-only: the support salary survey"
    other = "Queues that customers never see"
    blurb = (
        "<description>A survey of 2,000 support agents finds pay rising fastest for those who"
        " own each ticket end to end. Members can read the full results.</description>"
    )
    config = newsletter(
        tmp_path, http_server, [(title, blurb, page(title)), (other, "", page(other))]
    )
    gate = http_server.add("/account/signin?return=%2Fp%2F0%2F", signin, content_type="text/html")
    target = {"Location": gate}
    http_server.add("/p/0/", status=302, headers=target, content_type=None)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    link = http_server.url("/p/0/")
    assert f'"{title}" ({link}) could not be read ({SIGN_IN})' in err, err
    assert f"could not be read ({SIGN_IN}): its credit and blurb come from its feed alone;" in err
    assert "check its link before you publish" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert f"url: {link}" in draft and "Sign in" not in draft and "/account" not in draft, draft
    issue = built(config)
    assert link in issue and "Sign in" not in issue and "signin" not in issue, issue


def test_a_page_saying_we_cant_find_that_story_is_a_soft_404(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk94 #2: a 200 page titled "Oops!" and headed "Hmm, we can't seem to find that story"
    was published. It is a soft 404, as are "could not be found" and "no longer exists"; a real
    article headed "Lost and not found: ..." is still read."""
    missing = [
        ("Oops! | Zeta Post", "Hmm, we can't seem to find that story"),
        ("Zeta Post", "Sorry, that page could not be found"),
        ("Zeta Post", "This post no longer exists"),
    ]
    items = [
        (
            f"How one utility cut complaints by {n} in ten",
            "",
            f"<!doctype html><html><head><title>{t}</title></head><body><h1>{h}</h1><p>It may"
            " have been archived or the link may be broken.</p></body></html>",
        )
        for n, (t, h) in enumerate(missing)
    ]
    real = "Lost and not found: how airlines handle missing bags"
    short = (
        f"<!doctype html><html><head><title>{real}</title></head><body><article><h1>{real}</h1>"
        "<p>Airlines lose fewer bags than a decade ago, but customers whose luggage goes missing"
        " still face long waits on support lines.</p><p>Carriers that text passengers a"
        " tracking link cut complaint calls by a third, a survey found.</p></article></body>"
        "</html>"
    )
    config = newsletter(tmp_path, http_server, [*items, (real, "", short)])
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "3 of 4 article page(s) could not be read" in err, err
    assert f"3  {SOFT_404}\n" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "seem to find" not in draft and "could not be found" not in draft, draft
    assert "Carriers that text passengers" in draft, draft


def test_a_meta_refresh_redirect_page_is_followed_to_the_article(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk94 #3: `/mr/2`, a 200 page "Redirecting..." with `<meta http-equiv="refresh"
    content="0;url=/b/2?utm_source=newsletter">`, was published at its own address, its text
    "Redirecting..." as the page. It is followed once, as an HTTP redirect is: the article is
    published at the address it leads to, less its tracking parameter."""
    title = "Refund desks learn to say yes"
    other = "Queues that customers never see"
    config = newsletter(tmp_path, http_server, [(title, "", page(title)), (other, "", page(other))])
    http_server.add("/b/2?utm_source=newsletter", page(title), content_type="text/html")
    # The address less its tracking parameter answers too, as a site's does: the build asks for
    # it again before publishing (walk132), and a 404 there would leave the article out.
    http_server.add("/b/2", page(title), content_type="text/html")
    refresh = (
        '<html><head><meta http-equiv="refresh" content="0;url=/b/2?utm_source=newsletter">'
        "<title>Redirecting...</title></head><body>Redirecting...</body></html>"
    )
    http_server.add("/p/0/", refresh, content_type="text/html")
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert f"url: {http_server.url('/b/2')}\n" in draft and "Redirecting" not in draft, err
    issue = built(config)
    assert http_server.url("/b/2") in issue and "/p/0/" not in issue, issue
    assert "utm_source" not in issue and "Redirecting" not in issue, issue


def test_another_sites_posts_at_a_moved_feeds_old_address_are_not_carried_with_the_move(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk94 #5: a feed moved (301), its old address then served another site ("Casino Deals
    Blog"), whose posts were stored as the feed's articles; after the editor followed the move,
    they were carried to the new address and stayed candidates (`subjects explain
    http://casino.example/post/0` gave a score), unsaid. They are not stored, and the run says so."""
    url = http_server.add("/moved.xml", h.rss(_items("moved", 2), title="Moved Monthly"))
    new = http_server.add("/new-moved.xml", h.rss(_items("moved", 3), title="Moved Monthly"))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    assert run("fetch", "--config", str(config), "--quiet")[0] == 0
    http_server.add("/moved.xml", b"", status=301, headers={"Location": new})
    assert run("fetch", "--config", str(config), "--quiet")[0] == 0
    http_server.add("/moved.xml", h.rss(_items("casino", 5), title="Casino Deals Blog"))
    code, _, err = run("fetch", "--config", str(config), "--quiet")
    assert code == 0, err
    assert "; its 5 new entries now, the other feed's, are not stored as articles" in err, err
    # The editor follows the move.
    config = h.write_config(tmp_path, [{"url": new, "fetch_pages": False}])
    code, _, err = run("fetch", "--config", str(config), "--quiet")
    assert code == 0, err
    code, out, err = run(
        "subjects", "explain", "http://casino.example/post/0", "--config", str(config)
    )
    assert "score" not in out and "no stored article at http://casino.example/post/0" in err, out
    code, out, err = run(
        "subjects", "explain", "http://moved.example/post/0", "--config", str(config)
    )
    assert code == 0 and "score" in out, (out, err)

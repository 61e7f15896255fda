"""walk107: pages that are not what curator took them for (fixde): a page rendered by script is
read from its JSON-LD `articleBody`; an article at an address under `/account/` is the article,
not a sign-in page; English headlines ending "no longer exists" and a numbered "L'article 49.3
n'existe plus" are headlines, not pages saying they are missing; messages show an article's
address without its fragment."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import newsletter
from test_walk90 import page
from test_walk104 import SIGN_IN, SOFT_404, _short, _teaser

from conftest import LocalServer
from conftest import run_cli as run


def test_an_article_at_an_account_address_is_read_and_a_sign_in_page_is_not(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk107 #2: a link redirecting to `/account/refund-desks`, a full article about refund
    desks, was refused as a sign-in page: its text unused, the draft saying its link leads to a
    sign-in page. A page at a gate's address that reads as a full article (a title of its own,
    text of an article's length, no password box) is the article; `/account/signin` (short) and
    `/login` (a long page with a password box) are still sign-in pages."""
    article = "Refund desks learn to say yes"
    titles = [article, "Queues that customers never see", "Hold music nobody asked for"]
    config = newsletter(tmp_path, http_server, [(t, "", page(t)) for t in titles])
    html = "text/html; charset=utf-8"
    signin = _short("Sign in | Zeta Post", "Sign in to read on. New here? Create a free account.")
    boxed = page("Welcome back").replace(
        "</article>", "<form><input type='password' name='pw'></form></article>"
    )
    targets = [
        http_server.add("/account/refund-desks", page(article), content_type=html),
        http_server.add("/account/signin", signin, content_type=html),
        http_server.add("/login", boxed, content_type=html),
    ]
    for n, target in enumerate(targets):
        http_server.add(f"/p/{n}/", status=302, headers={"Location": target}, content_type=None)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "2 of 3 article page(s) could not be read" in err, err
    assert f"     2  {SIGN_IN}, not the article" in err, err
    assert f'"{article}"' not in err.split("could not be read", 1)[-1], err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    block = draft.split(f"## {article}\n", 1)[1].split("\n## ", 1)[0]
    assert "author: Oscar Pike" in block, block
    assert "Customer service" in block and "sign-in" not in block, block


def test_english_headlines_saying_no_longer_are_articles_not_soft_404s(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk107 #3: a short teaser headed "Why the Minitel no longer exists" was taken for a page
    saying it was missing, and so was "L'article 49.3 n'existe plus" (a page word followed by a
    number names a thing, not the page). "This page no longer exists." and "This article is no
    longer available" are still soft 404s."""
    headlines = [
        "Why the Minitel no longer exists",
        "Why the fax line is no longer available",
        "L'article 49-3 n'existe plus",
        "Pourquoi l'article 49.3 n'existe plus",
    ]
    items = [(h, "", _teaser(h)) for h in headlines]
    items.append(("How one utility cut complaints", "", _teaser("This page no longer exists.")))
    items.append(("Refund desks", "", _teaser("This article is no longer available")))
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    assert "2 of 6 article page(s) could not be read" in err, err
    assert f"2  {SOFT_404}\n" in err, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    for headline in headlines:
        assert headline in draft, draft


def test_messages_show_an_article_address_without_its_fragment(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk107 #4: the note on titles holding markup showed `.../p/0/#comments`, an address with
    a fragment no server is sent; so did the list of titles cut at a word. Each shows the address
    without it."""
    marked = http_server.add("/p/0/", page("Queues customers never see"), content_type="text/html")
    untitled = "<!doctype html><html><body><p>Customer service.</p></body></html>"
    cut = http_server.add("/p/1/", untitled, content_type="text/html")
    long_title = "Customer service " + " ".join(["escalations"] * 40)
    http_server.add(
        "/feed.xml",
        "<rss version='2.0'><channel><title>Zeta Post</title>"
        f"<link>{http_server.base}</link>"
        "<item><title>Queues &lt;b&gt;customers&lt;/b&gt; never see</title>"
        f"<link>{marked}#comments</link></item>"
        f"<item><title>{long_title}</title><link>{cut}#top</link></item>"
        "</channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer service\n    keywords: [customer, service]\n"
        "settings:\n  allow_private_addresses: true\n"
        f"feeds:\n  - url: {http_server.url('/feed.xml')}\n",
        encoding="utf-8",
    )
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    assert f"  Zeta Post: 1 new article(s), first: {marked}\n" in err, err
    assert f"  Zeta Post: {cut}\n" in err, err
    assert "#comments" not in err and "#top" not in err, err


def _scripted(title: str, body: str | None) -> str:
    """A page rendered by script: `<div id="app">` saying "Loading..." (empty without a `body`),
    its words in JSON-LD alone (no description), `body` as its `articleBody`."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
    ld |= {"author": {"@type": "Person", "name": "Oscar Pike"}}
    if body is not None:
        ld["articleBody"] = body
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script></head><body>"
        f"<div id='app'>{'Loading...' if body else ''}</div></body></html>"
    )


def test_script_pages_are_read_from_their_json_ld_article_body(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk107 #1: two script-rendered pages whose JSON-LD carried one `articleBody` (a story
    under two addresses) were read as holding no text: the one whose feed had no summary was
    published without a blurb, the warning said "neither its page nor its feed's summary holds
    a sentence" (its page held three), and the two were not told as one story. The article body
    is the page's text: a blurb from it, the two one story (the copy named under the other); and
    a page giving no text is said to, not said to hold no sentence."""
    body = (
        "Customer service teams at three large retailers changed how they handle refunds this"
        " year.\nAgents can now approve a refund without asking a manager first.\nComplaints"
        " about refunds fell by a third."
    )
    summary = (
        "<description>Customer service desks now say yes to refunds. Managers are no longer"
        " asked.</description>"
    )
    first, second, bare = (
        "Refund desks learn to say yes",
        "Customer service refund desks say yes",
        "Customer service without a word",
    )
    items = [
        (first, summary, _scripted(first, body)),
        (second, "", _scripted(second, body)),
        (bare, "", _scripted(bare, None)),
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    assert "was judged the same story as" in err and "they share 100% of their text" in err, err
    assert "holds a sentence" not in err, err
    assert (
        f'no blurb could be made for "{bare}" ({http_server.url("/p/2/")}): curator has no text'
        " from its page (it was not read, or curator found no article text in it)"
    ) in err, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Agents can now approve a refund without asking a manager first." in issue, issue
    assert "Another piece in Zeta Post on the same story" in issue, issue
    assert issue.count("Refund desks learn to say yes") + issue.count(second) == 1, issue

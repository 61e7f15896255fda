"""walk135, walk137: credits of blogs on hosting platforms, as the editor sees them.

A blog on a platform curator's short list missed (janedoe.neocities.org, janedoe.blogspot.co.uk,
janedoe.micro.blog) was credited as the platform ("neocities.org") when its page named no site,
and the warning called that "the site's address" (walk135 #7). A page at the platform's own
address (medium.com/@janedoe/why, dev.to/janedoe/why) was credited "medium.com", said to be "the
site's address" too (walk137 #5), and one at sites.google.com/view/janedoe "google.com" (walk144 #5). A blog is credited by its own address; a page at a platform's
is credited by the platform's, an author its page names is kept, and the run says the credit is
the platform's, and where its address puts the page."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import page

from conftest import LocalServer, said_as_one, sans_config
from conftest import run_cli as run

#: (title, the page's canonical address, the page's author meta or "")
PAGES = (
    ("Why Support Teams Burn Out", "https://janedoe.neocities.org/2025/why", ""),
    ("Customer Effort Scores Explained", "https://janedoe.blogspot.co.uk/2025/effort.html", ""),
    ("Service Desk Queues In Winter", "https://janedoe.micro.blog/2025/queues", ""),
    ("Support Callbacks That Work", "https://janedoe.gitlab.io/callbacks/", ""),
    ("Refund Policies Customers Trust", "https://medium.com/@janedoe/refunds-1a2b", "Jane Doe"),
    ("Escalations Without Blame", "https://medium.com/support-notes/escalations-3c4d", ""),
    ("Chat Support Training Notes", "https://dev.to/janedoe/chat-support-5e6f", ""),
    ("Support Hotline Hours Explained", "https://sites.google.com/view/janedoe/hotline", ""),
)


def _newsletter(tmp_path: Path, server: LocalServer) -> Path:
    """A newsletter of one feed with no title (so that only an address can name a site) whose
    items' pages name no site, each with its canonical link on a hosting platform."""
    items = []
    for n, (title, canonical, author) in enumerate(PAGES):
        head = f'<link rel="canonical" href="{canonical}">'
        if author:
            head += f'<meta name="author" content="{author}">'
        link = server.add(
            f"/p/{n}/", page(title, head=head, site=None), content_type="text/html; charset=utf-8"
        )
        items.append(
            f"<item><title>{title}</title><link>{link}</link>"
            f"<pubDate>Tue, 0{n + 1} Dec 2026 10:00:00 GMT</pubDate></item>"
        )
    feed = server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><link>{server.base}</link>{"".join(items)}</channel></rss>',
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer service\n"
        "    keywords: [customer, support, service, effort, refunds, escalations, chat]\n"
        f"settings:\n  allow_private_addresses: true\nfeeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    return path


def test_a_hosted_blog_is_credited_by_its_address_and_a_platform_s_page_by_the_platform(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _newsletter(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    path = config.parent / "drafts" / "issue-1.md"
    draft = " ".join(path.read_text(encoding="utf-8").split())
    for blog in ("janedoe.neocities.org", "janedoe.blogspot.co.uk", "janedoe.micro.blog"):
        assert f"publication: {blog} " in draft, draft
        assert (
            f'Credit: "{blog}" is the site\'s address: neither its page nor a feed names the site;'
        ) in draft, draft
    # (the Public Suffix List's private section, which `tld` reads, names gitlab.io's blogs)
    assert "publication: janedoe.gitlab.io " in draft, draft
    assert "author: Jane Doe publication: medium.com " in draft, draft
    assert (
        'Credit: "medium.com" is the address of the platform it is posted on: neither its page nor'
        " a feed names the blog or publication (its address puts it under medium.com/@janedoe);"
        " if it has a name, correct the `publication:` line."
    ) in draft, draft
    assert (
        'Credit: "dev.to" is the address of the platform it is posted on: neither its page nor a'
        " feed names the blog or publication (its address puts it under dev.to/janedoe); if it"
        " has a name, correct the `publication:` line; no author was found"
    ) in draft, draft
    for platform in ("neocities.org", "blogspot.co.uk", "micro.blog", "gitlab.io"):
        assert f"publication: {platform} " not in draft, draft
    assert "no such server" not in err, err  # (nothing asked for the platforms' addresses)
    # (with no fetch, a build asks for no stored link again: these are no test server's)
    code, _, err = run("build", "--config", str(config), "--no-fetch", "--all-subjects")
    assert code == 0, err
    assert "no such server" not in err, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for title, credit in zip(
        (p[0] for p in PAGES),
        (
            "janedoe.neocities.org",
            "janedoe.blogspot.co.uk",
            "janedoe.micro.blog",
            "janedoe.gitlab.io",
            "Jane Doe || medium.com",
            "medium.com",
            "dev.to",
            "sites.google.com",
        ),
        strict=True,
    ):
        assert f"{title}\n\n{credit}\n" in issue, issue
    said = said_as_one(sans_config(err))
    assert (
        '"janedoe.neocities.org" is the site\'s address: neither its page nor a feed names the'
        " site; no author was found"
    ) in said, said
    assert (
        '"medium.com" is the address of the platform it is posted on: neither its page nor a feed'
        " names the blog or publication (its address puts it under medium.com/support-notes);"
        " no author was found"
    ) in said, said
    assert "medium.com/@janedoe); no author" not in said, said
    # (walk144 #5: a platform at a subdomain of a big site is its own, not "google.com")
    assert (
        '"sites.google.com" is the address of the platform it is posted on: neither its page nor'
        " a feed names the blog or publication (its address puts it under"
        " sites.google.com/view/janedoe); no author was found"
    ) in said, said
    assert '"google.com"' not in said, said
    assert '"medium.com" is the site\'s address' not in said, said
    code, out, err = run("extract", f"{http_server.base}/p/6/", "--allow-private")
    assert code == 0, err
    assert (
        "(no author found) || (no publication found: a build credits its feed's title, or the"
        " address of the platform it is posted on, dev.to, when the feed has none)"
    ) in " ".join(out.split()), out


def test_a_blog_on_every_listed_platform_is_its_own_site() -> None:
    """Every platform `HOSTING_PLATFORMS` names, and those the Public Suffix List names that
    curator relies on, make `janedoe.PLATFORM` its own site, whichever copy of the list the
    installed `tld` bundles (CI installs the one PyPI has that day: a test of the list's own
    contents would fail the day a copy changes, not when curator does)."""
    from curator.urls import HOSTING_PLATFORMS, site_of

    relied_on = ("github.io", "netlify.app", "pages.dev", "vercel.app", "blogspot.com")
    for platform in (*relied_on, *HOSTING_PLATFORMS, "blogspot.de", "blogspot.com.au"):
        assert site_of(f"https://janedoe.{platform}/why") == f"janedoe.{platform}"
    assert site_of("https://neocities.org/about") == "neocities.org"

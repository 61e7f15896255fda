"""walk200 #6 (fixli): at publish, a stored page now answering 403 said only "could not be
checked (HTTP 403 Forbidden); it was published all the same", with no way out; a page now behind
a metered paywall (200, the article's own title, one sentence and "Subscribe to keep reading")
was published unsaid. Through the CLI, against a feed and pages on a real HTTP server on
127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from conftest import LocalServer, run_cli, said_as_one

HTML = "text/html; charset=utf-8"
_PAGE = (
    "<html><head><title>{title}</title><meta name='author' content='Dana Whitfield'></head>"
    "<body><article><h1>{title}</h1>{text}</article></body></html>"
)
_TOPICS = ("queues", "callbacks", "escalations")


def _text(topic: str) -> str:
    return "".join(
        f"<p>Part {n} on {topic}: customer experience at the service desk depends on how"
        f" agents handle {topic}, and team {n} measured what changed when they tried step {n}.</p>"
        for n in range(1, 7)
    )


def _paywalled(title: str, topic: str) -> str:
    return (
        f"<html><head><title>{title} | Desk Journal</title></head><body><h1>{title}</h1>"
        f"<p>Customer experience at the service desk and {topic}.</p><div class='paywall'>"
        "<h2>Subscribe to keep reading</h2><p>This article is for subscribers only. Subscribe"
        " now for $5 a month.</p><a href='/subscribe'>Subscribe</a></div></body></html>"
    )


def test_a_refused_page_and_a_paywalled_one_name_the_way_out(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk200 #6: the page answering 403 and the page now showing a sentence of the article
    under a "subscribe" call are each said at publish with how to take it out of the issue
    (its issue-N.json, then `curator render N`)."""
    titles = [f"Service desk {t}" for t in _TOPICS]
    urls = [
        http_server.add(
            f"/a/{n}.html", _PAGE.format(title=t, text=_text(_TOPICS[n])), content_type=HTML
        )
        for n, t in enumerate(titles)
    ]
    items = "".join(
        f"<item><title>{t}</title><link>{u}</link><description>Customer experience at the"
        " service desk.</description></item>"
        for t, u in zip(titles, urls, strict=True)
    )
    feed = http_server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>Desk Journal</title>{items}</channel></rss>',
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Service\n"
        "    keywords: [customer experience, service desk]\n"
        f"feeds:\n  - url: {feed}\nsettings:\n  output: output\n"
        "  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    http_server.add(
        "/a/0.html",
        "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>",
        content_type=HTML,
        status=403,
    )
    http_server.add("/a/1.html", _paywalled(titles[1], _TOPICS[1]), content_type=HTML)

    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    json_file = tmp_path / "output" / "issue-1.json"
    way_out = f"to take it out of issue 1: delete its entry in {json_file}, then `curator render 1"
    refused = (
        f'the link of "{titles[0]}" ({urls[0]}) could not be checked (HTTP 403 Forbidden); it was'
        f" published all the same (readers may be refused it too); {way_out}"
    )
    assert refused in said, said
    paywalled = (
        f'"{titles[1]}" ({urls[1]}): its page now shows only a part of the article stored and'
        ' asks readers to subscribe or sign in ("This article is for subscribers only."); it was'
        f" published all the same: readers without a subscription may not reach it; {way_out}"
    )
    assert paywalled in said, said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f'href="{urls[1]}"' in html  # (published, and said)
    assert "its page now shows only a part" not in said.replace(paywalled, "")  # (said once)

"""fixlp #5: a page now showing a sentence of its article under "Subscribe to keep reading" alone
was published unsaid: the paywall's notices did not know the phrase ("Subscribe to continue
reading", "This article is for subscribers", "Already a subscriber? Sign in" are each known too).
Through `fetch` then `build`, against a feed and pages on 127.0.0.1, as walk200 #6's test does."""

from __future__ import annotations

from pathlib import Path

from test_fixli_refused_paywall import _PAGE, HTML, _text

from conftest import LocalServer, run_cli, said_as_one

NOTICES = (
    "Subscribe to keep reading",
    "Subscribe to continue reading",
    "This article is for subscribers",
    "Already a subscriber? Sign in",
)
_TOPICS = ("queues", "callbacks", "escalations", "handovers")


def _paywalled(title: str, topic: str, notice: str) -> str:
    """The article's page behind a metered paywall: its title, one sentence, and `notice`."""
    return (
        f"<html><head><title>{title} | Desk Journal</title></head><body><h1>{title}</h1>"
        f"<p>Customer experience at the service desk and {topic}.</p><div class='gate'>"
        f"<h2>{notice}</h2><a href='/subscribe'>Subscribe</a></div></body></html>"
    )


def test_each_paywall_phrase_is_said_at_publish(tmp_path: Path, http_server: LocalServer) -> None:
    titles = [f"Service desk {t}" for t in _TOPICS]
    urls = [
        http_server.add(f"/a/{n}.html", _PAGE.format(title=t, text=_text(topic)), content_type=HTML)
        for n, (t, topic) in enumerate(zip(titles, _TOPICS, strict=True))
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
    for n, notice in enumerate(NOTICES):
        page = _paywalled(titles[n], _TOPICS[n], notice)
        http_server.add(f"/a/{n}.html", page, content_type=HTML)

    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    json_file = tmp_path / "output" / "issue-1.json"
    way_out = f"to take it out of issue 1: delete its entry in {json_file}, then `curator render 1"
    for title, url, notice in zip(titles, urls, NOTICES, strict=True):
        quoted = notice.split("?")[0] + "?" if "?" in notice else notice
        paywalled = (
            f'"{title}" ({url}): its page now shows only a part of the article stored and asks'
            f' readers to subscribe or sign in ("{quoted}"); it was published all the same:'
            f" readers without a subscription may not reach it; {way_out}"
        )
        assert paywalled in said, (notice, said)

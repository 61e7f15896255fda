"""walk65: prose about memberships read as a paywall's notice (#1), and articles stored with `file:`
links counted as waiting though no issue can take them (#2), as the editor sees them in `themes`
and `build`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from test_credit_formats import newsletter, page
from test_walk55 import JA_LEAD, JA_NOTICE, _paywalled

from conftest import LocalServer
from conftest import run_cli as run

MEMBERS_LEAD = (
    "Free express delivery is available only to members who spend more than a thousand pounds a"
    " year, and that is exactly why the loyalty programme makes ordinary customers feel second"
    " class. The customer experience of the majority suffers for the perks of a few."
)
LOUNGE_SUMMARY = (
    "The airline's new lounge is open only to members of its loyalty scheme, and it changed how"
    " every customer sees the brand experience."
)


JA_BODY = JA_LEAD + "。核放棄を巡って「検証可能な」の文字がなく、米朝会談は一方的譲歩に見える。"


def _article(title: str, paragraphs: list[str], description: str = "") -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{meta}"
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def test_prose_about_memberships_is_no_paywall_notice(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk65 #1: a free page whose lead says "available only to members who spend more..." lost
    that lead from its blurb and was warned as "behind a paywall" with a quote cut mid-word
    ("... why the loyal"); a feed's summary "... open only to members of its loyalty scheme" was
    thrown away, the blurb opening "Photographs by the author." Now both leads are the blurbs, no paywall warning
    names them, and ja1's notice (walk55 #1) is still left out and warned of."""
    padding = (
        "A third paragraph talks about the customer journey, touchpoints and delight, so that the"
        " article is plainly about customer service and customer experience."
    )
    items = [
        (
            "Why loyalty programmes fail their best customers",
            "",
            _article(
                "Why loyalty programmes fail their best customers",
                [
                    MEMBERS_LEAD,
                    "Retailers then wonder why their loyalty scores stall. The second paragraph"
                    " repeats the point in other words about customer service.",
                    padding,
                ],
            ),
        ),
        (
            "The lounge that changed a brand",
            f"<description>{LOUNGE_SUMMARY}</description>",
            _article(
                "The lounge that changed a brand",
                [
                    "Photographs by the author.",
                    "We visited on a Tuesday. The queue was short, the coffee good, and the staff"
                    " knew our names before we gave them; customer service at every touchpoint.",
                    padding,
                ],
                LOUNGE_SUMMARY,
            ),
        ),
        (
            "米朝首脳直通電話 習氏に挑むトランプ戦術",
            "",
            _paywalled(
                "米朝首脳直通電話 習氏に挑むトランプ戦術", JA_NOTICE, JA_BODY, JA_LEAD, "ja"
            ),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    text = config.read_text(encoding="utf-8").replace("effort]", "effort, 米朝, トランプ, 首脳]")
    config.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--all-subjects", "--json")
    assert code == 0, err
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert MEMBERS_LEAD in " ".join(txt.split()), txt
    lounge = txt.split("The lounge that changed a brand", 1)[1].split("http", 1)[0]
    assert " ".join(lounge.split()).startswith(f"Zeta Post {LOUNGE_SUMMARY}"), lounge
    assert "有料会員" not in txt and JA_LEAD + "。" in txt, txt
    said = " ".join(err.split())
    assert said.count("is behind a paywall") == 1, err
    assert (
        f'the page of "米朝首脳直通電話 習氏に挑むトランプ戦術" ({http_server.base}/p/2/) is'
        ' behind a paywall ("有料会員の方のみご利用になれます。"): curator read only what it shows'
        " free" in said
    ), err
    assert "may start mid-story" not in said, err
    warnings = " ".join(w["message"] for w in json.loads(out)["warnings"])
    walled = " ".join(
        w["message"] for w in json.loads(out)["warnings"] if "behind a paywall" in w["message"]
    )
    assert "Free express delivery" not in walled and "lounge" not in walled, walled
    assert warnings.count("is behind a paywall") == 1, warnings


#: A local page of walk65's local feed: about the subject, naming no web address of its own.
LOCAL_PAGE = (
    "<!doctype html><html lang='en'><head>{canonical}<title>Customer service lesson {n}</title>"
    "</head><body><article><h1>Customer service lesson {n}</h1>"
    + "<p>Customer service is one team, and customer support answers every customer with the"
    " least effort; customer service and support share the work.</p>"
    * 4
    + "</article></body></html>"
)


def _old_store(tmp_path: Path) -> tuple[Path, list[str]]:
    """walk65 #2's store: a local feed's three pages, stored by a curator before 09e8b27 at their
    `file:` addresses (the pages name no web address), with the entries' ids as it kept them.
    Returns the local feed's path and the pages' addresses."""
    from curator.harvest import entry_id_key
    from curator.models import Article
    from curator.store import Store
    from curator.urls import url_key

    (tmp_path / "pages").mkdir()
    (tmp_path / "feeds").mkdir()
    feed = tmp_path / "feeds" / "local.xml"
    items, urls = [], []
    for n in (1, 2, 3):
        page = tmp_path / "pages" / f"p{n}.html"
        page.write_text(LOCAL_PAGE.format(canonical="", n=n), encoding="utf-8")
        urls.append(page.as_uri())
        items.append(
            f"<item><title>Customer service lesson {n}</title><link>../pages/p{n}.html</link>"
            f"<guid>l{n}</guid><pubDate>Mon, 0{n} Nov 2026 08:00:00 +0000</pubDate></item>"
        )
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local CX'
        f"</title><link>https://localcx.example/</link>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    store = Store.open(tmp_path / ".curator" / "curator.db")
    try:
        store.add_articles(
            [
                (
                    url_key(url),
                    Article(
                        0,
                        url,
                        f"Customer service lesson {n}",
                        publication="Local CX",
                        first_seen=datetime(2026, 11, 2, 8, tzinfo=UTC),
                        text=" ".join(
                            ["Customer service is one team, and customer support answers."] * 4
                        ),
                    ),
                )
                for n, url in enumerate(urls, 1)
            ],
            feed_url=str(feed),
        )
        store.remember_entry_ids(
            (entry_id_key(str(feed), f"l{n}"), url_key(url)) for n, url in enumerate(urls, 1)
        )
    finally:
        store.close()
    return feed, urls


def test_articles_stored_at_file_addresses_are_said_once_and_counted_nowhere(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk65 #2: articles an older curator stored at `file:` addresses were counted by `themes`
    ("3 article(s) (ripest)") and by the build ("3 more fit it and wait for a later issue"), but
    no issue takes them ("Nothing new to feature"), and nothing said so. Now the first run names
    them once, with what to do, and no count holds them."""
    feed, urls = _old_store(tmp_path)
    items = [(t, "", page(t)) for t in ("Refund Queues", "Chat Support Hours")]
    config = newsletter(tmp_path, http_server, items)
    text = config.read_text(encoding="utf-8").replace("issue_size: 20", "issue_size: 2")
    config.write_text(text.replace("feeds:\n", f"feeds:\n  - url: {feed}\n"), encoding="utf-8")

    code, out, err = run("themes", "--config", str(config))
    assert code == 0, err
    assert "Customer service: 0 article(s) (too thin" in out, out
    said = " ".join(err.split())
    assert (
        "3 stored article(s) have a local file's address, not a web address, so no issue can"
        f' link to them: "Customer service lesson 1" ({urls[0]}), "Customer service lesson 2"'
        f' ({urls[1]}), "Customer service lesson 3" ({urls[2]}).' in said
    ), err
    assert "no longer counted as waiting" in said, err
    assert "To feature one, add its web address to a draft (`## https://...`" in said, err
    code, out, err = run("themes", "--config", str(config))
    assert code == 0 and "local file" not in err, err  # (said once)

    code, out, err = run("build", "--config", str(config), "--no-fetch")
    assert code == 0, err
    assert "Nothing new to feature" in out + err and "local file" not in err, err

    code, out, err = run("build", "--config", str(config))
    assert code == 0, err
    said = " ".join((out + err).split())
    assert "Customer service: 2 featured" in said and "wait for a later issue" not in said, err
    assert "local file" not in said, err
    code, out, err = run("subjects", "list", "--config", str(config))
    assert code == 0, err
    assert (
        "Customer service lesson 1  [a local file, not a web address: never picked for an issue]"
        in out
    ), out


def test_a_build_finds_the_file_addresses_by_the_address_keys_index(tmp_path: Path) -> None:
    """fixbr: finding the `file:` addresses filtered the articles by `url`, which has no index, so
    every build read the whole articles table (1.3 s CPU of a week's build at 1,000,000 stored).
    Among 3,000 stored web articles, the three local pages are still found and marked, and
    finding them runs a few hundred SQLite steps, not a pass over every article."""
    from curator.models import Article
    from curator.store import Store
    from curator.urls import url_key

    _feed, urls = _old_store(tmp_path)
    store = Store.open(tmp_path / ".curator" / "curator.db")
    try:
        web = [f"https://news{i % 7}.example.com/story/{i}" for i in range(3000)]
        store.add_articles(
            [
                (
                    url_key(u),
                    Article(0, u, f"Story {i}", first_seen=datetime(2026, 11, 2, tzinfo=UTC)),
                )
                for i, u in enumerate(web)
            ],
            feed_url="https://news0.example.com/feed.xml",
        )
        steps = [0]

        def step() -> int:
            steps[0] += 1
            return 0

        store.db.set_progress_handler(step, 100)
        marked = store.mark_local_files(now=datetime(2026, 11, 9, tzinfo=UTC))
        store.db.set_progress_handler(None, 100)
        assert [url for url, _ in marked] == urls
        assert steps[0] * 100 < 3000, f"{steps[0] * 100} SQLite steps: the whole table was read"
        assert store.mark_local_files(now=datetime(2026, 11, 9, tzinfo=UTC)) == []
    finally:
        store.close()

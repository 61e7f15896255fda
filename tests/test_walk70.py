"""walk70: a feed's `{%` and `{{<` in the Markdown edition (Jekyll's Liquid, Hugo's shortcodes),
and paywall notices told from free prose; each through the CLI on a real local HTTP server."""

from __future__ import annotations

import html
from pathlib import Path

import hostile_helpers as h
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from test_credit_formats import newsletter
from test_walk65 import _article

from conftest import LocalServer
from conftest import run_cli as run

#: Titles and a blurb holding what Liquid (`{% %}`, `{{ }}`) and Hugo (`{{< >}}`, `{{% %}}`) run.
TITLE = "Customer experience: {% gist x %} and {{< x >}} in the customer journey"
BLURB = (
    "Customer experience teams embed {{% gist spf13 7896402 %}} and {{ page.title }} in their"
    " journey maps, and ask how the customer journey feels from the first touchpoint to the last."
)


def test_the_markdown_body_writes_braces_as_entities(tmp_path: Path, http_server: LocalServer):
    """walk70 #1: `{{% gist ... %}}` from a feed was written `\\{\\{% ... %\\}\\}`, in which Liquid
    still finds `{%`: `jekyll build` stopped ("Tag '{%' was not properly terminated"). Braces from
    feeds are entities now, which neither Liquid nor Hugo reads and markdown-it shows as braces;
    the front matter (YAML, which neither runs) keeps the text as written."""
    item = (
        f"<item><title>{html.escape(TITLE)}</title><link>https://blog.example.com/braces</link>"
        f"<description>{html.escape(BLURB)}</description></item>"
    )
    feed = http_server.add(
        "/feed.xml", h.rss(item, "Braces {{ x }}"), content_type="application/rss+xml"
    )
    config = h.write_config(tmp_path, [{"url": feed}], settings={"fetch_pages": False})
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    md = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    body = md[4:].split("\n---\n", 1)[1]
    for liquid in ("{%", "%}", "{{", "}}", "{"):
        assert liquid not in body, (liquid, body)
    text = BeautifulSoup(MarkdownIt("commonmark").render(body), "html.parser").get_text()
    assert TITLE in text
    # (the blurb's sentence holding template code is no blurb sentence: fixbn, walk69 #2)
    assert "{{% gist spf13 7896402 %}}" not in text
    assert "Braces {{ x }}" in text  # the credit


#: walk70 #3: paywall notices missed (published in the blurb, no warning), each after a free lead.
NOTICES = (
    "You have reached your limit of free articles this month. Subscribe for unlimited access.",
    "Weiterlesen mit Z+. Sie haben bereits ein Abo? Hier anmelden.",
    "Il vous reste 80% de cet article à lire. La suite est réservée aux abonnés.",
    "Para seguir leyendo, hazte suscriptor. ¿Ya eres suscriptor? Inicia sesión.",
)
#: walk70 #4: free leads taken for notices (the page called paywalled, the lead lost) or dropped
#: as furniture ("Subscribers ..." opened like "Subscribe ..."), with no word.
FREE_LEADS = (
    "Le salon est réservé aux abonnés du stade, qui paient 300 euros par an pour le service client.",
    "El gimnasio es exclusivo para socios desde enero, según la nueva normativa del servicio.",
    "This article is available to subscribers only, the regulator noted, which is why court records"
    " of customer service complaints should not sit behind a paywall.",
    "Subscribers to the magazine's print edition received the issue a week early, and many wrote"
    " in to complain about the customer service.",
)
SERVICE = (
    "Customer service is one team, and customer support answers every customer with the least"
    " effort; customer service and support share the work."
)


def test_paywall_notices_are_told_from_free_prose(tmp_path: Path, http_server: LocalServer):
    """A notice speaks to the reader ("You have reached your limit", "hazte suscriptor", "Il vous
    reste 80%") or says who may read on at its clause's end; the same words with the sentence going
    on ("réservé aux abonnés du stade", "..., the regulator noted") are prose, and "Subscribers to"
    opens no "Subscribe" box. Notices are left out of the blurb and warned of; free leads are the
    blurbs, with no paywall warning."""
    items = []
    for n, notice in enumerate(NOTICES):
        lead = f"Customer service lesson {n} starts with listening to every customer who writes in."
        title = f"Paywalled customer service story {n}"
        items.append((title, "", _article(title, [lead, SERVICE, notice])))
    for n, lead in enumerate(FREE_LEADS):
        title = f"Free customer service story {n}"
        items.append((title, "", _article(title, [lead, SERVICE, SERVICE])))
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    txt = " ".join((tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").split())
    said = " ".join(err.split())
    for n, notice in enumerate(NOTICES):
        assert notice.split(".")[0] not in txt, notice
        assert f"Customer service lesson {n} starts with listening" in txt
        assert f"({http_server.base}/p/{n}/) is behind a paywall" in said, err
    for n, lead in enumerate(FREE_LEADS):
        # A lead opening "This article ..." leans on a sentence before it: never a blurb's opening.
        assert lead in txt or lead.startswith("This "), (lead, txt)
        assert f"({http_server.base}/p/{n + len(NOTICES)}/) is behind" not in said, err
    assert said.count("is behind a paywall") == len(NOTICES), err

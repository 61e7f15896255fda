"""fixkv #2: one rule for a site's name in a page's title. `_without_name_at_end` parted a title
inside its quotes ("Readers Asked “Is It Fetching ✩ Acme Hacks”" was published as "Readers Asked
“Is It Fetching"), and `clean_title` cut a leading name by a rule of its own ("Acme | Q3" was
"Q3", where every other title keeps "Acme | Q3": too little is left, revK). Through `curator
extract --json`, on pages served on 127.0.0.1."""

from __future__ import annotations

import json

from test_fixkb_titles import HTML
from test_fixko_site_name_titles import page

from conftest import LocalServer, run_cli


def extracted(url: str) -> dict[str, object]:
    code, out, err = run_cli("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    record: dict[str, object] = json.loads(out.splitlines()[0])
    return record


def test_a_site_name_inside_quotes_is_not_cut(http_server: LocalServer) -> None:
    title = "Readers Asked “Is It Fetching ✩ Acme Hacks”"
    url = http_server.add("/t/fetching.html", page(title, "Acme Hacks"), content_type=HTML)
    record = extracted(url)
    assert (record["title"], record["issue_title"]) == (title, title), record


def test_a_leading_site_name_goes_by_the_one_rule(http_server: LocalServer) -> None:
    url = http_server.add("/t/q3.html", page("Acme | Q3", "Acme"), content_type=HTML)
    record = extracted(url)
    # "Q3" alone is too little a title: the <title> stays whole, as a feed's title does
    assert (record["title"], record["issue_title"]) == ("Acme | Q3", "Acme | Q3"), record
    url = http_server.add(
        "/t/q3-long.html", page("Acme | Q3 Results Are In", "Acme"), content_type=HTML
    )
    record = extracted(url)
    assert (record["title"], record["issue_title"]) == ("Q3 Results Are In",) * 2, record

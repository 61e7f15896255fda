"""walk195 #7: `curator extract URL --config feeds.yaml` showed the title "Le Blog de la Relation
Client" for a page a build, given it as `## URL` in a draft, titles "Le premier contact décide de
tout": the build takes a followed feed's name from either end of the page's <title>
(`articles_titles.rechosen`), and extract, which says it reads pages "exactly as the build reads
them", did not. Through the CLI against a feed and a page on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixkb_titles import ADDED, BLOG, HTML, newsletter

from conftest import LocalServer, run_cli


def test_extract_titles_a_page_as_a_build_of_it_added_by_address(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path = newsletter(tmp_path, http_server)
    code, out, err = run_cli("fetch", "--config", str(path), "-q")
    assert code == 0, out + err
    name, title, h1, shown, _ = ADDED[0]
    assert title.startswith(BLOG) and shown == "Le premier contact décide de tout"
    body = (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        "</head><body><article><p>Le premier contact avec un client décide souvent de toute la"
        " relation qui suit, bien avant la première facture.</p><p>Un accueil lent ou confus"
        " pèse pendant des mois sur la confiance que le client accorde ensuite à la"
        " marque.</p></article></body></html>"
    )
    url = http_server.add(f"/t/{name}.html", body, content_type=HTML)

    code, out, err = run_cli("extract", url, "--config", str(path))
    assert code == 0, out + err
    assert out.splitlines()[0] == shown, out
    code, out, err = run_cli("extract", url, "--config", str(path), "--json")
    assert code == 0, out + err
    record = json.loads(out.splitlines()[0])
    assert record["issue_title"] == shown, record

    # The build, given it by its address, publishes the same title.
    code, out, err = run_cli("draft", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, out + err
    draft = tmp_path / "drafts" / "issue-1.md"
    with draft.open("a", encoding="utf-8") as f:
        f.write(f"\n## {url}\n")
    code, out, err = run_cli("build", "--config", str(path), "--draft", str(draft), "-q")
    assert code == 0, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    titles = {a["url"]: a["title"] for s in issue["sections"] for a in s["articles"]}
    assert titles[url] == shown, titles

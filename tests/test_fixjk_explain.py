"""walk187 #7: `subjects explain` said "without your moves and exclusions it would have no subject:
your corrections of other articles changed its place" of an article the corrections had not
moved: the stored model (fitted before the newest articles came, reused while the archive grows
by under a tenth) placed it, a model fitted on today's articles without the corrections did not,
and neither did one fitted on today's articles with them. Said only when fitting on the same
articles with and without the corrections places it differently. Through the CLI, with 20
Newsgroups posts from the shared corpus served on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml
from test_subjects_editor import BENCHMARK_SUBJECTS

from conftest import LocalServer
from conftest import run_cli as run

BLAMED = "your corrections of other articles changed its place"


def serve(http_server: LocalServer, rows: list[dict]) -> str:
    items = "".join(
        f"<item><title>{escape(r['title'])}</title><link>https://posts.example/{r['id']}</link>"
        f"<description>{escape(r['text'][:4000])}</description></item>"
        for r in rows
    )
    body = f'<rss version="2.0"><channel><title>Posts</title>{items}</channel></rss>'
    return http_server.add("/posts.xml", body)


def explained(config: Path, url: str) -> str:
    code, out, err = run("subjects", "explain", "--config", str(config), url)
    assert code == 0, err
    return " ".join(out.split())


def test_explain_blames_the_corrections_only_when_they_moved_the_article(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    path = corpus / "topics" / "20newsgroups" / "sci-train.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not in the shared corpus")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()][::22]
    written = yaml.safe_load((BENCHMARK_SUBJECTS / "science.yaml").read_text(encoding="utf-8"))
    right = {
        f"https://posts.example/{r['id']}": next(
            s["name"] for s in written["subjects"] if s["label"] == r["label"]
        )
        for r in rows
    }
    config = tmp_path / "feeds.yaml"
    settings = {"fetch_pages": False, "allow_private_addresses": True}
    subjects = [
        {
            "name": s["name"],
            "description": s["description"],
            "keywords": list(map(str, s["keywords"])),
        }
        for s in written["subjects"]
    ]
    feeds = [{"url": serve(http_server, rows[: len(rows) * 93 // 100])}]
    document = {"newsletter": {"title": "Same-field weekly"}, "subjects": subjects}
    document.update(feeds=feeds, settings=settings)
    config.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run("subjects", "list", "--config", str(config), "--json")
    assert code == 0, err
    for a in [a for a in json.loads(out) if a["subject"] != right[a["url"]]][:3]:
        code, _, err = run("subjects", "move", "--config", str(config), a["url"], right[a["url"]])
        assert code == 0, err
    assert run("subjects", "list", "--config", str(config), "-q")[0] == 0  # (fitted, stored)
    serve(http_server, rows)  # (the feed's newest posts: under a tenth more, no new fit)
    assert run("fetch", "--config", str(config), "-q")[0] == 0

    # Where the stored model, and models fitted on today's articles with and without the
    # corrections, place each article (the test's own look; the editor reads `explain`).
    from curator.config_load import load_config
    from curator.placing import CORPUS_SAMPLE, current_model, fitted_model
    from curator.store import Store
    from curator.subjects import SubjectModel

    conf = load_config(config)
    with Store.open(conf.settings.store) as store:
        corrections = store.corrections()
        sample = store.sample_ids(CORPUS_SAMPLE)
        placing = current_model(conf, store, corrections)
        fits = [SubjectModel.of(fitted_model(conf, store, c, sample)) for c in (corrections, {})]
        refit, moved = [], []
        for i, url in sample:
            article = store.article_by_id(i)
            if url in corrections or article is None:
                continue
            now = placing.assign_one(article).subject
            fitted, alone = (m.assign_one(article).subject for m in fits)
            if now != alone:
                (refit if fitted == alone else moved).append(url)
    assert refit and moved, (refit, moved)  # (the posts as they are: both kinds are there)

    assert BLAMED not in explained(config, refit[0])
    assert BLAMED in explained(config, moved[0])

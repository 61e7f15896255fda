"""The editor's view of the subjects, through the CLI on real data: where every article went
(`subjects list`), the articles the model is least sure of (`subjects uncertain`), the subjects it
confuses (`subjects overlap`), and what a correction changes (`move`, `exclude`)."""

from __future__ import annotations

import json
import re
import shlex
import sqlite3
import statistics
from collections.abc import Collection
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml

from conftest import run_cli as run
from conftest import sans_config

BENCHMARK_SUBJECTS = Path(__file__).resolve().parent.parent / "benchmarks" / "subjects"
BACKLOG = "https://supportdesk-review.example/operations/taming-the-ticket-backlog"
METRICS = "https://brightline.example/blog/choosing-cx-metrics"
COFFEE = "https://brightline.example/blog/office-coffee-machine"


def family(
    tmp_path: Path,
    http_server,
    corpus: Path,
    data: str,
    subjects: str | Path,
    every: int,
    *,
    no_keywords: Collection[str] = (),
) -> tuple[Path, dict[str, str]]:
    """A newsletter whose one feed (on the local server) carries every `every`-th post of a 20
    Newsgroups family, with the subjects an editor wrote for it (those named in `no_keywords`
    left with a name and a description only); returns its feeds.yaml and each post's URL -> the
    name of its right subject."""
    path = corpus / "topics" / "20newsgroups" / data
    if not path.exists():
        pytest.skip(f"{path} is not in the shared corpus")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()][::every]
    written = yaml.safe_load((BENCHMARK_SUBJECTS / subjects).read_text(encoding="utf-8"))
    name_of = {s["label"]: s["name"] for s in written["subjects"]}
    urls = []
    for n in range(0, len(rows), 1000):  # a feed is read up to its 1,000th entry
        items = "".join(
            f"<item><title>{escape(r['title'])}</title><link>https://posts.example/{r['id']}</link>"
            f"<description>{escape(r['text'][:4000])}</description></item>"
            for r in rows[n : n + 1000]
        )
        body = f'<rss version="2.0"><channel><title>Posts</title>{items}</channel></rss>'
        urls.append(http_server.add(f"/posts-{n}.xml" if n else "/posts.xml", body))
    config = {
        "newsletter": {"title": "Same-field weekly"},
        "subjects": [
            {
                "name": s["name"],
                "description": s["description"],
                "keywords": [] if s["name"] in no_keywords else [str(k) for k in s["keywords"]],
            }
            for s in written["subjects"]
        ],
        "feeds": [{"url": url} for url in urls],
        "settings": {"fetch_pages": False, "allow_private_addresses": True},
    }
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("fetch", "--config", str(feeds), "-q")
    assert code == 0, err
    return feeds, {f"https://posts.example/{r['id']}": name_of[r["label"]] for r in rows}


def listed(config: Path, *args: str) -> list[dict]:
    code, out, err = run("subjects", "list", "--config", str(config), "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_list_shows_every_article_by_subject_and_who_placed_it(demo: Path) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    assert (
        run("subjects", "move", "--config", str(demo), BACKLOG, "voice of the customer", "-q")[0]
        == 0
    )
    assert run("subjects", "exclude", "--config", str(demo), METRICS, "-q")[0] == 0
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err

    rows = listed(demo)
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db")
    stored = {url for (url,) in db.execute("SELECT url FROM articles")}
    assert sorted(r["url"] for r in rows) == sorted(stored)  # each stored article, once
    by_url = {r["url"]: r for r in rows}
    assert by_url[BACKLOG]["subject"] == "Voice of the customer"
    assert by_url[BACKLOG]["placed_by"] == "editor" and by_url[BACKLOG]["correction"] == "moved"
    assert by_url[METRICS]["subject"] is None and by_url[METRICS]["correction"] == "excluded"
    assert by_url[COFFEE]["subject"] is None and by_url[COFFEE]["placed_by"] == "curator"
    # The articles issue 1 featured say so; the others are still candidates.
    html = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    featured = set(re.findall(r'<h3><a href="([^"]+)"', html))
    assert featured and {r["url"] for r in rows if r["featured_in"] == 1} == featured
    # Grouped by subject, best score first within each.
    for subject in {r["subject"] for r in rows if r["subject"]}:
        scores = [r["score"] for r in rows if r["subject"] == subject]
        assert scores == sorted(scores, reverse=True)

    only = listed(demo, "--subject", "voice of the customer")
    assert {r["subject"] for r in only} == {"Voice of the customer"}
    assert BACKLOG in {r["url"] for r in only}
    assert {r["url"] for r in listed(demo, "--unplaced")} == {METRICS, COFFEE}

    code, out, _ = run(
        "subjects", "list", "--config", str(demo), "--subject", "Voice of the customer"
    )
    assert code == 0 and "Voice of the customer (" in out
    assert "Taming a Ticket Backlog Without Burning Out the Team  [moved by you]" in out
    code, _, err = run("subjects", "list", "--config", str(demo), "--subject", "Pricing")
    assert code != 0 and "no subject `Pricing`" in err and "`Service operations`" in err


def test_move_and_exclude_say_what_changes_at_the_next_build(demo: Path) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    before = {r["url"]: r["subject"] for r in listed(demo)}
    assert before[BACKLOG] == "Service operations"

    code, out, err = run(
        "subjects", "move", "--config", str(demo), BACKLOG, "voice of the customer", "--json"
    )
    assert code == 0, err
    moved = json.loads(out)
    assert moved["subject"] == "Voice of the customer"
    change = {c["url"]: c for c in moved["changes"]}[BACKLOG]
    assert (change["before"], change["after"]) == ("Service operations", "Voice of the customer")
    # What it said is what the next placement does.
    after = {r["url"]: r["subject"] for r in listed(demo)}
    assert {u for u in after if after[u] != before[u]} == {c["url"] for c in moved["changes"]}

    code, out, err = run("subjects", "exclude", "--config", str(demo), COFFEE)
    assert code == 0, err
    assert out.startswith("Excluded: The Office Coffee Machine Has Opinions\n")
    # Among as many as are stored (11), not "the 3,000 newest" of a store that has 11.
    assert f"No other article changes subject (among the {len(before)} newest articles)." in out
    assert "working out what changes" in err  # progress on stderr, silenced by -q
    code, _, err = run("subjects", "exclude", "--config", str(demo), COFFEE, "-q")
    assert code == 0 and err == ""


def test_uncertain_lists_the_articles_the_model_gets_wrong(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """On real same-field posts (sci.*), the articles `uncertain` lists are misplaced far more
    often than the others: they are where the editor's corrections teach."""
    config, right = family(tmp_path, http_server, corpus, "sci-train.jsonl", "science.yaml", 2)
    placed = {r["url"]: r["subject"] for r in listed(config)}
    wrong = {u for u in placed if placed[u] != right[u]}
    code, out, err = run(
        "subjects", "uncertain", "--config", str(config), "--limit", "40", "--json"
    )
    assert code == 0, err
    found = json.loads(out)
    assert len(found) == 40
    assert [u["sureness"] for u in found] == sorted(u["sureness"] for u in found)
    assert {u["reason"] for u in found} <= {
        "between",
        "bar",
        "one word",
        "keywords only",
        "weak fit",
    }  # (fixiq: "keywords only"; fixkj, walk194 #5: "weak fit")
    # (placed mostly on a word of the subject's description, far under its usual score, walk153
    # #1: measured 3 posts listed so, 2 of them misplaced, against 13% of all)
    ones = [u for u in found if u["reason"] == "one word"]
    assert 2 * sum(u["url"] in wrong for u in ones) >= len(ones), ones
    assert all(u["subject"] == placed[u["url"]] for u in found)
    # Each reason is true of its article (walk20 #4): two subjects near each other, or a fit
    # near the bar; an article under no subject is between none.
    between = [u for u in found if u["reason"] == "between"]
    assert between and all(u["unsure"] and u["margin"] < 0.8 and u["subject"] for u in between)
    share_wrong = sum(u["url"] in wrong for u in found) / len(found)
    # Measured 0.72 of the listed against 0.13 of all (the floors leave room for other data).
    assert share_wrong >= 0.3 and share_wrong >= 3 * len(wrong) / len(placed)

    # Corrected, an article leaves the list; the text form says what to do with the rest.
    first = found[0]["url"]
    assert run("subjects", "move", "--config", str(config), first, right[first], "-q")[0] == 0
    code, out, _ = run("subjects", "uncertain", "--config", str(config), "--limit", "40", "-q")
    assert code == 0 and first not in out
    # (the move taught the model: each article's runner-up is read again, as the text says it)
    code, again, err = run(
        "subjects", "uncertain", "--config", str(config), "--limit", "120", "--json"
    )
    assert code == 0, err
    # (one the text listed: the text run's ones come after the others now, walk129 #5, so this
    # lists more than 40)
    shown = next(
        u for u in json.loads(again) if u["reason"] == "between" and f"\n  {u['url']}\n" in out
    )
    said = out.split(f"\n  {shown['url']}\n  ", 1)[1].split("\n", 1)[0]
    assert re.fullmatch(
        rf"{re.escape(shown['subject'])} \(\d\.\d{{3}}\), or {re.escape(shown['runner_up'])}"
        r" \(\d\.\d{3}\): not far enough apart to be sure",
        said,
    ), said
    assert "curator subjects move URL SUBJECT" in out


def test_overlap_names_the_subjects_that_share_a_field_and_the_words_that_part_them(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    config, _ = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 3)
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    pairs = json.loads(out)
    top = pairs[0]
    # The hardware subjects are the ones posts fall between (PC / Mac, PC / Windows).
    assert "PC hardware" in top["subjects"], [p["subjects"] for p in pairs[:3]]
    assert top["split_by_chance"] and top["between"]
    assert [p["share_between"] for p in pairs] == sorted(
        (p["share_between"] for p in pairs), reverse=True
    )
    words = {name: set(w) for name, w in top["words"].items()}
    other = next(name for name in top["subjects"] if name != "PC hardware")
    assert words["PC hardware"] & {"ide", "scsi", "drives", "controllers", "motherboards", "bios"}
    assert not words["PC hardware"] & words[other]
    code, text, _ = run("subjects", "overlap", "--config", str(config), "-q")
    assert code == 0 and "split by chance" in text and "words for PC hardware:" in text


def test_overlap_shows_the_words_as_the_posts_write_them(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """With only names and descriptions, the words that part two subjects come from the posts:
    each is shown as the posts spell it ("ide"), never as a stem ("id", from "IDE" but also a
    word of its own in a few posts) that an editor could not put in a keyword."""
    # Editor C's comp.* subjects (written from the group names alone), without keywords.
    subjects = BENCHMARK_SUBJECTS / "wording" / "computers-nokw.yaml"
    config, _ = family(tmp_path, http_server, corpus, "comp-train.jsonl", subjects, 1)
    written = yaml.safe_load(subjects.read_text(encoding="utf-8"))["subjects"]
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    pairs = json.loads(out)
    db = sqlite3.connect(tmp_path / ".curator" / "curator.db")
    posts = " ".join(
        f"{t} {s} {x or ''}" for t, s, x in db.execute("SELECT title, summary, text FROM articles")
    )
    said = set(re.findall(r"[a-z0-9]+", posts.lower()))
    own = {
        w
        for x in written
        for w in re.findall(r"[a-z0-9]+", (x["name"] + " " + x["description"]).lower())
    }
    shown = {w for p in pairs for ws in p["words"].values() for w in ws}
    assert shown and shown <= said | own, sorted(shown - said - own)
    pc = {w for p in pairs for w in p["words"].get("PC Hardware and Upgrades", [])}
    assert "ide" in pc and "id" not in pc, sorted(pc)


def test_overlap_says_which_subject_has_no_keywords(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    config, _ = family(
        tmp_path,
        http_server,
        corpus,
        "comp-train.jsonl",
        "computers.yaml",
        3,
        no_keywords={"Microsoft Windows"},
    )
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    pairs = json.loads(out)
    with_windows = [p for p in pairs if "Microsoft Windows" in p["subjects"]]
    assert with_windows and all(
        p["without_keywords"] == ["Microsoft Windows"] for p in with_windows
    )
    assert all(p["without_keywords"] == [] for p in pairs if p not in with_windows)

    code, text, _ = run("subjects", "overlap", "--config", str(config), "-q")
    assert code == 0
    note = "  `Microsoft Windows` has no keywords, only a name and a description: add the words"
    blocks = re.split(r"\n(?=\S)", text.strip())
    assert len(blocks) == len(pairs)
    for block in blocks:
        pair = block.split(":", 1)[0].split(" / ")
        assert (note in block) == ("Microsoft Windows" in pair), block
    assert text.count("has no keywords") == len(with_windows)


def test_overlap_tells_the_words_to_add_from_those_already_written(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """A new editor was told, week after week, to give PC and Mac hardware "keywords the other
    does not share", next to words that were their keywords already. The words not yet in a
    subject's name or keywords are now told apart from the ones the editor wrote, and the advice
    says why the pair is split: what the editor wrote, or the articles themselves."""
    config, _ = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 3)
    written = yaml.safe_load((BENCHMARK_SUBJECTS / "computers.yaml").read_text(encoding="utf-8"))
    own = {
        s["name"]: set(
            re.findall(r"[a-z0-9]+", " ".join(map(str, [s["name"], *s["keywords"]])).lower())
        )
        for s in written["subjects"]
    }
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    pairs = json.loads(out)
    already = 0
    for p in pairs:
        for name in p["subjects"]:
            words, new = p["words"][name], p["new_words"][name]
            assert set(new) <= set(words) and [w for w in words if w in new] == new
            assert not set(new) & own[name], (name, new)
            already += len(words) - len(new)
    assert already  # the editor's own keywords are among the telling words, and are told apart

    code, text, _ = run("subjects", "overlap", "--config", str(config), "-q")
    assert code == 0 and "(already in its name, description or keywords: " in text
    for p, block in zip(pairs, re.split(r"\n(?=\S)", text.strip()), strict=True):
        assert block.startswith(" / ".join(p["subjects"]) + ":")
        by_words = "What you wrote for the two is so alike" in block
        by_articles = "they use both subjects' words" in block
        assert by_words == (p["split_by_chance"] and p["words_alike"] >= 0.35)
        assert by_articles == (p["split_by_chance"] and p["words_alike"] < 0.35)


def test_overlap_gives_words_not_yet_written_and_where_each_article_is(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """A new editor of four sci.* subjects was told, for every pair, every week, "words for
    Electronics: none you have not written": the editor's own words lead the word model's
    ranking, and the first eight were all written already. Each subject now gets words it has not
    written (the posts' own, shown as they write them), and each article between a pair says
    which of the two it is under now."""
    config, _ = family(tmp_path, http_server, corpus, "sci-train.jsonl", "science.yaml", 4)
    written = yaml.safe_load((BENCHMARK_SUBJECTS / "science.yaml").read_text(encoding="utf-8"))
    own = {
        s["name"]: set(
            re.findall(
                r"[a-z0-9]+",
                " ".join(map(str, [s["name"], s["description"], *s["keywords"]])).lower(),
            )
        )
        for s in written["subjects"]
    }
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    pairs = json.loads(out)
    assert pairs
    under = {r["url"]: r["subject"] for r in listed(config)}
    for p in pairs:
        for name in p["subjects"]:
            new = p["new_words"][name]
            assert len(new) >= 5, (p["subjects"], name, p["words"][name])
            assert not set(new) & own[name], (name, new)
        assert p["between"]
        for a in p["between"]:
            assert a["subject"] in p["subjects"] and a["subject"] == under[a["url"]], a

    code, text, _ = run("subjects", "overlap", "--config", str(config), "-q")
    assert code == 0 and "none you have not written" not in text
    for p, block in zip(pairs, re.split(r"\n(?=\S)", text.strip()), strict=True):
        for a in p["between"]:
            assert f"    {a['title']}  [now under {a['subject']}]\n      {a['url']}" in block
        for name in p["subjects"]:
            assert f"  words for {name}: {', '.join(p['new_words'][name])}" in block
        if not p["split_by_chance"]:
            assert "A few articles sit between them: move those under the wrong one" in block


def test_a_moved_article_ranks_under_its_subject_by_how_well_it_matches(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """On real same-field posts (comp.*), the editor moves the misplaced articles `uncertain`
    lists to their right subjects: they stay there, but rank by how well they match it, not
    first (each had matched itself: it teaches its subject, and was its own nearest example),
    in `subjects list` and in the issue built next."""
    config, right = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 6)
    code, out, err = run("subjects", "uncertain", "--config", str(config), "-n", "15", "--json")
    assert code == 0, err
    # (Not the parts of a binary posted in 14 posts: moved, a part pulls its siblings after it,
    # and they teach the word model to vote for it. Refitting without it would cost a fit.)
    moved = {
        u["url"]: right[u["url"]]
        for u in json.loads(out)
        if u["subject"] != right[u["url"]] and not re.search(r"\d+/\d+$", u["title"])
    }
    assert len(moved) >= 5
    before = {}
    for url, subject in moved.items():
        code, out, err = run("subjects", "explain", "--config", str(config), url, "--json")
        assert code == 0, err
        before[url] = {s["subject"]: s["score"] for s in json.loads(out)["scores"]}[subject]
        code, _, err = run("subjects", "move", "--config", str(config), url, subject, "-q")
        assert code == 0, err

    rows = listed(config)
    by_url = {r["url"]: r for r in rows}
    for url, subject in moved.items():  # the editor's choice is kept
        assert (by_url[url]["subject"], by_url[url]["correction"]) == (subject, "moved")
    for subject in set(moved.values()):
        ranked = [r for r in rows if r["subject"] == subject]
        scores = [r["score"] for r in ranked]
        assert scores == sorted(scores, reverse=True)
        # Those that matched their subject poorly before the move still rank in its lower half.
        for url in (u for u, s in moved.items() if s == subject):
            if before[url] < statistics.median(scores):
                rank = [r["url"] for r in ranked].index(url)
                assert rank >= len(ranked) // 2, (by_url[url]["title"], before[url], scores[:3])
    # The text form: no moved article leads a subject's list.
    code, text, _ = run("subjects", "list", "--config", str(config), "-q")
    assert code == 0
    leaders = re.findall(r"\n.+ \(\d+\)\n +[0-9.]+ +(.+)\n", text)
    assert leaders and not [line for line in leaders if "[moved by you]" in line]

    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    featured = [a["url"] for s in issue["sections"] for a in s["articles"]]
    assert featured and not set(featured) & set(moved)


def test_a_move_names_each_article_it_changes_by_its_url_and_they_change_at_once(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """A move lists the other articles it sends elsewhere, each with its URL (posts share
    titles: a thread's replies), and says what happens: they have changed subject already, as
    `subjects list` shows at once (not "at the next build")."""
    config, right = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 6)
    code, out, err = run("subjects", "uncertain", "--config", str(config), "-n", "15", "--json")
    assert code == 0, err
    before = {r["url"]: r["subject"] for r in listed(config)}
    url = next(u["url"] for u in json.loads(out) if u["subject"] != right[u["url"]])
    code, out, err = run("subjects", "move", "--config", str(config), url, right[url])
    assert code == 0, err
    assert "working out what changes for the other articles" in err
    head = re.search(r"^Your move pulled (\d+|no) other article\(?s?\)? with it \(among the ([\d,]+)"
                     r" newest articles\)(?:, and (\d+) other\(s\) changed place)?"
                     r"(?:, and (\d+) article\(s\) unlike it changed place because the"
                     r" correction changed how curator weighs the subjects' words)?, as `curator"
                     r" subjects list` and the next build show:$",
                     sans_config(out), re.M)  # fmt: skip
    assert head, out
    assert int(head[2].replace(",", "")) == min(3000, len(before))
    assert "next build, " not in out
    shown = re.findall(r"^  (.+?) -> (.+?): (.+)\n      (https://\S+)$", out, re.M)
    pulled, apart = int(head[1]) if head[1] != "no" else 0, int(head[3] or 0)
    borderline = int(head[4] or 0)
    # (those it pulled to its subject, and apart those that changed place otherwise: walk136 #4;
    # and those unlike it, borderline: walk182 #2)
    assert shown and len(shown) == min(pulled, 10) + min(apart, 10) + min(borderline, 10)
    # Each line names its article by its URL, and says where `list` has it now.
    now = {r["url"]: r for r in listed(config)}
    for was, goes, title, where in shown:
        assert now[where]["title"] == title
        assert before[where] == (None if was == "no subject" else was)
        assert now[where]["subject"] == (None if goes == "no subject" else goes)


def test_overlap_no_longer_lists_the_articles_the_editor_has_moved(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """`overlap` told an editor to move the articles it listed between two subjects, and went on
    listing the 16 of them already moved: a moved article is decided, not between."""
    config, right = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 3)
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    listed = [b["url"] for b in json.loads(out)[0]["between"]]
    assert listed
    for url in listed:
        assert run("subjects", "move", "--config", str(config), url, right[url], "-q")[0] == 0
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    still = {b["url"] for p in json.loads(out) for b in p["between"]}
    assert still and not still & set(listed), sorted(still & set(listed))


def test_a_move_does_not_name_published_articles_as_changing_subject(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """An article an issue featured keeps the subject it was published under (unless the editor
    corrects it), so a move that teaches the model otherwise does not move it: the move's list
    of changes must not name it, or `list` contradicts what the move said."""
    config, right = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 12)
    for _ in range(4):
        code, _, err = run("build", "--config", str(config), "--no-fetch", "-q")
        assert code == 0, err
    featured = {r["url"] for r in listed(config) if r["featured_in"]}
    assert featured
    code, out, err = run("subjects", "uncertain", "--config", str(config), "-n", "40", "--json")
    assert code == 0, err
    wrong = [u["url"] for u in json.loads(out) if u["subject"] != right[u["url"]]][:20]
    assert wrong
    named: set[str] = set()
    for url in wrong:
        before = {r["url"]: r["subject"] for r in listed(config)}
        code, out, err = run("subjects", "move", "--config", str(config), url, right[url], "--json")
        assert code == 0, err
        changed = {c["url"]: c for c in json.loads(out)["changes"] if c["url"] != url}
        now = {r["url"]: r["subject"] for r in listed(config)}
        named |= changed.keys()
        for u, c in changed.items():  # each change it names is where `list` has it now
            assert (before[u], now[u]) == (c["before"], c["after"]), (u, c)
    assert named  # the moves did change others


def test_explain_says_when_the_editors_moves_of_other_articles_placed_it(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """A walker's moves pulled other posts into the wrong subject, and `explain` showed them there
    with words like "jurisdiction" and "law", not saying the moves had put them there. It now
    says where an article would be without the editor's corrections, and names the move most like
    it, the one to undo first."""
    config, right = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 6)
    code, out, err = run("subjects", "uncertain", "--config", str(config), "-n", "15", "--json")
    assert code == 0, err
    wrong = [u["url"] for u in json.loads(out) if u["subject"] != right[u["url"]]][:4]
    before = {r["url"]: r for r in listed(config)}
    for url in wrong:  # the editor's weekly moves of the uncertain ones placed wrong
        assert run("subjects", "move", "--config", str(config), url, right[url], "-q")[0] == 0
    after = {r["url"]: r for r in listed(config)}
    changed = [u for u in after if u not in wrong and after[u]["subject"] != before[u]["subject"]]
    assert changed, "the moves changed no other article"
    named = 0
    for url in changed[:8]:
        code, out, err = run("subjects", "explain", "--config", str(config), url, "-q")
        assert code == 0, err
        was = before[url]["subject"]
        assert (
            f"  without your moves and exclusions it would {f'be under {was}' if was else 'have no subject'}:"
            " your corrections of other articles changed its place\n" in out
        ), out
        code, out_json, err = run("subjects", "explain", "--config", str(config), url, "--json")
        data = json.loads(out_json)["without_corrections"]
        assert data["subject"] == before[url]["subject"]
        if data["nearest_move"] is None:
            assert "  no move of yours pulls it " in out, out
            continue
        named += 1
        move = data["nearest_move"]
        assert move in wrong and data["nearest_move_to"] == right[move] == after[url]["subject"]
        title = before[move]["title"]
        assert (
            f"  your move to {right[move]} most like it, the one that pulls it there: {title}\n"
            f"      {move}\n" in out
        )
        pasted = (url, was, out)
    assert named, "no changed article shares a word with the moves"
    # walk15 pasted the command it gave, with a "SUBJECT" placeholder: "no subject `SUBJECT`".
    # Each command it gives now works as given, and puts the article where it says.
    url, was, out = pasted
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "without your corrections:" in line)
    back = lines[at + 1].strip()
    assert back == (
        f"curator subjects move {url} {shlex.quote(was)}"
        if was
        else f"curator subjects exclude {url}"
    )
    other = next(line for line in lines if line.startswith("  or under another subject: "))
    command = other.split(": ", 1)[1].split(" (or,")[0]
    for given, lands in ((command, shlex.split(command)[-1]), (back, was)):
        argv = shlex.split(given)
        assert argv[:2] == ["curator", "subjects"]
        code, _, err = run(*argv[1:], "--config", str(config), "-q")
        assert code == 0, err
        assert {r["url"]: r["subject"] for r in listed(config)}[url] == lands
    # An article the moves did not change says nothing of them.
    still = next(u for u in after if u not in wrong and u not in changed)
    code, out, err = run("subjects", "explain", "--config", str(config), still, "-q")
    assert code == 0 and "without your moves" not in out


def test_a_new_newsletter_of_80_posts_places_most_of_them_and_not_a_subject_it_lacks(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """The first week of a new newsletter: 80 sci.* posts are the whole archive. The word model
    knows each subject from 15-20 posts, too few to tell whether a word only a few posts use
    belongs to it, and a post's own rarer words sent a third of the posts nowhere (26 of 80). A
    subject the editor did not write still leaves most of its posts nowhere."""
    config, right = family(tmp_path, http_server, corpus, "sci-train.jsonl", "science.yaml", 22)
    rows = listed(config)
    assert len(rows) >= 78
    nowhere = [r["url"] for r in rows if r["subject"] is None]
    rightly = sum(r["subject"] == right[r["url"]] for r in rows)
    # Measured 12 nowhere and 59 right (26 and 53 before).
    assert len(nowhere) <= 16, nowhere
    assert rightly >= 57
    code, out, err = run("subjects", "list", "--config", str(config), "--unplaced")
    assert code == 0, err
    assert out.count("https://posts.example/") == len(nowhere)

    # The same posts in a newsletter with no Space subject: most space posts go nowhere.
    lacking = yaml.safe_load(config.read_text(encoding="utf-8"))
    lacking["subjects"] = [s for s in lacking["subjects"] if s["name"] != "Space"]
    assert len(lacking["subjects"]) == 3
    (tmp_path / "lacking").mkdir()
    other = tmp_path / "lacking" / "feeds.yaml"
    other.write_text(yaml.safe_dump(lacking, sort_keys=False), encoding="utf-8")
    code, _, err = run("fetch", "--config", str(other), "-q")
    assert code == 0, err
    space = {u for u, name in right.items() if name == "Space"}
    placed = {r["url"]: r["subject"] for r in listed(other)}
    assert len(space) >= 15
    # Measured 17 of 19 nowhere.
    assert sum(placed[u] is None for u in space) >= len(space) * 2 / 3

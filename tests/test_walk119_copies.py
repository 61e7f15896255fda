"""walk119 (fixdw): which copy of a story leads its entry, on evidence of originality only, and
no story left out of an issue because the publication of the copy meant to lead it had articles
in it already. Through the CLI, against feeds and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"


def linkblog_newsletter(
    tmp_path: Path,
    server: LocalServer,
    corpus: Path,
    newsletter: dict[str, object],
    description: str | None = None,
) -> Path:
    """feeds.yaml of one subject, Technology, reading Daring Fireball's two feeds (its Atom feed
    gives a link post the linked article's address, its JSON feed the same posts at its own
    /linked/ pages) and three other blogs of the corpus, served on 127.0.0.1, pages not read."""
    folder = corpus / "feeds" / "real"
    names = [
        "rsparser/DaringFireball.atom",
        "rsparser/DaringFireball.json",
        "rsparser/inessential.json",
        "rsparser/pxlnv.json",
        "rsparser/manton.rss",
    ]
    feeds = [
        {"url": server.add(f"/{n}", (folder / n).read_bytes(), content_type=None)} for n in names
    ]
    subject: dict[str, object] = {"name": "Technology"}
    if description:
        subject["description"] = description
    subject["keywords"] = ["software", "web", "apple", "code", "internet", "app"]
    config = {
        "newsletter": newsletter,
        "subjects": [subject],
        "feeds": feeds,
        "settings": {"fetch_pages": False, "allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def test_a_linkblogs_comment_never_leads_the_article_it_links_to(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk119 #1: Daring Fireball's Atom feed gives the linked article's address (MacRumors'),
    its JSON feed the same posts at daringfireball.net/linked/ credited to John Gruber: one
    story, two copies. "The publication where the author has the most candidates" made the
    linkblog's post lead (3 of 6 entries Daring Fireball, 1 before), and a story whose lead's
    publication had articles in the issue already was dropped though a copy could carry it,
    both copies listed as left out for variety with "0 from macrumors.com already"."""
    path = linkblog_newsletter(
        tmp_path,
        http_server,
        corpus,
        {"title": "Tech Weekly", "issue_size": 6},
        "Software, the web and Apple.",
    )
    code, _, err = run("draft", "--config", str(path))
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    (tmp_path / "drafts" / "issue-1.md").unlink()
    code, _, err = run("build", "--config", str(path))
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    articles = [a for s in issue["sections"] for a in s["articles"]]
    assert len(articles) == 6, articles
    linked = [a for a in articles if "daringfireball.net/linked/" in a["url"]]
    # (the linkblog's own posts lead only stories no other copy tells)
    for article in linked:
        assert not article.get("also_covered_by"), article
    assert len(linked) <= 1, [a["url"] for a in articles]
    # (every copy the build named is under an entry; none is "left out for variety" with none
    # of its publication in the issue)
    if "Left out for variety" in draft:
        notes = draft.split("Left out for variety", 1)[1].split("-->", 1)[0]
        assert "0 from" not in notes, notes


def page(title: str, paragraphs: list[str], *, canonical: str = "", note: str = "") -> str:
    head = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}"
        "<meta name='author' content='Lars Eriksen'></head><body><article>"
        f"<h1>{title}</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + (f"<p><em>{note}</em></p>" if note else "")
        + "</article></body></html>"
    )


def rss(name: str, base: str, items: list[tuple[str, str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description>{summary}</description></item>"
        for t, link, date, summary in items
    )
    return f'<rss version="2.0"><channel><title>{name}</title><link>{base}</link>{entries}</channel></rss>'


TITLE = "Reading churn in your customer feedback"
TEXT = [
    "Churn shows in customer feedback long before a customer leaves: comments about support"
    " wait times and broken promises come first.",
    "Tag each survey comment and support ticket with a theme, and count the themes each month"
    " for the customers who later churned.",
    "The themes that rise before churn are the ones to close the loop on with a call, not an"
    " email, within two days.",
    "Report what changed to the customers who raised it: a voice of the customer program that"
    " acts keeps customers.",
]
#: The copy's paragraphs of its own, which weigh it far above the original for the subjects.
EXTRA = [
    "Customer feedback, customer surveys, customer comments, support tickets and churn: a"
    " voice of the customer program listens to all of the feedback, and closes the loop.",
    "Feedback on customer experience, survey themes, NPS comments and customer churn belong"
    " in one place, where the customer's feedback is read every week.",
]


def metrics_and_roundup(
    tmp_path: Path, server: LocalServer, note: str, extra: list[str] = EXTRA
) -> Path:
    """Metrics Monthly's article (Oct 1, canonical to itself) and CX Roundup's copy of it (Dec
    5, no canonical, two paragraphs of its own, `note` at its end)."""
    original = server.url("/metrics/churn.html")
    server.add("/metrics/churn.html", page(TITLE, TEXT, canonical=original), content_type=HTML)
    copy = server.add(
        "/roundup/churn.html", page(TITLE, extra + TEXT + extra, note=note), content_type=HTML
    )
    metrics = [(TITLE, original, "Thu, 01 Oct 2026 10:00:00 GMT", "Churn in feedback.")]
    roundup = [(TITLE, copy, "Sat, 05 Dec 2026 10:00:00 GMT", " ".join(extra))]
    demo = yaml.safe_load((Path(__file__).parents[1] / "examples" / "feeds.yaml").read_text())
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 4},
        "subjects": demo["subjects"],
        "feeds": [
            {
                "url": server.add("/roundup.xml", rss("CX Roundup", server.url("/"), roundup)),
                "name": "CX Roundup",
            },
            {
                "url": server.add("/metrics.xml", rss("Metrics Monthly", server.url("/"), metrics)),
                "name": "Metrics Monthly",
            },
        ],
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def test_a_copy_saying_it_first_appeared_elsewhere_never_leads_whatever_it_scores(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk119 #2: CX Roundup's copy (Dec 5), whose page says "This article originally appeared
    on Metrics Monthly.", scored 1.960 to the original's 1.336 (beyond the near-tie within which
    copies were weighed) and led: "Lars Eriksen || Metrics Monthly" was published linking to CX
    Roundup, the real original as "Another piece in Metrics Monthly", and the draft advised
    editing `publication:`. The original leads, whatever the copy scores."""
    base = http_server.base
    for note in ["This article originally appeared on Metrics Monthly.", ""]:
        folder = tmp_path / ("said" if note else "earlier")
        folder.mkdir()
        config = metrics_and_roundup(folder, http_server, note)
        code, _, err = run("draft", "--config", str(config), "--all-subjects")
        assert code == 0, err
        draft = (folder / "drafts" / "issue-1.md").read_text(encoding="utf-8")
        (folder / "drafts" / "issue-1.md").unlink()
        assert f"## {TITLE}\nurl: {base}/metrics/churn.html\n" in draft, draft
        assert f"url: {base}/roundup/churn.html" not in draft, draft
        assert "correct the `publication:` line" not in draft, draft
        code, _, err = run("build", "--config", str(config), "--all-subjects")
        assert code == 0, err
        text = (folder / "output" / "issue-1.txt").read_text(encoding="utf-8")
        entry = text.split(f"\n{TITLE}\n\n", 1)[1].split("\n\n", 1)[0]
        assert entry.splitlines()[0] == "Lars Eriksen || Metrics Monthly", entry
        assert f"{base}/metrics/churn.html" in entry, entry
        assert f"Also covered by: CX Roundup <{base}/roundup/churn.html>" in entry, entry


#: Paragraphs of a copy's own that place it under "Measuring the customer experience", a
#: subject before the original's ("Voice of the customer"): the copy's story is chosen first.
METRICS = [
    "NPS, CSAT and the customer effort score are the metrics on a customer satisfaction"
    " dashboard; benchmark each survey metric every quarter.",
]


def test_a_copy_leading_its_story_is_advised_to_give_way_to_the_original_named_under_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk119 #2: when a copy saying it first appeared in Metrics Monthly leads its story
    (here the original is a candidate of a later subject), the draft advised correcting its
    `publication:` line to Metrics Monthly: "Lars Eriksen || Metrics Monthly" linked to CX
    Roundup. The note says to feature the original instead, by its address."""
    base = http_server.base
    note = "This article originally appeared on Metrics Monthly."
    config = metrics_and_roundup(tmp_path, http_server, note, METRICS)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    entry = draft.split(f"## {TITLE}\n", 1)[1].split("\n## ", 1)[0]
    # (the copy leads: the original is a later subject's candidate, reached after it)
    assert f"url: {base}/roundup/churn.html" in entry, entry
    assert "correct the `publication:` line" not in entry, entry
    note = " ".join(entry.split())
    advice = "to feature the original, replace this article's heading, its lines and blurb with"
    assert f"{advice} one line: `## {base}/metrics/churn.html`" in note, entry
    # Doing as it says publishes the original, crediting Metrics Monthly, linked to its page.
    path = tmp_path / "drafts" / "issue-1.md"
    head, rest = draft.split(f"## {TITLE}\n", 1)
    path.write_text(
        f"{head}## {base}/metrics/churn.html\n\n<!--" + rest.split("\n<!--", 2)[2],
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    published = text.split(f"\n{TITLE}\n\n", 1)[1].split("\n\n", 1)[0]
    assert published.splitlines()[0] == "Lars Eriksen || Metrics Monthly", published
    assert f"{base}/metrics/churn.html" in published, published


#: VoC Notes' articles, each as relevant to "Voice of the customer" as the others (the same
#: terms as often), each its own story.
VOC_TOPICS = [
    ("Feedback themes from support", "support calls", "a weekly review"),
    ("Reviews as customer feedback", "app store reviews", "the product team"),
    ("Comments that change a roadmap", "open comments", "the roadmap meeting"),
    ("Listening to churned customers", "exit interviews", "the retention team"),
]


def voc_text(where: str, who: str) -> list[str]:
    return [
        f"Customer feedback from {where} holds themes a voice of the customer program needs.",
        f"Tag the comments from {where} with themes, and bring the themes to {who}.",
        f"Closing the loop on {where} means telling customers what {who} changed.",
        f"Listening to {where} without closing the loop teaches customers feedback goes nowhere.",
    ]


def test_a_story_whose_originals_publication_is_full_keeps_its_place(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk119 #1: a story competed for its place as its original, with the original's
    publication's articles in the issue counted against it; a copy elsewhere would have won
    the place, but the story lost it altogether (no entry, no "Also covered by"), lower
    stories published instead, and the draft listed its copies as left out for variety. The
    copy reached wins the place for its story, which the original leads."""
    server = http_server
    base = server.base
    date = "Tue, 01 Dec 2026 10:00:00 GMT"
    voc = []
    for n, (title, where, who) in enumerate(VOC_TOPICS):
        link = server.add(
            f"/vocnotes/{n}.html", page(title, voc_text(where, who)), content_type=HTML
        )
        voc.append((title, link, date, ""))
    story = ("What survey answers hold", voc_text("survey answers", "the survey owners"))
    original = server.add("/vocnotes/surveys.html", page(*story), content_type=HTML)
    voc.append((story[0], original, date, ""))
    note = "This article originally appeared on VoC Notes."
    copy = server.add("/roundup/surveys.html", page(*story, note=note), content_type=HTML)
    demo = yaml.safe_load((Path(__file__).parents[1] / "examples" / "feeds.yaml").read_text())
    config = {
        "newsletter": {"title": "CX Weekly", "issue_size": 3},
        "subjects": [s for s in demo["subjects"] if s["name"] == "Voice of the customer"],
        "feeds": [
            {
                "url": server.add(
                    "/roundup.xml", rss("CX Roundup", base, [(story[0], copy, date, "")])
                ),
                "name": "CX Roundup",
            },
            {"url": server.add("/voc.xml", rss("VoC Notes", base, voc)), "name": "VoC Notes"},
        ],
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("draft", "--config", str(path))
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    kept = draft.split("<!-- Left out for variety", 1)
    assert f"## {story[0]}\nurl: {original}\n" in kept[0], draft
    assert f"## {copy}\n" in kept[0].split("<!-- Left out as the same story", 1)[1], draft
    # (the draft said the story was left out for variety, "0 from CX Roundup already")
    assert "0 from" not in draft, draft
    assert f"## {original}\n" not in draft, draft

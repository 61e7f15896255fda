"""The subject scorer on real text: BBC and Reuters news, the seeds' customer-experience pieces."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml
from labelled import BENCHMARK_SUBJECTS, benchmark_subjects, labelled

from curator.models import Article, Subject
from curator.stemmer import stem
from curator.subjects import SubjectModel, assign, explain, judge_all, suggest, told_apart
from curator.textfeatures import terms

_labelled, _subjects = labelled, benchmark_subjects

#: Words a reader takes for sport (for the suggested subject's label).
SPORT_WORDS = {
    "sport", "football", "rugby", "tennis", "cricket", "athletics", "olympic", "olympics", "match",
    "cup", "club", "coach", "league", "players", "player", "championship", "championships",
    "chelsea", "arsenal", "wales", "england", "ireland", "nations", "seed", "open", "indoor",
    "doping", "drugs", "banned", "sprinter", "injury", "manager", "game", "win", "title",
    "final",
}  # fmt: skip


@pytest.fixture(scope="module")
def bbc_all(corpus: Path) -> list[tuple[Article, str]]:
    """The BBC developer split (1,250 labelled articles)."""
    return _labelled(corpus / "topics" / "bbc-news" / "articles.jsonl")


@pytest.fixture(scope="module")
def bbc(bbc_all: list[tuple[Article, str]]) -> list[tuple[Article, str]]:
    """Every 4th article of the BBC developer split (a fixed sample of 313)."""
    return bbc_all[::4]


@pytest.fixture(scope="module")
def bbc_subjects() -> dict[str, Subject]:
    return _subjects("bbc.yaml")


def _url(bbc_id: str) -> str:
    return f"https://corpus.test/{bbc_id}"


def _accuracy(data: list[tuple[Article, str]], subjects: dict[str, Subject]) -> float:
    placed = assign([a for a, _ in data], list(subjects.values()))
    return sum(placed[a.url].subject == subjects[label].name for a, label in data) / len(data)


def test_bbc_articles_land_in_their_subject(bbc, bbc_subjects):
    # Measured 0.949 on this sample (0.962 on the whole developer split, where feedback and the
    # word model have more articles to learn from; 0.936 and 0.958 before the fit bar).
    assert _accuracy(bbc, bbc_subjects) >= 0.92


def test_reuters_articles_land_in_their_subject(corpus):
    data = _labelled(corpus / "topics" / "reuters21578" / "articles.jsonl", labels=8)[::8]
    # Measured 0.943 on this sample of 547 (0.941 on all 4,373; 0.932 and 0.940 before the fit bar).
    assert _accuracy(data, _subjects("reuters8.yaml")) >= 0.92


def test_the_editors_examples_teach_the_scorer(bbc_all, bbc_subjects):
    # Ten articles per subject moved by the editor (the first of each label, as the benchmark
    # does): the other articles land in their subject more often than with no examples.
    corrections: dict[str, str | None] = {}
    taught: dict[str, int] = {}
    for article, label in bbc_all:
        if taught.get(label, 0) < 10:
            corrections[article.url] = bbc_subjects[label].name
            taught[label] = taught.get(label, 0) + 1
    articles = [a for a, _ in bbc_all]
    subjects = list(bbc_subjects.values())
    rest = [(a, label) for a, label in bbc_all if a.url not in corrections]

    def accuracy(placed: dict) -> float:
        right = sum(placed[a.url].subject == bbc_subjects[label].name for a, label in rest)
        return right / len(rest)

    placed = assign(articles, subjects, corrections=corrections)
    taught_by_examples = accuracy(placed)
    # Measured 0.965, against 0.962 with no examples (0.962 and 0.957 before the same-field work).
    assert taught_by_examples >= 0.955
    assert taught_by_examples > accuracy(assign(articles, subjects))
    # The examples themselves stay where the editor put them.
    assert all(placed[url].subject == name for url, name in corrections.items())


def test_explain_names_the_terms_that_placed_an_article(bbc, bbc_subjects):
    articles = [a for a, _ in bbc]
    article = next(a for a in articles if a.title == "Wales hails new superstar")
    why = explain(article, list(bbc_subjects.values()), context=articles)
    assert (
        why.subject == "Sport" == assign(articles, list(bbc_subjects.values()))[article.url].subject
    )
    best = why.scores[0]
    assert best.subject == "Sport" and best.score == why.score >= why.threshold
    words = [t.term for t in best.terms]
    assert "wales" in words and "rugby" in words
    # The terms are readable words from the article, and their parts never exceed the score.
    text = (article.title + " " + (article.text or "")).lower()
    assert all(w in text for term in words for w in term.split())
    assert sum(t.contribution for t in best.terms) <= best.score + 1e-9
    assert [s.subject for s in why.scores][1:] and all(s.score <= why.score for s in why.scores)
    as_json = json.loads(json.dumps(why.to_dict()))
    assert as_json["subject"] == "Sport" and as_json["scores"][0]["terms"][0]["term"] == words[0]
    table = why.to_text().splitlines()
    assert table[1].strip().startswith("Sport: score")
    assert table[4].split()[0] == "Sport" and "rugby" in table[4]
    assert len(table) == 4 + len(bbc_subjects)


def test_explain_of_a_moved_article_shows_terms_that_add_up_to_no_more_than_its_score(
    bbc, bbc_all, bbc_subjects
):
    # A moved article is scored as if curator had not learnt from it; its terms must say so too,
    # not add up to what the model that learnt from it (and matches it perfectly) gives.
    subjects = list(bbc_subjects.values())
    moved_url = _url("bbc-business-293")
    moved = {moved_url: "Sport"}
    article = next(a for a, _ in bbc_all if a.url == moved_url)
    articles = [a for a, _ in bbc if a.url != moved_url] + [article]
    why = explain(article, subjects, corrections=moved, context=articles)
    assert why.correction == "moved" and why.subject == "Sport"
    for row in why.scores:
        assert sum(t.contribution for t in row.terms) <= row.score + 1e-9, row
    sport = next(s for s in why.scores if s.subject == "Sport")
    assert sport.terms  # scaled, not dropped
    # Its score is the one a model that had not learnt from it gives, lower than the full one.
    model = SubjectModel.build(subjects, corpus=articles, corrections=moved)
    counts, rep = model._features(article)
    full = model._raw(rep, counts)[[s.name for s in subjects].index("Sport")]
    assert sport.score == why.score < full
    assert why.unlearnt
    table = why.to_text()
    assert "scored as if curator had not learnt from it" in table
    assert why.to_dict()["scored_as_if_not_learnt_from"] is True
    plain = explain(articles[0], subjects, corrections=moved, context=articles)
    assert not plain.unlearnt and "not learnt from it" not in plain.to_text()


def test_moving_one_article_pulls_its_story_after_it(bbc, bbc_all, bbc_subjects):
    # The Glazer bid for Manchester United: business stories the editor wants under Sport.
    glazer = {_url("bbc-business-242"), _url("bbc-business-293"), _url("bbc-business-179")}
    extra = {a.url: a for a, _ in bbc_all if a.url in glazer}
    articles = [a for a, _ in bbc if a.url not in glazer] + list(extra.values())
    subjects = list(bbc_subjects.values())
    before = assign(articles, subjects)
    assert before[_url("bbc-business-242")].subject == "Business and the economy"
    assert before[_url("bbc-business-179")].subject == "Business and the economy"
    moved = {_url("bbc-business-293"): "Sport"}
    after = assign(articles, subjects, corrections=moved)
    assert after[_url("bbc-business-293")].subject == "Sport"
    assert after[_url("bbc-business-242")].subject == "Sport"
    assert after[_url("bbc-business-179")].subject == "Sport"
    # Other business stories (takeovers included) stay where they were; a handful of articles
    # near the line (Chelsea and Arsenal news left without a subject) may follow into Sport.
    label = {a.url: lab for a, lab in bbc_all}
    others = [a for a in articles if "glazer" not in (a.title + (a.text or "")).lower()]
    changed = [a for a in others if before[a.url].subject != after[a.url].subject]
    assert not [a.title for a in changed if label[a.url] == "business"]
    assert len(changed) <= 6 and all(after[a.url].subject == "Sport" for a in changed)
    assert explain(articles[0], subjects, corrections=moved, context=articles).correction is None
    pinned = explain(extra[_url("bbc-business-293")], subjects, corrections=moved, context=articles)
    assert pinned.correction == "moved" and pinned.subject == "Sport"
    assert "Sport: moved there by the editor" in pinned.to_text()


def test_an_excluded_article_gets_no_subject(bbc, bbc_subjects):
    articles = [a for a, _ in bbc]
    subjects = list(bbc_subjects.values())
    before = assign(articles, subjects)
    target = next(a for a in articles if before[a.url].subject == "Sport")
    after = assign(articles, subjects, corrections={target.url: None})
    assert after[target.url].subject is None
    assert explain(
        target, subjects, corrections={target.url: None}, context=articles
    ).correction == ("excluded")
    assert sum(before[a.url].subject != after[a.url].subject for a in articles) == 1


def test_a_correction_naming_an_unknown_subject_decides_nothing(bbc, bbc_subjects):
    # A move to a subject feeds.yaml no longer has (renamed, removed) is not an exclusion: the
    # article is placed as if it had never been moved.
    articles = [a for a, _ in bbc[:40]]
    subjects = list(bbc_subjects.values())
    placed = assign(articles, subjects, corrections={articles[0].url: "Gone"})
    unmoved = assign(articles, subjects)
    assert placed[articles[0].url].subject == unmoved[articles[0].url].subject is not None


def test_suggest_proposes_a_sport_subject_for_unassigned_sport_articles(bbc, bbc_subjects):
    # The editor has every subject but sport: the sport articles are left over, and suggest()
    # should propose something an editor recognises as sport.
    without_sport = [s for label, s in bbc_subjects.items() if label != "sport"]
    articles = [a for a, _ in bbc]
    placed = assign(articles, without_sport)
    label = {a.url: lab for a, lab in bbc}
    unassigned = [a for a in articles if placed[a.url].subject is None]
    assert sum(label[a.url] == "sport" for a in unassigned) >= 0.8 * len(unassigned)
    proposals = suggest(unassigned)
    assert proposals
    biggest = proposals[0]
    assert sum(label[u] == "sport" for u in biggest.urls) >= 0.9 * len(biggest.urls)
    assert SPORT_WORDS & set(biggest.name.lower().replace(",", " ").split()), biggest.name
    assert SPORT_WORDS & set(biggest.keywords), biggest.keywords
    assert 1 <= len(biggest.keywords) <= 8 and biggest.description.startswith("Articles about")
    assert yaml.safe_load(yaml.safe_dump(biggest.to_dict()))["name"] == biggest.name
    # Every unassigned article is in at most one proposal.
    urls = [u for p in proposals for u in p.urls]
    assert len(urls) == len(set(urls)) and set(urls) <= {a.url for a in unassigned}


def test_suggest_with_too_few_articles_proposes_nothing():
    assert suggest([]) == ()
    assert suggest([Article(id=1, url="https://a.test/1", title="One lonely article")]) == ()


CX_SUBJECTS = [
    Subject(
        "The basics of customer experience",
        "What customer experience is, how it differs from customer service, and why it matters.",
        ("customer experience", "customer service", "cx", "customer journey", "touchpoints",
         "definition", "brand", "loyalty"),
    ),
    Subject(
        "Measuring the customer experience",
        "Metrics and surveys that measure the customer experience, such as CSAT, NPS and CES.",
        ("csat", "nps", "ces", "net promoter score", "customer satisfaction score",
         "customer effort score", "metrics", "survey", "measure", "kpi"),
    ),
]  # fmt: skip


def _seed_articles(seeds: Path) -> list[Article]:
    out = []
    for path in sorted(seeds.glob("00[1-4]_*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out.append(
            Article(
                id=0,
                url=f"https://seeds.test/{path.stem}",
                title=lines[0],
                text="\n".join(lines[1:]),
            )
        )
    return out


def test_the_seed_articles_land_where_an_editor_expects(seeds, bbc):
    # All four seed articles define customer experience against customer service: basics. 002 is
    # the one that explains CSAT and NPS, so it is the one closest to the measuring subject. The
    # BBC news stored beside them belongs to neither subject.
    cx = _seed_articles(seeds)
    news = [a for a, _ in bbc]
    placed = assign(cx + news, CX_SUBJECTS)
    assert [placed[a.url].subject for a in cx] == ["The basics of customer experience"] * 4
    measuring = [dict(placed[a.url].scores)["Measuring the customer experience"] for a in cx]
    assert max(measuring) == measuring[1], measuring
    assert sum(placed[a.url].subject is not None for a in news) <= 0.03 * len(news)
    assert placed[cx[0].url].matched[:2] == ("customer experience", "customer service")


def test_the_model_built_once_assigns_like_assign(bbc, bbc_subjects):
    articles = [a for a, _ in bbc]
    subjects = list(bbc_subjects.values())
    model = SubjectModel.build(subjects, corpus=articles)
    placed = assign(articles, subjects)
    assert all(model.assign_one(a) == placed[a.url] for a in articles[:60])
    # The fingerprint follows what changes assignments, not the corpus.
    assert SubjectModel.build(subjects, corpus=articles[:50]).fingerprint == model.fingerprint
    moved = SubjectModel.build(subjects, corpus=articles, corrections={articles[0].url: "Sport"})
    assert moved.fingerprint != model.fingerprint
    assert SubjectModel.build(subjects[:4], corpus=articles).fingerprint != model.fingerprint


def test_a_number_of_one_article_alone_changes_nothing_a_shared_one_counts(bbc, bbc_subjects):
    # A number is a word (exp14), but one that a single article uses ("Notes 1001", in a title
    # that weighs three) took most of its weight and left it under every subject's bar
    # (test_walk53_left_out: 177 of 198 articles nowhere): it counts only when three articles
    # of the archive use it (NUMBER_MIN_DOCS; exp15), as the model built once also says of a
    # new article whose number the archive lacks.
    articles = [a for a, _ in bbc]
    subjects = list(bbc_subjects.values())
    numbered = [dataclasses.replace(a, title=f"{a.title} 9{k:05d}") for k, a in enumerate(articles)]
    before, after = assign(articles, subjects), assign(numbered, subjects)
    assert all(after[a.url] == before[a.url] for a in articles)
    model = SubjectModel.build(subjects, corpus=articles)
    new = dataclasses.replace(articles[0], url="https://x.test/new", title="Notes 9999")
    assert model.judge(new).scores == model.judge(dataclasses.replace(new, title="Notes")).scores
    # A number that articles share is a word of the archive like any other.
    shared = [dataclasses.replace(a, title=f"{a.title} 7777") for a in articles[:3]]
    assert "7777" in SubjectModel.build(subjects, corpus=shared + articles[3:]).corpus.idf
    assert "7777" not in SubjectModel.build(subjects, corpus=shared[1:] + articles[3:]).corpus.idf


def test_hostile_and_empty_input_gives_answers_not_crashes(bbc_subjects):
    subjects = list(bbc_subjects.values())
    odd = [
        Article(id=1, url="https://x.test/empty", title=""),
        Article(id=2, url="https://x.test/huge", title="Huge", text="football " * 2_000_000),
        Article(id=3, url="https://x.test/junk", title="\x00\ufffd\u202e <b>", text="\ud7ff" * 50),
        Article(id=4, url="https://x.test/greek", title="Ποδόσφαιρο", text="Η ομάδα κέρδισε."),
        Article(id=5, url="https://x.test/digits", title="2024 12 31", text="1 2 3 4 5 6 7"),
        Article(id=6, url="https://x.test/tags", title="x" * 10**6, categories=("rugby",) * 10**5),
    ]  # fmt: skip
    placed = assign(odd, subjects)
    assert placed["https://x.test/empty"].subject is None
    assert placed["https://x.test/digits"].subject is None
    assert placed["https://x.test/huge"].subject == "Sport"
    assert placed["https://x.test/tags"].subject == "Sport"
    assert assign([], subjects) == {}
    assert assign(odd, [])["https://x.test/huge"].subject is None
    assert explain(odd[0], subjects).scores[0].terms == ()


def test_stemmer_and_terms_follow_porter():
    assert [stem(w) for w in ("measuring", "metrics", "customers", "relational", "hopping")] == [
        "measur", "metric", "custom", "relat", "hop",
    ]  # fmt: skip
    assert terms("The customer’s journey, and the CEO's 2024 NPS.") == [
        "custom", "journei", "ceo", "2024", "np",
    ]  # fmt: skip
    # A number of 3 digits or more, a version and a single letter are words (exp14: what tells
    # PC from Mac hardware and X from graphics); a small count, "a", "I" and the other
    # languages' function letters are not.
    assert terms("I run Windows 3.1 on a 486 with 16 MB, and X y el Mac") == [
        "run", "window", "3v1", "486", "mb", "x", "el", "mac",
    ]  # fmt: skip


def _family(corpus: Path, data: str) -> list[tuple[Article, str]]:
    path = corpus / "topics" / "20newsgroups" / data
    if not path.exists():
        pytest.skip(f"{path} is not in the shared corpus")
    return _labelled(path)


@pytest.mark.parametrize(
    ("data", "subjects", "floor"),
    [
        # Measured 0.935 (0.915 before the vote over every term, 0.880 before the fit bar); 20
        # Newsgroups sci.*, subjects written from the group names alone.
        ("sci-train.jsonl", "science.yaml", 0.92),
        # Measured 0.747 (0.747 before the vote over every term, 0.733 before the fit bar); comp.*
        # shares most of its words across subjects.
        ("comp-train.jsonl", "computers.yaml", 0.73),
    ],
)
def test_subjects_that_share_one_field(corpus, data, subjects, floor):
    assert _accuracy(_family(corpus, data), _subjects(subjects)) >= floor


def test_explain_gives_the_bar_the_article_was_held_to(corpus):
    # `subjects explain` gave "score 0.023 (needs 0.030)" for 8 sci.* posts that were placed: the
    # word model's fit decides those, and the score only has to reach the floor (0.010). A post
    # left nowhere was said to be under the bar "every subject needs" when the bar was its best
    # subject's own. What explain says is needed must be what decided.
    data = _family(corpus, "sci-train.jsonl")
    articles = [a for a, _ in data]
    model, judged = judge_all(articles, list(_subjects("science.yaml").values()))
    low = atypical = 0
    for article, j in zip(articles, judged, strict=True):
        why = model.explain(article)
        assert why.decision == j.decision
        if j.decision == "atypical":
            # "no more typical than of the archive" was said of posts whose fit was under 0 but
            # over nothing of the kind: the bar is the subject's own, and it is what is shown.
            assert why.fit is not None and why.fit < why.fit_bar <= 0, why.verdict()
            assert f"need {told_apart(why.fit, why.fit_bar, 2, sign=True)[1]}" in why.verdict()
            atypical += 1
        if j.decision not in ("placed", "weak"):
            continue
        if j.decision == "placed":
            assert why.score >= why.threshold, why.verdict()
            low += why.score < 0.03
        else:
            assert why.score < why.threshold, why.verdict()
            best = why.scores[0].subject
            assert f"{why.threshold:.3f} every subject needs" in why.verdict() or (
                f"{why.threshold:.3f} {best} needs" in why.verdict()
            )
    assert low >= 5  # the placed posts the old message contradicted are still placed
    assert atypical  # and some posts go nowhere for their fit


def test_moving_long_posts_to_their_subject_keeps_its_other_posts(corpus):
    # An editor moves the five longest comp.os.ms-windows.misc posts (file listings and FAQs, 15-25
    # times the archive's average length) to "Microsoft Windows", where they belong. Before the
    # word model capped what one long article teaches (TEACHER_MAX_LENGTH), those five made 40% of
    # the subject's words and the subject kept 132 of its other posts where it had kept 270; now
    # 214. The editor's right moves must not drive a subject's articles out of it.
    data = _family(corpus, "comp-train.jsonl")
    subjects = _subjects("computers.yaml")
    windows = subjects["comp.os.ms-windows.misc"].name
    ours = [a for a, label in data if label == "comp.os.ms-windows.misc"]
    longest = sorted(ours, key=lambda a: -len(a.text))[:5]
    moved = {a.url: windows for a in longest}
    others = [a for a in ours if a.url not in moved]

    def kept(corrections: dict[str, str | None]) -> int:
        placed = assign([a for a, _ in data], list(subjects.values()), corrections=corrections)
        assert all(placed[url].subject == windows for url in corrections)
        return sum(placed[a.url].subject == windows for a in others)

    before = kept({})
    assert before >= 250
    assert kept(moved) >= 0.7 * before


def test_a_family_of_economic_figures(corpus):
    # Reuters-21578's economic figures and policy (currencies, interest rates, trade, money supply,
    # growth, inflation, reserves, jobs: 636 articles), a proxy for the same-field families the
    # owners measure on, with subjects written from the topic names alone. "Foreign reserves"
    # collects the other figures' articles when its vote learns only from what self-training gave
    # it: 0.855 measured without the editor's words in the vote (QUERY_PRIOR 0), 0.871 with them
    # (0.868 before the vote over every term). SCORER_VERSION 20 (exp20) loses 4 of the 636 here,
    # 0.868 -> 0.862: exp17's query expansion alone 0.863, the word pairs alone 0.866 (a family
    # whose subjects share their figures' words; the same-field sets gain 0.005-0.009).
    path = corpus / "topics" / "reuters21578" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not in the shared corpus")
    subjects = _subjects("reuters-economy.yaml")
    data = [(a, label) for a, label in _labelled(path) if label in subjects]
    assert len(data) == 636
    assert _accuracy(data, subjects) >= 0.86


def test_a_bbc_sport_like_set_by_sport(bbc_all):
    # BBC News's sport articles labelled by sport (benchmarks/subjects/bbcsport-labels.tsv).
    labels = {}
    for line in (BENCHMARK_SUBJECTS / "bbcsport-labels.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            key, label = line.split("\t")
            labels[_url(key)] = label
    data = [(a, labels[a.url]) for a, _ in bbc_all if a.url in labels]
    assert len(data) == 286
    # Measured 0.979 (0.976 before the fit bar).
    assert _accuracy(data, _subjects("bbcsport.yaml")) >= 0.97


def test_posts_about_a_subject_the_editor_has_not_written_go_nowhere(corpus):
    # Leave sci.med out of the subjects: most medical posts now fit no subject (79% measured, 81%
    # before the vote over every term, 67% before the fit bar), while the other posts keep theirs
    # (3% unassigned; 4%, 8% before).
    data = _family(corpus, "sci-train.jsonl")
    subjects = {label: s for label, s in _subjects("science.yaml").items() if label != "sci.med"}
    placed = assign([a for a, _ in data], list(subjects.values()))
    medical = [placed[a.url].subject for a, label in data if label == "sci.med"]
    others = [placed[a.url].subject for a, label in data if label != "sci.med"]
    assert sum(s is None for s in medical) >= 0.75 * len(medical)
    assert sum(s is None for s in others) <= 0.10 * len(others)


def test_a_term_is_shown_as_the_same_word_whatever_was_read_before() -> None:
    """ "defines" and "defined" stem alike and are as long: the word shown must not depend on
    which the process happened to read first (it did, so an issue's matched terms varied)."""
    from curator.textfeatures import readable, reset_caches, terms

    shown = []
    for order in (["defines", "defined"], ["defined", "defines"]):
        reset_caches()
        for word in order:
            terms(word)
        shown.append(readable(terms("defined")[0]))
    assert shown == ["defined", "defined"]

"""Where articles are placed, as the `subjects` commands and a build's warnings read it: subjects
suggested for unplaced articles, the articles under a subject, a keyword's homes, the articles
placed least surely, one-word fits and articles like an excluded one, subjects that overlap, what
a correction changes, and the subjects published issues keep (`keep_published_subjects`).

Part of placing stored articles under subjects (`curator.placement`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from curator.candidates import feed_names, told_copies
from curator.config import Config
from curator.errors import shell_arg
from curator.keywordfit import keywords_only
from curator.models import Article, Placed
from curator.placing import (
    CORPUS_SAMPLE,
    PlaceProgress,
    current_model,
    model_corpus,
    refresh,
    weak_bars,
)
from curator.placing import counts_of as _counts
from curator.placing import place_under as _place_under
from curator.placing import with_words as _with_words
from curator.store import Store
from curator.stories import Fingerprint, boilerplate_shingles, fingerprint, same_story_reason
from curator.subjectfit import SCORE_FLOOR
from curator.subjectrenames import Say
from curator.subjects import (
    ONE_WORD_BELOW,
    Change,
    LikeExcluded,
    OneWord,
    Overlap,
    SubjectModel,
    Suggestion,
    Uncertain,
    changes,
    like_excluded_of,
    model_fingerprint,
    overlaps,
    suggest,
    uncertain,
)
from curator.subjectwords import resolve, subject_phrases
from curator.suggest import leaning
from curator.suggestwiden import narrowed
from curator.termcounts import phrase_keys
from curator.termvectors import Vector
from curator.textfeatures import phrase_key, terms

#: At most this many unplaced articles are grouped into suggested subjects.
SUGGEST_SAMPLE = 2000
#: An unplaced article comes close to its best subject when it scores at least this share of the
#: subject's bar there. (On the sci.* posts an editor's subjects left unplaced, those of a subject
#: scored 0.5-1 of its bar, half to three quarters of them over 0.5; real sport stories in a
#: customer experience newsletter 0.05-0.4 of their best subject's, but one.)
CLOSE_SHARE = 0.5


def suggest_subjects(
    config: Config,
    store: Store,
    k: int | None = None,
    say: Say | None = None,
    progress: PlaceProgress | None = None,
) -> tuple[Sequence[Suggestion], int]:
    """Proposed subjects for the articles that fit none of the editor's, and how many such
    articles (in no issue yet, at most `SUGGEST_SAMPLE`) they were drawn from (placement made
    current first, `progress` told how far it got)."""
    refresh(config, store, say=say, progress=progress)
    fingerprint = model_fingerprint(config.subjects, store.corrections())
    left_over = store.unassigned_articles(fingerprint, SUGGEST_SAMPLE)
    found = suggest(left_over, k=k)
    if not found:
        return found, len(left_over)
    # The subject each of them comes close to: its best, when its score there comes near the
    # subject's bar (`CLOSE_SHARE`). A proposal most of whose articles come close to one subject
    # reads like that subject, a wider one. (Every article has a best subject: a sport story's,
    # in a customer experience newsletter, says nothing.)
    model = current_model(config, store, store.corrections(), say=say)
    grouped = {url for s in found for url in s.urls}
    nearest = {}
    for a in left_over:
        if a.url in grouped:
            j = model.judge(a)
            if j.scores and j.score >= max(CLOSE_SHARE * j.bar, SCORE_FLOOR):
                nearest[a.url] = j.scores[0][0]
    by_url = {a.url: a for a in left_over}
    leans = [
        None
        if (lean := leaning(s, config.subjects, nearest)) is None
        else narrowed(
            lean, s, config.subjects, {u: by_url[u] for u in s.urls if u in by_url}, nearest
        )
        for s in found
    ]
    return [replace(s, leans_to=lean) for s, lean in zip(found, leans, strict=True)], len(left_over)


def placed_articles(
    config: Config,
    store: Store,
    subject: str | None = None,
    *,
    unplaced: bool = False,
    limit: int | None = None,
    say: Say | None = None,
    progress: PlaceProgress | None = None,
) -> list[Placed]:
    """The stored articles by subject in feeds.yaml's order, with score and who placed them
    (placement made current first, `progress` told how far it got): under `subject` only, or
    only those under no subject with `unplaced`. Each is credited as the next issue credits it
    (`feed_names`: walk176 #8, a feed's `name:` added in feeds.yaml was the draft's publication,
    while `subjects list --json` still gave the feed's old title)."""
    refresh(config, store, say=say, progress=progress)
    order = [s.name for s in config.subjects]
    found = store.placements(subject, unplaced=unplaced, limit=limit, order=order)
    named = feed_names(config, store)
    found = [
        p if (art := named(p.article)) == p.article else replace(p, article=art) for p in found
    ]
    if unplaced:
        return found
    # (a copy of a published story is listed as one: walk116 #1)
    names = [subject] if subject is not None else order
    enough = max(config.themes.min_articles, config.issue_size)
    copies = told_copies(store, names, enough, min_score=config.themes.min_score)
    return [
        replace(p, copy_of=copies[p.article.id])
        if p.article.id in copies and not p.featured_in
        else p
        for p in found
    ]


def keyword_homes(config: Config, store: Store, subject: str) -> list[tuple[str, int]]:
    """Where the articles that use a keyword of `subject` are placed, among the articles the
    scorer learns from (the newest `CORPUS_SAMPLE` and the corrected ones): (subject, how many),
    most first, other subjects only (walk176 #9: a subject split in two listed its empty half as
    a bare 0, while its keywords were in articles under the other half)."""
    wanted = next((s for s in config.subjects if s.name == subject), None)
    if wanted is None:
        return []
    keys = set()
    for kw in wanted.keywords:
        toks = terms(kw)
        if toks:
            keys.add(toks[0] if len(toks) == 1 else phrase_key(toks))
    if not keys:
        return []
    phrases = phrase_keys(subject_phrases(config.subjects))
    ids = [a.id for a in model_corpus(store)]
    counts = _counts(store, phrases, ids)
    using = [i for i, c in counts.items() if not keys.isdisjoint(c)]
    where = Counter(s for s in store.stored_subjects(using).values() if s and s != subject)
    return where.most_common()


def uncertain_articles(
    config: Config, store: Store, limit: int, say: Say | None = None, newest: int = CORPUS_SAMPLE
) -> tuple[list[Uncertain], dict[str, str | None]]:
    """The unfeatured articles the model is least sure of, among the `newest` (`CORPUS_SAMPLE`
    unless the editor widens it: walk160 #6):
    where the editor's corrections teach the most. Only those it is unsure of in fact
    (`Uncertain.unsure`): fewer than `limit` when the others are placed clearly. One story is
    listed once: a copy at another address is named with the first of them (`one_per_story`).
    Those an earlier run listed under the subject they are under now (the editor left them as
    placed) come after the others, marked `listed_before` (walk129 #5: the same three correctly
    placed posts took 3 of 10 places every week); the ones returned are remembered. A dead
    link (its page gone: no issue can feature it) is left out (walk146 #3). Returned with what
    to remember (`Store.record_uncertain_listed`): each address listed, with where it is."""
    refresh(config, store, say=say)  # (so that each article's stored place is current)
    corrections = store.corrections()
    articles = store.recent_unfeatured(newest)
    model = current_model(config, store, corrections, say=say)
    found = uncertain(model, articles, limit=len(articles))
    earlier = store.uncertain_listed()
    ids = {a.url: a.id for a in articles}

    def where(url: str, subject: str | None) -> str | None:
        """Where the article is stored (its subject, None: none); where the model would place
        it when it has no stored placement."""
        return stored[ids[url]] if url in ids and ids[url] in stored else subject

    # Listed before and left where it is stored: marked, whatever the model would place it
    # under now (walk136 #129-5: the mark was dropped whenever that changed, as a week's new
    # articles made it, and the same articles came back first, unmarked).
    # Those placed mostly on one word, far under their subject's usual score, come first: the
    # model is sure of them (no subject comes near), and wrong (walk153 #1).
    by_url = {a.url: a for a in articles}
    lone = one_word_fits(
        config,
        store,
        [(by_url[u.url], u.subject, u.score) for u in found if u.subject and u.url in by_url],
        model,
    )
    # So do those like an article the editor excluded, with no note of their own before
    # (walk168 #2: a near-twin of an excluded article was placed, and not listed).
    like = like_excluded(
        config,
        store,
        [(by_url[u.url], u.subject) for u in found if u.subject and u.url in by_url],
        model,
    )
    # And those placed through the subject's keywords alone, their other words the off-field
    # articles' (walk182 #1: two sport ticket queues made half of "Service operations", unsaid).
    keys = keywords_only(
        config,
        store,
        [(by_url[u.url], u.subject) for u in found if u.subject and u.url in by_url],
        model,
    )
    keys = {url: k for url, k in keys.items() if url not in lone and url not in like}
    # And the weak fits `explain`, `themes` and the draft say may be off their subject (walk194
    # #5: "curator is sure of every other article" was said of one `explain` called a weak fit).
    weak = weak_fits_of(config, store, found, ids, set(lone) | set(like) | set(keys))
    found = [
        *(
            replace(u, reason="one word", unsure=True, sureness=0.0, one_word=lone[u.url])
            for u in found
            if u.url in lone
        ),
        *(
            replace(u, reason="like excluded", unsure=True, sureness=0.0, like_excluded=like[u.url])
            for u in found
            if u.url in like and u.url not in lone
        ),
        *(
            replace(u, reason="keywords only", unsure=True, sureness=0.0, keywords_only=keys[u.url])
            for u in found
            if u.url in keys
        ),
        *(
            u
            if u.url not in weak or (u.unsure and u.reason == "between")
            else replace(u, reason="weak fit", unsure=True, weak_bar=weak[u.url])
            for u in found
            if u.url not in lone and u.url not in like and u.url not in keys
        ),
    ]
    # (read after the notes above made theirs unsure: each is marked by where it is stored)
    stored = store.stored_subjects([ids[u.url] for u in found if u.unsure])
    unsure = [
        replace(u, listed_before=u.url in earlier and earlier[u.url] == where(u.url, u.subject))
        for u in found
        if u.unsure and not (u.url in ids and store.dead_link(ids[u.url]))
    ]
    unsure.sort(key=lambda u: u.listed_before)  # (stable: least sure first within each)
    listed = [_with_stored(store, ids[u.url], u) for u in one_per_story(unsure, articles, limit)]
    # (the same story's other addresses were shown too, named with it: walk19 #7)
    remember = {
        url: where(url, subject)
        for u in listed
        for url, subject in ((u.url, u.subject), *((s[0], s[1]) for s in u.same_story))
    }
    return listed, remember


def weak_fits_of(
    config: Config,
    store: Store,
    found: Sequence[Uncertain],
    ids: Mapping[str, int | None],
    other: Collection[str],
) -> dict[str, float]:
    """Of `found` (but those in `other`: noted otherwise), the weak fits: placed by curator under
    a subject with a score under its own bar (`weak_bars`), by URL with that bar."""
    bars = weak_bars(config, store)
    wanted = {i: u.url for u in found if u.subject and u.url not in other and (i := ids.get(u.url))}
    if not bars or not wanted:
        return {}
    stored = store.stored_subjects(list(store.weak_fits(bars, wanted)))
    return {wanted[i]: bars[s] for i, s in stored.items() if s in bars}


def one_word_fits(
    config: Config,
    store: Store,
    placed: Sequence[tuple[Article, str, float]],
    model: SubjectModel | None = None,
) -> dict[str, OneWord]:
    """Of the `placed` articles, (article, its subject, its score), those under the subject
    mostly on one word, scoring far below its usual articles (`subjects.OneWord`), by URL: the
    editor is told to check them (walk153 #1: generic articles were published under "Measuring
    the customer experience" on the word "experience" of its name, and nothing said so). The
    articles the editor moved there are left out: they said where those belong."""
    usual_scores = store.usual_scores([a.id for a, _, _ in placed if a.id is not None])
    corrections = store.corrections()
    usual = {a.url: usual_scores.of(subject, a.id) or 0.0 for a, subject, _ in placed}
    low = [
        (a, subject, score)
        for a, subject, score in placed
        if a.url not in corrections and 0 < score < ONE_WORD_BELOW * usual[a.url]
    ]
    if not low:
        return {}
    model = _with_words(model or current_model(config, store, corrections), store)
    counts = _counts(store, phrase_keys(model.phrases), [a.id for a, _, _ in low if a.id])
    found = {}
    for a, subject, score in low:
        if a.id is None or a.id not in counts:
            continue
        one = model.one_word(a, counts[a.id], subject, score, usual[a.url])
        if one is not None:
            found[a.url] = one
    return found


def like_excluded(
    config: Config,
    store: Store,
    placed: Sequence[tuple[Article, str]],
    model: SubjectModel | None = None,
) -> dict[str, LikeExcluded]:
    """Of the `placed` articles, (article, the subject it is under), those more like an article
    the editor excluded than like any article accepted under their subject (published there or
    moved there), by URL: `LIKE_EXCLUDED_FLOOR` (walk168 #2: the week after the editor excluded
    a cup final ticket queue from "Service operations", a rugby ticket queue was placed there,
    first in its section, and nothing said so). A note only: placement is unchanged. The
    articles the editor moved there are left out: they said where those belong. The vectors are
    the scorer's own, from the stored counts: nothing is read again."""
    corrections = store.corrections()
    excluded_urls = [url for url, subject in corrections.items() if subject is None]
    wanted = [(a, s) for a, s in placed if a.id is not None and a.url not in corrections]
    if not excluded_urls or not wanted:
        return {}
    excluded = [a for a in map(store.article_by_url, excluded_urls) if a and a.id is not None]
    if not excluded:
        return {}
    # (an article published under one subject and moved to another counts where it was moved)
    moved: dict[int, str | None] = {}
    for url, said in corrections.items():
        article = store.article_by_url(url) if said is not None else None
        if article is not None and article.id is not None:
            moved[article.id] = resolve(said or "", config.subjects)
    accepted = {s: {i for i in ids if i not in moved} for s, ids in store.published_ids().items()}
    for article_id, subject in moved.items():
        if subject is not None:
            accepted.setdefault(subject, set()).add(article_id)
    model = model or current_model(config, store, corrections)
    phrases = phrase_keys(model.phrases)

    def vectors_of(ids: Collection[int]) -> dict[int, Vector]:
        return {i: model.vector(c) for i, c in _counts(store, phrases, list(ids)).items()}

    vectors = vectors_of({a.id for a, _ in wanted if a.id} | {a.id for a in excluded if a.id})
    gone = [vectors.get(a.id or 0, {}) for a in excluded]
    # (first against the few excluded articles: the subjects' published ones are read only for
    # the articles near one of them, seldom any)
    near = [(a, s) for a, s in wanted if like_excluded_of(vectors.get(a.id or 0, {}), gone, ())]
    if not near:
        return {}
    vectors.update(vectors_of({i for _, s in near for i in accepted.get(s, ())} - vectors.keys()))
    found: dict[str, LikeExcluded] = {}
    for article, subject in near:
        ours = (vectors.get(i, {}) for i in accepted.get(subject, ()) if i != article.id)
        like = like_excluded_of(vectors.get(article.id or 0, {}), gone, ours)
        if like is not None:
            other = excluded[like[0]]
            found[article.url] = LikeExcluded(
                article.url, article.title, subject, other.url, other.title, like[1], like[2]
            )
    return found


def _with_stored(store: Store, article_id: int, u: Uncertain) -> Uncertain:
    """`u`, saying where the article is stored when the model would now place it elsewhere (see
    `stored_elsewhere`)."""
    placed, subject = store.stored_subject(article_id)
    if not placed or subject == u.subject:
        return u
    return replace(u, stored_under=subject, stored_differs=True)


def one_per_story(
    found: Sequence[Uncertain], articles: Sequence[Article], limit: int
) -> list[Uncertain]:
    """The first `limit` of `found` (least sure first), each story once: an article that tells the
    same story as one listed before it (the same article at two addresses, a syndicated copy) is
    named in that one's `same_story`, with where it is and why, rather than listed again (a
    correction is for one address: the editor corrects each)."""
    by_url = {a.url: a for a in articles}
    boilerplate = boilerplate_shingles(articles)
    kept: list[tuple[Fingerprint | None, Uncertain]] = []
    for item in found:
        if len(kept) >= limit:
            break
        article = by_url.get(item.url)
        print_ = fingerprint(article, boilerplate) if article is not None else None
        twin = None
        if print_ is not None:
            twin = next(
                (
                    (k, why)
                    for k, (other, _) in enumerate(kept)
                    if other is not None and (why := same_story_reason(other, print_))
                ),
                None,
            )
        if twin is None:
            kept.append((print_, item))
            continue
        k, why = twin
        first = kept[k][1]
        kept[k] = (
            kept[k][0],
            replace(first, same_story=(*first.same_story, (item.url, item.subject, why))),
        )
    return [item for _, item in kept]


def subject_overlaps(
    config: Config,
    store: Store,
    say: Say | None = None,
    newest: int = CORPUS_SAMPLE,
    progress: PlaceProgress | None = None,
) -> list[Overlap]:
    """The pairs of subjects the model confuses on the `newest` articles (and the corrected
    ones), most confused first (placement made current first, `progress` told how far it got).
    They are judged by the model placing uses (it learns from the newest `CORPUS_SAMPLE`
    whatever `newest` is: walk160 #6, the window is the editor's to widen), and each is said
    under the subject it is stored under, where `subjects list` lists it (walk187 #5: a model
    fitted for this report alone, from two articles more than the stored one had learnt from,
    said an article issue 5 published under "World affairs" was "now under" another subject)."""
    refresh(config, store, say=say, progress=progress)  # (tells of stale moves too)
    model = current_model(config, store, store.corrections(), say=say)
    corpus = model_corpus(store)
    if newest != CORPUS_SAMPLE:
        scanned = {a.id: a for a in store.recent_articles(newest)}
        scanned.update((a.id, a) for a in store.corrected_articles())
        corpus = list(scanned.values())
    ids = {a.url: a.id for a in corpus if a.id is not None}
    stored = store.stored_subjects(list(ids.values()))
    under = {url: stored[i] for url, i in ids.items() if i in stored}
    return overlaps(model, corpus, under=under)


def correction_effect(
    config: Config,
    store: Store,
    before: dict[str, str | None],
    also: Sequence[Article] = (),
) -> list[Change]:
    """What the corrections made since `before` (the store's corrections then) change, among
    the articles the scorer learns from (the newest `CORPUS_SAMPLE` and the corrected ones, and
    `also`: the articles whose corrections were forgotten since, which the first two may no
    longer include): each article placed differently, the corrected ones included. It changes
    at once: the next command that reads the placements (`subjects list`, a build) places them
    again. An article an issue featured keeps the subject it was published under unless the
    editor corrects it (see `curator.storebase.stale`): it is not among them. Each is said from
    the subject it is stored under (where `subjects list` shows it): one an older fit of the model
    placed elsewhere moves too, as every stored article is placed again (`Change.refit`), so
    place the new articles (`refresh`) before the correction is stored."""
    corpus = {a.id: a for a in model_corpus(store)}
    corpus.update((a.id, a) for a in also)
    after = store.corrections()
    ids = {a.url: a.id for a in corpus.values()}
    held = store.stored_subjects(list(ids.values()))
    stored = {url: held[i] for url, i in ids.items() if i in held}
    return [
        c
        for c in changes(list(corpus.values()), config.subjects, before, after, stored)
        if c.url in after or not store.issues_featuring(ids[c.url])
    ]


def placed_now(
    config: Config, store: Store, articles: Sequence[Article], say: Say | None = None
) -> dict[str, str | None]:
    """Where curator itself places each of `articles` (by URL) under the store's corrections
    now, as placement will store it: an article an issue featured under the subject that issue
    published it under, any other under its best subject by the current model (fitted now
    and stored when the corrections changed, so the next placement uses it as it is)."""
    out: dict[str, str | None] = {}
    model: SubjectModel | None = None
    for article in articles:
        published = store.published_subject(article.id)
        if published is not None and resolve(published, config.subjects) == published:
            out[article.url] = published
            continue
        if model is None:
            model = current_model(config, store, say=say)
        out[article.url] = model.assign_one(article).subject
    return out


@dataclass(frozen=True)
class KeptSubject:
    """An article an issue published under another subject than curator had given it (the
    editor's draft put it there): placed under the issue's subject from then on, as every
    article an issue featured is, but not learnt from (only a correction teaches curator)."""

    url: str
    title: str
    #: The subject the issue published it under.
    subject: str
    #: The subject curator had given it (None: no subject).
    curator: str | None
    #: True when the editor had corrected it otherwise (moved it elsewhere, or excluded it): the
    #: correction stands, for `subjects list` and future issues; `correction` is what it says.
    against_correction: bool = False
    correction: str | None = None

    def move_command(self) -> str:
        """The command that teaches curator the issue's subject for it."""
        return f"curator subjects move {shell_arg(self.url)} {shell_arg(self.subject)}"

    def to_dict(self, config_arg: str = "") -> dict[str, object]:
        """For --json; `config_arg` (` --config PATH` or "") ends `to_teach_it`, as the run
        prints the command."""
        data: dict[str, object] = {
            "url": self.url,
            "title": self.title,
            "subject": self.subject,
            "curator_subject": self.curator,
            "to_teach_it": self.move_command() + config_arg,
        }
        if self.against_correction:
            data["your_correction"] = (
                "excluded" if self.correction is None else f"moved to {self.correction}"
            )
        return data


def keep_published_subjects(
    config: Config,
    store: Store,
    featured: Sequence[tuple[str, int]],
    say: Say | None = None,
) -> list[KeptSubject]:
    """After an issue is recorded, with what it featured as (subject, article id): each article
    it was the first to feature, under one of feeds.yaml's subjects (not an extra section), that
    the editor has not corrected and that curator had placed elsewhere is placed under the
    issue's subject, with its score there, so that `subjects list`, `explain` and the next
    builds agree with the issue (see `curator.storebase.stale`); returns those articles, and those
    it featured against the editor's correction of them (moved elsewhere or excluded: the
    correction stands). curator does not learn from them: the model is as it was."""
    corrections = store.corrections()
    names = {s.name for s in config.subjects}
    model: SubjectModel | None = None
    kept: list[KeptSubject] = []
    for subject, article_id in featured:
        article = store.article_by_id(article_id)
        if article is None or subject not in names:
            continue
        if article.url in corrections:
            # The editor's own word on it stands; the issue published it elsewhere all the same.
            said = corrections[article.url]
            if said is None or resolve(said, config.subjects) != subject:
                kept.append(KeptSubject(article.url, article.title, subject, said, True, said))
            continue
        if store.published_subject(article_id) != subject:
            continue  # an earlier issue featured it: that issue's subject stays
        has_row, stored = store.stored_subject(article_id)
        if has_row and stored == subject:
            continue
        if model is None:
            model = current_model(config, store, corrections, say=say)
        curator = _place_under(store, model, article, subject)
        kept.append(
            KeptSubject(article.url, article.title, subject, stored if has_row else curator)
        )
    return kept


def rescore_published(
    config: Config, store: Store, articles: Sequence[Article], say: Say | None = None
) -> None:
    """After the editor's corrections of `articles` are forgotten: each one an issue featured,
    back under the subject that issue published it under (`Store.forget_corrections`), gets its
    score there (not the one it had under the subject it was moved to), as `explain` says."""
    names = {s.name for s in config.subjects}
    model: SubjectModel | None = None
    for article in articles:
        published = store.published_subject(article.id)
        if published is None or published not in names or article.url in store.corrections():
            continue
        if model is None:
            model = current_model(config, store, say=say)
        _place_under(store, model, article, published)

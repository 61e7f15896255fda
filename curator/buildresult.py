"""What a build gives back (`app.run_build`, `draftpublish.build_from_draft`): the issue built,
the files written, and what the editor is told."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from curator.articlewarnings import MissingBlurb
from curator.harvest import FetchSummary
from curator.models import Issue
from curator.placement import KeptSubject
from curator.pullednotes import Pulled
from curator.subjects import KeywordsOnly, LikeExcluded, OneWord


@dataclass(frozen=True)
class BuildResult:
    fetch: FetchSummary
    #: The issue built, or None when there was nothing new to feature.
    issue: Issue | None
    paths: tuple[Path, ...] = field(default_factory=tuple)
    #: What the editor should know although the issue was built (said on stderr).
    warnings: tuple[str, ...] = ()
    #: The articles published without a blurb (their messages are among `warnings` too).
    missing_blurbs: tuple[MissingBlurb, ...] = ()
    #: The articles the issue published under another subject than curator had given them (the
    #: draft put them there): placed there from now on, not learnt from.
    kept_subjects: tuple[KeptSubject, ...] = ()
    #: The URLs of the articles published that fit their subject only weakly (`weak_fit_warnings`).
    weak_fits: tuple[str, ...] = ()
    #: The articles published under their subject mostly on one word (`one_word_warnings`).
    one_word: tuple[OneWord, ...] = ()
    #: The articles published that are like one the editor excluded (`like_excluded_warnings`).
    like_excluded: tuple[LikeExcluded, ...] = ()
    #: Those placed through their subject's keywords alone (`keywords_only_warnings`).
    keywords_only: tuple[KeywordsOnly, ...] = ()
    #: Those under their subject because of a correction since the last issue (walk190 #7).
    pulled: tuple[Pulled, ...] = ()

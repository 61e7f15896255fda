"""revC: a gated article that no readable one can replace keeps the issue chosen first, and that
issue is not chosen a third time for its notes (choosing is the slow step of a build: 45-71 s on
a large store); the draft still notes the gated article as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_fixim_unread import _gated_newsletter

import curator.nextissue
from conftest import LocalServer
from conftest import run_cli as run


def test_the_first_choice_is_kept_not_chosen_again(
    tmp_path: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, link = _gated_newsletter(tmp_path, http_server)
    avoided: list[tuple[int, ...]] = []
    choose = curator.nextissue.next_issue

    def counted(*args: object, **kwargs: object) -> object:
        avoided.append(tuple(sorted(kwargs.get("avoid", ()))))  # type: ignore[call-overload]
        return choose(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(curator.nextissue, "next_issue", counted)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert f"url: {link}\n" in draft, draft
    # (once as it came, once without the gated article: no choice is made twice)
    assert len(avoided) == len(set(avoided)), avoided

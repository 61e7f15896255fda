"""fixlq #5: a feed-only blurb (its page robots.txt forbids) whose summary opens with a Japanese
name and its role with no label ("山田太郎記者。…", "佐藤花子特派員　…") kept it: `blurb_leadin` read
"文：" and "記者 " labels before a name (fixln), not a role after it. The blurb opens at the story
and the person is credited, as fixln's are. Through a build of a feed on a real HTTP server on
127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from test_fixks_feed_blurbs import TAIL, _blurbs
from test_fixlg_leadin_credit import _authors
from test_fixln_leadin_scripts import JA, JA2

from conftest import LocalServer

JA3 = "問い合わせ窓口（help desk）では、顧客（customer）の質問に一人の担当者が最後まで答える。"
TAIL.setdefault(JA3, "担当者が替わらないと、顧客は同じ説明を繰り返さずに済む。")

#: (the summary's lead-in, the lead after it, the person it credits)
CREDITED = [
    ("山田太郎記者。", JA, "山田太郎"),
    ("佐藤花子記者\u3000", JA2, "佐藤花子"),
    ("鈴木一郎特派員。", JA3, "鈴木一郎"),
]


def test_a_japanese_name_and_role_lead_in_leaves_the_blurb_and_credits_the_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    blurbs, _ = _blurbs(tmp_path, http_server, CREDITED, "description")
    authors = _authors(tmp_path)
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for at, (head, lead, person) in enumerate(CREDITED):
        title = f"Service queues {at}"
        assert blurbs[title].startswith(lead), blurbs[title]
        assert person not in blurbs[title], blurbs[title]
        assert authors[title] == [person], authors
        assert head.strip() not in text, text

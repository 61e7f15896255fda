"""walk47: advice that works when followed (a cut article comes back in the next draft), the
count a `subjects move` gives, `feeds add` of a feed serving a listed feed's entries, and the
import's word on comments in a bracketed feeds list."""

from __future__ import annotations

import re
from pathlib import Path

from test_review import blocks

from conftest import run_cli


def _urls(draft: Path) -> list[str]:
    return re.findall(r"(?m)^url: (\S+)", draft.read_text(encoding="utf-8"))


def _cut(draft: Path, url: str) -> None:
    parts = blocks(draft.read_text(encoding="utf-8"))
    draft.write_text("".join(p for p in parts if f"url: {url}\n" not in p), "utf-8")


# -- New 2: a cut article comes back in the next draft; exclude keeps it out -------------------


def test_a_cut_article_comes_back_and_the_advice_says_exclude_keeps_it_out(demo: Path) -> None:
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    # The feed is removed: what stays, and how to keep one of its articles out.
    code, out, err = run_cli("feeds", "remove", "--config", str(demo), "feeds/brightline.json")
    assert code == 0, err
    assert (
        "To keep one out, run `curator subjects exclude URL` (it keeps it out of every issue;"
        " `curator subjects undo URL` takes it back): cutting it from a draft keeps it out of"
        " that issue only, and the next `curator draft` can pick it again."
    ) in out
    assert run_cli("draft", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    first = demo.parent / "drafts" / "issue-1.md"
    url = next(u for u in _urls(first) if "brightline" in u)
    # Its blurb emptied: the build refuses, and says how to keep it out for good.
    parts = blocks(first.read_text(encoding="utf-8"))
    block = next(p for p in parts if f"url: {url}\n" in p)
    title = block.splitlines()[0][3:]
    emptied = "\n".join(line for line in block.splitlines() if re.match(r"## |\w+:", line))
    first.write_text("".join(p if p is not block else emptied + "\n\n" for p in parts), "utf-8")
    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(first))
    assert code == 2
    assert err.endswith(
        f'"{title}" has no blurb; write a 2-3 sentence blurb under its heading, or remove the'
        " article (and run `curator subjects exclude URL` for it, or the next `curator draft` can"
        " pick it again)\n"
    ), err
    # Cut: the issue is published, and the next draft picks the article again, as both say.
    _cut(first, url)
    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(first), "-q")
    assert code == 0, err
    assert run_cli("draft", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    second = demo.parent / "drafts" / "issue-2.md"
    assert url in _urls(second)
    # Excluded, as the advice says: no later draft picks it.
    code, out, err = run_cli("subjects", "exclude", "--config", str(demo), url)
    assert code == 0, err
    second.unlink()
    code, out, err = run_cli("draft", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0, err
    assert out.startswith("Nothing new to feature: no draft was written"), out  # it was the last
    assert not second.exists()

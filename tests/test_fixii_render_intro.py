"""walk179 #6: `render N` after correcting "introduction" in issue-N.json said only that the
corrected introduction "is published": not that its relative link leads nowhere from an email,
nor that its level-1 heading is published at level 2, which `draft` and `build` say."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import copy_demo, run_cli, said_as_one


def test_render_checks_a_corrected_introduction_as_build_does(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    json_file = config.parent / "output" / "issue-1.json"
    data = json.loads(json_file.read_text(encoding="utf-8"))
    data["introduction"] = (
        "Welcome back.\n\n# Why basics\n\nBecause they matter. See [our site](/about) and"
        " [the study](https://x.example/s)."
    )
    json_file.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    code, out, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, out + err
    said = said_as_one(out + err)
    assert '"introduction" as corrected' in said
    assert (
        f'{json_file}: "introduction", line 5 of it: the link "our site" goes to /about, which is'
        " no full web address" in said
    ), said
    assert "leads nowhere from an email" in said
    assert (
        f'{json_file}: "introduction", line 3 of it: the heading "# Why basics" is published as a'
        " level-2 heading" in said
    ), said
    assert "the study" not in said  # (a full address: nothing to say)
    # Said once, when corrected: a render after it says nothing more of it.
    code, out, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, out + err
    assert "/about" not in out + err

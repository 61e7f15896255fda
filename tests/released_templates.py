"""Write curator/released_templates.txt: the SHA-256 of every version of curator's templates the
repository's history holds (as `templatewords.template_digest` reads a file), so that an editor's file
identical to one of them is known for an old copy, not a template of their own (walk156 #19).
Run from the repository after changing a template: `python tests/released_templates.py`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from curator.templatecheck import builtin_templates
from curator.templatewords import (
    RELEASED_TEMPLATES,
    template_digest,
)


def main() -> None:
    root = builtin_templates().parent
    rows = set()
    for path in sorted(builtin_templates().iterdir()):
        name = f"templates/{path.name}"
        commits = subprocess.run(
            ["git", "log", "--format=%H", "--", name], cwd=root, capture_output=True, text=True
        ).stdout.split()
        for commit in commits:
            shown = subprocess.run(
                ["git", "show", f"{commit}:{name}"], cwd=root, capture_output=True, text=True
            )
            if shown.returncode == 0:
                rows.add(f"{path.name} {template_digest(shown.stdout)}")
        rows.add(f"{path.name} {template_digest(path.read_text(encoding='utf-8'))}")
    Path(RELEASED_TEMPLATES).write_text("".join(f"{r}\n" for r in sorted(rows)), "utf-8")


if __name__ == "__main__":
    main()

"""Print the first ```sh block under a README.md heading, so CI runs exactly what a new user is told.

Usage: python3 .ci/readme_commands.py "Run the tests"
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def block(readme: str, heading: str) -> str:
    found = re.search(rf"^#+ {re.escape(heading)}\s*$", readme, re.M)
    if not found:
        raise SystemExit(f"README.md has no heading {heading!r}")
    code = re.search(r"^```sh\n(.*?)^```", readme[found.end() :], re.M | re.S)
    if not code:
        raise SystemExit(f"README.md has no ```sh block under {heading!r}")
    return code.group(1)


if __name__ == "__main__":
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    sys.stdout.write(block(text, sys.argv[1]))

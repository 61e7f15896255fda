"""walk192 #3 (fixkf): what a subject edit says it changed. Renaming "Space" "Space and
astronomy" in feeds.yaml was said to change 481 articles' subject, "23 from Graphics and X Window
to Windows" among them: the articles the edit moved (from or to the renamed subject) and those
placing again moved between subjects it did not edit (the subjects are fitted together, and the
name's word "astronomy" is among the subject's words) were told as one. And after a rename back
by hand, the articles published under "Space" were said to be under a name "which feeds.yaml no
longer has as a subject", though it has "Space" again. Through the CLI, on the corpus's
newsgroup posts served on 127.0.0.1."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import escape
from pathlib import Path

import pytest
from test_walk119_copies import HTML, page, rss

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

#: Posts per newsgroup, each group in a feed of its own.
POSTS = 80
GROUPS = {
    "comp-train.jsonl": (
        "comp.graphics",
        "comp.os.ms-windows.misc",
        "comp.sys.ibm.pc.hardware",
        "comp.sys.mac.hardware",
        "comp.windows.x",
    ),
    "sci-train.jsonl": ("sci.electronics", "sci.space"),
}
#: The walker's subjects for these groups.
SUBJECTS = """subjects:
  - name: PC and Mac hardware
    description: Building and upgrading PCs and Macs; drives, memory, cards and monitors.
    keywords: [SCSI, IDE, motherboard, Mac, PowerBook, SIMM, BIOS, controller, monitor]
  - name: Graphics and X Window
    description: Computer graphics, image formats and the X Window System.
    keywords: [X11, Xlib, Motif, widget, xterm, image, GIF, JPEG, 3D, polygon]
  - name: Windows
    description: Microsoft Windows, its drivers, setup and problems.
    keywords: [Windows 3.1, DOS, driver, win.ini, Microsoft, font, printer]
  - name: Electronics
    description: Circuits, components, power supplies and radio.
    keywords: [circuit, voltage, resistor, amplifier, battery, capacitor, radio, wire]
  - name: Space
    description: Spaceflight, NASA, satellites, the Moon and astronomy.
    keywords: [NASA, orbit, shuttle, launch, satellite, Moon, spacecraft, Mars]
"""


def newsgroups(tmp_path: Path, server: LocalServer, corpus: Path) -> Path:
    """A newsletter of the newsgroups' posts (a feed per group), fetched and built once."""
    feeds = []
    for name, groups in GROUPS.items():
        path = corpus / "topics" / "20newsgroups" / name
        if not path.is_file():
            pytest.skip(f"the corpus has no {path}")
        posts: dict[str, list[dict[str, str]]] = {g: [] for g in groups}
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                post = json.loads(line)
                kept = posts.get(post["label"])
                if kept is not None and len(kept) < POSTS and len(post["text"]) > 300:
                    kept.append(post)
        for group, kept in posts.items():
            items = []
            for n, post in enumerate(kept):
                title = escape(" ".join(post["title"].split()) or f"{group} post {n}")
                paragraphs = [
                    escape(" ".join(p.split()))
                    for p in re.split(r"\n\s*\n", post["text"])
                    if p.strip()
                ]
                link = server.add(f"/{group}/{n}.html", page(title, paragraphs), content_type=HTML)
                day = f"{n % 28 + 1:02d}"
                items.append((title, link, f"{day} Nov 2026 10:00:00 GMT", paragraphs[0][:200]))
            url = server.add(f"/{group}.xml", rss(group, server.url("/"), items))
            feeds.append(f"  - url: {url}\n    name: {group}\n")
    folder = tmp_path / "nl"
    folder.mkdir()
    config = folder / "feeds.yaml"
    config.write_text(
        "newsletter:\n  title: Newsgroups Weekly\n  issue_size: 3\n"
        f"feeds:\n{''.join(feeds)}{SUBJECTS}settings:\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    return config


def placed(config: Path) -> dict[str, str | None]:
    code, out, err = run("subjects", "list", "--config", str(config), "-q", "--json")
    assert code == 0, err
    return {row["url"]: row["subject"] for row in json.loads(out)}


def flows_of(
    before: dict[str, str | None], after: dict[str, str | None]
) -> Counter[tuple[str, str]]:
    return Counter(
        (before[u] or "no subject", s or "no subject")
        for u, s in after.items()
        if u in before and s != before[u]
    )


def told(flows: str) -> dict[tuple[str, str], int]:
    return {
        (m[2], m[3]): int(m[1]) for m in re.finditer(r"(\d+) from (.+?) to (.+?)(?:;|$)", flows)
    }


def test_a_rename_says_what_it_moved_apart_from_what_placing_again_moved(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = newsgroups(tmp_path, http_server, corpus)
    conf = ("--config", str(config))
    before = placed(config)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - name: Windows\n", "  - name: Windows and DOS\n"), encoding="utf-8"
    )
    code, out, err = run("draft", *conf, "--no-fetch")
    assert code == 0, err
    after = placed(config)
    flows = flows_of(before, after)
    renamed = {("Windows", "Windows and DOS")}
    edited = {"Windows", "Windows and DOS"}
    others = {f: n for f, n in flows.items() if not set(f) & edited}
    assert others, f"the rename moved no other article: the test needs one that does ({flows})"
    said = said_as_one(out + err)
    found = re.search(
        r"Subject edit \(Windows and DOS, Windows\): (\d+) article\(s\) changed subject"
        r" \(([^)]*)\); (\d+) more moved between subjects you did not edit \(([^)]*)\): the"
        r" subjects are fitted together, so an edited subject's words, its name's among them,"
        r" move others' borderline articles too;",
        said,
    )
    assert found, said
    own = {f: n for f, n in flows.items() if set(f) & edited}
    assert int(found[1]) == sum(own.values()) and told(found[2]) == own, (found[0], flows)
    assert renamed <= set(own)
    assert int(found[3]) == sum(others.values()), (found[0], others)
    shown = told(found[4])
    assert all(others[f] == n for f, n in shown.items()), (found[4], others)
    code, out, err = run("draft", *conf, "--no-fetch", "--force", "--json")
    assert code == 0, err

    # Renamed with `subjects rename`, then back by hand: feeds.yaml has "Windows" again.
    code, _, err = run("subjects", "rename", *conf, "-q", "Windows", "Windows and DOS")
    assert code == 0, err
    code, _, err = run("build", *conf, "--no-fetch", "-q")
    assert code == 0, err
    config.write_text(text, encoding="utf-8")
    code, out, err = run("draft", *conf, "--no-fetch")
    assert code == 0, err
    said = said_as_one(out + err)
    assert re.search(r'published under "Windows" \(since renamed "Windows and DOS"\)', said), said
    assert not re.search(r'"Windows" \(since renamed "Windows and DOS"\), which', said), said
    assert 'has no subject "Windows and DOS" any more, but "Windows" again' in said, said

"""walk41 #7: `subjects explain` showed "bio" and "id" where the subject says BIOS and IDE: the post
writes "Bio" three times (a name) and "ID" as often as "IDE", and the article's commonest form was
shown. A term is shown as the subjects' own words spell it whenever the article writes it so too."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import run_cli as run

POST = "https://posts.example/comp.os.ms-windows.misc-009523"
#: The subjects walk41's editor wrote for the comp.* posts.
WALK41_SUBJECTS = """subjects:
  - name: Graphics
    label: comp.graphics
    description: Rendering, image formats, 3D modelling and graphics programming.
    keywords: [3D, rendering, image format, GIF, JPEG, ray tracing, polygon, OpenGL, graphics library, TIFF]
  - name: Windows
    label: comp.os.ms-windows.misc
    description: Using, configuring and troubleshooting Microsoft Windows and its applications.
    keywords: [Windows 3.1, Microsoft, DOS, win.ini, Program Manager, NT, WFW, File Manager, W4WG, printer driver]
  - name: PC hardware
    label: comp.sys.ibm.pc.hardware
    description: Building and upgrading IBM-compatible PCs, their drives, controllers, motherboards and cards.
    keywords: [IDE, SCSI, motherboard, BIOS, ISA, VLB, hard drive, jumper, IRQ, DMA]
  - name: Mac hardware
    label: comp.sys.mac.hardware
    description: Apple Macintosh machines, their upgrades and peripherals.
    keywords: [Mac, Macintosh, Apple, PowerBook, Quadra, Centris, SIMM, Duo, NuBus, LaserWriter]
  - name: X Window
    label: comp.windows.x
    description: The X Window System on Unix workstations, its servers, clients, widgets and toolkits.
    keywords: [X11, Xlib, Motif, widget, xterm, Xt, twm, X11R5, xdm, mwm]
"""


def test_explain_shows_bios_and_ide_as_the_subject_and_the_article_write_them(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    rows = [
        json.loads(line)
        for line in (corpus / "topics" / "20newsgroups" / "comp-train.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    items = "".join(  # the post whole (its BIOS and IDE are past the 4,000th character)
        f"<item><title>{escape(r['title'])}</title><link>https://posts.example/{r['id']}</link>"
        f"<description>{escape(r['text'] if POST.endswith(r['id']) else r['text'][:4000])}"
        "</description></item>"
        for r in rows
    )
    url = http_server.add(
        "/posts.xml", f'<rss version="2.0"><channel><title>Posts</title>{items}</channel></rss>'
    )
    subjects = yaml.safe_load(WALK41_SUBJECTS)["subjects"]
    for s in subjects:
        del s["label"]
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "Same-field weekly"},
                "subjects": subjects,
                "feeds": [{"url": url}],
                "settings": {"fetch_pages": False, "allow_private_addresses": True},
            }
        ),
        encoding="utf-8",
    )
    assert run("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = run("subjects", "explain", POST, "--config", str(config))
    assert code == 0, err
    shown = set(re.findall(r"([\w ]+?) \d\.\d{3}", out.replace(",", "\n")))
    shown = {w.strip() for w in shown}
    assert "bios" in shown, out
    assert not {"bio", "id"} & shown, out

"""walk65: prose about memberships read as a paywall's notice (#1), and articles stored with `file:`
links counted as waiting though no issue can take them (#2), as the editor sees them in `themes`
and `build`."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import newsletter
from test_walk55 import JA_LEAD, JA_NOTICE, _paywalled

from conftest import LocalServer
from conftest import run_cli as run

MEMBERS_LEAD = (
    "Free express delivery is available only to members who spend more than a thousand pounds a"
    " year, and that is exactly why the loyalty programme makes ordinary customers feel second"
    " class. The customer experience of the majority suffers for the perks of a few."
)
LOUNGE_SUMMARY = (
    "The airline's new lounge is open only to members of its loyalty scheme, and it changed how"
    " every customer sees the brand experience."
)


JA_BODY = JA_LEAD + "。核放棄を巡って「検証可能な」の文字がなく、米朝会談は一方的譲歩に見える。"


def _article(title: str, paragraphs: list[str], description: str = "") -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{meta}"
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def test_prose_about_memberships_is_no_paywall_notice(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk65 #1: a free page whose lead says "available only to members who spend more..." lost
    that lead from its blurb and was warned as "behind a paywall" with a quote cut mid-word
    ("... why the loyal"); a feed's summary "... open only to members of its loyalty scheme" was
    thrown away, the blurb opening "Photographs by the author." Now both leads are the blurbs, no paywall warning
    names them, and ja1's notice (walk55 #1) is still left out and warned of."""
    padding = (
        "A third paragraph talks about the customer journey, touchpoints and delight, so that the"
        " article is plainly about customer service and customer experience."
    )
    items = [
        (
            "Why loyalty programmes fail their best customers",
            "",
            _article(
                "Why loyalty programmes fail their best customers",
                [
                    MEMBERS_LEAD,
                    "Retailers then wonder why their loyalty scores stall. The second paragraph"
                    " repeats the point in other words about customer service.",
                    padding,
                ],
            ),
        ),
        (
            "The lounge that changed a brand",
            f"<description>{LOUNGE_SUMMARY}</description>",
            _article(
                "The lounge that changed a brand",
                [
                    "Photographs by the author.",
                    "We visited on a Tuesday. The queue was short, the coffee good, and the staff"
                    " knew our names before we gave them; customer service at every touchpoint.",
                    padding,
                ],
                LOUNGE_SUMMARY,
            ),
        ),
        (
            "米朝首脳直通電話 習氏に挑むトランプ戦術",
            "",
            _paywalled(
                "米朝首脳直通電話 習氏に挑むトランプ戦術", JA_NOTICE, JA_BODY, JA_LEAD, "ja"
            ),
        ),
    ]
    config = newsletter(tmp_path, http_server, items)
    text = config.read_text(encoding="utf-8").replace("effort]", "effort, 米朝, トランプ, 首脳]")
    config.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--all-subjects", "--json")
    assert code == 0, err
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert MEMBERS_LEAD in " ".join(txt.split()), txt
    lounge = txt.split("The lounge that changed a brand", 1)[1].split("http", 1)[0]
    assert " ".join(lounge.split()).startswith(f"Zeta Post {LOUNGE_SUMMARY}"), lounge
    assert "有料会員" not in txt and JA_LEAD + "。" in txt, txt
    said = " ".join(err.split())
    assert said.count("is behind a paywall") == 1, err
    assert (
        f'the page of "米朝首脳直通電話 習氏に挑むトランプ戦術" ({http_server.base}/p/2/) is'
        ' behind a paywall ("有料会員の方のみご利用になれます。"): curator read only what it shows'
        " free" in said
    ), err
    assert "may start mid-story" not in said, err
    warnings = " ".join(w["message"] for w in json.loads(out)["warnings"])
    assert "Free express delivery" not in warnings and "lounge" not in warnings, warnings
    assert warnings.count("is behind a paywall") == 1, warnings

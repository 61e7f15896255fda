"""walk155 #4: an off-topic English page, "Choosing warm light for a reading room", was published
under "Trams and light rail" mostly on the word "light", with no warning: the one-word check took
"light" for a keyword because it is a word of the keyword "light rail". One word of a keyword
phrase is not the keyword the editor chose. Served by a local HTTP server."""

from __future__ import annotations

import html
from pathlib import Path

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

TRAMS = [
    (
        "The tram returns to the city centre",
        "The city will run a tram on the old streetcar line. The tramway gets new rails and"
        " low-floor trams. Tram stops are rebuilt, and the streetcar depot reopens.",
    ),
    (
        "Streetcar ridership doubles",
        "Streetcar and tram ridership doubled since the tramway opened. The trams run every six"
        " minutes, and a new streetcar route joins the tram network next year.",
    ),
    (
        "A tramway for the suburbs",
        "The suburbs get a tramway: twelve tram stops, a streetcar depot and trams every ten"
        " minutes. The tram line links to the light rail station.",
    ),
    (
        "New trams for the tramway",
        "Forty new trams arrive for the tramway. Each tram carries 200 riders; the old streetcar"
        " fleet retires, and the tram depot is extended.",
    ),
    (
        "Bike lanes across the bridge",
        "The city opens bike lanes across the bridge for cyclists. Cycling rose, and the bicycle"
        " parking by the station fills each morning with cyclists.",
    ),
]
LIGHT = (
    "Choosing warm light for a reading room",
    "Warm light makes a reading room calm. Choose light bulbs of 2700 kelvin and put the light"
    " low, near the chair. Daylight from a window is the best light for reading in the morning."
    " Layer the light: a ceiling light for the room, a lamp for the page. Dimmers let the light"
    " follow the evening. A rail of track lights can wash a bookshelf in light.",
)
FEEDS_YAML = """newsletter:
  title: Tram World Weekly
  editor: Walk Editor
  issue_size: 20
subjects:
  - name: Trams and light rail
    description: Trams, streetcars and light rail in cities around the world.
    keywords: [tram, streetcar, light rail, tramway]
  - name: Cycling
    description: Bicycles and bike lanes in cities.
    keywords: [bicycle, cycling, bike lane, cyclists]
feeds:
  - url: {feed}
settings:
  allow_private_addresses: true
  fetch_pages: false
"""


def test_a_word_of_a_keyword_phrase_is_not_the_keyword(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = "".join(
        f"<item><title>{html.escape(t)}</title><link>{http_server.url(f'/a/{i}')}</link>"
        f"<description>{html.escape(d)}</description>"
        f"<pubDate>Tue, 0{i % 9 + 1} Dec 2026 10:00:00 GMT</pubDate></item>"
        for i, (t, d) in enumerate([*TRAMS, LIGHT])
    )
    feed = http_server.add(
        "/feed.xml", f'<rss version="2.0"><channel><title>Site en</title>{items}</channel></rss>'
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(FEEDS_YAML.format(feed=feed), encoding="utf-8")
    code, out, err = run("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    light = http_server.url(f"/a/{len(TRAMS)}")
    assert (
        f'"Choosing warm light for a reading room" ({light}) fits on one word: placed under'
        ' "Trams and light rail" mostly on the word "light", a word of the subject\'s name, not'
        " of its keywords"
    ) in said, err
    assert said.count("fits on one word") == 1, err

"""walk203 #3: a blurb opened with half a subheading: `<h2>Just What Is Customer Experience? It's
Not Just Customer Service</h2>` then the paragraph gave "Just What Is Customer Experience? Bruce
Temkin, ...". A heading never enters a blurb (docs/blurbs.md). Through `curator extract` of a
page served on 127.0.0.1: the blurb it prints."""

from __future__ import annotations

import json

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"

PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    "<title>7 Steps to Deliver Customer Experiences</title>"
    '<meta property="og:site_name" content="Harvard Business Review"></head><body><article>'
    "<h1>7 Steps to Deliver Customer Experiences</h1><p class='byline'>By Denise Lee Yohn</p>"
    "<h2>Just What Is Customer Experience? It’s Not Just Customer Service</h2>"
    "<p>Bruce Temkin, founder of the Customer Experience Professionals Association, is one of the"
    " leading thinkers around customer experience. His research informs his influential Customer"
    " Experience Matters blog.</p>"
    "<p>He has described customer experience as the perception that customers have of their"
    " interactions with an organization.</p>"
    "<h2>Why customer experience is not customer service</h2>"
    "<p>Temkin elaborated by comparing customer experience with customer service, which is one"
    " function among many that manages a subset of interactions with customers.</p>"
    "</article></body></html>"
)


def test_a_subheading_with_a_question_inside_is_no_part_of_the_blurb(
    http_server: LocalServer,
) -> None:
    url = http_server.add("/a/steps/", PAGE, content_type=HTML)
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    blurb = json.loads(out.splitlines()[0])["blurb"]
    assert "Just What Is" not in blurb, blurb
    assert "Not Just Customer Service" not in blurb, blurb
    assert blurb.startswith("Bruce Temkin, founder of the Customer Experience"), blurb

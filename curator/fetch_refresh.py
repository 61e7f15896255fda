"""Redirects written in HTML: the address a page of little text sends its reader on to at once,
with a `<meta http-equiv="refresh">` or a script whose whole text sets its location to a literal
address (`meta_refresh`); `curator.fetch` follows it once, as it follows an HTTP redirect. A page
that says it is an article (JSON-LD, og:type) is never taken for a script redirect.
"""

from __future__ import annotations

import html
import re

import httpx

from curator.fetch_request import FetchRequest
from curator.models import FetchResult

#: A page that sends its reader on with `<meta http-equiv="refresh" content="0; url=/b/2">` and
#: says little else ("Redirecting..."): a redirect written in HTML, followed once like an HTTP one
#: when its delay is this many seconds or fewer and the page has at most `_REFRESH_TEXT`
#: characters of text (a real page that refreshes itself, or sends readers on after a while, is
#: read as it is).
_REFRESH_DELAY = 5.0
_REFRESH_TEXT = 200
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_REFRESH_EQUIV = re.compile(rb"""http-equiv\s*=\s*["']?\s*refresh\b""", re.IGNORECASE)
_CONTENT_ATTR = re.compile(rb"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_REFRESH_VALUE = re.compile(
    r"""^\s*(\d+(?:\.\d*)?)\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"']*)["']?\s*$""", re.IGNORECASE
)
_NOT_TEXT = re.compile(
    rb"<(script|style|head|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL
)


#: A script that sends its reader on to a literal address: `window.location.replace("/b/2")`,
#: `location.href = '/b/2'`, `document.location.assign(...)` (walk100 #3: a page "Redirecting..."
#: doing only that was published at its own address). Followed as a meta refresh is, but only when
#: that statement is the script's whole text (comments aside): an assignment inside a function or
#: an event handler (`function signOut(){ window.location.href = '/'; }`) may never run (walk104
#: #1: an article rendered by script was left out as a redirect to the front page).
_SCRIPT = re.compile(rb"<script\b[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SCRIPT_COMMENT = re.compile(r"/\*.*?\*/|(?:^|\s)//[^\n]*$|<!--|-->", re.DOTALL | re.MULTILINE)
_SCRIPT_LOCATION = re.compile(
    r"""\s*(?:(?:window|document|self|top)\.)*"""
    r"""(?:location(?:\.href)?\s*=\s*(["'])([^"'\s]+)\1"""
    r"""|location\.(?:replace|assign)\(\s*(["'])([^"'\s]+)\3\s*\))\s*;?\s*""",
    re.IGNORECASE,
)
#: A page that says it is an article (JSON-LD Article, NewsArticle, BlogPosting...; og:type
#: article): its scripts' redirects are not followed, whatever they say.
_ARTICLE_LD = re.compile(
    rb"""["']@type["']\s*:\s*\[?\s*["'](?:\w*Article|BlogPosting|Report)["']""", re.IGNORECASE
)
_OG_ARTICLE = re.compile(rb"""og:type["']?[\s/>]""", re.IGNORECASE)
_ARTICLE_VALUE = re.compile(rb"""\bcontent\s*=\s*["']?article\b""", re.IGNORECASE)


def _says_article(content: bytes) -> bool:
    if _ARTICLE_LD.search(content):
        return True
    return any(
        _OG_ARTICLE.search(tag) and _ARTICLE_VALUE.search(tag) for tag in _META_TAG.findall(content)
    )


def meta_refresh(request: FetchRequest, result: FetchResult) -> str | None:
    """The address an HTML page of little text sends its reader on to at once with a meta refresh
    (`_REFRESH_DELAY`, `_REFRESH_TEXT`) or a script setting its location to a literal address
    (`_SCRIPT_LOCATION`, as its whole text), else None; only for pages, not feeds."""
    content = result.content
    if request.kind != "page" or not content or len(content) > 64 * 1024:
        return None
    target: str | None = None
    for tag in _META_TAG.findall(content):
        if not _REFRESH_EQUIV.search(tag) or not (found := _CONTENT_ATTR.search(tag)):
            continue
        raw = next(g for g in found.groups() if g is not None)
        value = _REFRESH_VALUE.match(raw.decode("utf-8", "replace"))
        if not value or not value.group(2).strip() or float(value.group(1)) > _REFRESH_DELAY:
            return None
        target = html.unescape(value.group(2).strip())
        break
    if target is None and not _says_article(content):
        for script in _SCRIPT.findall(content):
            code = _SCRIPT_COMMENT.sub(" ", script.decode("utf-8", "replace"))
            if found_js := _SCRIPT_LOCATION.fullmatch(code):
                target = found_js.group(2) or found_js.group(4)
                break
    if not target:
        return None
    text = b" ".join(_NOT_TEXT.sub(b" ", content).split())
    if len(html.unescape(text.decode("utf-8", "replace"))) > _REFRESH_TEXT:
        return None
    try:
        here = httpx.URL(result.final_url)
        there = here.join(target).copy_with(fragment=None)
    except (httpx.InvalidURL, ValueError, TypeError):
        return None
    if there.scheme not in ("http", "https") or not there.host or there == here:
        return None
    return str(there)

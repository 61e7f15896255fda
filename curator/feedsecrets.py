"""The secrets a feed's address can carry (a password before its site, a token, key or signature in
its query, a long random segment of its path), as `feeds export` names them and `--no-secrets`
leaves them out of the OPML (fixkw #1: an OPML shared with a colleague carried `?token=...`
without a word)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

#: Query parameters that hold a secret (lower case, `-` read as `_`): an access token, an API key,
#: a signature, a password. A name ending in `_token`, `_key`, `_secret` or `_password` is one too.
SECRET_PARAMETERS = frozenset(
    {
        "token",
        "key",
        "apikey",
        "api_key",
        "access_token",
        "auth",
        "auth_token",
        "sig",
        "signature",
        "secret",
        "password",
        "passwd",
        "pwd",
    }
)
_SECRET_ENDINGS = ("_token", "_key", "_secret", "_password")


def secret_parameter(name: str) -> bool:
    """Whether a query parameter of this name holds a secret (`token`, `api_key`, `sig`, ...)."""
    folded = name.strip().lower().replace("-", "_")
    return folded in SECRET_PARAMETERS or folded.endswith(_SECRET_ENDINGS)


#: A path segment of 32 or more hex digits, hyphens between groups allowed (a UUID, an MD5 or SHA-1
#: digest: `/feeds/u/8f14e45fceea167a5a36dedd4bea2543/rss`, `/private/<40 hex>/`).
_HEX_SEGMENT = re.compile(r"[0-9a-f]+(?:-[0-9a-f]+)*", re.IGNORECASE)
#: The base64url alphabet a random token is written in.
_TOKEN_SEGMENT = re.compile(r"[A-Za-z0-9_-]+")
#: The fewest characters a random-looking segment not in hex has, and the fewest bits of entropy
#: per character it shows (24 base64url characters drawn at random show about 4.2; a slug's
#: letters repeat more, and a token of a few characters repeated shows less).
_TOKEN_LENGTH = 24
_TOKEN_ENTROPY = 3.5
#: Where a letter turns to a digit or a digit to a letter.
_LETTERS_DIGITS_TURN = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def _entropy(text: str) -> float:
    """Shannon entropy of `text`'s characters, in bits per character."""
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def secret_segment(segment: str) -> bool:
    """Whether a path segment (its name before a `.xml`-like ending) looks like a secret (fixlp
    #3): 32 or more hex digits with both digits and letters (a UUID, a digest), or 24 or more
    base64url characters mixing letters and digits at random (its pieces between `-` and `_`
    mostly turning between letters and digits again and again, its characters of high entropy).
    A slug's words and numbers (`customer-experience-weekly-issue-12`, `covid19-vaccine-rollout-
    2026`, `AppleWatchSeries3-PoolSizes`) are not one."""
    stem = segment.split(".", 1)[0]
    digits = sum(c.isdigit() for c in stem)
    letters = sum(c.isalpha() for c in stem)
    if not digits or not letters:
        return False
    if _HEX_SEGMENT.fullmatch(stem) and digits + letters >= 32:
        return True
    if len(stem) < _TOKEN_LENGTH or not _TOKEN_SEGMENT.fullmatch(stem):
        return False
    # (a piece turning between letters and digits twice or more: `x7RtY2b`, not `Series3` or
    # `covid19`, a word and its number)
    pieces = [p for p in re.split(r"[-_]", stem) if p]
    mixed = sum(len(p) for p in pieces if len(_LETTERS_DIGITS_TURN.findall(p)) >= 2)
    return mixed * 2 >= digits + letters and _entropy(stem) >= _TOKEN_ENTROPY


def _path_secret(path: str) -> bool:
    """Whether a segment of the address's path `path` looks like a secret (`secret_segment`)."""
    return any(secret_segment(segment) for segment in path.split("/"))


def _path_masked(path: str) -> str:
    """`path` with each segment that looks like a secret shown as `...` (its `.xml` ending kept)."""
    return "/".join(
        "..." + segment[len(segment.split(".", 1)[0]) :] if secret_segment(segment) else segment
        for segment in path.split("/")
    )


def _split(url: str) -> SplitResult:
    """`url` split as `urlsplit` splits it; an address it refuses (`http://[zz]/feed?token=...`,
    a bad IPv6 host: fixlx #1, a message naming it crashed) split by hand at its `//`, `/`, `?`
    and `#`, so that its secret is masked all the same."""
    try:
        return urlsplit(url)
    except ValueError:
        rest, _, fragment = url.partition("#")
        rest, _, query = rest.partition("?")
        scheme, _, rest = rest.rpartition(":") if "://" not in rest else rest.partition(":")
        netloc, path = "", rest
        if rest.startswith("//"):
            netloc, slash, path = rest[2:].partition("/")
            path = slash + path
        return SplitResult(scheme, netloc, path, query, fragment)


def _pieces(query: str) -> list[tuple[str, str]]:
    """A query's `name=value` pieces as written, each with its name as read (`%5F` as `_`)."""
    return [(unquote_plus(piece.partition("=")[0]), piece) for piece in query.split("&") if piece]


def secrets_of(url: str) -> list[str]:
    """What secrets `url` holds, as the editor reads them: `password` for a user name and
    password before its site, `path` for a random-looking segment of its path (fixlp #3), then
    each secret query parameter's name (`token=`)."""
    parts = _split(url)
    found = ["password"] if parts.password is not None else []
    if _path_secret(parts.path):
        found.append("path")
    for name, _ in _pieces(parts.query):
        if secret_parameter(name) and f"{name}=" not in found:
            found.append(f"{name}=")
    return found


def _rebuilt(url: str, value: str | None) -> str:
    """`url` without its password (its user name kept), each secret-looking path segment shown as
    `...`, and each secret query parameter left out (`value` None) or its value shown as `value`;
    the rest of the address as it was written."""
    parts = _split(url)
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _, host = netloc.rpartition("@")
        user = userinfo.partition(":")[0]
        netloc = f"{user}@{host}" if user else host
    kept = [
        piece if not secret_parameter(name) else f"{piece.partition('=')[0]}={value}"
        for name, piece in _pieces(parts.query)
        if value is not None or not secret_parameter(name)
    ]
    path = _path_masked(parts.path)
    return urlunsplit((parts.scheme, netloc, path, "&".join(kept), parts.fragment))


def without_secrets(url: str) -> str:
    """`url` as `feeds export --no-secrets` writes it: its password and secret query parameters
    left out (`https://editor@host/feed?lang=en`), its user name kept, a secret-looking path
    segment written `...` (the address needs one there)."""
    return _rebuilt(url, None) if secrets_of(url) else url


def secrets_shown(url: str) -> str:
    """`url` as a message names it: its password left out, each secret's value (and a
    secret-looking path segment) shown as `...`."""
    return _rebuilt(url, "...") if secrets_of(url) else url


def secrets_said(urls: Sequence[str], left_out: bool) -> str | None:
    """What `feeds export` says of the feed addresses that hold a secret: kept (an OPML shared
    leaks it: keep it private, or export with --no-secrets) or, with `left_out`, left out (a
    reader elsewhere then needs the secret given there). None when no address holds one."""
    held = [(url, secrets_of(url)) for url in urls]
    held = [(url, found) for url, found in held if found]
    if not held:
        return None
    kinds = sorted({kind for _, found in held for kind in found})
    query = [k for k in kinds if k not in ("password", "path")]
    what = " or ".join(
        part
        for part in (
            "a user name and password" if "password" in kinds else "",
            "a random-looking path segment (a secret, written `...` here)"
            if "path" in kinds
            else "",
            "a secret in the query (" + ", ".join(k for k in query) + ")" if query else "",
        )
        if part
    )
    shown = ", ".join(secrets_shown(url) for url, _ in held)
    if left_out:
        return (
            f"curator: {len(held)} feed address(es) hold {what}, left out of the OPML"
            f" (--no-secrets): {shown}. A reader elsewhere cannot read those feeds until you give"
            " it the secret there"
        )
    return (
        f"curator: {len(held)} feed address(es) in the OPML hold {what}, written as feeds.yaml has"
        f" them so that a reader elsewhere can read those feeds ({shown}): keep the file private,"
        " or export it with --no-secrets to leave them out before you share it"
    )


#: An address written in a message or a stored error text ("redirected to URL: HTTP 404"), up to
#: a space, a quote, a bracket or a backquote (its host's own brackets, an IPv6 one's, kept).
_ADDRESS = re.compile(r"\b[a-z][a-z0-9+.-]*://(?:\[[^\]\s]*\])?[^\s'\"`<>()\[\]]*", re.IGNORECASE)


def secrets_masked_in(text: str) -> str:
    """`text` (a message, an error a fetch stored: "redirect loop: URL sends us back to URL") with
    each address in it shown as `secrets_shown` shows it (fixln #1: a stored error printed the
    redirect's `?token=` whole); a full stop, comma or colon after an address stays."""

    def masked(match: re.Match[str]) -> str:
        url = match.group(0)
        address = url.rstrip(".,:;!?")
        if address.endswith("=") and url[len(address) :].startswith("..."):
            address += "..."  # (masked already: `token=...`)
        return secrets_shown(address) + url[len(address) :]

    return _ADDRESS.sub(masked, text)

"""The secrets a feed's address can carry (a password before its site, a token, key or signature in
its query), as `feeds export` names them and `--no-secrets` leaves them out of the OPML (fixkw #1:
an OPML shared with a colleague carried `?token=...` without a word)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote_plus, urlsplit, urlunsplit

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


def _pieces(query: str) -> list[tuple[str, str]]:
    """A query's `name=value` pieces as written, each with its name as read (`%5F` as `_`)."""
    return [(unquote_plus(piece.partition("=")[0]), piece) for piece in query.split("&") if piece]


def secrets_of(url: str) -> list[str]:
    """What secrets `url` holds, as the editor reads them: `password` for a user name and
    password before its site, then each secret query parameter's name (`token=`)."""
    parts = urlsplit(url)
    found = ["password"] if parts.password is not None else []
    for name, _ in _pieces(parts.query):
        if secret_parameter(name) and f"{name}=" not in found:
            found.append(f"{name}=")
    return found


def _rebuilt(url: str, value: str | None) -> str:
    """`url` without its password (its user name kept), and each secret query parameter left out
    (`value` None) or its value shown as `value`; the rest of the address as it was written."""
    parts = urlsplit(url)
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
    return urlunsplit((parts.scheme, netloc, parts.path, "&".join(kept), parts.fragment))


def without_secrets(url: str) -> str:
    """`url` as `feeds export --no-secrets` writes it: its password and secret query parameters
    left out (`https://editor@host/feed?lang=en`), its user name kept."""
    return _rebuilt(url, None) if secrets_of(url) else url


def secrets_shown(url: str) -> str:
    """`url` as a message names it: its password left out, each secret's value shown as `...`."""
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
    what = " or ".join(
        part
        for part in (
            "a user name and password" if "password" in kinds else "",
            "a secret in the query (" + ", ".join(k for k in kinds if k != "password") + ")"
            if any(k != "password" for k in kinds)
            else "",
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
#: a space, a quote, a bracket or a backquote.
_ADDRESS = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s'\"`<>()\[\]]+", re.IGNORECASE)


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

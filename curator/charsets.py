"""Bytes to text as browsers read them: the charset a page or a feed names, mapped as the WHATWG
Encoding Standard maps it, and a guess from the bytes when that does not read them (pure).

Pages (`curator.extract`) and feeds (`curator.feeds.parse`) both read their bytes here, so a feed
and its page are read alike (walk151 #2: a Hebrew feed that declared no charset was published as
"äøëáú ä÷ìä", where its page, read here, was not); each words its own note from the `Reading`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from curator.deps import require

#: Labels browsers read as a wider code page than Python's codec of the same name (the WHATWG
#: Encoding Standard's label table, https://encoding.spec.whatwg.org/#names-and-labels), by the
#: name `codecs.lookup` gives the label. A page "in iso-8859-1" written on Windows has curly quotes
#: at bytes 0x91-0x94, and read as true Latin-1 those became invisible C1 controls, dropped
#: without a word (walk88 #3: "Seán O\x92Brien" was published as "Seán OBrien"). A page "in
#: shift_jis", "euc-kr" or "gb2312" is saved in its Windows superset (cp932, cp949, GBK), and read
#: strictly its `髙`, `①`, `똠`, `喆` became "\ufffd" (walk151 #1: "김\ufffdc", "市民张\ufffd...").
_WIDER = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",  # GBK's decoder is gb18030's (WHATWG), a superset of GBK and GB2312
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
    # Browsers' EUC-JP reads NEC's row 13 (`①`, `Ⅲ`, `㈱`), as JIS X 0213 placed it, where Python's
    # euc_jp does not (walk154 NEW-8: "髙島屋前の路面電車①" was published as "...路面電車\ufffd\ufffd",
    # its blurb cut short); euc_jp itself is among the `_ALSO` tried after it (JIS X 0212).
    "euc_jp": "euc_jis_2004",
    # Browsers' ISO-2022-JP reads half-width katakana (ESC ( I), as iso2022_jp_ext does.
    "iso2022_jp": "iso2022_jp_ext",
}
#: WHATWG labels Python's codecs do not know, by the codec that reads what browsers read.
_LABELS = {
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "cseuckr": "cp949",
    "csksc56011987": "cp949",
    "iso-ir-149": "cp949",
    "ks_c_5601-1989": "cp949",
    "ksc_5601": "cp949",
    "windows-949": "cp949",
    "x-gbk": "gb18030",
    "csgb2312": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "cn-big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "iso-8859-8-i": "iso8859-8",
    "csiso88598i": "iso8859-8",
    "logical": "iso8859-8",
    "iso-8859-8-e": "iso8859-8",
    "csiso88598e": "iso8859-8",
    "visual": "iso8859-8",
    "windows-874": "cp874",
    "dos-874": "cp874",
    "cseucpkdfmtjapanese": "euc_jis_2004",
    "x-euc-jp": "euc_jis_2004",
}
#: Codecs tried in turn after a label's codec (`codec`) when it does not read the bytes, the first
#: that reads them all taken: EUC-JP's two supersets of JIS X 0208 read its three-byte characters
#: (0x8F ...) differently, euc_jis_2004 as JIS X 0213's plane 2 and euc_jp as JIS X 0212, in rows
#: that do not overlap.
_ALSO = {"euc_jis_2004": ("euc_jisx0213", "euc_jp")}
#: Codecs whose text is 7-bit, switched by escape sequences: their bytes are ASCII, and so valid
#: UTF-8 too, and an escape sequence (ESC $ B, ESC ( J...) says they are in the charset named
#: (walk154 NEW-3: an ISO-2022-JP page was read as ASCII, its title "$B7'K\$NO)LLEE...").
_ESCAPED = frozenset({"iso2022_jp_ext"})
_ESCAPE = re.compile(rb"\x1b[$(]")

UTF = ("utf-8", "utf-16", "utf-16-le", "utf-16-be")


def codec(label: str | None) -> str | None:
    """The Python codec that reads a charset `label` as browsers read it; None for a label no
    codec reads."""
    if not label:
        return None
    name = label.strip().lower()
    if name in _LABELS:
        return _LABELS[name]
    try:
        found = codecs.lookup(name).name
    except LookupError:
        return None
    return _WIDER.get(found, found)


def shown(charset: str) -> str:
    """A codec's name as an editor knows it: "windows-1255" for cp1255, "EUC-JP" for
    euc_jis_2004."""
    if charset in ("euc_jis_2004", "euc_jisx0213", "euc_jp"):
        return "EUC-JP"
    if charset == "iso2022_jp_ext":
        return "ISO-2022-JP"
    return f"windows-{charset[2:]}" if re.fullmatch(r"cp125\d", charset) else charset


def _cp1252_gaps(exc: UnicodeError) -> tuple[str, int]:
    """Windows-1252's five unused bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as Latin-1 reads them,
    as browsers do, so a page said to be in iso-8859-1 still reads in full."""
    if isinstance(exc, UnicodeDecodeError):  # (its encoding reads "charmap")
        return exc.object[exc.start : exc.end].decode("latin-1"), exc.end
    raise exc


codecs.register_error("curator-cp1252", _cp1252_gaps)


def strict(encoding: str) -> str:
    """The error handler for reading bytes in `encoding` (see `_cp1252_gaps`)."""
    return "curator-cp1252" if encoding == "cp1252" else "strict"


@dataclass(frozen=True)
class Reading:
    """Bytes read as text, and how."""

    #: The text.
    text: str
    #: The codec it was read in.
    charset: str
    #: "named": the charset named (or UTF-8) read every byte; "replaced": it did not, and the
    #: bytes it could not read show as "\ufffd"; "guessed": it did not, and `charset` is the one
    #: the bytes read best in; "default": nor did any other, and `charset` is windows-1252.
    how: Literal["named", "replaced", "guessed", "default"]
    #: The charset the server or the document named, if any (a codec's name).
    said: str | None


def read_bytes(data: bytes, header: str | None, declared: str | None) -> Reading:
    """Bytes with no byte-order mark to text: the charset the server's header names, else the one
    the document declares, else UTF-8 (the HTML standard's order, and XML's), each as browsers
    read it (`codec`).

    Bytes valid as UTF-8 are read as UTF-8 whatever is declared: pages re-saved as UTF-8 keep their
    old `<meta charset=gb2312>` (mozilla/readability's qq page), and text really in Latin-1, GBK
    or Shift-JIS is almost never valid UTF-8 once it has any non-ASCII byte. Bytes that the
    charset named (other than UTF-8) cannot read are read in it, those bytes replaced. Bytes read
    as UTF-8 (so declared, or nothing declared) that are not UTF-8 were saved in another charset
    (walk34 #5: a Latin-1 page its server called utf-8 published "caf\ufffd"): the document's own
    declaration when it reads them, else, when they are mostly not UTF-8, the charset they read
    best in as charset_normalizer finds it when sure (`guessed_charset`: GBK, Shift-JIS,
    windows-1251...), else windows-1252 (the web's Western default). Bytes mostly in UTF-8 (as many
    valid UTF-8 characters as bad bytes, at least) stay UTF-8, the stray bytes replaced.
    """
    header_codec = codec(header)
    own = codec(declared)
    said = header_codec or own
    tries = ["utf-8"]
    if said and said not in UTF:
        tries.extend((said, *_ALSO.get(said, ())))
    elif own and own not in UTF:  # the server said utf-8, the document itself says otherwise
        tries.extend((own, *_ALSO.get(own, ())))
    if len(tries) > 1 and tries[1] in _ESCAPED and _ESCAPE.search(data):
        tries.append(tries.pop(0))  # 7-bit text with its escape sequences: not ASCII
    for enc in tries:
        try:
            return Reading(data.decode(enc, strict(enc)), enc, "named", said)
        except UnicodeDecodeError:
            continue
    if said and said not in UTF:  # damaged bytes in the charset the document was said to be in
        # (in the one of its codecs that reads most of them)
        texts = [(data.decode(enc, errors="replace"), enc) for enc in (said, *_ALSO.get(said, ()))]
        text, enc = min(texts, key=lambda t: t[0].count("\ufffd"))
        return Reading(text, enc, "replaced", said)
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if sum(1 for c in text if c > "\x7f") - bad >= bad:  # UTF-8, with a few stray bytes
        return Reading(text, "utf-8", "replaced", said)
    guess = codec(guessed_charset(data))
    if guess is not None:
        try:
            return Reading(data.decode(guess, strict(guess)), guess, "guessed", said)
        except UnicodeDecodeError:
            pass
    try:
        return Reading(data.decode("cp1252"), "cp1252", "default", said)
    except UnicodeDecodeError:  # cp1252's five unused bytes: C1 controls, dropped
        return Reading(data.decode("latin-1"), "cp1252", "default", said)


#: A single-byte charset charset_normalizer finds is taken when its reading is at most this messy
#: (its `chaos`, 0: clean) and windows-1252's is messier by GUESS_MARGIN at least: "Íàø îòäåë"
#: (a windows-1251 page read as windows-1252, walk35 #4) is very messy, a Western page read as
#: windows-1252 is clean, and then windows-1252 is kept (charset_normalizer often names a
#: neighbour, windows-1250 or cp775, that reads such a page alike or worse).
GUESS_CHAOS = 0.1
GUESS_MARGIN = 0.1
#: Among charsets that read a page about as cleanly (GUESS_TIE) as the best, the web's Windows
#: code pages first: a windows-1253 Greek page reads cleanly as mac_greek too, but wrongly.
GUESS_TIE = 0.02
_WINDOWS = frozenset(f"cp125{n}" for n in range(9))


def guessed_charset(data: bytes) -> str | None:
    """The charset `data` is in, as charset_normalizer finds it when it is sure enough: a
    multi-byte one (GBK, Big5, Shift-JIS, EUC-KR...) that fits, or a single-byte one (windows-1251,
    KOI8-R...) that reads it clearly better than windows-1252 (`GUESS_CHAOS`); else None."""
    detector = require("charset_normalizer")  # imported only for such bytes: it costs 0.1 s
    sample = data[:200_000]
    matches = list(detector.from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    if require("charset_normalizer.utils").is_multi_byte_encoding(best.encoding):
        return str(best.encoding)
    if best.chaos > GUESS_CHAOS:
        return None
    western = require("charset_normalizer.md").mess_ratio(sample.decode("cp1252", "replace"), 1.0)
    if western < best.chaos + GUESS_MARGIN:
        return None
    windows = [m for m in matches if m.encoding in _WINDOWS and m.chaos <= best.chaos + GUESS_TIE]
    return str((windows[0] if windows else best).encoding)


#: What text in another script becomes when its bytes are read as Latin-1, windows-1252 or
#: ISO-8859-2 (a feed that names the wrong charset: walk151 #2, "äøëáú ä÷ìä" for Hebrew)...
_MISREAD_AS = ("cp1252", "latin-1", "iso8859-2")
#: ... and the charsets those bytes were written in, tried in turn to read them back.
_WRITTEN_IN = (
    "cp1255",
    "iso8859-8",
    "cp1251",
    "koi8-r",
    "iso8859-5",
    "cp1253",
    "iso8859-7",
    "cp1256",
    "iso8859-6",
    "cp874",
    "cp932",
    "euc_jp",
    "cp949",
    "gb18030",
    "big5hkscs",
)


def _scripts(text: str) -> set[str]:
    """The scripts of the letters of `text`, by the first word of their Unicode names ("LATIN",
    "HEBREW", "CJK", "HIRAGANA"...)."""
    return {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()}


def misread(text: str, of: str) -> str | None:
    """`text` as it was written, when it is a damaged copy of text in the script of `of` (the
    page's headline, its authors): Latin letters that are the bytes of another script read in the
    wrong charset ("ãåã ëäï" for "דוד כהן", title-cased or not); else None. Text with a letter
    outside the Latin script, or that reads back into Latin letters too, is taken as written."""
    if text.isascii() or _scripts(text) != {"LATIN"}:
        return None
    theirs = _scripts(of) - {"LATIN"}
    if not theirs:
        return None
    for variant in dict.fromkeys((text.lower(), text)):
        for misread_as in _MISREAD_AS:
            try:
                raw = variant.encode(misread_as)
            except UnicodeEncodeError:
                continue
            for charset in _WRITTEN_IN:
                try:
                    written = raw.decode(charset)
                except UnicodeDecodeError:
                    continue
                found = _scripts(written)
                if found and "LATIN" not in found and found & theirs:
                    return written
    return None

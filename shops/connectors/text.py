"""Reading partner text as partners write it: guessed encodings, booleans, lists, slugs.

Partners export from Excel, from PHP scripts and from platforms, so one feed may be UTF-8
with or without a BOM, UTF-16 (Excel's "texte Unicode") or Windows-1252, and escape HTML
entities in fields that are plain text.
"""

import codecs
import html
import io
import json
import re
import unicodedata
from typing import IO

from .base import FeedUnavailable

HEAD_BYTES = 64 * 1024
SAMPLE_CHARS = 4096
CP1252_FALLBACK = "localdabord-cp1252-fallback"

# Partners who say "latin-1" almost always mean Windows-1252 (it has "€", "œ" and "’").
ENCODING_ALIASES = {"latin-1": "cp1252", "latin1": "cp1252", "iso-8859-1": "cp1252"}
TRUE_WORDS = {"oui", "o", "yes", "y", "true", "vrai", "1", "x"}
FALSE_WORDS = {"non", "n", "no", "false", "faux", "0"}


def _decode_stray_bytes_as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    # A UTF-8 file with one line pasted from a Windows tool: keep "é", not "\ufffd".
    stray = error.object[error.start : error.end]
    return stray.decode("cp1252", errors="replace"), error.end


codecs.register_error(CP1252_FALLBACK, _decode_stray_bytes_as_cp1252)


def detect_encoding(head: bytes) -> str:
    """The encoding of a file from its first bytes (the first 64 KB are plenty)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may end in the middle of a multi-byte character.
        if error.reason != "unexpected end of data":
            return "cp1252"
    return "utf-8-sig"


def codec_name(encoding: str) -> str:
    """The Python codec for an `encoding` option, refusing names Python does not know."""
    name = ENCODING_ALIASES.get(encoding.strip().lower(), encoding.strip())
    try:
        codec = codecs.lookup(name).name
    except LookupError as error:
        raise FeedUnavailable(f"encodage inconnu : {encoding!r}", retryable=False) from error
    # utf-8-sig reads files with and without a BOM alike.
    return "utf-8-sig" if codec == "utf-8" else name


def open_text(stream: IO[bytes], encoding: str = "") -> tuple[io.TextIOWrapper, str]:
    """Decode a binary feed lazily; returns the text stream and its first 4,096 characters.

    The encoding is the `encoding` option when given, else guessed from the first 64 KB.
    Newlines are left as they are, as the csv module wants.
    """
    buffered = io.BufferedReader(stream, buffer_size=HEAD_BYTES)
    head = buffered.peek(HEAD_BYTES)[:HEAD_BYTES]
    name = codec_name(encoding) if encoding else detect_encoding(head)
    errors = CP1252_FALLBACK if codecs.lookup(name).name.startswith("utf-8") else "replace"
    sample = head.decode(name, errors="ignore")[:SAMPLE_CHARS]
    text = io.TextIOWrapper(buffered, encoding=name, errors=errors, newline="")
    return text, sample.lstrip("\ufeff")


def plain_text(value) -> str:
    """A field that is plain text for the shopper, though partners often HTML-escape it.

    WordPress stores "Épicerie &amp; Vins", Google feeds double-escape "&amp;eacute;".
    """
    if value is None:
        return ""
    return html.unescape(str(value)).strip()


def parse_bool(value) -> bool | None:
    """oui/non, yes/no, true/false, 1/0, x: None when empty or not a recognised word."""
    if isinstance(value, bool) or value is None:
        return value
    word = fold(str(value))
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def fold(value: str) -> str:
    """Lower case without accents: "Oui " and "OUÏ" compare equal to "oui"."""
    decomposed = unicodedata.normalize("NFKD", value.strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def split_list(value: str, separator: str = "|") -> list[str]:
    return [part.strip() for part in (value or "").split(separator) if part.strip()]


def slugify(value: str) -> str:
    """Exactly `django.utils.text.slugify`, so shop ids made from names stay stable.

    NFKD-normalised, non-ASCII dropped ("é" → "e", "œ" → nothing), lower case, everything
    but letters, digits, "_", "-" and spaces removed, runs of spaces and hyphens made one
    "-", leading and trailing "-" and "_" stripped.
    """
    value = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def json_excerpt(value) -> str:
    """A JSON item as the editor reviewing a rejected record reads it."""
    return json.dumps(value, ensure_ascii=False, default=str)[:2000]

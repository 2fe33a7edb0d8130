"""Decode a page whose server lies about its charset (Shift_JIS sent as UTF-8, …).

Scrapy trusts the Content-Type charset and replaces undecodable bytes with U+FFFD. When the
body is not valid in that charset we try the charset the page declares in its own markup,
then a statistical guess (charset-normalizer, a trafilatura dependency), then windows-1252
(the web's default for unlabelled pages), and keep the first strict decoding that works.

>>> text, problem = decode_page("café".encode("cp1252"), "utf-8")
>>> text, problem
('café', 'charset_mismatch')
>>> decode_page("café".encode("utf-8"), "utf-8")
('café', None)
"""

from __future__ import annotations

import codecs

import charset_normalizer
from w3lib.encoding import html_body_declared_encoding

#: How much of the body the charset guesser reads (it is slow on huge bodies).
DETECT_BYTES = 256 * 1024


def strict_decode(body: bytes, encoding: str | None) -> str | None:
    """The body decoded strictly, or None when the encoding is unknown or does not fit."""
    if not encoding:
        return None
    try:
        codecs.lookup(encoding)
        return body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def guessed_encoding(body: bytes) -> str | None:
    """charset-normalizer's best guess for the start of the body (never UTF-16/32 here)."""
    match = charset_normalizer.from_bytes(body[:DETECT_BYTES]).best()
    if match is None or match.encoding.startswith(("utf_16", "utf_32")):
        return None
    return match.encoding


def decode_page(body: bytes, declared: str, text: str | None = None) -> tuple[str, str | None]:
    """The page text and a problem: None, 'charset_mismatch' (recovered) or 'undecodable'."""
    if strict_decode(body, declared) is not None:
        return (text if text is not None else body.decode(declared)), None
    for candidate in (html_body_declared_encoding(body), guessed_encoding(body), "cp1252"):
        if candidate and _name(candidate) not in ("", _name(declared)):
            decoded = strict_decode(body, candidate)
            if decoded is not None:
                return decoded, "charset_mismatch"
    fallback = text if text is not None else body.decode(declared, errors="replace")
    return fallback, "undecodable"


def _name(encoding: str) -> str:
    """Canonical codec name ('' when unknown)."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return ""

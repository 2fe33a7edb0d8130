"""`safe_utf8` gives the bytes the parser always got: xml_safe text, UTF-8, errors replaced."""

from __future__ import annotations

from newscrawl.extract.document import safe_utf8, xml_safe

TEXTS = [
    "<p>plain café</p>",
    "<p>bell\x07 and tab\t</p>",
    "<p>non-characters \ufffe\uffff kept out</p>",
    "<p>lone surrogate \ud800 here</p>",
    "<p>\x00\x1f\x0b\x0c</p>",
    "<p>\ufffd replacement char stays, \U0001f600 too</p>",
]


def test_safe_utf8_matches_the_regex_path() -> None:
    for text in TEXTS:
        assert safe_utf8(text) == xml_safe(text).encode("utf-8", errors="replace"), text


def test_clean_text_is_only_encoded() -> None:
    assert safe_utf8(TEXTS[0]) == TEXTS[0].encode("utf-8")
    assert b"\x07" not in safe_utf8(TEXTS[1])

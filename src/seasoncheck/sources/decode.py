"""Bytes to text: declared charset (HTTP header, meta tag) when it decodes cleanly, else detection.

Used for files, fetched pages and WARC records alike, so that a page reads the same whichever way
it came in.
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

log = logging.getLogger(__name__)

# A meta charset or XML declaration sits in the first bytes of a page; the HTML standard's
# prescan looks at 1024 bytes, we allow 4096 for pages with long <head> comments.
META_SCAN_BYTES = 4096
# Files are called binary when a NUL byte appears in this prefix (as git and grep decide).
BINARY_SCAN_BYTES = 8192

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Browsers read these labels as windows-1252 (WHATWG Encoding standard); so do we, else the
# curly quotes and dashes of a "latin-1" page come out as control characters.
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii"}
# cp1252 is the legacy charset of most English-language pages, and charset-normalizer scores the
# Windows code pages close together on short Latin text (a 150-character cp1252 paragraph with
# "café", "déjà" and curly quotes: cp1257 chaos 0.0, cp1252 0.034, both far from 0.08+ of the DOS
# pages). We take cp1252 when its chaos is within this margin of the best match.
CP1252_CHAOS_MARGIN = 0.05


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """True when the data holds NUL bytes and no UTF-16/32 byte-order mark explains them."""
    return b"\x00" in data[:BINARY_SCAN_BYTES] and bom_encoding(data) is None


def declared_in_markup(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag or an XML declaration names near the start of a document."""
    head = data[:META_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label, cp1252 for latin-1/ascii, None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_utf8_with_non_ascii(data: bytes) -> bool:
    """Valid UTF-8 that is not plain ASCII: almost never an accident in another encoding."""
    return not data.isascii() and _try_decode(data, "utf-8") is not None


def decode_bytes(
    data: bytes, declared: str | None = None, *, markup: bool = False
) -> tuple[str, str] | None:
    """Text and the codec used, or None when the bytes are no known text encoding.

    Order: byte-order mark, the declared charset (HTTP header), the document's own meta/XML
    declaration (when ``markup``), UTF-8, then charset-normalizer's detection. A declared
    single-byte charset loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII characters:
    servers that default to latin-1 while sending UTF-8 are the common liar.
    """
    if bom := bom_encoding(data):
        text = _try_decode(data, bom)
        if text is not None:
            return text.lstrip("\ufeff"), bom
    candidates = [_codec_name(declared)]
    if markup:
        candidates.append(_codec_name(declared_in_markup(data)))
    for codec in filter(None, candidates):
        if codec == "cp1252" and _is_utf8_with_non_ascii(data):
            return data.decode("utf-8"), "utf-8"
        if (text := _try_decode(data, codec)) is not None:
            return text, codec
        log.debug("declared charset %s does not decode the bytes", codec)
    if (text := _try_decode(data, "utf-8")) is not None:
        return text, "utf-8"
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, or None when nothing fits."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + CP1252_CHAOS_MARGIN:
            return str(match), "cp1252"
    return str(best), best.encoding

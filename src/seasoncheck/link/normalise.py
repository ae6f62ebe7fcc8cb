"""Title and text normalisation for matching, with a map from normalised offsets back to the text.

Titles (automaton keys) and article text go through the same steps: NFKC, lower case, brackets and
punctuation to spaces, runs of spaces collapsed. Latin-script text is normalised on its UTF-8
bytes (``bytes.lower`` / ``bytes.translate`` run at GB/s, where ``str.translate`` with a dict
manages 13 MB/s on English news text) and decoded as Latin-1, so that every character of the
normalised string is one byte: Latin keys are encoded the same way.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

# ASCII punctuation that separates words in titles and text. Kept: letters, digits and "&".
_ASCII_PUNCT = b"!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r\x0b\x0c"
_UPPER = bytes(range(ord("A"), ord("Z") + 1))
# One pass for bytes.lower() and the punctuation: upper case to lower case, punctuation to spaces.
_BYTE_TABLE = bytes.maketrans(_UPPER + _ASCII_PUNCT, _UPPER.lower() + b" " * len(_ASCII_PUNCT))

# Non-ASCII punctuation of English news text, blanked one character for one (so offsets stay):
# the common ones with str.replace (fast), the rest with one regex when any is present.
# Calibrated on the 181 articles of shared/data/article-extraction-benchmark: replacing these
# leaves 74% of them pure ASCII, where byte offsets are character offsets.
_COMMON_PUNCT = "\u2019\u201c\u201d\u2014\u2013\u2018\u00a0\u2026"
_RARE_PUNCT = re.compile(
    "[\u201a\u201e\u2015\u2032\u00b7\u300c\u300d\u300e\u300f\u3010\u3011\u3008\u3009"
    "\u300a\u300b\uff08\uff09\u30fb\u3000\u00ab\u00bb\u2022\u2010\u2011\u2012\u2033]"
)
# For titles (str level): brackets, quotes and punctuation of every script.
_STR_PUNCT = re.compile(r"[^\w&\u00d7]|_", re.UNICODE)
_STR_SPACES = re.compile(r"\s+")
# Most title variants generated for the spacing of punctuation gaps ("Re:Zero" / "Re: Zero"):
# each gap with punctuation takes one to three spaces ("Bastard!! Heavy", "X - Y"; two
# punctuated gaps at most), else one or two (three gaps at most).
MAX_VARIANTS = 9
_GAP_WIDTHS = ((" ", "  ", "   "), (" ", "  "))


# An ASCII title's key by str.translate: every character but a-z, 0-9 and "&" to a space (NFKC
# leaves ASCII as it is; re's \w is [a-zA-Z0-9_] there): the same key, 1.6x fewer instructions.
_ASCII_BLANKS = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "&")}


def normalise_title(title: str) -> str:
    """The matching key of a title: NFKC, lower case, punctuation to spaces, single spaces."""
    if title.isascii():
        return " ".join(title.lower().translate(_ASCII_BLANKS).split())
    s = unicodedata.normalize("NFKC", title).lower().replace("\u00d7", " x ")
    s = _STR_PUNCT.sub(" ", s)
    return _STR_SPACES.sub(" ", s).strip()


# Texts lowered whole, remembered by identity: the linker and the claim rules each lower the same
# article (season triggers, open-world cues, candidate sentences), 5 times in all before.
_LOWERED: dict[int, tuple[str, str]] = {}
LOWERED_MEMO = 8  # texts: the article and its headline, with room for a few threads


def lowered(text: str) -> str:
    """``text.lower()``, remembered for the last few texts asked about (by identity)."""
    hit = _LOWERED.get(id(text))
    if hit is not None and hit[0] is text:
        return hit[1]
    low = text.lower()
    if len(_LOWERED) >= LOWERED_MEMO:
        _LOWERED.clear()
    _LOWERED[id(text)] = (text, low)
    return low


def strip_accents(key: str) -> str:
    """``key`` without combining accents ("pokémon" -> "pokemon")."""
    if key.isascii():
        return key
    decomposed = unicodedata.normalize("NFD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_BEYOND_LATIN = re.compile("[^\u0000-\u024f]")


def is_latin(key: str) -> bool:
    """True when a normalised key has only characters of the Latin blocks (ASCII to Latin
    Extended-B); normalised keys hold only letters, digits, "&" and spaces."""
    return key.isascii() or not _BEYOND_LATIN.search(key)


def latin_key(key: str) -> str:
    """A normalised Latin key in the byte-per-character form the Latin automaton matches."""
    return key.encode("utf-8").decode("latin-1")


def blank_punctuation(text: str) -> str:
    """``text`` with non-ASCII punctuation replaced by spaces and "×" by "x", one for one."""
    return _blank(text)[0]


def _blank(text: str) -> tuple[str, bool]:
    """``blank_punctuation``, and whether any of ``_RARE_PUNCT`` (CJK brackets...) was blanked."""
    if text.isascii():
        return text, False
    for ch in _COMMON_PUNCT:
        if ch in text:
            text = text.replace(ch, " ")
    if "\u00d7" in text:
        text = text.replace("\u00d7", "x")
    if not text.isascii() and _RARE_PUNCT.search(text):
        return _RARE_PUNCT.sub(" ", text), True
    return text, False


# Every byte value below 0xCD, the first UTF-8 lead byte of U+0340 and above.
_BELOW_U0340 = bytes(range(0xCD))
_CONTINUATION = re.compile(b"[\x80-\xbf]")  # the second to fourth bytes of a UTF-8 character


@dataclass
class NormText:
    """A normalised text padded with one space at each end, and its map back to the original.

    Punctuation becomes spaces one for one and runs of spaces are kept (collapsing them would
    need an offset map built in Python for every article); title keys come in variants for
    the spacing around their punctuation instead (``latin_variants``).
    """

    raw: bytes  # the normalised UTF-8 bytes, space-padded: what the Latin automaton scans
    _encoded: bytes | None  # the UTF-8 text when it is not ASCII (offsets count bytes)
    _rare_punct: bool = False  # CJK brackets and the like were blanked (see beyond_latin)
    _norm: str | None = None
    _continuations: list[int] | None = None  # offsets of UTF-8 continuation bytes in _encoded

    @property
    def norm(self) -> str:
        """``raw`` decoded as Latin-1, one character per byte (decoded only when asked for)."""
        if self._norm is None:
            self._norm = self.raw.decode("latin-1")
        return self._norm

    @property
    def is_ascii(self) -> bool:
        """True when the text, its punctuation blanked, is ASCII (offsets are then 1:1)."""
        return self._encoded is None

    @property
    def beyond_latin(self) -> bool:
        """False when the text has no character from U+0340 up (no Greek, Cyrillic, CJK...).

        Tested on the UTF-8 bytes: such characters, and only they, start with a byte from 0xCD
        up; ``bytes.translate`` finds one at GB/s, where ``OTHER_SEGMENT`` scans at 100 MB/s.
        Blanked CJK punctuation ("「」") counts too: it still opens an ``OTHER_SEGMENT``.
        """
        if self._encoded is None:
            return False
        return self._rare_punct or bool(self.raw.translate(None, _BELOW_U0340))

    def to_original(self, pos: int) -> int:
        """The offset in the original text of normalised offset ``pos``."""
        if self._encoded is None:
            return pos - 1
        if self._continuations is None:
            self._continuations = [m.start() for m in _CONTINUATION.finditer(self._encoded)]
        # at a character boundary, the characters before are the bytes before less their
        # continuation bytes (decoding the text up to each offset made this quadratic)
        byte_pos = pos - 1
        return byte_pos - bisect_left(self._continuations, byte_pos)


def normalise_latin_text(text: str) -> NormText:
    """Normalise ``text`` for the Latin automaton: one character per UTF-8 byte, space-padded."""
    blanked, rare = _blank(text)
    raw = blanked.encode("utf-8", "surrogatepass")  # a lone surrogate: 3 bytes
    padded = b"".join((b" ", raw.translate(_BYTE_TABLE), b" "))
    return NormText(padded, None if len(raw) == len(text) else raw, rare)


@lru_cache(maxsize=4096)  # open-world titles are looked up once per occurrence
def latin_variants(title: str) -> frozenset[str]:
    """The space-padded Latin automaton keys of a title: one per spacing of its punctuation.

    "Re:Zero" -> " re zero ", " re  zero " (text may write "Re: Zero"); "Dr. Stone" -> " dr stone ",
    " dr  stone ". Gaps without punctuation take one space; the title's own spacing ("Kaguya-sama:
    Love Is War – Ultra Romantic", three spaces around the dash) is always a variant.
    """
    per_char = normalise_latin_text(title).norm.strip(" ")
    words = [w for w in per_char.split(" ") if w]  # not str.split(): "\xa0" is a UTF-8 byte here
    if not words:
        return frozenset()
    gaps = re.findall(r" +", per_char)
    punct_gaps = [len(g) > 1 or _gap_had_punct(title, i) for i, g in enumerate(gaps)]
    own = {" " + per_char + " ", " " + " ".join(words) + " "}
    widths = next((w for w in _GAP_WIDTHS if len(w) ** sum(punct_gaps) <= MAX_VARIANTS), None)
    if widths is None:
        return frozenset(own)
    variants = [words[0]]
    for word, punct in zip(words[1:], punct_gaps, strict=True):
        seps = widths if punct else (" ",)
        variants = [v + sep + word for v in variants for sep in seps]
    return frozenset(own | {" " + v + " " for v in variants})


def _gap_had_punct(title: str, index: int) -> bool:
    """True when the ``index``-th word gap of ``title`` holds punctuation ("Re:Zero")."""
    gaps = re.findall(r"[^\w&\u00d7]+", blank_punctuation(title).strip(), re.UNICODE)
    return index < len(gaps) and gaps[index].strip() != ""


# Letters and punctuation of the scripts the non-Latin automaton holds (Greek, Cyrillic, Hebrew,
# Arabic, Thai, Hangul, kana, CJK, full-width forms): a segment is a run of them with gaps of
# at most four other characters ("【推しの子】(第2期)").
_OTHER = (
    "\u0370-\u06ff\u0e00-\u0e7f\u1100-\u11ff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff"
)
OTHER_SEGMENT = re.compile(f"[{_OTHER}](?:[^\\n{_OTHER}]{{0,4}}[{_OTHER}])*")


def normalise_other_text(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` for the non-Latin automaton: NFKC, lower case, single spaces.

    Returns the normalised string and, for each of its characters, the original offset. A
    Python loop, so it only runs on the non-Latin segments of a text (``OTHER_SEGMENT``).
    """
    out: list[str] = []
    offsets: list[int] = []
    space = True
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch).lower() if ord(ch) > 127 else ch.lower()
        if not (n.isalnum() or n == "&"):
            if space:
                continue
            n = " "
        space = n == " "
        out.append(n)
        offsets.extend([i] * len(n))
    return "".join(out), offsets


def find_all(text: str, literal: str) -> list[int]:
    """Every offset of ``literal`` in ``text`` (overlapping ones included)."""
    out = []
    pos = text.find(literal)
    while pos >= 0:
        out.append(pos)
        pos = text.find(literal, pos + 1)
    return out

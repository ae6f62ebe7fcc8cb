"""The KB title index: normalised keys, one Aho-Corasick automaton per script, fuzzy lookup.

Measured on this machine: one automaton over all 27k bangumi-data titles matches English text
at about 5.5 MB/s, the Latin-script titles alone at 37-46 MB/s with pyahocorasick (keys in
other scripts slow the matching of English text eight-fold), so Latin keys and the rest get
separate automata; the second runs only over the non-Latin segments of a text. The Latin
automaton is ahocorasick_rs over the UTF-8 bytes of the normalised text: 82-92 MB/s where
pyahocorasick's iteration ran at 33-53 MB/s on the same keys and texts, with the accented keys
in the same automaton at no cost (bench_link.py).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick
from ahocorasick_rs import BytesAhoCorasick
from rapidfuzz import fuzz, process

from seasoncheck.kb.model import KnowledgeBase, TitleEntry
from seasoncheck.link.cache import load_or_build
from seasoncheck.link.normalise import (
    OTHER_SEGMENT,
    NormText,
    is_latin,
    latin_key,
    latin_variants,
    normalise_other_text,
    normalise_title,
    strip_accents,
)
from seasoncheck.link.seasons import TRIGGER_WORDS

log = logging.getLogger(__name__)

# Keys shorter than this are never matched: "to", "k", "86" matched tens of thousands of times
# in 10 MB of English news text. Three letters keeps "Ran" and "Gto" (weak keys), not "K".
MIN_LATIN_KEY = 3
MIN_OTHER_KEY = 2  # one-character CJK titles ("海") are words, not titles
# English function and very common words that are also titles somewhere in bangumi-data.
STOP_KEYS = frozenset(
    [
        "the",
        "and",
        "you",
        "are",
        "for",
        "not",
        "but",
        "all",
        "any",
        "can",
        "her",
        "was",
        "one",
        "our",
        "out",
        "day",
        "get",
        "has",
        "him",
        "his",
        "how",
        "man",
        "new",
        "now",
        "old",
        "see",
        "two",
        "way",
        "who",
        "boy",
        "did",
        "its",
        "let",
        "put",
        "say",
        "she",
        "too",
        "use",
        "yes",
        "love",
        "life",
        "time",
        "game",
        "world",
        "school",
    ]
)
# Shortest main title before a colon taken as a title of its own ("Frieren" of "Frieren: Beyond
# Journey's End"); one-word heads are weak keys and need a cue word nearby.
MIN_HEAD_KEY = 5
# rapidfuzz ratio (0-100) an open-world title needs to link to a KB key sharing its first word;
# 90 accepts "shingeki no kyoujin" ~ "shingeki no kyojin" and rejects "blue lock" ~ "blue exorcist".
FUZZY_MIN_SCORE = 90


class KeyEntry(NamedTuple):
    """What one normalised key stands for."""

    franchise_id: str
    season: int | None
    work_id: str | None
    exact: bool  # False for derived keys (main title before a colon, without "the")


class KeyMatch(NamedTuple):
    """A KB key found in a text: offsets into the text, and the key ("" for a season trigger)."""

    start: int
    end: int
    key: str


# Words that do not make a title specific: a key with at most one other word is weak, and a key
# of these words only ("I Am") is never matched (it is left out of the Latin automaton).
_FUNCTION = "the a an no of x i am is are be was you me my we our it its to in on and or"
FUNCTION_WORDS = frozenset(_FUNCTION.split())

TRIGGER = ""  # the key of the season-reference trigger words the Latin automaton also holds
# Trigger words matched as whole words only (they start many other words: "course", "party").
# Measured: the triggers cost 25% of the automaton's speed before they were anchored this way.
CLOSED_TRIGGERS = frozenset(("cour", "ova", "part", "parte", "partie", "teil"))
CUE = "\x00cue"  # the key of the anime cue words (``CUE_WORDS``), found in the same pass
# Words that make a text anime news, so that open-world titles are worth looking for.
CUE_WORDS = ("anime", "manga", "adaptation", "light novel", "crunchyroll")


@dataclass
class IndexData:
    """What a built index holds, as plain data (cached on disk by ``link.cache``)."""

    keys: dict[str, tuple[str, int | None, str | None, bool]]  # key -> its first KeyEntry
    by_first: dict[str, list[str]]
    latin: list[tuple[bytes, str]]  # UTF-8 variant (space-padded) and its key
    other: list[str]  # keys in other scripts


def build_index_data(kb: KnowledgeBase) -> IndexData:
    """Normalise every KB title into keys, Latin variants and other-script keys."""
    builder = _Builder()
    seen: set[tuple[str, str]] = set()
    for entry in kb.titles:
        seen.add((entry.title, entry.franchise_id))
        builder.add_title(entry)
    for f in kb.franchises.values():
        for t in (f.name, *f.titles):
            if (t, f.id) not in seen:
                seen.add((t, f.id))
                builder.add_title(TitleEntry(t, f.id))
    return builder.data()


class _Builder:
    """Collects the keys of KB titles and the forms they were written in."""

    def __init__(self) -> None:
        self.keys: dict[str, KeyEntry] = {}  # key -> the first title's entry (the one used)
        self.forms: dict[str, set[str]] = defaultdict(set)  # key -> title strings
        self.subtitled: set[str] = set()  # keys of titles with an inner "The" subtitle

    def add_title(self, entry: TitleEntry) -> None:
        """Register a title's key and the keys derived from it."""
        title = entry.title.strip()
        key = normalise_title(title)
        if not key:
            return
        self.add_key(key, title, KeyEntry(entry.franchise_id, entry.season, entry.work_id, True))
        derived = [strip_accents(title)] if not title.isascii() and is_latin(key) else []
        if key.startswith("the "):
            derived.append(title[4:])
        head = title.split(":")[0] if ":" in title else ""
        if len(normalise_title(head)) >= MIN_HEAD_KEY:
            derived.append(head)
        derived.extend(_ampersand_forms(key))
        if key in self.keys and _THE_SUBTITLE.search(title, 1):
            self.subtitled.add(key)
        for form in derived:
            dkey = normalise_title(form)
            if dkey and dkey != key:
                entry_d = KeyEntry(entry.franchise_id, entry.season, entry.work_id, False)
                self.add_key(dkey, form, entry_d)

    def add_key(self, key: str, form: str, entry: KeyEntry) -> None:
        """Keep ``entry`` under ``key`` unless the key is too short or a stop word."""
        if key in STOP_KEYS or key.replace(" ", "").isdigit():
            return
        if len(key) < (MIN_LATIN_KEY if is_latin(key) else MIN_OTHER_KEY):
            return
        self.keys.setdefault(key, entry)
        self.forms[key].add(form)

    def data(self) -> IndexData:
        """The keys, the Latin variants of each (plus trigger and cue words), the other keys."""
        latin: dict[bytes, str] = {}
        other: list[str] = []
        by_first: dict[str, list[str]] = defaultdict(list)
        for key, forms in self.forms.items():
            if not is_latin(key):
                other.append(key)
                continue
            by_first[key.split()[0]].append(key)
            if all(w in FUNCTION_WORDS for w in key.split()):
                continue  # "I am": a title of function words only is never a safe match
            for variant in sorted(v for form in forms for v in latin_variants(form)):
                latin[variant.encode("latin-1")] = key  # last key wins, as in pyahocorasick
            if key in self.subtitled:
                for variant in _colon_variants(latin_key(key)):
                    latin.setdefault(variant.encode("latin-1"), key)
        for word in TRIGGER_WORDS:  # one pass finds titles and season-reference triggers
            w = latin_key(word)  # at a word start: " part" skips "department", " ova" "innovation"
            if w.isascii():
                w = " " + w + (" " if word in CLOSED_TRIGGERS else "")
            latin[w.encode("latin-1")] = TRIGGER
        for word in CUE_WORDS:
            latin[(" " + word).encode("latin-1")] = CUE
        # plain tuples: they unpickle twice as fast as KeyEntry
        keys = {k: (e.franchise_id, e.season, e.work_id, e.exact) for k, e in self.keys.items()}
        return IndexData(keys, dict(by_first), list(latin.items()), other)


# The word gap before a subtitle that opens with "The" ("DRAGON QUEST The Adventure of Dai"):
# news writes a colon or a dash there when the official title has none ("Dragon Quest: The
# Adventure of Dai"), and the text's ": " / " - " is two or three spaces in the normalised text,
# where the key has one.
_THE_SUBTITLE = re.compile(r"(?<=[\w!?.])(?= [Tt]he \w)")


def _colon_variants(key: str) -> list[str]:
    """The space-padded forms of ``key`` with its first inner " the " gap two and three spaces
    wide (the key's other gaps single)."""
    i = key.find(" the ", 1)
    if i < 0:
        return []
    return [f" {key[:i]}{gap}{key[i + 1 :]} " for gap in ("  ", "   ")]


def _ampersand_forms(key: str) -> list[str]:
    """The key with "and" written "&" and the other way round: news and official titles use
    both for the same work ("Level 1 Demon Lord & One Room Hero", "Girls and Panzer")."""
    out = []
    if " and " in key:
        out.append(key.replace(" and ", " & "))
    if "&" in key:
        out.append(" ".join(key.replace("&", " and ").split()))
    return out


class TitleIndex:
    """Normalised KB titles with their automata; built once per KB (or loaded from the cache).

    ``cache``: keep the built index in the user cache directory, keyed by a digest of the KB's
    titles (``link.cache``); only KBs with at least ``cache.MIN_CACHED_TITLES`` titles are cached.
    """

    def __init__(self, kb: KnowledgeBase, *, cache: bool = True) -> None:
        data = load_or_build(kb, build_index_data) if cache else build_index_data(kb)
        self.keys = data.keys
        self.by_first = data.by_first
        self._latin_keys = [k for _, k in data.latin]  # by pattern index
        # one automaton over every Latin key (ASCII and accented), on the UTF-8 bytes of the
        # normalised text; ahocorasick_rs scans 1.5-2x faster than pyahocorasick here (module doc)
        patterns = [p for p, _ in data.latin]
        self.latin = BytesAhoCorasick(patterns) if patterns else None
        self._other_keys = data.other
        self._other: ahocorasick.Automaton | None = None  # built on the first non-Latin text
        log.debug("title index: %d keys, %d Latin variants", len(self.keys), len(patterns))

    @property
    def other(self) -> ahocorasick.Automaton:
        """The automaton of the keys in other scripts (built when a text first needs it)."""
        if self._other is None:
            self._other = ahocorasick.Automaton()
            for key in self._other_keys:
                self._other.add_word(key, key)
            if self._other_keys:
                self._other.make_automaton()
        return self._other

    def find(self, text: str, nt: NormText) -> list[KeyMatch]:
        """Every KB key in ``text`` (``nt`` is its Latin normalisation), by end offset."""
        out = self._find_latin(nt) if self.latin is not None else []
        if self._other_keys and nt.beyond_latin:
            other = self.other
            for m in OTHER_SEGMENT.finditer(text):
                norm, offsets = normalise_other_text(m.group())
                for end, key in other.iter(norm):
                    s = m.start() + offsets[end - len(key) + 1]
                    out.append(KeyMatch(s, m.start() + offsets[end] + 1, key))
        return out

    def _find_latin(self, nt: NormText) -> list[KeyMatch]:
        """The Latin keys, triggers and cue words in the normalised text."""
        assert self.latin is not None
        # (index, start, end), by end offset and the longer match first, as pyahocorasick's
        found = self.latin.find_matches_as_indexes(nt.raw, overlapping=True)
        keys = self._latin_keys
        if nt.is_ascii:  # offsets into the space-padded text are one past those into the text
            return [
                KeyMatch(s - 1, e - 1, k) if (k := keys[i]) == TRIGGER else KeyMatch(s, e - 2, k)
                for i, s, e in found
            ]
        out = []
        to_original = nt.to_original
        for i, s, e in found:
            key = keys[i]
            if key == TRIGGER:  # the span may include the pad spaces: trimmed by the caller
                out.append(KeyMatch(to_original(s), to_original(e), key))
            else:  # the match is norm[s:e], pad spaces included
                out.append(KeyMatch(to_original(s + 1), to_original(e - 1), key))
        return out

    def franchise_of(self, key: str) -> str | None:
        """The franchise of a normalised title: exact key, else fuzzy over same-first-word keys."""
        for k in (key, "the " + key):
            if k in self.keys:
                return self.keys[k][0]
        options = self.by_first.get(key.split()[0], []) if key else []
        if not options:
            return None
        best = process.extractOne(key, options, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        return self.keys[best[0]][0] if best else None

    def entry(self, key: str) -> KeyEntry:
        """What a normalised key stands for (its first KB title)."""
        return KeyEntry(*self.keys[key])

"""The KB title index: normalised keys, one Aho-Corasick automaton per script, fuzzy lookup.

Measured on this machine: one automaton over all 27k bangumi-data titles matches English text
at about 5.5 MB/s, the Latin-script titles alone at 37-46 MB/s (keys in other scripts slow the
matching of English text eight-fold), so ASCII keys, accented Latin keys and the rest get
separate automata: the second runs only on texts with non-ASCII letters, the third only over
the non-Latin segments of a text (ASCII keys alone: 65 MB/s, with the accented ones: 42 MB/s).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import NamedTuple

import ahocorasick
from rapidfuzz import fuzz, process

from seasoncheck.kb.model import KnowledgeBase, TitleEntry
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


# UTF-8 lead bytes (as Latin-1 characters) of accented Latin letters (U+00C0-U+017F) and of
# kana and CJK (the Japanese season triggers): English text with only curly quotes has none.
_LEAD_BYTES = ("\xc3", "\xc4", "\xc5", "\xe3", "\xe4", "\xe5", "\xe6", "\xe7", "\xe8", "\xe9")

TRIGGER = ""  # the key of the season-reference trigger words the Latin automata also hold
# Trigger words matched as whole words only (they start many other words: "course", "party").
# Measured: the triggers cost 25% of the automaton's speed before they were anchored this way.
CLOSED_TRIGGERS = frozenset(("cour", "ova", "part", "parte", "partie", "teil"))
CUE = "\x00cue"  # the key of the anime cue words (``CUE_WORDS``), found in the same pass
# Words that make a text anime news, so that open-world titles are worth looking for.
CUE_WORDS = ("anime", "manga", "adaptation", "light novel", "crunchyroll")


class TitleIndex:
    """Normalised KB titles with their automata; built once per KB."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.keys: dict[str, list[KeyEntry]] = defaultdict(list)
        self._forms: dict[str, set[str]] = defaultdict(set)  # key -> title strings
        self._seen: set[tuple[str, KeyEntry]] = set()
        seen: set[tuple[str, str]] = set()
        for entry in kb.titles:
            seen.add((entry.title, entry.franchise_id))
            self._add_title(entry)
        for f in kb.franchises.values():
            for t in (f.name, *f.titles):
                if (t, f.id) not in seen:
                    seen.add((t, f.id))
                    self._add_title(TitleEntry(t, f.id))
        self.latin = ahocorasick.Automaton()  # ASCII keys
        self.accented = ahocorasick.Automaton()  # other Latin keys: run on non-ASCII texts only
        self.other = ahocorasick.Automaton()
        self.by_first: dict[str, list[str]] = defaultdict(list)
        for key, forms in self._forms.items():
            self._index(key, forms)
        for word in TRIGGER_WORDS:  # one pass finds titles and season-reference triggers
            w = latin_key(word)
            if w.isascii():  # at a word start: " part" skips "department", " ova" "innovation"
                w = " " + w + (" " if word in CLOSED_TRIGGERS else "")
                self.latin.add_word(w, (TRIGGER, len(w)))
            else:
                self.accented.add_word(w, (TRIGGER, len(w)))
        for word in CUE_WORDS:
            self.latin.add_word(" " + word, (CUE, len(word) + 1))
        for automaton in (self.latin, self.accented, self.other):
            if len(automaton):
                automaton.make_automaton()
        log.debug("title index: %d keys, %d Latin variants", len(self.keys), len(self.latin))

    def _add_title(self, entry: TitleEntry) -> None:
        """Register a title's key and the keys derived from it."""
        title = entry.title.strip()
        key = normalise_title(title)
        if not key:
            return
        self._add_key(key, title, KeyEntry(entry.franchise_id, entry.season, entry.work_id, True))
        derived = [strip_accents(title)] if not title.isascii() and is_latin(key) else []
        if key.startswith("the "):
            derived.append(title[4:])
        head = title.split(":")[0] if ":" in title else ""
        if len(normalise_title(head)) >= MIN_HEAD_KEY:
            derived.append(head)
        for form in derived:
            dkey = normalise_title(form)
            if dkey and dkey != key:
                entry_d = KeyEntry(entry.franchise_id, entry.season, entry.work_id, False)
                self._add_key(dkey, form, entry_d)

    def _add_key(self, key: str, form: str, entry: KeyEntry) -> None:
        """Keep ``entry`` under ``key`` unless the key is too short or a stop word."""
        if key in STOP_KEYS or key.replace(" ", "").isdigit():
            return
        if len(key) < (MIN_LATIN_KEY if is_latin(key) else MIN_OTHER_KEY):
            return
        if (key, entry) not in self._seen:
            self._seen.add((key, entry))
            self.keys[key].append(entry)
        self._forms[key].add(form)

    def _index(self, key: str, forms: set[str]) -> None:
        """Add ``key`` to the automaton of its script and to the first-word index."""
        if not is_latin(key):
            self.other.add_word(key, key)
            return
        self.by_first[key.split()[0]].append(key)
        for form in forms:
            for variant in latin_variants(form):
                automaton = self.latin if variant.isascii() else self.accented
                automaton.add_word(variant, (key, len(variant)))

    def find(self, text: str, nt: NormText) -> list[KeyMatch]:
        """Every KB key in ``text`` (``nt`` is its Latin normalisation), in automaton order."""
        out: list[KeyMatch] = []
        to_original = nt.to_original
        for automaton in self._automata_for(nt):
            for end, (key, n) in automaton.iter(nt.norm):
                if key == TRIGGER:  # the span may include the pad spaces: trimmed by the caller
                    out.append(KeyMatch(to_original(end - n + 1), to_original(end + 1), key))
                else:  # the match is norm[end-n+1 : end+1], pad spaces included
                    out.append(KeyMatch(to_original(end - n + 2), to_original(end), key))
        if len(self.other) and not nt.is_ascii:
            for m in OTHER_SEGMENT.finditer(text):
                norm, offsets = normalise_other_text(m.group())
                for end, key in self.other.iter(norm):
                    s = m.start() + offsets[end - len(key) + 1]
                    out.append(KeyMatch(s, m.start() + offsets[end] + 1, key))
        return out

    def _automata_for(self, nt: NormText) -> list[ahocorasick.Automaton]:
        """The Latin automata worth running: the accented one only on texts with such letters."""
        out = [self.latin] if len(self.latin) else []
        if len(self.accented) and not nt.is_ascii and any(b in nt.norm for b in _LEAD_BYTES):
            out.append(self.accented)
        return out

    def franchise_of(self, key: str) -> str | None:
        """The franchise of a normalised title: exact key, else fuzzy over same-first-word keys."""
        for k in (key, "the " + key):
            if k in self.keys:
                return self.keys[k][0].franchise_id
        options = self.by_first.get(key.split()[0], []) if key else []
        if not options:
            return None
        best = process.extractOne(key, options, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        return self.keys[best[0]][0].franchise_id if best else None

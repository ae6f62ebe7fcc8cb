"""The candidate-sentence gate: one cue search per sentence picks the sentences worth reading
and the finders each calls for."""

from __future__ import annotations

import re
from collections.abc import Callable

from seasoncheck.claims import patterns as P
from seasoncheck.claims.finders import FINDERS, FINDERS_BY_CUE, Finding, Sent, find_renewal
from seasoncheck.claims.segment import Sentence
from seasoncheck.link.normalise import lowered

# The ids of each finder's cue words (patterns.FINDER_WORDS) in the prefilter's automaton: the
# pass that tells the patterns which literals a sentence holds tells the finders too.
_CUE_IDS = {kind: P.register_literals(words) for kind, words in P.FINDER_WORDS.items()}
_DIGIT = re.compile(r"\d")
_Finder = Callable[[Sent], list[Finding]]


def _candidates(
    text: str, sentences: list[Sentence], only: range | list[int] | None = None
) -> list[tuple[int, tuple[_Finder, ...]]]:
    """Sentences of ``only`` (default: all) with a cue word, each with the finders it calls for.

    One regex search per sentence picks the candidates; the literal automaton of the patterns
    tells which finders each needs (a finder whose words a sentence lacks cannot fire)."""
    only = range(len(sentences)) if only is None else only
    low = lowered(text)  # same length as text for the scripts we extract from
    if len(low) != len(text):
        return [(i, FINDERS) for i in only]
    has_cue = _HAS_CANDIDATE
    out = []
    for i in only:
        s = sentences[i]
        present = P.literals_in(s.text)  # (known: the sentences were prepared)
        if not has_cue(low, s.start, s.end, present):
            continue
        if present is None:
            kinds = frozenset(_CUE_IDS)
        else:  # the cue groups of the cue words present
            kinds = frozenset().union(*[_CUE_KIND[w] for w in _ALL_CUE_IDS & present])
        if "release" not in kinds and _DIGIT.search(low, s.start, s.end):
            kinds |= _RELEASE
        out.append((i, _finders_for(kinds)))
    return out


def _grouped(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` (``\\b(?:word|word|...)``) with its plain words grouped by first letter: the same
    yes/no answer at the same places, for a fraction of the work (the engine tries every
    alternative at every word start; grouped, only those that share the letter there). Only
    for a pattern used as a yes/no test: which word matches, and so the match's end, may differ.
    """
    src = rx.pattern
    inner = src[5:-1] if src.startswith("\\b(?:") and src.endswith(")") else ""
    try:
        re.compile(inner)  # a pattern whose group closes before its end is not one group
    except re.error:
        return rx
    alts = P.split_alternatives(inner)
    if not inner or len(alts) < 2:
        return rx
    plain = [a for a in alts if _PLAIN_WORDS.fullmatch(a)]
    groups: dict[str, list[str]] = {}
    for a in plain:
        groups.setdefault(a[0], []).append(a[1:])
    parts = [f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items()]
    return re.compile(
        "\\b(?:" + "|".join([*parts, *(a for a in alts if a not in plain)]) + ")", rx.flags
    )


_PLAIN_WORDS = re.compile(r"[a-z][a-z ]*")
_GROUPED_CANDIDATE = _grouped(P.CANDIDATE)  # (built once: the gate below and its tests)
_CANDIDATE_SEARCH = _GROUPED_CANDIDATE.search
# (the same yes/no from the cue words each sentence holds: 2x fewer instructions)
_HAS_CANDIDATE = P.WordTest(P.CANDIDATE, _GROUPED_CANDIDATE)


# Each cue word's group, and the finders of each set of groups (few sets occur: remembered).
_CUE_KIND = {
    w: frozenset(kind for kind, ids in _CUE_IDS.items() if w in ids)
    for w in frozenset().union(*_CUE_IDS.values())
}
_ALL_CUE_IDS = frozenset(_CUE_KIND)
_RELEASE = frozenset({"release"})
_FINDER_SETS: dict[frozenset[str], tuple[_Finder, ...]] = {}


def _finders_for(kinds: frozenset[str]) -> tuple[_Finder, ...]:
    """The renewal finder and the finders of the cue groups ``kinds``, in FINDERS_BY_CUE order."""
    finders = _FINDER_SETS.get(kinds)
    if finders is None:
        finders = (find_renewal, *(f for cue, f in FINDERS_BY_CUE.items() if cue in kinds))
        _FINDER_SETS[kinds] = finders
    return finders

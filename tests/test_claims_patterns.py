"""The pattern engine: required literals, the literal prefilter, and case-insensitive matching.

The prefilter must never change what a pattern finds: every test below compares a pattern's
answers with the prefilter against its answers without it (``patterns.unfiltered()``).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from seasoncheck.claims import fastregex
from seasoncheck.claims import patterns as P
from seasoncheck.claims.segment import split_sentences

DATA = Path(__file__).parent / "data" / "claims"


def _all_patterns() -> list[P.LoweredPattern]:
    """Every case-insensitive pattern the claim rules use (patterns module and the rule modules)."""
    # the modules from sys.modules: ``from seasoncheck.claims import merge`` is the package's
    # merge() function, not the module (a compiled function has no __dict__ for vars())
    names = (
        "patterns", "attach", "installments", "cues", "finders", "finders_release", "merge",
        "sections",
    )  # fmt: skip
    found: dict[int, P.LoweredPattern] = {}
    for mod in [importlib.import_module(f"seasoncheck.claims.{name}") for name in names]:
        for value in vars(mod).values():
            if isinstance(value, P.LoweredPattern):
                found[id(value)] = value
    return list(found.values())


def _answers(rx: P.LoweredPattern, text: str) -> tuple[object, ...]:
    """What search, match and finditer return on ``text`` (spans and matched text)."""
    m = rx.search(text)
    n = rx.match(text)
    return (
        m and (m.span(), m.group()),
        n and (n.span(), n.group()),
        [(x.span(), x.group()) for x in rx.finditer(text)],
        m and rx.search(text, m.start() + 1, len(text)) is not None,
    )


def _own_texts() -> list[str]:
    """Sentences, windows and clauses of the project's own labelled articles (~3,000 texts)."""
    import json

    texts: list[str] = []
    lines = [ln for f in ("own.jsonl", "heldout.jsonl") for ln in (DATA / f).open(encoding="utf-8")]
    for line in lines:
        if not line.strip():
            continue
        for s in split_sentences(json.loads(line)["text"]):
            texts.append(s.text)
            texts.extend(s.text[i : i + 40] for i in range(0, len(s.text), 25))  # windows
            texts.extend(s.text.split(", "))
    return texts


def test_required_literals_of_typical_rules() -> None:
    # (the parser moves the branches' shared "l" out of the group: a longer literal)
    assert P.required_literals(r"\bcould\b|\bpossib(?:le|ly)\b") == {"could", "possibl"}
    # the longer of two required runs is kept
    assert P.required_literals(r"\bpush(?:es|ing)? back\b") == {" back"}
    assert P.required_literals(r"\b(?:set|locked) for\b") == {" for"}
    assert P.required_literals(r"\w+ly\b") == {"ly"}
    assert P.required_literals(r"foo(?=bar)") == {"foo"}  # lookarounds are zero-width
    assert P.required_literals(r"(?:abc)+x") == {"abc"}  # one or more: required
    assert P.required_literals(r"(?:abc)*x") == set()  # "x" alone is too short to help


def test_no_literal_means_no_prefilter() -> None:
    assert P.required_literals(r"\d{4}") == set()
    assert P.required_literals(r"\bseason\b|\d{4}") == set()  # one branch needs no literal
    assert P.required_literals(r"(?i:season)s") == set()  # caseless inside: not a literal


def test_every_rule_pattern_gives_the_same_answers_with_and_without_the_prefilter() -> None:
    texts = _own_texts()
    assert len(texts) > 1000
    for rx in _all_patterns():
        filtered = [_answers(rx, t) for t in texts]
        with P.unfiltered():
            plain = [_answers(rx, t) for t in texts]
        assert filtered == plain, rx.pattern[:80]


_WORDS = st.sampled_from(
    [
        "season", "Season 2", "the", "sequel", "will", "premiere", "in", "April", "2025", "not",
        "confirmed", "yet", "leak", "rumour", "trailer", "official", "delay", "pushed back",
        "announced", "Netflix", "studio", "MAPPA", "return", "no,", "is", "fake", "could",
        "first", "final", "and", "film", "part", "ended", "after", "İstanbul", "!", "?",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40), st.sampled_from([" ", "  ", ", ", "\n"]))
def test_prefilter_never_drops_a_match_on_generated_text(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for rx in _all_patterns():
        got = _answers(rx, text)
        with P.unfiltered():
            assert got == _answers(rx, text), rx.pattern[:80]


def test_a_pattern_added_later_joins_the_prefilter() -> None:
    rx = P.caseless(r"\bzorblax (?:prime|minor)\b")
    assert rx.literals == {"zorblax "}
    long_filler = "and some words to make the sentence longer than a window, "
    assert rx.search(long_filler + "the Zorblax Prime saga") is not None
    assert rx.search(long_filler + "the zorblax-prime saga") is None
    # the automaton was rebuilt with the new literal: older patterns still find theirs
    assert P.DELAY.search(long_filler + "the premiere was postponed to May") is not None


def test_matches_keep_offsets_of_the_original_text() -> None:
    text = "After a long wait, the Second Season was CONFIRMED by the official account today."
    m = P.RENEWAL.search(text)
    assert m is not None and text[m.start() : m.end()] == "CONFIRMED"


def test_text_whose_lowering_changes_length_uses_the_caseless_regex() -> None:
    text = "İstanbul fans learned that the sequel was DELAYED to next spring, sadly for all."
    assert len(text.lower()) != len(text)
    m = P.DELAY.search(text)
    assert m is not None and text[m.start() : m.end()] == "DELAYED"


def test_word_start_branches_are_grouped_without_changing_order() -> None:
    assert fastregex._group_word_starts([r"\ba", r"\bb", "^c"]) == r"\b(?:a|b)|^c"
    assert fastregex._group_word_starts(["x", r"\ba", r"\bb"]) == r"x|\b(?:a|b)"
    assert fastregex._group_word_starts([r"\ba"]) == r"\ba"
    source = r"\bno\b|\bnot\b|^no,\s+\w+"
    text = "no, nothing is not known"
    grouped = re.compile(fastregex._group_word_starts(P.split_alternatives(source)))
    assert [m.span() for m in grouped.finditer(text)] == [
        m.span() for m in re.compile(source).finditer(text)
    ]

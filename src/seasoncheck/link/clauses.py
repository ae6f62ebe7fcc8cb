"""Titles that read like clauses: "Rascal Does Not Dream", "The Girl Who Can Fly".

The other open-world rules (``openworld``) end a run of title words at a headline verb ("Iron
Meadow Gets Film Sequel"), so a title with a verb inside comes out cut. Two rules of news writing
find the whole title: a capitalised verb between capitalised words in the middle of a prose
sentence is inside a title (prose writes verbs in lower case), and a headline's opening run of
title words ends where the body's repetition of it ends.
"""

from __future__ import annotations

import re

from seasoncheck.link.openworld import (
    MAX_RUN_CHARS,
    _headline_lead,
    _run_after,
    event_kicker_end,
)
from seasoncheck.link.titleruns import (
    _BOUNDARY,
    _POSSESSIVE,
    _TOKEN,
    CONNECTORS,
    RELEASE_VERBS,
    VERB_BREAKERS,
    TitleCandidate,
    _breaker,
    _contracted,
    _last_boundary,
    _lead_word,
    _make,
    _title_word,
)

# Verbs, auxiliaries and negations. Capitalised between capitalised words in running prose, they
# can only be inside a title ("Jane Roe's Rascal Does Not Dream novels", "the Boy Who Can Fly
# anime"): prose writes them in lower case, and a title-case headline is no prose.
_VERB_WORDS = """Does Do Did Is Are Was Were Not Will Can Has Have Had Got Gets Get Wants Want Be Been
    Am Should Would Could Must Never Doesn't Don't Isn't Can't Won't"""
_VERBS = _VERB_WORDS.split()
_VERB_ALTS = "|".join(v.replace("'", "[’']") for v in sorted(_VERBS, key=len, reverse=True))
_VERB_INITIALS = "".join(sorted({v[0] for v in _VERBS}))
# (the initials as a lookahead: the scan rejects most spaces at one character class)
_PROSE_VERB = re.compile(rf" (?=[{_VERB_INITIALS}])(?P<verb>{_VERB_ALTS})(?= [A-Z\d])")
_LINE_END = re.compile(r"[.!?\n]")
# A sentence around such a run has at least this many lower-case words outside it: prose, not a
# title-case headline line ("Rascal Does Not Dream Anime's 3rd Season Premieres in April").
MIN_PROSE_WORDS = 3


def prose_titles(text: str) -> list[TitleCandidate]:
    """Titles written in title case in the middle of a prose sentence, with a capitalised verb
    inside them, which the other rules cut at the verb."""
    out: list[TitleCandidate] = []
    for v in _PROSE_VERB.finditer(text):
        vs = v.start("verb")
        if not text[v.start() - 1 : v.start()].isalpha():
            continue  # a word right before the verb
        if out and vs < out[-1].end:
            continue  # the second verb of the same title ("Does Not")
        lo = max(0, vs - MAX_RUN_CHARS)
        cut, _ = _last_boundary(text[lo:vs])
        back: list[tuple[int, int]] = []
        for t in reversed(list(_TOKEN.finditer(text, lo + cut, vs))):
            word = t.group(0)
            owner = _POSSESSIVE.search(word) and not (not back and _contracted(v.group("verb")))
            if _breaker(word) or owner or not _title_word(word, last=not back):
                break  # "Jane Roe's" before the title: its author
            back.insert(0, (t.start(), t.end()))
        ahead = _run_after(text, vs, "prose_title")
        if not back or not ahead or ahead[0].end <= v.end():
            continue  # capitalised words on both sides of the verb
        run = back + [(t.start(), t.end()) for t in _TOKEN.finditer(text, vs, ahead[0].end)]
        cands = _make(text, run, "prose_title")
        if cands and _in_prose(text, cands[0].start, cands[0].end):
            out.extend(cands)
    return out


MIN_REPEATED_WORDS = 3  # "Rascal Does Not Dream": shorter runs are found by the other rules


def repeated_lead(headline: str, body: str, stop: int | None = None) -> list[TitleCandidate]:
    """The headline's opening run of title words, verbs included ("Rascal Does Not Dream Anime's
    3rd Season ..."), cut to its longest prefix that the body repeats as a whole name (followed
    by a lower-case word or punctuation). ``_headline_lead`` stops at the verb; the body tells
    where the title ends. Only runs with a headline word inside and none at their ends; the run
    ends at ``stop``, the headline's first season reference ("... Party S3 announced")."""
    words: list[tuple[int, int]] = []
    start = event_kicker_end(headline)
    for t in _TOKEN.finditer(headline, start, len(headline) if stop is None else stop):
        word = t.group(0)
        if _breaker(word) or not _title_word(word, last=False):
            break
        words.append((t.start(), t.end()))
        if _BOUNDARY.search(word):
            break  # "Tomo-chan Is a Girl!": punctuation ends the run, kept in the last word
    verb = next((i for i in range(1, len(words) - 1) if _verb_like(headline, words[i])), None)
    if verb is None or headline[words[0][0] : words[verb][1]] not in body:
        return []  # no verb inside (the other rules find such titles), or no repetition of it
    for n in range(len(words), max(MIN_REPEATED_WORDS, verb + 2) - 1, -1):
        run = words[:n]
        cands = _make(headline, run, "repeated_lead")
        if cands and cands[0].start == run[0][0] and _named_in(body, cands[0].surface, headline):
            return cands
    return []


# Last words of a company's name: a headline that opens with one ("Harbor Pictures Reveals
# Cast") reports what the company did, about a work named later.
_COMPANY = """animation animations studio studios pictures entertainment films productions production
    inc media works games records music publishing press books"""
_COMPANY_WORDS = frozenset(_COMPANY.split())
MIN_LEAD_WORDS = 2  # a one-word opening may be a company, a person or a headline word


def fallback_lead(headline: str, body: str) -> list[TitleCandidate]:
    """The headline's opening run of title words, whatever word ends it ("Moonlit Bakery
    Reveals Cast, Key Visual"), when it has two words or more, is not a company's name, and
    the body writes it again as a name off its copy of the headline. For an article where no
    rule finds any work: the headline names what it reports on first."""
    lead = _headline_lead(headline, len(headline))
    return [
        c
        for c in lead
        if len(c.surface.split()) >= MIN_LEAD_WORDS
        and c.surface.split()[-1].lower() not in _COMPANY_WORDS
        and _named_in(body, c.surface, headline)
    ]


def _verb_like(text: str, span: tuple[int, int]) -> bool:
    """True for a headline word or verb ("Does", "Not", "Gets") that ends the other rules' runs."""
    word = text[span[0] : span[1]]
    bare = word.lower()
    return _lead_word(word) or bare in VERB_BREAKERS or bare in RELEASE_VERBS


_AFTER_NAME = re.compile(r"(?:[’']s)?(?:\s+[a-z(]|\s*[,.;:!?)(]|\s*$)")


def _named_in(body: str, surface: str, headline: str = "") -> bool:
    """True when ``body`` writes ``surface`` as a whole name: not inside a longer run of
    capitalised words ("X Anime's 3rd Season" repeats the headline, not the name), and not on
    a copy of the headline (a page's text opens with it: no repetition in the body's prose)."""
    pos = body.find(surface)
    while pos >= 0:
        end = pos + len(surface)
        if (
            not body[pos - 1 : pos].isalnum()
            and _AFTER_NAME.match(body, end)
            and not (headline and _headline_line(body, pos, headline))
        ):
            return True
        pos = body.find(surface, end)
    return False


def _in_prose(text: str, start: int, end: int) -> bool:
    """True when text[start:end] stands inside a sentence (not at its start: "Orchard Lane Is
    Back: ..." opens a headline) that has lower-case words outside it."""
    lo = max((m.end() for m in _LINE_END.finditer(text, max(0, start - 200), start)), default=0)
    if not text[lo:start].strip():
        return False
    nxt = _LINE_END.search(text, end)
    hi = nxt.start() if nxt else len(text)
    words = (text[lo:start] + " " + text[end:hi]).split()
    return sum(1 for w in words if w.islower() and w.isalpha() and w not in CONNECTORS) >= (
        MIN_PROSE_WORDS
    )


# A "Head: Subtitle" title in running prose ("the studio has set Harbor Lights: Tidebreak for
# spring", "Moonlit Bakery the Movie: Finale"): a lower-case word before the head, a few title
# words (lower-case connectors inside), a colon, and a capitalised subtitle.
_TITLE_WORD: str = r"[A-Z\d][\w’'!.&-]*"
_INNER: str = r"(?:the|of|no|to|and|in|a|an|from|with|for|on|at|&)"
_COLON_HEAD: re.Pattern[str] = re.compile(
    rf"(?<![\w’'-])[a-z]+,? (?P<head>{_TITLE_WORD}(?:\s+(?:{_TITLE_WORD}|{_INNER})){{0,4}})$"
)
_COLON_TAIL: re.Pattern[str] = re.compile(rf"(?:{_TITLE_WORD})(?:[ ]+(?:{_TITLE_WORD}|{_INNER}))*")
# A lower-case word and a capitalised one after a subtitle's run: the subtitle goes on past a
# verb ("Kaguya-sama: Love is War"), and its end is unknown.
_CAPITAL_AFTER_WORD: re.Pattern[str] = re.compile(r" [a-z]+ [A-Z]")
# Lower-case words of a title-case line ("Yama no Susume Heads to Theaters: ..."): the word
# before a head must be a prose word.
_TITLE_CASE_LOWER: frozenset[str] = frozenset(["the", "of", "no", "to", "and", "in", "a", "an", "from", "with",
                               "for", "on", "at", "as", "by", "or", "vs"])  # fmt: skip
_HEAD_REACH: int = 60  # characters looked at before a colon for the head
MAX_COLON_TAIL_WORDS: int = 8


def colon_titles(headline: str, body: str) -> list[TitleCandidate]:
    """Titles of the form "Head: Subtitle" that the body writes inside a prose sentence (after a
    prose word, not on a copy of the headline) and the headline writes again as a whole:
    a name, not a label and its sentence ("Update: Fans ...", which opens a line). The subtitle ends at its last capitalised word
    before a lower-case word or punctuation ("... Tidebreak a date")."""
    out: list[TitleCandidate] = []
    seen: set[str] = set()
    pos = body.find(": ")
    while pos >= 0:
        nxt = body.find(": ", pos + 2)
        head = _COLON_HEAD.search(body, max(0, pos - _HEAD_REACH), pos)
        tail = _COLON_TAIL.match(body, pos + 2) if head else None
        if head and tail:
            words = tail.group(0).split()[:MAX_COLON_TAIL_WORDS]
            cut = next((i for i, w in enumerate(words) if _breaker(w)), len(words))
            words = words[:cut]  # "X: Y Season 3": the season is no part of the title
            while words and not words[-1][:1].isupper():
                words.pop()
            head_words = head.group("head").split()
            if (
                words
                and head_words[-1][:1].isupper()
                and not _POSSESSIVE.search(words[-1])  # "X: Jane Roe's ...": a person's
                and not _CAPITAL_AFTER_WORD.match(body, pos + 2 + len(" ".join(words)))
                and head.group(0).split()[0].rstrip(",") not in _TITLE_CASE_LOWER
                and not _headline_line(body, pos, headline)
            ):
                surface = body[head.start("head") : pos + 2] + " ".join(words)
                surface = surface.rstrip(".,;!?") if not words[-1].endswith("!") else surface
                if surface not in seen and surface in headline and _whole_in(headline, surface):
                    seen.add(surface)
                    start = head.start("head")
                    out.append(TitleCandidate(start, start + len(surface), surface, "colon_title"))
        pos = nxt
    return out


def _headline_line(body: str, pos: int, headline: str) -> bool:
    """True when the line of ``body`` around ``pos`` is the headline again."""
    lo = body.rfind("\n", 0, pos) + 1
    hi = body.find("\n", pos)
    return body[lo : hi if hi >= 0 else len(body)].strip() == headline.strip()


def _whole_in(text: str, surface: str) -> bool:
    """True when ``text`` writes ``surface`` with no word character glued to either end."""
    pos = text.find(surface)
    while pos >= 0:
        end = pos + len(surface)
        if not text[pos - 1 : pos].isalnum() and not text[end : end + 1].isalnum():
            return True
        pos = text.find(surface, end)
    return False


# A headline that names a film by its franchise, the installment noun and the film's own
# subtitle ("Moonlit Bakery Film Sugar Rain Opens May 2"): the film's name is the franchise's
# and the subtitle's words together, as the body writes it ("Moonlit Bakery Sugar Rain will
# open ..."). The noun is capitalised between two capitalised words.
_HEAD_INSTALLMENT: re.Pattern[str] = re.compile(
    r"(?<=[\w!?.]) (?:Anime )?(?:Film|Movie|OVA|Special) (?=[A-Z0-9])"
)
MAX_FRANCHISE_CHARS: int = 80  # the headline's opening name before the installment noun
MAX_SUBTITLE_WORDS: int = 6


def installment_subtitle(headline: str, body: str) -> list[TitleCandidate]:
    """The name "Franchise Subtitle" of a headline "Franchise Film Subtitle <verb> ...", where
    the body writes the two halves joined as a name, not on its copy of the headline. The
    subtitle ends at the headline's verb, season word or date; the longest joined form the body
    writes wins. For an article where no rule and no KB title found any work."""
    m = _HEAD_INSTALLMENT.search(headline, 0, MAX_FRANCHISE_CHARS)
    if m is None:
        return []
    first = headline[: m.start()].strip()
    words: list[str] = []
    for t in _TOKEN.finditer(headline, m.end()):
        word = t.group(0)
        bare = word.lower().strip("‘’'\"“”:,")
        if bare in VERB_BREAKERS or bare in RELEASE_VERBS or _breaker(word):
            break
        if not _title_word(word, last=False) or len(words) >= MAX_SUBTITLE_WORDS:
            break
        words.append(word)
        if word.endswith((":", ",", "?", "!")):
            break
    for n in range(len(words), 0, -1):
        whole = f"{first} {' '.join(words[:n])}".rstrip(":,")
        pos = body.find(whole)
        while pos >= 0:
            if _named_in(body[pos:], whole, headline) and not _headline_line(body, pos, headline):
                end = pos + len(whole)
                return [TitleCandidate(pos, end, whole, "installment_subtitle", (first,))]
            pos = body.find(whole, pos + 1)
    return []

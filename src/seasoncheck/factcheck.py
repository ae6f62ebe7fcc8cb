"""Factual errors: what an article says about the work, checked against the KB's characters, studios, dates.

Each finding is a ``factual_error`` :class:`~seasoncheck.models.Flag` with the sentence as evidence and
the contradicted fact as detail. The rules are general statements about English news writing, not
about any one article:

* **gender**: a known character named next to a gendered description ("X, a young girl",
  "her brother X", "X is a boy") or followed by a pronoun that can only refer to them, which
  contradicts the character's known gender;
* **not in the work**: "the protagonist/main character X", "X is the protagonist", "the story of X",
  where X is a person-like name that is none of the franchise's characters nor one of its titles;
* **wrong relation**: a role held by exactly one known character ("mother of the twins") given to
  another name ("the twins' mother, X");
* **wrong studio**: "animated by X", "studio X", "X's adaptation" with a known studio that is not
  the franchise's;
* **wrong year**: "the first season premiered in April 2022" against the KB's air date.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from seasoncheck.consolidate import date_span, describe_value, normalise_name
from seasoncheck.kb.model import Character, Franchise, KnowledgeBase
from seasoncheck.kbcheck import same_studio
from seasoncheck.models import Claim, Flag

log = logging.getLogger(__name__)

FACTUAL_ERROR = "factual_error"

FEMALE_NOUNS = frozenset(
    [
        "girl",
        "woman",
        "lady",
        "heroine",
        "actress",
        "sister",
        "daughter",
        "mother",
        "mom",
        "wife",
        "girlfriend",
        "queen",
        "princess",
        "schoolgirl",
        "maiden",
        "niece",
        "aunt",
        "grandmother",
    ]
)
MALE_NOUNS = frozenset(
    [
        "boy",
        "man",
        "guy",
        "brother",
        "son",
        "father",
        "dad",
        "husband",
        "boyfriend",
        "king",
        "prince",
        "schoolboy",
        "nephew",
        "uncle",
        "grandfather",
        "gentleman",
    ]
)
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
# Nouns for other people: a pronoun after them may refer to them, so the pronoun rule stands down.
PERSON_NOUNS = (
    FEMALE_NOUNS
    | MALE_NOUNS
    | frozenset(
        [
            "fan",
            "fans",
            "director",
            "producer",
            "friend",
            "idol",
            "admirer",
            "patient",
            "doctor",
            "actor",
            "singer",
            "teacher",
            "manager",
            "stalker",
            "member",
            "members",
            "twin",
            "twins",
            "child",
            "children",
            "kid",
            "kids",
            "person",
            "people",
            "character",
            "characters",
            "author",
            "writer",
            "viewer",
            "viewers",
        ]
    )
)
# Words that open capitalised phrases which are not names ("The Story of Season 2").
NOT_NAME_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "season",
        "seasons",
        "episode",
        "episodes",
        "part",
        "anime",
        "manga",
        "series",
        "show",
        "japan",
        "japanese",
        "tokyo",
        "chapter",
        "volume",
        "netflix",
        "crunchyroll",
        "hidive",
        "studio",
        "god",
        "fame",
        "love",
        "life",
        "idols",
        "idol",
    ]
)
# "Not in the work" needs a cast list long enough to be meaningful: with fewer known characters
# a missing name is more likely a gap in the facts file than an error in the article.
MIN_KNOWN_CHARACTERS = 3
# Characters' name tokens this short are not used alone ("Ai" is also a common English word).
MIN_TOKEN_LEN = 3

# Lower-case cue words of the rules other than gender; a text with none of them and no character
# name cannot hold a factual error, and only sentences holding one are checked.
CUE_WORDS = (
    "story of", "tale of", "life of", "journey of", "adventures of", "protagonist",
    "main character", "lead character", "heroine", "animated by", "animation by", "produced by",
    "studio", "adapt", "premiered", "debuted", "aired", "was released",
)  # fmt: skip
_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|$)", re.MULTILINE)
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
# A described noun is the first gendered word among the few after the determiner, before any of these.
_STOP_WORDS = frozenset(
    {"who", "whose", "that", "which", "of", "with", "and", "for", "in", "from", "to"}
)
_DET = r"(?:a|an|the|this|[A-Z][\w-]*['’]s)"
_APPOSITIVE_RE = re.compile(
    rf"^\s*(?:,|\s(?:is|was|becomes|plays)\b)\s*{_DET}\s+((?:[\w-]+[ \t]*){{1,4}})"
)
_BEFORE_RE = re.compile(r"\b([a-z]+)\s+$")
_PRONOUN_RE = re.compile(r"\b(she|her|hers|herself|he|him|his|himself)\b", re.IGNORECASE)
_CAPWORD_RE = re.compile(r"\b[A-Z][a-z][\w'’-]*")
_PROTAGONIST_RES = (
    re.compile(
        rf"\b(?:the\s+)?(?:story|tale|life|journey|adventures?)\s+of\s+(?:the\s+)?(?:young\s+)?({_NAME})"
    ),
    re.compile(
        rf"\b(?:protagonist|main\s+character|lead\s+character|main\s+heroine|heroine)\s*,?\s+(?:is\s+)?({_NAME})"
    ),
    re.compile(
        rf"({_NAME})\s*(?:,\s*|\s+is\s+)the\s+(?:main\s+)?(?:protagonist|main\s+character|lead|heroine)\b"
    ),
)
_STUDIO_CUE_RE = re.compile(
    r"\b(?:animated|produced|animation|adapted)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?(?:studio\s+)?"
    rf"({_NAME})|\bstudio\s+({_NAME})|({_NAME})['’]s\s+(?:anime\s+)?adapt",
    re.IGNORECASE,
)
# Background about another studio, not a claim about this work's studio.
_STUDIO_CONTEXT_RE = re.compile(
    r"\b(?:behind|known for|spun off|spin-?off of|previously|formerly|founded by|former)\b",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_YEAR_CLAIM_RE = re.compile(
    r"\b(?:the\s+)?(?:(first|second|third|fourth|fifth|sixth)\s+season|season\s+(\d+))\b"
    r"[^.]{0,40}?\b(?:premiered|debuted|aired|began\s+airing|started\s+airing|was\s+released)\s+"
    r"(?:in|on|back\s+in)\s+(?:(\w+)\s+(?:of\s+)?)?(?:\d{1,2},?\s+)?(\d{4})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Cast:
    """A franchise's characters as regex-ready surface forms."""

    by_form: dict[str, Character]
    pattern: re.Pattern[str] | None
    tokens: frozenset[str]  # every token of every name and alias, lower case
    titles: frozenset[str]  # normalised franchise titles
    roles: tuple[tuple[str, Character, str, tuple[re.Pattern[str], ...]], ...]
    role_heads: tuple[str, ...]  # the first word of each unique role, lower case
    own_studios: frozenset[str]


def factual_errors_for(
    text: str, doc_id: str, claims: Iterable[Claim], kb: KnowledgeBase
) -> list[Flag]:
    """The factual errors of an article about the KB franchises its claims are linked to.

    The hook for ingestion: ``flags = (*extraction.flags, *factual_errors_for(article.text,
    article.id, extraction.claims, kb))``. Example::

        factual_errors_for(article.text, article.id, extraction.claims, load_kb(store))
    """
    studios = kb_studios(kb)
    out: list[Flag] = []
    for fid in sorted({c.franchise_id for c in claims if c.franchise_id}):
        if (franchise := kb.franchise(fid)) is not None:
            out += find_factual_errors(text, doc_id, franchise, known_studios=studios)
    return out


_KB_STUDIOS: list[tuple[KnowledgeBase, tuple[str, ...]]] = []  # (KB, its studios), one entry


def kb_studios(kb: KnowledgeBase) -> tuple[str, ...]:
    """Every studio name the KB knows (computed once per KB object)."""
    if not _KB_STUDIOS or _KB_STUDIOS[0][0] is not kb:
        names = {s for f in kb.franchises.values() for s in f.studios}
        names |= {s for f in kb.franchises.values() for e in f.seasons for s in e.studios}
        _KB_STUDIOS[:] = [(kb, tuple(sorted(names)))]
    return _KB_STUDIOS[0][1]


def find_factual_errors(
    text: str,
    doc_id: str,
    franchise: Franchise,
    *,
    known_studios: Iterable[str] = (),
) -> list[Flag]:
    """Every ``factual_error`` in an article about ``franchise``, one flag per (fact, sentence).

    ``known_studios`` are studio names from the whole KB: "animated by X" is only checked when X
    is a studio the KB knows. Example::

        flags = find_factual_errors(article.text, article.id, kb.franchise("oshi-no-ko"))
        flags[0].detail  # 'Aqua (Aquamarine Hoshino) is male, not "girl"'
    """
    cast = _cast(franchise)
    studios = studio_index(tuple(known_studios))
    low = text.casefold()
    cues = tuple(c for c in (*CUE_WORDS, *cast.role_heads) if c in low)
    names = tuple(n for n in cast.by_form if n in text)
    if not cues and not names:
        return []
    out: dict[tuple[str, str], Flag] = {}
    for sentence in candidate_sentences(text, _hint_regex(names, cues)):
        for detail in _sentence_errors(sentence, franchise, cast, studios):
            out.setdefault((detail, sentence), Flag(doc_id, FACTUAL_ERROR, detail, sentence))
    return list(out.values())


# Scans remembered by ScanMemo. A stored article's scan is ~0.1-0.3 ms and its flags a few
# hundred bytes: 200,000 entries is the articles of a large store in well under 100 MB.
SCAN_MEMO_SIZE = 200_000


class ScanMemo:
    """:func:`find_factual_errors` results per (article, text, franchise facts, KB studios).

    Article ids are content hashes and the key holds digests of everything the scan reads, so
    a remembered answer is the answer: a report rebuilt after an ingest scans only the new
    articles, and a KB import that changes a franchise's facts changes its key.
    """

    def __init__(self, size: int = SCAN_MEMO_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, int, str, int], tuple[Flag, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def errors(
        self, text: str, doc_id: str, franchise: Franchise, known_studios: tuple[str, ...]
    ) -> list[Flag]:
        """The article's factual errors, scanned once per key."""
        key = (doc_id, hash(text), franchise_digest(franchise), hash(known_studios))
        with self._lock:
            found = self._items.get(key)
        if found is None:
            found = tuple(find_factual_errors(text, doc_id, franchise, known_studios=known_studios))
            with self._lock:
                self._items[key] = found
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return list(found)

    def __len__(self) -> int:
        """How many scans are remembered."""
        return len(self._items)

    def clear(self) -> None:
        """Forget every scan (benchmarks time a cold scan this way)."""
        with self._lock:
            self._items.clear()


SCAN_MEMO = ScanMemo()
_DIGESTS: dict[int, tuple[Franchise, str]] = {}


def franchise_digest(franchise: Franchise) -> str:
    """A digest of the franchise's facts (its full repr), computed once per franchise object."""
    hit = _DIGESTS.get(id(franchise))
    if hit is None or hit[0] is not franchise:
        if len(_DIGESTS) >= SCAN_MEMO_SIZE:
            _DIGESTS.clear()
        digest = hashlib.blake2b(repr(franchise).encode(), digest_size=16).hexdigest()
        hit = _DIGESTS[id(franchise)] = (franchise, digest)
    return hit[1]


def candidate_sentences(text: str, hints: re.Pattern[str]) -> Iterator[str]:
    """The sentences of ``text`` in which ``hints`` matches, found in one pass over the text."""
    spans = [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text)]
    starts = [a for a, _ in spans]
    wanted = sorted({bisect_right(starts, m.start()) - 1 for m in hints.finditer(text)})
    for i in wanted:
        if i >= 0:
            sentence = text[spans[i][0] : spans[i][1]].strip()
            if len(sentence) > 3:
                yield sentence


@lru_cache(maxsize=1024)
def _hint_regex(names: tuple[str, ...], cues: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for the character names (case-sensitive) and cue words (any case) of a text."""
    parts = []
    if names:
        parts.append(
            r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"
        )
    if cues:
        parts.append(r"(?i:\b(?:" + "|".join(re.escape(c) for c in cues) + "))")
    return re.compile("|".join(parts))


def split_sentences(text: str) -> Iterator[str]:
    """Sentences and headline-like lines of ``text``, stripped."""
    for m in _SENTENCE_RE.finditer(text):
        s = m.group(0).strip()
        if len(s) > 3:
            yield s


def _sentence_errors(
    sentence: str, franchise: Franchise, cast: _Cast, studios: dict[str, str]
) -> Iterator[str]:
    # Cheap hints first: each rule's regexes run only on sentences that could match them.
    if cast.pattern is not None and cast.pattern.search(sentence):
        yield from _gender_errors(sentence, cast)
    yield from _role_errors(sentence, franchise, cast)
    if _PROTAGONIST_HINT.search(sentence):
        yield from _unknown_protagonists(sentence, franchise, cast)
    if studios and _STUDIO_HINT.search(sentence):
        yield from _studio_errors(sentence, franchise, cast, studios)
    if _YEAR_HINT.search(sentence):
        yield from _year_errors(sentence, franchise, cast)


_PROTAGONIST_HINT = re.compile(
    r"story|tale|life|journey|adventure|protagonist|main\s+character|lead|heroine", re.IGNORECASE
)
# The shapes _STUDIO_CUE_RE can match, cheaply: "animated ... by", "studio X", "X's adaptation".
_STUDIO_HINT = re.compile(
    r"\b(?:animated|produced|animation|adapted)\b[^.]{0,30}?\bby\b|\bstudio\s|['’]s\s+(?:anime\s+)?adapt",
    re.IGNORECASE,
)
_YEAR_HINT = re.compile(r"season[^.]*\d{4}", re.IGNORECASE)


# -- characters -------------------------------------------------------------------------------------


def _cast(franchise: Franchise) -> _Cast:
    """The franchise's :class:`_Cast`, built once per franchise object.

    Keyed by identity, not by ``lru_cache``'s hash: hashing a frozen franchise walks every
    season and title, ~0.2 ms for a 44-season franchise, paid once per article scanned.
    """
    hit = _CASTS.get(id(franchise))
    if hit is None or hit[0] is not franchise:
        if len(_CASTS) >= CAST_CACHE_SIZE:
            _CASTS.pop(next(iter(_CASTS)))
        hit = _CASTS[id(franchise)] = (franchise, _build_cast(franchise))
    return hit[1]


# Casts kept (oldest dropped first): a report scans one franchise, a site-records pass a few hundred.
CAST_CACHE_SIZE = 1024
_CASTS: dict[int, tuple[Franchise, _Cast]] = {}


def _build_cast(franchise: Franchise) -> _Cast:
    """Name forms of the franchise's characters: full names, aliases and unique name tokens."""
    forms: dict[str, Character] = {}
    token_owner: dict[str, set[str]] = {}
    for ch in franchise.characters:
        for form in (ch.name, *ch.aliases):
            forms.setdefault(form, ch)
            for tok in form.split():
                token_owner.setdefault(tok, set()).add(ch.name)
    for tok, owners in token_owner.items():
        if len(owners) == 1 and len(tok) >= MIN_TOKEN_LEN and tok[:1].isupper():
            forms.setdefault(tok, next(c for c in franchise.characters if c.name in owners))
    names = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None
    titles = frozenset(_title_key(t) for t in (franchise.name, *franchise.titles))
    tokens = frozenset(t.casefold() for t in token_owner)
    roles = _role_matchers(franchise)
    heads = tuple(dict.fromkeys(head for _, _, head, _ in roles))
    own = frozenset(franchise.studios) | {s for e in franchise.seasons for s in e.studios}
    return _Cast(forms, pattern, tokens, titles, roles, heads, own)


def _gender_of(noun: str) -> str | None:
    w = noun.casefold()
    if w in FEMALE_NOUNS:
        return "female"
    if w in MALE_NOUNS:
        return "male"
    return None


def _gender_errors(sentence: str, cast: _Cast) -> Iterator[str]:
    assert cast.pattern is not None
    mentions = list(cast.pattern.finditer(sentence))
    people = {cast.by_form[m.group(1)].name for m in mentions}
    for m in mentions:
        ch = cast.by_form[m.group(1)]
        if ch.gender not in ("male", "female"):
            continue
        # The pronoun rule needs the name to be the only person in the sentence: no other
        # character and no person noun ("the admirer ... his own life").
        # A pronoun before the name points at someone named earlier ("Her skills catch X's eye").
        alone = (
            len(people) == 1
            and PERSON_NOUNS.isdisjoint(_words(sentence))
            and not _PRONOUN_RE.search(sentence, 0, m.start())
        )
        for said, how in _described_genders(sentence, m, alone):
            if said != ch.gender:
                yield _gender_detail(m.group(1), ch, how)


def _described_genders(sentence: str, m: re.Match[str], alone: bool) -> Iterator[tuple[str, str]]:
    """(gender, wording) that the sentence attributes to the name matched by ``m``."""
    # The words right before a name are enough for "her brother X"; 40 characters keep it cheap.
    after, before = sentence[m.end() :], sentence[max(0, m.start() - 40) : m.start()]
    if not re.match(r"['’]s\b", after) and (app := _APPOSITIVE_RE.match(after)):
        noun = _first_gendered(app.group(1).split())
        if noun:
            yield _gender_of(noun) or "", f'"{noun}"'
    pre = _BEFORE_RE.search(before)
    if pre and (g := _gender_of(pre.group(1))):
        yield g, f'"{pre.group(1)}"'
    if alone and (g := _pronoun_gender(after)):
        yield g, "the pronouns"


def _words(sentence: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", sentence)}


def _first_gendered(words: list[str]) -> str | None:
    """The first gendered noun among ``words``, stopping at a relative pronoun or preposition."""
    for w in words:
        if w.casefold() in _STOP_WORDS:
            return None
        if _gender_of(w):
            return w
    return None


def _pronoun_gender(after: str) -> str | None:
    """The gender of the pronouns after a name, when they can only refer to it; else None."""
    first = _PRONOUN_RE.search(after)
    if first is None or _CAPWORD_RE.search(after[: first.start()]):
        return None  # another name-like word stands between the name and the pronoun
    found = {p.casefold() for p in _PRONOUN_RE.findall(after)}
    if found <= FEMALE_PRONOUNS:
        return "female"
    if found <= MALE_PRONOUNS:
        return "male"
    return None


def _gender_detail(form: str, ch: Character, how: str) -> str:
    who = form if form == ch.name else f"{form} ({ch.name})"
    wrong = "female" if ch.gender == "male" else "male"
    return f"{who} is {ch.gender}, not {wrong} as the article says ({how})"


def _unknown_protagonists(sentence: str, franchise: Franchise, cast: _Cast) -> Iterator[str]:
    if len(franchise.characters) < MIN_KNOWN_CHARACTERS:
        return
    for rx in _PROTAGONIST_RES:
        for m in rx.finditer(sentence):
            name = _trim_name(m.group(1))
            if name and not _is_known_or_title(name, cast):
                known = ", ".join(c.name for c in franchise.characters[:4])
                yield f'"{name}" is not a character of {franchise.name} (its characters include {known})'


def _trim_name(raw: str) -> str | None:
    """A person-like name from a capitalised phrase, or None ("The Story", "Season 2")."""
    words = re.sub(r"['’]s?$", "", raw.strip()).split()
    while words and words[-1].casefold() in NOT_NAME_WORDS:
        words.pop()
    if not words or words[0].casefold() in NOT_NAME_WORDS:
        return None
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return None
    return " ".join(words)


def _is_known_or_title(name: str, cast: _Cast) -> bool:
    if any(tok.casefold() in cast.tokens for tok in name.split()):
        return True
    key = _title_key(name)
    return any(key and (key in t or t in key) for t in cast.titles)


def _title_key(title: str) -> str:
    return re.sub(r"[^\w]+", "", title.casefold())


def _role_errors(sentence: str, franchise: Franchise, cast: _Cast) -> Iterator[str]:
    low = sentence.casefold()
    for role, holder, head, matchers in cast.roles:
        if head not in low:
            continue
        for name in _names_given_role(sentence, matchers):
            if not any(tok.casefold() in _tokens(holder) for tok in name.split()):
                yield f'{role} is {holder.name}, not "{name}"'


def _role_matchers(
    franchise: Franchise,
) -> tuple[tuple[str, Character, str, tuple[re.Pattern[str], ...]], ...]:
    """(role as written, holder, key word, compiled patterns) for each unique role."""
    out = []
    for key, (written, holder) in _unique_roles(franchise).items():
        head = re.sub(r"['’]s?$", "", key.split()[-1])  # "mother of the twins" -> "twins"
        patterns = []
        for phrase in _role_phrases(key):
            rp = re.escape(phrase).replace(r"\ ", r"\s+")
            patterns.append(re.compile(rf"\b{rp}\s*,?\s+({_NAME})", re.IGNORECASE))
            patterns.append(
                re.compile(
                    rf"({_NAME})\s*(?:,\s*|\s+is\s+|\s+was\s+)(?:the\s+)?{rp}\b", re.IGNORECASE
                )
            )
        shown = written if re.match(r"(?i)the\b|\w+['’]s\b", written) else f"the {written}"
        out.append((shown, holder, head, tuple(patterns)))
    return tuple(out)


def _unique_roles(franchise: Franchise) -> dict[str, tuple[str, Character]]:
    """Role phrases of two or more words held by exactly one character ("mother of the twins").

    Keyed by the lower-cased phrase; the value keeps the phrase as written, for messages.
    """
    holders: dict[str, list[tuple[str, Character]]] = {}
    for ch in franchise.characters:
        for part in re.split(r"[;,]", ch.role or ""):
            phrase = _role_core(part.strip())
            if len(phrase.split()) >= 2 and "protagonist" not in phrase and "main" not in phrase:
                holders.setdefault(phrase.casefold(), []).append((phrase, ch))
    return {key: found[0] for key, found in holders.items() if len(found) == 1}


def _role_core(part: str) -> str:
    """A role part without trailing names: "mother of the twins Aqua and Ruby" -> "mother of the twins".

    A part cut short anywhere else ("centre of B-Komachi" -> "centre of") is no usable role: "".
    """
    words = part.split()
    for i, w in enumerate(words[1:], 1):
        if w[:1].isupper() and not re.search(r"['’]s$", words[0]):
            core = " ".join(words[:i])
            return core if re.fullmatch(r"\w+ of the \w+", core) else ""
    return part


def _tokens(ch: Character) -> set[str]:
    return {t.casefold() for form in (ch.name, *ch.aliases) for t in form.split()}


def _names_given_role(sentence: str, matchers: tuple[re.Pattern[str], ...]) -> Iterator[str]:
    """Names the sentence gives a role: "ROLE, X", "X, the ROLE", "X is the ROLE"."""
    for rx in matchers:
        for m in rx.finditer(sentence):
            if (name := _trim_name(m.group(1))) is not None:
                yield name


def _role_phrases(role: str) -> tuple[str, ...]:
    """ "mother of the twins" -> also "the twins' mother" and "twins' mother"."""
    m = re.match(r"^(\w+(?:\s\w+)?)\s+of\s+the\s+(.+)$", role)
    if not m:
        return (role,)
    head, owner = m.groups()
    poss = f"{owner}'" if owner.endswith("s") else f"{owner}'s"
    return (role, f"{poss} {head}", f"{poss.replace(chr(39), '’')} {head}")


# -- studios and years ------------------------------------------------------------------------------


def _studio_errors(
    sentence: str, franchise: Franchise, cast: _Cast, known: dict[str, str]
) -> Iterator[str]:
    own = cast.own_studios
    if not own or not known or _STUDIO_CONTEXT_RE.search(sentence):
        return
    low = sentence.casefold()
    if any(o.casefold() in low for o in own):
        return  # the right studio is named too: the other one is background
    for m in _STUDIO_CUE_RE.finditer(sentence):
        studio = _named_studio(next(g for g in m.groups() if g), known)
        if studio and not any(same_studio(studio, o) for o in own):
            yield f"{franchise.name} is animated by {', '.join(sorted(own))}, not {studio}"


def _named_studio(said: str, known: dict[str, str]) -> str | None:
    """The known studio a capitalised phrase starts with ("MAPPA, the" -> "MAPPA"), if any."""
    words = said.split()
    for n in range(min(len(words), 4), 0, -1):
        if (hit := known.get(normalise_name(" ".join(words[:n])))) is not None:
            return hit
    return None


@lru_cache(maxsize=64)
def studio_index(names: tuple[str, ...]) -> dict[str, str]:
    """Normalised studio name -> the name, for :func:`_named_studio`."""
    return {normalise_name(n): n for n in names}


def _about_this_work(before: str, cast: _Cast) -> bool:
    """False when a title other than the franchise's stands right before "Season 1"."""
    words = re.findall(r"[\w:'’!-]+", before)[-4:]
    title: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        title.insert(0, w)
    if not title or title[-1].casefold() in NOT_NAME_WORDS:
        return True
    key = _title_key(" ".join(title))
    return any(key in t or t in key for t in cast.titles)


def _year_errors(sentence: str, franchise: Franchise, cast: _Cast) -> Iterator[str]:
    for m in _YEAR_CLAIM_RE.finditer(sentence):
        if not _about_this_work(sentence[: m.start()], cast):
            continue
        number = _ORDINALS.get((m.group(1) or "").casefold()) or int(m.group(2) or 0)
        entry = franchise.season(number)
        if entry is None or not entry.first_aired:
            continue
        month = _MONTHS.get((m.group(3) or "").casefold())
        said = f"{m.group(4)}-{month:02d}" if month else m.group(4)
        claimed, aired = date_span(said), date_span(entry.first_aired)
        if claimed and aired and not claimed.overlaps(aired):
            yield (
                f"season {number} of {franchise.name} first aired {entry.first_aired}, "
                f"not {describe_value(said)}"
            )

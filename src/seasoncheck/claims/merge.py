"""From sentence findings to an article's claims: sources settled, one claim per distinct value."""

from __future__ import annotations

from dataclasses import dataclass

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import (
    NONE,
    Source,
    absent_spans,
    has_official,
    in_name,
    in_spans,
    sentence_source,
)
from seasoncheck.claims.dates import find_dates, refines
from seasoncheck.claims.finders import Finding, is_event_year
from seasoncheck.claims.segment import Sentence

# How many following sentences may tell where an unsourced claim was announced:
# "X returns on Oct. 3. [...] The date was revealed by the official account."
LOOKAHEAD_SENTENCES = (
    3  # calibrated on dev.jsonl: 3 covers a date line, a detail line, the source line
)
_DATED_TYPES = ("release", "delay")
# A sentence that names an installment and calls a claim about it false ("the poster is fake"):
# a marker finding, not a claim; the rumoured renewal and dates of that installment become denied.
DENIAL_MARK = "_denied"
_DENIABLE = ("renewal", "release", "delay")
OFFICIAL = Source("confirmed", "official")
DENIED = Source("denied", "none")
# Words without which a sentence can name no source and state no absence: skips the full rules.
_SOURCE_CUE = P.SOURCE_CUE


@dataclass(frozen=True)
class Raw:
    """One finding of one sentence, attached to an installment key, with its source."""

    index: int  # sentence index
    finding: Finding
    key: int | None
    source: Source
    explicit: bool = False  # the sentence names the installment ("season 3", "the sequel")
    headline: bool = False  # the sentence is the article's headline

    def clarity(self, settled: Source) -> int:
        """How clearly this sentence carries its claim: named installment, a source, not a headline."""
        return 2 * self.explicit + (settled.attribution != "none") - 3 * self.headline


@dataclass(frozen=True)
class ArticleSources:
    """What the whole article says about its sources."""

    official: bool  # an official channel announced something
    leak_only: bool  # leakers or rumours are cited and no official channel is
    streaming_unconfirmed: bool  # "a streaming service hasn't been confirmed"
    own_voice: bool = False  # the rights holder's own release: "We are pleased to announce ..."


# A press release in the rights holder's own voice opens with its formula, outside quotes (a
# quoted "We are thrilled" is a person the news quotes): every unsourced claim is its word.
_OWN_VOICE = P.caseless(
    r"^\W{0,3}we are (?:very )?(?:pleased|happy|delighted|proud) to (?:announce|inform|share|report)\b"
)
OWN_VOICE_SENTENCES = 8  # the formula opens the release: the first sentences only are read


def article_sources(sentences: list[Sentence]) -> ArticleSources:
    """Scan every sentence once for official, leak and streaming-absence cues."""
    official = leak = stream_absent = False
    for s in sentences:
        text = s.text
        streams = not stream_absent and "stream" in text.lower()
        if official and not streams:
            continue  # (once an official channel is found, leaks no longer matter)
        if not _SOURCE_CUE.search(text) or text.rstrip().endswith("?"):
            continue  # a question ("Season 2 Officially Confirmed?") asserts no source
        if (
            not official
            and P.ANNOUNCE_VERB.search(text)
            and (has_official(text) or P.TRAILER_SELF.search(text))
        ):
            official = True
        if not leak and not official and P.LEAK.search(text):
            leak = any(
                not in_spans(m.start(), absent_spans(text)) and not in_name(text, m)
                for m in P.LEAK.finditer(text)
            )
        if streams:
            stream_absent = bool(absent_spans(text))
    own = any(
        _OWN_VOICE.search(s.text) and not s.text.lstrip().startswith(('"', "“"))
        for s in sentences[:OWN_VOICE_SENTENCES]
    )
    return ArticleSources(official or own, leak and not official, stream_absent, own)


# A sentence whose subject is the official announcement told before: "The announcement also
# brought a change of studio", "The notice added that ...".
_ANNOUNCEMENT_SUBJECT = P.caseless(
    r"^\W*(?:the|that|this) (?:same )?(?:announcement|notice|statement|press release|reveal)\s+"
    r"(?:\w+\s+)?(?:also\s+)?(?:brought|revealed|confirmed|included|added|named|noted|said|came with|listed)\b"
)


def settle_source(raw: Raw, sentences: list[Sentence], art: ArticleSources) -> Source:
    """The source of one finding once the article's context is taken into account."""
    src = raw.source
    ftype = raw.finding.type
    if src != NONE:
        return src
    if art.leak_only:
        return Source("reported", "leak")
    same = _SAME_SOURCE.search(sentences[raw.index].text)
    if same is not None:
        earlier = _earlier_source(raw.index, sentences)
        if earlier is not None:
            return earlier
    if ftype == "streaming" and art.streaming_unconfirmed:
        return Source("speculated", "none")
    if art.own_voice:
        return OFFICIAL
    if ftype == "renewal" and art.official:
        return Source("confirmed", "official")
    text = sentences[raw.index].text
    if ftype == "trailer":
        linked = (art.official and P.TRAILER_LINK.search(text)) or P.TRAILER_RELEASER.search(text)
        return Source("confirmed", "official") if linked else NONE
    if P.TRAILER_SELF.search(text):
        return Source("confirmed", "official")
    if art.official and _ANNOUNCEMENT_SUBJECT.match(text):
        return Source(
            "confirmed", "official"
        )  # "The announcement also revealed ...": the same source
    if ftype in ("release", "delay", "streaming") and _official_follows(raw, sentences):
        return Source("confirmed", "official")
    return NONE


# A source named again: "According to the same post, ...", "the same account added that ...".
_SAME_SOURCE = P.caseless(
    r"\bthe same (?:post|tweet|account|user|report|source|leaker|thread|message)\b"
)
SAME_SOURCE_LOOKBACK = 3  # sentences searched back for the source named "the same"


def _earlier_source(index: int, sentences: list[Sentence]) -> Source | None:
    """The source of the nearest earlier sentence that names one (within the look-back)."""
    for s in reversed(sentences[max(0, index - SAME_SOURCE_LOOKBACK) : index]):
        src = sentence_source(s.text)
        if src != NONE:
            return src
    return None


def _official_follows(raw: Raw, sentences: list[Sentence]) -> bool:
    """True when one of the next sentences tells that an official channel announced this."""
    for s in sentences[raw.index + 1 : raw.index + 1 + LOOKAHEAD_SENTENCES]:
        src = sentence_source(s.text)
        if src == NONE:
            continue
        if src.attribution != "official" or not (
            P.ANNOUNCE_BACKREF.search(s.text) or P.ANNOUNCE_VERB.search(s.text)
        ):
            return False
        if s.text.lstrip()[:1] in '"“':
            return False  # a quoted remark is a statement of its own, not this claim's source
        # a source line that gives a different date of its own is about that date, not this one
        values = {d.value for d in find_dates(s.text, None) if not is_event_year(s.text, d)}
        return not values or raw.finding.value in values or raw.finding.type == "streaming"
    return False


@dataclass(frozen=True)
class Merged:
    """One claim of the article before it becomes a models.Claim."""

    key: int | None
    type: str
    value: str | None
    source: Source
    index: int  # sentence index of the evidence
    date_given: bool


def merge(raws: list[Raw], sentences: list[Sentence], art: ArticleSources) -> list[Merged]:
    """One claim per (installment, type, value), first sentence as evidence, then the cleanup rules."""
    denied = {r.key for r in raws if r.finding.type == DENIAL_MARK}
    groups: dict[tuple[int | None, str, str | None], list[Raw]] = {}
    for raw in raws:
        if raw.finding.type != DENIAL_MARK:
            groups.setdefault((raw.key, raw.finding.type, raw.finding.value), []).append(raw)
    claims = []
    unnamed_renewal: Merged | None = None  # a renewal no sentence names an installment for
    for (key, ftype, value), group in groups.items():
        if value is None and ftype in _DATED_TYPES and all(r.headline for r in group):
            continue  # a headline promising a date the body never gives is a flag, not a claim
        settled = [
            (r.clarity(src), -r.index, src, r)
            for r in group
            for src in [settle_source(r, sentences, art)]
        ]
        _, _, source, best = max(settled, key=lambda t: (t[0], t[1]))
        given = any(r.finding.date_given for r in group)
        if key in denied and ftype in _DENIABLE and best.source != OFFICIAL:
            # the article debunks the rumour it passes on; a denial keeps its own source
            source = source if source.status == "denied" else DENIED
        claims.append(Merged(key, ftype, value, source, best.index, given))
        if ftype == "renewal" and key is None:
            unnamed_renewal = claims[-1]
    claims = _drop_unnamed_beside_denied(claims, unnamed_renewal, sentences)
    claims = _drop_unvalued(claims)
    claims = _drop_less_precise(claims)
    claims = _drop_replaced_releases(claims, sentences)
    original = original_works(claims, sentences)
    if _only_denied_seasons(claims):
        original = original | {None}  # the dates and studio are of the work itself, no sequel
    if _recut_film(claims, sentences):
        claims = [c for c in claims if not (c.type == "renewal" and c.key is None)]
        original = original | {None}
    claims = add_implied_renewals(claims, original)
    return _drop_unsupported_trailers(claims, original)


def _drop_unnamed_beside_denied(
    claims: list[Merged], unnamed: Merged | None, sentences: list[Sentence]
) -> list[Merged]:
    """Without a renewal of a named season, an unnamed one ("the series was first announced in
    2019", "it seems set to stay a single season") is about the only season the article names:
    when that season is denied, the unnamed renewal goes (not a film or project it names)."""
    if unnamed is None or P.UNNUMBERED_REF.search(sentences[unnamed.index].text):
        return claims
    return [c for c in claims if c is not unnamed] if _only_denied_seasons(claims) else claims


# A film made of footage already out: "recuts its trilogy into one film", "a new edit of the three
# films", "a compilation film". Its dates are a release, not news of a new installment.
_RECUT = P.caseless(
    r"\bre-?cut(?:s|ting)?\b|\bre-?edit(?:s|ed|ing)?\b|\bnew edit of\b|\bcompilation (?:film|movie)\b|"
    r"\brecap (?:film|movie)\b|\bcondensed into\b"
)
RECUT_SENTENCES = 12  # the article says what the film is near its opening


def _recut_film(claims: list[Merged], sentences: list[Sentence]) -> bool:
    """True when the article's unnamed installment is a film cut from earlier footage: a sentence
    near the opening calls it so, and no sentence announces a new film or anime."""
    if not any(c.key is None and c.type == "renewal" for c in claims):
        return False
    head = sentences[:RECUT_SENTENCES]
    return any(P.FILM_WORD.search(s.text) and _RECUT.search(s.text) for s in head) and not any(
        P.UNNUMBERED_REF.search(s.text) for s in sentences
    )


def _only_denied_seasons(claims: list[Merged]) -> bool:
    """True when the article names numbered seasons only to deny them ("There will not be a
    second season"): its work is the one already made, no new installment."""
    numbered = [c for c in claims if c.type == "renewal" and c.key is not None]
    return bool(numbered) and all(c.source.status == "denied" for c in numbered)


# A premiere date told as past news: "a January 2027 premiere was revealed in August", "Season 3
# was announced in 2025 together with a July 2026 window". In an article about a delay, it is the
# schedule the delay replaced.
_TOLD_AS_PAST = P.caseless(
    r"\b(?:was|were|had been)\s+(?:first\s+|originally\s+|initially\s+|also\s+)?"
    r"(?:revealed|announced|given|confirmed|unveiled|set|dated|scheduled|slated)\b"
)
_NEW_SCHEDULE = P.caseless(r"\bnew (?:date|premiere|window|schedule|slot)\b|\bnow\b|\binstead\b")


def _drop_replaced_releases(claims: list[Merged], sentences: list[Sentence]) -> list[Merged]:
    """A release date of a delayed installment, told as past news and not the delay's new date,
    is the date the delay replaced."""
    moved: dict[int | None, set[str | None]] = {}
    for c in claims:
        if c.type == "delay":
            moved.setdefault(c.key, set()).add(c.value)
    if not moved:
        return claims
    out = []
    for c in claims:
        if c.type == "release" and c.key in moved and c.value:
            text = sentences[c.index].text
            new = any(
                v and (v == c.value or refines(v, c.value) or refines(c.value, v))
                for v in moved[c.key]
            )
            if (
                not new
                and _TOLD_AS_PAST.search(text)
                and not P.DELAY.search(text)
                and not _NEW_SCHEDULE.search(text)
            ):
                continue
        out.append(c)
    return out


def _drop_unvalued(claims: list[Merged]) -> list[Merged]:
    """A null release/delay goes when the article gives a value for the same installment."""
    valued = {(c.key, c.type) for c in claims if c.value is not None}
    return [
        c
        for c in claims
        if c.value is not None or c.type not in _DATED_TYPES or (c.key, c.type) not in valued
    ]


def _drop_less_precise(claims: list[Merged]) -> list[Merged]:
    """'January' beside 'Jan. 9, 2023' from the same source: keep the most specific value (and the
    full name of a studio beside its short form)."""
    out = []
    for c in claims:
        if (
            c.type in _DATED_TYPES
            and c.value
            and any(
                o.key == c.key
                and o.type == c.type
                and o.value
                and o.source.status == c.source.status
                and c.source.attribution in (o.source.attribution, "none")
                and refines(o.value, c.value)
                for o in claims
            )
        ):
            continue
        if c.type in ("studio", "streaming") and c.value and any(_short_name(c, o) for o in claims):
            continue  # "Toei" in a headline beside "Toei Animation" in the body: one studio (and
            # "Ani-One" beside "Ani-One Asia": one service)
        out.append(c)
    return out


def _short_name(c: Merged, o: Merged) -> bool:
    """True when studio (service) claim ``c`` names by its first words the one ``o`` names in full."""
    return bool(
        o.type == c.type and o.key == c.key and o.value and o.value.startswith(f"{c.value} ")
    )


# A work introduced as new and original is no continuation: "Hosoda's new original film, X, opens
# on ...". ("the original film" is the first one of a series: a sequel's article says that.)
_ORIGINAL_WORK = P.caseless(
    r"\b(?:new|an|upcoming|brand-new) original (?:[\w-]+ )?(?:film|movie|anime|series|work|story)\b"
)


def original_works(claims: list[Merged], sentences: list[Sentence]) -> set[int | None]:
    """Installments a release, trailer or studio sentence calls new and original works."""
    return {
        c.key
        for c in claims
        if c.type in ("release", "delay", "trailer", "studio")
        and _ORIGINAL_WORK.search(sentences[c.index].text)
    }


def add_implied_renewals(
    claims: list[Merged], original: set[int | None] | None = None
) -> list[Merged]:
    """A premiere date, trailer or studio for a new installment implies that it exists. An
    unsourced renewal takes the official source of a claim that implies it ("the official channel
    dropped a trailer for Season 2" is the official word that Season 2 exists). The ``original``
    installments (see ``original_works``) are no continuation: no renewal is implied."""
    have = {c.key for c in claims if c.type == "renewal"}
    original = original or set()
    official: dict = {}
    for c in claims:
        if c.type in ("release", "delay", "trailer", "studio") and c.source == OFFICIAL:
            official.setdefault(c.key, c)
    claims = [
        Merged(c.key, c.type, c.value, OFFICIAL, official[c.key].index, c.date_given)
        if c.type == "renewal" and c.source == NONE and c.key in official
        else c
        for c in claims
    ]
    out = list(claims)
    for c in claims:
        if c.type in ("release", "delay", "trailer", "studio") and c.key not in have:
            have.add(c.key)
            if c.key in original:
                continue
            out.append(Merged(c.key, "renewal", None, c.source, c.index, False))
    return out


def _drop_unsupported_trailers(claims: list[Merged], original: set[int | None]) -> list[Merged]:
    """A trailer belongs to an installment that exists: not to one only guessed at or denied.
    A trailer itself called fake stays, denied: the article rules on it. A new original work
    has no renewal, and its trailer stays."""
    solid = original | {
        c.key
        for c in claims
        if c.type == "renewal" and c.source.status in ("confirmed", "reported")
    }
    return [
        c for c in claims if c.type != "trailer" or c.key in solid or c.source.status == "denied"
    ]

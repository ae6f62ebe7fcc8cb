"""The studio and streaming finders: which studio animates, and where the new installment streams."""

from __future__ import annotations

import re

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import blank_asides, clauses, in_spans
from seasoncheck.claims.sent import Finding, Sent

_OPEN_STUDIO = re.compile(
    r"\b(?i:animated by|animated at|animation by|animation production by|produced by|in production at|handled by|"
    r"animation (?:is|will be) done (?:by|at)|credits (?:the )?animation (?:production )?to)\s+"
    r"(?:the\s+)?(?:animation\s+)?(?:(?i:studio)\s+)?"
    r"(?P<name>(?:Studio\s+)?[A-Z][\w.&'’+-]*(?:\s+(?:[A-Z0-9][\w.&'’+-]*))" + "{0,3})"
)
# Ties that name the animator by themselves ("Season 2 ... with animation by X").
_STRONG_TIE = P.caseless(
    r"\b(?:animated by|animated at|animation by|animation production by|produced by|(?:in|entered) production at|handl(?:e|es|ing) (?:the )?animation|"
    r"taking over (?:the )?animation)\b"
)
# A tie right before the name: "has entered production at X, the studio behind the first season"
# (the appositive after it names X's past work; the tie before names this one).
_TIED_RIGHT_BEFORE = P.caseless(
    r"\b(?:animated|produced|handled|made) (?:by|at)\s+(?:studio\s+)?$|"
    r"\b(?:animation(?: production)? by|(?:in|entered|entering|enters) production at)\s+(?:studio\s+)?$"
)
_STUDIO_WILL = P.caseless(
    r"\bwill (?:once again |also )?(?:co-)?(?:animate|produce|handle)\b|\b(?:is|are) (?:animating|producing)\b|"
    r"\b(?:will|would|to|expected to|likely to)\s+(?:\w+\s+){0,2}?return\b|\breturn(?:s|ing)? to animate\b"
)
# The agent of a passive is not the subject of the verb after it.
# ("the cast of the 2019 anime by X returns": X made that anime; the cast returns)
_AGENT_BEFORE = P.caseless(
    r"\b(?:made|created|animated|produced|anime|series|adaptation|film|movie|show|version)\s+by\s+"
    r"(?:the\s+)?(?:studio\s+)?$"
)
# "... made by X, who will maintain ...": a relative pronoun makes X the verb's subject again.
_RELATIVE = P.caseless(r"\s*,?\s*(?:who|which|that)\b")
# A listed name that ends a longer capitalised name is a word of that name ("World Trigger" is a
# title, not the studio Trigger); studio words and sentence openers before it are no such name.
_NAME_TAIL = re.compile(
    r"(?<![\w'’.-])(?!(?:Studio|Studios|Animation|The|And|By|At|With|From|Of|In|As|For|Also|Now|Then|"
    r"Meanwhile|However|But|So|Again|Plus|Both|Veteran|Returning|Producer|Production)\s)[A-Z][\w'’.-]*\s+$"
)
# A company word right after a listed studio name belongs to the name: "Pierrot Films", "Signal Pictures".
_STUDIO_SUFFIX = re.compile(
    r"\s+(?:Films?|Pictures|Productions?|Entertainment|Works|Animation Studio)\b"
)
# A studio the lists do not know, named as the subject of animating the new installment:
# "Signal.MD returns to animate the sixth season", "Studio Kafka will once again handle the animation".
# Two studios may share the verb: "Studio A and Studio B will once again share the animation".
_OPEN_NAME = (
    r"(?:Studio\s+)?(?!(?:The|It|This|That|Season|Part|Fans|Production|Animation)\b)"
    r"[A-Z][\w.&'’+-]*(?:\s+[A-Z0-9][\w.&'’+-]*){0,2}"
)
_ANIMATE_VERB = (
    r"(?:(?:returns|is returning|will return|is back|comes back) to animate\b|"
    r"(?:remains|stays|continues|is back|returns) (?:on board )?as the (?:animation |production )?studio\b|"
    r"(?:is|are) taking over (?:the )?animation\b|"
    r"will (?:once again |again |also )?(?:animate|handle the animation|"
    r"produce the (?:animation|anime|series|season|sequel|film|movie)|(?:share|split) the animation)\b|is (?:once again |again |also )?(?:animating|producing)\b)"
)
# An aside may stand between the studio and its verb: "X, which animated both seasons, is producing".
_OPEN_STUDIO_SUBJECT = re.compile(
    rf"(?:^|[,;:]\s+|\band\s+|\bthat\s+)(?P<name>{_OPEN_NAME})(?:\s*,[^,;]{{1,80}},)?(?:\s*,)?\s+"
    rf"(?=(?:and\s+{_OPEN_NAME}\s+)?{_ANIMATE_VERB})"
)
# The second of two studios after "animated by": "co-produced by Studio A and Studio B".
_SECOND_STUDIO = re.compile(rf"\s+(?:and|&)\s+(?P<name>{_OPEN_NAME})")
# Earlier seasons named as a group: "the first two seasons", "all three previous seasons".
_EARLIER_SEASONS = P.caseless(
    r"\b(?:first|previous|earlier|past|prior|older|existing|aired) (?:\w+ )?(?:seasons|parts)\b|\ball (?:\w+ )?(?:seasons|parts)\b|"
    r"\b(?:first|previous|earlier|last) (?:season|part)\b"
)


def find_studio(s: Sent) -> list[Finding]:
    """Which studio animates the new installment."""
    if s.question or s.past or s.studio_rx is None:
        return []
    label = _STAFF_LABEL.match(s.text)
    if label is not None:
        return _labelled_studios(s, label)
    named = _named_as_studio(s)
    if named:
        return named
    if not P.STUDIO_TIE.search(s.text) or not (
        P.STUDIO_NEW.search(s.text) or (s.explicit and _STRONG_TIE.search(s.text))
    ):
        return _continuing_studios(s) or _expected_studio(s)
    out: list[Finding] = []
    main = blank_asides(s.text)
    for m in s.studio_rx.finditer(s.text):
        if in_spans(m.start(), s.absent) or _in_untied_aside(s.text, main, m.start()):
            continue
        rest, before = s.text[m.end() :], s.text[: m.start()]
        if P.STUDIO_NOT_TIED_BEFORE.search(before) or _NAME_TAIL.search(before[-40:]):
            continue
        # "X, which produced both seasons, will animate the movie" is tied despite the clause
        if (
            P.STUDIO_NOT_TIED_AFTER.match(rest)
            and not _STUDIO_WILL.search(rest)
            and not _TIED_RIGHT_BEFORE.search(before)
        ):
            continue
        suffix = _STUDIO_SUFFIX.match(rest)
        name = _clean_studio(m.group() + (suffix.group() if suffix else ""))
        if all(f.value != name for f in out):
            out.append(Finding("studio", name))
    if not out:  # a studio the name lists do not know: the capitalised name after "animated by"
        for rx, text in ((_OPEN_STUDIO, s.text), (_OPEN_STUDIO_SUBJECT, main)):
            for m in rx.finditer(text):
                second = _SECOND_STUDIO.match(text, m.end()) if rx is _OPEN_STUDIO else None
                for name_m in (m, second) if second else (m,):
                    name = _clean_studio(_without_final_stop(text, name_m))
                    if not in_spans(m.start("name"), s.absent) and all(
                        f.value != name for f in out
                    ):
                        out.append(Finding("studio", name))
    return out or _continuing_studios(s) or _expected_studio(s)


# The writer's guess at the studio: "we expect X to handle it again", "I'd bet on X to return".
_EXPECTED_STUDIO = P.caseless(
    r"\b(?:expect(?:s|ed|ing)?|predict(?:s|ed)?|imagine|assume|bet on|guess)\s+$"
)
_GUESS_WORD = P.caseless(r"\b(?:expect|predict|imagine|assume|bet on|guess)")
_TO_ANIMATE = P.caseless(
    r"\s+to\s+(?:once again\s+|again\s+|also\s+)?(?:handle|animate|produce|return|be back|helm|stay|remain|come back|"
    r"take (?:it )?on)\b"
)


def _expected_studio(s: Sent) -> list[Finding]:
    """A listed studio guessed at as the animator: "we expect X to handle it again"."""
    assert s.studio_rx is not None
    if " to " not in s.text or not _GUESS_WORD.search(s.text):
        return []  # (two cheap tests before the name search: most sentences guess at nothing)
    for m in s.studio_rx.finditer(s.text):
        before = s.text[max(0, m.start() - 20) : m.start()]
        if (
            _EXPECTED_STUDIO.search(before)
            and _TO_ANIMATE.match(s.text, m.end())
            and not in_spans(m.start(), s.absent)
            and not P.NEGATED.search(before)
        ):
            return [Finding("studio", _clean_studio(m.group()))]
    return []


# A source naming the studio: "the staff card lists X as the studio", "the portal names X, the
# studio of the first series, as the animation studio" (an aside may stand between).
_NAMED_AS = re.compile(
    r"\b(?:names|named|lists|listed|credits|credited)\s+(?P<who>[^,;]{1,60}?)(?:\s*,[^,;]{1,80},)?\s+"
    r"as\s+(?:the|its)\s+(?:(?:new|main|lead)\s+)?(?:animation\s+|production\s+)?studio\b"
)


def _named_as_studio(s: Sent) -> list[Finding]:
    """The studio a source names "as the studio" (a listed name, else one capitalised name)."""
    assert s.studio_rx is not None
    if " as " not in s.text:
        return []
    m = _NAMED_AS.search(s.text)
    if m is None or in_spans(m.start(), s.absent) or P.NEGATED.search(s.text, 0, m.start()):
        return []
    listed = s.studio_rx.search(s.text, m.start("who"), m.end("who"))
    if listed is not None:
        suffix = _STUDIO_SUFFIX.match(s.text, listed.end())
        return [
            Finding("studio", _clean_studio(listed.group() + (suffix.group() if suffix else "")))
        ]
    if _OPEN_LABEL_NAME.match(m.group("who")):
        return [Finding("studio", _clean_studio(m.group("who")))]
    return []


# A staff-list line: "Animation Production: X", "Studio: X" (a label and the studio it names).
_STAFF_LABEL = re.compile(
    r"^[\s\-•*]*(?:(?i:animation)\s+(?:(?i:production)|(?i:studio))|(?i:studio)|(?i:animation))\s*:\s*(?P<names>\S.*)$"
)
_OPEN_LABEL_NAME = re.compile(r"^(?:Studio\s+)?[A-Z][\w.&'’+-]*(?:\s+[A-Z0-9][\w.&'’+-]*){0,3}\.?$")
_NOT_A_NAME = re.compile(r"^(?:TBA|TBD|TBC|N/?A|Unknown|Not announced|None)\b", re.I)


def _labelled_studios(s: Sent, label: re.Match[str]) -> list[Finding]:
    """The studios a staff-list line names: the listed names, else one capitalised name."""
    assert s.studio_rx is not None
    names = label.group("names").strip()
    if _NOT_A_NAME.match(names):
        return []
    out: list[Finding] = []
    for m in s.studio_rx.finditer(s.text, label.start("names")):
        suffix = _STUDIO_SUFFIX.match(s.text, m.end())
        name = _clean_studio(m.group() + (suffix.group() if suffix else ""))
        if all(f.value != name for f in out):
            out.append(Finding("studio", name))
    if not out and _OPEN_LABEL_NAME.match(names):
        bare = names[:-1] if names.endswith(".") and names.count(".") == 1 else names
        out.append(Finding("studio", _clean_studio(bare)))
    return out


def _continuing_studios(s: Sent) -> list[Finding]:
    """Known studios (the name lists and the KB) that are the subject of a verb of continuing or
    taking on the work, in a sentence about animation: "X is again producing the animation",
    "X returns as the animation studio", "X, which animated season 2, is expected to return".
    The verb's tense and hedges decide; the name may stand anywhere in the sentence."""
    if s.studio_rx is None or not P.STUDIO_VERB.search(s.text):
        return []
    if not P.ANIMATION_WORD.search(s.text):
        return []
    main = blank_asides(s.text)  # "X, which animated the first two seasons, returns": the aside
    out: list[Finding] = []
    for verb in P.STUDIO_CONTINUES.finditer(main):
        if _PRONOUN_BEFORE.search(main, max(0, verb.start() - 20), verb.start()):
            named = _opening_studio(s, main)  # "X animated both seasons, and it will return"
            negated = P.NEGATED.search(main, verb.start(), verb.end())
            if named and not negated and all(f.value != named for f in out):
                out.append(Finding("studio", named))
            continue
        # only the names that end where the verb phrase starts (a window, not the sentence)
        for m in s.studio_rx.finditer(
            main, max(0, verb.start() - STUDIO_NAME_WINDOW), verb.start()
        ):
            suffix = _STUDIO_SUFFIX.match(main, m.end(), verb.start())
            if (suffix.end() if suffix else m.end()) != verb.start():
                continue
            if P.NEGATED.search(main, verb.start(), verb.end()) or in_spans(m.start(), s.absent):
                continue
            window = main[max(0, m.start() - 40) : m.start()]
            if P.STUDIO_NOT_TIED_BEFORE.search(main[: m.start()]) or _NAME_TAIL.search(window):
                continue
            if _AGENT_BEFORE.search(window) and not _RELATIVE.match(main, verb.start()):
                continue  # "Y, which is made by the studio X, is coming back": Y comes back
            name = _clean_studio(m.group() + (suffix.group() if suffix else ""))
            if all(f.value != name for f in out):
                out.append(Finding("studio", name))
            # two studios share the verb: "X and Y are again co-producing the animation"
            first = _FIRST_OF_PAIR.search(main, max(0, m.start() - STUDIO_NAME_WINDOW), m.start())
            if first is not None and s.studio_rx.fullmatch(first.group("name")):
                name = _clean_studio(first.group("name"))
                if all(f.value != name for f in out):
                    out.append(Finding("studio", name))
    return out


# The first of two studios joined by "and" before the one that ends at the verb.
_FIRST_OF_PAIR: re.Pattern[str] = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but|while)\s+)(?P<name>[A-Z][\w.&'’+-]*(?:\s+[A-Z0-9][\w.&'’+-]*){0,3})"
    r"\s+(?:and|&)\s+$"
)


# Characters before a verb phrase searched for the studio that is its subject: longer than any
# listed name with "the animation studio" before it and a company word after it.
STUDIO_NAME_WINDOW = 80
# A pronoun subject in a second clause: "X animated both seasons, and it will likely return".
_PRONOUN_BEFORE = re.compile(r"(?:,\s*|\b)(?:and|but|so)\s+(?:it|they|the studio)$")


def _opening_studio(s: Sent, main: str) -> str | None:
    """The listed studio the sentence opens with (the subject a later "it" stands for)."""
    assert s.studio_rx is not None
    m = s.studio_rx.match(main)
    if m is None:
        return None
    suffix = _STUDIO_SUFFIX.match(main, m.end())
    return _clean_studio(m.group() + (suffix.group() if suffix else ""))


def _without_final_stop(text: str, m: re.Match[str]) -> str:
    """The matched name, without the full stop that ends the sentence ("... by Studio Ironleaf.")."""
    name = m.group("name")
    return name[:-1] if name.endswith(".") and not text[m.end("name") :].strip() else name


def _in_untied_aside(text: str, main: str, pos: int) -> bool:
    """True when ``pos`` lies in an aside that does not itself tie a studio to the work
    ("Actas (in collaboration with X)", "Drive, which took over from Y,")."""
    if main[pos] != " ":
        return False
    start = len(main[:pos].rstrip(" ")) if main[:pos].rstrip(" ") else 0
    end = pos + len(main[pos:]) - len(main[pos:].lstrip(" "))
    return not P.STUDIO_NEW.search(text, start, end) or not P.STUDIO_TIE.search(text, start, end)


def _clean_studio(name: str) -> str:
    """'studio MAPPA' -> 'MAPPA', 'MAPPA studios' -> 'MAPPA' (the scorer drops 'studio' too);
    a name's usual spelling for its variants ('LIDENFILMS' -> 'Liden Films')."""
    bare = (
        re.sub(
            r"^(?:the\s+)?(?:animation\s+)?studios?\s+|\s+studios?$", "", name.strip(), flags=re.I
        )
        or name
    )
    return P.STUDIO_SPELLINGS.get(bare.upper(), bare)


# A service that has not said whether it carries the season: no claim, not even a guess.
_NOT_SAID_WHETHER: re.Pattern[str] = re.compile(
    r"\b(?:(?:has|have|had)(?: not|n[’']t)(?: yet)?|(?:is|are) yet to|(?:did|does)(?: not|n[’']t))\s+"
    r"(?:said|say|announced?|confirmed?|revealed?|decided?|commented on)\s+(?:whether|if)\b"
)
# What may stand between the service and its "has not said": a few words, no clause break.
_CLAUSE_GAP: re.Pattern[str] = re.compile(r"[^,;:.–—]{0,40}")


def find_streaming(s: Sent) -> list[Finding]:
    """Where the new installment streams outside Japan."""
    if s.question or s.past or s.service_rx is None:
        return []
    if not P.STREAM_VERB.search(s.text):
        return _scheduling_service(s)
    if not P.STREAM_FUTURE.search(s.text) or _history_only(s.text):
        return []
    found = [
        m
        for m in s.service_rx.finditer(s.text)
        if not in_spans(m.start(), s.absent)
        and not s.text.startswith(" News", m.end())
        and not (_SERVICE_SILENT.match(s.text, m.end()) and not P.HEDGE.search(s.text))
    ]
    undecided = _NOT_SAID_WHETHER.search(s.text)
    if undecided is not None:
        # "X has not yet said whether it will carry the season": X is the one not saying
        found = [m for m in found if not _CLAUSE_GAP.fullmatch(s.text, m.end(), undecided.start())]
    names = [
        m.group()
        for m in found
        if (not _past_clause(s.text, m.start(), m.end()) or _WHICH_WILL.match(s.text, m.end()))
        and not _service_unnamed(s, m.start())
    ]
    if not names and undecided is not None:
        return []  # "The streamer has not said whether it will carry it": no service named
    # "X streamed season 1, and it will stream season 2": the pronoun is the service
    again = None if names else _STREAMS_AGAIN.search(s.text)
    # ("whether it will carry the film is unknown": a pronoun in an absence clause says nothing)
    if again is not None and not in_spans(again.start(), s.absent):
        # the service may be named in the question put to it: "When we asked X whether ..., a
        # spokesperson said it would stream the new season"
        named = found or [
            m for m in s.service_rx.finditer(s.text) if _ASKED.search(s.text, 0, m.start())
        ]
        names = [m.group() for m in named][:1] or list(s.services_before[-1:])
    if not names and P.STREAM_CORef.search(s.text):
        names = list(s.services_before[-1:])
    out: list[Finding] = []
    for name in names:
        if all(f.value != name for f in out):
            out.append(Finding("streaming", name))
    return out


# A service as the subject that dates the premiere: "X has scheduled the new season for May 4",
# "X announced today that the sequel will premiere worldwide on May 4". Its premiere is its stream.
_SCHEDULES: re.Pattern[str] = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:(?:scheduled|dated|slated)\b|"
    r"(?:announced|confirmed|revealed)(?:\s+\w+){0,2}?\s+that\b[^.;]{0,160}?"
    r"\b(?:will|is set to|is going to)\s+(?:\w+ly\s+)?(?:premiere|debut|arrive|launch|drop|release)\b)"
)
_SCHEDULE_WORD: re.Pattern[str] = re.compile(r"schedul|dated|slated|announced|confirmed|revealed")
_CLAUSE_START: re.Pattern[str] = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but)\s+)\W*$")


# A worldwide premiere told by the service itself, named after it as the sayer: the service's own
# release ("The sequel will premiere worldwide on May 4, X said on Thursday").
_WORLDWIDE_PREMIERE: re.Pattern[str] = re.compile(
    r"\b(?:will|is set to|is going to)\s+(?:premiere|debut|launch|arrive|drop)\s+(?:worldwide|globally)\b"
)
_SAYS_AFTER: re.Pattern[str] = re.compile(r"\s+(?:said|says|announced|confirmed|revealed)\b")


def _scheduling_service(s: Sent) -> list[Finding]:
    """A service that is the subject of dating the premiere (no streaming verb needed)."""
    assert s.service_rx is not None
    worldwide = _WORLDWIDE_PREMIERE.search(s.text)
    if not (_SCHEDULE_WORD.search(s.text) or worldwide) or P.PAST_SEASON.search(s.text):
        return []  # "X scheduled the first season for a spring launch": history
    for m in s.service_rx.finditer(s.text):
        if in_spans(m.start(), s.absent):
            continue
        if _SCHEDULES.match(s.text, m.end()) and _CLAUSE_START.search(
            s.text, max(0, m.start() - 12), m.start()
        ):
            return [Finding("streaming", m.group())]
        if (
            worldwide is not None
            and m.start() > worldwide.end()
            and _SAYS_AFTER.match(s.text, m.end())
            and _CLAUSE_START.search(s.text, max(0, m.start() - 12), m.start())
        ):
            return [Finding("streaming", m.group())]  # "... premieres worldwide on May 4, X said"
    return []


# A pronoun for the service named before, streaming the new season: "and it will also stream
# season 2", "the service will stream it again".
_STREAMS_AGAIN = P.caseless(
    r"\b(?:it|they|the (?:service|platform|streamer|company))\s+(?:will|would|is set to|plans to)\s+"
    r"(?:\w+ly\s+|also\s+|again\s+)*(?:stream|simulcast|carry|pick up the (?:\w+ )?(?:season|sequel|series))\b|"
    # "X carried both earlier shows, so it is probably the safest bet for season 2"
    r"\b(?:it|they|the (?:service|platform|streamer))\s+(?:is|are|seems|looks|would be|will be)\s+"
    r"(?:\w+ly\s+|also\s+|still\s+)*(?:the\s+|an?\s+)?(?:safest|safe|best|likeliest|likely|obvious|natural|logical)\s+"
    r"(?:bet|choice|pick|home|candidate)\b"
)
# A service that said nothing: "X, which streamed the first season, did not comment on season 2".
_SERVICE_SILENT = P.caseless(
    r"(?:\s*,[^,]{1,100},)?\s+(?:(?:has|have|had|did|does|do)(?: not|n[’']t)\s+(?:yet\s+)?"
    r"(?:comment|respond|confirm|announce|say|said|reveal)\w*|declined to)\b"
)
# A relative clause that gives the service the new season: "..., which is expected to pick up
# season 2 as well", "..., which will also stream the sequel".
_WHICH_WILL = P.caseless(
    r"\s*,\s*(?:which|who)\s+(?:is|are)\s+(?:\w+ly\s+)?(?:expected|likely|set|going|poised|due)\s+to\b|"
    r"\s*,\s*(?:which|who)\s+will\b"
)
_STREAM_WORD = P.caseless(r"\bstream|\bsimulcast|\bplatform|\bstreamer")


def _service_unnamed(s: Sent, pos: int) -> bool:
    """True when the sentence says no service is named for the new season and the service's own
    clause neither looks ahead nor guesses ("Both are on X, though no streamer has been named for
    season 3 yet"): the service is where the earlier seasons stream."""
    if not any(_STREAM_WORD.search(s.text, a, b) for a, b in s.absent):
        return False
    for start, end in clauses(s.text):
        if start <= pos < end:
            return not (P.FUTURE.search(s.text, start, end) or P.HEDGE.search(s.text, start, end))
    return False


_ASKED = P.caseless(r"\b(?:asked|contacted|reached out to|approached)\s+$")
# A service as the subject of a past verb: "Crunchyroll streamed Season 7 as it aired".
_SERVICE_DID = P.caseless(
    r"\s+(?:also\s+)?(?:streamed|simulcast|simulcasted|carried|licensed|aired|released|picked up|"
    r"(?:had|held) (?:the )?(?:exclusive )?(?:streaming )?rights|offered|hosted|distributed|brought)\b"
)


def _past_clause(text: str, pos: int, end_of_name: int | None = None) -> bool:
    """True when the clause around ``pos`` speaks of earlier seasons only ("the first two seasons
    are on Netflix", "Netflix streamed season 1"): where they stream is not where the new one will."""
    spans = clauses(text)
    for i, (start, end) in enumerate(spans):
        if start <= pos < end:
            if P.FUTURE.search(text, start, end):
                return False
            if _OF_WHICH.match(text, start) and i > 0:  # "the existing seasons, all of which ..."
                start = spans[i - 1][0]
            did = end_of_name is not None and _SERVICE_DID.match(text, end_of_name)
            return bool(did or _EARLIER_SEASONS.search(text, start, end))
    return False


# A clause whose subject is the previous clause's noun: "the existing seasons, all of which ...".
_OF_WHICH = P.caseless(r"(?:all|both|each|most|some|many) of (?:which|them)\b")


def _history_only(text: str) -> bool:
    """True for a sentence told wholly in the past ("Both seasons were animated by X and aired on
    TV, with Y streaming them"): it says where earlier seasons streamed."""
    return bool(
        _WERE_DONE.search(text)
        and P.HISTORY_VERB.search(text)
        and not P.FUTURE.search(text)
        and not P.HEDGE.search(text)
    )


_WERE_DONE = P.caseless(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:animated|produced|aired|broadcast|released|streamed)\b"
)


_CODED_NAME: re.Pattern[str] = re.compile(r"[0-9]|(?<!^Studio )[A-Z]")


def name_regex(names: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """One regex matching any of ``names`` as whole words, longest first, with 'studio(s)' around."""
    if not names:
        return None
    # Studios are often written in capitals ("SILVER LINK.", "WIT STUDIO"): the same name.
    # "Studio KAI": the name after "Studio" in capitals too.
    forms = {f for n in names for f in (n, n.upper())}
    forms |= {"Studio " + n[7:].upper() for n in names if n.startswith("Studio ")}
    # "3Hz" for "Studio 3Hz": a name after "Studio" that no English word could be (a digit, or
    # capitals after its first letter) is written alone too ("Studio Bind" stays whole).
    forms |= {n[7:] for n in names if n.startswith("Studio ") and _CODED_NAME.search(n, 7)}
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(_letter_led_names(ordered) + r"(?![\w+])(?:\s+[Ss]tudios?\b)?")


def _letter_led_names(ordered: list[str]) -> str:
    """``(?:\\b(?:[Tt]he\\s+)?(?:animation\\s+)?[Ss]tudio\\s+)?(?<![\\w])(?:names)`` with every way
    to start written as an alternative led by its letter, in the order the optional words are
    tried: the pattern then opens with a class re skips to, instead of being tried at every
    offset (4x fewer instructions for the studio and service names, 0.1 s more to compile)."""
    names = rf"(?<![\w])(?:{'|'.join(re.escape(n) for n in ordered)})"
    lead = [f"{c}(?<=\\b{c})he\\s+(?:animation\\s+)?[Ss]tudio\\s+{names}" for c in "Tt"]
    lead.append(rf"a(?<=\ba)nimation\s+[Ss]tudio\s+{names}")
    lead += [f"{c}(?<=\\b{c})tudio\\s+{names}" for c in "Ss"]
    alone = P.first_letter_led(ordered, r"(?<![\w])")[3:-1]  # (its groups, without "(?:...)")
    return "(?:" + "|".join([*lead, alone]) + ")"

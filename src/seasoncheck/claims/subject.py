"""Subjects: a fallback when the linker finds none, and the sections of a roundup.

A fallback subject is the title written next to a season reference.
News writing names the work right before "Season 2" ("Blue Lock Season 2", "Bocchi The Rock's
second season") or right after "season of" ("the second season of Vinland Saga"). The most
frequent such title in the article is its subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from seasoncheck.claims.ownership import same_work
from seasoncheck.claims.segment import Sentence
from seasoncheck.link.seasons import find_season_refs
from seasoncheck.models import Mention

# Lower-case words allowed inside a title ("Attack on Titan", "Spy x Family", "Oshi no Ko").
_CONNECTORS = frozenset(
    [
        "on",
        "of",
        "no",
        "x",
        "to",
        "the",
        "a",
        "an",
        "wa",
        "ga",
        "na",
        "ni",
        "de",
        "and",
        "in",
        "is",
        "as",
        "&",
        "×",
        "-",
    ]
)
_TOKEN = re.compile(r"\S+")
MAX_TITLE_WORDS = (
    7  # "That Time I Got Reincarnated as a Slime" is 8 with "the": long titles are rare
)
_GENERIC = frozenset(
    [
        "the",
        "anime",
        "series",
        "season",
        "new",
        "upcoming",
        "tv",
        "part",
        "final",
        "release",
        "date",
        "trailer",
    ]
)


def fallback_subject(text: str, title: str | None) -> str | None:
    """The most frequent title-case phrase written next to a season reference, or None."""
    counts: dict[str, int] = {}
    for chunk in (title or "", text):
        for ref in find_season_refs(chunk):
            for cand in (_before(chunk, ref.start), _after_of(chunk, ref.end)):
                if cand:
                    counts[cand] = counts.get(cand, 0) + 1
    if not counts:
        return _lowercase_subject(text, title)
    low = text.lower()
    return max(sorted(counts), key=lambda c: (counts[c] + low.count(c.lower()), len(c)))


MIN_LOWERCASE_REPEATS = 2  # a lower-case headline's title written again in the body


def _lowercase_subject(text: str, title: str | None) -> str | None:
    """The words before the headline's first season reference when the headline is written
    all in lower case, as fan blogs write ("fog hill season 2 rumor"), and the article writes
    them again: capitals cannot mark its title. Title-cased for display."""
    head = title or text.split("\n", 1)[0]
    if not head or any(c.isupper() for c in head):
        return None
    refs = find_season_refs(head)
    if not refs:
        return None
    words = [w.strip("“”\"‘’'()[],:;!?") for w in head[: refs[0].start].split()]
    name = _clean([w for w in words if w][-MAX_TITLE_WORDS:])
    if name is None or text.lower().count(name) < MIN_LOWERCASE_REPEATS + (title is None):
        return None
    return " ".join(
        w if i and w in _CONNECTORS else w[:1].upper() + w[1:] for i, w in enumerate(name.split())
    )


def _before(text: str, end: int) -> str | None:
    """Title-case words directly before ``end`` ("Blue Lock" before "Season 2"), possessive stripped."""
    words: list[str] = _TOKEN.findall(text[max(0, end - 120) : end])
    picked: list[str] = []
    for w in reversed(words):
        core = w.strip("“”\"‘’'()[]")
        if core.endswith(("’s", "'s")):
            core = core[:-2]
        if not core or (picked and w[-1] in ",.;!?:" and not core[-1].isalnum()):
            break
        if core[0].isupper() or core[0].isdigit() or (picked and core.lower() in _CONNECTORS):
            picked.append(core)
            if len(picked) >= MAX_TITLE_WORDS:
                break
            continue
        break
    return _clean(list(reversed(picked)))


def _after_of(text: str, start: int) -> str | None:
    """Title-case words after "season of" ("the second season of Vinland Saga")."""
    m = re.match(r"\s+(?:of|to)\s+(?:the\s+)?(?:(?:anime|series|hit|popular)\s+)*", text[start:])
    if not m:
        return None
    picked: list[str] = []
    for w in _TOKEN.findall(text[start + m.end() : start + m.end() + 120]):
        core = w.strip("“”\"‘’'()[],.;!?")
        if core and (
            core[0].isupper() or core[0].isdigit() or (picked and core.lower() in _CONNECTORS)
        ):
            picked.append(core)
            if w[-1] in ",.;!?" or len(picked) >= MAX_TITLE_WORDS:
                break
            continue
        break
    return _clean(picked)


def _clean(words: list[str]) -> str | None:
    """Trim connectors and generic words at both ends; None when nothing title-like is left."""
    while words and (words[0].lower() in _CONNECTORS or words[0].lower() in _GENERIC):
        words = words[1:]
    while words and (words[-1].lower() in _CONNECTORS or words[-1].lower() in _GENERIC):
        words = words[:-1]
    if not words or all(w.lower() in _GENERIC for w in words):
        return None
    return " ".join(words)


# -- roundups -------------------------------------------------------------------------------------

# A heading is a paragraph of at most this many words that does not end like a sentence
# ("2. Ranma 1/2 Season 3", "Honorable mentions"); news sentences run longer than 12 words.
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 160  # longer than any 12 words of a heading; a cheap first test
# A roundup has at least this many headings, each naming a different work besides the subject.
MIN_ROUNDUP_WORKS = 2
# ... or, without headings, paragraphs that open with this many different works, the subject
# included (a list written as paragraphs). A news story about one work may open a paragraph or
# two with related works in passing, but opens few with its own title.
MIN_LEAD_WORKS = 3
# A paragraph's lead: its first title starts within this many characters (a list marker "1. ").
LEAD_CHARS = 4


@dataclass(frozen=True)
class Section:
    """A part of a roundup, about the work its heading or lead names."""

    first: int  # index of the section's first sentence
    heading: Mention | None  # the heading's (or lead's) title, None for a heading naming no work
    last: int | None = None  # end (exclusive) of a lead paragraph; None: up to the next section


def roundup_sections(
    text: str,
    sentences: list[Sentence],
    mentions: tuple[Mention, ...],
    subject: frozenset[str] = frozenset(),
) -> list[Section]:
    """The sections of a roundup, in text order, else [].

    News roundups list works under headings; a sentence under a heading is about the heading's
    work, not about the work the introduction names. Headings must name two or more works
    besides the article's ``subject`` surfaces: an explainer about one work has headings too
    ("Who Is Animating Season 3?"), but they name the subject or nothing. Without headings, a
    roundup opens paragraphs with three or more different works; each such paragraph is about
    its lead. One-word titles found open-world do not count (a capitalised verb is no title)."""
    titles = [m for m in mentions if m.kind == "title"]
    if _other_works(titles, frozenset()) < MIN_ROUNDUP_WORKS + 1 and (
        _other_works(titles, subject) < MIN_ROUNDUP_WORKS
    ):
        return []  # most articles: too few works to list (checked before any paragraph work)
    paras = _paragraphs(sentences)
    short = [_is_short(sentences[i:j]) for i, j in paras]
    label = [short[k] and _is_label(sentences[i].text) for k, (i, _) in enumerate(paras)]
    headings: list[Section] = []
    leads: list[Section] = []
    first_within = _FirstWithin(titles)
    for k, (i, j) in enumerate(paras):
        span = (sentences[i].start, sentences[j - 1].end)
        if not short[k]:
            lead = first_within(span)
            if lead is not None and lead.start - span[0] <= LEAD_CHARS:
                leads.append(Section(i, lead, j))
        elif not label[k]:
            # a heading stands alone between body paragraphs (not a tweet's lines), or, as
            # "Tomo Season 2" under "Winter 2027", names a work's season under a group heading;
            # its entry's fact lines may come between ("Premiere: ...") or be all of the entry
            named = first_within(span)
            seasoned = _ends_with_season(text[span[0] : span[1]])
            after_short = k > 0 and short[k - 1] and not label[k - 1]
            facts = k + 1 < len(paras) and label[k + 1]
            body = k + 1 < len(paras) and not short[k + 1]
            if facts and not (named or seasoned):
                continue  # "Cannot wait!" over "Source: ...": a quoted post, not a heading
            if facts or (body and (not after_short or seasoned)):
                headings.append(Section(i, named or _listed_title(text, span)))
    if _other_works(headings, subject) >= MIN_ROUNDUP_WORKS:
        first = next(k for k, s in enumerate(headings) if s.heading)
        return headings[first:]  # a work-less line above the first work heading: page header
    if _other_works(leads, frozenset()) >= MIN_LEAD_WORKS:
        return leads
    return []


# A list item's marker: "1.", "2)", "#3", "No. 4", a bullet.
_LIST_MARKER = re.compile(r"\s*(?:(?:#|no\.\s*)?\d{1,2}[.):]?|[-•*–])\s+", re.IGNORECASE)
MAX_LISTED_WORDS = 10  # a numbered heading longer than this is a sentence, not a title
LISTED = "listed"  # the kind of a title read off a numbered heading


def _listed_title(text: str, span: tuple[int, int]) -> Mention | None:
    """The title a numbered heading names when the linker found none in it ("4. Tying the Knot
    with an Amagami Sister"): the heading after its marker, up to a season reference. Such a
    title does not make an article a roundup; it only names its section."""
    line = text[span[0] : span[1]]
    marker = _LIST_MARKER.match(line) or (_NO_MARKER if _ends_with_season(line) else None)
    if marker is None or not line[marker.end() :][:1].isupper() or line.endswith("?"):
        return None
    refs = find_season_refs(line)
    end = refs[0].start if refs and refs[0].start > marker.end() else len(line)
    title = line[marker.end() : end].strip(" :–—-,([")
    words = title.split()
    if not words or len(words) > MAX_LISTED_WORDS or title[-1] in ".?!":
        return None
    lo = span[0] + marker.end()
    return Mention(lo, lo + len(title), title, title, kind=LISTED)


_NO_MARKER = re.match(r"", "")  # an empty "marker": the heading starts at the title
assert _NO_MARKER is not None


# A fact line under a roundup heading: "Premiere: January 8", "- Studio: Pellucid". A short label
# (one to three words, capitalised, then a colon) opens it; a heading has no such colon.
_LABEL_LINE = re.compile(r"\s*(?:[-•*–]\s*)?[A-Z][\w’'-]*(?: [\w’'-]+){0,2}:\s+\S")


def _is_label(line: str) -> bool:
    """True for a "Label: value" line (a fact under a roundup heading, not a heading)."""
    return _LABEL_LINE.match(line) is not None


def _ends_with_season(line: str) -> bool:
    """True for a heading line that ends with a season reference ("Tomo-chan Season 2"): the
    title of the work a roundup entry is about, even when the linker does not know it."""
    refs = find_season_refs(line)
    return bool(refs) and refs[-1].start > 0 and not line[refs[-1].end :].strip(" :–—-)]")


def _other_works(named: list[Section] | list[Mention], subject: frozenset[str]) -> int:
    """How many different works besides ``subject`` the sections (or titles) name; sure titles
    only."""
    works: list[str] = [*subject]
    matched: set[str] = set()  # works found among ``works`` (it only grows: found stays found)
    for s in named:
        h = s.heading if isinstance(s, Section) else s
        if h is None or h.kind == LISTED or (h.franchise_id is None and len(h.work.split()) < 2):
            continue
        if h.work in matched:
            continue  # a work named again: an article names its few works many times
        if any(same_work(h.work, w) for w in works):
            matched.add(h.work)
        else:
            works.append(h.work)
    return len(works) - len(subject)


def _paragraphs(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The [first, last + 1) sentence indices of each paragraph."""
    out: list[tuple[int, int]] = []
    for i, s in enumerate(sentences):
        if out and sentences[out[-1][0]].para == s.para:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


# A title's other name in brackets ("The Ice Guy (Koori Zokusei Danshi) Season 2"): not counted
# among a heading's words, which a heading with both names of its work would otherwise overrun.
_BRACKETED = re.compile(r"\([^()\n]{1,60}\)|\[[^\[\]\n]{1,60}\]")


def _is_short(para: list[Sentence]) -> bool:
    """True for a short paragraph that does not end like a sentence."""
    if para[-1].end - para[0].start > MAX_HEADING_CHARS:
        return False
    last = para[-1].text.rstrip("\"'”’)")
    words = sum(len(_BRACKETED.sub(" ", s.text).split()) for s in para)
    if _LIST_MARKER.match(para[0].text):
        words -= 1  # "3." is the list's, not the heading's
    return words <= MAX_HEADING_WORDS and not last.endswith((".", ",", ";", ":"))


class _FirstWithin:
    """The first of ``titles`` (in their order) that lies inside a span, found by bisecting their
    starts instead of testing every title against every paragraph (a roundup has dozens of
    each)."""

    def __init__(self, titles: list[Mention]) -> None:
        self.order = sorted(range(len(titles)), key=lambda k: titles[k].start)
        self.starts = [titles[k].start for k in self.order]
        self.titles = titles

    def __call__(self, span: tuple[int, int]) -> Mention | None:
        """``next((m for m in titles if _within(m, span)), None)``."""
        lo = bisect_left(self.starts, span[0])
        hi = bisect_right(self.starts, span[1])  # a title inside starts at span[1] at the latest
        inside = [k for k in self.order[lo:hi] if _within(self.titles[k], span)]
        return self.titles[min(inside)] if inside else None


def _within(m: Mention, span: tuple[int, int]) -> bool:
    """True when the mention lies inside ``span``."""
    return span[0] <= m.start and m.end <= span[1]

"""Cue words of English anime news, kept apart from the logic that uses them.

Every list here is a rule of news writing or a name list of the field (studios, services,
outlets), never a title, site or sentence of a labelled article. The pattern machinery
(``caseless``, ``LoweredPattern``, the literal prefilter) lives in ``fastregex`` and is
re-exported here, so rules use it as ``P.caseless``, ``P.Rx``, ``P.prepare``.
"""

from __future__ import annotations

import re

from seasoncheck.claims.fastregex import (  # noqa: F401  (re-exported for the rule modules)
    LOWER_CACHE,
    MIN_LITERAL,
    PREFILTER_MAX_CHARS,
    PREFILTER_MIN_CHARS,
    WINDOW_MAX_LITERALS,
    LoweredPattern,
    Rx,
    _rx,
    caseless,
    first_letter_led,
    literals_in,
    prepare,
    register_literals,
    required_literals,
    split_alternatives,
    unfiltered,
)
from seasoncheck.claims.wordtest import WordTest  # noqa: F401

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Month names are matched case-sensitively (capitalised), so the modal "may" is never a month.
MONTH_RE = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)


def month_number(name: str) -> int:
    """1-12 for an English month name or abbreviation."""
    return MONTHS[name.lower().rstrip(".")]


ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "sophomore": 2,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
_ORD = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|sophomore"
_NUM = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"

# "Season 2", "season two", "2nd season", "second season", "S2".
SEASON_REF = _rx(
    rf"\bseason\s+(?P<n1>{_NUM})\b|\b(?P<n2>\d{{1,2}})(?:st|nd|rd|th)\s+season\b|\b(?P<n3>{_ORD})\s+season\b|\bS(?P<n4>\d)\b(?!\.)",
    re.IGNORECASE,
)
# Installments without a season number: films, parts, final seasons, unnamed projects.
UNNUMBERED_REF = _rx(
    r"\b(?:new|upcoming|spin-?off|sequel|anime|theatrical|animated)\s+(?:anime\s+)?(?:movie|film|project)\b|"
    r"\badapted into a (?:movie|film)\b|\b(?:movie|film)\s+(?:adaptation|sequel)\b|"
    r"\bpart\s+(?:\d|two|three|four|2|3)\b|\bsecond (?:part|cour)\b|\bnew anime\b",
    re.IGNORECASE,
)
FILM_WORD = _rx(r"\b(?:movie|film)\b", re.IGNORECASE)
# The season ref is an anchor in time, not the claim's subject: "season 2's finale", "after season 1".
ANCHOR_AFTER = _rx(
    r"^(?:'s|’s)?\s*[:\-–]?\s*(?:(?!(?:after|following|before|at|during|on|in|with)\b)[\w-]+\s+){0,2}?(?:finale|final episode|last episode|episode(?!s\b)(?!\s+(?:1|one|01)\b)|ended|concluded|conclusion|aired|premiered|"
    r"came out|wrapped|run|comeback went|adaptation of|was broadcast|is only airing|where to watch)",
    re.IGNORECASE,
)
ANCHOR_BEFORE = _rx(
    r"(?:after|following|since|end of|broadcast of|finale of|episode of|episodes of|during|like|than|from|instead of|"
    r"between|through|(?<!will )(?<!would )(?<!['’]ll )(?<!will also )(?<!will again )(?<!still )(?<!likely )(?<!probably )(?<!to )(?:watch|stream))\s+(?:the\s+)?(?:(?!(?:that|which|where|when|and|but)\b)[\w'’]+\s+)?$",
    re.IGNORECASE,
)

# One pass over the lowered text finds the sentences worth the expensive rules.
# A superset of every finder's trigger words, each matched at a word start.
CANDIDATE = re.compile(
    r"\b(?:season|sequel|renew|return|back|coming|come|confirm|announc|official|reveal|premier|releas|air|debut|"
    r"delay|postpon|push|mov|shift|slip|resched|studio|animat|produc|stream|simulcast|trailer|teaser|pv|visual|"
    r"poster|preview|promo|clip|illustration|footage|movie|film|project|part|works|continu|creation|cour|green|"
    r"go\b|on its way|set|slated|scheduled|locked|kick|hit|arriv|drop|launch|open|start|calendar|wait|see|getting|rerun|rebroadcast|recap|repeat|"
    r"will have|\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|winter|spring|summer|fall|autumn|"
    r"next year|this year|new year|crunchyroll|netflix|hidive|disney|hulu|prime video|funimation|bilibili)"
)

# Which finders a sentence needs: words without which a finder cannot fire (substrings of its
# trigger regex, so a superset: skipping a finder whose words are absent changes no result).
# Matched as plain substrings by one Aho-Corasick pass over the lowered article; the release
# finder also runs on any sentence with a digit (dates).
FINDER_WORDS: dict[str, tuple[str, ...]] = {
    "delay": ("delay", "postpon", "push", "move", "moving", "shift", "slip", "resched", "until", "as planned", "as scheduled", "rather than", "instead of", "in place of", "on hold"),
    "studio": ("animat", "produc", "handl", "bring", "return", "helm", "back", "works at", "studio"),
    "streaming": (
        "stream", "simulcast", "crunchyroll", "netflix", "hidive", "disney", "hulu", "prime video", "funimation",
        "bilibili", "muse asia", "ani-one", "hotstar", "adn", "wakanim", "aniplus", "iqiyi",
        "hbo max", "tubi", "vrv", "anime digital network",
    ),
    "trailer": (
        "trailer", "teaser", "pv", "promo", "visual", "poster", "preview", "video", "clip",
        "illustration", "footage",
    ),
    "release": (
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "winter", "spring", "summer", "fall", "autumn", "year", "date",
    ),
}  # fmt: skip

RENEWAL = _rx(
    r"\brenew(?:ed|al|s)?\b|\bgreen[- ]?l(?:ight|it)\b|\bgreenlit\b|\bin (?:production|the works|development)\b|"
    r"\b(?:under|begun|began|started|entered|in early) production\b|\bproduction (?:has|had) (?:begun|started)\b|"
    r"\bconfirm(?:s|ed|ing|ation)?\b|\bannounc(?:e|es|ed|ing|ement)\b|\bofficial\b|\bis a go\b|"
    r"\bcoming back\b|\bcome back\b|\bbe back\b|\b(?:will|to|would|is|are)\s+(?:\w+\s+)?return(?:ing)?\b|\breturns\s+(?:in|on|for|with|this|next)\b|"
    r"\breturning\b|\bon its way\b|\bis coming\b|\bare coming\b|"
    r"\bwill be (?:released|broadcast|out)\b|\bset (?:for|to)\b|\blocked for\b|\bkicks off\b|\bgetting (?:a|another)\b|"
    r"\bwill have a\b|\bcreation of\b|\b(?:been|officially|is|was) dated\b|\b(?:is|are) (?:now )?being (?:planned|prepared|developed|produced)\b|\breleas(?:e|ing) (?:date|window)\b|\bpremiere date\b|\bcontinuation\b(?!\s+(?:harder|more difficult|difficult|unlikely|less likely|impossible)\b)|\bis happening\b|\breveal(?:s|ed)\b",
    re.IGNORECASE,
)
# A writer's guess that a season will come: "a fourth season could still happen one day", "a
# season 3 seems likely". (The hedge makes it speculated.)
RENEWAL_MAYBE = _rx(
    r"\b(?:season|sequel|continuation|installment)\s+(?:\w+\s+)?(?:(?:could|might|may|will|would)\s+"
    r"(?:still\s+|eventually\s+|definitely\s+)?happen|(?:seems|looks) (?:\w+ )?(?:likely|probable|inevitable))\b|"
    # "a third season of the show is very likely to be made" (the writer's guess; the hedge sets the status)
    r"\b(?:season|sequel|continuation)\s+(?:of\s+(?:\S+\s+){1,5}?)?(?:is|are)\s+(?:very\s+|highly\s+|quite\s+)?"
    r"(?:likely|probable|bound|certain)\s+to\s+(?:be\s+(?:made|produced|greenlit|announced)|happen)\b|"
    # "a second season is likely in the long run", "a sequel is a real possibility", "the chance
    # of a season 2 is high": the writer's odds on a season
    r"\b(?:season|sequel|continuation)\s+(?:\d{1,2}\s+)?(?:of\s+(?:\S+\s+){1,5}?)?(?:is|are)\s+(?:very\s+|highly\s+|quite\s+)?"
    r"(?:likely|probable|a (?:real |strong |distinct )?possibility)\b(?!\s+to\b)|"
    r"\bchances?\s+(?:of|for)\s+(?:\S+\s+){0,6}?(?:season|sequel)(?:\s+\w+)?\s+(?:is|are)\s+"
    r"(?:very\s+)?(?:high|good|strong|decent)\b",
    re.IGNORECASE,
)
# A renewal cue that is only a noun phrase: in a verbless heading ("Season 3 release date") it
# names the article's topic, not a claim.
RENEWAL_TOPIC = _rx(
    r"\b(?:season|part)\s+\w+\s+(?:releas(?:e|ing) (?:date|window)|premiere date)\s*$",
    re.IGNORECASE,
)
# Lower-case "to"/"will" only: "The Journey To End Continues" is a title, not a future.
RENEWAL_FUTURE = re.compile(
    r"\b(?:will|to|set to|slated to|scheduled to)\s+(?:\w+\s+)?(?:premiere|air|release|debut|hit|arrive|continue|drop|start|kick)"
)
RELEASE_VERB = _rx(
    r"\bpremier(?:e|es|ing)\b|\bair(?:s|ing)?\b|\breleas(?:e|es|ed|ing)\b|\bdebut(?:s|ing)?\b|\breturn(?:s|ing)?\b|"
    r"\bcom(?:e|es|ing) (?:back|out)\b|\bbe back\b|\bkicks? off\b|\b(?:start|begin)(?:s|ning|ing)? (?:airing|streaming|broadcasting)\b|\bhit(?:s|ting)? (?:the )?screens\b|"
    r"\bbe out\b|\bdrop(?:s|ping)?\b|\bbroadcast\b|\blaunch(?:es|ing)?\b|\barriv(?:e|es|ing)\b|\bslated\b|\bscheduled\b|"
    r"\bset for\b|\bconfirmed for\b|\blocked for\b|\bmark (?:your|their|the) calendars?\b|\breach(?:es|ing)? (?:\w+ )?(?:theaters|theatres|cinemas|screens)\b|\bnew episodes (?:will )?(?:start|begin)\b|\bwait until\b|\bwill follow\b|\b(?:we|fans|you|viewers) (?:may|might|could|will|can|should) see\b|\bcome back after\b|\bopens?\b|\bcoming\b|"
    r"\bpremiere date\b|\brelease date\b|\bwindow (?:for|of|is|would be)\b|\bstart(?:s)? (?:on|in)\b|\bbegins? on\b|\bhits?\b|\bexpected (?:in|for|by|around)\b|\btarget(?:s|ing|ed)?\b|"
    r"\baim(?:s|ing|ed)? for\b|\bplanned for\b|\b(?:planned|scheduled|expected|target) (?:start|premiere|debut|release|broadcast)\b|\bpencil+ed in\b|\bbest guess (?:is|would be|will be)\b|\bmoney is on\b|\bbet(?:ting)? on (?:an? |the )?(?:(?:early|late|mid-?|next)\s*)?(?=$|\d{4}|spring|summer|fall|autumn|winter|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bland(?:s|ing)? (?:(?:some ?time|early|late|later|somewhere)\s+)?in\b|\bland(?:s|ing)? (?:worldwide |globally |internationally |everywhere )?on(?:\s*$| (?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|\d)))|\b(?:get|gets|getting) (?:a|an|its) (?:[\w-]+ ){0,2}?(?:season|sequel)\b|"
    r"\bexpect (?:[\w'’-]+ ){0,5}?(?:before|in|by|around|until)\b|\bmak(?:e|es|ing) (?:its|their|a) comeback\b|\b(?:been|officially|is|was) dated\b|"
    # a season that "will stream" from a date premieres then (outside Japan, its release)
    # (not "will stream the first two seasons": the earlier seasons coming to a service)
    r"\b(?:will|(?:set|going|due) to)\s+(?:\w+ly\s+)?(?:stream|simulcast)\b"
    r"(?!\s+(?:all\s+|both\s+)?(?:of\s+)?(?:the\s+|its\s+)?(?:first|previous|earlier|past|older|existing|original|old)\b)",
    re.IGNORECASE,
)
# A premiere date claimed without being given ("the release date has been confirmed").
DATE_CLAIMED = _rx(
    r"\b(?:release|premiere|air) date\b[^.?!]{0,90}?\b(?:confirmed|revealed|announced|official|set|locked|fixed|finali[sz]ed|decided)\b|"
    r"\b(?:got|gets|reveals?|announces?|confirms?|has) (?:a |the |its )?(?:official )?(?:release|premiere|air) date\b",
    re.IGNORECASE,
)
DELAY = _rx(
    r"\bdelay(?:s|ed|ing)?\b|\bpostpon(?:e|es|ed|ing|ement)\b|\bpushed back\b|\bpush(?:es|ing)? back\b|\bpush(?:ed|es|ing)? (?:it|them|the \w+) back\b|"
    r"\bpushed to\b|\bmoved to\b|\brescheduled\b|"
    # a premiere called off without a new date: "the film will not open as planned"
    r"\b(?:will not|won[’']t) (?:open|premiere|air|be released|debut) as (?:planned|scheduled)\b|"
    # a pause with its end: "will not resume its weekly run until April" (the next episode moved)
    r"\b(?:will not|won[’']t) (?:resume|return)\b(?=[^.;]{0,60}\buntil\b)|\bmov(?:ed|es|ing) (?:it |them |the \w+ )?back\b|"
    r"\b(?:put|puts|putting|placed) on hold\b|"
    # a rerun or recap airing in the next episode's slot: "a rerun block rather than episode 4"
    r"\b(?:reruns?|rebroadcasts?|recaps?|repeats?)(?: [\w-]+){0,2}? (?:rather than|instead of|in place of) "
    r"(?:the )?(?:new |next |scheduled )?(?:episode|ep\.)|"
    # "will move from January 2027 to April 2027": a schedule moved between two dates
    r"\bslip(?:s|ped|ping)? (?:back )?(?:from|to|into)\b|\b(?:move from|moves from|moved from|moving from|shift from|shifts from|shifted from|shifting from) (?:an? |the |its )?(?:planned |scheduled |original )?(?:(?:early|late|mid-?)\s*)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|winter|spring|summer|fall|autumn|\d{4})",
    re.IGNORECASE,
)
# A date named as the one replaced: "will now premiere in April instead of January", "moving it
# from a planned July premiere to January".
REPLACED_BEFORE = _rx(
    r"\b(?:instead of|rather than|in place of|original|initial|move from|moves from|moved from|moving from|shifted from|from (?:a |an |the |its )?(?:planned|"
    r"scheduled|original|initial|previous|earlier|expected|announced)|miss(?:es|ed|ing)? (?:its|their|the) "
    r"(?:planned|scheduled|original|intended|expected|announced))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# An apology for a delay speaks of the schedule that was lost: "The staff apologized to fans who
# were looking forward to the April broadcast". Its date is the old one.
APOLOGY = _rx(r"\bapologi[sz](?:e|ed|es|ing)\b|\bapolog(?:y|ies)\b", re.IGNORECASE)
DELAY_TARGET = _rx(r"\b(?:to|until|till|into)\s+$", re.IGNORECASE)
# The original schedule that a delay replaced: "was scheduled to premiere in April".
REPLACED_SCHEDULE = _rx(
    r"\b(?:was|were|had been|had)\s+(?:(?:originally|original|initially|previously|first)\s+)?(?:been\s+)?(?:scheduled|slated|set|planned|supposed|due)\b|\boriginally\b|"
    r"\b(?:original|initial|old|earlier|previous) (?:schedule|plan|date|window|release date|premiere date|slot|target)\b|"
    r"\b(?:first|original|initial) (?:plan|target)\b|\bhad (?:previously |originally )?announced\b|\b(?:initially|previously|formerly)\s+(?:aimed|targeted|planned|intended|scheduled|slated|set|due|dated)\b|"
    r"\bhad (?:hoped|aimed|intended|wanted|expected|planned)\b|\b(?:was|were) going to\b|\bwould have\b",
    re.IGNORECASE,
)
# "Shaft produced the film, with X directing": the studio of the film the article dates (not of a
# dated past film: "produced the film in 2016", nor "the films", "the first film").
FILM_MADE = r"\b(?:produced|animated) the (?:new )?(?:film|movie)\b(?![^.]*\b(?:19|20)\d\d\b)"
STUDIO_TIE = _rx(
    r"\banimated (?:by|at)\b|\banimation (?:production )?(?:by|from)\b|\b(?:produced|animated) (?:once again |once more |again |also )?(?:by|under|at)\b|\b(?:will be|is being|are being) (?:done|handled|made) (?:once again |once more |again |also )?by\b|\b(?:animation|production) (?:is|are|will be) (?:done|handled) (?:by|at)\b|\bcredited to\b|\bcredits (?:the )?animation (?:production )?to\b|\b(?:in|entered|entering|enters|begun|began|started) production at\b|"
    r"\bin charge of the animation\b|\bhandle (?:the )?animation\b|\bhandling (?:the )?animation\b|\banimation studio\b|"
    r"\bbring(?:s|ing)? back\b|\breturn(?:s|ed|ing)? to\b|\bwill (?:once again |again |also )?(?:co-)?(?:animate|produce)\b|"
    r"\b(?:share|split)(?:s|ing)? the animation\b|\b(?:is|are) taking over (?:the )?animation\b|\b(?:has|have) taken over (?:the )?animation\b|"
    r"\b(?:main|lead) animation studio\b|\bat the helm\b|\bhelm(?:s|ing)?\b|\b(?:is|are) (?:once again |again |also |still )?(?:animating|(?:co-)?producing)\b|\breturns to animate\b|"
    r"\b(?:is|are) back\b|\bin the works at\b|\b(?:remains|stays|continues|is back|returns) (?:on board )?as the (?:animation |production )?studio\b|\b(?:expected|likely|set|going|due) to return\b|\b(?:started|begun|began|starts|entered) production on\b|\bat studio\b|"
    + FILM_MADE,
    re.IGNORECASE,
)
# A studio named as the subject of a verb of continuing or taking on the work: an auxiliary
# ("is", "will", "is expected to") before the verb, or a present-tense verb ("returns",
# "continues to produce"). A past verb ("animated the first season") is no such verb.
_STUDIO_VERBS = (
    r"(?:(?:is|are|will|would|should|could|might|may|['’]ll)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:return(?:ing)?|back|continu(?:e|ing)|again|once (?:again|more)|animat(?:e|ing)|(?:co-)?produc(?:e|ing)|"
    r"handl(?:e|ing)|helm(?:ing)?|expected|likely|set to|slated to|in talks|tak(?:e|ing) over|deal(?:ing)? with|"
    r"in charge|getting back|coming back|stay(?:ing)?|remain(?:ing)?|join(?:ing)?|on board|attached|"
    r"maintain(?:ing)? the animation|keep(?:ing)? (?:the )?animation)|"
    r"(?:returns|continues|animates|produces|handles|helms|takes over|joins|stays|remains|comes back|"
    r"steps in|is back|remains on board|stays on board))\b"
)
STUDIO_CONTINUES = _rx(
    r"(?:\s*,)?\s+(?:(?:who|which|that)\s+)?(?:(?:\w+ly|also|again|still|now|once (?:again|more))\s+)*"
    + _STUDIO_VERBS,
    re.IGNORECASE,
)
# The same verbs anywhere in the sentence: without one, no studio name needs looking up.
STUDIO_VERB = _rx(r"\b" + _STUDIO_VERBS, re.IGNORECASE)
# Words of animation work: a studio's verb counts only in a sentence about the animation (each
# holds a word of FINDER_WORDS["studio"], so the prefilter never skips a sentence this rule reads).
ANIMATION_WORD = _rx(r"\banimat\w*|\bproduc\w*|\bstudio\b|\bhelm\w*|\bhandl\w*", re.IGNORECASE)
NEGATED = _rx(r"\bnot\b|n[’']t\b|\bno longer\b|\bnever\b|\bunlikely\b", re.IGNORECASE)
STUDIO_NEW = _rx(
    r"\bwill\b|\bonce again\b|\bagain\b|\breturn|\bback\b|\bin production\b|\bnew season\b|\bsequel\b|\bnext season\b|"
    r"\bupcoming\b|\blikely\b|\bproduced by\b(?=.*\bseason)|\b(?:is|are) being (?:produced|animated|made)\b|\b(?:animation|production) (?:is|are) (?:done|handled|made) (?:by|at)\b|\bis (?:animating|producing)\b|\bin the works\b|\bproduction on\b|\bexpected\b|\b(?:has|have) taken over\b|\bcredits (?:the )?animation\b|"
    + FILM_MADE,
    re.IGNORECASE,
)
STUDIO_NOT_TIED_AFTER = _rx(
    r"^\s*(?:,\s*(?:the (?:\w+ )?studio behind|who (?:is credited|animated|produced)|known for|which (?:animated|produced))|"
    r"(?:has |have |had )?(?:announced|unveiled|confirmed|revealed|posted|shared|slips|released|created|has been making|is known))",
    re.IGNORECASE,
)
STUDIO_NOT_TIED_BEFORE = _rx(
    r"(?:spun off (?:of|from)|instead of|rather than|such as|like|than|behind|calendars|whether|over from|replac\w+|succeed\w*|"
    r"over (?:the )?animation (?:production |duties |work )?from)\s+(?:studio\s+)?$",
    re.IGNORECASE,
)
STREAM_VERB = _rx(
    r"\bstream(?:s|ing)?\b(?!\s+(?:platform|service|giant|site|app))|\bsimulcast(?:s|ed|ing)?\b|\bwatch\b|"
    # the future passive: "the new season will be streamed outside Asia by X"
    r"\b(?:will|to) be (?:\w+ly )?streamed\b|"
    r"\bavailable\b|\baccessible\b|\bdrop on\b|\bair on\b|\blicens(?:e|ed|es)\b|\bexclusive(?:ly)?\b|\bacquir(?:e|ed|es)\b|\brights\b|"
    r"\bcarr(?:y|ies|ying)\b|\bpick(?:s|ing|ed)? (?:it|them) up\b|\b(?:debut|premiere|arrive|launch)(?:s|d|ed|es|ing)? (?:\w+ly )?on (?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|the \d|\d|tv|television))|\bpick(?:s|ing)? up (?:the )?(?:\w+ )?(?:season|series|sequel|show|rights|episodes)\b|\bland(?:s|ing)? on\b|\bhead(?:s|ing)? to\b|"
    r"\bon (?:its|their) (?:platform|service|app)\b|\bkeep (?:the )?(?:streaming )?rights\b|\bto (?:its|their) (?:[\w-]+ ){0,2}?(?:lineup|line-up|catalog(?:ue)?|slate)\b|"
    r"\b(?:would|will|could|should|might)\s+(?:\w+ly\s+)?(?:get|land|grab|have|pick up)\s+(?:the\s+)?(?:new|next|upcoming|sequel|season)\b|"
    # the writer's pick of a home for the new season: "so it is probably the safest bet for it"
    r"\b(?:safest|safe|best|likeliest|likely|obvious|natural|logical) (?:bet|choice|pick|home|candidate)\b|"
    # a translated press release or a schedule: "to be distributed overseas on X", "episodes go up on X"
    r"\bdistribut(?:e|ed|es|ing) (?:\w+ ){0,2}?on\b|\bgo(?:es)? up on\b",
    re.IGNORECASE,
)
STREAM_FUTURE = _rx(
    r"\bwill\b|^\W*where to (?:watch|stream)\s*:|\b(?:set|going|plans?|likely) to (?:stream|drop|simulcast|debut|premiere|arrive|launch)\b|\blikely\b|\bsimulcast|\bnew season\b|\bsecond season\b|\bthird season\b|"
    r"\bseason \d\b|\bnext season\b|\bupcoming\b|\bsequel\b|\bcontinue\b|\boutside (?:of )?japan\b|"
    r"\binternationally\b|\bpick(?:s|ing)? (?:it|them) up again\b|\bwhen it (?:premieres|airs|debuts|launches)\b|\bas it airs\b|"
    r"\bwould (?:\w+ly )?(?:keep|retain|stream|carry|simulcast|get|land|pick up|handle)\b|"
    r"\bscheduled to\b|\bexpected to\b|\boutside (?:of )?asia\b|\bgo(?:es)? up on\b|\bat the same time as the (?:\w+ )?broadcast\b",
    re.IGNORECASE,
)
STREAM_CORef = _rx(r"\bthe (?:\w+ )?streaming (?:giant|service|platform|site)\b", re.IGNORECASE)
TRAILER = _rx(
    r"\btrailers?\b|\bteasers?\b|\bpvs?\b|\bpromo(?:tional)? (?:video|art|image|illustration|visual)s?\b|\bkey visuals?\b|"
    r"\bvisuals?\b|\bposters?\b(?!\s+(?:also\s+)?(?:says|said|claims|claimed|writes|wrote|adds|added|insists|insisted|who)\b)|\bpreview image\b|\bannouncement video\b|\bteaser video\b|\bclip\b|\billustration\b|\bfootage\b",
    re.IGNORECASE,
)
TRAILER_OUT = _rx(
    r"\breleas(?:ed|es|ing)\b|\breveal(?:ed|s|ing)?\b|\bshared\b|\bunveil(?:ed|s|ing)?\b|\bposted\b|\bstreamed\b|"
    r"\baccompan(?:ied|ying)\b|\btogether with\b|\bfeatur(?:ed|ing)\b|\bdropped\b|\bdebut(?:ed|s)\b|\bcheck (?:it )?out\b|\bwatch\b|"
    r"\bcan see\b|\bnew\b|\bshown\b|\bscreened\b|\bplayed\b|\bfirst\b|\bpublished\b|\bslips\b|\baccessible\b|\bout now\b|\bbrand new\b|\bshows?\b|"
    r"\bpreviews\b|\bdepicts?\b|\bofficial\b|\btreated to\b|\balong with\b|\bconfirmed via\b|\b(?:confirmed|announced) with (?:a|an|its|the)\b|\bthrough the\b|"
    r"\b(?:ended|ends|closed|closes|opened|opens) with\b|\bshowing\b|\binclud(?:ed|es|ing)\b|\balongside\b|"
    # the trailer as the subject that ends or starts an event: "a teaser closed the stream"
    r"\b(?:closed|opened|ended|capped) (?:the|its) (?:live ?stream|stream|event|panel|presentation|showcase)\b|"
    r"\b(?:started|began|begun) streaming\b|\buploaded\b|\bwent up\b|"
    r"\b(?:news|announcement) (?:came|comes) with (?:an? |the |its )?(?:[\w-]+ ){0,2}?(?:trailer|teaser|pv|visual|poster)s?\b",
    re.IGNORECASE,
)
# A trailer whose releaser is named as the subject of the release verb: "Netflix has released a
# new teaser", "The account posted a key visual", "The post included a PV". A passive "a teaser
# was released" names nobody. Case-sensitive: the subject is a name or a channel noun.
TRAILER_RELEASER = re.compile(
    r"(?:^\s*(?:date\s+[\d-]+\s+)?|[,;]\s+|\band\s+|\bthat\s+)(?:[Tt]he\s+)?(?:same\s+)?(?:(?:anime[’']s\s+|show[’']s\s+)?(?:official\s+)?"
    r"(?:[Aa]ccount|[Ww]ebsite|[Ss]ite|[Pp]ost|[Ss]taff|[Ss]tudio|(?:[Pp]roduction\s+)?[Cc]ommittee|[Cc]ompany|"
    r"[Ss]treamer|[Tt]eam|[Pp]ublisher|[Cc]hannel|[Dd]istributor|(?:[Ll]ive\s?)?[Ss]tream|[Pp]age|[Pp]anel)|(?:(?:original\s+)?(?:creator|author|mangaka|illustrator)\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s+"
    r"(?:(?:has|have|had|also|then|later|just|officially)\s+){0,2}"
    r"(?:released|posted|shared|unveiled|revealed|published|dropped|streamed|debuted|premiered|included|includes|"
    r"features|featured|attached|carried|uploaded|(?:ended|closed|opened) with)\s+(?:[\w-]+\s+){0,4}?(?:trailers?|teasers?|PVs?|pvs?|visuals?|posters?|"
    r"videos?|illustrations?|clips?)\b"
)
# A promo item still to come: "a teaser will be shown at the event in December".
TRAILER_TO_COME = _rx(
    r"\b(?:will|would|to|shall|set to|going to|expected to|planned to)\s+(?:\w+ly\s+)?(?:also\s+)?be\s+$|"
    r"\b(?:will|would|to)\s+(?:\w+ly\s+)?(?:also\s+)?$",
    re.IGNORECASE,
)
TRAILER_LINK = _rx(
    r"\bannouncement\b|\baccompan(?:ied|ying)\b|\b(?:came|comes|come) with\b|\balong with\b|\balongside the (?:news|announcement)\b|\btogether with\b|\bfeatured\b|\bcommemorate\b|\balso\b|"
    # shown at the announcing event or with the news: "a teaser closed the stream", "played at the show"
    r"\bwith the (?:news|reveal)\b|\b(?:unveiled|played|shown|screened|premiered) at the (?:\w+ )?(?:booth|show|event|stage|panel|stream|livestream|festival)\b|"
    r"\b(?:closed|opened|ended|capped) the (?:live ?stream|stream|event|panel|show|presentation)\b",
    re.IGNORECASE,
)

# Statements of absence are not claims: "no release date yet", "hasn't been renewed yet".
ABSENCE: Rx = _rx(
    # (not "no April 2027 premiere": a dated premiere said not to happen is a denial, not an absence)
    r"\bno (?!(?:\w+ )?(?:19|20)\d\d (?:premiere|release|debut|broadcast)\b)(?:\w+ ){0,3}(?:release date|date|trailer|footage|word|news|information|confirmation|announcement|details?|"
    r"promotional|premiere|studio|streaming|visuals?|posters?|teasers?|pvs?)\b|"
    # "a trailer is planned, but none has been released yet"
    r"\bnone (?:has|have) (?:yet )?been (?:released|posted|shown|published|revealed)\b|\bnot (?:yet |been |yet been )+(?:\w+ )?(?:confirmed|announced|revealed|"
    r"renewed|made official|given)\b|\b(?:has|have|had)n[’']?t (?:yet |been |yet been |fixed )+|"
    r"\b(?:has|have) not (?:yet )?(?:been )?|\byet to be\b|\bto be (?:announced|revealed|confirmed|determined|decided)\b|\btb[ad]\b|\bhas yet to\b|\bstill no\b|\bremains? to be\b|\buntil an? official\b|\buntil (?:[\w'’]+ ){1,8}?(?:says?|announces?|confirms?|comments?|speaks?) (?:something|anything|so|otherwise|up)\b|\bno delays?\b|\bwithout (?:any )?delays?\b|\bunknown\b|"
    r"\bno official\b|\bnothing (?:official|from)\b|\bnothing (?:\w+ ){0,2}?(?:to|can|could) (?:announce|share|report|confirm)\b|\b(?:did|does|do)(?: not|n[’']t) (?:\w+ )?(?:comment|respond)\b|\bdeclined to comment\b|\b(?:is|was|are|were)(?: not|n[’']t) (?:an?|any|official) (?:\w+ )?(?:announcement|confirmation)\b|\b(?:is|are)(?: not|n[’']t) (?:yet )?(?:officially )?renewed\b|\bkeep (?:you|readers|fans|everyone) (?:posted|updated|informed)\b|\bstay tuned\b|\bnone of (?:this|these|that|it|them) (?:is|are|was|were|means?)\b|\bwait(?:s|ing)? for (?:an? |the )?official\b|\b(?:speculation|the wait|guessing|waiting)(?: game)? (?:will (?:have to )?continue|continues|goes on|must continue|is not over)\b|\b(?:were|are|was|is|been|keep|kept) (?:still )?(?:hoping|wishing|praying|asking|begging) for\b|\b(?:date|dates|details|information|schedule) will be (?:\w+ )?(?:shared|announced|revealed|given|confirmed|decided|disclosed)\b|\bneither\b|\b(?:said|say|says|announced|revealed) nothing\b|\bawait(?:s|ing)? the release\b|\bawait(?:s|ing)? (?:more )?(?:news|details|an? )|"
    r"\bto see (?:if|whether)\b|\bwhether\b|\bwonder\b|\bshould (?:a|the) \w+ (?:season )?be\b|\bwhen will\b|"
    r"\b(?:did|does|do)(?: not|n[’']t) (?:include|contain|feature|show|come with|have|carry|give|reveal|share|mention|provide|offer|announce) (?:any|an?)\b|\bwithout (?:any )?(?:footage|visuals?|trailers?)\b|"
    r"\bwe(?:[’']ll| will) (?:\w+ )?update\b|\b(?:the moment|as soon as) (?:an? |the |any )?(?:\w+ )?(?:date|news|details|information)\b|"
    r"\bis still speculative\b|\basking (?:when|if|whether)\b|\bwondering (?:when|if|whether)\b|\b(?:searching|looking) for (?:the |any )?(?:[\w&'’-]+ ){0,8}?(?:release date|premiere date|news|information|details)\b|"
    r"\b(?:when|if) (?:anything|something|more|news|details)\b|\bonce (?:anything|something|news|details|more (?:news|details|information))\b|\bnot confirmed\b|\b(?:is|are)(?: not|n[’']t) (?:yet )?(?:released|out)(?: yet| till now| until now| so far| as of now)\b|\bwhat to expect\b|\bde(?:s)?conoce\b|\bn[’']a pas\b|\bnon (?:si )?hanno\b",
    re.IGNORECASE,
)
# "There will not be a second season": a season said never to come (not "until next year": a wait).
NOT_TO_BE = (
    r"\bthere (?:will not|won[’']t|will never) be (?:an? |any )?(?:\w+ ){0,2}?(?:season|sequel)\b"
    r"(?![^.;]{0,30}\b(?:until|before|this year|next year|in 20\d\d)\b)"
)
# A season said not to exist: "there is no second season planned" (a denied renewal).
NO_SEASON = _rx(
    r"\bthere (?:is|are|was|were)(?: currently| still| presently)? no (?:\w+ ){0,2}(?:season|sequel)s? "
    r"(?:of (?:[^\s,;.]+ ){1,4}?)?(?:(?:currently|being) )?(?:in the works|in production|in development|planned)\b|"
    r"\b(?:no plans for|no plans of|no plan for|no current plans for|no concrete plans for) (?:an? |the |any )?(?:\w+ ){0,3}?(?:season|sequel)\b|"
    + NOT_TO_BE,
    re.IGNORECASE,
)
DENIAL = _rx(
    r"\bdid not (?:confirm|announce)\b|\bdidn[’']t (?:confirm|announce)\b|\bfake\b|\bhoax\b|\bdebunk\w*\b|\bfalse\b|"
    r"\bnot true\b|\bimpersonat\w*\b|\bno\s*[–—-]\s|" + NOT_TO_BE + r"|"
    # a project called off: "the production of the film has been cancelled"
    r"\b(?:production|project|film|movie|season|sequel|adaptation)\b[^.;]{0,80}?\b(?:has|have) been (?:officially )?(?:cancell?ed|scrapped|called off)\b|"
    r"\bnot (?:produced|made|created|released|authori[sz]ed) by (?:the )?(?:official|staff|studio|production|anime)\b|"
    r"\bthere (?:is|are|was|were)(?: currently| still| presently)? no (?:\w+ ){0,2}(?:season|sequel|anime)s? (?:of (?:[^\s,;.]+ ){1,4}?)?(?:(?:currently|being) )?(?:in the works|in production|in development|planned)\b|"
    r"\b(?:no plans for|no plans of|no plan for|no current plans for|no concrete plans for) (?:an? |the |any )?(?:\w+ ){0,3}?(?:season|sequel)\b|\bnot (?:produced|made|created) by us\b|"
    r"\bthere (?:is|are|will be) no (?:\w+ )?(?:19|20)\d\d (?:premiere|release|debut|broadcast)\b|"
    # "It is not a trailer.": a clip ruled not to be one (not "not a trailer to miss")
    r"\b(?:is|was|are|were)(?: not|n[’']t) (?:a|an) (?:real |actual |genuine )?(?:trailer|teaser|pv)s?\b(?!\s+(?:to|you|for|that|which|we|fans)\b)|"
    r"\bnot (?:an? )?official (?:material|artwork|art|image|poster|visual|announcement|information|trailer|teaser|pv|video|footage|clip|key visual)s?\b|"
    r"^\W*(?:date\s+[\d-]+\s+)?(?:(?:so|sadly|unfortunately|nope|well|again),?\s+)?no,\s+(?:[\w'’:-]+\s+){1,8}?(?:is|are|was|were)(?:n[’']t|\s+not)\b",
    re.IGNORECASE,
)
HEDGE = _rx(
    r"\bcould\b|\bmight\b|\blikely\b|\bunlikely\b|\bpossib(?:le|ly|ility)\b|\bperhaps\b|\bprobabl[ye]\b|"
    r"\b(?:is|are|be|was|were)\s+expected\b|\bexpected to\b|\bwe (?:can )?expect\b|\bwould(?:n[’']t| not)? expect\b|\bwould(?:n[’']t| not)? be (?:\w+ )?(?:shocked|surprised)\b|\b(?:we|fans|many|some) (?:\w+ )?(?:believe|feel|think)\b|\bpredict\w*\b|\bspeculat(?!ion\b)\w*\b|\bif (?:it|the|season|they|this|one|an?|there|so)\b|\bseems?\b|"
    # (the noun is the writer's hedge, unless it is what news did to fans: "fuelled speculation")
    r"(?<!calmed )(?<!calming )(?<!fuelled )(?<!fueled )(?<!fuelling )(?<!fueling )(?<!sparked )(?<!sparking )(?<!stoked )(?<!quelled )(?<!ended )(?<!prompted )\bspeculation\b|"
    r"\bchances are\b|\btentative\w*\b|\bhope\w*\b|\bbased on (?:the |this|that|previous)\b|\bpotentially\b|"
    r"\bwould (?:likely|probably)\b|\bassum\w+\b|\bsafe to say\b|\bsafe bet\b|\bgood bet\b|\b(?:natural|obvious|logical) (?:home|choice|pick)\b|\bbet (?:money|that|on)\b|\bmoney (?:is|would be|'s) on\b|\b(?:good|fair|decent|high|strong|real|slim|small) chance\b|\bguess\b|\bestimat\w*\b|\bhinted?\b|\btease\b|\bclue\b|\bdon[’']t expect\b|\bshould(?:n[’']t| not)? expect\b|\brealistic(?:ally)?\b|"
    # the writer's expectation of an arrival: "the sequel should land on X", "should premiere in 2027"
    r"\bshould (?:\w+ly )?(?:land|arrive|premiere|air|debut|return|stream|drop|launch|hit|be (?:back|out|available|released|ready))\b|"
    r"\bpresumabl[ye]\b|\bin all likelihood\b|\bplausibl[ye]\b|\bconceivabl[ye]\b|\bwould\s+[\"“]?(?:\w+ly\s+)?(?:happily|gladly|love to|like to|be (?:happy|glad|willing) to)\b|"
    r"\bpodr[íi]a\b|\bpotrebbe\b|\bsemble\b|\bse espera\b|\bpourrait\b",
    re.IGNORECASE,
)
# Words without which a sentence can name no source and state no absence: skips the full rules.
SOURCE_CUE = _rx(
    r"\b(?:official|leak|insider|rumou?r|weibo|alleged|reported|trust|credible|source|stream|announc|confirm|reveal|"
    r"unveil|post|shar|publish|trailer|teaser|account|studio|makers|creators|staff|stage|event|festa|fiesta|japan|con|"
    r"no|not|yet|hasn|haven|unknown|remain|whether|until|when|once|if|without)",
    re.IGNORECASE,
)
# lower-case: "May 4" is a month ("\bmay\b" written literal-first: re skips to the literal)
HEDGE_MAY = re.compile(r"may(?<=\bmay)\b")
LEAK = _rx(
    r"\b(?<!confirming the )(?<!confirmed the )(?<!confirms the )leak(?:s|ed|er|ers)?\b|\binsiders?\b|\b(?:is|are|was|were) said to\b|\brumou?r(?:s|ed)?\b|\bweibo\b|\ballegedly\b|\breportedly\b|\bapparently\b|\b(?:retailer|store|shop)(?:[’']s)? (?:\w+ )?listing\b|\blisting on (?:a|an)\b|\b(?:database|catalog(?:ue)?) (?:listing|entry)\b|\binternal (?:catalog(?:ue)?|database|listing)\b|"
    r"\b(?:trustworthy|trusted|credible|reliable|well-known) (?:\w+ )?(?:source|user|account|leaker|insider)s?\b|"
    # a fact-check's "Claim:" line passes on what it then rules on, and so does an anonymous post
    r"^\W*(?:the\s+)?(?:viral\s+)?claim\s*:|\banonymous (?:post|poster|user|account|tip)s?\b|"
    r"\bthese accounts\b|\bsocial media (?:rumblings|users?|posts?)\b|\bwhistleblowers?\b|\bsources? close to\b|"
    r"\bunconfirmed\b|\bclaim(?:s|ed|ing)? (?:that|to)\b|\baccording to (?:a |an )?(?:source|insider|leak)|"
    # magazine pages photographed before release: "the scans also list X", "according to the scans"
    # a handle that is not the official account passing on pages or dates: "shared by the account @x"
    r"\b(?:shared|posted|leaked|uploaded) by (?:the |an? )?(?:x |twitter )?(?:account|user) @\w+(?![^.;]{0,40}\bofficial\b)|"
    r"\bscans? (?:also |further |apparently )?(?:list|show|reveal|say|name|confirm|suggest|indicate)s?\b|\baccording to (?:the |these |those )?scans\b|"
    r"\b(?:fans?|users?|accounts?|posters?) on (?:x|twitter|reddit|social media|tiktok|4chan)\b"
    # (fans asking for a season pass on no claim: "fans on social media keep asking for more")
    r"(?!\s+(?:are\s+|were\s+|have\s+been\s+|keep\s+)?(?:asking|begging|demanding|hoping|wondering|calling for|clamou?ring|requesting|petitioning))|\b(?:account|user|poster|fan|post)s? (?:\w+ ){0,6}?claim(?:s|ing)\b|"
    r"\b(?:an|a) (?:x|twitter|tiktok|instagram|reddit|discord) (?:account|user|poster)\b|\b(?:someone|somebody|a guy|a user|a poster|an anonymous (?:user|poster)) (?:on|in) (?:an? |the )?(?:[\w-]+ ){0,3}?(?:discord|server|forum|reddit|twitter|board|imageboard|5ch|2ch|4chan)\b",
    re.IGNORECASE,
)
MEDIA = _rx(
    # (the outlet may be introduced by what it is: "according to the streaming news site X")
    r"\b(?P<cue>(?i:according to|as per|as reported by|reported by|report(?:ed)? from|via|per))\s+(?:the\s+)?"
    r"(?:(?:[a-z-]+\s+){0,2}?(?:news\s+site|news\s+portal|outlet|blog|publication|newspaper|tabloid)\s+)?(?P<outlet>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})|"
    r"\b(?i:a) (?:new )?report (?:from|in|by|published)\b|\b(?i:per|according to|as per) the (?:same |new |latest )?report\b|\b(?i:japanese|korean) (?:media|outlets?|magazines?|tabloids?)\b|\bmédias\b|"
    r"\b(?i:the) (?:same )?(?:magazine|tabloid|outlet|publication|newspaper|paper)\b[^.;]{0,80}?\b(?:says|said|claims|claimed|reports|reported|adds|added|writes|wrote|notes|noted)\b|"
    # an outlet introduced by what it is: "entertainment outlet Example News reported that",
    # "weekly tabloid Example Lens, in its latest issue, claimed that"
    # (or named in apposition: "an entertainment blog, Example Now, claims that")
    r"(?<!\bmy )(?<!\bour )\b(?i:outlet|news site|news portal|magazine|tabloid|newspaper|paper|blog)\s*,?\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
    r"(?:\s*,[^,.;]{1,90},|\s*,)?\s+(?:has\s+|had\s+)?(?:reported|reports|claimed|claims|wrote|writes|said|says)\b|"
    r"\b(?i:according to|as per) the (?:same |new |latest )?(?:outlet|magazine|tabloid|publication|newspaper|paper|article)\b|"
    r"\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}[’']s (?:report|article)\b",
)
OFFICIAL = _rx(
    r"(?<!like an )(?<!like the )(?<!look like )(?<!not an )(?<!not a )\bofficial(?:ly)?\b|\bstage event\b|\b(?<!before )(?<!ahead of )(?:jump fest[ai]\w*\b|\bjump fiesta\b|\banime ?japan\b|\bcomic[- ]?con\b)(?!\s+takes place)|\bproduction committee\b|"
    r"(?<!\ban )(?<!\ba )\btwitter (?:account|page)\b|(?<!\ban )\bx (?:account|page)\b|\bstaff page\b|\bcredits? (?:line|roll)\b|\byoutube channel\b|\bsocial media accounts? of\b|"
    r"\b(?:debuted|premiered|shown|screened|unveiled) (?:on|at|during) (?:the |a |its )?(?:\w+ )?(?:panel|stage|showcase)\b|"
    r"\bissue of\b(?! the (?:\w+ )?(?:tabloid|newspaper|weekly))|\b(?:according to|per|as per) (?:the|this|that|its) (?:same |official )?(?:announcement|statement|press release|website|site|account|issue)\b|\bthe (?:same )?(?:announcement|statement|press release) (?:added|adds|said|says|noted|notes|continued|continues|read|reads|stated|states)\b|\b(?:announced|revealed|confirmed|teased)\b[^.]{0,40}\b(?:finale|final episode|last episode)\b|"
    r"\b(?:finale|final episode|last episode)\b[^.]{0,60}\b(?:announced|revealed|confirmed|confirming)\b|\bthrough the teaser\b|"
    # the broadcast's own end card: "an on-screen card announcing", "a card at the end of the broadcast"
    r"\b(?:on-screen|end|closing) card\b|\bcard at the end of (?:the )?(?:\w+ )?(?:episode|broadcast|finale)\b|"
    r"\bvia (?:a |the )?(?:new )?teaser\b|\b(?:announced|confirmed|revealed|unveiled|shared|posted) (?:by|through|on) (?:the )?(?:[A-Z][\w.]*\s*){1,3}(?:account|channel|website|animation|studio)\b|\bcuenta oficial\b|\bofficiel\w*\b|\bufficial\w*\b|"
    # a service adding the new season to its own line-up page
    r"\b(?:has |have )?added (?:the |its )?(?:[\w-]+ ){0,3}?(?:season|series|sequel|show|anime|film|movie)(?: \d+)? to (?:its|their) (?:[\w-]+ ){0,3}?(?:lineup|line-up|catalog(?:ue)?|schedule|slate)\b|"
    # the rights holder's own notice speaks in the first person: "we had announced", "we have
    # made the difficult decision to postpone" (a news outlet reports, it does not announce)
    r"\bwe (?:have |had )?(?:previously |originally )?(?:announced|decided)\b|\bwe (?:have )?made the (?:\w+ )?decision\b",
    re.IGNORECASE,
)
# Weaker official channels: they count only with an announcing verb in the same clause.
OFFICIAL_WEAK: Rx = _rx(
    r"\b(?:the )?(?:makers|creators|original authors?|mangaka|showrunners|producers?|broadcaster|staff|production company|spokes(?:person|man|woman)|representative|production team|committee|company|publisher|studio|distributor|"
    r"streaming giant|production house|streamer)\b|\bstage\b|\bpanel\b|\blivestream\b|\bevent\b|\bwebsite\b|(?<!news )(?<!fan )\bsite\b|(?<!news )\bportal\b|\bsocial media accounts\b|"
    r"\b(?:its|their) (?:official )?(?:[\w-]+ ){0,2}account\b|\bthe (?:official )?(?:statement|press release)\b",
    re.IGNORECASE,
)
ANNOUNCE_VERB: Rx = _rx(
    # (not the nouns "publisher" and "poster": "the publisher's in-house studio is animating")
    r"\b(?!(?:publisher|poster)s?\b)(?:announc|confirm|reveal|unveil|post|shar|releas|publish|stream|green)\w*|\bslips\b|\bgave\b|\bdecid\w*|\bsaid\b|\bsays\b|\btold (?:the |an )?(?:\w+ )?(?:audience|crowd|fans|attendees|reporters|press|journalists|viewers)\b|\bstate[sd]\b|\badd(?:ed|s)\b|"
    # a channel's own page reads as its statement: "the website states", "the portal names X"
    r"\bnames\b(?!\s+no\b)|\blist(?:s|ed)\b(?!\s+no\b)|\bcredits\b(?!\s+no\b)|"
    r"\bshow(?:ed|n)\b|\bscreened\b|\b(?:ended|closed|opened) with\b|\bcommitted to\b",
    re.IGNORECASE,
)
# The trailer itself is an official channel for what it reveals (not for its own release).
TRAILER_SELF = _rx(
    r"\b(?:trailer|teaser|pv|video)\b[^.]{0,40}?\b(?:ends|closes|ended|closed) (?:on|with)\b|\b(?:trailer|teaser|pv|promotional video|video)\b[^.]{0,120}?\b(?:unveil|reveal|confirm|announc)\w*|"
    r"\b(?:announced|revealed|confirmed) (?:during|in|through|via) (?:a |the )?(?:new )?(?:trailer|teaser|pv)\b|"
    r"\baccording to (?:a |the )?(?:new |latest |first )?(?:trailer|teaser|pv|promotional video|promo video)\b",
    re.IGNORECASE,
)
# A later sentence that tells where "the announcement" came from.
ANNOUNCE_BACKREF = _rx(
    r"\bthe announcement\b|\bthis was announced\b|\bthe news\b|\bthe (?:release|premiere) date\b.*\b(?:revealed|announced)\b|"
    r"\bwas (?:revealed|announced|confirmed) (?:on|via|through|by|during)\b|\bannounced on\b",
    re.IGNORECASE,
)
QUESTION_HEADLINE = _rx(r"\?\s*$")
# Past tense of premiering: "the first season premiered in April 2023" is history.
HISTORY_VERB = _rx(
    r"\b(?:premiered|aired|debuted|ran|came out|launched|began|started|ended|concluded|wrapped|went live|"
    r"was broadcast|was released|were released|streamed|screened|followed|first appeared|made (?:its|their|his|her) (?:\w+ )?debut|became|"
    r"first (?:hit|arrived|appeared|landed|opened)|"
    r"had (?:its|their) (?:\w+ )?(?:premiere|debut)|got (?:its|their) start)\b|(?<!\bbe )(?<!\bbeing )\breleased\b",
    re.IGNORECASE,
)
FUTURE = _rx(
    r"\bwill\b|\b(?:is|are) (?:set|slated|scheduled|going) to\b|\bupcoming\b|\bcoming\b|\breturn|\bnext\b|\bnew season\b|"
    r"\bsequel\b|\b(?:to|shall) (?:premiere|air|release)\b|\bkicks off\b|\bpremieres\b|\bairs\b|\b\w+['’]ll\b|\bstarts?\b|\b(?:is|are) back\b",
    re.IGNORECASE,
)
PAST_SEASON = _rx(
    r"\b(?:first|previous|last|earlier|past|prior|original) (?:season|seasons|cour|part)\b|\bseason (?:1|one)\b|"
    r"\bseasons (?:one|1) and (?:two|2)\b|\bfirst and second seasons?\b|\bformer\b|"
    r"\ball (?:two|three|four|five|six|seven|\d) (?:\w+ )?seasons\b|\bboth (?:\w+ )?seasons\b",
    re.IGNORECASE,
)
NEW_INSTALLMENT = _rx(
    r"\b(?:new|next|upcoming|latest|another|coming|forthcoming|impending|anticipated) (?:\w+ )?(?:season|instal+ment|sequel|chapter|part|arc|episodes?)\b|"
    r"\bsequel\b|\bsophomore season\b|\bcontinuation\b|\bnew anime project\b",
    re.IGNORECASE,
)

# Studios (usual names) and services: name lists of the field, matched as whole words.
STUDIOS: tuple[str, ...] = (
    "MAPPA", "Madhouse", "CloverWorks", "Studio Bind", "TOHO animation STUDIO", "OLM", "Liden Films",
    "Doga Kobo", "Ufotable", "Bones", "Wit Studio", "Kyoto Animation", "A-1 Pictures", "Production I.G.", "Production I.G",
    "Science SARU", "White Fox", "Studio Trigger", "David Production", "J.C.Staff", "Sunrise",
    "Bandai Namco Pictures", "Toei Animation", "Pierrot", "Studio Pierrot", "Lerche", "Shaft", "P.A. Works",
    "Silver Link", "Kinema Citrus", "TMS Entertainment", "8bit", "Eight Bit", "Lide Films", "Studio Deen",
    "Brain's Base", "Diomedéa", "Diomédéa", "Diomedea", "Passione", "Studio Ghibli", "Polygon Pictures",
    "CygamesPictures", "Cygames Pictures", "Shin-Ei Animation", "Lay-duce", "Studio VOLN", "Satelight",
    "Tezuka Productions", "Geno Studio", "GoHands", "Felix Film", "FelixFilm", "Studio Gokumi", "Encourage Films",
    "Project No.9", "Studio Kai", "Studio Hibari", "Telecom Animation Film", "Studio 3Hz",
    "Zero-G", "Yokohama Animation Laboratory", "Asread", "Tatsunoko Production", "Millepensee",
    "Studio Comet", "Gainax", "Actas", "Studio Blanc", "Maho Film", "Okuruto Noboru", "Studio Mother",
    "Arvo Animation", "Bibury Animation Studios", "Staple Entertainment", "Yostar Pictures",
    "Studio Signpost", "Troyca", "NAZ", "Children's Playground Entertainment", "Ajia-do",
    "Studio Flad", "Studio Elias", "C2C", "EMT Squared", "Typhoon Graphics", "Nomad", "Lapin Track",
    "Studio Colorido", "Ordet", "Creators in Pack", "Hoods Entertainment", "Project No. 9", "Seven Arcs",
    "Doga Kobo", "Studio Bones", "Bones Film", "Madhouse Studio", "ENGI", "Studio Massket",
    "feel.",  # lower case with its full stop: the open-world rule needs a capital
    # more studios of the field (issue 4: a gazetteer matched anywhere in a studio sentence)
    "LIDENFILMS", "J.C.STAFF", "Geek Toys", "Bridge", "Larx Entertainment", "Studio A-CAT", "A-CAT", "A-Cat", "Cloud Hearts",
    "Studio Palette", "AXsiZ", "Studio Flag", "Saetta", "Yumeta Company", "Graphinica", "Sanzigen",
    "Studio Gallop", "Nippon Animation", "Xebec", "Manglobe", "Brains Base", "TNK", "Studio Mir",
    "Gonzo", "Studio Rikka", "Bakken Record", "Production Reed", "Marvy Jack", "Studio Puyukai",
    "Haoliners Animation League", "Haoliners", "Colored Pencil Animation", "B.CMAY PICTURES",
    "Fanworks", "Tear Studio", "AIC", "AIC PLUS+", "AIC Spirits", "AIC Build", "Production IMS",
    "Studio Clutch", "Shuka", "Platinum Vision", "Jumondou", "Studio Lings", "Imagin", "Raiose",
    "Sunrise Beyond", "Bandai Namco Filmworks", "Studio Durian", "Asahi Production", "Pine Jam",
    "Hoods Drifters Studio", "Signal.MD", "Revoroot", "Zexcs", "DandeLion Animation Studio",
    "Digital Frontier", "Studio 4°C", "Kamikaze Douga", "Ezo'la", "Cyclone Graphics", "Gekkou",
    "Studio Jemi", "Wolfsbane", "Studio Khara", "Khara", "Shirogumi", "Studio Dadashow",
    "Ashi Productions", "Studio Fantasia", "Daume", "Artland", "Hal Film Maker", "Studio Chizu",
    "Studio Ponoc", "Studio LAN", "Wawayu Animation", "Sparkly Key Animation Studio",
    "Tencent Penguin Pictures", "GEMBA", "Lesprit", "Studio Hokiboshi", "Studio Moe", "Nut",
    "Trigger", "Quad", "Atelier Pontdarc", "Bug Films", "Studio Add", "Tatsunoko",
)  # fmt: skip
# The usual spelling of a studio written another way (keyed by the upper-cased variant).
STUDIO_SPELLINGS = {
    "LIDENFILMS": "Liden Films",
    "LIDEN FILMS": "Liden Films",
    "J.C.STAFF": "J.C.Staff",
}
SERVICES: tuple[str, ...] = (
    "Crunchyroll", "Netflix", "HIDIVE", "Disney+", "Disney Plus", "Hulu", "Amazon Prime Video",
    "Prime Video", "Funimation", "Bilibili", "Muse Asia", "Ani-One Asia", "Ani-One", "Hotstar", "ADN", "Wakanim",
    "Aniplus", "iQIYI", "HBO Max", "Tubi", "VRV", "Anime Digital Network", "Tencent Video", "Youku", "WeTV",
)  # fmt: skip
# Outlets: a cited name that is one of these is another outlet, not an official channel.
OFFICIAL_NAMES: tuple[str, ...] = SERVICES + (
    "Aniplex",
    "TOHO",
    "Shueisha",
    "Kodansha",
    "Kadokawa",
    "Toho",
    "Viz",
    "Yen Press",
    # broadcasters and rights holders that announce their own shows ("NHK has confirmed that ...")
    "NHK", "Fuji TV", "TV Tokyo", "Tokyo MX", "Yomiuri TV", "Nippon TV", "TV Asahi", "TBS",
    "MBS", "Mainichi Broadcasting", "AT-X", "BS11", "BS Fuji", "WOWOW", "Abema", "ABEMA",
    "Tencent", "Yostar", "Shogakukan", "Square Enix", "Pony Canyon", "Sentai Filmworks",
    "Cygames", "Bushiroad", "Avex Pictures", "Lantis", "King Records", "Bandai Namco",
    "Warner Bros. Japan", "Kinema Citrus", "Noitamina",
)  # fmt: skip

"""Season names the article numbers itself.

A KB title that names one season ("High School D×D HERO" is season 4 in the KB) gets no season
from the KB alone: numbering follows the article (``linker._surface_season``). When the article
numbers it in an apposition right after the name ("Moonlit Bakery Encore, the third television
season, ..."; "Moonlit Bakery Encore (the third season)"), with the KB's own number, the name
is that season's: every hit of it, and of its short form, takes the number.
"""

from __future__ import annotations

import re

from seasoncheck.link.doc import Doc
from seasoncheck.link.index import TitleIndex

# The gap between a name and a season reference in apposition to it: a comma, an opening
# parenthesis or a dash ("X, the third season,", "X (the third season)", "X -- the third season").
_APPOSITION_GAP: re.Pattern[str] = re.compile(r"[ ]?(?:,|\(|[—–]|--?)[ ]?")


def apposed_seasons(docs: list[Doc], index: TitleIndex) -> None:
    """Number every hit of a KB season title (and every hit carrying its KB season, such as its
    one-word short form) when the article writes a numbered season reference in apposition
    right after one of its hits, with the number the KB gives that title."""
    numbered: dict[str, int] = {}
    for d in docs:
        for h in d.hits:
            if h.season is not None or not h.kb_work_id or h.match_key not in index.keys:
                continue
            kb_number = index.entry(h.match_key).season
            if kb_number is None:
                continue
            for r in d.refs:
                if r.start < h.end:
                    continue
                if (
                    r.season == kb_number
                    and not r.relative
                    and _APPOSITION_GAP.fullmatch(d.text, h.end, r.start)
                ):
                    numbered[h.kb_work_id] = kb_number
                break  # only the first reference after the name can be in apposition to it
    if not numbered:
        return
    for d in docs:
        for h in d.hits:
            if h.season is None and h.kb_work_id in numbered:
                h.season = numbered[h.kb_work_id]

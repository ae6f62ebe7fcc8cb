"""Lines of links to other articles ("Read More: ...", "Related News:" and its list): not the
article's content, so no title or season reference is taken from them."""

from __future__ import annotations

import re

from seasoncheck.link.doc import Doc

# Lines of links to other articles ("Read More: ..."): not the article's content. The pattern
# starts with a literal newline so that the regex engine can skip to line starts quickly.
_CROSSLINK = re.compile(
    r"\n[ \t]*(?:read\s+more|also\s+read|read\s+also|related|recommended|see\s+also|"
    r"more\s+news|you\s+may\s+also\s+like|check\s+out|must\s+read)\b[^\n]*",
    re.IGNORECASE,
)
# The same labels inside a paragraph, where scraped pages glue them to the text: with a colon.
# Found from each colon back (a scan for the labels themselves ran at 50 MB/s).
_CROSSLINK_LABEL = re.compile(
    r"\b(?:read\s+more|also\s+read|read\s+also|related|recommended|see\s+also|must\s+read)"
    r"\s*$",
    re.IGNORECASE,
)
# The bulleted lines right under a label line that ends with its colon ("Related News:" over
# "- Studio announces new project"): the label's list of links.
_LINK_LIST = re.compile(r"(?:\n[ \t]*[-•*–][ \t][^\n]*)+")


def skip_spans(doc: Doc) -> list[tuple[int, int]]:
    """The cross-link lines of a document, found when first needed (most texts never need
    them: no title, no season reference)."""
    if doc.skip is None:
        doc.skip = []
        for m in _CROSSLINK.finditer("\n" + doc.text):
            doc.skip.append((m.start(), m.end() - 1))
            if m.group(0).rstrip().endswith(":") and (
                items := _LINK_LIST.match(doc.text, m.end() - 1)
            ):
                doc.skip.append((m.end(), items.end()))
        doc.skip += _inline_crosslinks(doc.text)
    return doc.skip


def _inline_crosslinks(text: str) -> list[tuple[int, int]]:
    """Spans of "Read More: ..." glued inside a paragraph, up to the end of the line."""
    spans = []
    pos = text.find(":")
    while pos >= 0:
        if m := _CROSSLINK_LABEL.search(text, max(0, pos - 20), pos):
            end = text.find("\n", pos)
            spans.append((m.start(), len(text) if end < 0 else end))
        pos = text.find(":", pos + 1)
    return spans

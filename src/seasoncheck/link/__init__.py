"""Linking: franchise and season mentions of an article, against the KB and open-world.

``Linker(kb).link(text, title)`` returns :class:`~seasoncheck.models.Mention` objects with
offsets into ``text``; ``link_title`` gives the title's own mentions (offsets into the title);
``main_subject`` says what the article is mainly about; ``analyse`` returns all three at once.
"""

from seasoncheck.link.doc import LinkResult, Subject
from seasoncheck.link.linker import Linker
from seasoncheck.link.normalise import normalise_title
from seasoncheck.link.seasons import SeasonRef, find_season_refs

__all__ = ["LinkResult", "Linker", "SeasonRef", "Subject", "find_season_refs", "normalise_title"]

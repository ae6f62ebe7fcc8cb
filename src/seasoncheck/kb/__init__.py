"""Knowledge base: import (bangumi-data, anime-offline-database, facts), franchises, seasons, search."""

from seasoncheck.kb.model import Character, Franchise, KBSeason, KnowledgeBase, TitleEntry

__all__ = ["Character", "Franchise", "KBSeason", "KnowledgeBase", "TitleEntry"]

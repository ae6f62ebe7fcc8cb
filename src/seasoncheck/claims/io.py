"""Reading the spec's input JSONL into Articles, and writing claims and flags as JSONL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from seasoncheck.claims.dates import parse_published
from seasoncheck.models import Article, Extraction, RawItem

log = logging.getLogger(__name__)

# Largest article text accepted, in characters: real news articles stay under 100 KB; a 5 MB
# "article" is a dump or an error, and would only slow the batch down.
MAX_TEXT_CHARS = 1_000_000


@dataclass(frozen=True)
class LineProblem:
    """A line of the input that could not be used (error) or was used with a caveat (warning)."""

    origin: str  # path:line
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        """'path:line: message'."""
        return f"{self.origin}: {self.message}"


@dataclass
class ClaimsRun:
    """The outcome of extracting claims from one input file."""

    extractions: list[Extraction] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)
    # Input ids that were not strings (JSON integers), by their string form: the output gives
    # them back as they were given, so a scorer keyed on the input's ids finds them.
    given_ids: dict[str, Any] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """True when any line could not be processed."""
        return any(p.fatal for p in self.problems)

    def records(self) -> Iterator[dict[str, Any]]:
        """The spec's output records of every article, with each ``doc_id`` as the input gave it."""
        for ex in self.extractions:
            yield from extraction_lines(ex, self.given_ids.get(ex.doc_id))


def read_articles(
    path: Path, given_ids: dict[str, Any] | None = None
) -> Iterator[Article | LineProblem]:
    """Articles of a JSONL file in the spec's input format; a LineProblem for each bad line.

    An Article's ``doc_id`` is a string; ids given as JSON integers are recorded in
    ``given_ids`` (string form -> integer) so the output can give them back unchanged.
    """
    with path.open("rb") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                yield from _parse_line(line, f"{path}:{n}", given_ids)


def _parse_line(
    line: bytes, origin: str, given_ids: dict[str, Any] | None = None
) -> Iterator[Article | LineProblem]:
    """One Article (plus warnings), or one LineProblem."""
    try:
        rec = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        yield LineProblem(origin, f"not JSON ({exc})")
        return
    if not isinstance(rec, dict):
        yield LineProblem(origin, "not a JSON object")
        return
    problem = _check_record(rec)
    if problem:
        yield LineProblem(origin, problem)
        return
    if given_ids is not None and isinstance(rec["id"], int):
        given_ids[str(rec["id"])] = rec["id"]
    published = rec.get("published")
    if published is not None and parse_published(str(published)) is None:
        yield LineProblem(
            origin,
            f"'published' is not a date ({published!r}); relative dates stay unresolved",
            fatal=False,
        )
        published = None
    try:
        yield _article(rec, origin, published)
    except Exception as exc:  # extraction of a broken html page must not stop the batch
        yield LineProblem(origin, f"could not extract the article ({type(exc).__name__}: {exc})")


def _check_record(rec: dict[str, Any]) -> str | None:
    """Why a record cannot be used, or None."""
    if rec.get("id") in (None, ""):
        return "no 'id'"
    if isinstance(rec["id"], bool) or not isinstance(rec["id"], str | int):
        return f"'id' is not a string or an integer ({rec['id']!r})"
    text, html = rec.get("text"), rec.get("html")
    if text is not None and not isinstance(text, str):
        return "'text' is not a string"
    if not (text or "").strip() and not (isinstance(html, str) and html.strip()):
        return "no 'text' or 'html'"
    size = len(text or "") or len(html or "")
    if size > MAX_TEXT_CHARS:
        return f"the article is {size / 1e6:.1f} M characters, over the {MAX_TEXT_CHARS / 1e6:.0f} M limit"
    return None


def _article(rec: dict[str, Any], origin: str, published: str | None) -> Article:
    """An Article from a valid record; ``text`` is kept byte for byte, ``html`` is extracted."""
    from seasoncheck.dedup import content_hash

    text = rec.get("text") or ""
    meta = {k: _str(rec.get(k)) for k in ("url", "site", "title", "lang")}
    if not text.strip():
        from seasoncheck.extract import extract_article

        item = RawItem(origin=origin, html=rec["html"], url=meta["url"], site=meta["site"], title=meta["title"],
                       published=published, lang=meta["lang"], doc_id=str(rec["id"]))  # fmt: skip
        article = extract_article(item)
        return replace(article, doc_id=str(rec["id"]), published=published)
    return Article(
        id=content_hash(text), text=text, origin=origin, title=meta["title"], url=meta["url"],
        site=meta["site"], published=published, language=meta["lang"], raw_size=len(line_bytes(text)),
        doc_id=str(rec["id"]),
    )  # fmt: skip


def _str(v: Any) -> str | None:
    """A string field, or None."""
    return str(v) if v not in (None, "") else None


def line_bytes(text: str) -> bytes:
    """UTF-8 bytes of ``text`` (for raw_size)."""
    return text.encode("utf-8", "surrogatepass")


def extraction_lines(ex: Extraction, doc_id: Any = None) -> Iterator[dict[str, Any]]:
    """The spec's output records of one article: its claims, then its flags.

    ``doc_id``, when given, replaces the article's (string) doc_id: the input's own id value.
    """
    for c in ex.claims:
        rec = c.to_dict()
        if doc_id is not None:
            rec["doc_id"] = doc_id
        yield rec
    for fl in ex.flags:
        yield {"doc_id": fl.doc_id if doc_id is None else doc_id, "flag": fl.flag}


@lru_cache(maxsize=1)
def demo_kb() -> Any:
    """The offline demo KB, loaded once per process (it is read-only)."""
    from seasoncheck.kb.loader import load_kb

    return load_kb(None)


def run_file(path: Path, kb: Any) -> ClaimsRun:
    """Extract the claims of every article of a JSONL file; bad lines become problems, not crashes."""
    from seasoncheck.claims import extract_claims

    run = ClaimsRun()
    for item in read_articles(path, run.given_ids):
        if isinstance(item, LineProblem):
            run.problems.append(item)
            continue
        try:
            run.extractions.append(extract_claims(item, kb))
        except Exception as exc:  # one broken article must not stop the batch
            log.debug("claim extraction failed on %s", item.origin, exc_info=True)
            run.problems.append(
                LineProblem(item.origin, f"claim extraction failed ({type(exc).__name__}: {exc})")
            )
    return run

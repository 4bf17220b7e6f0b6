"""Corpus: article files on disk -> validated :class:`Article` objects with stable IRIs.

Why: a build runs unattended over messy folders, so every file is checked here (UTF-8, not
empty, not binary, under a size limit) and a bad one becomes a :class:`CorpusError` naming the
file and the reason, which the build reports while still building the others. Nothing here
imports spaCy, pyoxigraph or Flask (``tests/test_layers.py``).

Metadata lives in a JSON sidecar next to the text (``NAME.meta.json``): title, estimated
publication date with its precision and the evidence for it, language, source. Articles without
a sidecar get an estimate from a dateline or from the latest full date the text mentions, and
say so in ``published_basis``.
"""

from __future__ import annotations

import glob
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import CorpusError
from kg.facts import MONTHS, FuzzyDate

#: Suffixes read as article text.
TEXT_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 2_000_000
#: Longest text we parse: about 50,000 words, ten times a long analysis piece. spaCy refuses
#: texts over its ``nlp.max_length`` (1,000,000, E088) outright, and one just under it took
#: minutes and ~3 GB to parse here: such a file is almost never an article (a book, a dump), so
#: it is reported like any other unusable file instead of stalling an unattended build.
MAX_ARTICLE_CHARS = 300_000

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_DATE = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I)
_DATELINE = re.compile(rf"^\s*({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\s*$", re.I | re.M)
#: A wire dateline with a year: "ABUJA, Jan. 29, 2025 (Reuters) —", "MANILA, Sept. 11, 2025".
_WIRE_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z.'’/ -]+,\s+((?i:{_MONTH_ALT}))\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b",
    re.M)


@dataclass(frozen=True)
class Article:
    """One source text with its metadata; ``id`` is stable (from the file name)."""

    id: str
    text: str
    path: str
    content_hash: str
    title: str | None = None
    published: FuzzyDate | None = None
    published_basis: str | None = None
    language: str = "en"
    source: str | None = None

    @property
    def words(self) -> int:
        """Whitespace-separated word count (for progress and benchmarks)."""
        return len(self.text.split())


def slugify(text: str) -> str:
    """Lowercase ASCII slug: letters, digits, ``_`` and single hyphens."""
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    norm = re.sub(r"[^A-Za-z0-9_]+", "-", norm).strip("-").lower()
    return re.sub(r"-{2,}", "-", norm) or "x"


def article_id_for(path: Path) -> str:
    """Stable article id: the slugified file stem (``000_3640dcb8ddf62a57``)."""
    name = path.name
    for suffix in TEXT_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return slugify(name)


def validate_bytes(path: Path, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode an article file, or raise :class:`CorpusError` saying why it is not usable."""
    if len(data) > max_bytes:
        raise CorpusError(path, f"file is {len(data)} bytes, over the {max_bytes}-byte limit")
    if b"\x00" in data[:65536]:
        raise CorpusError(path, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(path, f"not valid UTF-8 (byte {exc.start}: {exc.reason})") from None
    if not text.strip():
        raise CorpusError(path, "empty file (no text)")
    if len(text) > MAX_ARTICLE_CHARS:
        raise CorpusError(path, f"text is {len(text)} characters, over the parser's limit of "
                                f"{MAX_ARTICLE_CHARS} characters")
    sample = text[:65536]
    control = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if control > max(8, len(sample) // 100):
        raise CorpusError(path, "binary file (too many control characters)")
    return text


def estimate_published(text: str) -> tuple[FuzzyDate | None, str | None]:
    """Best guess of the publication date from the text alone, with the reason.

    Why: relative dates ("this July", "last year") need an anchor. A dateline on a line of its
    own near the top is the strongest evidence; otherwise the latest full date the text mentions
    is a lower bound, which we report at month precision.
    """
    head = "\n".join(text.splitlines()[:20])
    m = _DATELINE.search(head) or _WIRE_DATELINE.search(head)
    if m:
        month, day, year = MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)
        return FuzzyDate(f"{year}-{month:02d}-{day:02d}"), f"dateline {m.group(0).strip()!r}"
    dates = sorted(
        (int(y), MONTHS[mo.lower()], int(d)) for mo, d, y in _FULL_DATE.findall(text)
    )
    if dates:
        y, mo, _ = dates[-1]
        return FuzzyDate(f"{y}-{mo:02d}"), "latest full date mentioned in the text (lower bound)"
    return None, None


def _read_sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(sidecar, f"metadata sidecar is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise CorpusError(sidecar, "metadata sidecar must be a JSON object")
    return meta


def read_article(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and validate one article file and its optional sidecar."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot read file ({exc.strerror})") from None
    text = validate_bytes(path, data, max_bytes)
    meta = _read_sidecar(path)
    published, basis = None, meta.get("published_basis")
    if meta.get("published"):
        try:
            published = FuzzyDate(str(meta["published"]))
        except ValueError as exc:
            raise CorpusError(path, f"sidecar 'published': {exc}") from None
    else:
        published, basis = estimate_published(text)
    digest = hashlib.sha256(data)
    digest.update(json.dumps(meta, sort_keys=True).encode())
    return Article(
        id=article_id_for(path),
        text=text,
        path=str(path),
        content_hash=digest.hexdigest(),
        title=meta.get("title"),
        published=published,
        published_basis=basis,
        language=meta.get("language", "en"),
        source=meta.get("source"),
    )


def find_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files, folders and globs into a sorted, de-duplicated list of article files.

    Raises :class:`CorpusError` for a path that matches nothing, so a typo is not an empty build.
    """
    found: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            matches = [q for q in p.iterdir() if q.is_file() and q.name.endswith(TEXT_SUFFIXES)]
        elif p.is_file():
            matches = [p]
        else:
            matches = [Path(m) for m in glob.glob(str(raw), recursive=True) if Path(m).is_file()]
            if not matches:
                raise CorpusError(raw, "no such file, folder or glob match")
        found.update(q for q in matches if not q.name.endswith(SIDECAR_SUFFIX))
    return sorted(found)


def iter_articles(
    paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | CorpusError]:
    """Yield an :class:`Article` or the :class:`CorpusError` for each file, never stopping early."""
    for path in paths:
        try:
            yield read_article(path, max_bytes)
        except CorpusError as exc:
            yield exc


def article_from_text(
    article_id: str, text: str, published: str | None = None, title: str | None = None
) -> Article:
    """An in-memory article (tests, benchmarks, the synthetic corpus generator)."""
    data = text.encode("utf-8")
    return Article(
        id=slugify(article_id),
        text=text,
        path=f"<memory:{article_id}>",
        content_hash=hashlib.sha256(data).hexdigest(),
        title=title,
        published=FuzzyDate(published) if published else None,
        published_basis="given" if published else None,
    )

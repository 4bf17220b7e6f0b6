"""Saved queries: ``queries/*.rq`` parsed into :class:`SavedQuery`, parameters bound as terms.

Why: a saved query is data (Datasette's canned queries, STYLE.md §3), one file per query with a
grlc-style ``#+`` header (``summary``, ``description``, ``tags``, ``defaults``, ``enumerate``,
``pagination``, ``method``) and BASIL-style parameters in the query text (``?_name_type``
required, ``?__name_type`` optional), so the same folder also works under grlc. This is the only
module that reads those files.

Values are **never** pasted into query text: each parameter becomes a pyoxigraph term bound with
``substitutions=`` (SEP-0007). Only the page's ``LIMIT``/``OFFSET`` are appended, and those are
integers this module computed itself. pyoxigraph 0.5.13 requires a substituted variable to be
projected, so every parameter variable appears in its query's ``SELECT`` clause, and optional
parameters are tested with ``COALESCE(test, true)`` (``BOUND``/``BIND`` on a substituted variable
do not see the value).

IRI parameters accept a full ``http(s)``/``urn`` IRI, a ``prefix:local`` CURIE of
:data:`kg.vocab.PREFIXES`, or a bare id expanded in the parameter's namespace (``china`` ->
``entity:china``; ``article…`` parameters -> ``article:``; ``fact…`` -> ``fact:``). A bare QID
(``Q148``) becomes ``wd:Q148``; :attr:`BoundQuery.wikidata_params` lists the entity parameters
bound to a Wikidata IRI (QID, ``wd:`` CURIE or full IRI) so the server can resolve them to our
entity through ``owl:sameAs`` before running the query (unresolved, they stay ``wd:`` IRIs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pyoxigraph as ox

from kg import vocab
from kg.errors import DataFileError, ParameterError, UnknownQuery

#: Literal kinds a parameter suffix may name, with their XSD datatype (None: plain string).
LITERAL_KINDS: dict[str, str | None] = {
    "string": None,
    "literal": None,
    "integer": str(vocab.XSD.integer),
    "decimal": str(vocab.XSD.decimal),
    "double": str(vocab.XSD.double),
    "boolean": str(vocab.XSD.boolean),
    "dateTime": str(vocab.XSD.dateTime),
    "date": str(vocab.XSD.date),
}
QUERY_TYPES = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
MAX_PAGE = 100_000
MAX_LITERAL_CHARS = 2_000

_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
_PARAM_RE = re.compile(r"[?$](__?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)")
_KEYWORD_RE = re.compile(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", re.IGNORECASE)
_LANG_RE = re.compile(r"^[a-z]{2,3}$")
_QID_RE = re.compile(r"^Q[1-9][0-9]{0,11}$")
_CURIE_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):([A-Za-z0-9_][A-Za-z0-9_.-]*)?$")
_INTEGER_RE = re.compile(r"^[+-]?[0-9]{1,18}$")
_DECIMAL_RE = re.compile(r"^[+-]?([0-9]{1,18}(\.[0-9]{0,12})?|\.[0-9]{1,12})$")
_DOUBLE_RE = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
_DATETIME_RE = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]00:00)?)?)?)?$"
)
_IRI_SCHEMES = ("http", "https", "urn")


@dataclass(frozen=True)
class Param:
    """One parameter: its public name, the query variable it binds and how values are read."""

    name: str
    variable: str
    required: bool
    kind: str  # "iri", a key of LITERAL_KINDS, or "lang"
    lang: str | None = None
    datatype: str | None = None
    default: str | None = None
    enum: tuple[str, ...] = ()

    @property
    def namespace(self) -> str:
        """Where a bare id is expanded: articles, facts, graphs, or entities (default)."""
        for prefix, ns in (("article", vocab.ARTICLE), ("fact", vocab.FACT),
                           ("graph", vocab.GRAPH)):
            if self.name.startswith(prefix):
                return str(ns)
        return str(vocab.ENTITY)

    def describe(self) -> str:
        """A short human description of the accepted values (for errors and OpenAPI)."""
        if self.kind == "iri":
            return ("an IRI, a CURIE (e.g. entity:china), a bare id or a Wikidata QID"
                    if self.namespace == str(vocab.ENTITY) else "an IRI, a CURIE or a bare id")
        if self.kind == "lang":
            return f"text (bound as a @{self.lang} literal)"
        if self.kind == "dateTime":
            return "a date or date-time: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss"
        return {"integer": "an integer", "decimal": "a decimal number", "double": "a number",
                "boolean": "true or false", "date": "a date YYYY-MM-DD"}.get(self.kind, "text")

    def enum_iris(self) -> dict[str, str]:
        """Expanded IRI of each enumerated value (IRI parameters only)."""
        return {e: expand_curie(e) or e for e in self.enum}

    def to_term(self, raw: str) -> ox.NamedNode | ox.Literal:
        """Read one value; raise ParameterError saying why it is not acceptable."""
        value = raw.strip()
        if self.kind == "iri":
            iri = self._iri(value)
            if self.enum:
                allowed = self.enum_iris()
                if iri not in allowed.values():
                    raise ParameterError(self.name, "must be one of " + ", ".join(self.enum))
            return ox.NamedNode(iri)
        if self.enum and value not in self.enum:
            raise ParameterError(self.name, "must be one of " + ", ".join(self.enum))
        if self.kind in ("string", "literal", "lang"):
            if len(value) > MAX_LITERAL_CHARS:
                raise ParameterError(self.name, f"longer than {MAX_LITERAL_CHARS} characters")
            if self.kind == "lang":
                return ox.Literal(value, language=self.lang)
            if self.datatype:
                return ox.Literal(value, datatype=ox.NamedNode(self.datatype))
            return ox.Literal(value)
        lexical = self._lexical(value)
        return ox.Literal(lexical, datatype=ox.NamedNode(LITERAL_KINDS[self.kind] or ""))

    def _lexical(self, value: str) -> str:
        kind = self.kind
        if kind == "integer":
            if not _INTEGER_RE.match(value):
                raise ParameterError(self.name, f"{value[:40]!r} is not an integer")
            return str(int(value))
        if kind == "decimal":
            if not _DECIMAL_RE.match(value):
                raise ParameterError(self.name, f"{value[:40]!r} is not a decimal number")
            return value
        if kind == "double":
            if not _DOUBLE_RE.match(value):
                raise ParameterError(self.name, f"{value[:40]!r} is not a number")
            return value
        if kind == "boolean":
            if value.lower() not in ("true", "false", "1", "0"):
                raise ParameterError(self.name, f"{value[:40]!r} is not true or false")
            return "true" if value.lower() in ("true", "1") else "false"
        if kind == "date":
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                raise ParameterError(
                    self.name, f"{value[:40]!r} is not a date YYYY-MM-DD") from None
        return _datetime_lexical(self.name, value)

    def _iri(self, value: str) -> str:
        if not value:
            raise ParameterError(self.name, "is empty")
        if _QID_RE.match(value):
            return vocab.wikidata_iri(value)
        curie = _CURIE_RE.match(value)
        if curie and curie.group(1) in vocab.PREFIXES:
            return vocab.PREFIXES[curie.group(1)] + (curie.group(2) or "")
        if self.enum:
            for entry, iri in self.enum_iris().items():
                if value == entry or value == _local_name(iri):
                    return iri
        if vocab.is_local_id(value):
            return self.namespace + value
        scheme = value.split(":", 1)[0].lower()
        if scheme not in _IRI_SCHEMES:
            raise ParameterError(
                self.name, f"{value[:60]!r} is not an http(s)/urn IRI, a known CURIE or an id")
        try:
            return ox.NamedNode(value).value
        except ValueError as exc:
            raise ParameterError(self.name, f"{value[:60]!r} is not a valid IRI ({exc})") from None


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1]


def _datetime_lexical(name: str, value: str) -> str:
    """An ``xsd:dateTime`` without time zone, like the dates the RDF writer stores.

    Why no zone: SPARQL cannot order a zoned and an unzoned dateTime, and our data has none;
    ``Z``/``+00:00`` are accepted and dropped.
    """
    m = _DATETIME_RE.match(value)
    if not m:
        raise ParameterError(name, f"{value[:40]!r} is not a date (YYYY[-MM[-DD]]) or date-time")
    year, month, day, hour, minute, second = m.groups()
    try:
        dt = datetime(int(year), int(month or 1), int(day or 1), int(hour or 0),
                      int(minute or 0), int(second or 0))
    except ValueError as exc:
        raise ParameterError(name, f"{value[:40]!r} is not a valid date ({exc})") from None
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def expand_curie(value: str) -> str | None:
    """``prefix:local`` -> IRI for prefixes of :data:`kg.vocab.PREFIXES`, else None."""
    m = _CURIE_RE.match(value)
    if m and m.group(1) in vocab.PREFIXES:
        return vocab.PREFIXES[m.group(1)] + (m.group(2) or "")
    return None


@dataclass(frozen=True)
class BoundQuery:
    """A saved query ready to run: text (plus our own LIMIT/OFFSET) and term substitutions."""

    sparql: str
    substitutions: dict[str, ox.NamedNode | ox.Literal]
    query_type: str
    wikidata_params: tuple[str, ...] = ()  # variables bound to wd: IRIs given as QIDs
    page: int = 1  # the page asked for (1 when the query does not paginate)


@dataclass(frozen=True)
class SavedQuery:
    """One ``queries/<name>.rq`` file."""

    name: str
    path: Path
    text: str
    query_type: str
    summary: str
    description: str = ""
    tags: tuple[str, ...] = ()
    method: str = "GET"
    pagination: int | None = None
    params: tuple[Param, ...] = ()
    header: dict[str, object] = field(default_factory=dict)

    def param(self, name: str) -> Param | None:
        """The parameter of that public name, if any."""
        return next((p for p in self.params if p.name == name), None)

    def bind(self, args: Mapping[str, str]) -> BoundQuery:
        """Check every parameter value and bind it as a term; raise ParameterError if wrong.

        Absent optional parameters stay unbound; absent parameters with a ``#+ defaults``
        entry take it; ``page`` (when the query paginates) must be an integer >= 1.
        """
        subs: dict[str, ox.NamedNode | ox.Literal] = {}
        wikidata: list[str] = []
        for p in self.params:
            raw = args.get(p.name)
            if raw is None or not raw.strip():
                raw = p.default
            if raw is None:
                if p.required:
                    raise ParameterError(p.name, f"is required ({p.describe()})")
                continue
            term = p.to_term(raw)
            subs[p.variable] = term
            if (p.kind == "iri" and p.namespace == str(vocab.ENTITY)
                    and term.value.startswith(str(vocab.WD))):
                wikidata.append(p.variable)
        text, page = self.text, 1
        if self.pagination:
            page = _page(args.get("page"))
            offset = (page - 1) * self.pagination
            text = _paginate(text, f"LIMIT {self.pagination} OFFSET {offset}")
        return BoundQuery(text, subs, self.query_type, tuple(wikidata), page)


#: A body line ``# @page`` marks where a paginated query takes its ``LIMIT``/``OFFSET``.
PAGE_MARKER_RE = re.compile(r"(?m)^[ \t]*# @page\b.*$")


def _paginate(text: str, clause: str) -> str:
    """The query with ``clause`` at its ``# @page`` line, or appended when it has none.

    Why a marker: pyoxigraph applies an outer ``LIMIT`` after the whole result is built (labels
    fetched, rows joined); a query that orders its keys in a sub-``SELECT`` lets the page cut
    there, before the per-row work. To grlc the marker is a comment: it appends the clause at
    the end, which selects the same rows when the outer query keeps the sub-``SELECT``'s order
    and gives one row per key.
    """
    if PAGE_MARKER_RE.search(text):
        return PAGE_MARKER_RE.sub(clause, text, count=1)
    return f"{text.rstrip()}\n{clause}\n"


def _page(raw: str | None) -> int:
    if raw is None or not raw.strip():
        return 1
    if not re.fullmatch(r"[0-9]{1,6}", raw.strip()) or not 1 <= int(raw) <= MAX_PAGE:
        raise ParameterError("page", f"{raw[:20]!r} is not a page number (1..{MAX_PAGE})")
    return int(raw)


# --- parsing ------------------------------------------------------------------------------------


def _scalar(value: str) -> object:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    if value.startswith("[") and value.endswith("]"):
        return [str(_scalar(v)) for v in value[1:-1].split(",") if v.strip()]
    return value


def parse_header(lines: list[tuple[int, str]], path: Path) -> dict[str, object]:
    """Parse the ``#+`` decorator block: the YAML subset grlc files use.

    Supports ``key: value``, ``key: [a, b]``, and ``key:`` followed by ``- item``,
    ``- name: value`` or ``- name:`` with a nested ``- value`` list.
    """
    out: dict[str, object] = {}
    i = 0
    while i < len(lines):
        lineno, raw = lines[i]
        i += 1
        if not raw.strip():
            continue
        m = re.match(r"^([A-Za-z_]+):\s*(.*)$", raw)
        if not m:
            raise DataFileError(f"{path}:{lineno}: expected 'key: value' in the #+ header")
        key, value = m.group(1), m.group(2)
        if value.strip():
            out[key] = _scalar(value)
            continue
        items: list[object] = []
        while i < len(lines) and (lines[i][1].startswith((" ", "-")) or not lines[i][1].strip()):
            lineno, raw = lines[i]
            i += 1
            if not raw.strip():
                continue
            indent = len(raw) - len(raw.lstrip())
            item = raw.strip()
            if not item.startswith("- "):
                raise DataFileError(f"{path}:{lineno}: expected '- item' under {key!r}")
            item = item[2:].strip()
            kv = re.match(r"^([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$", item)
            if not kv:
                items.append(_scalar(item))
            elif kv.group(2).strip():
                items.append({kv.group(1): _scalar(kv.group(2))})
            else:
                sub: list[str] = []
                while i < len(lines) and lines[i][1].strip().startswith("- ") and (
                        len(lines[i][1]) - len(lines[i][1].lstrip()) > indent):
                    sub.append(str(_scalar(lines[i][1].strip()[2:])))
                    i += 1
                items.append({kv.group(1): sub})
        out[key] = items
    return out


def _mapping(items: object, key: str, path: Path) -> dict[str, object]:
    """``[{a: x}, {b: y}]`` (grlc style) or ``{a: x}`` -> one dict."""
    if items in (None, ""):
        return {}
    if isinstance(items, dict):
        return items
    out: dict[str, object] = {}
    if not isinstance(items, list):
        raise DataFileError(f"{path}: '#+ {key}:' must be a list of 'name: value' items")
    for item in items:
        if not isinstance(item, dict):
            raise DataFileError(f"{path}: '#+ {key}:' items must be 'name: value'")
        out.update(item)
    return out


def _param_from_variable(var: str, path: Path) -> tuple[str, str, str | None, str | None]:
    """``_actor_iri`` -> (name, kind, lang, datatype); raise DataFileError if malformed."""
    parts = var.lstrip("_").split("_")
    name = parts[0]
    if len(parts) == 1:
        return name, "string", None, None
    if len(parts) == 2:
        suffix = parts[1]
        if suffix == "iri":
            return name, "iri", None, None
        if suffix in LITERAL_KINDS:
            return name, suffix, None, LITERAL_KINDS[suffix]
        if _LANG_RE.match(suffix):
            return name, "lang", suffix, None
    if len(parts) == 3 and parts[1] in vocab.PREFIXES:
        datatype = vocab.PREFIXES[parts[1]] + parts[2]
        kind = next((k for k, v in LITERAL_KINDS.items() if v == datatype), "string")
        return name, kind, None, datatype
    raise DataFileError(f"{path}: cannot read the type of parameter ?{var}")


def parse_query_file(path: Path) -> SavedQuery:
    """Read one ``.rq`` file into a SavedQuery (raises DataFileError naming file and line)."""
    name = path.stem
    if not _NAME_RE.match(name):
        raise DataFileError(f"{path}: query names are lower-case letters, digits, '-' and '_'")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: {exc}") from None
    header_lines = [(n, line[2:].removeprefix(" ")) for n, line in
                    enumerate(text.splitlines(), 1) if line.startswith("#+")]
    header = parse_header(header_lines, path)
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    kw = _KEYWORD_RE.search(_strip_prologue(body))
    if not kw:
        raise DataFileError(f"{path}: no SELECT, CONSTRUCT, DESCRIBE or ASK found")
    defaults = _mapping(header.get("defaults"), "defaults", path)
    enums = _mapping(header.get("enumerate"), "enumerate", path)
    params: dict[str, Param] = {}
    for var in dict.fromkeys(_PARAM_RE.findall(body)):
        pname, kind, lang, datatype = _param_from_variable(var, path)
        if pname in params:
            raise DataFileError(f"{path}: parameter {pname!r} appears with two types")
        if pname in ("page", "format", "output"):
            raise DataFileError(f"{path}: {pname!r} is reserved and cannot name a parameter")
        enum = enums.get(pname) or ()
        default = defaults.get(pname)
        params[pname] = Param(
            name=pname, variable=var, required=not var.startswith("__"), kind=kind, lang=lang,
            datatype=datatype, default=None if default is None else str(default),
            enum=tuple(str(e) for e in enum) if isinstance(enum, list) else (),
        )
        if default is not None:  # a bad default is the file's fault: say so at load time
            try:
                params[pname].to_term(str(default))
            except ParameterError as exc:
                raise DataFileError(f"{path}: default of {exc}") from None
    pagination = header.get("pagination")
    if pagination is not None and not str(pagination).isdigit():
        raise DataFileError(f"{path}: '#+ pagination:' must be a positive integer")
    markers = len(PAGE_MARKER_RE.findall(text))
    if markers > (1 if pagination else 0):
        raise DataFileError(f"{path}: '# @page' needs '#+ pagination:' and may appear once")
    tags = header.get("tags") or ()
    return SavedQuery(
        name=name,
        path=path,
        text=text,
        query_type=kw.group(1).upper(),
        summary=str(header.get("summary") or name),
        description=str(header.get("description") or ""),
        tags=tuple(str(t) for t in (tags if isinstance(tags, list) else [tags])),
        method=str(header.get("method") or "GET").upper(),
        pagination=int(pagination) if pagination else None,
        params=tuple(params.values()),
        header=header,
    )


def _strip_prologue(body: str) -> str:
    return re.sub(r"(?is)^\s*((PREFIX\s+\S*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", body)


def load_saved_queries(folder: Path) -> dict[str, SavedQuery]:
    """All ``*.rq`` files of a folder, by name, sorted (a missing folder gives none)."""
    if not folder.is_dir():
        return {}
    return {q.name: q for q in map(parse_query_file, sorted(folder.glob("*.rq")))}


def get_saved_query(queries: Mapping[str, SavedQuery], name: str) -> SavedQuery:
    """The saved query of that name, or UnknownQuery (404)."""
    try:
        return queries[name]
    except KeyError:
        raise UnknownQuery(f"no saved query named {name[:80]!r}") from None

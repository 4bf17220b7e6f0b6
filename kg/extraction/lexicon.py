"""Reading and validating the packaged cue lexicons under ``kg/data/``.

Why: rules are data (STYLE, "Rules are data"); every lexicon is read through
``importlib.resources`` so an installed wheel works, validated on load, and a malformed file
raises :class:`DataFileError` naming the file and line instead of silently matching nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.errors import DataFileError
from kg.facts import Polarity, StanceKind


def _read_text(name: str) -> str:
    try:
        return resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"kg/data/{name}: cannot read ({exc})") from None


@cache
def read_json(name: str) -> dict:
    """A JSON object from ``kg/data/NAME`` (keys starting with ``_`` are comments)."""
    try:
        obj = json.loads(_read_text(name))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"kg/data/{name}:{exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise DataFileError(f"kg/data/{name}:1: expected a JSON object")
    return {k: v for k, v in obj.items() if not k.startswith("_")}


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """A lowercase set of strings from list ``key`` of a JSON lexicon.

    Cached like :func:`read_json`: fact rules look their cue words up per token, and the set
    (immutable) would otherwise be rebuilt and re-validated on every call.
    """
    values = read_json(name).get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DataFileError(f"kg/data/{name}: {key!r} must be a list of strings")
    return frozenset(v.lower() for v in values)


_DEPUTY_WORDS = (("deputy", "Deputy"), ("first deputy", "First Deputy"), ("vice", "Vice"))


class TitleSet(frozenset):
    """Lowercase post titles that also hold "<portfolio> and <title>" for each title they
    hold: "trade and industry minister" is a state's post as "industry minister" is (the
    title reader joins two portfolios of one minister)."""

    def __contains__(self, title: object) -> bool:
        return super().__contains__(title) or (
            isinstance(title, str) and " and " in title
            and super().__contains__(title.rsplit(" and ", 1)[1]))


def with_deputies(titles: frozenset[str]) -> TitleSet:
    """Lowercase titles with each also after "deputy", "first deputy" and "vice": a state's
    vice chancellor holds a state's post, a vice admiral a rank."""
    return TitleSet(titles | {f"{low} {t}" for t in titles for low, _ in _DEPUTY_WORDS})


@cache
def post_titles() -> dict[str, str]:
    """Post titles (lowercase surface -> canonical title) of ``role_titles.json``, each also
    with "deputy", "first deputy" or "vice" before it: "Russia's deputy permanent
    representative", "Vice-Chancellor Robert Habeck" hold posts of their own, which the list
    need not spell out for every title."""
    titles = {**portfolio_secretaries(), **word_map("role_titles.json", "titles")}
    deputies = {f"{low} {t}": f"{word} {c}" for t, c in titles.items()
                if not t.startswith(("deputy ", "vice ", "acting ", "first "))
                for low, word in _DEPUTY_WORDS}
    return {**deputies, **titles}


#: First words of "<word> minister" titles that name no portfolio ("prime", "chief").
_NO_PORTFOLIO = frozenset({"prime", "chief", "first", "senior", "junior", "cabinet"})


@cache
def portfolio_secretaries() -> dict[str, str]:
    """"<portfolio> secretary" for each one-word "<portfolio> minister" of
    ``role_titles.json`` the list gives no secretary ("the technology secretary" ->
    "Technology Secretary"): Britain's and America's cabinets call their ministers
    secretaries, so the list need not spell each portfolio out twice."""
    titles = word_map("role_titles.json", "titles")
    return {f"{t.split()[0]} secretary": c.removesuffix(" Minister") + " Secretary"
            for t, c in titles.items()
            if t.endswith(" minister") and len(t.split()) == 2 and c.endswith(" Minister")
            and t.split()[0] not in _NO_PORTFOLIO
            and f"{t.split()[0]} secretary" not in titles}


def word_map(name: str, key: str | None = None) -> dict[str, str]:
    """A lowercase string -> string mapping (the whole file, or object ``key`` of it)."""
    obj = read_json(name) if key is None else read_json(name).get(key)
    if not isinstance(obj, dict):
        raise DataFileError(f"kg/data/{name}: {key!r} must be an object")
    out: dict[str, str] = {}
    for k, v in obj.items():
        if k.startswith("_"):
            continue
        if isinstance(v, list):
            for item in v:
                out[str(item).lower()] = k
        elif v is not None:
            out[k.lower()] = v
    return out


@dataclass(frozen=True)
class StanceCue:
    """One stance cue: a lemma, the frame that finds holder and target, polarity and kind."""

    lemma: str
    pos: str  # VERB, NOUN, ADJ or ANY
    polarity: Polarity
    kind: StanceKind
    frame: str  # agent | experiencer | about | with | behind | noun | adjective | evaluative
    #            | perceived | relation | predicate
    #: The target must be the verb's object itself, not an actor set beside a common noun
    #: ("to contain China" is a stance; "the bloc contains two members, the UAE and Bahrain"
    #: is the other sense of the verb). Optional key ``"named_object": true`` in the file.
    named_object: bool = False
    #: An evaluative word whose "for" complement turns it into blame ("a responsible power"
    #: is praise; "as responsible as Putin for the war" is an accusation). Optional key
    #: ``"blame_for": true`` in the file.
    blame_for: bool = False


_FRAMES = {"agent", "experiencer", "about", "with", "behind", "noun", "adjective", "evaluative",
           "perceived", "relation", "predicate"}


@cache
def stance_cues(name: str = "stance_cues.jsonl") -> tuple[StanceCue, ...]:
    """All stance cues, validated line by line."""
    cues = []
    for i, raw in enumerate(_read_text(name).splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
            cue = StanceCue(
                lemma=str(obj["lemma"]).lower(),
                pos=str(obj["pos"]),
                polarity=Polarity(obj["polarity"]),
                kind=StanceKind(obj["kind"]),
                frame=str(obj["frame"]),
                named_object=bool(obj.get("named_object", False)),
                blame_for=bool(obj.get("blame_for", False)),
            )
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as exc:
            raise DataFileError(f"kg/data/{name}:{i}: bad stance cue ({exc})") from None
        if cue.frame not in _FRAMES or cue.pos not in {"VERB", "NOUN", "ADJ", "ANY"}:
            raise DataFileError(f"kg/data/{name}:{i}: unknown frame or pos in {raw.strip()}")
        cues.append(cue)
    return tuple(cues)

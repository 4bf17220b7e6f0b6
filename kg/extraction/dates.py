"""Date normalisation: "July 10", "this July", "last year", "May 7, 2024" -> FuzzyDate.

Why: event dates are relative to the article's publication date, so they are resolved against
``article.published`` after ``nlp.pipe`` (pure function, no clock). Anything we cannot anchor
("on Wednesday" with a month-precision publication date) gives ``None`` rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.facts import MONTHS, FuzzyDate, Precision

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_MDY = re.compile(rf"\b({_M})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:1[89]|20)\d\d)\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_M})\.?,?\s+((?:1[89]|20)\d\d)\b", re.I)
_MY = re.compile(rf"\b({_M})\.?,?\s+(?:of\s+)?((?:1[89]|20)\d\d)\b", re.I)
_MD = re.compile(rf"\b({_M})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_M})\b", re.I)
_REL_MONTH = re.compile(rf"\b(this|last|next|earlier this|later this)\s+({_M})\b", re.I)
_YEAR = re.compile(r"\b((?:1[89]|20)\d\d)\b")
_MONTH = re.compile(rf"\b({_M})\b", re.I)
_REL_YEAR = re.compile(r"\b(this|last|next|past|previous|coming)\s+year\b", re.I)
_REL_MON = re.compile(r"\b(this|last|next|past|previous|coming)\s+month\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)


def _fd(year: int, month: int | None = None, day: int | None = None) -> FuzzyDate | None:
    try:
        if day is not None and month is not None:
            dt.date(year, month, day)
            return FuzzyDate(f"{year:04d}-{month:02d}-{day:02d}")
        if month is not None:
            return FuzzyDate(f"{year:04d}-{month:02d}")
        return FuzzyDate(f"{year:04d}")
    except ValueError:
        return None


def _parts(published: FuzzyDate | None) -> tuple[int | None, int | None, int | None]:
    if published is None:
        return None, None, None
    bits = [int(b) for b in published.value.split("-")]
    padded = [*bits, None, None]
    return padded[0], padded[1], padded[2]


def _year_for_month(month: int, pub_year: int | None, pub_month: int | None,
                    day: int | None = None, pub_day: int | None = None,
                    tense: str | None = None, year_hint: int | None = None) -> int | None:
    """Year of a bare month name: the publication year (articles mostly look near-term),
    except where the verb's tense says otherwise: a past act in a month after the publication
    date was in the year before ("decided at a summit in December", published in January),
    a future one in a month before it is in the year after.

    A publication month without a day is usually the lower bound read from the text's latest
    full date (an analysis piece has no dateline). Then the last year the text named before
    the date (``year_hint``) places it, when it is that year or the one before ("The two
    leaders' meetings in 2024 …. Putin arrived on May 16"); an older year is history ("the
    1999 bombing … On May 7, Xi arrived") and is not used."""
    if pub_year is None or pub_month is None or (tense is None and year_hint is None):
        return pub_year
    if pub_day is None and year_hint is not None and pub_year - 1 <= year_hint <= pub_year:
        return year_hint
    if tense is None:
        return pub_year
    later = ((month, day or 0) > (pub_month, pub_day or 32) if day and pub_day
             else month > pub_month)
    if tense == "past" and later:
        return pub_year - 1
    if tense == "future" and month < pub_month:
        return pub_year + 1
    return pub_year


def normalise_date(text: str, published: FuzzyDate | None,
                   tense: str | None = None, year_hint: int | None = None) -> FuzzyDate | None:
    """A :class:`FuzzyDate` for a date expression, anchored on ``published`` when relative;
    ``tense`` ("past", "future" or None) of the verb it dates, and ``year_hint``, the last
    year the text named before it, place a bare month's year (:func:`_year_for_month`)."""
    year, month, day = _parts(published)
    if m := _MDY.search(text):
        return _fd(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    if m := _DMY.search(text):
        return _fd(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    if m := _MY.search(text):
        return _fd(int(m.group(2)), MONTHS[m.group(1).lower()])
    if m := _REL_MONTH.search(text):
        mon = MONTHS[m.group(2).lower()]
        if year is None:
            return None
        rel = m.group(1).lower()
        if rel == "last":
            return _fd(year - 1 if month and mon >= month else year, mon)
        if rel == "next":
            return _fd(year + 1 if month and mon <= month else year, mon)
        return _fd(year, mon)
    if m := _MD.search(text) or _DM.search(text):
        groups = m.groups()
        mon_name, day_s = (groups[0], groups[1]) if not groups[0].isdigit() else groups[::-1]
        yr = _year_for_month(MONTHS[mon_name.lower()], year, month, int(day_s), day, tense,
                             year_hint)
        return _fd(yr, MONTHS[mon_name.lower()], int(day_s)) if yr else None
    if m := _YEAR.search(text):
        return _fd(int(m.group(1)))
    if m := _REL_YEAR.search(text):
        if year is None:
            return None
        rel = m.group(1).lower()
        return _fd(
            year - 1
            if rel in ("last", "past", "previous")
            else year + 1
            if rel in ("next", "coming")
            else year
        )
    if m := _REL_MON.search(text):
        if year is None or month is None:
            return None
        rel = m.group(1).lower()
        shift = -1 if rel in ("last", "past", "previous") else 1 if rel in ("next", "coming") else 0
        total = year * 12 + (month - 1) + shift
        return _fd(total // 12, total % 12 + 1)
    if m := _MONTH.search(text):
        if m.group(1).lower() == "may" and text.strip().lower() != "may":
            return None
        mon = MONTHS[m.group(1).lower()]
        return (_fd(_year_for_month(mon, year, month, None, day, tense, year_hint), mon)
                if year else None)
    if m := _WEEKDAY.search(text):
        if published is None or published.precision != Precision.DAY:
            return None
        pub = dt.date(year, month, day)
        back = (pub.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
        d = pub - dt.timedelta(days=back)
        return _fd(d.year, d.month, d.day)
    return None

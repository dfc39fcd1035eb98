"""Date cells of a spreadsheet, read without guessing the order of day and month.

ISO dates (with or without the midnight time a spreadsheet adds to a datetime), dotted
D.M.YYYY and dates with month names are unambiguous. Slash dates are read in one order for
the whole sheet: the order a cell with a day above 12 shows, else the one the user gives
(--day-first / --month-first); a sheet whose slash dates could all be read either way is
refused with an error that names a cell, never swapped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from ..export.vocab import stop_mapping

DateOrder = Literal["day-first", "month-first"]  # the values ImportedRow.date_order accepts
DAY_FIRST: DateOrder = "day-first"
MONTH_FIRST: DateOrder = "month-first"

_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$")
_SLASH = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$")


class DateOrderError(ValueError):
    """The sheet's slash dates cannot tell day from month, or contradict each other."""


@dataclass(frozen=True)
class SlashDate:
    first: int
    second: int


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year  # Excel's "9/21/22": STOP starts in 2016


def _iso(year: int, month: int, day: int | None) -> str:
    if day is None:
        date(year, month, 1)  # ValueError for month 13
        return f"{year:04d}-{month:02d}"
    return date(year, month, day).isoformat()


def slash_parts(cell: str) -> SlashDate | None:
    """The two leading numbers of a slash date (`3/4/2021`), else None."""
    match = _SLASH.match(_TIME.sub("", cell.strip()))
    return SlashDate(int(match[1]), int(match[2])) if match else None


def sheet_order(cells: list[tuple[str, str]], given: DateOrder | None) -> DateOrder | None:
    """The slash-date order of a sheet from its (place, cell) date cells.

    `given` (the user's flag) wins; else the order cells show (a first number above 12 is a
    day), the more frequent one when cells show both and it is at least twice as frequent;
    None when the sheet has no slash dates. DateOrderError when the cells show both orders
    about as often, or none while some could be read both ways.
    """
    if given:
        return given
    day_first = [
        (p, c) for p, c in cells if (s := slash_parts(c)) and s.first > 12 >= s.second and _valid(c, DAY_FIRST)
    ]
    month_first = [
        (p, c) for p, c in cells if (s := slash_parts(c)) and s.second > 12 >= s.first and _valid(c, MONTH_FIRST)
    ]
    ambiguous = [(p, c) for p, c in cells if (s := slash_parts(c)) and s.first <= 12 and s.second <= 12]
    if day_first and month_first and max(len(day_first), len(month_first)) < 2 * min(len(day_first), len(month_first)):
        (p1, c1), (p2, c2) = day_first[0], month_first[0]
        raise DateOrderError(
            f'slash dates in both orders: {p1} "{c1}" is day first, {p2} "{c2}" is month first; '
            "make the sheet consistent, or say which order with --day-first or --month-first"
        )
    # one order shown at least twice as often as the other: the sheet's order; each cell in
    # the other order is then not a date of this sheet, and its row lists the problem
    if len(day_first) > len(month_first):
        return DAY_FIRST
    if month_first:
        return MONTH_FIRST
    if ambiguous:
        place, cell = ambiguous[0]
        s = slash_parts(cell)
        assert s is not None
        raise DateOrderError(
            f'ambiguous day/month order: no slash date has a day above 12, so {place} "{cell}" could be '
            f"{s.first}/{s.second} (day/month) or {s.second}/{s.first}; "
            "run again with --day-first (D/M/YYYY) or --month-first (M/D/YYYY)"
        )
    return None


def _valid(cell: str, order: str) -> bool:
    try:
        parse_date(cell, order)
    except ValueError:
        return False
    return True


def parse_date(cell: str, order: str | None) -> str:
    """A date cell as YYYY-MM-DD (YYYY-MM for a month); ValueError saying what would be right."""
    text = _TIME.sub("", cell.strip())
    try:
        if match := _ISO.match(text):
            return _iso(int(match[1]), int(match[2]), int(match[3]) if match[3] else None)
        if match := _DOTTED.match(text):
            return _iso(_year(match[3]), int(match[2]), int(match[1]))
        if match := _SLASH.match(text):
            a, b, year = int(match[1]), int(match[2]), _year(match[3])
            if order == DAY_FIRST:
                return _iso(year, b, a)
            if order == MONTH_FIRST or (order is None and b > 12):
                return _iso(year, a, b)
            raise ValueError("ambiguous day/month order; give --day-first or --month-first")
    except ValueError as err:
        if "ambiguous" in str(err):
            raise
        shown = "D/M/YYYY" if order == DAY_FIRST else "M/D/YYYY"
        raise ValueError(f'"{cell}" is not a date; expected YYYY-MM-DD (or {shown})') from None
    for fmt in stop_mapping().get("date_formats_named") or ():
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    shown = "D/M/YYYY" if order == DAY_FIRST else "M/D/YYYY"
    raise ValueError(f'"{cell}" is not a date; expected YYYY-MM-DD (or {shown})')


def format_like(iso: str, example: str, order: str | None) -> str:
    """`iso` written in the form of the sheet's cell `example` (M/D/YYYY, D.M.YYYY, ISO...),
    so a date a person changed goes back into the sheet in the sheet's own form."""
    text = example.strip()
    if len(iso) != 10:
        return iso
    year, month, day = iso[:4], iso[5:7], iso[8:]
    time = text[len(_TIME.sub("", text)) :]
    bare = _TIME.sub("", text)
    pad = any(len(p) == 2 and p.startswith("0") for p in re.split(r"[./-]", bare)[:2])
    m, d = (month, day) if pad else (str(int(month)), str(int(day)))
    if _DOTTED.match(bare):
        return f"{d}.{m}.{year}{time}"
    if match := _SLASH.match(bare):
        sep = bare[len(match[1])]
        y = year[2:] if len(match[3]) == 2 else year
        return (f"{d}{sep}{m}{sep}{y}" if order == DAY_FIRST else f"{m}{sep}{d}{sep}{y}") + time
    if _ISO.match(bare):
        sep = bare[4]
        return f"{year}{sep}{month}{sep}{day}{time}"
    return iso

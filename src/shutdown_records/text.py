"""How source text is read and compared: the one documented Unicode rule.

Offsets are Python string indices (Unicode code points, end exclusive) into the source file's
bytes decoded as UTF-8 exactly as stored: no newline translation, no normalisation, so
`text[start:end] == quote` holds byte for byte. Where a quote must be *found* (re-anchoring a
hand-typed quote, matching a cue phrase), both sides are first folded with `fold()`, which
maps no-break and other spaces to a plain space, curly quotes/apostrophes to straight ones,
letter variants (Arabic-script yeh/kaf/heh/alef forms, ё, İ) to one letter, native digits to
ASCII and Indic vowel signs to word characters, one character for one character, so folded
offsets are the original offsets.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from .errors import InputError

# One-to-one replacements only, so offsets survive folding.
_FOLD = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u200a": " ",  # hair space
        "\u2002": " ",
        "\u2003": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
    }
)


_FOLD_PAIRS = tuple((chr(k), v if isinstance(v, str) else chr(v)) for k, v in _FOLD.items())

# Digits the press writes besides 0-9: Arabic-Indic (Arabic), Extended Arabic-Indic (Persian,
# Urdu), Devanagari (Hindi, Nepali), Bengali. One for one, so offsets are kept.
NATIVE_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९০১২৩৪৫৬৭৮৯"
_DIGITS = str.maketrans(NATIVE_DIGITS, "0123456789" * 4)
_HAS_NATIVE_DIGIT = re.compile(f"[{NATIVE_DIGITS}]")

# Spellings of one letter that writers (and keyboards) use interchangeably, brought to one
# form before matching, one character for one: Persian/Urdu yeh and keheh and the Arabic ones,
# alef maksura, alef with hamza or madda, teh marbuta and the Urdu/Persian heh forms; Cyrillic
# ё (mostly written е); Turkish dotted capital İ (its lower case is two characters; "I"
# lower-cases to "i" as the regex engine's case folding does); the zero-width non-joiner of
# Persian compounds ("می‌شود") read as the space writers also put there.
_LETTERS = {
    "ی": "ي",  # ی Persian yeh -> ي
    "ى": "ي",  # ى alef maksura -> ي
    "ک": "ك",  # ک keheh -> ك
    "ة": "ه",  # ة teh marbuta -> ه
    "ۀ": "ه",  # ۀ heh with yeh above -> ه
    "ہ": "ه",  # ہ heh goal (Urdu) -> ه
    "ۃ": "ه",  # ۃ teh marbuta goal (Urdu) -> ه
    "أ": "ا",  # أ -> ا
    "إ": "ا",  # إ -> ا
    "آ": "ا",  # آ -> ا
    "ٱ": "ا",  # ٱ alef wasla -> ا
    "ё": "е",  # ё -> е
    "Ё": "Е",  # Ё -> Е
    "İ": "I",  # İ -> I
    "‌": " ",  # zero-width non-joiner -> space
}


def _letter_marks() -> dict[str, str]:
    """Vowel signs, viramas and other combining marks of the Indic scripts (Devanagari to
    Sinhala, Devanagari Extended), each as a distinct letter of the Yi syllabary (U+A000...).

    The regex engine's `\\w` holds letters and digits but not combining marks, so in "रोका"
    the vowel sign after "रोक" looked like a word's end and a cue matched inside longer words
    (`\\b`, `(?!\\w)` and `\\w*` all broke inside Devanagari words). As letters of a script no
    article here is written in, the marks are word characters for every pattern, and cue
    patterns (folded the same way) still say exactly which mark they mean. Internal to
    matching: values and quotes are read from the original text at the same offsets."""
    marks: dict[str, str] = {}
    for cp in [*range(0x0900, 0x0E00), *range(0xA8E0, 0xA900)]:
        ch = chr(cp)
        if unicodedata.category(ch) in ("Mn", "Mc"):
            marks[ch] = chr(0xA000 + len(marks))
    marks["\u200d"] = chr(0xA000 + len(marks))  # zero-width joiner: inside Indic words ("गर्‍यो")
    return marks


LETTER_MARKS = _letter_marks()
_VARIANTS = str.maketrans({**_LETTERS, **LETTER_MARKS, **dict(zip(NATIVE_DIGITS, "0123456789" * 4, strict=True))})
_VARIANT_CHARS = frozenset(chr(k) for k in _VARIANTS)
# Where any of those may stand (a few wide ranges: cheap to compile, and a false alarm only costs a translate).
_HAS_VARIANT = re.compile("[\u0130\u0401\u0451\u0622-\u06f9\u0900-\u0dff\ua8e0-\ua8ff\u200c\u200d]")


def native_digits(text: str) -> str:
    """`text` with Arabic-Indic, Persian, Devanagari and Bengali digits as ASCII digits (same
    length, so offsets still index the source). The one digit rule: `fold` applies it too,
    and the date readers (Gregorian, Persian and Nepali calendars) call it directly."""
    if text.isascii() or _HAS_NATIVE_DIGIT.search(text) is None:
        return text
    return text.translate(_DIGITS)


def fold(text: str) -> str:
    """Folding for matching that keeps length, so an index in the result is an index in `text`.

    Typographic characters (spaces, quotes, dashes: `_FOLD`), letter variants (`_LETTERS`),
    Indic combining marks as word characters (`LETTER_MARKS`) and native digits
    (`native_digits`). A replace per typographic character present is several times faster
    on an article than `translate`; the rarer script folding runs only on texts that need it.
    """
    if text.isascii():
        return text
    for src, dst in _FOLD_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    if _HAS_VARIANT.search(text) is not None:
        # Only the variants the text holds, one replace each: `translate` looks up every
        # character of the article and was half the stream filter's time on such texts.
        for char in _VARIANT_CHARS.intersection(text):
            text = text.replace(char, _VARIANTS[ord(char)])
    return text


def strip_accents(text: str) -> str:
    """`text` folded and without combining accents ("éducation" = "Education"); the length may
    change. Folding first keeps Indic vowel signs and viramas: they are letters of their words."""
    return "".join(c for c in unicodedata.normalize("NFD", fold(text)) if not unicodedata.combining(c))


def quoted_words(text: str) -> str:
    """`text` in quotes for a note a person reads: every run of whitespace (no-break spaces,
    newlines) shown as one space, where `repr` would print a literal `\\xa0` or `\\n`."""
    words = " ".join(text.split())
    mark = '"' if "'" in words and '"' not in words else "'"
    return f"{mark}{words}{mark}"


def decode_source(data: bytes, place: str) -> str:
    """Decode source bytes as UTF-8, naming the first bad byte instead of raising a traceback."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}; re-save the file as UTF-8",
            place=place,
        ) from None


def read_source(path: Path) -> tuple[str, str]:
    """The text and the SHA-256 of a source file, reading it once."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read source: {err.strerror}", place=str(path)) from None
    return decode_source(data, str(path)), hashlib.sha256(data).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

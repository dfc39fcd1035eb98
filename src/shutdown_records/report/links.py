"""What the record page may turn into a link, and how a quote is put in quotation marks.

Records are untrusted (they arrive as pull requests): a source URL becomes a link only when
it is a plain http(s) address, never `javascript:`, `data:` or `file:`; anything else is
shown as text.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# A quote that begins or ends with one of these carries its own quotation marks; the page's
# “…” around it would print them twice (“"…).
QUOTATION_MARKS = frozenset("\"'“”„‟«»‘’‚‛‹›「」『』")


def web_url(url: object) -> str | None:
    """`url` when it is an absolute http(s) address a reader can open, else None."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not text or any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        return None  # browsers drop tabs and newlines inside a URL: "java\tscript:" must not pass
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    return text


def has_own_quotation_marks(quote: object) -> bool:
    """Whether the quote starts or ends with a quotation mark of its own."""
    return isinstance(quote, str) and bool(quote) and (quote[0] in QUOTATION_MARKS or quote[-1] in QUOTATION_MARKS)

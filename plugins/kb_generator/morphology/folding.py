"""Diacritic folding: the last step of every key, so `obsluga` finds `obsługa`.

Folding runs after stemming because the stemming rules need the letters
that folding removes (ą, ę, ó, ť, ô). NFKD splits nearly every accented
letter into base + combining mark; the marks are dropped. Letters with no
decomposition (ł, đ, ø, ß, æ, œ) are mapped explicitly.
"""

from __future__ import annotations

import re
import unicodedata

from .tokens import MARK_RANGES

__all__ = ["fold", "lower"]

_MARKS = re.compile(f"[{MARK_RANGES}]+")
_LETTERS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


def lower(text: str) -> str:
    """Lowercase with full Unicode case mapping (matches String.toLowerCase)."""
    return text.lower()


def fold(text: str) -> str:
    """Lowercase and strip diacritics so accent-less queries still match.

    NFKD runs before lowercasing so compatibility forms (ℌ, Ⓐ) also end
    lowercase; lowercasing may add a combining dot (İ), dropped afterwards.
    """
    text = unicodedata.normalize("NFKD", text).lower()
    return _MARKS.sub("", text).translate(_LETTERS)

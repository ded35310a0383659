"""Unicode-aware word tokenizer shared (by definition) with the JavaScript twin.

A token is a maximal run of letters and digits, where combining marks are
allowed after the first character so that NFD text (``o`` + U+0301) stays
one word. Hyphens, apostrophes and every other character separate tokens:
``e-mail`` gives ``e`` and ``mail``, ``CRM-u`` gives ``CRM`` and ``u``. That
keeps queries and indexed text symmetric (both are split the same way) and
keeps the rule so simple that ``[\\p{L}\\p{N}]`` in JavaScript is an exact
twin of ``[^\\W_]`` in Python (identical for every character assigned in
Python's Unicode database). lunr's ASCII trimmer is never involved:
``jakość`` stays ``jakość``.

Offsets are native string indices: code points here, UTF-16 code units in
JavaScript, so ``text[start:end]`` / ``text.slice(start, end)`` round-trip.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["MARK_RANGES", "WORD", "Token", "tokenize"]

# Combining-mark blocks used by Latin, Greek and Cyrillic scripts. The same
# ranges appear in folding (marks dropped) and in assets/morphology.js.
MARK_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"

#: One word; hot loops may use `WORD.finditer` directly instead of `tokenize`.
WORD = re.compile(rf"[^\W_](?:[^\W_]|[{MARK_RANGES}])*")
_WORD = WORD


class Token(NamedTuple):
    """One word of a text, with its position so callers can highlight or link it."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split text into words the same way in the build and in the browser."""
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]

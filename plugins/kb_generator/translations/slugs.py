"""Heading anchors that keep every letter.

Python-Markdown's default slugify drops letters without a decomposition
(`Łączenie` -> `aczenie`); we fold them with the morphology core's folding,
so anchors read like the heading without diacritics.
"""

from __future__ import annotations

import re

from kb_generator.morphology.folding import fold

_NOT_WORD = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


def slugify(value: str, separator: str) -> str:
    """`Łączenie z konsultantem` -> `laczenie-z-konsultantem`."""
    ascii_text = fold(value).encode("ascii", "ignore").decode("ascii")
    words = _NOT_WORD.sub("", ascii_text).strip().lower()
    return _SEPARATORS.sub(separator, words).strip(separator)

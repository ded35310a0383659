"""Reading time with CLDR plural forms (1 minuta, 2 minuty, 5 minut)."""

from __future__ import annotations

import math
import re

from babel.units import format_unit

from kb_generator.core.messages import message

_WORD = re.compile(r"\w+")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.DOTALL | re.MULTILINE)


def count_words(markdown: str) -> int:
    """Words a reader reads: body text without fenced code."""
    return len(_WORD.findall(_FENCE.sub("", markdown)))


def minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes, at least one."""
    return max(1, math.ceil(words / words_per_minute))


def format_minutes(count: int, locale: str) -> str:
    """`5 minut` in pl, `5 minút` in sk, `5 minutit` in et (Babel, long form)."""
    return str(format_unit(count, "duration-minute", locale=locale, length="long"))


def reading_time_label(count: int, locale: str) -> str:
    """The sentence shown on a page: `Czas czytania: 5 minut`."""
    return message(locale, "reading_time", duration=format_minutes(count, locale))

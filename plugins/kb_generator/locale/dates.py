"""Dates formatted for the reader's locale (22 listopada 2026, 22. novembra 2026)."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date


def format_updated(moment: datetime, locale: str, style: str = "long") -> str:
    """A last-updated date in the locale's own words and order."""
    return str(format_date(moment.date(), format=style, locale=locale))

"""Lines in writers' source files, for `file:line` messages.

The Markdown element tree carries no line numbers, so a message about a
heading id or a marker finds the writer's own text in the source instead.
"""

from __future__ import annotations

from pathlib import Path


def line_of(path: str | None, needle: str) -> int:
    """1-based line of the first `needle` in the file (1 if absent or unreadable)."""
    try:
        text = Path(path or "").read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 1
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else 1

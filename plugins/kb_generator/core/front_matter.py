"""Front matter read with line numbers, so writers get `file:line` messages.

MkDocs silently ignores malformed YAML front matter (the block then shows up
as text in the page); we parse it ourselves to report where it is broken.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kb_generator.core.writer_yaml import WriterYamlError, load_writer_yaml

_BLOCK = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:\.{3}|-{3})[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass
class FrontMatter:
    """Fields of one page's front matter and the line of each field."""

    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    present: bool = False
    error: str | None = None
    error_line: int = 1
    unreadable: bool = False  # the file cannot be read as text: the page is left out
    twice: list[tuple[str, int, int]] = field(default_factory=list)  # (field, line, first line)

    def line(self, name: str) -> int:
        """Line of a field, or of the front matter start when it is missing."""
        return self.lines.get(name, 1)


def read_front_matter(text: str) -> FrontMatter:
    """Parse the leading `---` block of a Markdown source."""
    match = _BLOCK.match(text)
    if not match:
        if text.startswith("---"):
            return FrontMatter(present=True, error="front matter is not closed with '---'")
        return FrontMatter()
    block = match.group(1) or ""
    try:
        fields, node = load_writer_yaml(block)
    except WriterYamlError as error:
        return FrontMatter(present=True, error=error.message, error_line=error.line + 2)
    if fields is None:
        return FrontMatter(present=True)
    if not isinstance(fields, dict) or not isinstance(node, yaml.MappingNode):
        return FrontMatter(present=True, error="front matter must be a mapping of fields", error_line=2)
    lines: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            name, line = str(key.value), key.start_mark.line + 2
            if name in lines:
                twice.append((name, line, lines[name]))  # YAML keeps the last one silently
            else:
                lines[name] = line
    return FrontMatter({str(k): v for k, v in fields.items()}, lines, present=True, twice=twice)


def body_line(text: str) -> int:
    """1-based line where the body starts (after the front matter, if any)."""
    match = _BLOCK.match(text)
    return text.count("\n", 0, match.end()) + 1 if match else 1


_CACHE: dict[str, tuple[int, int, FrontMatter]] = {}


def forget_front_matter() -> None:
    """Start a new site build with an empty cache (a long `serve` would keep every file ever read)."""
    _CACHE.clear()


def front_matter_of(path: str) -> FrontMatter:
    """Front matter of a file, read once per change (several plugins ask).

    A file that is not UTF-8 yields empty fields and an error naming the line
    of the first bad byte; kb-translations reports it.
    """
    try:
        stat = os.stat(path)
    except OSError as error:
        reason = "a link to a file that does not exist" if os.path.islink(path) else error.strerror
        return FrontMatter(error=f"cannot read the file ({reason}); fix or remove it",
                           unreadable=True)
    cached = _CACHE.get(path)
    if cached and cached[0] == stat.st_mtime_ns and cached[1] == stat.st_size:
        return cached[2]
    try:
        with open(path, encoding="utf-8-sig") as source:
            front_matter = read_front_matter(source.read())
    except OSError as error:
        front_matter = FrontMatter(
            error=f"cannot read the file ({error.strerror}); fix or remove it", unreadable=True)
    except UnicodeDecodeError as error:
        with open(path, "rb") as raw:
            line = raw.read(error.start).count(b"\n") + 1
        front_matter = FrontMatter(
            error=f"file is not valid UTF-8 (byte {error.start}); save it as UTF-8",
            error_line=line, unreadable=True,
        )
    _CACHE[path] = (stat.st_mtime_ns, stat.st_size, front_matter)
    return front_matter

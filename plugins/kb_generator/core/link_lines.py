"""Source lines for MkDocs' link warnings, so writers get `file:line` there too.

MkDocs names the page and the link of a broken link but not the line
("Doc file 'pl/a.md' contains a link 'b.md', but the target ... is not
found"). A logging filter finds the link in the writer's source and puts
`pl/a.md:12: ` in front of the message; the message itself stays MkDocs'.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

#: The start of MkDocs' link warnings (mkdocs/structure/pages.py, 1.6).
_LINK_WARNING = re.compile(
    r"^Doc file '(?P<src>[^']+)' contains (?:a link|an absolute link|an unrecognized relative link)"
    r" '(?P<url>[^']+)'"
)
LOGGER = "mkdocs.structure.pages"


def line_of_link(path: Path, url: str) -> int | None:
    """1-based line of the first link to `url` in the file (None if not found)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    for needle in (f"]({url}", f"({url}", f"<{url}>", f"]: {url}", url):
        position = text.find(needle)
        if position >= 0:
            return text.count("\n", 0, position) + 1
    return None


class LinkLines(logging.Filter):
    """Prefixes MkDocs' link warnings with `src:line: ` (records pass unchanged otherwise)."""

    def __init__(self) -> None:
        super().__init__("kb-link-lines")
        self.docs_dir: Path | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if self.docs_dir is None or record.levelno < logging.INFO:
            return True
        message = record.getMessage()
        match = _LINK_WARNING.match(message)
        if match is None:
            return True
        line = line_of_link(self.docs_dir / match.group("src"), match.group("url"))
        if line is not None:
            record.msg, record.args = f"{match.group('src')}:{line}: {message}", ()
        return True


def remove_link_lines() -> None:
    """Take the filter off MkDocs' page logger again (the build or `serve` is over)."""
    logger = logging.getLogger(LOGGER)
    for installed in [f for f in logger.filters if isinstance(f, LinkLines)]:
        logger.removeFilter(installed)


def link_lines(docs_dir: str) -> LinkLines:
    """Install the filter once on MkDocs' page logger and point it at `docs_dir`."""
    logger = logging.getLogger(LOGGER)
    installed = next((f for f in logger.filters if isinstance(f, LinkLines)), None)
    if installed is None:
        installed = LinkLines()
        logger.addFilter(installed)
    installed.docs_dir = Path(docs_dir)
    return installed

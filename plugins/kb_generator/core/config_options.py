"""MkDocs config option types for paths and numbers in our plugins' options.

Options that name a file the build writes or reads (`notice_page`,
`status_report`, `catalog`, a glossary file name) must stay inside the site
or the docs folder: these options refuse absolute paths, `..` and
backslashes when mkdocs.yml is read, so a typo is a configuration error with
the option's name, never a file written beside the site.
"""

from __future__ import annotations

import math
import re
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

_SEGMENT = re.compile(r"[^\x00-\x1f\x7f/\\:*?\"<>|#%]+")


class RelativePath(c.Type[str]):
    """A relative path (`a/b.json`) that cannot leave the folder it is resolved in."""

    def __init__(self, default: str | None, *, allow_empty: bool = False) -> None:
        super().__init__(str, default=default)  # type: ignore[arg-type]
        self.allow_empty = allow_empty

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value)
        if not path and self.allow_empty:
            return path
        segments = path.split("/")
        if path.startswith("/") or any(
            segment in ("", ".", "..") or not _SEGMENT.fullmatch(segment) for segment in segments
        ):
            raise ValidationError(
                f"{path!r} must be a relative path inside the folder (no leading '/', no '..', "
                "no '\\', no empty parts), e.g. 'translation-missing'"
            )
        return path


class FiniteNumbers(c.DictOfItems):  # type: ignore[type-arg]
    """A mapping of names to finite numbers above zero (never .nan or .inf)."""

    def __init__(self) -> None:
        super().__init__(c.Type((int, float)), default={})

    def run_validation(self, value: object) -> dict[str, Any]:
        numbers = super().run_validation(value)
        for name, number in numbers.items():
            if isinstance(number, bool) or not math.isfinite(number) or number <= 0:
                raise ValidationError(f"{name}: {number!r} must be a finite number above 0")
        return dict(numbers)

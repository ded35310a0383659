"""Building languages in forked processes.

static-i18n builds every extra language with a nested `build()` after the
default one. We fork one process per extra language as soon as the default
language's site directory is cleaned; each runs the same nested build
static-i18n would run and sends back the little per-language state other
plugins need at the end of the build (through `kb_export_state`/
`kb_import_state` on the plugins), its warning count and any error.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mkdocs.exceptions import Abort


@dataclass
class LanguageResult:
    """What a language's process reports back."""

    locale: str
    warnings: list[tuple[str, int, str]] = field(default_factory=list)  # logger, level, text
    error: str | None = None
    states: dict[str, Any] = field(default_factory=dict)


class _Warnings(logging.Handler):
    """Keeps the child's warnings for the parent, which logs (and counts) them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _below_warning(record: logging.LogRecord) -> bool:
    return record.levelno < logging.WARNING


@dataclass
class LanguageProcesses:
    """The forked builds of one site build."""

    running: dict[str, tuple[int, str]] = field(default_factory=dict)  # locale -> (pid, file)

    def start(self, locale: str, build: Callable[[], dict[str, Any]]) -> None:
        """Fork a process that runs `build` for `locale` and reports back."""
        handle, path = tempfile.mkstemp(prefix=f"kb-{locale}-", suffix=".pickle")
        os.close(handle)
        pid = os.fork()
        if pid:
            self.running[locale] = (pid, path)
            return
        result = LanguageResult(locale)  # pragma: no cover - runs in the child
        warnings = _Warnings()
        logger = logging.getLogger("mkdocs")
        for handler in logger.handlers:
            handler.addFilter(_below_warning)  # printed once, by the parent
        logger.addHandler(warnings)
        try:
            result.states = build()
        except Abort:
            # `--strict` stopped on warnings: the parent reports them and fails too.
            if not warnings.records:
                result.error = f"Abort\n{traceback.format_exc()}"
        except BaseException as error:  # the parent reports it as a failed build
            result.error = f"{type(error).__name__}: {error}\n{traceback.format_exc()}"
        result.warnings = warnings.records
        with open(path, "wb") as out:
            pickle.dump(result, out)
        logging.shutdown()
        os._exit(0)

    def wait(self) -> list[LanguageResult]:
        """Wait for every process; a process that died without a report is an error."""
        results = []
        for locale, (pid, path) in self.running.items():
            _, status = os.waitpid(pid, 0)
            try:
                with open(path, "rb") as source:
                    results.append(pickle.load(source))
            except (OSError, EOFError, pickle.UnpicklingError):
                results.append(LanguageResult(
                    locale, error=f"the {locale} build process died (status {status})"))
            finally:
                os.unlink(path)
        self.running.clear()
        return results

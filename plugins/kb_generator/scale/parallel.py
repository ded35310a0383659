"""Building languages in forked processes.

static-i18n builds every extra language with a nested `build()` after the
default one. We fork one process per extra language as soon as the default
language's site directory is cleaned; each runs the same nested build
static-i18n would run and sends back the little per-language state other
plugins need at the end of the build (through `kb_export_state`/
`kb_import_state` on the plugins), its warning count and any error.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import tempfile
import time
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
    details: str = ""  # the traceback of an error, for `--verbose`
    seconds: float = 0.0  # how long the language's build took, for the build log


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
    parent: int = 0  # the process that forked them: only it may stop or wait for them

    def start(self, locale: str, build: Callable[[], dict[str, Any]]) -> None:
        """Fork a process that runs `build` for `locale` and reports back."""
        handle, path = tempfile.mkstemp(prefix=f"kb-{locale}-", suffix=".pickle")
        os.close(handle)
        self.parent = os.getpid()
        pid = os.fork()
        if pid:
            self.running[locale] = (pid, path)
            return
        self.running = {}  # pragma: no cover - the child: its siblings are not its own
        result = LanguageResult(locale)  # pragma: no cover - runs in the child
        warnings = _Warnings()
        logger = logging.getLogger("mkdocs")
        for handler in logger.handlers:
            handler.addFilter(_below_warning)  # printed once, by the parent
        logger.addHandler(warnings)
        started = time.perf_counter()
        try:
            result.states = build()
        except Abort as error:
            # `--strict` stopped on warnings: the parent reports them and fails too.
            if not warnings.records:
                result.error = str(error) or "the build stopped"
        except BaseException as error:  # the parent reports it as a failed build
            result.error = f"{type(error).__name__}: {error}"
            result.details = traceback.format_exc()
        result.warnings = warnings.records
        result.seconds = time.perf_counter() - started
        with open(path, "wb") as out:
            pickle.dump(result, out)
        logging.shutdown()
        os._exit(0)

    def stop(self) -> None:
        """End every process still building (the site build failed) and remove its report.

        Called before the site directory is emptied: a process left running
        would go on writing pages into it.
        """
        if os.getpid() != self.parent:
            return
        for pid, path in self.running.values():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        self.running.clear()

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

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
from typing import Any, NoReturn

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


def available_cores() -> int:
    """Cores this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


#: What one language's build process may take at most (MB): a fixed part (the
#: interpreter, libraries, lemma dictionaries) and a part per page of the
#: language, measured at 1,000-10,000 articles (README, "Memory of a large
#: build": at most 0.89 GB at 10,000) and rounded up.
LANGUAGE_BASE_MB = 250
LANGUAGE_PAGE_MB = 0.09


def available_memory_mb() -> int:
    """Memory the system can give without swapping (Linux `MemAvailable`; 0 when unknown)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError):  # pragma: no cover - not Linux
        pass
    return 0


def languages_at_once(pages: int, *, cores: int | None = None, memory_mb: int | None = None) -> int:
    """How many languages of `pages` pages each may build at once: as many as cores,
    but no more than half the available memory holds (at least one).

    Half: the site's other processes, the page cache of what is written and
    anything else running on the machine need the rest.
    """
    cores = available_cores() if cores is None else cores
    memory_mb = available_memory_mb() if memory_mb is None else memory_mb
    if not memory_mb:
        return cores
    per_language = LANGUAGE_BASE_MB + LANGUAGE_PAGE_MB * pages
    return max(1, min(cores, int(memory_mb / 2 // per_language)))


def queues(locales: list[str], processes: int) -> list[list[str]]:
    """`locales` dealt out to at most `processes` queues (each built one language after another)."""
    count = max(1, min(processes, len(locales)))
    return [locales[n::count] for n in range(count)] if locales else []


#: The language the runner of a queue is building now (its process), for SIGTERM.
_current = 0


def _stop_current(signum: int, frame: object) -> None:  # pragma: no cover - runs in a runner
    """A runner told to stop ends the language build it started, then itself."""
    if _current:
        with contextlib.suppress(ProcessLookupError):
            os.kill(_current, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(_current, 0)
    os._exit(1)


@dataclass
class LanguageProcesses:
    """The forked builds of one site build."""

    # locale -> (pid of the process building it or its queue's runner, report file)
    running: dict[str, tuple[int, str]] = field(default_factory=dict)
    parent: int = 0  # the process that forked them: only it may stop or wait for them

    def start(self, locale: str, build: Callable[[], dict[str, Any]]) -> None:
        """Fork a process that runs `build` for `locale` and reports back."""
        self.start_queue([(locale, build)])

    def start_queue(self, queue: list[tuple[str, Callable[[], dict[str, Any]]]]) -> None:
        """Build the languages of `queue` one after another, each in a process of its own.

        One language: the forked process builds it. More: the forked process
        (a runner) forks one build after another, each from the state of this
        moment, so no language inherits what the one before it left in memory.
        """
        reports = {}
        for locale, _ in queue:
            handle, reports[locale] = tempfile.mkstemp(prefix=f"kb-{locale}-", suffix=".pickle")
            os.close(handle)
        self.parent = os.getpid()
        pid = os.fork()
        if pid:
            for locale, _ in queue:
                self.running[locale] = (pid, reports[locale])
            return
        self.running = {}  # pragma: no cover - the child: its siblings are not its own
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # pragma: no cover - runs in the child
        if len(queue) == 1:  # pragma: no cover - runs in the child
            _report(*queue[0], reports[queue[0][0]])
        global _current  # pragma: no cover - runs in the runner
        signal.signal(signal.SIGTERM, _stop_current)
        for locale, build in queue:
            child = os.fork()
            if not child:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                _report(locale, build, reports[locale])
            _current = child
            _, status = os.waitpid(child, 0)
            _current = 0
            if not os.path.getsize(reports[locale]):  # died before it could report
                with open(reports[locale], "wb") as out:
                    pickle.dump(LanguageResult(
                        locale, error=f"the {locale} build process died (status {status})"), out)
        logging.shutdown()
        os._exit(0)

    def stop(self) -> None:
        """End every process still building (the site build failed) and remove its report.

        Called before the site directory is emptied: a process left running
        would go on writing pages into it.
        """
        if os.getpid() != self.parent:
            return
        for pid in dict.fromkeys(pid for pid, _ in self.running.values()):
            # A runner ends the build it started first (SIGTERM), a build ends at once.
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        for _, path in self.running.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        self.running.clear()

    def wait(self) -> list[LanguageResult]:
        """Wait for every process; a language without a report is an error."""
        statuses = {pid: os.waitpid(pid, 0)[1]
                    for pid in dict.fromkeys(pid for pid, _ in self.running.values())}
        results = []
        for locale, (pid, path) in self.running.items():
            try:
                with open(path, "rb") as source:
                    results.append(pickle.load(source))
            except (OSError, EOFError, pickle.UnpicklingError):
                results.append(LanguageResult(
                    locale, error=f"the {locale} build process died (status {statuses[pid]})"))
            finally:
                os.unlink(path)
        self.running.clear()
        return results


def _report(locale: str, build: Callable[[], dict[str, Any]], path: str) -> NoReturn:  # pragma: no cover
    """In a language's process: build, write the result for the parent, exit (never returns)."""
    result = LanguageResult(locale)
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

"""Language processes of a failed build: stopped, reaped and cleaned up before the site is emptied."""

from __future__ import annotations

import functools
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from kb_generator.scale.parallel import LanguageProcesses, available_cores, languages_at_once, queues


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_stop_ends_a_writing_process_and_removes_its_report(tmp_path: Path, temp_dir: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    started = tmp_path / "started"

    def build() -> dict[str, Any]:  # pragma: no cover - runs in the child
        started.touch()
        for n in range(100_000):
            (site / f"page-{n}.html").write_text("x")
            time.sleep(0.001)
        return {}

    processes = LanguageProcesses()
    processes.start("et", build)
    (pid, report), = processes.running.values()
    while not started.exists():
        time.sleep(0.01)
    processes.stop()
    assert processes.running == {}
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no such child any more
    assert not Path(report).exists()
    written = len(list(site.iterdir()))
    time.sleep(0.2)
    assert len(list(site.iterdir())) == written, "the process went on writing after stop()"
    assert list(temp_dir.iterdir()) == []


def test_a_child_never_stops_its_siblings(tmp_path: Path, temp_dir: Path) -> None:
    """`stop()` in a forked language process (its own failed build) leaves the others alone."""
    processes = LanguageProcesses()
    processes.parent = os.getpid() + 1  # as seen from a child: not the parent
    processes.running = {"et": (os.getpid(), str(tmp_path / "report"))}
    processes.stop()
    assert processes.running == {"et": (os.getpid(), str(tmp_path / "report"))}


def test_a_failed_language_reports_its_error_without_a_traceback(temp_dir: Path) -> None:
    def build() -> dict[str, Any]:  # pragma: no cover - runs in the child
        raise TypeError("unsupported operand")

    processes = LanguageProcesses()
    processes.start("sk", build)
    (result,) = processes.wait()
    assert result.error == "TypeError: unsupported operand"
    assert "Traceback" in result.details and "Traceback" not in result.error
    assert list(temp_dir.iterdir()) == []


def test_languages_are_dealt_out_to_at_most_the_processes_allowed() -> None:
    assert queues(["et", "sk"], 1) == [["et", "sk"]]
    assert queues(["et", "sk"], 2) == [["et"], ["sk"]]
    assert queues(["et", "sk", "lt"], 2) == [["et", "lt"], ["sk"]]
    assert queues(["et", "sk"], 0) == [["et", "sk"]]  # one core: the other languages still build
    assert queues([], 3) == []
    assert available_cores() >= 1


def test_a_queue_builds_one_language_after_another_each_from_the_same_state(
        tmp_path: Path, temp_dir: Path) -> None:
    """Never two at once; the second does not inherit what the first left in memory."""
    left_behind: list[str] = []

    def build(locale: str) -> dict[str, Any]:  # pragma: no cover - runs in the child
        (tmp_path / f"{locale}.start").write_text(str(time.monotonic_ns()))
        seen = list(left_behind)
        left_behind.append(locale)
        time.sleep(0.05)
        (tmp_path / f"{locale}.end").write_text(str(time.monotonic_ns()))
        return {"seen": seen, "pid": os.getpid()}

    processes = LanguageProcesses()
    processes.start_queue([(locale, functools.partial(build, locale)) for locale in ("et", "sk")])
    (runner,) = {pid for pid, _ in processes.running.values()}
    results = {result.locale: result for result in processes.wait()}
    assert [results[locale].error for locale in ("et", "sk")] == [None, None]
    assert results["et"].states["seen"] == results["sk"].states["seen"] == []
    assert len({results["et"].states["pid"], results["sk"].states["pid"], runner}) == 3
    assert int((tmp_path / "et.end").read_text()) < int((tmp_path / "sk.start").read_text())
    assert list(temp_dir.iterdir()) == []


def test_stop_ends_the_language_a_queue_is_building(tmp_path: Path, temp_dir: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()

    def build() -> dict[str, Any]:  # pragma: no cover - runs in the child
        for n in range(100_000):
            (site / f"page-{n}.html").write_text("x")
            time.sleep(0.001)
        return {}

    processes = LanguageProcesses()
    processes.start_queue([("et", build), ("sk", build)])
    while not any(site.iterdir()):
        time.sleep(0.01)
    processes.stop()
    assert processes.running == {}
    written = len(list(site.iterdir()))
    time.sleep(0.2)
    assert len(list(site.iterdir())) == written, "the queue's build went on writing after stop()"
    assert list(temp_dir.iterdir()) == []


def test_a_language_that_dies_in_a_queue_is_an_error(temp_dir: Path) -> None:
    def die() -> dict[str, Any]:  # pragma: no cover - runs in the child
        os._exit(3)

    processes = LanguageProcesses()
    processes.start_queue([("et", die), ("sk", dict)])
    results = {result.locale: result for result in processes.wait()}
    assert results["et"].error == "the et build process died (status 768)"  # exit code 3
    assert results["sk"].error is None
    assert list(temp_dir.iterdir()) == []


def test_languages_at_once_follow_the_cores_and_the_memory() -> None:
    assert languages_at_once(1000, cores=2, memory_mb=22000) == 2
    # Half of 2 GB holds less than one language of 10,000 pages: still one.
    assert languages_at_once(10000, cores=2, memory_mb=2000) == 1
    assert languages_at_once(10000, cores=4, memory_mb=5000) == 2
    assert languages_at_once(10, cores=3, memory_mb=0) == 3  # memory unknown: the cores
    assert 1 <= languages_at_once(100) <= available_cores()

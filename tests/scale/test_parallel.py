"""Language processes of a failed build: stopped, reaped and cleaned up before the site is emptied."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from kb_generator.scale.parallel import LanguageProcesses


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

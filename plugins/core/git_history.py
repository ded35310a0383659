"""Last-change dates of files from git, read once per build.

Dates come from commits, never from the clock or file mtimes, so two builds
of one commit are identical. One `git log` over the docs tree serves every
page instead of a process per page (thousands of pages at scale).
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path


class GitHistory:
    """Maps absolute file paths to the time of the last commit touching them."""

    def __init__(self, directory: Path) -> None:
        self._changed: dict[Path, datetime] = {}
        self._pending = True
        self._directory = directory

    def _load(self) -> None:
        self._pending = False
        try:
            top = subprocess.run(
                ["git", "rev-parse", "--show-toplevel"],
                cwd=self._directory, capture_output=True, text=True, check=True,
            ).stdout.strip()
            log = subprocess.run(
                ["git", "-c", "core.quotepath=off", "log", "--format=%x00%ct",
                 "--name-only", "--no-renames", "--", "."],
                cwd=self._directory, capture_output=True, text=True, check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return
        root = Path(top)
        stamp: datetime | None = None
        for line in log.splitlines():
            if line.startswith("\x00"):
                stamp = datetime.fromtimestamp(int(line[1:]), tz=UTC)
            elif line and stamp is not None:
                self._changed.setdefault((root / line).resolve(), stamp)

    def last_changed(self, path: str | Path) -> datetime | None:
        """Commit time of the file's last change, or None if never committed."""
        if self._pending:
            self._load()
        return self._changed.get(Path(path).resolve())


_SHARED: dict[tuple[str, str], GitHistory] = {}


def shared_history(directory: Path) -> GitHistory:
    """One history per docs tree and commit, shared by every plugin of a build."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=directory, capture_output=True, text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        head = ""
    key = (str(directory.resolve()), head)
    if key not in _SHARED:
        _SHARED.clear()
        _SHARED[key] = GitHistory(directory)
    return _SHARED[key]

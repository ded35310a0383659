"""Last-change dates and commits of files from git, read once per build.

Dates come from commits, never from the clock or file mtimes, so two builds
of one commit are identical. One `git log` over the docs tree serves every
page instead of a process per page (thousands of pages at scale).
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path


class GitHistory:
    """Maps absolute file paths to the last commit touching them (time and id)."""

    def __init__(self, directory: Path) -> None:
        self._changed: dict[Path, datetime] = {}
        self._commits: dict[Path, str] = {}
        self._resolved: dict[str, str | None] = {}
        self._contains: dict[tuple[str, str], bool] = {}
        self._head_time: datetime | None = None
        self._available = False
        self._pending = True
        self._directory = directory

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=self._directory, capture_output=True, text=True, check=True,
        ).stdout

    def _load(self) -> None:
        self._pending = False
        try:
            top = self._git("rev-parse", "--show-toplevel").strip()
            log = self._git(
                "-c", "core.quotepath=off", "log", "--format=%x00%ct %H", "--name-only",
                "--no-renames", "--", ".",
            )
            head = self._git("show", "-s", "--format=%ct", "HEAD").strip()
        except (OSError, subprocess.CalledProcessError):
            return
        self._available = True
        self._head_time = datetime.fromtimestamp(int(head), tz=UTC) if head else None
        root = Path(top)
        stamp: datetime | None = None
        commit = ""
        for line in log.splitlines():
            if line.startswith("\x00"):
                seconds, commit = line[1:].split(" ", 1)
                stamp = datetime.fromtimestamp(int(seconds), tz=UTC)
            elif line and stamp is not None:
                path = (root / line).resolve()
                if path not in self._changed:
                    self._changed[path] = stamp
                    self._commits[path] = commit

    @property
    def available(self) -> bool:
        """True when the docs tree is in a git repository with at least one commit."""
        if self._pending:
            self._load()
        return self._available

    def last_changed(self, path: str | Path) -> datetime | None:
        """Commit time of the file's last change, or None if never committed."""
        if self._pending:
            self._load()
        return self._changed.get(Path(path).resolve())

    def last_commit(self, path: str | Path) -> str | None:
        """Full id of the commit that last changed the file, or None if never committed."""
        if self._pending:
            self._load()
        return self._commits.get(Path(path).resolve())

    def head_time(self) -> datetime | None:
        """Commit time of HEAD: the build's "now", the same on every rebuild of a commit."""
        if self._pending:
            self._load()
        return self._head_time

    def resolve(self, revision: str) -> str | None:
        """Full id of the commit a (possibly short) id names, or None if there is none."""
        if revision not in self._resolved:
            try:
                full = self._git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            except (OSError, subprocess.CalledProcessError):
                full = ""
            self._resolved[revision] = full.strip() or None
        return self._resolved[revision]

    def contains(self, commit: str, ancestor: str) -> bool:
        """True when `ancestor` is `commit` or one of its ancestors."""
        if (commit, ancestor) not in self._contains:
            try:
                done = subprocess.run(
                    ["git", "merge-base", "--is-ancestor", ancestor, commit],
                    cwd=self._directory, capture_output=True, check=False,
                )
                self._contains[(commit, ancestor)] = done.returncode == 0
            except OSError:
                self._contains[(commit, ancestor)] = False
        return self._contains[(commit, ancestor)]


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

"""Per-page records kept on disk until the end of a language's build.

MkDocs converts every page of a language before it renders the first
template, and a plugin that indexes the pages (kb-search) needs all of them
at once, after the last conversion: held as Python objects, a language's
section texts grew its build process with every article (issue 17: about
0.5 MB an article for three languages). A `Spool` pickles each record as it
comes into an anonymous temporary file inside the site directory and reads
them back, in order, once. The file has no name (`O_TMPFILE`, or unlinked
at once where the file system lacks it): nothing is ever listed in the site,
and the operating system removes it when the build closes it or dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import tempfile
from collections.abc import Iterator
from typing import IO, Generic, TypeVar

T = TypeVar("T")


class Spool(Generic[T]):
    """Records appended one at a time, read back once in the same order."""

    def __init__(self) -> None:
        self.folder = ""
        self.file: IO[bytes] | None = None
        self.count = 0

    def reset(self, folder: str) -> None:
        """Start empty; the file is made in `folder` (the site directory) with the first record.

        Opened late, not here: a build that forks its languages after its
        `on_config` must not hand its children a file (and its buffer) it shares.
        """
        self.close()
        self.folder = folder

    def append(self, record: T) -> None:
        if self.file is None:
            self.file = nameless_file(self.folder, ".kb-spool-")
        pickle.dump(record, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[T]:
        """Every record, in order; one at a time in memory."""
        if self.file is None:
            return
        self.file.flush()
        self.file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self.file)
        self.file.seek(0, os.SEEK_END)

    def close(self) -> None:
        """Let the records go (the file disappears with its last handle)."""
        if self.file is not None:
            self.file.close()
        self.file, self.count = None, 0


def nameless_file(folder: str, prefix: str) -> IO[bytes]:
    """A temporary file in `folder` (made if missing) that no listing shows; the caller closes it."""
    os.makedirs(folder or ".", exist_ok=True)
    return tempfile.TemporaryFile(dir=folder or ".", prefix=prefix)


def give_back_memory() -> None:
    """Return the freed heap to the operating system (glibc's `malloc_trim`; elsewhere nothing).

    A language's index is built and freed before its pages are written, and a
    process that has finished its language waits for the others: without
    this, the memory they freed stays counted against the build.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)

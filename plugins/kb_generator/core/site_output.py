"""A failed build leaves no site that could pass for a good one.

MkDocs writes every page before `--strict` counts the warnings and fails, and
a build that fails early leaves the previous output in place: either can be
deployed by mistake. After a failed build we empty the site directory the way
MkDocs cleans it before a build (hidden entries such as `.git` stay).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def clear_site_dir(site_dir: str | Path) -> int:
    """Remove the contents of `site_dir` except hidden entries; returns how many went."""
    root = Path(site_dir)
    if not root.is_dir():
        return 0
    removed = 0
    for entry in os.scandir(root):
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            os.unlink(entry.path)
        removed += 1
    return removed

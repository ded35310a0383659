"""Records kept on disk until the end of a language's build: in the site folder, never listed."""

from __future__ import annotations

import os
from pathlib import Path

from kb_generator.core.outline import Section
from kb_generator.core.spool import Spool
from kb_generator.search.index import IndexedPage


def open_files_in(folder: Path) -> list[str]:
    """Files this process has open under `folder` (Linux: /proc/self/fd)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(f"{folder}/"):
            found.append(target)
    return found


def test_records_come_back_in_order_from_a_nameless_file_in_the_site_folder(tmp_path: Path) -> None:
    site = tmp_path / "site" / "et"
    spool: Spool[IndexedPage] = Spool()
    spool.reset(str(site))
    pages = [IndexedPage(f"a-{n}/", f"Artikkel {n} \U0001f600", sections=[
        Section("klient", "Klient", 2, ("Artikkel",), True, [f"Tekst {n} " * 50])]) for n in range(300)]
    for page in pages:
        spool.append(page)
    assert len(spool) == 300
    assert list(spool) == pages
    assert list(spool) == pages  # read again: the same
    # On disk in the site folder, and listed nowhere: nothing to clean up, nothing published.
    assert os.listdir(site) == []
    assert len(open_files_in(site)) == 1 and open_files_in(tmp_path / "elsewhere") == []
    spool.reset(str(site))
    assert list(spool) == [] and open_files_in(site) == []
    spool.append(pages[0])
    spool.close()
    assert open_files_in(site) == [] and os.listdir(site) == []

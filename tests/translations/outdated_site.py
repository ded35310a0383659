"""A site in tmp_path whose Estonian and Slovak article is older than its Polish original.

Shared by the translation tests and the quality gates (Nu, axe) of the notice.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import BuildSite, BuiltSite, git, page

FIRST = "2026-01-10T09:00:00+00:00"
SOURCE_CHANGED = "2026-02-01T10:00:00+00:00"

SOURCE = "pl/akademia/obsluga-klienta.md"
FILES = {
    "pl/index.md": page("Start", "home", "Witamy w centrum wiedzy."),
    "et/index.md": page("Avaleht", "home", "Tere tulemast teadmiste keskusesse."),
    "sk/index.md": page("Úvod", "home", "Vitajte v centre znalostí."),
    SOURCE: page(
        "Obsługa klienta <b>& więcej</b>", "customer-service",
        "Odpowiadamy w ciągu 24 godzin.",
    ),
    "et/akadeemia/klienditeenindus.md": page(
        "Klienditeenindus", "customer-service", "Vastame 24 tunni jooksul."
    ),
    "sk/akademia/zakaznicky-servis.md": page(
        "Zákaznícky servis", "customer-service", "Odpovedáme do 24 hodín."
    ),
}
TRANSLATIONS = {"et": "et/akadeemia/klienditeenindus/", "sk": "sk/akademia/zakaznicky-servis/"}


def head(root: Path) -> str:
    """Full id of the repository's HEAD commit."""
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Replace text in a source file (the test's writer at work)."""
    path = root / "docs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def outdated_site(
    build_site: BuildSite,
    config: dict[str, Any] | None = None,
    files: dict[str, str | bytes] | None = None,
) -> BuiltSite:
    """Commit every page, then change the Polish original later: et and sk are behind."""
    site = build_site(dict(files or FILES), config, commit_date=FIRST)
    edit(site.root, SOURCE, "24 godzin", "12 godzin")
    git(site.root, "commit", "-qam", "Faster answers", date=SOURCE_CHANGED)
    return build_site({}, config, commit_date=None, root=site.root)

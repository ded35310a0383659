"""The Nu Html Checker (npm `vnu-jar`, run with the machine's Java) over built pages.

All files go to one JVM (starting it is most of the cost). Messages that come
from Material's own markup and cannot be fixed from our side are filtered, by
message and by the markup they point at, and listed in README ("Quality gates").

    .venv/bin/python -m tests.quality.html_validity site/
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: (start of the message, text of the flagged markup, why it is accepted).
FILTERED: tuple[tuple[str, str, str], ...] = (
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'data-md-toggle="',
        "Material's base.html gives its drawer and search checkboxes autocomplete=\"off\" "
        "on purpose (Firefox would restore them open after going back); no valid "
        "attribute does that, and the template is Material's page skeleton",
    ),
)


@dataclass(frozen=True)
class Message:
    """One error of the checker, located in a file."""

    path: str
    line: int
    text: str
    extract: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text} [{self.extract.strip()}]"


def filtered(message: Message) -> bool:
    """True for a documented message of Material's markup."""
    return any(
        message.text.startswith(start) and markup in message.extract
        for start, markup, _ in FILTERED
    )


def validate(paths: Iterable[Path]) -> list[Message]:
    """Every error the checker reports for `paths` (one JVM for all of them)."""
    files = [str(path) for path in paths]
    java = shutil.which("java")
    if java is None or not VNU.exists():
        raise RuntimeError(
            "the Nu Html Checker needs Java and node_modules/vnu-jar: run `make setup`"
        )
    if not files:
        return []
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout",
         "--exit-zero-always", *files],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"vnu.jar failed ({done.returncode}): {done.stderr[-2000:]}")
    return [
        Message(
            item.get("url", "").removeprefix("file:"), int(item.get("lastLine", 0)),
            item.get("message", ""), item.get("extract", ""),
        )
        for item in json.loads(done.stdout)["messages"]
        if item.get("type") in ("error", "non-document-error")
    ]


def main(argv: list[str] | None = None) -> int:
    site = Path((argv or sys.argv[1:] or ["site"])[0])
    pages = sorted(site.rglob("*.html"))
    errors = [m for m in validate(pages) if not filtered(m)]
    for error in errors:
        print(error)
    print(f"{len(pages)} pages, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Two builds of one commit are byte-identical: compare two site directories.

    .venv/bin/python -m tests.quality.reproducible site-a/ site-b/
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

#: Files allowed to differ between two builds of one commit, with the reason
#: (also listed in README, "Quality gates"). None today.
EXEMPT: dict[str, str] = {}


def digests(site: Path) -> dict[str, str]:
    """sha256 of every file under `site`, by posix path."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def differences(first: Path, second: Path, exempt: dict[str, str] | None = None) -> list[str]:
    """Files only in one build or with other bytes (exempt files left out)."""
    skip = EXEMPT if exempt is None else exempt
    a, b = digests(first), digests(second)
    out = []
    for name in sorted(set(a) | set(b)):
        if name in skip:
            continue
        if name not in b:
            out.append(f"{name}: only in the first build")
        elif name not in a:
            out.append(f"{name}: only in the second build")
        elif a[name] != b[name]:
            out.append(f"{name}: content differs{_first_difference(first / name, second / name)}")
    return out


def _first_difference(first: Path, second: Path) -> str:
    x, y = first.read_bytes(), second.read_bytes()
    at = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    return f" at byte {at}: {x[max(0, at - 40):at + 40]!r} / {y[max(0, at - 40):at + 40]!r}"


def main(argv: list[str] | None = None) -> int:
    first, second = (Path(arg) for arg in (argv or sys.argv[1:])[:2])
    problems = differences(first, second)
    for problem in problems:
        print(problem)
    print(f"{len(digests(first))} files, {len(problems)} differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

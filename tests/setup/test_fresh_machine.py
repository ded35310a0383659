"""The setup scripts behind `make test` / `make serve` on a new machine (.ci/)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / ".ci"


def find_python(python: str | None, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHON"}
    if python is not None:
        env["PYTHON"] = python
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        ["/bin/bash", str(CI / "find-python")], env=env, capture_output=True, text=True, check=False
    )


def fake_python(folder: Path, name: str, version: tuple[int, int, int]) -> Path:
    """An executable that answers the version check as a Python of `version` would."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(
        "#!/bin/sh\n"
        f'exec {sys.executable} -c "import sys; v = {version!r}; '
        'sys.exit(0 if (3, 11, 2) <= v < (3, 15) else 1)" 2>/dev/null\n'
    )
    script.chmod(0o755)
    return script


def test_an_explicit_python_is_taken_as_is() -> None:
    done = find_python(sys.executable)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == sys.executable


def test_an_explicit_python_that_does_not_fit_is_refused_with_what_to_do(tmp_path: Path) -> None:
    old = fake_python(tmp_path, "python3.11", (3, 11, 1))
    done = find_python(str(old))
    assert done.returncode == 1
    assert f"PYTHON={old} is not a CPython 3.11.2 to 3.14" in done.stderr
    assert "apt-get install python3 python3-venv" in done.stderr


def test_the_first_suitable_python_on_path_is_found(tmp_path: Path) -> None:
    """Debian 12's python3 is 3.11.2: it fits; an older python3 is passed over for python3.12.

    PATH holds only the fakes: the machine's own Pythons must not answer for them.
    """
    fake_python(tmp_path / "bookworm", "python3", (3, 11, 2))
    done = find_python(None, path=str(tmp_path / "bookworm"))
    assert done.stdout.strip() == str(tmp_path / "bookworm" / "python3")
    fake_python(tmp_path / "old", "python3", (3, 10, 12))
    fake_python(tmp_path / "old", "python3.12", (3, 12, 3))
    done = find_python(None, path=str(tmp_path / "old"))
    assert done.stdout.strip() == str(tmp_path / "old" / "python3.12")


def test_no_suitable_python_names_what_was_found_and_what_to_install(tmp_path: Path) -> None:
    fake_python(tmp_path, "python3", (3, 10, 12))
    done = find_python(None, path=f"{tmp_path}:/nonexistent")
    assert done.returncode == 1
    assert "no CPython 3.11.2 to 3.14 found" in done.stderr
    assert f"{tmp_path / 'python3'}" in done.stderr


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        name, version = re.split(r"==", requirement.split(";")[0].strip(), maxsplit=1)
        pins[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return pins


def test_the_lock_holds_every_pin_of_pyproject() -> None:
    """`make lock` after editing pyproject.toml: a stale lock would install other versions."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _pins(project["dependencies"] + project["optional-dependencies"]["test"])
    lines = (CI / "requirements.lock").read_text(encoding="utf-8").splitlines()
    locked = _pins([line for line in lines if line.strip() and not line.startswith("#")])
    assert {name: locked.get(name) for name in wanted} == wanted

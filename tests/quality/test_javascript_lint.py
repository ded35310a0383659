"""ESLint over the browser code we ship and its tests (`make lint` runs it on plugins/ and tests/)."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT

ESLINT = ROOT / "node_modules" / ".bin" / "eslint"


def lint(source: str, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ESLINT), "-c", ".ci/eslint.config.mjs", "--stdin", "--stdin-filename", name],
        input=source, cwd=ROOT, capture_output=True, text=True, check=False,
    )


def test_shipped_code_passes() -> None:
    done = subprocess.run(
        [str(ESLINT), "-c", ".ci/eslint.config.mjs", "plugins", "tests"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_mistake_in_an_asset_fails_with_file_and_line() -> None:
    done = lint('(function () {\n  "use strict";\n  var unused = undefinedName;\n})();\n',
                "plugins/kb_generator/search/assets/broken.js")
    assert done.returncode == 1
    assert "broken.js" in done.stdout
    assert "3:7" in done.stdout and "no-unused-vars" in done.stdout
    assert "no-undef" in done.stdout

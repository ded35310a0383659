"""Our import package is `kb_generator`: a site's own `plugins/` package cannot shadow it.

A folder called `plugins/` next to mkdocs.yml is common (hooks, local helpers), and
`python -m mkdocs` puts the current directory first on `sys.path`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from tests.quality.test_bad_input import base_site, run_cli, site_config

WRITERS_PACKAGE = {
    "plugins/__init__.py": "",
    "plugins/translations.py": 'NOTE = "Dopisek z własnego pakietu witryny."\n',
    "site_hooks.py": (
        "from plugins.translations import NOTE\n\n\n"
        "def on_page_markdown(markdown, page, config, files):\n"
        "    return markdown + '\\n\\n' + NOTE + '\\n'\n"
    ),
}


def test_a_site_with_its_own_plugins_package_and_hooks_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # the hook's bytecode is not our output
    write_tree(tmp_path, WRITERS_PACKAGE)
    build = run_cli(tmp_path, base_site(), config={**site_config(), "hooks": ["site_hooks.py"]})
    assert build.returncode == 0, build.output
    assert "Dopisek z własnego pakietu witryny." in build.html("pl/a")

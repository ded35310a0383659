"""Our theme layer on top of Material, shipped inside the plugins.

Plugins add `templates/` of this package to the theme search path right
after the user's `custom_dir`, so a site needs no overrides folder of its
own and a writer's overrides still win.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

TEMPLATES = str(Path(__file__).parent / "templates")


def add_theme_templates(config: MkDocsConfig) -> None:
    """Insert our templates after `custom_dir` (idempotent, once per build)."""
    dirs = config.theme.dirs
    if TEMPLATES in dirs:
        return
    custom_dir = config.theme.get("custom_dir")
    position = 1 if custom_dir and dirs and Path(dirs[0]) == Path(custom_dir) else 0
    dirs.insert(position, TEMPLATES)

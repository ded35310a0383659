"""Scripts and styles a plugin ships, published under `assets/kb/`.

Each language build adds them to the page template (`extra_css`,
`extra_javascript`) and to the files to copy; both steps are idempotent
because static-i18n runs every hook once per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from kb_generator.core.theme import add_theme_templates

PREFIX = "assets/kb"


@dataclass(frozen=True)
class PluginAssets:
    """The static files of one plugin (names relative to `directory`)."""

    directory: Path
    styles: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()

    def install(self, config: MkDocsConfig) -> None:
        """Our theme templates and these files on every page (in `on_config`)."""
        add_theme_templates(config)
        self.register(config)

    def register(self, config: MkDocsConfig) -> None:
        """Reference the styles and scripts from every page (in `on_config`)."""
        for names, kind in ((self.styles, "extra_css"), (self.scripts, "extra_javascript")):
            present = {str(item) for item in config[kind]}
            for name in names:
                if f"{PREFIX}/{name}" not in present:
                    config[kind].append(f"{PREFIX}/{name}")

    def add_to(self, files: Files, config: MkDocsConfig) -> None:
        """Copy the files into the site (in `on_files`)."""
        for name in (*self.styles, *self.scripts):
            files.append(File.generated(
                config, f"{PREFIX}/{name}", abs_src_path=str(self.directory / name)))


class ShipsAssets:
    """Mixin for a plugin whose `ASSETS` are copied into the site: its `on_files` hook."""

    assets: ClassVar[PluginAssets]

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.assets.add_to(files, config)
        return files

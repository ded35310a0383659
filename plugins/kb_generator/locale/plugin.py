"""kb-locale hooks: reading time and last-updated date per page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kb_generator.core.git_history import GitHistory, shared_history
from kb_generator.core.i18n import current_locale, is_outermost_build
from kb_generator.core.messages import message
from kb_generator.core.plugin_assets import PluginAssets, ShipsAssets
from kb_generator.locale.config import LocaleConfig
from kb_generator.locale.dates import format_updated
from kb_generator.locale.reading_time import count_words, minutes, reading_time_label

log = get_plugin_logger("kb-locale")

ASSETS = PluginAssets(Path(__file__).parent / "assets", ("locale.css",))


class LocalePlugin(ShipsAssets, BasePlugin[LocaleConfig]):
    """Publishes localized reading time and dates to the page template."""

    assets = ASSETS

    def __init__(self) -> None:
        self.history: GitHistory | None = None
        self.words: dict[str, int] = {}  # src_uri -> words of its Markdown

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.history is None or is_outermost_build(config):
            self.history = shared_history(Path(config.docs_dir))
        self.assets.install(config)
        return config

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Any
    ) -> str:
        self.words[page.file.src_uri] = count_words(markdown)
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.history is not None
        locale = current_locale(config)
        words = self.words.pop(page.file.src_uri, 0)
        show_reading = page.meta.get("reading_time", words >= self.config.reading_time_min_words)
        context["kb_reading_time"] = (
            reading_time_label(minutes(words, self.config.words_per_minute), locale)
            if show_reading else ""
        )
        changed = (
            self.history.last_changed(page.file.abs_src_path) if page.file.abs_src_path else None
        )
        context["kb_updated"] = (
            format_updated(changed, locale, self.config.date_format) if changed else ""
        )
        context["kb_updated_iso"] = changed.date().isoformat() if changed else ""
        context["kb_updated_label"] = message(locale, "updated")
        return context

"""kb-glossary hooks (thin: matching, sources and the page live in sibling modules)."""

from __future__ import annotations

import re
import time
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from kb_generator.core import priorities
from kb_generator.core.extensions import added_extension
from kb_generator.core.front_matter import front_matter_of
from kb_generator.core.i18n import current_locale, is_outermost_build, site_locales
from kb_generator.core.plugin_assets import PluginAssets
from kb_generator.core.source_lines import line_of
from kb_generator.glossary.config import GlossaryConfig
from kb_generator.glossary.extension import FORCE_SCHEME, GlossaryExtension, PageLinking
from kb_generator.glossary.matcher import TermMatcher
from kb_generator.glossary.page import USED_IN_MARKER, glossary_markdown, used_in_html
from kb_generator.glossary.sources import Glossary, Term, cross_locale_problems, load_glossary
from kb_generator.morphology import analyzer

log = get_plugin_logger("kb-glossary")

ASSETS = PluginAssets(Path(__file__).parent / "assets", ("glossary.css",), ("glossary.js",))


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    """Links glossary terms in every inflected form and renders the glossary pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.glossaries: dict[str, Glossary] = {}
        self.pages: dict[str, tuple[str, str]] = {}  # locale -> (src_uri, url)
        self.matchers: dict[str, TermMatcher] = {}
        self.usage: dict[str, dict[str, dict[str, tuple[str, str]]]] = {}
        self.linked: dict[str, frozenset[str]] = {}  # src_uri -> ids of the terms linked there
        self.state = PageLinking()
        self.seconds: dict[str, float] = {}  # locale -> time spent on it
        self.locale_names: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if is_outermost_build(config) and current_locale(config) == site_locales(config).default:
            self.glossaries, self.pages, self.matchers, self.usage = {}, {}, {}, {}
            self.seconds, self.linked = {}, {}
        self.locale_names = {item.code: item.name for item in site_locales(config).locales}
        added_extension(config, GlossaryExtension, lambda: GlossaryExtension(
            lambda: self.state, set(self.config.skip_tags)))
        ASSETS.register(config)
        return config

    # Before static-i18n (-100) narrows the files to one language: the
    # glossaries and glossary pages of every language are needed for
    # cross-language checks and links.
    @event_priority(priorities.READ_ALL_LANGUAGES)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        locales = site_locales(config).codes
        if not self.glossaries:
            self._load(config, files, locales)
        for file in list(files):
            parts = PurePosixPath(file.src_uri).parts
            if len(parts) == 2 and parts[0] in locales and parts[1] == self.config.source:
                files.remove(file)
        ASSETS.add_to(files, config)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        locale = current_locale(config)
        glossary = self.glossaries.get(locale)
        page_src, _ = self.pages.get(locale, ("", ""))
        self.state = PageLinking(first_only=self.config.first_only)
        if glossary is None or not page_src:
            return markdown
        if page.file.src_uri == page_src:
            return markdown + "\n\n" + glossary_markdown(
                glossary.terms, locale, self._translations(locale, page)
            )
        if page.meta.get("glossary") is False:
            return markdown
        self.state.matcher = self._matcher(locale)
        self.state.terms = glossary.terms
        self.state.glossary_href = get_relative_url(self.pages[locale][1], page.url)
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        locale = current_locale(config)
        used = self.usage.setdefault(locale, {})
        for term_id in self.state.linked:
            used.setdefault(term_id, {})[page.file.src_uri] = (page.url, page.title or "")
        self.linked[page.file.src_uri] = frozenset(self.state.linked)
        for term_id in self.state.unknown:
            log.warning(
                f"{page.file.src_uri}:{line_of(page.file.abs_src_path, FORCE_SCHEME + term_id)}: "
                f"unknown glossary term '{term_id}' (not in {self.glossaries[locale].path})"
            )
        self.seconds[locale] = self.seconds.get(locale, 0.0) + self.state.seconds
        self.state = PageLinking()
        return html

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        locale = current_locale(config)
        if page.file.src_uri != self.pages.get(locale, ("", ""))[0] or page.content is None:
            return context
        # All pages of this language were converted before any template is
        # rendered, so the "used in" lists are complete now.
        used = self.usage.get(locale, {})
        relative: dict[str, str] = {}

        def used_in(match: re.Match[str]) -> str:
            mentions = sorted(used.get(match.group(1), {}).values(), key=lambda item: item[1])
            links = [
                (relative.setdefault(url, get_relative_url(url, page.url)), title)
                for url, title in mentions
            ]
            return used_in_html(locale, links)

        page.content = USED_IN_MARKER.sub(used_in, page.content)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        if is_outermost_build(config):
            total = sum(self.seconds.values())
            log.info(f"glossary: loading and linking took {total:.2f} s in all languages")

    # -- offered to other plugins (core/contracts.py, GlossaryProvider) ---------

    @property
    def glossary_source(self) -> str:
        return self.config.source

    def loaded_glossary(self, locale: str) -> Glossary | None:
        return self.glossaries.get(locale)

    def linked_terms(self, src_uri: str) -> frozenset[str]:
        return self.linked.get(src_uri, frozenset())

    def kb_export_state(self, locale: str) -> float:
        """A language built in another process hands back its linking time."""
        return self.seconds.get(locale, 0.0)

    def kb_import_state(self, locale: str, state: float) -> None:
        self.seconds[locale] = state

    def _load(self, config: MkDocsConfig, files: Files, locales: tuple[str, ...]) -> None:
        started = time.perf_counter()
        docs = Path(config.docs_dir)
        for locale in locales:
            label = f"{locale}/{self.config.source}"
            glossary = load_glossary(docs / locale / self.config.source, locale, label)
            self.glossaries[locale] = glossary
            for problem in glossary.problems:
                log.warning(problem)
        present = {code: g for code, g in self.glossaries.items() if g.terms}
        if self.config.required_in_all_locales and len(present) > 1:
            for problem in cross_locale_problems(self.glossaries):
                log.warning(problem)
        for file in files.documentation_pages():
            parts = PurePosixPath(file.src_uri).parts
            if len(parts) < 2 or parts[0] not in locales or not file.abs_src_path:
                continue
            if front_matter_of(file.abs_src_path).fields.get("key") == self.config.page_key:
                self.pages[parts[0]] = (file.src_uri, file.url)
        for locale, glossary in present.items():
            if locale not in self.pages:
                raise PluginError(
                    f"kb-glossary: {glossary.path} has terms but no page in {locale}/ has "
                    f"`key: {self.config.page_key}` to show them"
                )
        self.seconds[""] = time.perf_counter() - started  # loading serves every language

    def _matcher(self, locale: str) -> TermMatcher:
        if locale not in self.matchers:
            self.matchers[locale] = TermMatcher(
                self.glossaries[locale].terms.values(), analyzer(locale)
            )
        return self.matchers[locale]

    def _translations(
        self, locale: str, page: Page
    ) -> dict[str, tuple[str, str, dict[str, Term]]]:
        """Other locales' names, glossary page URLs (relative to `page`) and terms."""
        return {
            code: (
                self.locale_names.get(code, code),
                get_relative_url(self.pages[code][1], page.url),
                glossary.terms,
            )
            for code, glossary in self.glossaries.items()
            if code != locale and code in self.pages and glossary.terms
        }


"""kb-answers hooks (thin: sections, structured data, catalog and related live beside)."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.nav import Section as NavSection
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from kb_generator.answers import structured_data
from kb_generator.answers.catalog import CatalogPage, catalog_entry, catalog_texts
from kb_generator.answers.config import AnswersConfig
from kb_generator.answers.redirects import redirect_page
from kb_generator.answers.related import Candidate, Candidates, related
from kb_generator.answers.sections import AnswersExtension, PageSections
from kb_generator.core import priorities
from kb_generator.core.contracts import glossary_provider
from kb_generator.core.extensions import added_extension
from kb_generator.core.git_history import GitHistory, shared_history
from kb_generator.core.i18n import current_locale, is_outermost_build, site_locales
from kb_generator.core.messages import message
from kb_generator.core.outline import OutlineExtension, outline_extension
from kb_generator.core.plugin_assets import PluginAssets, ShipsAssets
from kb_generator.core.source_lines import line_of

log = get_plugin_logger("kb-answers")

ASSETS = PluginAssets(Path(__file__).parent / "assets", ("answers.css",), ("answers.js",))
STRINGS = ("copy_link", "copy_answer", "link_copied", "answer_copied")


class AnswersPlugin(ShipsAssets, BasePlugin[AnswersConfig]):
    """Stable, copyable, structured FAQ answers and an answers catalog."""

    assets = ASSETS

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state = PageSections()
        self.catalog_pages: list[CatalogPage] = []
        self.question_ids: dict[str, dict[str, str]] = {}  # locale -> id -> "src:line"
        self.candidates: dict[str, list[Candidate]] = {}
        self.indexed_candidates: dict[str, Candidates] = {}
        self.page_sections: dict[str, PageSections] = {}
        self.redirects: list[tuple[str, str, Page]] = []
        self.history: GitHistory | None = None
        self.site_url = ""
        self.outline = OutlineExtension()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if is_outermost_build(config) and current_locale(config) == site_locales(config).default:
            self.catalog_pages, self.question_ids = [], {}
        self.candidates, self.page_sections, self.redirects = {}, {}, []
        self.indexed_candidates = {}
        self.history = shared_history(Path(config.docs_dir))
        self.site_url = (config.site_url or "").rstrip("/") + "/"
        self.outline = outline_extension(config)
        added_extension(config, AnswersExtension, lambda: AnswersExtension(
            lambda: self.state, self.outline))
        self.assets.install(config)
        return config

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        renamed = page.meta.get("renamed_ids") or {}  # checked by the schema
        self.state = PageSections(
            faq_page=bool(page.meta.get(self.config.faq_field)),
            faq_section_id=self.config.faq_section_id,
            renamed={str(old): str(new) for old, new in renamed.items()},
        )
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        state, self.state = self.state, PageSections()
        state.sections = [s for s in self.outline.outline.sections if s.anchor is not None]
        locale = current_locale(config)
        src = page.file.src_uri
        seen = self.question_ids.setdefault(locale, {})
        for answer_id in (answer.anchor or "" for answer in state.answers):
            where = f"{src}:{line_of(page.file.abs_src_path, '{#' + answer_id)}"
            if answer_id in seen:
                log.warning(
                    f"{where}: FAQ id '{answer_id}' is already used at {seen[answer_id]}; "
                    "question ids must be unique in a language"
                )
            else:
                seen[answer_id] = where
        for question in state.unnamed_questions:
            log.warning(
                f"{src}:{line_of(page.file.abs_src_path, question)}: question '{question}' has no id; "
                "add a stable one: `## Question? {#my-question-id}`"
            )
        for old in state.live_renames:
            log.warning(
                f"{src}:{line_of(page.file.abs_src_path, old)}: renamed_ids: '{old}' is still "
                "an id on this page; an old id must no longer be used (rename it or drop it)"
            )
        for old in state.unresolved_renames:
            log.warning(
                f"{src}:{line_of(page.file.abs_src_path, old)}: renamed id '{old}' points to "
                f"'{state.renamed[old]}', which is not a heading id on this page"
            )
        self.page_sections[src] = state
        url = self.site_url + page.url
        updated = self.history.last_changed(page.file.abs_src_path) if (
            self.history and page.file.abs_src_path) else None
        entries = [
            catalog_entry(section.anchor or "", section.heading, section.visible_text,
                          "answer" if state.is_answer(section) else "section", url)
            for section in state.sections
            if state.is_answer(section) or (
                section.level == 2 and section.anchor != self.config.faq_section_id)
        ]
        if entries and not _excluded(page):
            self.catalog_pages.append(CatalogPage.of(
                locale, _text(page.meta.get("key")), page.title or "", url,
                _text(page.meta.get("category")), updated.date().isoformat() if updated else None,
                entries,
            ))
        # Until the page's template, only its answers are needed (JSON-LD): every
        # page's sections with their text fragments, held to the end of the build,
        # grew a language's memory with every article.
        state.sections = state.answers
        if page.meta.get("key") and not page.is_index and not _excluded(page):
            # FAQ pages may be recommended too; only articles show recommendations.
            self.candidates.setdefault(locale, []).append(Candidate(
                str(page.meta["key"]), page.title or "", page.url,
                _text(page.meta.get("category")), source=src,
            ))
        for old in page.meta.get("redirect_from") or []:
            self.redirects.append((locale, str(old), page))
        return html

    # After kb-translations (-50) set the page's alternates; order among our
    # own context keys does not matter otherwise.
    @event_priority(priorities.AFTER_TRANSLATION_LINKS)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        locale = current_locale(config)
        state = self.page_sections.get(page.file.src_uri, PageSections())
        url = self.site_url + page.url
        context["kb_answer_strings"] = {name: message(locale, f"answers.{name}") for name in STRINGS}
        if self.config.structured_data:
            data: list[dict[str, Any]] = []
            if state.answers:
                data.append(structured_data.faq_page(url, locale, state.answers))
            if self._is_article(page):
                updated = self.history.last_changed(page.file.abs_src_path) if (
                    self.history and page.file.abs_src_path) else None
                data.append(structured_data.article(
                    url, locale, page.title or "", str(page.meta.get("description", "")),
                    updated, config.site_name,
                ))
            crumbs = self._breadcrumbs(page, nav, locale)
            if len(crumbs) > 1:
                data.append(structured_data.breadcrumbs(crumbs))
            context["kb_structured_data"] = data
        if self._is_article(page) and self.config.related_limit and page.meta.get("key"):
            # Every page of the language was converted before the first
            # template, so the candidates and the terms linked on them are
            # complete (whatever the order of the plugins): index them once.
            if locale not in self.indexed_candidates:
                glossary = glossary_provider(config)
                self.indexed_candidates[locale] = Candidates([
                    replace(candidate, terms=glossary.linked_terms(candidate.source))
                    if glossary else candidate
                    for candidate in self.candidates.get(locale, [])
                ])
            candidates = self.indexed_candidates[locale]
            current = candidates.by_url.get(page.url)
            if current is not None:
                explicit = [str(key) for key in page.meta.get("related") or []]
                context["kb_related"] = [
                    {"title": c.title, "url": get_relative_url(c.url, page.url),
                     "category": c.category}
                    for c in related(current, explicit, candidates, self.config.related_limit)
                ]
                context["kb_related_title"] = message(locale, "answers.related")
        return context

    # Before static-i18n (-100) starts the next language's build, which
    # resets the per-language state these redirects come from.
    @event_priority(priorities.BEFORE_NEXT_LANGUAGE)
    def _write_redirects(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir).resolve()
        for locale, old, page in self.redirects:
            where = f"{page.file.src_uri}:{line_of(page.file.abs_src_path, old)}"
            # The schema admits only `.md` paths without `..` (plugins/kb_generator/core/schema.py);
            # the resolved target must still be inside this language's folder.
            source = PurePosixPath(old)
            relative = source.parent if source.name in ("index.md", "README.md") else (
                source.with_suffix(""))
            folder = (site / locale).resolve()
            target = (folder / relative / "index.html").resolve()
            if not target.is_relative_to(folder) or target.parent == folder:
                log.warning(f"{where}: redirect_from: '{old}' is not a page path inside {locale}/")
                continue
            if target.exists() or any(
                parent.exists() and not parent.is_dir() for parent in target.parents
            ):
                log.warning(
                    f"{where}: redirect_from: cannot redirect '{old}': a page or file already "
                    "exists there; list only old paths no page uses"
                )
                continue
            old_url = target.parent.relative_to(site).as_posix() + "/"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect_page(
                get_relative_url(page.url, old_url), self.site_url + page.url, locale,
                page.title or message(locale, "answers.moved"),
            ), encoding="utf-8")

    # After static-i18n (-100) built every other language: all catalogs
    # are complete (translations need every language).
    @event_priority(priorities.END_OF_SITE)
    def _write_catalogs(self, config: MkDocsConfig) -> None:
        if not is_outermost_build(config):
            return
        site = Path(config.site_dir)
        # Written one answer at a time (a language's catalog is tens of MB of text at scale).
        for locale, parts in catalog_texts(self.catalog_pages):
            path = site / locale / self.config.catalog
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8") as out:
                out.writelines(parts)

    on_post_build = CombinedEvent(_write_redirects, _write_catalogs)

    def kb_export_state(self, locale: str) -> list[dict[str, Any]]:
        """A language built in another process or job hands back its catalog pages (as JSON)."""
        return [dataclasses.asdict(page) for page in self.catalog_pages if page.locale == locale]

    def kb_import_state(self, locale: str, state: list[dict[str, Any]]) -> None:
        self.catalog_pages.extend(CatalogPage(**page) for page in state)

    def _is_article(self, page: Page) -> bool:
        return bool(
            page.meta.get("key") and not page.is_index and not page.meta.get(self.config.faq_field)
            and not _excluded(page)
        )

    def _breadcrumbs(self, page: Page, nav: Navigation, locale: str) -> list[tuple[str, str]]:
        home = nav.homepage
        if home is None:
            return []
        crumbs = [(home.title or message(locale, "answers.home"), self.site_url + home.url)]
        for ancestor in reversed(list(page.ancestors)):
            if isinstance(ancestor, NavSection):
                index = next(
                    (child for child in ancestor.children
                     if isinstance(child, Page) and child.is_index), None
                )
                if index is not None and index is not page:
                    crumbs.append((ancestor.title or index.title or "", self.site_url + index.url))
        if page is not home:
            crumbs.append((page.title or "", self.site_url + page.url))
        return crumbs


def _excluded(page: Page) -> bool:
    """Pages hidden from search (notices, drafts) are no answers either."""
    search = page.meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


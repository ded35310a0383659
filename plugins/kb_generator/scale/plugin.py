"""kb-scale hooks: parallel language builds and compact navigation."""

from __future__ import annotations

import functools
import logging
import os
import time
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kb_generator.core import priorities
from kb_generator.core.contracts import LanguageState, language_state_plugins
from kb_generator.core.front_matter import front_matter_of
from kb_generator.core.i18n import current_locale, i18n_plugin, is_outermost_build, site_locales
from kb_generator.core.spool import give_back_memory
from kb_generator.core.upstream import (
    building_language,
    is_nested_build,
    keep_site_directory,
    limit_languages,
    mark_localized,
    quiet_nested_build_log,
    set_nested_build,
    start_language_build,
)
from kb_generator.scale import jobs
from kb_generator.scale.config import ScaleConfig
from kb_generator.scale.navigation import collapse, index_markdown, large_sections
from kb_generator.scale.page_texts import CompactPages
from kb_generator.scale.parallel import LanguageProcesses, LanguageResult, languages_at_once, queues

log = get_plugin_logger("kb-scale")


class ScalePlugin(BasePlugin[ScaleConfig]):
    """Builds languages in parallel and keeps the navigation small."""

    def __init__(self) -> None:
        self.command = "build"
        self.processes = LanguageProcesses()
        self.started = 0.0
        self.own_started = 0.0  # when this process started its own language, if it waited first
        self.forked = False
        # Languages built before this process's own (one at a time), kept to the end.
        self.results: list[LanguageResult] = []
        self._release: Any = None
        self.job: list[str] = []  # the languages this job builds (empty: all)
        self.merge: list[Path] = []  # the jobs' sites this build merges
        self.pages = CompactPages()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # `serve` rebuilds in a process with server threads: never fork there.
        self.command = command

    # Before static-i18n's on_config (-100) computes which languages to build.
    @event_priority(priorities.CHOOSE_LANGUAGES)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.pages.clear()  # every build (one per language) converts its own pages
        if self.command == "serve":
            self._limit_served_languages(config)
        locales = site_locales(config)
        if is_outermost_build(config) and current_locale(config) == locales.default:
            self.started = time.perf_counter()
            self.own_started = 0.0
            self.forked = False
            self.results = []
            self._read_jobs(config)
        elif current_locale(config) != locales.default:
            # Shared root files come from the default language only: written
            # by every language they would depend on which finished last.
            config.theme.static_templates.discard("404.html")
            config.theme.static_templates.discard("sitemap.xml")
        return config

    # The site directory is clean by now, so other languages may write into
    # it; after kb-translations and kb-glossary (100) read every language's
    # sources, which the forked builds inherit; before static-i18n (-100).
    @event_priority(priorities.FORK_LANGUAGES)
    def _fork_languages(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        i18n = i18n_plugin(config)
        # A job builds its languages in processes whatever `parallel_languages` says.
        if (not (self.config.parallel_languages or self.job) or self.command == "serve"
                or i18n is None or not is_outermost_build(config) or self.forked):
            return files
        self.forked = True
        own = building_language(i18n)
        others = [locale for locale in site_locales(config).codes
                  if locale != own and (not self.job or locale in self.job) and not self.merge]
        here = not self.job or own in self.job  # this process builds its own language too
        at_once = self.config.language_processes or languages_at_once(
            len(files.documentation_pages()) // max(1, len(site_locales(config).codes)))
        for queue in queues(others, at_once - here):
            self.processes.start_queue(
                [(locale, functools.partial(_build_language, config, locale)) for locale in queue])
        if not self.processes.running:
            return files
        if here and at_once <= 1:
            # One language at a time: the others build first, from this small
            # state, and this process starts its own language when they are done
            # (alongside, its language's pages would be held beside theirs).
            log.info(f"building {', '.join(self.processes.running)} one after another in a process"
                     f" of their own, then {own} (languages at once: 1)")
            self.results = self.processes.wait()
            self.own_started = time.perf_counter()
        else:
            log.info(f"building {', '.join(self.processes.running)} in parallel processes"
                     f" (languages at once: at most {at_once})")
        return files

    # Last: a merge, or a job without the default language, renders no page
    # of the default language but its home (static-i18n wants one), nor
    # copies its files: its site comes from the job that builds it.
    @event_priority(priorities.OTHER_JOBS_PAGES)
    def _skip_default_language(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if not is_outermost_build(config) or self.command == "serve":
            return files
        default = site_locales(config).default
        if self.merge or (self.job and default not in self.job):
            homes = {f"{folder}{name}" for folder in ("", f"{default}/")
                     for name in ("index.md", "README.md")}
            for file in files:
                if file.src_uri not in homes:
                    file.inclusion = InclusionLevel.EXCLUDED
        return files

    # After static-i18n (-100) placed the files: index pages for big folders.
    @event_priority(priorities.LANGUAGE_OUTPUT)
    def _write_section_indexes(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        pages = list(files.documentation_pages())
        big = large_sections([f.src_uri for f in pages], self.config.section_nav_limit)
        for folder in sorted(big):
            if any(str(PurePosixPath(f.src_uri).parent) == folder and f.name == "index"
                   for f in pages):
                continue
            members = sorted(
                (f for f in pages if str(PurePosixPath(f.src_uri).parent) == folder),
                key=lambda f: f.src_uri,
            )
            entries = [
                (str(front_matter_of(f.abs_src_path).fields.get("title") or f.name)
                 if f.abs_src_path else f.name, PurePosixPath(f.src_uri).name)
                for f in members
            ]
            title = PurePosixPath(folder).name.replace("-", " ").capitalize()
            generated = File.generated(
                config, f"{folder}/index.md", content=index_markdown(title, entries))
            mark_localized(generated, current_locale(config))
            files.append(generated)
        return files

    def _limit_served_languages(self, config: MkDocsConfig) -> None:
        """A writer previewing one language of a big site need not wait for all of them."""
        wanted = [code.strip() for code in os.environ.get("KB_SERVE_LANGUAGES", "").split(",")
                  if code.strip()] or list(self.config.serve_languages)
        i18n = i18n_plugin(config)
        if not wanted or i18n is None or is_nested_build(i18n):
            return
        limit_languages(i18n, wanted)

    def _read_jobs(self, config: MkDocsConfig) -> None:
        """A job's languages or the jobs to merge (options, or the environment in CI)."""
        self.job = jobs.parse_locales(os.environ.get("KB_JOB_LANGUAGES", "")) or list(
            self.config.job_languages)
        folders = jobs.parse_locales(os.environ.get("KB_MERGE_JOBS", "")) or list(self.config.merge_jobs)
        base = Path(config.config_file_path or ".").parent
        self.merge = [base / folder for folder in folders]
        if self.command == "serve":
            self.job, self.merge = [], []
        if self.job and self.merge:
            raise PluginError("kb-scale: a build is either a job (job_languages) or a merge "
                              "(merge_jobs), not both")
        jobs.check_locales(self.job, site_locales(config).codes, "job_languages")

    on_files = CombinedEvent(_fork_languages, _write_section_indexes, _skip_default_language)

    # After static-i18n's navigation rework (-100).
    @event_priority(priorities.COLLAPSE_NAVIGATION)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        collapsed = collapse(nav, self.config.section_nav_limit)
        if collapsed:
            log.debug(f"{collapsed} large sections shown as their index page")
        return nav

    # Last, after every plugin read the converted page (compact_pages).
    @event_priority(priorities.COMPACT_PAGE)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.pages.store(page, html) if self.config.compact_pages else html

    # First, before static-i18n (50) or any hook and the template read the page.
    @event_priority(priorities.RESTORE_PAGE)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.pages.restore(page)
        return context

    @event_priority(priorities.RELEASE_PAGE)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.config.compact_pages:
            self.pages.release(page)
        return output

    # Before static-i18n's on_post_build (-100) would build the other
    # languages one by one: they are already built, in parallel.
    @event_priority(priorities.COLLECT_LANGUAGES)
    def _collect_languages(self, config: MkDocsConfig) -> None:
        if not is_outermost_build(config) or not (
                self.processes.running or self.results or self.job or self.merge):
            return
        own = time.perf_counter() - (self.own_started or self.started)
        if self.processes.running or self.results:
            # Long builds show where the time goes, language by language.
            log.info(f"{current_locale(config)}: built in {own:.1f} s (this process)")
        give_back_memory()  # this language is written; the others may still be building
        results, self.results = [*self.results, *self.processes.wait()], []
        plugins = language_state_plugins(config)
        if self.merge:
            self._merge_jobs(config, plugins)
        for result in sorted(results, key=lambda r: r.locale):
            for name, level, text in result.warnings:
                logging.getLogger(name).log(level, text)
            if result.error:
                if result.details:
                    log.debug(result.details)
                raise PluginError(f"building '{result.locale}' failed: {result.error}")
            for name, state in result.states.items():
                plugins[name].kb_import_state(result.locale, state)
            log.info(f"{result.locale}: built in {result.seconds:.1f} s (its own process)")
        if self.job:
            states = {locale: _states(config, locale) for locale in self.job}
            jobs.write_report(Path(config.site_dir), self.job, states)
        i18n = i18n_plugin(config)
        if i18n is not None:
            set_nested_build(i18n, True)  # its on_post_build then skips the sequential builds
            self._release = i18n
        log.info(f"all languages built in {time.perf_counter() - self.started:.1f} s")

    # After static-i18n's on_post_build (-100), before the end-of-site steps
    # of our other plugins (-200), which run when static-i18n is not building.
    @event_priority(priorities.RELEASE_LANGUAGES)
    def _release_languages(self, config: MkDocsConfig) -> None:
        if self._release is not None:
            set_nested_build(self._release, False)
            self._release = None

    on_post_build = CombinedEvent(_collect_languages, _release_languages)

    def _merge_jobs(self, config: MkDocsConfig, plugins: dict[str, LanguageState]) -> None:
        """Copy the jobs' sites into this one and take their plugins' states."""
        locales = site_locales(config)
        reports = {folder: jobs.read_report(folder) for folder in self.merge}
        owner = jobs.plan_merge(reports, locales.codes)
        jobs.merge_sites(Path(config.site_dir), owner, locales.default)
        for code, folder in sorted(owner.items()):
            for name, state in reports[folder]["states"].get(code, {}).items():
                if name not in plugins:
                    raise PluginError(f"kb-scale: {folder} was built with plugin '{name}', "
                                      "which this site does not use: build jobs and merge from one commit")
                plugins[name].kb_import_state(code, state)
        log.info(f"merged {', '.join(sorted(owner))} from {len(reports)} jobs")

    # Before kb-translations empties the site directory: no language
    # process may still be writing into it, nor leave its report behind.
    @event_priority(priorities.STOP_LANGUAGES)
    def on_build_error(self, *, error: Exception) -> None:
        self.processes.stop()
        self.results = []
        if self._release is not None:
            set_nested_build(self._release, False)
            self._release = None


def _states(config: MkDocsConfig, locale: str) -> dict[str, Any]:
    """What each plugin hands over about `locale` at the end of a language's build."""
    return {name: plugin.kb_export_state(locale) for name, plugin in language_state_plugins(config).items()}


def _build_language(config: MkDocsConfig, locale: str) -> dict[str, Any]:
    """In the forked process: the nested build static-i18n would run for `locale`."""
    i18n = i18n_plugin(config)
    assert i18n is not None
    start_language_build(i18n, locale)
    keep_site_directory()  # the parent cleaned it already
    quiet_nested_build_log()  # as static-i18n does for its nested builds
    build(config)
    return _states(config, locale)

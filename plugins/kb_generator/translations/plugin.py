"""kb-translations hooks (thin: the logic lives in the sibling modules)."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from kb_generator.core.front_matter import body_line
from kb_generator.core.git_history import GitHistory, shared_history
from kb_generator.core.i18n import (
    SiteLocales,
    current_locale,
    i18n_plugin,
    is_outermost_build,
    site_locales,
)
from kb_generator.core.link_lines import link_lines
from kb_generator.core.messages import message
from kb_generator.core.plain_text import escape_plain_text, mark_plain_fields
from kb_generator.core.plugin_assets import PluginAssets
from kb_generator.core.schema import SiteFacts
from kb_generator.core.site_output import clear_site_dir
from kb_generator.core.theme import add_theme_templates
from kb_generator.translations.body import BodyExtension, PageBody
from kb_generator.translations.chooser import render_chooser
from kb_generator.translations.config import TranslationsConfig
from kb_generator.translations.index import Article, TranslationIndex, build_index, unplaced_pages
from kb_generator.translations.outdated import (
    Outdated,
    checked_problems,
    language_name,
    notice_due,
    outdated_translations,
    render_notice,
)
from kb_generator.translations.sitemap import render_sitemap, write_sitemap
from kb_generator.translations.slugs import slugify
from kb_generator.translations.status import summary_lines, translation_status

log = get_plugin_logger("kb-translations")

#: Site-wide styles of our theme layer (accessibility fixes on top of Material).
ASSETS = PluginAssets(Path(__file__).parent.parent / "core" / "assets", styles=("kb.css",))
#: The notice page's script: its "back" link to the page the visitor came from.
NOTICE_SCRIPT = Path(__file__).parent / "assets" / "notice.js"


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    """Links translations by key and publishes each language on its own."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.index: TranslationIndex | None = None
        self.locales: SiteLocales | None = None
        self.history: GitHistory | None = None
        self.outdated: dict[str, Outdated] = {}
        self.unreadable: set[str] = set()
        self.site_url = ""
        self.command = "build"
        self.site_dir: str | None = None
        self.build_pid = 0
        self.body = PageBody()
        self._registered = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # `serve` keeps showing the last good preview when a rebuild fails.
        self.command = command

    # static-i18n reconfigures the theme in its on_config (-100); we add our
    # templates and slugifier after it so its per-language theme keeps them.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if is_outermost_build(config) and current_locale(config) == site_locales(config).default:
            # A new site build (not one of static-i18n's nested ones): reset.
            self.index = None
            self.outdated = {}
            self.unreadable = set()
            self.history = shared_history(Path(config.docs_dir))
            self.site_dir, self.build_pid = config.site_dir, os.getpid()
        self.locales = site_locales(config)
        add_theme_templates(config)
        link_lines(config.docs_dir)
        ASSETS.register(config)
        if not self._registered:
            config.markdown_extensions.append(BodyExtension(lambda: self.body))  # type: ignore[arg-type]
            self._registered = True
        if self.config.slugify:
            toc = config.mdx_configs.setdefault("toc", {})
            toc.setdefault("slugify", slugify)
        if not config.site_url:
            raise PluginError(
                "kb-translations needs `site_url` in mkdocs.yml: hreflang alternates and "
                "the sitemap must carry absolute URLs"
            )
        self.site_url = config.site_url.rstrip("/") + "/"
        if self.config.outdated_notice_after_days < 0:
            raise PluginError("kb-translations: `outdated_notice_after_days` must be 0 or more")
        return config

    # Before static-i18n (-100) narrows the files to one language: we need
    # every language's pages to link translations.
    @event_priority(100)
    def _index_all_languages(self, files: Files, config: MkDocsConfig) -> Files:
        if self.index is None:
            self.index = self._build_index(config, files)
        for src_uri in self.unreadable:
            file = files.get_file_from_path(src_uri)
            if file is not None:
                files.remove(file)
        ASSETS.add_to(files, config)
        return files

    # After static-i18n (-100) placed the files: give the default language
    # its own prefix and add the localized notice page.
    @event_priority(-110)
    def _place_language(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.locales is not None
        locale = current_locale(config)
        if self.config.prefix_default_language:
            for file in files:
                if getattr(file, "localization", None) == self.locales.default:
                    _move_under(file, self.locales.default, config)
        files.append(self._notice_page(config, locale))
        return files

    on_files = CombinedEvent(_index_all_languages, _place_language)

    # Before every other plugin reads the page's front matter.
    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        article = self.index.by_src_uri.get(page.file.src_uri) if self.index else None
        if article is not None:
            # Only the values that passed the schema (reported otherwise) reach
            # plugins and templates; MkDocs' own parse of the block is dropped.
            page.meta = dict(article.fields)
        mark_plain_fields(page.meta)
        self.body = PageBody()
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        body, self.body = self.body, PageBody()
        path = page.file.abs_src_path
        # Python-Markdown skips its treeprocessors for a blank page.
        empty = body.empty if body.checked else not (page.markdown or "").strip()
        if empty and path and os.path.exists(path):
            with open(path, encoding="utf-8-sig", errors="replace") as source:
                line = body_line(source.read())
            log.warning(
                f"{page.file.src_uri}:{line}: the page has no body text, only front matter; "
                "write the article or remove the file"
            )
        return html

    # Jinja compiles `finalize` into templates as it loads them: before any page.
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        return escape_plain_text(env)

    # After static-i18n's on_page_context (50), which rewrites extra.alternate
    # by identical paths: we replace it with translations linked by key.
    @event_priority(-50)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.index is not None and self.locales is not None
        locale = current_locale(config)
        versions = self.index.translations(page.file.src_uri)
        switcher = []
        for code in self.locales.codes:
            version = versions.get(code)
            if version is not None:
                target = version.url
            elif code == locale:
                target = page.url
            else:
                target = f"{code}/{self.config.notice_page}/"
            href = get_relative_url(target, page.url)
            if version is None and code != locale:
                back = get_relative_url(page.url, target)
                href += "?from=" + back
            switcher.append({
                "locale": code,
                "name": self.locales.name(code),
                "href": href,
                "available": version is not None or code == locale,
                "current": code == locale,
                "unavailable": message(locale, "translation.unavailable"),
            })
        context["kb_switcher"] = switcher
        context["kb_outdated_notice"] = self._outdated_notice(page, locale)
        context["kb_search_root"] = get_relative_url(f"{locale}/", page.url)
        alternates = [
            {"name": self.locales.name(code), "link": self._absolute(version.url), "lang": code}
            for code, version in sorted(versions.items())
        ]
        if alternates:
            default = versions.get(self.locales.default) or versions[locale]
            alternates.append({
                "name": "x-default", "link": self._absolute(default.url), "lang": "x-default"
            })
        # static-i18n sets the attribute (which Jinja reads first), so do we.
        config.extra.alternate = alternates  # type: ignore[attr-defined]
        page.kb_translations = versions  # type: ignore[attr-defined]
        return context

    # After static-i18n's on_post_build (-100), which builds the other
    # languages: only then is the whole site on disk.
    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not is_outermost_build(config):
            return
        assert self.index is not None and self.locales is not None
        site = Path(config.site_dir)
        write_sitemap(config.site_dir, render_sitemap(
            self.index, self._absolute, self.locales.default, self._changed,
            hidden=lambda article: article.src_uri in self.unreadable,
        ))
        if self.config.language_chooser:
            homes = {
                article.locale: article.url
                for article in self.index.articles
                if PurePosixPath(article.src_uri).parts[1:] in (("index.md",), ("README.md",))
            }
            (site / "index.html").write_text(
                render_chooser(self.locales, homes), encoding="utf-8"
            )
        report = translation_status(self.index, self.locales.default, self.outdated)
        (site / self.config.status_report).write_text(
            json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )

    def on_build_error(self, *, error: Exception) -> None:
        # Only the process that started the site build (kb-scale forks one per
        # language): the others would empty the directory under its feet.
        if self.command == "serve" or not self.site_dir or os.getpid() != self.build_pid:
            return
        if clear_site_dir(self.site_dir):
            log.info(f"the build failed: emptied {self.site_dir} so no partial site is deployed")

    def status_for(self, config: MkDocsConfig, files: Files) -> dict[str, Any]:
        """The translation-status report of a site, without building it."""
        self.locales = site_locales(config)
        self.history = shared_history(Path(config.docs_dir))
        index = self._build_index(config, files, report=False)
        outdated = outdated_translations(index, self.locales.default, self.history)
        return translation_status(index, self.locales.default, outdated)

    def _build_index(
        self, config: MkDocsConfig, files: Files, report: bool = True
    ) -> TranslationIndex:
        assert self.locales is not None
        allowed = set(self.config.extra_fields) | {self.config.key_field}
        index = build_index(
            files, self.locales.codes, self.config.key_field,
            self.config.required_fields, allowed, site_facts(config),
        )
        if not report:
            return index
        assert self.history is not None
        for problem in index.problems:
            log.warning(str(problem))
            if problem.unreadable:
                self.unreadable.add(problem.src_uri)
        i18n = i18n_plugin(config)
        if i18n is not None:  # without static-i18n there are no language folders
            listed = [language.locale for language in i18n.config.languages]
            for problem in unplaced_pages(files, self.locales.codes, listed):
                log.warning(str(problem))
        for problem in checked_problems(index, self.locales.default, self.history):
            log.warning(str(problem))
        if self.config.missing_translation != "ignore":
            emit = log.warning if self.config.missing_translation == "warn" else log.info
            for locale in self.locales.codes:
                for key, versions in index.missing(locale):
                    source = versions.get(self.locales.default) or next(iter(versions.values()))
                    emit(
                        f"{source.src_uri}:{source.front_matter.line(self.config.key_field)}: "
                        f"no '{locale}' translation of '{key}' (add a page under {locale}/ "
                        f"with `{self.config.key_field}: {key}`)"
                    )
        # The writer's summary: counts per language, the pages under --verbose.
        self.outdated = outdated_translations(index, self.locales.default, self.history)
        for head, details in summary_lines(
            translation_status(index, self.locales.default, self.outdated)
        ):
            log.info(head)
            for detail in details:
                log.debug(detail)
        return index

    def _notice_page(self, config: MkDocsConfig, locale: str) -> File:
        """The localized page the switcher leads to when a translation is missing."""
        home = "../"
        content = (
            "---\n"
            f"title: {json.dumps(message(locale, 'notice.title'), ensure_ascii=False)}\n"
            f"description: {json.dumps(message(locale, 'notice.description'), ensure_ascii=False)}\n"
            "search:\n  exclude: true\n"
            "robots: noindex\n"
            "---\n\n"
            f"{message(locale, 'notice.body')}\n\n"
            f'<p><a id="kb-notice-back" href="{home}" hidden>{message(locale, "notice.back")}</a></p>\n\n'
            f'<p><a href="{home}">{message(locale, "notice.home")}</a></p>\n\n'
            f"<script>\n{NOTICE_SCRIPT.read_text(encoding='utf-8')}</script>\n"
        )
        file = File.generated(
            config, f"{locale}/{self.config.notice_page}.md", content=content,
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        # The attributes static-i18n reads on every page it handles.
        file.locale = file.localization = file.locale_alternate_of = locale  # type: ignore[attr-defined]
        file.alternates = {locale: file}  # type: ignore[attr-defined]
        return file

    def _outdated_notice(self, page: Page, locale: str) -> str:
        """The reader's notice on an outdated translation ("" elsewhere or when turned off)."""
        assert self.locales is not None and self.history is not None
        outdated = self.outdated.get(page.file.src_uri)
        if (
            outdated is None or not self.config.outdated_notice
            or not notice_due(outdated, self.history.head_time(),
                              self.config.outdated_notice_after_days)
        ):
            return ""
        source = outdated.source.locale
        return render_notice(
            outdated, locale, get_relative_url(outdated.source.url, page.url),
            language_name(source, locale, self.locales.name(source)),
        )

    def _absolute(self, url: str) -> str:
        return self.site_url + url

    def _changed(self, article: Article) -> Any:
        assert self.history is not None
        return self.history.last_changed(article.abs_src_path)


def _move_under(file: File, prefix: str, config: MkDocsConfig) -> None:
    """Put a file static-i18n published at the root under `prefix/`."""
    if PurePosixPath(file.dest_uri).parts[:1] == (prefix,):
        return
    file.dest_uri = f"{prefix}/{file.dest_uri}"
    file.url = file._get_url(config.use_directory_urls)
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))


def site_facts(config: MkDocsConfig) -> SiteFacts:
    """What the front-matter schema checks against: the theme's templates and icons."""
    dirs = [Path(folder) for folder in config.theme.dirs]
    status = config.extra.get("status")
    return SiteFacts(
        template_exists=lambda name: any((folder / name).is_file() for folder in dirs),
        icon_exists=lambda name: any(
            (folder / ".icons" / f"{name}.svg").is_file() for folder in dirs),
        statuses=frozenset(str(name) for name in status) if isinstance(status, dict) else frozenset(),
    )

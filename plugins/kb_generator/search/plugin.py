"""kb-search hooks (thin: sections, index and assets live in sibling modules)."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from kb_generator.core import priorities
from kb_generator.core.contracts import glossary_provider, language_root, search_base
from kb_generator.core.i18n import current_locale, is_outermost_build, site_locales
from kb_generator.core.messages import message
from kb_generator.core.outline import OutlineExtension, outline_extension
from kb_generator.core.plugin_assets import PREFIX, PluginAssets
from kb_generator.core.spool import Spool, give_back_memory
from kb_generator.core.theme import add_theme_templates
from kb_generator.glossary.sources import Glossary, load_glossary
from kb_generator.morphology import analyzer, browser_table
from kb_generator.search.config import DEFAULT_BOOSTS, SearchConfig
from kb_generator.search.index import (
    Definition,
    IndexedPage,
    build_payload,
    dumps,
    shard,
    synonym_groups,
    version,
)
from kb_generator.search.material import stop_material_indexing

log = get_plugin_logger("kb-search")

ASSETS = Path(__file__).parent / "assets"
#: Where the worker and its scripts are published (shared by every language).
ASSET_DIR = "assets/kb/search"
#: Material fetches `<search root>/search/search_index.json`; our index sits beside it.
CONFIG_FILE = "search/search_index.json"
INDEX_FILE = "search/kb_index.json"
#: Folder of a sharded index: `t<n>.json` (postings), `d<n>.json` (document texts).
SHARD_DIR = "search/kb_index"
#: Scripts bundled in front of the worker, in order, and where they come from:
#: lunr.js, the morphology twin, then the engine's modules, each before the
#: modules that use it (engine.js ties them together; see its header).
SCRIPTS = {
    "lunr.min.js": ASSETS / "vendor" / "lunr.min.js",
    "morphology.js": Path(str(resources.files("kb_generator.morphology") / "assets" / "morphology.js")),
    **{name: ASSETS / name for name in (
        "query.js", "lexicon.js", "shards.js", "scoring.js", "presentation.js", "engine.js",
    )},
}
WORKER = ASSETS / "worker.js"
#: Page-side script and style of the answers (definition card, "did you mean", fallback pages).
PAGE_ASSETS = PluginAssets(ASSETS, ("results.css",), ("results.js",))
#: Material's highlighter on the target page splits `?h=` on this.
SEPARATOR = r"[\s\-,:!=\[\]()\"/]+"


def worker_bundle() -> str:
    """The published worker: its scripts (in order, each under a comment naming it), then worker.js."""
    parts = [f"/* {name} */\n{path.read_text(encoding='utf-8')}\n" for name, path in SCRIPTS.items()]
    return "".join(parts) + f"/* worker.js */\n{WORKER.read_text(encoding='utf-8')}"


class SearchPlugin(BasePlugin[SearchConfig]):
    """Per-language postings of morphology keys (lunr's BM25 weights) behind Material's search box."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.active = False  # the page being rendered is indexed
        self.outline = OutlineExtension()
        # Every indexed page of the language, on disk until on_env (core/spool.py).
        self.pages: Spool[IndexedPage] = Spool()
        self.files: dict[str, File] = {}
        self.roots: set[str] = set()
        self.worker_version = ""
        self.index_hint = ""  # this language's index, relative to the worker (on_env)

    # static-i18n reconfigures the theme in its on_config (-100); our
    # templates (the worker hookup in kb-main.html) must be added after it,
    # as kb-translations does, so every language's theme keeps them.
    @event_priority(priorities.THEME_LAYER)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        self._check_glossary_option(config)
        if is_outermost_build(config) and current_locale(config) == site_locales(config).default:
            # A new site build, not one of static-i18n's nested ones.
            self.roots = set()
        # Every build (one per language) collects its own pages.
        self.pages.reset(config.site_dir)
        self.files, self.active = {}, False
        # After Material's on_config (0), which creates its index each build.
        if not stop_material_indexing(config):
            log.warning("Material's `search` plugin is not enabled: the site has no search box to serve")
        add_theme_templates(config)
        PAGE_ASSETS.register(config)
        # kb-search's options define a question and text nobody reads for the
        # page outline every plugin shares.
        self.outline = outline_extension(config)
        self.outline.question_suffixes = tuple(self.config.question_suffixes)
        self.outline.skip_tags = tuple(self.config.skip_tags)
        return config

    # After static-i18n (-100) narrowed the files to this language and
    # kb-translations (-110) moved them under the language prefix: our files
    # are this language's output and must not be relocated by either.
    @event_priority(priorities.LANGUAGE_OUTPUT)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        # One file: the worker with its scripts in front (lunr.js keeps its
        # licence header). Three importScripts calls would be three more
        # requests, one after another, before the first query can run.
        bundle = worker_bundle()
        uri = f"{ASSET_DIR}/worker.js"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, content=bundle))
        self.files["worker"] = files.get_file_from_path(uri)  # type: ignore[assignment]
        self.worker_version = version(bundle)
        for name in (*PAGE_ASSETS.styles, *PAGE_ASSETS.scripts):
            if files.get_file_from_path(f"{PREFIX}/{name}") is None:
                files.append(File.generated(
                    config, f"{PREFIX}/{name}", abs_src_path=str(PAGE_ASSETS.directory / name)))
        root = self._root(config)
        for name, uri in (("config", CONFIG_FILE), ("index", INDEX_FILE)):
            existing = files.get_file_from_path(root + uri)
            if existing is not None:
                files.remove(existing)
            self.files[name] = File.generated(config, root + uri, content="")
            files.append(self.files[name])
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        search = page.meta.get("search")
        excluded = isinstance(search, dict) and bool(search.get("exclude"))
        self.active = self.config.enabled and not excluded
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        active, self.active = self.active, False
        if not active:
            return html
        search = page.meta.get("search")
        boost = search.get("boost", 1.0) if isinstance(search, dict) else 1.0
        tags = page.meta.get("tags")
        self.pages.append(IndexedPage(
            location=get_relative_url(page.url, self._root(config) or "."),
            title=str(page.title or ""),
            description=str(page.meta.get("description") or ""),
            tags=tuple(str(tag) for tag in tags) if isinstance(tags, list) else (),
            boost=float(boost) if isinstance(boost, int | float) else 1.0,
            # On disk until every page is converted: each section's text as one
            # string, not the many fragments the outline collected it from.
            sections=[replace(section, parts=[section.text], visible_parts=[])
                      for section in self.outline.outline.sections],
            key=str(page.meta.get("key") or ""),
        ))
        return html

    # Every page of this language has been converted (on_page_content)
    # before on_env, and the generated files are written right after it.
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if not self.config.enabled:
            return env
        locale = current_locale(config)
        morphology = analyzer(locale)
        pages = len(self.pages)
        definitions = self._definitions(config, locale)
        payload = build_payload(
            self.pages, morphology,
            table=browser_table(locale),
            synonyms=synonym_groups([term.names for term in definitions], morphology),
            field_boosts={**DEFAULT_BOOSTS, **self.config.boosts},
            options={
                "fuzzy_min": self.config.fuzzy_min_length,
                "excerpt": self.config.excerpt_length,
                "max_results": self.config.max_results,
            },
            definitions=definitions,
            fallback_keys=self.config.fallback_pages,
            messages={
                "definition": message(locale, "search.definition"),
                "didYouMean": message(locale, "search.did_you_mean"),
                "noMatch": message(locale, "search.no_match"),
            },
            packed=True,
            spool=config.site_dir,
        )
        shards_dir = Path(config.site_dir) / (self._root(config) + SHARD_DIR)
        shutil.rmtree(shards_dir, ignore_errors=True)
        # Each shard is written as soon as it is made (a large language's shards
        # together are tens of MB of text); the lexicon, which says where each
        # starts, comes last. Shards share one version: the lexicon's positions
        # must match their content.
        shard_hash = hashlib.sha256()
        written = 0
        index_text = ""
        for name, part in shard(
            payload, max(1, self.config.shard_size), single_file_below=self.config.single_file_below,
            text_shard_size=max(1, self.config.text_shard_size),
            ranked_documents=max(0, self.config.ranked_documents_per_term),
        ):
            if not name:
                index_text = dumps(part)
                continue
            encoded = dumps(part).encode("utf-8")
            shard_hash.update(encoded)
            if not written:
                shards_dir.mkdir(parents=True, exist_ok=True)
            (shards_dir / f"{name}.json").write_bytes(encoded)
            written += 1
        shard_hash.update(index_text.encode("utf-8"))
        shard_version = shard_hash.hexdigest()[:12]
        self.files["index"].content_string = index_text
        worker = self.files["worker"]
        index_url = get_relative_url(self.files["index"].url, worker.url)
        self.index_hint = f"{index_url}?v={version(index_text)}"
        self.files["config"].content_string = dumps({
            "config": {
                "lang": [locale],
                "separator": SEPARATOR,
                "pipeline": [],
                "fields": {},
                "kb": {
                    # Relative to the worker, which resolves its fetches against its own URL.
                    "index": self.index_hint,
                    "shards": f"{index_url.removesuffix('.json')}/{{name}}.json?v={shard_version}",
                },
            },
            "docs": [],
        })
        self.roots.add(self._root(config))
        log.debug(f"{locale}: indexed {len(payload['docs'])} sections of {pages} pages"
                  f" ({written} shards)")
        self.pages.close()  # the pages' texts are in the index now
        del payload
        give_back_memory()  # the index is written: its memory is free for the other languages
        return env

    # After kb-translations, which sets the same `kb_search_root` (Material's
    # `base`, core/contracts.py) for its own pages; we add the worker URL.
    @event_priority(priorities.AFTER_TRANSLATION_LINKS)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if not self.config.enabled or "worker" not in self.files:
            return context
        worker = self.files["worker"]
        # The fragment names this language's index: the worker starts fetching
        # it before Material has read search_index.json (worker.js). The
        # browser caches the worker by its URL without the fragment.
        hint = quote(self.index_hint, safe="/?=.-_~") if self.index_hint else ""
        context["kb_search_worker"] = (f"{get_relative_url(worker.url, page.url)}?v={self.worker_version}"
                                       + (f"#{hint}" if hint else ""))
        context["kb_search_root"] = search_base(config, page)
        return context

    # static-i18n's on_post_build (-100) builds the other languages and, at
    # its very end, makes Material's search plugin write one merged
    # `search/search_index.json` of all languages. We run after it (-200),
    # only in the outermost build, and remove that file: every language has
    # its own index. A site without static-i18n keeps its root search files,
    # which Material's plugin (priority 0) overwrote after MkDocs wrote ours.
    @event_priority(priorities.END_OF_SITE)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or not is_outermost_build(config):
            return
        site = Path(config.site_dir)
        if "" in self.roots:
            config_file = self.files.get("config")
            if config_file is not None:
                (site / CONFIG_FILE).write_text(config_file.content_string, encoding="utf-8")
            return
        merged = site / CONFIG_FILE
        if merged.exists():
            merged.unlink()
            if not any(merged.parent.iterdir()):
                merged.parent.rmdir()

    def _root(self, config: MkDocsConfig) -> str:
        """Folder of this language's search files: `<locale>/`, or the site root."""
        return language_root(config)

    def _check_glossary_option(self, config: MkDocsConfig) -> None:
        """One option names the glossary: kb-glossary's `source`, when the site uses kb-glossary."""
        provider = glossary_provider(config)
        name = self.config.glossary
        if provider is None or not name or name == provider.glossary_source:
            return
        path = config.config_file_path or "mkdocs.yml"
        text = Path(path).read_text(encoding="utf-8-sig") if Path(path).is_file() else ""
        start = text.find("kb-search")
        found = text.find("glossary:", start) if start >= 0 else -1
        line = text.count("\n", 0, found) + 1 if found >= 0 else 1
        raise PluginError(
            f"{Path(path).name}:{line}: kb-search: `glossary: {name}` names another file than "
            f"kb-glossary's `source` ('{provider.glossary_source}'). Search synonyms come from the "
            "glossary kb-glossary loads: remove kb-search's `glossary` option and name the file "
            "once, in kb-glossary's `source`"
        )

    def _definitions(self, config: MkDocsConfig, locale: str) -> list[Definition]:
        """Every glossary term of the language: names (term, aliases, abbreviations) and definition."""
        if self.config.glossary == "":
            return []
        provider = glossary_provider(config)
        glossary: Glossary | None
        if provider is not None:
            # Loaded once per build by kb-glossary, which reports its mistakes.
            glossary = provider.loaded_glossary(locale)
        else:
            name = self.config.glossary or "glossary.yml"
            folder = Path(config.docs_dir) / self._root(config)
            glossary = load_glossary(folder / name, locale, self._root(config) + name)
            for problem in glossary.problems:
                log.warning(problem)
        if glossary is None:
            return []
        return [
            Definition(term.id, term.term, term.definition, term.names) for term in glossary.terms.values()
        ]

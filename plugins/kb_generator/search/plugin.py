"""kb-search hooks (thin: sections, index and assets live in sibling modules)."""

from __future__ import annotations

import hashlib
import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from kb_generator.core.i18n import current_locale, i18n_plugin, is_outermost_build, site_locales
from kb_generator.core.messages import message
from kb_generator.core.plugin_assets import PREFIX, PluginAssets
from kb_generator.core.theme import add_theme_templates
from kb_generator.glossary.sources import load_glossary
from kb_generator.morphology import analyzer, table_json
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
from kb_generator.search.sections import PageSections, SectionExtension

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
    """A per-language lunr index of morphology keys behind Material's search box."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state = PageSections()
        self.pages: list[IndexedPage] = []
        self.files: dict[str, File] = {}
        self.roots: set[str] = set()
        self.worker_version = ""
        self._registered = False

    # static-i18n reconfigures the theme in its on_config (-100); our
    # templates (the worker hookup in kb-main.html) must be added after it,
    # as kb-translations does, so every language's theme keeps them.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        if is_outermost_build(config) and current_locale(config) == site_locales(config).default:
            # A new site build, not one of static-i18n's nested ones.
            self.roots = set()
        # Every build (one per language) collects its own pages.
        self.pages, self.files, self.state = [], {}, PageSections()
        # After Material's on_config (0), which creates its index each build.
        if not stop_material_indexing(config):
            log.warning("Material's `search` plugin is not enabled: the site has no search box to serve")
        add_theme_templates(config)
        PAGE_ASSETS.register(config)
        if not self._registered:
            config.markdown_extensions.append(SectionExtension(  # type: ignore[arg-type]
                lambda: self.state, self.config.skip_tags, self.config.question_suffixes,
            ))
            self._registered = True
        return config

    # After static-i18n (-100) narrowed the files to this language and
    # kb-translations (-110) moved them under the language prefix: our files
    # are this language's output and must not be relocated by either.
    @event_priority(-120)
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
        self.state = PageSections(
            active=self.config.enabled and not excluded, language=current_locale(config)
        )
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        state, self.state = self.state, PageSections()
        if not state.active:
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
            sections=state.sections,
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
        table = table_json(locale)
        definitions = self._definitions(config, locale)
        payload = build_payload(
            self.pages, morphology,
            table=json.loads(table) if table is not None else None,
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
        )
        shards_dir = Path(config.site_dir) / (self._root(config) + SHARD_DIR)
        shutil.rmtree(shards_dir, ignore_errors=True)
        lexicon, term_shards, doc_shards = shard(
            payload, max(1, self.config.shard_size), single_file_below=self.config.single_file_below)
        index_text = dumps(lexicon)
        # Shards share one version: the lexicon's positions must match their
        # content. Each shard is written as soon as it is encoded (a large
        # language's shards together are tens of MB of text).
        shard_hash = hashlib.sha256(index_text.encode("utf-8"))
        named = [(f"t{n}.json", part) for n, part in enumerate(term_shards)]
        named += [(f"d{n}.json", part) for n, part in enumerate(doc_shards)]
        if named:
            shards_dir.mkdir(parents=True, exist_ok=True)
        for name, part in named:
            encoded = dumps(part).encode("utf-8")
            shard_hash.update(encoded)
            (shards_dir / name).write_bytes(encoded)
        shard_version = shard_hash.hexdigest()[:12]
        self.files["index"].content_string = index_text
        worker = self.files["worker"]
        index_url = get_relative_url(self.files["index"].url, worker.url)
        self.files["config"].content_string = dumps({
            "config": {
                "lang": [locale],
                "separator": SEPARATOR,
                "pipeline": [],
                "fields": {},
                "kb": {
                    # Relative to the worker, which resolves its fetches against its own URL.
                    "index": f"{index_url}?v={version(index_text)}",
                    "shards": f"{index_url.removesuffix('.json')}/{{name}}.json?v={shard_version}",
                },
            },
            "docs": [],
        })
        self.roots.add(self._root(config))
        log.debug(f"{locale}: indexed {len(payload['docs'])} sections of {len(self.pages)} pages"
                  f" ({len(named)} shards)")
        self.pages = []  # the pages' texts are in the index now; free them for the page writing
        return env

    # After kb-translations (-50), which sets `kb_search_root` on the pages
    # it knows; we set it where it is missing and add the worker URL.
    @event_priority(-60)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if not self.config.enabled or "worker" not in self.files:
            return context
        worker = self.files["worker"]
        context["kb_search_worker"] = f"{get_relative_url(worker.url, page.url)}?v={self.worker_version}"
        if "kb_search_root" not in context:
            context["kb_search_root"] = get_relative_url(self._root(config) or ".", page.url)
        return context

    # static-i18n's on_post_build (-100) builds the other languages and, at
    # its very end, makes Material's search plugin write one merged
    # `search/search_index.json` of all languages. We run after it (-200),
    # only in the outermost build, and remove that file: every language has
    # its own index. A site without static-i18n keeps its root search files,
    # which Material's plugin (priority 0) overwrote after MkDocs wrote ours.
    @event_priority(-200)
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
        if i18n_plugin(config) is None:
            return ""
        return f"{current_locale(config)}/"

    def _definitions(self, config: MkDocsConfig, locale: str) -> list[Definition]:
        """Every glossary term of the language: names (term, aliases, abbreviations) and definition."""
        if not self.config.glossary:
            return []
        folder = Path(config.docs_dir) / self._root(config)
        label = self._root(config) + self.config.glossary
        glossary = load_glossary(folder / self.config.glossary, locale, label)
        if "kb-glossary" not in config.plugins:
            # kb-glossary reports these itself when it is enabled.
            for problem in glossary.problems:
                log.warning(problem)
        return [
            Definition(term.id, term.term, term.definition, term.names) for term in glossary.terms.values()
        ]

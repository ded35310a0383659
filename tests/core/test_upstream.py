"""The pinned libraries still have every internal that core/upstream.py touches.

An upgrade of mkdocs-static-i18n, MkDocs or Material that renames or drops one
of them fails here, naming it, instead of deep inside a build.
"""

from __future__ import annotations

import inspect
import re
from importlib import metadata

import mkdocs.commands.build
import mkdocs_static_i18n.folder
import mkdocs_static_i18n.plugin
from kb_generator.core import upstream
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs import utils
from mkdocs.structure.files import File
from mkdocs_static_i18n.config import RE_LOCALE
from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.utils import I18nLoggingFilter

from tests.conftest import ROOT

#: The versions whose internals core/upstream.py and search/material.py were written against.
PINNED = {"mkdocs": "1.6.1", "mkdocs-static-i18n": "1.3.1", "mkdocs-material": "9.8.1", "Markdown": "3.11.3"}


def test_the_installed_versions_are_the_pinned_ones() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for name, version in PINNED.items():
        assert f'"{name}=={version}"' in pyproject, f"pyproject.toml no longer pins {name}=={version}"
        assert metadata.version(name) == version, (
            f"{name} {metadata.version(name)} is installed; core/upstream.py was checked against "
            f"{version}: check every touch there, then update PINNED"
        )


def test_static_i18n_has_the_state_we_read_and_set() -> None:
    plugin = I18n()
    for name in ("building", "current_language"):
        assert hasattr(plugin, name), f"static-i18n's plugin has no `{name}` attribute"
    for name in ("default_language", "is_default_language_build"):
        assert isinstance(inspect.getattr_static(I18n, name), property), f"I18n.{name} is gone"
    post_build = inspect.getsource(I18n.on_post_build)
    assert "if self.building:" in post_build, "static-i18n's on_post_build no longer checks `building`"
    assert "self.current_language = " in post_build
    assert RE_LOCALE.match("pl") and RE_LOCALE.match("pt_BR")


def test_static_i18n_reads_the_file_attributes_we_set() -> None:
    source = inspect.getsource(mkdocs_static_i18n.folder)
    for name in (*upstream.FILE_LOCALE_ATTRIBUTES, "alternates"):
        assert re.search(rf"\bfile\.{name} = ", source), f"static-i18n no longer sets file.{name}"
    assert "I18nLoggingFilter" in inspect.getsource(mkdocs_static_i18n.plugin)
    quiet = I18nLoggingFilter()
    assert isinstance(quiet.filtered_prefixes, set)


def test_mkdocs_has_the_private_api_we_use() -> None:
    assert callable(getattr(File, "_get_url", None)), "MkDocs' File._get_url is gone"
    assert "use_directory_urls" in inspect.signature(File._get_url).parameters
    assert callable(utils.clean_directory)
    # build() must look the function up on the module at call time, or replacing it does nothing.
    assert "utils.clean_directory(config.site_dir)" in inspect.getsource(mkdocs.commands.build.build)


def test_material_search_has_the_index_we_replace() -> None:
    assert callable(getattr(SearchIndex, "add_entry_from_context", None))
    assert "self.search_index = SearchIndex(" in inspect.getsource(SearchPlugin.on_config)

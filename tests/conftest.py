"""Shared fixtures: build small sites in tmp_path and read what they produce."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

#: The repository: its mkdocs.yml and docs/ are the bundled site.
ROOT = Path(__file__).resolve().parents[1]

LANGUAGES = [
    {"locale": "pl", "name": "Polski", "default": True, "link": "/pl/"},
    {"locale": "et", "name": "Eesti", "link": "/et/"},
    {"locale": "sk", "name": "Slovenčina", "link": "/sk/"},
]


def site_config(**overrides: Any) -> dict[str, Any]:
    """A minimal three-language configuration like the README's."""
    kb_translations = overrides.pop("kb_translations", {})
    kb_locale = overrides.pop("kb_locale", {})
    extra_plugins = overrides.pop("extra_plugins", [])
    kb_search = overrides.pop("kb_search", {})
    config: dict[str, Any] = {
        "site_name": "Test KB",
        "site_url": "https://kb.test/",
        "theme": {"name": "material", "language": "pl"},
        "plugins": [
            "search",
            {"kb-translations": kb_translations},
            {"kb-locale": kb_locale},
            *extra_plugins,
            {"kb-search": kb_search},
            {"i18n": {
                "docs_structure": "folder",
                "fallback_to_default": False,
                "reconfigure_search": False,
                "languages": LANGUAGES,
            }},
        ],
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}}],
        "validation": {"anchors": "warn", "unrecognized_links": "warn"},
    }
    config.update(overrides)
    return config


def page(title: str, key: str | None, body: str = "", **fields: Any) -> str:
    """Markdown source with front matter."""
    meta: dict[str, Any] = {"title": title, "description": f"{title}: opis strony."}
    if key is not None:
        meta["key"] = key
    meta.update(fields)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{textwrap.dedent(body).strip()}\n"


@dataclass
class BuiltSite:
    """The output of one build and what it logged."""

    root: Path
    site: Path
    records: list[logging.LogRecord] = field(default_factory=list)
    aborted: bool = False

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    @property
    def messages(self) -> list[str]:
        return [r.getMessage() for r in self.records]

    def html(self, url: str) -> str:
        path = self.site / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def json(self, path: str) -> Any:
        return json.loads((self.site / path).read_text(encoding="utf-8"))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ)
    env.update({
        "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@example.org",
        "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@example.org",
    })
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


BuildSite = Callable[..., BuiltSite]


@pytest.fixture
def build_site(tmp_path: Path) -> Iterator[BuildSite]:
    """Write a docs tree and mkdocs.yml into tmp_path, build it, collect the log.

    Any WARNING the test did not list in `expect` fails the test.
    """
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)

    def run(
        files: dict[str, str | bytes],
        config: dict[str, Any] | None = None,
        *,
        strict: bool = False,
        expect: tuple[str, ...] = (),
        commit_date: str | None = "2026-03-02T10:00:00+00:00",
        root: Path | None = None,
    ) -> BuiltSite:
        base = root or tmp_path / "project"
        write_tree(base / "docs", files)
        (base / "mkdocs.yml").write_text(
            yaml.safe_dump(config or site_config(), allow_unicode=True), encoding="utf-8"
        )
        if commit_date and not (base / ".git").exists():
            git(base, "init", "-q")
        if commit_date:
            git(base, "add", "-A")
            git(base, "commit", "-q", "-m", "content", "--allow-empty", date=commit_date)
        handler.records.clear()
        cfg = load_config(str(base / "mkdocs.yml"), site_dir=str(base / "site"), strict=strict)
        cwd = os.getcwd()
        os.chdir(base)
        aborted = False
        try:
            build(cfg)
        except Abort:
            aborted = True
        finally:
            os.chdir(cwd)
            cfg.plugins.on_shutdown()
        result = BuiltSite(base, base / "site", list(handler.records), aborted)
        unexpected = [w for w in result.warnings if not any(e in w for e in expect)]
        assert not unexpected, f"unexpected warnings: {unexpected}"
        for expected in expect:
            assert any(expected in w for w in result.warnings), f"no warning with {expected!r}"
        return result

    yield run
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def build_bundled_site(
    site_dir: Path, *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the repository's own site into `site_dir` (the real CLI)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=cwd or ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once per session (validity, links, axe, reproducibility)."""
    site = tmp_path_factory.mktemp("bundled") / "site"
    done = build_bundled_site(site, env={"PYTHONHASHSEED": "1", "TZ": "UTC"})
    assert done.returncode == 0, f"the bundled site does not build:\n{done.stderr[-5000:]}"
    return site

"""The run order of our hooks and treeprocessors is the one README's "Run order" documents."""

from __future__ import annotations

import re

import markdown
from kb_generator.core import priorities
from mkdocs.config import load_config

from tests.conftest import ROOT

#: Python-Markdown's and MkDocs' own treeprocessors listed in the table.
REFERENCE_TREEPROCESSORS = {"attr_list", "toc", "unescape"}


def _run_order_tables() -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The rows of README's hook table and treeprocessor table (without the "what")."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n### Run order\n", 1)[1].split("\n## ", 1)[0]
    hooks, treeprocessors = [], []
    for line in section.splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"-?\d+", cells[1]):
            hooks.append(tuple(cells[:4]))
        elif len(cells) == 3 and re.fullmatch(r"-?\d+", cells[1]):
            treeprocessors.append(tuple(cells[:2]))
    return hooks, treeprocessors


def test_hooks_run_in_the_documented_order() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    origins = config.plugins._event_origins
    registered = [
        (event, str(getattr(method, "mkdocs_priority", 0)), origins[method], method.__name__)
        for event, methods in config.plugins.events.items()
        for method in methods
        if origins.get(method, "").startswith("kb-")
    ]
    documented, _ = _run_order_tables()
    assert registered == documented


def test_treeprocessors_run_in_the_documented_order() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    md = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    registered = [
        (item.name, str(int(item.priority)))
        for item in sorted(md.treeprocessors._priority, key=lambda item: -item.priority)
        if item.name.startswith("kb_") or item.name in REFERENCE_TREEPROCESSORS
    ]
    _, documented = _run_order_tables()
    assert registered == documented


def test_every_priority_is_named() -> None:
    """No plugin module writes a bare number where a named priority belongs."""
    package = ROOT / "plugins" / "kb_generator"
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"event_priority\(-?\d", source), path
        assert not re.search(r"treeprocessors\.register\([^)]*,\s*-?\d+\s*\)", source), path
    assert priorities.TOC > priorities.ANSWER_SECTIONS > priorities.MKDOCS_LINKS

"""Run the JavaScript twin under node, so tests can compare it with Python.

Used by tests/morphology/test_parity.py and tests/search/test_vocabulary_parity.py:
``node_keys(words, "pl")`` returns the browser's keys for the words, to compare
with the build's `key`. The driver is tests/morphology/assets/twin_driver.cjs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb_generator import morphology
from kb_generator.morphology.rules import browser_table
from kb_generator.morphology.tokens import Token

__all__ = ["ASSET", "NodeMissingError", "NodeResult", "node_keys", "node_run", "node_tokenize"]

ASSET = Path(morphology.__file__).parent / "assets" / "morphology.js"
DRIVER = Path(__file__).parent / "assets" / "twin_driver.cjs"


class NodeMissingError(RuntimeError):
    """node is required to check parity with the browser."""


@dataclass(frozen=True)
class NodeResult:
    """What the JavaScript twin computed, in input order."""

    stems: list[str]
    keys: list[str]
    folds: list[str]
    tokens: list[list[Token]]
    relatives: list[list[str]]


def node_run(
    locale: str,
    words: Sequence[str] = (),
    texts: Sequence[str] = (),
    lexicon: Mapping[str, str] | None = None,
    node: str | None = None,
    bridge: Mapping[str, str] | None = None,
    terms: Sequence[str] | None = None,
    table: Mapping[str, Any] | None = None,
    relatives: Sequence[str] = (),
) -> NodeResult:
    """Stem, key and fold ``words``, tokenize ``texts`` and relate ``relatives`` (keys) with morphology.js.

    ``terms``: the index's; ``table``: a browser table (`browser_table`'s form) instead of the locale's own.
    """
    binary = node or shutil.which("node")
    if binary is None:
        raise NodeMissingError("node is not on PATH: it is needed to run assets/morphology.js")
    payload = {
        "table": browser_table(locale) if table is None else dict(table),
        "lexicon": dict(lexicon or {}),
        "bridge": dict(bridge or {}),
        "terms": None if terms is None else list(terms),
        "words": list(words),
        "texts": list(texts),
        "relatives": list(relatives),
    }
    proc = subprocess.run(
        [binary, str(DRIVER), str(ASSET)],
        input=json.dumps(payload, ensure_ascii=True),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"node failed ({proc.returncode}): {proc.stderr.strip()}")
    out = json.loads(proc.stdout)
    tokens = [[Token(t, s, e) for t, s, e in row] for row in out["tokens"]]
    return NodeResult(out["stems"], out["keys"], out["folds"], tokens, out["relatives"])


def node_keys(
    words: Sequence[str], locale: str, lexicon: Mapping[str, str] | None = None,
    bridge: Mapping[str, str] | None = None,
) -> list[str]:
    """Keys the browser computes for ``words`` (same order)."""
    return node_run(locale, words=words, lexicon=lexicon, bridge=bridge).keys


def node_tokenize(texts: Sequence[str]) -> list[list[Token]]:
    """Tokens the browser finds in each text, offsets in code points."""
    return node_run("und", texts=texts).tokens

"""Shared data for the morphology tests: the evaluation groups."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GROUPS_PATH = Path(__file__).parent / "eval_groups.json"


def load_groups() -> dict[str, dict[str, Any]]:
    """Evaluation groups per locale (also read by benchmarks/morphology_eval.py)."""
    data: dict[str, dict[str, Any]] = json.loads(GROUPS_PATH.read_text(encoding="utf-8"))
    return data

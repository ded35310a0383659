"""Run the search engine and the worker of kb-search under node, as the browser would
(the drivers: tests/search/assets/engine_driver.cjs and worker_driver.cjs)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

#: The drivers (JavaScript files beside the modules' unit tests).
DRIVERS = Path(__file__).resolve().parent / "assets"
ENGINE_DRIVER = DRIVERS / "engine_driver.cjs"
WORKER_DRIVER = DRIVERS / "worker_driver.cjs"


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not on PATH: kb-search's browser code is tested under node")
    return node


def _run(driver: Path, args: list[str], payload: dict[str, Any]) -> Any:
    proc = subprocess.run(
        [_node(), str(driver), *args], input=json.dumps(payload, ensure_ascii=True),
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"node failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def search(
    payload: dict[str, Any], queries: list[str], options: dict[str, Any] | None = None,
    raw: list[str] | None = None, clauses: list[dict[str, float]] | None = None,
    expand: list[str] | None = None,
) -> dict[str, Any]:
    """Engine results for each query (and plain lunr.js results for `raw` terms and `clauses`)."""
    return _run(  # type: ignore[no-any-return]
        ENGINE_DRIVER, [],
        {"payload": payload, "options": options or {}, "queries": queries, "raw": raw or [],
         "clauses": clauses or [], "expand": expand or []},
    )


def worker(
    worker_js: Path, messages: list[dict[str, Any]], burst: bool = False, hash: str = "",
    settle: int = 0,
) -> dict[str, Any]:
    """Messages the worker at `worker_js` (in a built site) posts for `messages`: each
    QUERY sent after the previous RESULT, or with `burst` all at once (fast typing);
    `hash`: the index the page names in the worker's URL fragment; `settle`: ms before
    the first message. `created` lists, per engine made, the messages sent by then."""
    return _run(  # type: ignore[no-any-return]
        WORKER_DRIVER, [str(worker_js)],
        {"messages": messages, "burst": burst, "hash": hash, "settle": settle})


def locations(result: dict[str, Any]) -> list[str]:
    """Result locations as Material lists them: groups in order, best first in a group."""
    out = []
    for group in result["items"]:
        for item in sorted(group, key=lambda item: -item["score"]):
            out.append(item["location"])
    return out

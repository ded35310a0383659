"""Building languages as separate jobs and merging their sites.

A site too big for one machine is built by several CI jobs from the same
commit, each building one language or a group (`job_languages`), then merged
by one more build (`merge_jobs`) that renders no page: it copies each job's
languages into one site and runs the end-of-site steps (sitemap, translation
status, language chooser, answers catalogs) once, with every job's state.

A job leaves its report, `.kb-job.json`, in its site directory: its
languages and the per-language state of the plugins (`kb_export_state`),
as JSON so the merge never unpickles what it downloaded.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

REPORT = ".kb-job.json"
#: Version of the report; 2: kb-answers hands over its catalog pages with their entries packed.
FORMAT = 2


def parse_locales(text: str) -> list[str]:
    """`pl,et` (an environment variable) as a list of locales."""
    return [code.strip() for code in text.split(",") if code.strip()]


def check_locales(wanted: list[str], codes: tuple[str, ...], option: str) -> None:
    """Every locale a job names must be a language of the site."""
    unknown = [code for code in wanted if code not in codes]
    if unknown:
        raise PluginError(
            f"kb-scale: {option} names {', '.join(repr(c) for c in unknown)}, not a language "
            f"of the site ({', '.join(codes)})"
        )


def write_report(site: Path, locales: list[str], states: dict[str, dict[str, Any]]) -> None:
    """The job's languages and their plugins' states, for the merge."""
    report = {"format": FORMAT, "locales": locales, "states": states}
    (site / REPORT).write_text(json.dumps(report, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def read_report(folder: Path) -> dict[str, Any]:
    """A job's report; a folder without one was not built as a job."""
    path = folder / REPORT
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PluginError(
            f"kb-scale: {folder} is not a job's site (no {REPORT}; build it with job_languages "
            "or KB_JOB_LANGUAGES)"
        ) from None
    except (OSError, ValueError) as error:
        raise PluginError(f"kb-scale: {path}: unreadable job report: {error}") from None
    if not isinstance(report, dict) or report.get("format") != FORMAT:
        raise PluginError(f"kb-scale: {path}: a job report of another version of kb-scale")
    return report


def plan_merge(reports: dict[Path, dict[str, Any]], codes: tuple[str, ...]) -> dict[str, Path]:
    """Which job's site each language comes from: every language exactly once."""
    owner: dict[str, Path] = {}
    for folder, report in reports.items():
        for code in report["locales"]:
            if code not in codes:
                raise PluginError(f"kb-scale: {folder} built '{code}', not a language of the site")
            if code in owner:
                raise PluginError(f"kb-scale: '{code}' was built by two jobs: {owner[code]} and {folder}")
            owner[code] = folder
    missing = [code for code in codes if code not in owner]
    if missing:
        raise PluginError(f"kb-scale: no job built {', '.join(missing)}: merge every language's job")
    return owner


def merge_sites(site: Path, owner: dict[str, Path], default: str) -> None:
    """Empty `site`, then copy the default language's job (its root files too) and each
    other language's folder from the job that built it."""
    for child in site.iterdir() if site.exists() else ():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    shutil.copytree(owner[default], site, dirs_exist_ok=True,
                    ignore=lambda folder, names: [REPORT] if Path(folder) == owner[default] else [])
    for code, folder in owner.items():
        if code == default:
            continue
        target = site / code
        if target.exists():  # the default job's own (unrendered) copy of this language
            shutil.rmtree(target)
        shutil.copytree(folder / code, target)

"""A multi-job build (one language or a group per job, then a merge) equals a single build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from kb_generator.scale import jobs
from mkdocs.exceptions import PluginError

from tests.conftest import BuildSite, page
from tests.scale.test_scale import corpus, same_tree, scale


def mkdocs_build(root: Path, site: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real CLI, as a CI job runs it, with the job's environment."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site], cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, capture_output=True, text=True,
        check=False,
    )


def test_merged_jobs_equal_a_single_build(build_site: BuildSite, tmp_path: Path) -> None:
    files = corpus(4)
    files["et/akadeemia/kkk.md"] = page("KKK", "faq", "## Kuidas? {#kuidas}\n\nNii.", faq=True)
    files["pl/akademia/faq.md"] = page("FAQ", "faq", "## Jak? {#kuidas}\n\nTak.", faq=True)
    files["sk/akademia/faq.md"] = page("FAQ", "faq", "## Ako? {#kuidas}\n\nTak.", faq=True)
    config = scale()
    config["plugins"].insert(3, "kb-answers")
    single = build_site(files, config)
    root = single.root
    for name, languages in (("job-pl", "pl"), ("job-et-sk", "et,sk")):
        job = mkdocs_build(root, name, KB_JOB_LANGUAGES=languages)
        assert job.returncode == 0, job.stderr
        assert (root / name / jobs.REPORT).exists()
    assert not (root / "job-et-sk/pl/akademia/a-001/index.html").exists(), \
        "a job without the default language rendered its pages"
    merged = mkdocs_build(root, "merged", KB_MERGE_JOBS="job-pl,job-et-sk")
    assert merged.returncode == 0, merged.stderr
    assert "merged et, pl, sk from 2 jobs" in merged.stderr
    assert (single.site / "sitemap.xml").exists() and (single.site / "et/answers.json").exists()
    assert same_tree(single.site, root / "merged") == []


def test_one_job_per_language_merges_too(build_site: BuildSite) -> None:
    single = build_site(corpus(2), scale(parallel_languages=False))
    root = single.root
    for code in ("sk", "et", "pl"):
        assert mkdocs_build(root, f"job-{code}", KB_JOB_LANGUAGES=code).returncode == 0
        assert (root / f"job-{code}" / code).is_dir()
    merged = mkdocs_build(root, "merged", KB_MERGE_JOBS="job-sk,job-et,job-pl")
    assert merged.returncode == 0, merged.stderr
    assert same_tree(single.site, root / "merged") == []


def test_a_missing_or_doubled_language_fails_the_merge(build_site: BuildSite) -> None:
    root = build_site(corpus(1), scale()).root
    for name, languages in (("job-pl", "pl"), ("job-et", "et"), ("job-et-sk", "et,sk")):
        assert mkdocs_build(root, name, KB_JOB_LANGUAGES=languages).returncode == 0
    missing = mkdocs_build(root, "merged", KB_MERGE_JOBS="job-pl,job-et")
    assert missing.returncode and "no job built sk: merge every language's job" in missing.stderr
    doubled = mkdocs_build(root, "merged", KB_MERGE_JOBS="job-pl,job-et,job-et-sk")
    assert doubled.returncode and "'et' was built by two jobs" in doubled.stderr
    plain = mkdocs_build(root, "merged", KB_MERGE_JOBS="site,job-pl")
    assert plain.returncode and "is not a job's site (no .kb-job.json" in plain.stderr


def test_an_unknown_job_language_is_named(build_site: BuildSite) -> None:
    root = build_site(corpus(1), scale()).root
    job = mkdocs_build(root, "job", KB_JOB_LANGUAGES="et,de")
    assert job.returncode and "job_languages names 'de', not a language of the site (pl, et, sk)" \
        in job.stderr


def test_reports_of_another_version_are_refused(tmp_path: Path) -> None:
    (tmp_path / jobs.REPORT).write_text('{"format": 0}', encoding="utf-8")
    with pytest.raises(PluginError, match="another version of kb-scale"):
        jobs.read_report(tmp_path)
    (tmp_path / jobs.REPORT).write_text("{", encoding="utf-8")
    with pytest.raises(PluginError, match="unreadable job report"):
        jobs.read_report(tmp_path)

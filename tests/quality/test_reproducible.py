"""The same commit built twice gives byte-identical output; dates come from git."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.conftest import BuildSite, build_bundled_site, page
from tests.quality.reproducible import differences, digests


def test_two_builds_of_the_bundled_site_are_identical(bundled_site: Path, tmp_path: Path) -> None:
    # Another directory, working directory, time zone and hash seed than the first build.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    second = tmp_path / "second" / "output"
    done = build_bundled_site(
        second, cwd=elsewhere, env={"PYTHONHASHSEED": "2", "TZ": "Pacific/Kiritimati"}
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(digests(second)) > 100
    assert differences(bundled_site, second) == []


def test_the_comparer_reports_a_changed_byte_and_a_missing_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for root in (first, second):
        (root / "pl").mkdir(parents=True)
        (root / "pl" / "index.html").write_bytes(b"<p>Zaktualizowano: 2 marca 2026</p>")
        (root / "sitemap.xml").write_bytes(b"<urlset/>")
    (second / "pl" / "index.html").write_bytes(b"<p>Zaktualizowano: 3 marca 2026</p>")
    (second / "extra.txt").write_bytes(b"")
    problems = differences(first, second)
    assert [p.split(":")[0] for p in problems] == ["extra.txt", "pl/index.html"]
    assert "at byte 19" in problems[1]
    assert differences(first, second, exempt={"extra.txt": "test", "pl/index.html": "test"}) == []


@pytest.mark.parametrize("commit_date", ["2020-01-02T23:30:00+00:00"])
def test_dates_come_from_git_not_the_clock(build_site: BuildSite, commit_date: str) -> None:
    files = {
        f"{code}/index.md": page(title, "home", "Tekst strony. " * 100)
        for code, title in (("pl", "Start"), ("et", "Avaleht"), ("sk", "Úvod"))
    }
    result = build_site(files, commit_date=commit_date)
    today = datetime.date.today()
    for path in result.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert today.isoformat() not in text, path
    home = result.html("pl/")
    assert '<time datetime="2020-01-02">2 stycznia 2020</time>' in home
    assert "<lastmod>2020-01-02</lastmod>" in (result.site / "sitemap.xml").read_text(encoding="utf-8")

"""kb-scale on real builds: parallel languages, compact navigation."""

from __future__ import annotations

import filecmp
from pathlib import Path

from tests.conftest import BuildSite, page, site_config


def corpus(articles: int) -> dict[str, str]:
    files = {
        "pl/index.md": page("Start", "home", "Witamy."),
        "et/index.md": page("Avaleht", "home", "Tere."),
        "sk/index.md": page("Úvod", "home", "Vitajte."),
    }
    for locale, folder in (("pl", "akademia"), ("et", "akadeemia"), ("sk", "akademia")):
        for i in range(articles):
            files[f"{locale}/{folder}/a-{i:03d}.md"] = page(
                f"Artykuł {i} ({locale})", f"a-{i}", f"Tekst {i}.\n\n## Sekcja {i}\n\nTreść.")
    return files


def scale(**options: object) -> dict[str, object]:
    return site_config(extra_plugins=[{"kb-scale": options}])


def same_tree(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only."""
    comparison = filecmp.dircmp(a, b)
    out = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    for name in comparison.common_dirs:
        out += [f"{name}/{x}" for x in same_tree(a / name, b / name)]
    return out


def test_parallel_build_equals_sequential_build(build_site: BuildSite, tmp_path: Path) -> None:
    files = corpus(5)
    parallel = build_site(files, scale(parallel_languages=True), root=tmp_path / "a")
    assert any("building et, sk in parallel processes" in m for m in parallel.messages)
    # Progress and timing per language: each language's own line, with its seconds.
    for line in ("pl: built in", "et: built in", "sk: built in"):
        assert any(line in m and m.endswith(("(this process)", "(its own process)"))
                   for m in parallel.messages), line
    sequential = build_site(files, scale(parallel_languages=False), root=tmp_path / "b")
    assert not any("parallel processes" in m for m in sequential.messages)
    assert (parallel.site / "et/akadeemia/a-001/index.html").exists()
    assert same_tree(parallel.site, sequential.site) == []


def test_warnings_of_other_languages_fail_strict(build_site: BuildSite) -> None:
    files = corpus(2)
    files["sk/akademia/a-000.md"] = page("Zlý", "a-0", "[odkaz](neexistuje.md)")
    result = build_site(files, scale(), strict=True, expect=(
        "Doc file 'sk/akademia/a-000.md' contains a link 'neexistuje.md'",
    ))
    assert result.aborted


def test_big_sections_show_only_their_index_page(build_site: BuildSite) -> None:
    result = build_site(corpus(12), scale(section_nav_limit=10))
    article = result.html("pl/akademia/a-003/")
    nav = article.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "a-007/" not in nav  # other articles are not repeated on every page
    assert 'href="../"' in nav or 'href="../index.html"' in nav or "akademia/" in nav
    index = result.html("pl/akademia/")
    for i in range(12):
        assert f'href="a-{i:03d}/"' in index
    small = build_site(corpus(3), scale(section_nav_limit=10), root=result.root.parent / "small")
    nav = small.html("pl/akademia/a-000/").split('md-nav--primary', 1)[1]
    assert "a-002/" in nav


def test_languages_beyond_the_process_limit_wait_their_turn(build_site: BuildSite, tmp_path: Path) -> None:
    """`language_processes: 2`: pl here, et then sk in one queue; the same site as all at once."""
    files = corpus(3)
    queued = build_site(files, scale(language_processes=2), root=tmp_path / "a")
    assert any("building et, sk in parallel processes (languages at once: at most 2)" in m
               for m in queued.messages)
    for line in ("et: built in", "sk: built in"):
        assert any(line in m and m.endswith("(its own process)") for m in queued.messages), line
    at_once = build_site(files, scale(language_processes=3), root=tmp_path / "b")
    assert any("(languages at once: at most 3)" in m for m in at_once.messages)
    assert (queued.site / "sk/akademia/a-001/index.html").exists()
    assert same_tree(queued.site, at_once.site) == []


def test_one_language_at_a_time_builds_the_others_first(build_site: BuildSite, tmp_path: Path) -> None:
    """`language_processes: 1`: et then sk in their own process, pl here only after them."""
    files = corpus(3)
    one = build_site(files, scale(language_processes=1), root=tmp_path / "a")
    assert any("building et, sk one after another in a process of their own, then pl "
               "(languages at once: 1)" in m for m in one.messages)
    for line in ("pl: built in", "et: built in", "sk: built in"):
        assert any(line in m for m in one.messages), line
    written = {locale: [p.stat().st_mtime_ns for p in (one.site / locale).rglob("*.html")]
               for locale in ("pl", "et", "sk")}
    # Every page of et and sk was written before the first page of pl.
    assert max(written["et"] + written["sk"]) < min(written["pl"])
    at_once = build_site(files, scale(language_processes=3), root=tmp_path / "b")
    assert same_tree(one.site, at_once.site) == []

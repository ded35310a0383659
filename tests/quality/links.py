"""Every internal link and fragment of a built site resolves.

Reads the HTML pages with html.parser (and the sitemap and answers catalogs,
whose URLs are absolute under `site_url`), resolves relative and
root-relative URLs against the page, and checks that the target file exists
and, for a `#fragment`, that the target page has that id (or `<a name>`).
External URLs (another host, `mailto:`, `javascript:`...) are skipped.

    .venv/bin/python -m tests.quality.links site/ [--site-url https://kb.example.org/]
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

#: Attributes that hold a URL, per element.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src",),
    "script": ("src",), "iframe": ("src",), "source": ("src",), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "embed": ("src",), "form": ("action",),
}
#: `<link rel>` values that are not fetched resources of this site.
SKIPPED_RELS = frozenset({"preconnect", "dns-prefetch"})
BASE = "http://site.invalid/"


@dataclass(frozen=True)
class Link:
    """One URL found in a file of the site."""

    source: str  # path of the file in the site, posix
    line: int
    url: str


@dataclass
class Report:
    """What the checker looked at and what did not resolve."""

    pages: int = 0
    links: int = 0
    fragments: int = 0
    problems: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    """Collects ids (anchors) and URLs of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "link" and SKIPPED_RELS & set(values.get("rel", "").split()):
            return
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            _, _, target = values.get("content", "").partition("url=")
            if target:
                self.urls.append((self.getpos()[0], target.strip()))
            return
        for name in URL_ATTRIBUTES.get(tag, ()):
            if values.get(name):
                self.urls.append((self.getpos()[0], values[name]))
        if "srcset" in values:
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.urls.append((self.getpos()[0], candidate.split()[0]))

    handle_startendtag = handle_starttag


def parse_page(text: str) -> _PageParser:
    """Ids and URLs of an HTML document."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return parser


class SiteLinks:
    """Checks the links of one built site (pages are parsed once, on demand)."""

    def __init__(self, site: Path, site_url: str = "") -> None:
        self.site = site
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self._pages: dict[Path, _PageParser] = {}

    def page(self, path: Path) -> _PageParser:
        if path not in self._pages:
            self._pages[path] = parse_page(path.read_text(encoding="utf-8"))
        return self._pages[path]

    def check(self) -> Report:
        report = Report()
        for link in self.links(report):
            report.links += 1
            problem = self.resolve(link, report)
            if problem:
                report.problems.append(f"{link.source}:{link.line}: {link.url!r} {problem}")
        return report

    def links(self, report: Report) -> Iterator[Link]:
        for path in sorted(self.site.rglob("*.html")):
            report.pages += 1
            source = path.relative_to(self.site).as_posix()
            for line, url in self.page(path).urls:
                yield Link(source, line, url)
        sitemap = self.site / "sitemap.xml"
        if sitemap.exists() and self.site_url:
            yield from self._sitemap_links(sitemap)
        if self.site_url:
            for catalog in sorted(self.site.glob("*/answers.json")):
                source = catalog.relative_to(self.site).as_posix()
                for url in _catalog_urls(json.loads(catalog.read_text(encoding="utf-8"))):
                    yield Link(source, 1, url)

    def _sitemap_links(self, sitemap: Path) -> Iterator[Link]:
        for element in etree.parse(sitemap).iter():
            url = element.text if element.tag.endswith("}loc") else element.get("href")
            if url:
                yield Link("sitemap.xml", 1, url.strip())

    def resolve(self, link: Link, report: Report) -> str | None:
        """None when the link resolves, else what is wrong."""
        url = link.url
        if self.site_url and url.startswith(self.site_url):
            url = "/" + url[len(self.site_url):]
        page_url = BASE + link.source
        absolute = urljoin(page_url, url)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}/" != BASE:
            return None  # external: another host or scheme
        target = self._file(unquote(parts.path))
        if target is None:
            return f"points to {unquote(parts.path)!r}, which is not in the site"
        fragment = unquote(parts.fragment)
        if not fragment or fragment == "top" or target.suffix != ".html":
            return None
        report.fragments += 1
        if fragment not in self.page(target).ids:
            return f"points to #{fragment}, which {target.relative_to(self.site).as_posix()} lacks"
        return None

    def _file(self, path: str) -> Path | None:
        relative = PurePosixPath(path.lstrip("/"))
        if ".." in relative.parts:
            return None
        candidate = self.site / relative
        if path.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


def _catalog_urls(catalog: dict[str, Any]) -> Iterator[str]:
    for answer in catalog.get("answers", []):
        yield answer["url"]
        yield answer["page"]["url"]
        for translation in answer.get("translations", {}).values():
            yield translation["url"]


def check_site(site: Path, site_url: str = "") -> Report:
    """Check every internal link and fragment of the site at `site`."""
    return SiteLinks(site, site_url).check()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--site-url", default="", help="absolute URLs under it are internal")
    args = parser.parse_args(argv)
    report = check_site(args.site, args.site_url)
    for problem in report.problems:
        print(problem)
    print(f"{report.pages} pages, {report.links} links, {report.fragments} fragments, "
          f"{len(report.problems)} broken")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())

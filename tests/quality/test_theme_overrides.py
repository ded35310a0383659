"""Our theme layer: the one Material partial we override, and escaped plain text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import material
from kb_generator.core.plain_text import PlainText, escape_plain_text, mark_plain_fields
from kb_generator.core.theme import TEMPLATES

from tests.conftest import BuildSite, page

MATERIAL = Path(material.__file__).parent / "templates"


def test_nav_item_is_materials_plus_the_documented_changes() -> None:
    """Upgrading Material must not silently keep an outdated copy of its partial."""
    original = (MATERIAL / "partials" / "nav-item.html").read_text(encoding="utf-8")
    ours = (Path(TEMPLATES) / "partials" / "nav-item.html").read_text(encoding="utf-8")
    header, body = ours.split("-#}\n", 1)
    assert "kb:" in header
    expected = original.split("-#}\n", 1)[1]
    expected = expected.replace(
        '{% set tabindex = "0" if not is_section %}',
        '{% set tabindex = "-1" if is_section else "0" %}{#- kb -#}',
    )
    toggle = ('        <input class="md-nav__toggle md-toggle {{ indeterminate }}" '
              'type="checkbox" id="{{ path }}" {{ checked }}>\n')
    start = body.index(toggle) + len(toggle)
    end = body.index("{%- endif %}\n", start) + len("{%- endif %}\n")
    assert 'id="__toc"' in body[start:end]
    assert body[:start] + body[end:] == expected


def test_plain_text_is_escaped_in_templates_and_plain_elsewhere() -> None:
    env = escape_plain_text(jinja2.Environment())
    escape_plain_text(env)  # idempotent: no double escaping
    meta = {"title": '<img src=x onerror="x()"> & co', "description": ["a", "<b>"], "key": "k"}
    mark_plain_fields(meta)
    assert isinstance(meta["title"], PlainText) and meta["key"] == "k"
    assert meta["description"] == "a, <b>"
    template = env.from_string(
        '<h1>{{ t }}</h1><meta content="{{ d }}">{{ t | e }}|{{ raw }}|{{ t | tojson }}'
    )
    html = template.render(t=meta["title"], d=meta["description"], raw="<b>ours</b>")
    assert html == (
        "<h1>&lt;img src=x onerror=&#34;x()&#34;&gt; &amp; co</h1><meta content=\"a, &lt;b&gt;\">"
        "&lt;img src=x onerror=&#34;x()&#34;&gt; &amp; co|<b>ours</b>|"
        '"\\u003cimg src=x onerror=\\"x()\\"\\u003e \\u0026 co"'
    )
    assert json.dumps(meta["title"]) == json.dumps('<img src=x onerror="x()"> & co')


def test_a_page_titled_like_the_site_is_titled_once(build_site: BuildSite) -> None:
    """The home page of "Test KB" is "Test KB" in the tab, not "Test KB - Test KB"."""
    site = build_site({
        "pl/index.md": page("Test KB", "home", "Witamy."),
        "et/index.md": page("Avaleht", "home", "Tere."),
        "sk/index.md": page("Úvod", "home", "Vitajte."),
        "pl/kontakt.md": page("Kontakt", "contact", "Tekst."),
        "et/kontakt.md": page("Kontakt", "contact", "Tekst."),
        "sk/kontakt.md": page("Kontakt", "contact", "Text."),
    })
    title = re.compile(r"<title>([^<]*)</title>")
    assert title.findall((site.site / "pl" / "index.html").read_text("utf-8")) == ["Test KB"]
    assert title.findall((site.site / "et" / "index.html").read_text("utf-8")) == ["Avaleht - Test KB"]
    assert title.findall((site.site / "pl" / "kontakt" / "index.html").read_text("utf-8")) == [
        "Kontakt - Test KB"
    ]

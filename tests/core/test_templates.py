"""kb-main.html against the Material templates it adapts."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import kb_generator.core

OURS = Path(str(resources.files(kb_generator.core) / "templates" / "kb-main.html"))
MATERIAL = Path(str(resources.files("material") / "templates" / "base.html"))
#: Material's loop over `extra.alternate` in its head, which our copy leaves out.
ALTERNATES = re.compile(r"\{% if config\.extra\.alternate is iterable %\}.*?\{% endif %\}\n", re.S)


def block(source: str) -> list[str]:
    """The lines of the first `site_meta` block, stripped."""
    found = re.search(r"\{% block site_meta %\}\n(.*?)\{% endblock %\}", source, re.S)
    assert found is not None
    return [line.strip() for line in found.group(1).splitlines() if line.strip()]


def test_site_meta_is_materials_without_the_alternate_links() -> None:
    material = block(ALTERNATES.sub("", MATERIAL.read_text(encoding="utf-8"), count=1))
    ours = block(OURS.read_text(encoding="utf-8"))
    ours = ours[:ours.index("{%- else %}{{ super() }}{% endif %}") + 1]  # the early worker follows
    assert ours[0] == "{%- if kb_switcher is defined %}"
    assert ours[-1] == "{%- else %}{{ super() }}{% endif %}"
    assert ours[1:-1] == material
    assert not any("extra.alternate" in line for line in ours)

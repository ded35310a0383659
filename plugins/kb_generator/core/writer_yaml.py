"""YAML that writers wrote (front matter, glossaries), parsed with limits.

PyYAML shares the object behind an alias, so a few lines of anchors and
aliases ("billion laughs") stand for billions of values: harmless to load,
but every later walk over them (copying, `str()`, JSON) runs for minutes and
gigabytes. Writers never need aliases, so the parser's event stream is read
first (linear in the text) and a file with an alias, or nested deeper than
any real front matter or glossary, is refused with its line before anything
is built from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster

#: Deepest nesting of lists and mappings a writer's file may have.
MAX_DEPTH = 20


@dataclass
class WriterYamlError(Exception):
    """Why a writer's YAML was refused, and where (0-based line in the text)."""

    message: str
    line: int = 0

    def __str__(self) -> str:
        return self.message


def load_writer_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """The document and its node tree (for line numbers); refuses aliases and deep nesting.

    Raises WriterYamlError for any YAML error (syntax, control characters,
    aliases, nesting), so no YAML exception reaches a writer as a traceback.
    """
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                raise WriterYamlError(
                    f"malformed YAML: aliases (*{event.anchor}) are not allowed; "
                    "write the value out in full",
                    _line(event.start_mark),
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise WriterYamlError(
                        f"malformed YAML: lists and mappings nested more than {MAX_DEPTH} "
                        "levels deep",
                        _line(event.start_mark),
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        node = yaml.compose(text, Loader=_LOADER)
        document = yaml.load(text, Loader=_LOADER)
    except WriterYamlError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise WriterYamlError(f"malformed YAML: {error.problem or error}", _line(mark)) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) if isinstance(error.position, int) else 0
        character = error.character
        code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
        raise WriterYamlError(
            f"malformed YAML: character U+{code:04X} (a control character) is not allowed; "
            "delete it",
            line,
        ) from None
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        raise WriterYamlError(f"malformed YAML: {error}") from None
    return document, node


def _line(mark: Any) -> int:
    return int(getattr(mark, "line", 0) or 0)

"""Glossary sources: one YAML file per locale, terms linked across locales by id.

Format (documented in README):

    terms:
      - id: crm
        term: zarządzanie relacjami z klientami
        abbreviations: [CRM]
        aliases: [system CRM]
        definition: Plain text, 1-3 sentences.
        not_in: [mobilny operator]   # optional: phrases in which a name is NOT this term
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kb_generator.core.writer_yaml import WriterYamlError, load_writer_yaml

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FIELDS = {"id", "term", "abbreviations", "aliases", "definition", "not_in"}


@dataclass(frozen=True)
class Term:
    """One glossary entry in one locale."""

    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    line: int = 1
    not_in: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a writer may use for the term, main term first."""
        return (self.term, *self.aliases, *self.abbreviations)


@dataclass
class Glossary:
    """The terms of one locale, in source order, and the mistakes found."""

    locale: str
    path: str
    terms: dict[str, Term] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_glossary(path: Path, locale: str, label: str) -> Glossary:
    """Read and check one locale's glossary; problems name `label:line`."""
    glossary = Glossary(locale, label)
    if not path.exists():
        return glossary
    try:
        text = path.read_text(encoding="utf-8-sig")
        document, node = load_writer_yaml(text)
    except UnicodeDecodeError as error:
        glossary.problems.append(f"{label}:1: file is not valid UTF-8 (byte {error.start})")
        return glossary
    except OSError as error:
        glossary.problems.append(f"{label}:1: cannot read the file ({error.strerror})")
        return glossary
    except WriterYamlError as error:
        glossary.problems.append(f"{label}:{error.line + 1}: {error.message}")
        return glossary
    if document is None:
        return glossary
    if not isinstance(document, dict) or not isinstance(document.get("terms"), list):
        glossary.problems.append(f"{label}:1: expected a mapping with a `terms:` list")
        return glossary
    entries = _term_nodes(node)
    names: dict[str, str] = {}
    for position, entry in enumerate(document["terms"]):
        line = entries[position] if position < len(entries) else 1
        term = _term(entry, label, line, glossary.problems)
        if term is None:
            continue
        if term.id in glossary.terms:
            first = glossary.terms[term.id]
            glossary.problems.append(
                f"{label}:{line}: duplicate term id '{term.id}' (first at line {first.line})"
            )
            continue
        for name in term.names:
            folded = name.casefold()
            owner = names.get(folded)
            if owner is not None and owner != term.id:
                glossary.problems.append(
                    f"{label}:{line}: '{name}' of term '{term.id}' is already a name of "
                    f"term '{owner}'"
                )
            names[folded] = term.id
        glossary.terms[term.id] = term
    return glossary


def _term_nodes(node: Any) -> list[int]:
    """Line (1-based) of each entry of the `terms:` list."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "terms" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _term(entry: Any, label: str, line: int, problems: list[str]) -> Term | None:
    if not isinstance(entry, dict):
        problems.append(f"{label}:{line}: a term must be a mapping with id, term, definition")
        return None
    for name in sorted(set(entry) - _FIELDS):
        problems.append(f"{label}:{line}: unknown field '{name}' in term '{entry.get('id')}'")
    missing = [name for name in ("id", "term", "definition") if not entry.get(name)]
    if missing:
        problems.append(f"{label}:{line}: term lacks {', '.join(missing)}")
        return None
    term_id = entry["id"]
    if not isinstance(term_id, str) or not _ID.match(term_id):
        problems.append(f"{label}:{line}: id: {term_id!r} must be lowercase ASCII letters, "
                        "digits and '-' (e.g. crm)")
        return None
    for name in ("term", "definition"):
        if not isinstance(entry[name], str) or not entry[name].strip():
            problems.append(f"{label}:{line}: {name} of '{term_id}': write it as text, "
                            "not a list, mapping, number or true/false")
            return None
    lists = {}
    for name in ("aliases", "abbreviations", "not_in"):
        value = entry.get(name) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
                isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool))
                for v in value):
            problems.append(f"{label}:{line}: {name} of '{term_id}': write a list of names "
                            "as text: [name one, name two]")
            value = []
        lists[name] = tuple(str(v).strip() for v in value if str(v).strip())
    return Term(
        term_id, str(entry["term"]).strip(), " ".join(str(entry["definition"]).split()),
        lists["aliases"], lists["abbreviations"], line, lists["not_in"],
    )


def cross_locale_problems(glossaries: dict[str, Glossary]) -> list[str]:
    """Terms that exist in some locales but not in others."""
    problems = []
    every = sorted({term_id for g in glossaries.values() for term_id in g.terms})
    for term_id in every:
        present = [locale for locale, g in glossaries.items() if term_id in g.terms]
        for glossary in glossaries.values():
            if term_id not in glossary.terms:
                other = glossaries[present[0]]
                line = other.terms[term_id].line
                problems.append(
                    f"{glossary.path}: term '{term_id}' is missing (it is in "
                    f"{other.path}:{line})"
                )
    return problems

"""Finds glossary terms in text by morphology keys, longest match first.

Every name of a term (main term, aliases) becomes a sequence of word units
(`obsługa klienta` -> `obslug klient`); a text matches where consecutive
words, separated only by spaces or a hyphen, have the same units. A word
unit is its morphology key; an abbreviation's unit is the abbreviation as
written, matched case-sensitively (CRM, NPS): `crm` in a URL slug or `Sla`
in a name is not the abbreviation, while `systemie CRM` still matches the
alias `system CRM`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kb_generator.glossary.sources import Term
from kb_generator.morphology import Analyzer, is_abbreviation
from kb_generator.morphology.tokens import WORD


@dataclass(frozen=True)
class Match:
    """A mention of a term: `text[start:end]` is the linked surface."""

    start: int
    end: int
    term_id: str


class TermMatcher:
    """All terms of one locale, ready to scan text."""

    def __init__(self, terms: Iterable[Term], analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self._units: dict[str, str] = {}  # every word is looked up once per build
        # First unit (single words) or first two units (longer names) ->
        # [(units of the name, term id)], longest names first. Two units keep
        # the candidate lists short when many terms start with one word.
        self._by_first: dict[str | tuple[str, str], list[tuple[list[str], str]]] = {}
        self._abbreviations: dict[str, str] = {}
        # Phrases in which a name means something else ("mobilný operátor").
        self._not_in: dict[str, list[list[str]]] = {}
        for term in terms:
            for phrase in term.not_in:
                units = self._units_of(phrase)
                if units:
                    self._not_in.setdefault(term.id, []).append(units)
            for name in (term.term, *term.aliases):
                if is_abbreviation(name):
                    self._abbreviations[name] = term.id
                    continue
                units = self._units_of(name)
                if units:
                    head = units[0] if len(units) == 1 else (units[0], units[1])
                    self._by_first.setdefault(head, []).append((units, term.id))
            for abbreviation in term.abbreviations:
                self._abbreviations[abbreviation] = term.id
        for candidates in self._by_first.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))
        # Units a mention can start with: most words are none of them.
        self._heads = frozenset(
            [head if isinstance(head, str) else head[0] for head in self._by_first]
            + ["=" + abbreviation for abbreviation in self._abbreviations]
        )

    def _unit(self, word: str) -> str:
        """What a word must equal: its key, or itself for an abbreviation."""
        unit = self._units.get(word)
        if unit is None:
            unit = "=" + word if is_abbreviation(word) else self.analyzer.key(word)
            self._units[word] = unit
        return unit

    def _units_of(self, text: str) -> list[str]:
        return [self._unit(match.group()) for match in WORD.finditer(text)]

    def find(self, text: str, skip: frozenset[str] | set[str] = frozenset()) -> list[Match]:
        """Non-overlapping mentions in reading order, longest names preferred.

        Mentions of terms in `skip` (already linked on the page) still consume
        their words but are not returned. The hot loop of a build (every word of
        every page): plain lists and dict lookups, no per-word objects.
        """
        cached, unit = self._units.get, self._unit
        units = [cached(word) or unit(word) for word in WORD.findall(text)]
        heads = self._heads
        if heads.isdisjoint(units):
            return []  # most text nodes: no word can start a mention
        # Word offsets only when a multi-word name, a returned mention or an
        # abbreviation needs them: a node whose terms are all linked already
        # (the usual case after the first mentions) never computes them.
        offsets: list[tuple[int, int]] = []

        def spans() -> list[tuple[int, int]]:
            if not offsets:
                offsets.extend(found_word.span() for found_word in WORD.finditer(text))
            return offsets

        by_first, abbreviations = self._by_first, self._abbreviations
        matches: list[Match] = []
        i, count = 0, len(units)
        while i < count:
            if units[i] not in heads:
                i += 1
                continue
            found = None
            if i + 1 < count:
                longer = by_first.get((units[i], units[i + 1]))
                if longer is not None:
                    found = self._longest(text, spans, units, i, longer)
            if found is None:
                single = by_first.get(units[i])
                if single is not None:
                    found = self._longest(text, spans, units, i, single)
            if found is not None:
                size, term_id = found
                if term_id not in skip and not self._excluded(units, i, term_id):
                    matches.append(Match(spans()[i][0], spans()[i + size - 1][1], term_id))
                i += size
                continue
            if units[i].startswith("="):  # an abbreviation-shaped word: CRM, NPS
                abbreviation = abbreviations.get(units[i][1:])
                if abbreviation is not None:
                    end, step = spans()[i][1], 1
                    # A case ending joined by a hyphen belongs to the mention: CRM-u, SLA-s.
                    if i + 1 < count:
                        suffix_start, suffix_end = spans()[i + 1]
                        suffix = text[suffix_start:suffix_end]
                        if (suffix_start == end + 1 and text[end] == "-"
                                and len(suffix) <= 4 and suffix.islower()):
                            end, step = suffix_end, 2
                    if abbreviation not in skip and not self._excluded(units, i, abbreviation):
                        matches.append(Match(spans()[i][0], end, abbreviation))
                    i += step
                    continue
            i += 1
        return matches

    @staticmethod
    def _longest(
        text: str, spans: Callable[[], list[tuple[int, int]]], units: list[str], i: int,
        candidates: list[tuple[list[str], str]],
    ) -> tuple[int, str] | None:
        """(words, term id) of the longest name starting at word `i`, if any."""
        for sequence, term_id in candidates:
            n = len(sequence)
            if units[i:i + n] != sequence:
                continue
            if n == 1:
                return n, term_id
            # Words of a name are separated by spaces or a hyphen, nothing else.
            offsets = spans()
            if all(text[offsets[j][1]:offsets[j + 1][0]].strip() in ("", "-")
                   for j in range(i, i + n - 1)):
                return n, term_id
        return None

    def _excluded(self, units: list[str], first: int, term_id: str) -> bool:
        """Whether the mention at word `first` lies inside a `not_in` phrase of its term."""
        for phrase in self._not_in.get(term_id, ()):
            n = len(phrase)
            for start in range(max(0, first - n + 1), first + 1):
                if units[start:start + n] == phrase:
                    return True
        return False

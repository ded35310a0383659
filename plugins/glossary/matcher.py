"""Finds glossary terms in text by morphology keys, longest match first.

Every name of a term (main term, aliases) becomes a sequence of word keys
(`obsługa klienta` -> `obslug klient`); a text matches where consecutive
words, separated only by spaces, have the same keys. Abbreviations match
case-sensitively on the exact token (CRM, NPS), never by key: `crm` in a
URL slug or `Sla` in a name is not the abbreviation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from plugins.glossary.sources import Term
from plugins.morphology import Analyzer, is_abbreviation


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
        self._by_key: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._abbreviations: dict[str, str] = {}
        self.longest = 1
        for term in terms:
            for name in (term.term, *term.aliases):
                if is_abbreviation(name):
                    self._abbreviations[name] = term.id
                    continue
                sequence = tuple(analyzer.keys(name))
                if not sequence:
                    continue
                self._by_key.setdefault(sequence[0], []).append((sequence, term.id))
                self.longest = max(self.longest, len(sequence))
            for abbreviation in term.abbreviations:
                self._abbreviations[abbreviation] = term.id
        for candidates in self._by_key.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))

    def find(self, text: str) -> list[Match]:
        """Non-overlapping mentions in reading order, longest names preferred."""
        tokens = self.analyzer.token_keys(text)
        matches: list[Match] = []
        i = 0
        while i < len(tokens):
            token, token_key = tokens[i]
            found = self._abbreviations.get(token.text)
            if found is not None:
                matches.append(Match(token.start, token.end, found))
                i += 1
                continue
            length = 0
            for sequence, term_id in self._by_key.get(token_key, ()):
                n = len(sequence)
                if i + n > len(tokens):
                    continue
                window = tokens[i:i + n]
                if any(is_abbreviation(t.text) for t, _ in window):
                    continue
                if tuple(k for _, k in window) != sequence:
                    continue
                if any(text[a.end:b.start].strip() for (a, _), (b, _) in pairwise(window)):
                    continue
                matches.append(Match(token.start, window[-1][0].end, term_id))
                length = n
                break
            i += length or 1
        return matches

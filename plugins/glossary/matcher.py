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

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from plugins.glossary.sources import Term
from plugins.morphology import Analyzer, Token, is_abbreviation


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
        # Phrases in which a name means something else ("mobilný operátor").
        self._not_in: dict[str, list[tuple[str, ...]]] = {}
        for term in terms:
            for phrase in term.not_in:
                units = tuple(self._unit(token.text) for token in analyzer.tokenize(phrase))
                if units:
                    self._not_in.setdefault(term.id, []).append(units)
            for name in (term.term, *term.aliases):
                if is_abbreviation(name):
                    self._abbreviations[name] = term.id
                    continue
                sequence = tuple(self._unit(token.text) for token in analyzer.tokenize(name))
                if not sequence:
                    continue
                self._by_key.setdefault(sequence[0], []).append((sequence, term.id))
                self.longest = max(self.longest, len(sequence))
            for abbreviation in term.abbreviations:
                self._abbreviations[abbreviation] = term.id
        for candidates in self._by_key.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))

    def _unit(self, word: str) -> str:
        """What a word must equal: its key, or itself for an abbreviation."""
        return "=" + word if is_abbreviation(word) else self.analyzer.key(word)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping mentions in reading order, longest names preferred."""
        tokens = [(token, self._unit(token.text)) for token in self.analyzer.tokenize(text)]
        matches: list[Match] = []
        i = 0
        while i < len(tokens):
            token, token_key = tokens[i]
            length = 0
            for sequence, term_id in self._by_key.get(token_key, ()):
                n = len(sequence)
                if i + n > len(tokens):
                    continue
                window = tokens[i:i + n]
                if tuple(k for _, k in window) != sequence:
                    continue
                if any(text[a.end:b.start].strip() not in ("", "-")
                       for (a, _), (b, _) in pairwise(window)):
                    continue
                matches.append(Match(token.start, window[-1][0].end, term_id))
                length = n
                break
            if length:
                i += length
                continue
            found = self._abbreviations.get(token.text)
            if found is not None:
                end, step = token.end, 1
                # A case ending joined by a hyphen belongs to the mention: CRM-u, SLA-s.
                if i + 1 < len(tokens):
                    suffix = tokens[i + 1][0]
                    if (suffix.start == token.end + 1 and text[token.end] == "-"
                            and len(suffix.text) <= 4 and suffix.text.islower()):
                        end, step = suffix.end, 2
                matches.append(Match(token.start, end, found))
                i += step
                continue
            i += 1
        if self._not_in:
            matches = [m for m in matches if not self._excluded(m, tokens)]
        return matches

    def _excluded(self, match: Match, tokens: list[tuple[Token, str]]) -> bool:
        """Whether the match lies inside one of its term's `not_in` phrases."""
        units = [unit for _, unit in tokens]
        first = next(i for i, (t, _) in enumerate(tokens) if t.start == match.start)
        for phrase in self._not_in.get(match.term_id, ()):
            n = len(phrase)
            for start in range(max(0, first - n + 1), first + 1):
                if tuple(units[start:start + n]) == phrase:
                    return True
        return False

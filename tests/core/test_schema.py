"""The front-matter schema and writers' YAML: messages, normalised values, one place to add a field."""

from __future__ import annotations

import pytest
from kb_generator.core import schema
from kb_generator.core.front_matter import read_front_matter
from kb_generator.core.schema import FIELDS, SiteFacts, check_fields, register_field, text
from kb_generator.core.writer_yaml import WriterYamlError, load_writer_yaml

FACTS = SiteFacts(locale="pl", keys=frozenset({"a", "b"}))


def problems(**fields: object) -> dict[str, str]:
    return dict(check_fields(dict(fields), FACTS).problems)


def test_valid_fields_pass_unchanged() -> None:
    fields = {"title": "T", "related": ["a", "b"], "faq": True, "search": {"boost": 2, "exclude": False},
              "redirect_from": ["stare/strona.md"], "renamed_ids": {"old": "new"}, "hide": ["toc"]}
    checked = check_fields(fields, FACTS)
    assert checked.problems == []
    assert checked.fields == {**fields, "search": {"boost": 2.0, "exclude": False}}


@pytest.mark.parametrize(("fields", "message"), [
    ({"faq": "false"}, "faq: 'false' is text in quotes, not true or false; write true or false"),
    ({"search": {"boost": float("nan")}}, "search: boost: nan is out of range"),
    ({"search": {"boost": float("-inf")}}, "search: boost: -inf is out of range"),
    ({"related": 5}, "related: 5 is a number, not a list (write [a, b])"),
    ({"related": ["c"]}, "related: 'c' is not the key of any page in 'pl'"),
    ({"related": ["a", "a"]}, "related: item 2: 'a' is listed twice"),
    ({"redirect_from": "x.md"}, "redirect_from: 'x.md' is text, not a list"),
    ({"redirect_from": ["a/../../x.md"]}, "redirect_from: item 1: 'a/../../x.md' is not a .md path"),
    ({"redirect_from": ["C:/x.md"]}, "redirect_from: item 1: 'C:/x.md' is not a .md path"),
    ({"redirect_from": ["a//x.md"]}, "redirect_from: item 1: 'a//x.md' is not a .md path"),
    ({"redirect_from": ["x.html"]}, "redirect_from: item 1: 'x.html' is not a .md path"),
    ({"status": "new x"}, "status: 'new x' is not a status name"),
    ({"renamed_ids": {"a": "a"}}, "renamed_ids: 'a' is renamed to itself"),
    ({"renamed_ids": {"a": "b", "b": "a"}}, "renamed_ids: 'a' is both an old and a new id"),
    ({"title": 3}, "title: 3 is a number, not text"),
    ({"key": True}, "key: True is true/false"),
])
def test_wrong_values_name_the_field_the_problem_and_what_is_allowed(
    fields: dict[str, object], message: str,
) -> None:
    (name,) = fields
    found = problems(**fields)
    assert list(found) == [name]
    assert found[name].startswith(message), found[name]
    assert "; " in found[name]  # then what is allowed


def test_an_empty_field_is_as_if_absent() -> None:
    assert check_fields({"category": None, "faq": None}, FACTS).fields == {}


def test_statuses_of_the_site_are_the_only_ones_allowed() -> None:
    facts = SiteFacts(statuses=frozenset({"new"}))
    assert check_fields({"status": "new"}, facts).problems == []
    assert check_fields({"status": "old"}, facts).problems[0][1].startswith(
        "status: 'old' is not a status of this site")


def test_a_new_field_is_registered_in_one_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(schema.FIELDS, "translation_of", schema.FIELDS["title"])
    register_field("translation_of", text, "write the key of the original page")
    assert FIELDS["translation_of"].allowed == "write the key of the original page"
    assert dict(check_fields({"translation_of": 3}, FACTS).problems) == {
        "translation_of": "translation_of: 3 is a number, not text; write the key of the original page"}


def test_aliases_are_refused_before_they_are_expanded() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(20))
    with pytest.raises(WriterYamlError) as error:
        load_writer_yaml(bomb)
    assert error.value.line == 1 and "aliases (*a) are not allowed" in error.value.message


def test_front_matter_errors_carry_the_line_in_the_file() -> None:
    front = read_front_matter("---\ntitle: T\ndescription: D\nx: [*nope]\n---\n\nTekst.\n")
    assert front.error is not None and front.error_line == 4
    deep = read_front_matter("---\ntitle: " + "[" * 30 + "]" * 30 + "\n---\n")
    assert deep.error is not None and "nested more than 20 levels" in deep.error

"""UI strings our plugins add to pages, per locale (Material translates its own).

A site in another language gets the English strings until it adds its own
with the `messages` option of kb-locale; every string is looked up by id.
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "translation.unavailable": "not translated",
        "notice.title": "Page not available in English",
        "notice.description": "The page you chose has no English version yet.",
        "notice.body": "The page you were reading has not been translated into English yet.",
        "notice.back": "Back to the page you were reading",
        "notice.home": "Go to the English home page",
        "chooser.title": "Choose your language",
        "reading_time": "Reading time: {duration}",
        "updated": "Updated",
        "outdated.title": "This translation may be out of date",
        "outdated.body": "The original page was updated on {date}, after this translation was last revised.",
        "outdated.original": "Original ({language}): {link}",
        "answers.copy_link": "Copy link",
        "answers.copy_answer": "Copy answer",
        "answers.link_copied": "Link copied",
        "answers.answer_copied": "Answer copied",
        "answers.related": "Related articles and answers",
        "answers.moved": "This page has moved",
        "answers.home": "Home",
        "glossary.abbreviations": "Abbreviations",
        "glossary.aliases": "Also called",
        "glossary.translations": "In other languages",
        "glossary.used_in": "Used in",
        "glossary.unused": "Not used in any article yet.",
        "search.definition": "Definition",
        "search.did_you_mean": "Did you mean",
        "search.no_match": "Nothing matches your search exactly. These pages may help:",
    },
    "pl": {
        "translation.unavailable": "brak tłumaczenia",
        "notice.title": "Strona niedostępna po polsku",
        "notice.description": "Wybrana strona nie ma jeszcze polskiej wersji.",
        "notice.body": "Strona, którą czytasz, nie została jeszcze przetłumaczona na język polski.",
        "notice.back": "Wróć do czytanej strony",
        "notice.home": "Przejdź do polskiej strony głównej",
        "chooser.title": "Wybierz język",
        "reading_time": "Czas czytania: {duration}",
        "updated": "Zaktualizowano",
        "outdated.title": "To tłumaczenie może być nieaktualne",
        "outdated.body": (
            "Oryginał tej strony zaktualizowano {date}, już po ostatniej zmianie tego tłumaczenia."
        ),
        "outdated.original": "Oryginał (język {language}): {link}",
        "answers.copy_link": "Kopiuj link",
        "answers.copy_answer": "Kopiuj odpowiedź",
        "answers.link_copied": "Skopiowano link",
        "answers.answer_copied": "Skopiowano odpowiedź",
        "answers.related": "Powiązane artykuły i odpowiedzi",
        "answers.moved": "Ta strona została przeniesiona",
        "answers.home": "Strona główna",
        "glossary.abbreviations": "Skróty",
        "glossary.aliases": "Inne nazwy",
        "glossary.translations": "W innych językach",
        "glossary.used_in": "Występuje w",
        "glossary.unused": "Nie występuje jeszcze w żadnym artykule.",
        "search.definition": "Definicja",
        "search.did_you_mean": "Czy chodziło o",
        "search.no_match": "Nic nie pasuje dokładnie do wyszukiwania. Te strony mogą pomóc:",
    },
    "et": {
        "translation.unavailable": "tõlge puudub",
        "notice.title": "Lehte pole eesti keeles saadaval",
        "notice.description": "Valitud lehel pole veel eestikeelset versiooni.",
        "notice.body": "Lehte, mida lugesid, pole veel eesti keelde tõlgitud.",
        "notice.back": "Tagasi loetud lehele",
        "notice.home": "Mine eestikeelsele avalehele",
        "chooser.title": "Vali keel",
        "reading_time": "Lugemisaeg: {duration}",
        "updated": "Uuendatud",
        "outdated.title": "See tõlge võib olla aegunud",
        "outdated.body": (
            "Originaali on muudetud pärast selle tõlke viimast uuendamist. Muudatuse kuupäev: {date}."
        ),
        "outdated.original": "Originaal ({language} keeles): {link}",
        "answers.copy_link": "Kopeeri link",
        "answers.copy_answer": "Kopeeri vastus",
        "answers.link_copied": "Link on kopeeritud",
        "answers.answer_copied": "Vastus on kopeeritud",
        "answers.related": "Seotud artiklid ja vastused",
        "answers.moved": "See leht on kolinud",
        "answers.home": "Avaleht",
        "glossary.abbreviations": "Lühendid",
        "glossary.aliases": "Ka",
        "glossary.translations": "Teistes keeltes",
        "glossary.used_in": "Kasutatud lehtedel",
        "glossary.unused": "Seda mõistet pole veel üheski artiklis kasutatud.",
        "search.definition": "Definitsioon",
        "search.did_you_mean": "Kas mõtlesite",
        "search.no_match": "Otsingule täpselt vastavat teksti ei leitud. Need lehed võivad aidata:",
    },
    "sk": {
        "translation.unavailable": "bez prekladu",
        "notice.title": "Stránka nie je dostupná po slovensky",
        "notice.description": "Vybraná stránka zatiaľ nemá slovenskú verziu.",
        "notice.body": "Stránku, ktorú ste čítali, sme zatiaľ nepreložili do slovenčiny.",
        "notice.back": "Späť na stránku, ktorú ste čítali",
        "notice.home": "Prejsť na slovenskú úvodnú stránku",
        "chooser.title": "Vyberte si jazyk",
        "reading_time": "Čas čítania: {duration}",
        "updated": "Aktualizované",
        "outdated.title": "Tento preklad nemusí byť aktuálny",
        "outdated.body": "Pôvodná stránka bola aktualizovaná {date}, až po poslednej úprave tohto prekladu.",
        "outdated.original": "Originál ({language}): {link}",
        "answers.copy_link": "Kopírovať odkaz",
        "answers.copy_answer": "Kopírovať odpoveď",
        "answers.link_copied": "Odkaz bol skopírovaný",
        "answers.answer_copied": "Odpoveď bola skopírovaná",
        "answers.related": "Súvisiace články a odpovede",
        "answers.moved": "Táto stránka sa presunula",
        "answers.home": "Úvod",
        "glossary.abbreviations": "Skratky",
        "glossary.aliases": "Iné názvy",
        "glossary.translations": "V iných jazykoch",
        "glossary.used_in": "Vyskytuje sa v",
        "glossary.unused": "Zatiaľ sa nevyskytuje v žiadnom článku.",
        "search.definition": "Definícia",
        "search.did_you_mean": "Mysleli ste",
        "search.no_match": "Hľadaniu presne nič nezodpovedá. Pomôcť môžu tieto stránky:",
    },
}


def message(locale: str, message_id: str, **values: object) -> str:
    """The string `message_id` in `locale` (English if the locale lacks it)."""
    language = locale.replace("-", "_").split("_")[0]
    table = MESSAGES.get(language, {})
    text = table.get(message_id) or MESSAGES["en"][message_id]
    return text.format(**values) if values else text

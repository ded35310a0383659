/*
 * The site root's language chooser (kb-translations, chooser.py): sends the
 * visitor to the home of the first language their browser prefers that the
 * site has, else to the default language's. Without JavaScript the page is a
 * list of links. Inlined into the page with the call that passes the site's data:
 *   chooseLanguage({"et": "et/", "pl": "pl/"}, "pl");
 */
/* exported chooseLanguage */
function chooseLanguage(homes, fallback) {
  "use strict";
  var langs = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < langs.length; i++) {
    var code = String(langs[i]).toLowerCase().split("-")[0];
    if (homes[code]) {
      location.replace(homes[code]);
      return;
    }
  }
  location.replace(homes[fallback]);
}

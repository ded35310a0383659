/*
 * The "not translated" notice page (kb-translations): its "back" link leads
 * to the page the visitor came from (`?from=`), shown only when that is a
 * path of this site (no scheme, not protocol-relative); inlined into the page.
 */
(function () {
  "use strict";
  var from = new URLSearchParams(location.search).get("from");
  if (!from || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(from)) return;
  var back = document.getElementById("kb-notice-back");
  back.href = from;
  back.hidden = false;
})();

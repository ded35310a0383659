/*
 * A redirect page of kb-answers (redirects.py): forwards to the moved page,
 * keeping the #fragment (the meta refresh beside it would drop it). Inlined
 * into the page with the call that passes the target:
 *   redirect("../new-page/");
 */
/* exported redirect */
function redirect(target) {
  "use strict";
  location.replace(target + location.hash);
}

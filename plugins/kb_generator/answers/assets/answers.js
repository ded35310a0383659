/* Copy actions for agents: "Copy link" on every heading with an id, "Copy
 * answer" on every FAQ answer (question, answer text, link). Works without
 * the async clipboard API (falls back to a selected textarea) and tells
 * screen readers what was copied through a polite live region. Also sends
 * links to renamed answer ids on to the current id. */
(function () {
  "use strict";
  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("__kb_answers").textContent);
  } catch { /* page without our strings: English fallbacks below */ }
  function t(name, fallback) { return strings[name] || fallback; }

  var status = document.createElement("div");
  status.className = "kb-copy-status md-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = canonical ? canonical.href : location.href;
    return url.split("#")[0];
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-1000px";
    document.body.appendChild(area);
    var focused = document.activeElement;
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch { done = false; }
    document.body.removeChild(area);
    if (focused && focused.focus) focused.focus();
    return done;
  }

  function copy(text, message) {
    function announce() {
      status.textContent = "";
      setTimeout(function () { status.textContent = message; }, 50);
    }
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(announce, function () {
        if (fallbackCopy(text)) announce();
      });
    } else if (fallbackCopy(text)) {
      announce();
    }
  }

  function answerText(section, heading) {
    var parts = [];
    for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      if (node.classList.contains("kb-actions") || node.classList.contains("kb-renamed-id")) continue;
      var text = (node.innerText || node.textContent || "").trim();
      if (text) parts.push(text);
    }
    return parts.join("\n\n");
  }

  function headingText(heading) {
    var clone = heading.cloneNode(true);
    var links = clone.querySelectorAll(".headerlink");
    for (var i = 0; i < links.length; i++) links[i].remove();
    return (clone.textContent || "").trim();
  }

  function button(label, kind, handler) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "kb-actions__button md-button";
    element.setAttribute("data-kb-copy", kind);
    element.textContent = label;
    element.addEventListener("click", handler);
    return element;
  }

  var content = document.querySelector(".md-content article") || document.body;
  var headings = content.querySelectorAll("h2[id], h3[id], h4[id]");
  for (var i = 0; i < headings.length; i++) {
    (function (heading) {
      if (heading.closest(".kb-related") || heading.id.indexOf("letter-") === 0) return;
      var section = heading.parentElement && heading.parentElement.matches("section.kb-answer")
        ? heading.parentElement : null;
      var actions = document.createElement("div");
      actions.className = "kb-actions";
      var link = function () { return pageUrl() + "#" + heading.id; };
      actions.appendChild(button(t("copy_link", "Copy link"), "link", function () {
        copy(link(), t("link_copied", "Link copied"));
      }));
      if (section) {
        actions.appendChild(button(t("copy_answer", "Copy answer"), "answer", function () {
          var text = headingText(heading) + "\n\n" + answerText(section, heading) + "\n\n" + link();
          copy(text, t("answer_copied", "Answer copied"));
        }));
      }
      heading.insertAdjacentElement("afterend", actions);
    })(headings[i]);
  }

  /* Old ids listed in `renamed_ids` land on the answer and the address shows the new id. */
  function followRename() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var old = document.getElementById(id);
    if (!old || !old.classList.contains("kb-renamed-id")) return;
    var target = document.getElementById(old.getAttribute("data-kb-renamed-to"));
    if (!target) return;
    history.replaceState(null, "", "#" + target.id);
    target.scrollIntoView();
  }
  followRename();
  window.addEventListener("hashchange", followRename);
})();

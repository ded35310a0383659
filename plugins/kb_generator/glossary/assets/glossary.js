/* Glossary previews: the definition of a linked term on hover, keyboard
 * focus and touch. The preview is a role="tooltip" element referenced by
 * aria-describedby, so screen readers announce the definition too. Text is
 * inserted with textContent: markup in a definition never runs. */
(function () {
  "use strict";
  var tip = null;
  var owner = null;
  var hideTimer = 0;
  var touchOpened = null;

  function preview() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "kb-term-preview";
    tip.className = "kb-term-preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { scheduleHide(); });
    document.body.appendChild(tip);
    return tip;
  }

  function show(link) {
    clearTimeout(hideTimer);
    var box = preview();
    if (owner && owner !== link) owner.removeAttribute("aria-describedby");
    owner = link;
    box.textContent = "";
    var title = document.createElement("strong");
    title.textContent = link.textContent;
    var text = document.createElement("span");
    text.textContent = " " + (link.getAttribute("data-definition") || "");
    box.appendChild(title);
    box.appendChild(text);
    box.hidden = false;
    link.setAttribute("aria-describedby", box.id);
    var rect = link.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    box.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 6) + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
    touchOpened = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  function termOf(target) {
    return target && target.closest ? target.closest("a.kb-term") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = termOf(event.target);
    if (link) show(link);
  });
  document.addEventListener("mouseout", function (event) {
    var link = termOf(event.target);
    if (link && !link.contains(event.relatedTarget)) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event.target)) scheduleHide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tip && !tip.hidden) hide();
  });
  /* Touch: the first tap on a term shows its preview, a second tap follows it. */
  document.addEventListener("pointerdown", function (event) {
    if (event.pointerType !== "touch") return;
    var link = termOf(event.target);
    if (!link) {
      if (tip && !tip.contains(event.target)) hide();
      return;
    }
    if (touchOpened !== link) {
      link.addEventListener("click", function once(click) {
        click.preventDefault();
        link.removeEventListener("click", once);
      });
      show(link);
      touchOpened = link;
    }
  });
})();

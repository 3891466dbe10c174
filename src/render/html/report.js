"use strict";
(() => {
  const tip = document.getElementById("tip");
  // Builds the popup with text nodes only: nothing from the report is parsed as markup.
  const add = (parent, tag, text, cls) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    e.textContent = text;
    parent.append(e);
    return e;
  };
  const show = (m) => {
    const d = m.dataset;
    tip.replaceChildren();
    add(tip, "div", d.severity + "[" + d.rule + "]", "rule");
    add(tip, "div", d.message);
    if (d.fix) {
      const fix = add(tip, "div", "fix (" + d.fix + "): ");
      fix.append("\u201c");
      add(fix, "bdi", d.before);
      fix.append("\u201d \u2192 \u201c");
      add(fix, "bdi", d.after);
      fix.append("\u201d");
    } else {
      add(tip, "div", "no fix");
    }
    add(tip, "div", "confidence " + d.confidence);
    const r = m.getBoundingClientRect();
    tip.hidden = false;
    tip.style.top = window.scrollY + r.bottom + 6 + "px";
    const left = Math.min(r.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = window.scrollX + Math.max(4, left) + "px";
  };
  const hide = () => { tip.hidden = true; };
  // The pieces of a finding's mark light up together.
  const light = (m, on) => {
    const section = m.closest("section");
    for (const p of section.querySelectorAll('mark[data-finding="' + m.dataset.finding + '"]')) {
      p.classList.toggle("lit", on);
    }
  };
  const markOf = (e) => e.target instanceof Element ? e.target.closest("mark[data-rule]") : null;
  for (const [on, off] of [["mouseover", "mouseout"], ["focusin", "focusout"]]) {
    document.addEventListener(on, (e) => { const m = markOf(e); if (m) { show(m); light(m, true); } });
    document.addEventListener(off, (e) => { const m = markOf(e); if (m) { hide(); light(m, false); } });
  }
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });

  // Filters: an unchecked rule or severity hides its findings and unmarks its spans.
  const boxes = [...document.querySelectorAll("#filters input")];
  const apply = () => {
    const off = new Set(boxes.filter((b) => !b.checked).map((b) => b.name + ":" + b.value));
    for (const el of document.querySelectorAll("mark[data-rule], li[data-rule]")) {
      const hidden = off.has("rule:" + el.dataset.rule) || off.has("severity:" + el.dataset.severity);
      el.classList.toggle("off", hidden);
    }
  };
  for (const b of boxes) b.addEventListener("change", apply);

  // For tests (`report.html?directions`): each paragraph's computed direction.
  if (new URLSearchParams(location.search).has("directions")) {
    for (const p of document.querySelectorAll(".text p")) {
      p.dataset.direction = getComputedStyle(p).direction;
    }
  }
})();

// dyad reader: entity cards (the page's "dictionary") and small conveniences.
// No data is ever written as HTML: cards are built with textContent.
(function () {
  "use strict";
  let card = null;
  let current = null;
  function close() {
    if (card) { card.remove(); card = null; current = null; }
  }
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function show(link, data) {
    close();
    const info = data.entity || {};
    card = el("div", null, "card");
    card.setAttribute("role", "dialog");
    card.appendChild(el("h3", info.name || link.textContent));
    const kind = [info.kind, info.state].filter(Boolean).join(" · ");
    card.appendChild(el("div", kind, "muted"));
    if (info.roles && info.roles.length) {
      const ul = el("ul");
      info.roles.slice(0, 4).forEach(function (r) {
        ul.appendChild(el("li", r[0] + (r[1] ? " (" + r[1] + (r[2] && r[2] !== r[1] ? " … " + r[2] : "") + ")" : "")));
      });
      card.appendChild(ul);
    }
    if (info.names && info.names.length > 1) {
      card.appendChild(el("div", "Also: " + info.names.slice(0, 6).join(" · "), "muted"));
    }
    const claims = (data.as_source || []).concat(data.as_target || []).slice(0, 4);
    if (claims.length) {
      const ul = el("ul");
      claims.forEach(function (c) {
        const s = c.source ? c.source[1] : "?";
        const t = c.target ? c.target[1] : "?";
        ul.appendChild(el("li", c.type + " " + s + " → " + t + " (" + c.certainty + ")"));
      });
      card.appendChild(el("div", "Recent claims:", "muted"));
      card.appendChild(ul);
    }
    const more = el("a", "Entity page →");
    more.href = link.getAttribute("href");
    card.appendChild(more);
    document.body.appendChild(card);
    const r = link.getBoundingClientRect();
    card.style.left = Math.max(8, window.scrollX + r.left) + "px";
    card.style.top = (window.scrollY + r.bottom + 6) + "px";
    current = link;
  }
  function open(link) {
    const id = link.getAttribute("data-entity");
    if (!id || current === link) return;
    fetch("/api/entities/" + encodeURIComponent(id))
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) { if (d) show(link, d); })
      .catch(function () {});
  }
  document.addEventListener("mouseover", function (e) {
    const a = e.target.closest && e.target.closest("a.ent");
    if (a) open(a);
  });
  document.addEventListener("click", function (e) {
    const a = e.target.closest && e.target.closest("a.ent");
    if (a && !e.ctrlKey && !e.metaKey) {
      // A tap opens the card; a second tap on the same entity follows the link.
      if (current !== a) { e.preventDefault(); open(a); }
      return;
    }
    if (card && !card.contains(e.target)) close();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
  const print = document.getElementById("print");
  if (print) print.addEventListener("click", function () { document.body.classList.add("print"); window.print(); });
  window.addEventListener("afterprint", function () { document.body.classList.remove("print"); });
})();

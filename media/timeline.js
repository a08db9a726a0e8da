// The roadmap timeline webview's only script: reports which card or spec badge was clicked (by
// item number) and swaps in a new rendering, whole, phase by phase or card by card. It reads nothing else and
// loads nothing.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById("root");
  function target(event) {
    const card = event.target instanceof Element ? event.target.closest("[data-item]") : null;
    if (!card) return null;
    const onSpec = event.target.closest("[data-spec]") !== null;
    return { type: onSpec ? "openSpec" : "openItem", item: Number(card.getAttribute("data-item")) };
  }
  document.addEventListener("click", function (event) {
    const t = target(event);
    if (t) vscode.postMessage(t);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    const t = target(event);
    if (!t) return;
    event.preventDefault();
    vscode.postMessage(t);
  });
  // A reloaded page (the panel was hidden) asks for the latest rendering.
  vscode.postMessage({ type: "ready" });
  // Markup from the server's renderer (src/core/timeline.ts), the same function that wrote the
  // page: every workspace string in it went through its escaping, so it holds only the elements
  // and attributes the renderer writes, never an element or attribute a workspace string made.
  // It is parsed in an inert <template> (nothing in it runs or loads), and the page's CSP allows
  // only the nonce'd script and style. `wrap` parses SVG parts inside an <svg>, as they stand.
  function parse(html, wrap) {
    const template = document.createElement("template");
    template.innerHTML = wrap ? "<svg>" + html + "</svg>" : html;
    const node = template.content.firstElementChild;
    return wrap && node ? node.firstElementChild : node;
  }
  /** The card elements of a "cards" change, by their place in the phase; null when one is missing. */
  function cardsOf(column, p) {
    const all = column.querySelectorAll(".tl-cards > .card");
    const cards = [];
    for (const c of p.cards) {
      const node = all[Number(c.at)];
      if (!node) return null;
      cards.push(node);
    }
    return cards;
  }
  /**
   * Where a phase's added cards go (before the first card kept after them, else after the last one
   * kept before them) and the cards they replace; null when the column does not hold them.
   */
  function spliceOf(column, splice) {
    const all = Array.from(column.querySelectorAll(".tl-cards > .card"));
    const at = Number(splice.at);
    const remove = Number(splice.remove);
    if (!(at >= 0 && remove >= 0 && at + remove <= all.length)) return null;
    const next = all[at + remove] || null;
    const previous = at > 0 ? all[at - 1] : null;
    if (!next && !previous) return null;
    return { gone: all.slice(at, at + remove), next: next, previous: previous };
  }
  /**
   * Numbers the cards 0 to `total` in document order, as the server numbers them: after a phase
   * gained or lost items, the cards after it still carry their old numbers. False when the page
   * does not hold `total` cards.
   */
  function renumber(total) {
    const cards = root.querySelectorAll(".tl-phases > .tl-phase .tl-cards > .card");
    if (cards.length !== total) return false;
    for (let n = 0; n < cards.length; n++) if (cards[n].getAttribute("data-item") !== String(n)) cards[n].setAttribute("data-item", String(n));
    return true;
  }
  /**
   * Swaps in the changed phases (column and axis lane, or only their changed cards, header and
   * lane) and the totals; false, with nothing changed, when the page is not the one they fit
   * (or, after the swap, when it does not hold the cards it should: the page is then re-sent).
   */
  function applyPhases(m) {
    const head = root.querySelector(".tl-head");
    const columns = root.querySelectorAll(".tl-phases > .tl-phase");
    const lanes = root.querySelectorAll(".axis > .lane-row");
    if (!head) return false;
    const found = [];
    for (const p of m.phases) {
      const column = columns[p.index];
      if (!column) return false;
      if (p.kind === "cards") {
        const splice = p.splice ? spliceOf(column, p.splice) : null;
        const cards = !Array.isArray(p.cards) ? null : p.splice ? [] : cardsOf(column, p);
        const phaseHead = column.querySelector(":scope > .tl-phase-head");
        if (!cards || (p.splice && !splice) || !phaseHead || (typeof p.lane === "string" && !lanes[p.index])) return false;
        found.push({ cards, splice, phaseHead });
      } else if ((typeof p.lane === "string") !== (lanes[p.index] !== undefined)) return false;
      else found.push(null);
    }
    head.replaceWith(parse(m.head, false));
    m.phases.forEach(function (p, n) {
      const f = found[n];
      if (p.kind !== "cards") columns[p.index].replaceWith(parse(p.html, false));
      else if (f.splice) {
        const added = p.cards.map(function (c) {
          return parse(c.html, false);
        });
        if (f.splice.next) f.splice.next.before.apply(f.splice.next, added);
        else f.splice.previous.after.apply(f.splice.previous, added);
        f.splice.gone.forEach(function (node) {
          node.remove();
        });
      } else {
        p.cards.forEach(function (c, k) {
          f.cards[k].replaceWith(parse(c.html, false));
        });
      }
      if (p.kind === "cards" && typeof p.head === "string") f.phaseHead.replaceWith(parse(p.head, false));
      if (typeof p.lane === "string") lanes[p.index].replaceWith(parse(p.lane, true));
    });
    return renumber(Number(m.total));
  }
  window.addEventListener("message", function (event) {
    const m = event.data;
    if (!m) return;
    if (m.type === "page" && typeof m.html === "string") root.innerHTML = m.html;
    else if (m.type === "phases" && typeof m.head === "string" && Array.isArray(m.phases) && !applyPhases(m)) vscode.postMessage({ type: "resync" });
  });
})();

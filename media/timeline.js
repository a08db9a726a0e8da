// The roadmap timeline webview's only script: reports which card or spec badge was clicked (by
// item number) and swaps in a new rendering. It reads nothing else and loads nothing.
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
  window.addEventListener("message", function (event) {
    const m = event.data;
    // The markup comes from the language server's renderer, every workspace string escaped.
    if (m && m.type === "update" && typeof m.html === "string") root.innerHTML = m.html;
  });
})();

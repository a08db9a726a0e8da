// The Roadmap view in the real extension host, through the tree provider VS Code itself renders
// (api.roadmap) and the view's commands: filtering and grouping, a linked spec's health and
// findings following the spec, creating a spec from a template and linking it into an item.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");

const EXTENSION_ID = "pm-workbench.pm-workbench";
let api;
const root = () => vscode.workspace.workspaceFolders[0].uri.fsPath;
const roadmapPath = () => path.join(root(), "ROADMAP.md");
const once = (event) => new Promise((resolve) => { const d = event((e) => { d.dispose(); resolve(e); }); });

/** The tree as VS Code asks for it: [label, description, children] down to the items. */
async function tree(node, depth = 3) {
  const out = [];
  for (const child of await api.roadmap.getChildren(node)) {
    const t = api.roadmap.getTreeItem(child);
    out.push(depth > 1 ? [t.label, t.description, await tree(child, depth - 1)] : t.label);
  }
  return out;
}
const itemNode = (roadmap, title) => {
  const item = roadmap.phases.flatMap((p) => p.items).find((i) => i.title.startsWith(title));
  return { kind: "item", roadmap, item };
};
/** Reloads until `test` holds for the model, each wait on the view's refresh event. */
async function until(test) {
  let roadmaps = await api.roadmap.reload();
  while (!test(roadmaps)) roadmaps = await once(api.roadmap.onDidRefresh);
  return roadmaps;
}

before(async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  api = await extension.activate();
  await api.ready;
});

afterEach(async () => {
  await vscode.commands.executeCommand("pmWorkbench.roadmap.clearFilter");
  await vscode.commands.executeCommand("pmWorkbench.roadmap.groupByPhase");
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
});

describe("Roadmap view: bets", () => {
  it("a bet in Later has no checkbox, and the phase's progress leaves it out", async () => {
    const [roadmap] = await api.roadmap.reload();
    const later = roadmap.phases.find((p) => p.title.startsWith("Later"));
    const bet = itemNode(roadmap, "Voice channel for the claims agent");
    const task = itemNode(roadmap, "Claim document upload by chat");
    assert.deepEqual(
      [bet.item.status, api.roadmap.getTreeItem(bet).checkboxState, api.roadmap.getTreeItem(task).checkboxState, api.roadmap.getTreeItem({ kind: "phase", roadmap, phase: later, items: later.items }).description.split(" ")[0]],
      ["bet", undefined, vscode.TreeItemCheckboxState.Unchecked, "0/0"],
    );
  });
});

describe("Roadmap view: filter and group", () => {
  it("a filter by owner hides the other owners' items and the phases left empty; clearing restores them", async () => {
    const [roadmap] = await api.roadmap.reload();
    const [top] = await api.roadmap.getChildren();
    const full = await tree(top, 2);
    assert.deepEqual(await vscode.commands.executeCommand("pmWorkbench.roadmap.filter", "owner", "ken.li"), { kind: "owner", value: "ken.li" });
    assert.deepEqual(await tree(top, 2), [
      ["Now (Nov-Dec 2026)", "1/2 · 2026-11-01–2026-12-31", ["Eval harness with the hallucination stress test", "Specialist review console for held answers"]],
      ["Next (Q1 2027)", "0/1 · 2027-01-01–2027-03-31", ["Claim document upload by chat"]],
    ]);
    const total = roadmap.phases.flatMap((p) => p.items).length;
    assert.deepEqual([api.roadmap.view.description, api.roadmap.view.message], ["@ken.li", `Filtered by @ken.li: 3 of ${total} items. Clear the filter from the title bar.`]);
    await vscode.commands.executeCommand("pmWorkbench.roadmap.clearFilter");
    assert.deepEqual([await tree(top, 2), api.roadmap.view.description, api.roadmap.view.message, api.roadmap.filter], [full, "", "", null]);
  });

  it("filters by tag and by status", async () => {
    await api.roadmap.reload();
    const [top] = await api.roadmap.getChildren();
    await vscode.commands.executeCommand("pmWorkbench.roadmap.filter", "tag", "lending");
    assert.deepEqual((await tree(top, 2)).map(([phase, , items]) => [phase, items]), [["Next (Q1 2027)", ["SME loan application assistant, two-branch pilot"]]]);
    await vscode.commands.executeCommand("pmWorkbench.roadmap.filter", "status", "blocked");
    assert.deepEqual((await tree(top, 2)).map(([phase, , items]) => [phase, items]), [["Now (Nov-Dec 2026)", ["Smart reply pilot with 20 agents"]]]);
  });

  it("the filter picker offers the roadmap's owners, tags and statuses, and Escape changes nothing", async () => {
    await api.roadmap.reload();
    const shown = once(api.onDidShowPrompt);
    const result = vscode.commands.executeCommand("pmWorkbench.roadmap.filter");
    assert.equal((await shown).title, "Filter the roadmap");
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    assert.equal(await result, null);
    const facets = api.roadmap.facets().map((f) => `${f.filter.kind}:${f.filter.value}=${f.count}`);
    assert.deepEqual(facets.filter((f) => f.startsWith("owner:")), ["owner:ken.li=3", "owner:maria.chen=4", "owner:tom.becker=2", "owner:wang.lei=1"]);
  });

  it("groups by owner, each with its progress (dropped items and bets not counted), the unowned last", async () => {
    await api.roadmap.reload();
    await vscode.commands.executeCommand("pmWorkbench.roadmap.groupByOwner");
    assert.equal(api.roadmap.grouping, "owner");
    const [top] = await api.roadmap.getChildren();
    // Other suites in this workspace may tick maria.chen's items: her progress is left out.
    const groups = (await tree(top, 2)).map(([owner, progress, items]) => [owner, owner === "@maria.chen" ? "" : progress, items.length]);
    assert.deepEqual(groups, [["@ken.li", "1/3", 3], ["@maria.chen", "", 4], ["@tom.becker", "0/1", 2], ["@wang.lei", "0/1", 1], ["No owner", "0/0", 1]]);
  });
});

describe("Roadmap view: the linked spec", () => {
  it("shows the spec's findings under it, and a finding opens the spec at its line", async () => {
    const [roadmap] = await api.roadmap.reload();
    const [spec] = await api.roadmap.getChildren(itemNode(roadmap, "Smart reply pilot"));
    assert.match(api.roadmap.getTreeItem(spec).description, /11 warnings$/);
    const findings = await api.roadmap.getChildren(spec);
    assert.equal(findings.length, 11);
    const placeholder = api.roadmap.getTreeItem(findings.find((f) => f.diagnostic.code?.value === "PM004" || f.diagnostic.code === "PM004"));
    assert.deepEqual([placeholder.label, placeholder.description], ['Placeholder "TBD" left in the spec: replace it with the decision or the number.', "PM004 · line 29"]);
    await vscode.commands.executeCommand(placeholder.command.command, ...placeholder.command.arguments);
    const editor = vscode.window.activeTextEditor;
    assert.deepEqual([path.relative(root(), editor.document.uri.fsPath), editor.selection.active.line], [path.join("prd", "smart-reply.md"), 28]);
  });

  it("an edit to a linked spec changes the item's health in the tree", async () => {
    const item = (roadmaps) => roadmaps[0].phases[0].items.find((i) => i.title.startsWith("Smart reply pilot"));
    const warnings = item(await api.roadmap.reload()).spec.warnings;
    const doc = await vscode.workspace.openTextDocument(path.join(root(), "prd", "smart-reply.md"));
    await vscode.window.showTextDocument(doc);
    const line = doc.getText().split("\n").findIndex((l) => l.includes("TBD"));
    const at = doc.lineAt(line).text.indexOf("TBD");
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(line, at, line, at + 3), "30 days");
    await vscode.workspace.applyEdit(edit);
    // The server reports the change (pm/roadmapChanged) and the view reloads: no reload asked here.
    let roadmaps = api.roadmap.roadmaps;
    while (item(roadmaps).spec.warnings === warnings) roadmaps = await once(api.roadmap.onDidRefresh);
    assert.match(api.roadmap.getTreeItem({ kind: "item", roadmap: roadmaps[0], item: item(roadmaps) }).description, new RegExp(`@tom\\.becker · 2026-12-10 · .*· ${warnings - 1} warnings$`));
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    await until((r) => item(r).spec.warnings === warnings);
  });
});

describe("Roadmap view: Create Spec from Template and Link", () => {
  const folder = () => vscode.Uri.file(path.join(root(), "docs", "linked"));
  const listed = () => (fs.existsSync(folder().fsPath) ? fs.readdirSync(folder().fsPath).sort() : []);
  const answers = () => ({ template: "one-pager", title: "Claim upload by chat", owner: "ken.li", lang: "en", folder: folder() });

  it("creates the spec and writes exactly the item's line: the link to it", async () => {
    const [roadmap] = await api.roadmap.reload();
    const node = itemNode(roadmap, "Claim document upload by chat");
    const before = fs.readFileSync(roadmapPath(), "utf8").split("\n");
    const uri = await vscode.commands.executeCommand("pmWorkbench.roadmap.createSpec", node, answers());
    assert.equal(path.relative(root(), uri.fsPath), path.join("docs", "linked", "claim-upload-by-chat.md"));
    const after = fs.readFileSync(roadmapPath(), "utf8").split("\n");
    const changed = after.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
    assert.deepEqual([after.length, changed, after[node.item.line]], [before.length, [node.item.line], `${before[node.item.line]} spec:[Claim upload by chat](docs/linked/claim-upload-by-chat.md)`]);
    assert.match(fs.readFileSync(uri.fsPath, "utf8"), /^---\n[^]*^template: "?one-pager"?$[^]*^# Claim upload by chat$/m);
    assert.equal(vscode.window.activeTextEditor.document.uri.toString(), uri.toString());
    const [reread] = await until((r) => itemNode(r[0], "Claim document upload by chat").item.spec?.exists === true);
    assert.equal(itemNode(reread, "Claim document upload by chat").item.spec.template, "one-pager");
  });

  it("refuses when the item's line changed since the view read it, and writes nothing", async () => {
    const [roadmap] = await api.roadmap.reload();
    const node = itemNode(roadmap, "Voice channel for the claims agent");
    const stale = { ...node, item: { ...node.item, lineText: `${node.item.lineText} (edited)` } };
    const before = [fs.readFileSync(roadmapPath(), "utf8"), listed()];
    assert.equal(await vscode.commands.executeCommand("pmWorkbench.roadmap.createSpec", stale, { ...answers(), title: "Voice channel" }), undefined);
    assert.deepEqual([fs.readFileSync(roadmapPath(), "utf8"), listed()], before);
  });

  it("writes nothing when a prompt is cancelled", async () => {
    const [roadmap] = await api.roadmap.reload();
    const before = [fs.readFileSync(roadmapPath(), "utf8"), listed()];
    const shown = once(api.onDidShowPrompt);
    const result = vscode.commands.executeCommand("pmWorkbench.roadmap.createSpec", itemNode(roadmap, "Voice channel for the claims agent"), { template: "one-pager" });
    assert.equal((await shown).title, "New spec: title");
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    assert.equal(await result, undefined);
    assert.deepEqual([fs.readFileSync(roadmapPath(), "utf8"), listed()], before);
  });
});

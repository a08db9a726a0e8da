// Each command's behaviour at the API level, in the real extension host: creating specs (and
// never overwriting), cancelling at any prompt, setting the status as one undoable edit,
// inserting missing sections.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");

const EXTENSION_ID = "pm-workbench.pm-workbench";
let api;
const root = () => vscode.workspace.workspaceFolders[0].uri.fsPath;
const specs = () => path.join(root(), "docs", "specs");
const listSpecs = () => (fs.existsSync(specs()) ? fs.readdirSync(specs()).sort() : []);
const today = () => new Date().toISOString().slice(0, 10);
const once = (event) => new Promise((resolve) => { const d = event((e) => { d.dispose(); resolve(e); }); });

async function openCopy(relative, name) {
  const target = path.join(root(), "scratch", name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(root(), relative), target);
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Runs New Spec with the given answers, accepting the folder prompt's default (pmWorkbench.specsFolder). */
async function newSpecInDefaultFolder(options) {
  const shown = once(api.onDidShowPrompt);
  const result = vscode.commands.executeCommand("pmWorkbench.newSpec", options);
  assert.equal((await shown).title, "New spec: folder");
  await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
  return result;
}

const specStatus = (doc) => api.client.sendRequest("pm/specStatus", { textDocument: { uri: doc.uri.toString() } });

before(async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  api = await extension.activate();
  await api.ready;
});

afterEach(async () => {
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
});

describe("activation", () => {
  it("is lazy and the language server is running", () => {
    const events = vscode.extensions.getExtension(EXTENSION_ID).packageJSON.activationEvents;
    assert.ok(!events.includes("*"));
    assert.ok(events.includes("onLanguage:markdown"));
    assert.equal(api.client.isRunning(), true);
  });
});

describe("PM: New Spec from Template", () => {
  it("creates the spec, opens it with the cursor on the first line to fill", async () => {
    const uri = await newSpecInDefaultFolder({ template: "agent-prd", title: "Refund agent", owner: "bo", lang: "zh-CN" });
    assert.equal(path.relative(root(), uri.fsPath), path.join("docs", "specs", "refund-agent.md"));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor.document.uri.toString(), uri.toString());
    const lines = editor.document.getText().split("\n");
    const heading = lines.findIndex((l) => l.startsWith("## "));
    assert.equal(lines[heading], "## 失败标准");
    assert.equal(editor.selection.active.line, lines.findIndex((l, i) => i > heading && l.trim() !== ""));
    assert.match(editor.document.getText(), /^owner: "?bo"?$/m);
  });

  it("gives a taken name the next number and leaves the existing file as it was", async () => {
    fs.mkdirSync(specs(), { recursive: true });
    fs.writeFileSync(path.join(specs(), "pricing-copilot.md"), "my own notes\n");
    const uri = await newSpecInDefaultFolder({ template: "one-pager", title: "Pricing copilot", owner: "bo", lang: "en" });
    assert.equal(path.basename(uri.fsPath), "pricing-copilot-2.md");
    const again = await newSpecInDefaultFolder({ template: "one-pager", title: "Pricing copilot", owner: "bo", lang: "en" });
    assert.equal(path.basename(again.fsPath), "pricing-copilot-3.md");
    assert.equal(fs.readFileSync(path.join(specs(), "pricing-copilot.md"), "utf8"), "my own notes\n");
  });

  it("creates the spec in the folder it is given (the explorer's context menu)", async () => {
    const folder = vscode.Uri.file(path.join(root(), "prd"));
    const uri = await vscode.commands.executeCommand("pmWorkbench.newSpec", { template: "one-pager", title: "Folder pick", owner: "bo", lang: "en", folder });
    assert.equal(path.relative(root(), uri.fsPath), path.join("prd", "folder-pick.md"));
  });

  for (const [step, options] of [["the template", {}], ["the title", { template: "one-pager" }], ["the owner", { template: "one-pager", title: "Cancelled" }], ["the folder", { template: "one-pager", title: "Cancelled", owner: "bo", lang: "en" }]]) {
    it(`writes nothing when cancelled at ${step}`, async () => {
      const before = listSpecs();
      const shown = once(api.onDidShowPrompt);
      const result = vscode.commands.executeCommand("pmWorkbench.newSpec", options);
      await shown;
      await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
      assert.equal(await result, undefined);
      assert.deepEqual(listSpecs(), before);
    });
  }
});

describe("PM: Set Spec Status", () => {
  it("rewrites status and updated as one undoable edit", async () => {
    const doc = await openCopy("prd/smart-reply.md", "status.md");
    const original = doc.getText();
    assert.equal(await vscode.commands.executeCommand("pmWorkbench.setSpecStatus", "approved"), "approved");
    assert.match(doc.getText(), /^status: approved$/m);
    assert.match(doc.getText(), new RegExp(`^updated: ${today()}$`, "m"));
    assert.equal(doc.getText().split("\n").length, original.split("\n").length);
    await vscode.commands.executeCommand("undo");
    assert.equal(doc.getText(), original);
  });

  it("adds front matter keys that are absent", async () => {
    const target = path.join(root(), "scratch", "bare.md");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, "---\ntitle: Bare\ntemplate: one-pager\n---\n\n# Bare\n");
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand("pmWorkbench.setSpecStatus", "review");
    assert.equal(doc.getText(), `---\ntitle: Bare\ntemplate: one-pager\nstatus: review\nupdated: ${today()}\n---\n\n# Bare\n`);
  });

  it("refuses an unknown status and changes nothing", async () => {
    const doc = await openCopy("prd/smart-reply.md", "status-bad.md");
    const original = doc.getText();
    assert.equal(await vscode.commands.executeCommand("pmWorkbench.setSpecStatus", "finished"), undefined);
    assert.equal(doc.getText(), original);
  });
});

describe("PM: Insert Missing Section / Fix All Missing Sections", () => {
  it("inserts one missing section, then all the others", async () => {
    const doc = await openCopy("prd/smart-reply.md", "missing.md");
    const before = await specStatus(doc);
    assert.deepEqual(before.missing, ["data-contract", "cost", "rollout"]);
    assert.deepEqual(await vscode.commands.executeCommand("pmWorkbench.insertMissingSection", "cost"), ["cost"]);
    assert.equal(doc.getText().match(/^## Cost and latency budget$/gm).length, 1);
    assert.deepEqual((await specStatus(doc)).missing, ["data-contract", "rollout"]);
    assert.deepEqual(await vscode.commands.executeCommand("pmWorkbench.fixAllMissingSections"), ["data-contract", "rollout"]);
    assert.deepEqual((await specStatus(doc)).missing, []);
  });

  it("the status bar follows the document", async () => {
    const doc = await openCopy("prd/smart-reply.md", "status-bar.md");
    await vscode.window.showTextDocument(doc);
    const refreshed = once(api.statusBar.onDidRefresh);
    await vscode.commands.executeCommand("pmWorkbench.fixAllMissingSections");
    let shown = await refreshed;
    while (shown && shown.missing.length > 0) shown = await once(api.statusBar.onDidRefresh);
    assert.equal(shown.present.length, shown.required.length);
  });
});

describe("agent support", () => {
  it("registers the MCP server definition and the language-model tools where the API exists", function () {
    if (typeof vscode.lm?.registerMcpServerDefinitionProvider !== "function") this.skip();
    assert.equal(api.agents.mcp, true);
    assert.deepEqual(api.agents.tools, ["pmWorkbench_lintSpec", "pmWorkbench_specStatus", "pmWorkbench_listTemplates"]);
    const listed = vscode.lm.tools.map((t) => t.name).filter((n) => n.startsWith("pmWorkbench_")).sort();
    assert.deepEqual(listed, ["pmWorkbench_lintSpec", "pmWorkbench_listTemplates", "pmWorkbench_specStatus"]);
  });

  it("the spec status tool answers from the language server", async function () {
    if (typeof vscode.lm?.invokeTool !== "function") this.skip();
    const result = await vscode.lm.invokeTool("pmWorkbench_specStatus", { input: { path: "prd/smart-reply.md" }, toolInvocationToken: undefined });
    const status = JSON.parse(result.content.map((p) => p.value).join(""));
    assert.equal(status.template, "ai-feature-prd");
    assert.deepEqual(status.missing, ["data-contract", "cost", "rollout"]);
  });
});

describe("Roadmap view", () => {
  const roadmapPath = () => path.join(root(), "ROADMAP.md");

  it("reads the workspace's roadmap through the server: phases, progress, items", async () => {
    const [roadmap] = await api.roadmap.reload();
    assert.deepEqual(roadmap.phases.map((p) => [p.title.split(" (")[0], `${p.progress.done}/${p.progress.total}`]), [["Now", "1/5"], ["Next", "0/3"], ["Later", "0/0"]]);
    const blocked = roadmap.phases[0].items.find((i) => i.status === "blocked");
    assert.equal(blocked.title, "Smart reply pilot with 20 agents");
    assert.equal(api.roadmap.view.badge.value >= 1, true);
  });

  it("setting an item's status rewrites exactly that line and nothing else", async () => {
    const [roadmap] = await api.roadmap.reload();
    const item = roadmap.phases[0].items.find((i) => i.title.startsWith("Inline clause citations"));
    const before = fs.readFileSync(roadmapPath(), "utf8").split("\n");
    assert.equal(await vscode.commands.executeCommand("pmWorkbench.roadmap.setStatus", { kind: "item", roadmap, item }, "done"), true);
    const after = fs.readFileSync(roadmapPath(), "utf8").split("\n");
    assert.equal(after.length, before.length);
    const changed = after.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
    assert.deepEqual(changed, [item.line]);
    assert.match(after[item.line], /^- \[x\] Inline clause citations experiment .*status:done/);
    // The view follows the file: it refreshes when the server reports the roadmap changed.
    let [reread] = api.roadmap.roadmaps;
    while (reread.phases[0].progress.done !== 2) [reread] = await once(api.roadmap.onDidRefresh);
    assert.equal(reread.phases[0].progress.done, 2);
  });

  it("refuses to set the status when the line changed since the view read it", async () => {
    const [roadmap] = await api.roadmap.reload();
    const item = roadmap.phases[1].items[0];
    const stale = { ...item, lineText: item.lineText + " edited elsewhere" };
    const before = fs.readFileSync(roadmapPath(), "utf8");
    assert.equal(await vscode.commands.executeCommand("pmWorkbench.roadmap.setStatus", { kind: "item", roadmap, item: stale }, "done"), false);
    assert.equal(fs.readFileSync(roadmapPath(), "utf8"), before);
  });
});

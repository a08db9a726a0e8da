// In a workspace of two folders (scripts/vscode/e2e.mjs opens the examples and a second root
// holding a copy of the roadmap): what the Roadmap view creates goes in the roadmap's own folder.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");

const EXTENSION_ID = "pm-workbench.pm-workbench";
let api;
const once = (event) => new Promise((resolve) => { const d = event((e) => { d.dispose(); resolve(e); }); });
const second = () => vscode.workspace.workspaceFolders[1].uri.fsPath;

before(async () => {
  api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
  await api.ready;
});

describe("Roadmap view in a multi-root workspace", () => {
  it("Create Spec and Link puts the spec in the folder of the roadmap it is linked from, not the first folder", async () => {
    assert.equal(vscode.workspace.workspaceFolders.length, 2);
    let roadmaps = await api.roadmap.reload();
    while (!roadmaps.some((r) => vscode.Uri.parse(r.uri).fsPath.startsWith(second()))) roadmaps = await once(api.roadmap.onDidRefresh);
    const roadmap = roadmaps.find((r) => vscode.Uri.parse(r.uri).fsPath.startsWith(second()));
    const item = roadmap.phases.flatMap((p) => p.items).find((i) => i.title.startsWith("Claim document upload by chat"));
    const shown = once(api.onDidShowPrompt);
    const result = vscode.commands.executeCommand("pmWorkbench.roadmap.createSpec", { kind: "item", roadmap, item }, { template: "one-pager", title: "Upload in the second root", owner: "ken.li", lang: "en" });
    assert.equal((await shown).title, "New spec: folder");
    await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
    const uri = await result;
    assert.equal(path.relative(second(), uri.fsPath), path.join("docs", "specs", "upload-in-the-second-root.md"));
    assert.equal(fs.readFileSync(path.join(second(), "ROADMAP.md"), "utf8").split("\n")[item.line], `${item.lineText} spec:[Upload in the second root](docs/specs/upload-in-the-second-root.md)`);
  });
});

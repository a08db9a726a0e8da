// Mocha inside the real extension host (VS Code's test harness expects it there): runs every
// *.test.cjs beside this file (or those whose names contain PMW_E2E_ONLY). *.multi-root.test.cjs
// need a workspace of two folders: they run in the second pass, when PMW_HOST_WORKSPACE=multi-root.
const Mocha = require("mocha");
const fs = require("node:fs");
const path = require("node:path");

exports.run = function run() {
  const mocha = new Mocha({ ui: "bdd", timeout: 30_000, color: false, reporter: "spec" });
  const multiRoot = process.env.PMW_HOST_WORKSPACE === "multi-root";
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.cjs") && f.endsWith(".multi-root.test.cjs") === multiRoot && f.includes(process.env.PMW_E2E_ONLY ?? ""));
  for (const f of files.sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
};

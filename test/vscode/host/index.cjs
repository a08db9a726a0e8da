// Mocha inside the real extension host (VS Code's test harness expects it there): runs every
// *.test.cjs beside this file.
const Mocha = require("mocha");
const fs = require("node:fs");
const path = require("node:path");

exports.run = function run() {
  const mocha = new Mocha({ ui: "bdd", timeout: 30_000, color: false, reporter: "spec" });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.cjs")).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
};

/** Entry of dist/server.js: `node dist/server.js --stdio` (or `pmw lsp --stdio`). */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { findRule } from "../core/rules";
import { startServer } from "./server";

// Fault injection for the robustness tests: PMW_FAULT_RULE=<rule> makes that rule throw.
const faulty = process.env["PMW_FAULT_RULE"] ? findRule(process.env["PMW_FAULT_RULE"]) : undefined;
if (faulty) {
  faulty.check = () => {
    throw new Error(`injected fault in ${faulty.name}`);
  };
}

const connection = createConnection(ProposedFeatures.all);
// Nothing the server does may take it down: log and carry on.
process.on("uncaughtException", (e) => connection.console.error(`pm-workbench: unexpected error: ${e.stack ?? e.message}`));
process.on("unhandledRejection", (e) => connection.console.error(`pm-workbench: unexpected rejection: ${String(e)}`));
startServer(connection);

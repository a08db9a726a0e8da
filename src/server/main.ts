/** Entry of dist/server.js: `node dist/server.js --stdio` (or `pmw lsp --stdio`). */
import { createConnection, ProposedFeatures, StreamMessageReader } from "vscode-languageserver/node";
import { findRule } from "../core/rules";
import { startServer } from "./server";
import { FramedMessageWriter } from "./transport";
import { inspect } from "node:util";

// Fault injection for the robustness tests: PMW_FAULT_RULE=<rule> makes that rule throw.
const faulty = process.env["PMW_FAULT_RULE"] ? findRule(process.env["PMW_FAULT_RULE"]) : undefined;
if (faulty) {
  faulty.check = () => {
    throw new Error(`injected fault in ${faulty.name}`);
  };
}

// Over stdio, messages go out framed in one write each (transport.ts); the rest is what the stock
// stdio transport does: exit when the editor closes stdin (0 after a shutdown request, else 1),
// and keep stray console output off stdout, which carries nothing but messages.
const stdio = process.argv.includes("--stdio");
const connection = stdio ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new FramedMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
if (stdio) {
  let shutdownReceived = false;
  connection.onShutdown(() => {
    shutdownReceived = true;
  });
  const editorGone = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on("end", editorGone);
  process.stdin.on("close", editorGone);
  const toLog = (...args: unknown[]) => connection.console.log(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
  console.log = console.info = console.warn = console.error = console.debug = toLog;
}
// Nothing the server does may take it down: log and carry on.
process.on("uncaughtException", (e) => connection.console.error(`pm-workbench: unexpected error: ${e.stack ?? e.message}`));
process.on("unhandledRejection", (e) => connection.console.error(`pm-workbench: unexpected rejection: ${String(e)}`));
startServer(connection);

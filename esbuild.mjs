// Bundles the CLI and the language server into dist/. `--watch` rebuilds on change.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const watch = process.argv.includes("--watch");

// src/core must stay editor-agnostic: it may import only these packages and Node built-ins.
const CORE_ALLOWED = new Set(["markdown-it", "yaml", "jsonc-parser", "ajv"]);

/** Fails the build when a file under src/core imports an editor, LSP or other non-core package. */
const coreBoundary = {
  name: "core-boundary",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (!args.importer.includes(`${path.sep}src${path.sep}core${path.sep}`)) return undefined;
      if (args.path.startsWith("node:")) return undefined;
      const pkg = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
      if (CORE_ALLOWED.has(pkg)) return undefined;
      return { errors: [{ text: `src/core must not import "${args.path}" (allowed: ${[...CORE_ALLOWED].join(", ")}, node:*). Move editor code to src/server or src/cli.` }] };
    });
  },
};

// src/extension is a client of the server: VS Code, the language client, Node built-ins and the
// shared protocol types, never the engine (rules, templates) or the server.
const EXTENSION_ALLOWED = new Set(["vscode", "vscode-languageclient"]);

/** Fails the build when src/extension imports the engine, the server or another package. */
const extensionBoundary = {
  name: "extension-boundary",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      const dir = `${path.sep}src${path.sep}extension${path.sep}`;
      if (!args.importer.includes(dir)) return undefined;
      if (args.path.startsWith(".")) {
        const target = path.resolve(path.dirname(args.importer), args.path);
        if (target.includes(dir) || target === path.resolve("src/protocol") || target === path.resolve("src/protocol.ts")) return undefined;
        return { errors: [{ text: `src/extension must not import "${args.path}": ask the language server through a request in src/protocol.ts instead.` }] };
      }
      if (args.path.startsWith("node:")) return undefined;
      const pkg = args.path.split("/")[0];
      if (EXTENSION_ALLOWED.has(pkg)) return undefined;
      return { errors: [{ text: `src/extension must not import "${args.path}" (allowed: ${[...EXTENSION_ALLOWED].join(", ")}, node:*, src/protocol.ts).` }] };
    });
  },
};

/** The MCP server runs the engine in-process without the language server: src/mcp never imports src/server. */
const mcpBoundary = {
  name: "mcp-boundary",
  setup(build) {
    const serverDir = path.resolve("src", "server") + path.sep;
    build.onResolve({ filter: /^\./ }, (args) => {
      if (!args.importer.includes(`${path.sep}src${path.sep}mcp${path.sep}`)) return undefined;
      if (!(path.resolve(args.resolveDir, args.path) + path.sep).startsWith(serverDir)) return undefined;
      return { errors: [{ text: `src/mcp must not import "${args.path}" from src/server; share the code through src/core or src/node.` }] };
    });
  },
};

const pkg = JSON.parse(readFileSync("package.json", "utf8"));

const options = {
  entryPoints: { cli: "src/cli/main.ts", server: "src/server/main.ts", mcp: "src/mcp/main.ts" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ["module", "main"],
  outdir: "dist",
  sourcemap: true,
  // Smaller bundles load faster (start-up counts for the CLI in CI and the server per editor);
  // identifiers keep their names, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  define: { PMW_VERSION: JSON.stringify(pkg.version) },
  banner: { js: "#!/usr/bin/env node" },
  plugins: [coreBoundary, mcpBoundary],
};

// `--tests`: bundle each test file under test/ into out/test/ for `node --test`.
if (process.argv.includes("--tests")) {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== "fixtures") walk(p);
      else if (e.isFile() && /\.test\.ts$/.test(e.name)) files.push(p);
    }
  };
  walk("test");
  await esbuild.build({
    ...options,
    entryPoints: files,
    outdir: "out/test",
    outbase: "test",
    banner: {},
    // Tests find fixtures, templates and dist/ from the repository root.
    define: { ...options.define, PMW_ROOT: JSON.stringify(path.resolve(".")) },
  });
  process.exit(0);
}

// The VS Code extension: no shebang, `vscode` supplied by the editor. `--minify` for the .vsix.
const extensionOptions = {
  ...options,
  // extension.js is the small entry point; workbench.js (the client) is loaded right after activation.
  entryPoints: { extension: "src/extension/main.ts", workbench: "src/extension/workbench.ts" },
  external: ["vscode"],
  banner: {},
  plugins: [extensionBoundary],
  ...(process.argv.includes("--minify") ? { minify: true, sourcemap: false } : {}),
};

if (watch) {
  const contexts = await Promise.all([esbuild.context(options), esbuild.context(extensionOptions)]);
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("watching src/ ...");
} else {
  await Promise.all([esbuild.build(process.argv.includes("--minify") ? { ...options, minify: true } : options), esbuild.build(extensionOptions)]);
}

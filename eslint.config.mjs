import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "out/", "node_modules/", ".cache/", "bench-out/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The engine stays editor-agnostic (the build enforces the same).
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["vscode", "vscode-*", "../server/*", "../cli/*", "../extension/*", "../node/*"] }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ObjectExpression > Property[kind=/^(get|set)$/]",
          message: "An accessor in an object literal gives every object its own hidden class, which keeps the whole lint alive in the old heap until a full GC. Use a class with the accessor on its prototype.",
        },
      ],
    },
  },
);

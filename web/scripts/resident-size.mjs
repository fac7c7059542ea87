// Prints the gzip size of the residents' pages' first-load JavaScript (the /m entry and the
// chunks it preloads) and fails when it exceeds the budget (DESIGN.md §4: 150 KB).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 150 * 1024;
const dist = new URL('../dist/', import.meta.url);
const html = readFileSync(new URL('m.html', dist), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/admin\/([^"]+\.js)"/g)].map((m) => m[1]);
if (files.length === 0) throw new Error('dist/m.html loads no script: is the /m entry built?');
let total = 0;
for (const file of new Set(files)) {
  const size = gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
  total += size;
  process.stdout.write(`  ${file}  ${(size / 1024).toFixed(1)} KB gzip\n`);
}
process.stdout.write(`/m first-load JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)\n`);
if (total > BUDGET) {
  console.error('over budget');
  process.exit(1);
}

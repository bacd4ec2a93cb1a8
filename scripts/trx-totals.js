// Prints each test project's counts and wall time (from its .trx), then the sums as one line
// "N passed, N failed[, N skipped]". Exits 1 when a test failed or when no test ran at all.
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.trx')) files.push(p);
  }
})(dir);

let passed = 0, failed = 0, skipped = 0, total = 0;
for (const f of files) {
  const trx = fs.readFileSync(f, 'utf8');
  const m = /<Counters\b([^>]*)\/>/.exec(trx);
  if (!m) continue;
  const attr = (n) => Number((new RegExp(`\\b${n}="(\\d+)"`).exec(m[1]) || [])[1] || 0);
  const times = /<Times\b[^>]*\bstart="([^"]+)"[^>]*\bfinish="([^"]+)"/.exec(trx);
  const project = (/\bstorage="([^"]+)"/.exec(trx) || [])[1];
  const seconds = times ? Math.round((Date.parse(times[2]) - Date.parse(times[1])) / 1000) : NaN;
  console.log(`  ${project ? path.basename(project, '.dll') : path.basename(f)}: ${attr('passed')} passed, ` +
    `${attr('failed') + attr('error') + attr('timeout') + attr('aborted')} failed in ${seconds} s`);
  total += attr('total');
  passed += attr('passed');
  failed += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
  skipped += attr('notExecuted');
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
if (failed > 0 || passed === 0 || files.length === 0) process.exit(1);

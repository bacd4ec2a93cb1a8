// Bundles the "Tiến độ" tab page (src/Bot/Tab/web) into dist/ with esbuild: app.js, config.js, app.css and the two
// pages; prints the first load's size after gzip and fails when it exceeds the 400 KB budget.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'app.js'), join(here, 'config.js'), join(here, 'app.css')],
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
});
for (const page of ['index.html', 'config.html']) copyFileSync(join(here, page), join(out, page));
const budget = 400 * 1024;
const firstLoad = ['index.html', 'app.js', 'app.css'].reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
console.log(`tab page built in ${out}: first load ${(firstLoad / 1024).toFixed(1)} KB after gzip (budget 400 KB)`);
if (firstLoad > budget) {
  console.error('tab page: the first load exceeds the 400 KB budget');
  process.exit(1);
}

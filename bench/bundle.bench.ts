/**
 * Task pane bundle size against the budget of DESIGN.md: the first screen's JavaScript under 150 KB
 * gzipped. Prints the gzipped size of every built JS file and the first-screen total (the scripts
 * taskpane.html loads itself; lazy chunks and the engine worker come later and are listed apart).
 * Builds into dist/ first when dist/ is missing or older than the sources. The browser test checks the
 * same budget on its own build (test/browser/taskpane.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { buildBundle, newestMtime, ROOT } from '../scripts/build-bundle';
import { FIRST_SCREEN_BUDGET, firstScreenScripts, scriptSize } from '../scripts/bundle-size';

const DIST = join(ROOT, 'dist');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function ensureBuilt(): Promise<void> {
  const html = join(DIST, 'taskpane.html');
  const stale = !existsSync(html) || statSync(html).mtimeMs < Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'webpack.config.js')).mtimeMs);
  if (!stale) return;
  process.stdout.write('bundle: building dist/ (production)…\n');
  await buildBundle({ mode: 'production', outputPath: DIST });
}

export async function run(): Promise<void> {
  await ensureBuilt();
  const first = new Set(firstScreenScripts(readFileSync(join(DIST, 'taskpane.html'), 'utf8')));
  const rows = readdirSync(DIST)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const size = scriptSize(DIST, f);
      return { file: f, raw: size.raw, gz: size.gzip, first: first.has(f) };
    })
    .sort((a, b) => Number(b.first) - Number(a.first) || b.gz - a.gz);
  for (const r of rows) {
    const role = r.first ? 'first screen' : r.file.startsWith('engine-worker') ? 'worker (on check)' : 'lazy';
    process.stdout.write(`bundle: ${r.file.padEnd(28)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(10)} gzip  ${role}\n`);
  }
  const total = rows.filter((r) => r.first).reduce((s, r) => s + r.gz, 0);
  const verdict = total <= FIRST_SCREEN_BUDGET ? 'within' : 'OVER';
  process.stdout.write(`bundle: first screen ${kb(total)} gzip — ${verdict} the ${kb(FIRST_SCREEN_BUDGET)} budget\n`);
}

if (require.main === module) {
  run().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}

/**
 * Task pane bundle size against the budget of DESIGN.md: the first screen's JavaScript under 300 KB
 * gzipped. Prints the gzipped size of every built JS file and the first-screen total (the scripts
 * taskpane.html loads itself; lazy chunks and the engine worker come later and are listed apart).
 * Builds into dist/ first when dist/ is missing or older than the sources.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { buildBundle, newestMtime, ROOT } from '../scripts/build-bundle';

/** The first-screen budget, gzipped. */
export const FIRST_SCREEN_BUDGET = 300 * 1024;

const DIST = join(ROOT, 'dist');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Local script files taskpane.html loads directly (the CDN office.js is not ours and not counted). */
export function firstScreenScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) {
    const src = m[1];
    if (/^[a-z]+:\/\//i.test(src)) continue;
    out.push(src.replace(/[?#].*$/, ''));
  }
  return out;
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
      const bytes = readFileSync(join(DIST, f));
      return { file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length, first: first.has(f) };
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

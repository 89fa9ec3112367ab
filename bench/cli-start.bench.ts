/**
 * How long `recon` takes to start (DESIGN.md "Budgets": under 0.3 s): `recon --help` and `recon verify`
 * on a missing file, each run 7 times as a user runs them (`node bin/recon.cjs`), the median wall time.
 * The compiled CLI (`npm run build:cli`, run by `npm install`) is built first when it is not current,
 * and the tsx fallback is timed too, for comparison. Prints:
 *
 *   cli-start recon --help median=0.09s max=0.11s (budget 0.3s) from-source median=0.45s
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'recon.cjs');
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  return seconds;
}

/** Runs the bench: compiles the CLI if needed, then times the starts. */
export async function run(): Promise<void> {
  const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build:cli failed: ${build.stdout}${build.stderr}`);
  const cases: [string, string[]][] = [['--help', ['--help']], ['verify <missing file>', ['verify', path.join(ROOT, 'no-such-file.xlsx')]]];
  for (const [label, args] of cases) {
    timed(args); // the file cache warmed, as for a user's second run
    const times = Array.from({ length: RUNS }, () => timed(args));
    const fromSource = Array.from({ length: 3 }, () => timed(args, { ...process.env, RECON_FROM_SOURCE: '1' }));
    console.log(`cli-start recon ${label} median=${median(times).toFixed(2)}s max=${Math.max(...times).toFixed(2)}s (budget 0.3s) from-source median=${median(fromSource).toFixed(2)}s`);
  }
}

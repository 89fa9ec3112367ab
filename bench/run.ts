/**
 * `npm run bench`: runs every `bench/*.bench.ts` in name order. Each module exports
 * `async function run(): Promise<void>` and prints its own lines. Arguments filter by name
 * (`npm run bench -- validation matching`). A failing bench is reported and the others still run;
 * the exit code is then 1. Started with `--expose-gc` (see package.json) so benches can measure memory
 * from a collected heap.
 */
import { readdirSync } from 'fs';
import * as path from 'path';

interface BenchModule {
  run?: () => Promise<void>;
}

async function main(filters: string[]): Promise<number> {
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.error(`bench: no bench/*.bench.ts matches ${filters.join(', ')}`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    console.log(`── ${name}`);
    const started = process.hrtime.bigint();
    try {
      // Loaded one by one so a bench's imports cost nothing until it runs.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- dynamic per-file load of TypeScript modules under tsx
      const mod = require(path.join(__dirname, file)) as BenchModule;
      if (typeof mod.run !== 'function') throw new Error('exports no run()');
      await mod.run();
    } catch (e) {
      failed++;
      console.error(`bench ${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`── ${name} done in ${seconds.toFixed(1)}s`);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

/**
 * What the task pane's first screen costs: the JavaScript taskpane.html loads itself, gzipped, against
 * DESIGN.md's budget, and which source modules that JavaScript is built from. Shared by the bundle-size
 * bench (bench/bundle.bench.ts) and the browser test, which checks its own production build.
 */
import { readFileSync } from 'fs';
import { join, relative } from 'path';
import { gzipSync } from 'zlib';
import type webpack from 'webpack';

/** DESIGN.md, Budgets: "the first screen's JavaScript under 150 KB gzipped". */
export const FIRST_SCREEN_BUDGET = 150 * 1024;

/** The webpack entry taskpane.html loads (webpack.config.js); the engine worker is the other one. */
export const FIRST_SCREEN_ENTRY = 'taskpane';

/** One built script and its size. */
export interface ScriptSize {
  file: string;
  raw: number;
  gzip: number;
}

/** Local script files taskpane.html loads directly (the CDN office.js is not ours and not counted). */
export function firstScreenScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) {
    const src = m[1];
    if (/^[a-z]+:\/\//i.test(src) || src.startsWith('//')) continue;
    out.push(src.replace(/[?#].*$/, ''));
  }
  return out;
}

/** Raw and gzipped (level 9, as a server would send it) size of a built file. */
export function scriptSize(dir: string, file: string): ScriptSize {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The first-screen scripts of the build in `dir` (read from its taskpane.html) with their sizes. */
export function firstScreenSizes(dir: string): ScriptSize[] {
  return firstScreenScripts(readFileSync(join(dir, 'taskpane.html'), 'utf8')).map((f) => scriptSize(dir, f));
}

/**
 * The source files of the modules in the chunks an entry point loads up front, sorted, as
 * project-relative paths ("src/taskpane/App.tsx"; packages as "node_modules/react-dom/…" whether
 * node_modules is a folder or a link). Modules webpack concatenated into one are listed one by one, so
 * a check on paths sees every file that made it into the first screen.
 */
export function entryModules(stats: webpack.Stats, entry: string, root: string): string[] {
  const { compilation } = stats;
  const entrypoint = compilation.entrypoints.get(entry);
  if (!entrypoint) throw new Error(`the webpack build has no entry point "${entry}"`);
  const files = new Set<string>();
  const visit = (m: webpack.Module): void => {
    // A ConcatenatedModule (production's scope hoisting) holds the modules it joined.
    const inner = (m as { modules?: Iterable<webpack.Module> }).modules;
    if (inner) {
      for (const x of inner) visit(x);
      return;
    }
    const file = m.nameForCondition();
    if (file) files.add(projectPath(file, root));
  };
  for (const chunk of entrypoint.chunks) {
    for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(m);
  }
  return [...files].sort();
}

function projectPath(file: string, root: string): string {
  const slashed = file.split('\\').join('/');
  const at = slashed.indexOf('/node_modules/');
  return at >= 0 ? slashed.slice(at + 1) : relative(root, file).split('\\').join('/');
}

/**
 * A plugin for builds that only need the first screen at its shipped size (the browser test): every
 * JavaScript file outside the entry's own chunks is marked as already minimized, so webpack's
 * production minimizer (the same one, with the same options, as `npm run build`) works on the
 * first-screen scripts alone. Minifying the engine worker and the lazy chunks is most of a production
 * build's time on a busy 2-core machine and changes nothing the browser test looks at.
 */
export function minifyOnlyEntry(entry: string): webpack.WebpackPluginInstance {
  return {
    apply(compiler: webpack.Compiler): void {
      const { Compilation } = compiler.webpack;
      compiler.hooks.thisCompilation.tap('MinifyOnlyEntry', (compilation) => {
        compilation.hooks.processAssets.tap({ name: 'MinifyOnlyEntry', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, () => {
          const entrypoint = compilation.entrypoints.get(entry);
          if (!entrypoint) throw new Error(`the webpack build has no entry point "${entry}"`);
          const keep = new Set<string>();
          for (const chunk of entrypoint.chunks) for (const file of chunk.files) keep.add(file);
          for (const asset of compilation.getAssets()) {
            if (/\.[cm]?js$/.test(asset.name) && !keep.has(asset.name)) compilation.updateAsset(asset.name, asset.source, { minimized: true });
          }
        });
      });
    },
  };
}

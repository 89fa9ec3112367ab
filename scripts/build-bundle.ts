/**
 * Builds the task pane with webpack's Node API, from the same webpack.config.js as `npm run build`.
 * Shared by the bundle-size bench and the browser test, which build into their own directories.
 */
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import webpack from 'webpack';

export const ROOT = join(__dirname, '..');

export interface BuildOptions {
  mode: 'production' | 'development';
  outputPath: string;
  /** Default true; tests turn them off to build faster. */
  sourceMaps?: boolean;
  /** Added after the config's own plugins (the browser test's build narrows what is minified). */
  plugins?: webpack.WebpackPluginInstance[];
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string; outputPath: string; sourceMaps?: boolean }) => Promise<webpack.Configuration>;

/** Runs one webpack build; rejects with webpack's error text when the build fails. */
export async function buildBundle(options: BuildOptions): Promise<webpack.Stats> {
  // webpack.config.js is CommonJS by design (webpack-cli loads it as is); require keeps it untranspiled.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the plain-JS config
  const factory = require(join(ROOT, 'webpack.config.js')) as ConfigFactory;
  const config = await factory({ WEBPACK_BUILD: true }, { mode: options.mode, outputPath: options.outputPath, sourceMaps: options.sourceMaps });
  // Relative entries in the config ("./src/…") resolve against the project, whatever the cwd.
  config.context = ROOT;
  if (options.plugins) config.plugins = [...(config.plugins ?? []), ...options.plugins];
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats) return reject(new Error('webpack returned no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      resolve(stats);
    });
  });
}

/** Newest modification time of any file under `dir` (0 when it does not exist). */
export function newestMtime(dir: string): number {
  let newest = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/**
 * Builds what the browser test serves: the real task pane (webpack.config.js) and the office.js
 * stand-in (harness.ts with the fake Excel), each into its own directory. The test runs this file in
 * a child process (`tsx test/browser/build.ts <dir>`): webpack inside jest's module sandbox is several
 * times slower than in plain node.
 */
import { join, resolve } from 'path';
import webpack from 'webpack';
import { buildBundle, ROOT } from '../../scripts/build-bundle';
import { entryModules, FIRST_SCREEN_ENTRY, minifyOnlyEntry } from '../../scripts/bundle-size';

/** Bundles test/browser/harness.ts into `<outDir>/office-harness.js` for the browser. */
export function buildHarness(outDir: string): Promise<string> {
  const config: webpack.Configuration = {
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry: { 'office-harness': './test/browser/harness.ts' },
    output: { path: outDir, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } } },
        },
      ],
    },
    performance: { hints: false },
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'no stats'));
      resolve(join(outDir, 'office-harness.js'));
    });
  });
}

/** What {@link buildAll} built. */
export interface BrowserBuild {
  /** The task pane as served: taskpane.html and its scripts. */
  appDir: string;
  harnessFile: string;
  /** Project-relative source files of the first screen's scripts (see scripts/bundle-size.ts). */
  firstScreenModules: string[];
}

/**
 * Builds the task pane and the harness, side by side. The pane is a production build (production
 * React, tree shaking, the shipped chunks) in which only the first screen's scripts go through the
 * minifier: they are what the size check measures, at the bytes `npm run build` ships; minifying the
 * engine worker and the lazy chunks too would cost a minute or more on a busy 2-core machine.
 */
export async function buildAll(tmp: string): Promise<BrowserBuild> {
  const appDir = join(tmp, 'app');
  const [stats, harnessFile] = await Promise.all([
    buildBundle({ mode: 'production', outputPath: appDir, sourceMaps: false, plugins: [minifyOnlyEntry(FIRST_SCREEN_ENTRY)] }),
    buildHarness(join(tmp, 'harness')),
  ]);
  return { appDir, harnessFile, firstScreenModules: entryModules(stats, FIRST_SCREEN_ENTRY, ROOT) };
}

if (require.main === module) {
  const tmp = process.argv[2] ? resolve(process.argv[2]) : '';
  if (!tmp) throw new Error('usage: tsx test/browser/build.ts <output-dir>');
  buildAll(tmp).then(
    (out) => process.stdout.write(`${JSON.stringify(out)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

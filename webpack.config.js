// Webpack build of the task pane, shaped like Microsoft's "Excel Task Pane React" template.
//   npm run build        production bundle into dist/ (offline; needs no certificates)
//   npm run dev-server   https://localhost:3000 with Office's trusted dev certificates
// ADDIN_PUBLIC_URL=https://example.com/recon/ npm run build  rewrites the manifest's dev URL in dist/.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';

/** The production URL from the environment, normalised to end in "/", or null when none is set. */
function publicUrl() {
  const raw = (process.env.ADDIN_PUBLIC_URL || '').trim();
  if (!raw) return null;
  if (!/^https:\/\//i.test(raw)) throw new Error(`ADDIN_PUBLIC_URL must be an https URL, got "${raw}"`);
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/**
 * Dev-server TLS options. Only `webpack serve` asks for them: getHttpsServerOptions() creates and trusts
 * a local CA on first use, which a plain build (CI, a fresh machine, offline) must never need.
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

/**
 * @param {Record<string, unknown>} env webpack-cli's env (WEBPACK_SERVE is set by `webpack serve`)
 * @param {{ mode?: string, outputPath?: string, sourceMaps?: boolean }} argv mode; tests also pass an
 *   output directory and may turn source maps off to build faster
 */
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const prodUrl = dev ? null : publicUrl();
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);

  /** @type {import('webpack').Configuration & { devServer?: import('webpack-dev-server').Configuration }} */
  const config = {
    mode: dev ? 'development' : 'production',
    devtool: argv.sourceMaps === false ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // The check engine runs in a Web Worker; its bundle is loaded only when a check starts.
      'engine-worker': './src/taskpane/engine-worker.ts',
    },
    output: {
      path: argv.outputPath || path.resolve(__dirname, 'dist'),
      // The worker is fetched by this fixed name (src/taskpane/engine-runner.ts); lazy chunks get hashes.
      filename: '[name].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npm run typecheck`; here we only transpile, keeping builds fast.
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              // ES modules let webpack tree-shake Fluent UI and split lazy chunks (tsconfig says commonjs for node).
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // Cache-busting query: Office's web views cache add-in pages hard.
        hash: true,
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/taskpane/help.html',
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              if (!prodUrl) return content;
              return content.toString().split(DEV_URL).join(prodUrl);
            },
          },
        ],
      }),
    ],
    performance: {
      // Budgets are measured gzipped by `npm run bench` (bench/bundle.bench.ts), not by raw size here.
      hints: false,
    },
    devServer: {
      port,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };

  if (env.WEBPACK_SERVE) {
    config.devServer.server = { type: 'https', options: await httpsOptions() };
  }
  return config;
};

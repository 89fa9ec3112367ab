import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkManifest } from '../../scripts/check-manifest';
import { ICON_SIZES } from '../../scripts/make-icons';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

type Factory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<{
  mode: string;
  devtool: unknown;
  entry: Record<string, string>;
  plugins: { patterns?: { from: string; transform?: (c: Buffer) => Buffer | string }[] }[];
  devServer: { port: number; server?: unknown };
}>;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is plain CommonJS by design
const factory = require(join(ROOT, 'webpack.config.js')) as Factory;

/** The manifest as `npm run build` would copy it into dist/. */
async function builtManifest(env: Record<string, string | undefined>): Promise<string> {
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (env.ADDIN_PUBLIC_URL === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = env.ADDIN_PUBLIC_URL;
  try {
    const config = await factory({ WEBPACK_BUILD: true }, { mode: 'production' });
    const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === 'manifest*.xml');
    if (!pattern?.transform) throw new Error('no manifest copy pattern');
    return String(pattern.transform(Buffer.from(MANIFEST)));
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
}

describe('webpack.config.js', () => {
  it('builds the task pane and the engine worker, needing no certificates', async () => {
    const config = await factory({ WEBPACK_BUILD: true }, { mode: 'production' });
    expect(config.entry).toEqual({ taskpane: './src/taskpane/index.tsx', 'engine-worker': './src/taskpane/engine-worker.ts' });
    expect(config.devServer.port).toBe(3000);
    // Only `webpack serve` asks office-addin-dev-certs for https options (which may install a CA).
    expect(config.devServer.server).toBeUndefined();
  });

  it('copies the manifest unchanged when no production URL is configured', async () => {
    await expect(builtManifest({ ADDIN_PUBLIC_URL: undefined })).resolves.toBe(MANIFEST);
  });

  it('rewrites every dev URL to the configured production URL', async () => {
    const out = await builtManifest({ ADDIN_PUBLIC_URL: 'https://addins.example.com/recon' });
    expect(out).not.toContain('localhost');
    expect(out).toContain('<SourceLocation DefaultValue="https://addins.example.com/recon/taskpane.html"/>');
    expect(out).toContain('DefaultValue="https://addins.example.com/recon/assets/icon-16.png"');

    // The rewritten manifest, beside the icons as dist/ has them, still passes the offline check.
    const dir = mkdtempSync(join(tmpdir(), 'dist-manifest-'));
    try {
      mkdirSync(join(dir, 'assets'));
      for (const size of ICON_SIZES) copyFileSync(join(ROOT, 'assets', `icon-${size}.png`), join(dir, 'assets', `icon-${size}.png`));
      writeFileSync(join(dir, 'manifest.xml'), out);
      expect(checkManifest(join(dir, 'manifest.xml'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a production URL that is not https', async () => {
    await expect(builtManifest({ ADDIN_PUBLIC_URL: 'http://addins.example.com/' })).rejects.toThrow(/must be an https URL/);
  });
});

import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkManifest, ManifestProblem, pngSize } from '../../scripts/check-manifest';
import { drawIcon, encodePng, ICON_SIZES } from '../../scripts/make-icons';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const original = readFileSync(MANIFEST, 'utf8');

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifest-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `xml` beside a copy of the real icons (so only the intended defect differs) and checks it. */
function checkCopy(name: string, xml: string, icons: Record<number, Buffer | null> = {}): ManifestProblem[] {
  const caseDir = join(dir, name);
  mkdirSync(join(caseDir, 'assets'), { recursive: true });
  for (const size of ICON_SIZES) {
    const replacement = icons[size];
    const target = join(caseDir, 'assets', `icon-${size}.png`);
    if (replacement === undefined) copyFileSync(join(ROOT, 'assets', `icon-${size}.png`), target);
    else if (replacement !== null) writeFileSync(target, replacement);
  }
  writeFileSync(join(caseDir, 'manifest.xml'), xml);
  return checkManifest(join(caseDir, 'manifest.xml'));
}

function replaced(from: string | RegExp, to: string): string {
  const next = original.replace(from, to);
  if (next === original) throw new Error(`test setup: ${String(from)} not found in manifest.xml`);
  return next;
}

describe('the real manifest', () => {
  it('passes every offline check', () => {
    expect(checkManifest(MANIFEST)).toEqual([]);
  });

  it('passes through the npm script entry point (exit code 0)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'check-manifest.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/manifest OK/);
  });

  it('declares ExcelApi 1.9 and explains why in a comment', () => {
    expect(original).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
    expect(original).toMatch(/<!--[^]*getRanges[^]*getCellProperties[^]*isSetSupported[^]*-->/);
  });

  it('has a Chinese name and description for zh-CN', () => {
    expect(original).toMatch(/<DisplayName[^>]*>\s*<Override Locale="zh-CN" Value="对账助手"\/>/);
    expect(original).toMatch(/<Description[^>]*>\s*<Override Locale="zh-CN" Value="[^"]+"\/>/);
  });

  it('puts its button on the Home tab, showing the task pane', () => {
    expect(original).toMatch(/<OfficeTab id="TabHome">[^]*<Action xsi:type="ShowTaskpane">[^]*<\/OfficeTab>/);
  });
});

describe('broken copies', () => {
  it.each<[string, () => string, ManifestProblem['code'], RegExp]>([
    ['an unclosed element', () => replaced('</Hosts>\n  <!--', '\n  <!--'), 'xml', /not well-formed/],
    ['a non-GUID Id', () => replaced(/<Id>[^<]+<\/Id>/, '<Id>my-add-in</Id>'), 'id', /not a GUID/],
    ['an http icon URL', () => replaced('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'), 'https', /IconUrl.*not https/],
    ['an http task pane URL', () => replaced('<bt:Url id="Recon.Taskpane.Url" DefaultValue="https://', '<bt:Url id="Recon.Taskpane.Url" DefaultValue="http://'), 'https', /not https/],
    ['a resid nobody defines', () => replaced('<Label resid="Recon.Group.Label"/>', '<Label resid="Recon.Nowhere"/>'), 'resid', /Recon\.Nowhere.*not defined/],
    ['a label pointing at a URL resource', () => replaced('<Label resid="Recon.Group.Label"/>', '<Label resid="Recon.Help.Url"/>'), 'resid', /needs a short resource/],
    ['a resource defined twice', () => replaced('<bt:Url id="Recon.Help.Url"', '<bt:Url id="Recon.Taskpane.Url"'), 'resid', /defined twice/],
    ['no ExcelApi requirement', () => replaced(/<Requirements>[^]*?<\/Requirements>/, ''), 'requirements', /no <Set Name="ExcelApi">/],
    ['Permissions before DefaultSettings', () => replaced(
      /(<DefaultSettings>[^]*?<\/DefaultSettings>)\s*(<Permissions>ReadWriteDocument<\/Permissions>)/, '$2\n  $1'), 'order', /DefaultSettings> must come before <Permissions/],
    ['a content add-in type', () => replaced('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), 'root', /TaskPaneApp/],
    ['a ribbon icon declared at the wrong size', () => replaced('<bt:Image size="80" resid="Recon.Icon.80"/>', '<bt:Image size="80" resid="Recon.Icon.32"/>'), 'icon', /32x32, declared 80x80/],
  ])('catches %s', (name, mutate, code, message) => {
    const problems = checkCopy(name.replace(/\W+/g, '-'), mutate());
    const hit = problems.find((p) => p.code === code);
    expect(hit?.message).toMatch(message);
  });

  it('catches a missing icon file', () => {
    const problems = checkCopy('missing-icon', original, { 16: null });
    expect(problems).toEqual([expect.objectContaining({ code: 'icon', message: expect.stringMatching(/icon-16\.png has no file/) })]);
  });

  it('catches an icon file drawn at the wrong size', () => {
    const problems = checkCopy('small-icon', original, { 64: encodePng(48, 48, drawIcon(48, 2)) });
    expect(problems).toEqual([expect.objectContaining({ code: 'icon', message: expect.stringMatching(/48x48, declared 64x64/) })]);
  });

  it('catches an icon that is not a PNG', () => {
    const problems = checkCopy('not-png', original, { 32: Buffer.from('<svg/>') });
    expect(problems.some((p) => p.code === 'icon' && /not a PNG/.test(p.message))).toBe(true);
  });

  it('exits non-zero on a broken copy', () => {
    checkCopy('cli-broken', replaced(/<Id>[^<]+<\/Id>/, '<Id>x</Id>'));
    let status = 0;
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'check-manifest.ts'), join(dir, 'cli-broken', 'manifest.xml')], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
  });
});

describe('the committed icons', () => {
  it.each(ICON_SIZES.map((s) => [s]))('icon-%i.png is a square PNG of that size', (size) => {
    expect(pngSize(readFileSync(join(ROOT, 'assets', `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });
});

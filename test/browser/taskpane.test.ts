/**
 * The task pane in a real browser: the production webpack config built into a temp dir (only the first
 * screen minified, see build.ts; its size is checked at the end), served on
 * 127.0.0.1, opened in Debian's Chromium (playwright-core), with Microsoft's office.js replaced by the
 * fake Excel holding a small sales workbook with mistakes. Nothing leaves the machine: every request
 * that is not to the local server (or the intercepted office.js) is aborted.
 */
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { Browser, chromium, Page } from 'playwright-core';
import { CellValue, SheetGrid } from '../../src/core/model/cells';
import { checkWorkbook } from '../../src/core/engine';
import { Finding, Severity } from '../../src/core/model/findings';
import { resolveSettings } from '../../src/core/model/settings';
import { ERROR_MESSAGES } from '../../src/excel/error-messages';
import { FIRST_SCREEN_BUDGET, firstScreenSizes } from '../../scripts/bundle-size';
import type { BrowserBuild } from './build';
import { SALES_WORKBOOK } from './sales-workbook';
import { serveDirectory } from './static-server';

const ROOT = join(__dirname, '..', '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = '/usr/bin/chromium';

jest.setTimeout(240_000);

let tmp: string;
let appDir: string;
let harness: string;
let firstScreenModules: string[];
let server: { url: string; close(): Promise<void> };
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
  tmp = mkdtempSync(join(tmpdir(), 'taskpane-browser-'));
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(__dirname, 'build.ts'), tmp], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const built = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as BrowserBuild;
  appDir = built.appDir;
  firstScreenModules = built.firstScreenModules;
  harness = readFileSync(built.harnessFile, 'utf8');
  server = await serveDirectory(appDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
  // An uncaught exception in the page is a bug even when the assertions passed.
  expect(pageErrors.splice(0)).toEqual([]);
});

/** Opens the pane with `officeJs` served in place of Microsoft's office.js. */
async function openPane(query = '', officeJs = harness): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) await route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs });
    else if (url.startsWith(server.url)) await route.continue();
    else await route.abort();
  });
  await page.goto(`${server.url}taskpane.html${query}`);
  return page;
}

interface Probe {
  selection(): { sheet: string; address: string } | null;
  setCellEditMode(on: boolean): void;
  sheetNames(): string[];
  filledCells(sheet: string): string[];
  holdRuns(): void;
  releaseRuns(): void;
  holdRunsAfter(n: number): void;
  review(id: string, status: string, reviewer: string, comment: string): boolean;
  validations(sheet: string): { address: string; rule: unknown; promptTitle: string }[];
  isProtected(sheet: string): boolean;
  userEdit(sheet: string, address: string, value: string | number): void;
  fill(sheet: string, address: string): string | null;
  savedColumnMap(): string;
  addFillRule(sheet: string, appliesTo: string): void;
}

/** Calls the harness probe in the page. */
function probe<K extends keyof Probe>(page: Page, name: K, ...args: Parameters<Probe[K]>): Promise<ReturnType<Probe[K]>> {
  return page.evaluate(
    ([n, a]) => {
      const p = (window as unknown as { __fakeExcel: Record<string, (...x: unknown[]) => unknown> }).__fakeExcel;
      return p[n as string](...(a as unknown[]));
    },
    [name, args] as [string, unknown[]],
  ) as Promise<ReturnType<Probe[K]>>;
}

/** The findings the engine gives for the test workbook, computed here in node. */
function expectedFindings(): Finding[] {
  const sheets: SheetGrid[] = Object.entries(SALES_WORKBOOK).map(([name, rows]) => ({ name, rows: rows as CellValue[][] }));
  return checkWorkbook({ sheets, settings: resolveSettings() }).report.findings;
}

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

async function shownCounts(page: Page): Promise<Record<Severity, number>> {
  const read = async (s: Severity): Promise<number> => Number(await page.locator(`[data-severity="${s}"]`).getAttribute('data-count'));
  return { error: await read('error'), warning: await read('warning'), info: await read('info') };
}

describe('the task pane in Chromium with the fake Excel', () => {
  it('checks the workbook, shows the counts, and selects the cell of a clicked finding', async () => {
    const expected = expectedFindings();
    const counts = countBySeverity(expected);
    expect(counts.error).toBeGreaterThan(0); // the workbook has mistakes; a pane showing none would be wrong

    const page = await openPane();
    await page.getByRole('button', { name: 'Check workbook' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    expect(await shownCounts(page)).toEqual(counts);

    // Click a finding on the Sales sheet: Excel's selection must move to exactly that cell.
    const target = expected.find((f) => f.sheet === 'Sales' && f.severity === 'error') ?? expected[0];
    const button = page.locator(`[data-cell="${target.sheet}!${target.cell}"]`).first();
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await page.waitForFunction(
      ([sheet, cell]) => {
        const sel = (window as unknown as { __fakeExcel: Probe }).__fakeExcel.selection();
        return sel !== null && sel.sheet === sheet && sel.address === cell;
      },
      [target.sheet, target.cell],
    );
    await expect(button.getAttribute('aria-current')).resolves.toBe('true');

    const shot = join(tmpdir(), 'taskpane-check.png');
    await page.screenshot({ path: shot, fullPage: true });
    await page.close();
  });

  it('speaks Chinese when Office displays in zh-CN', async () => {
    const page = await openPane('?lang=zh-CN');
    await page.getByRole('heading', { name: '对账助手' }).waitFor();
    await page.getByRole('button', { name: '检查工作簿' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    await expect(page.locator('[data-severity="error"]').textContent()).resolves.toContain('错误');
    await expect(page.getByRole('button', { name: '清除标记' }).isVisible()).resolves.toBe(true);
    // The findings come in Chinese too: the adapter runs the engine in Office's display language.
    const first = page.locator('[data-cell]').first();
    await first.waitFor();
    await expect(first.getAttribute('aria-label')).resolves.toMatch(/^转到 .+![A-Z]+\d+: .*[\u4e00-\u9fff]/);
    await page.screenshot({ path: join(tmpdir(), 'taskpane-zh.png'), fullPage: true });
    await page.close();
  });

  it('shows an Office failure as a message instead of failing silently', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Clear highlights' }).waitFor();
    await probe(page, 'setCellEditMode', true);
    await page.getByRole('button', { name: 'Clear highlights' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // The adapter's own words for cell-edit mode: what happened and what to do.
    await expect(alert.textContent()).resolves.toContain(ERROR_MESSAGES.InvalidOperationInCellEditMode.en);
    await page.close();
  });

  it('clears the highlights it wrote, putting the cells back', async () => {
    const expected = expectedFindings();
    const page = await openPane();
    await page.getByRole('button', { name: 'Check workbook' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    const flagged = [...new Set(expected.filter((f) => f.sheet === 'Sales').map((f) => f.cell))].sort();
    await expect(probe(page, 'filledCells', 'Sales')).resolves.toEqual(flagged);

    await page.getByRole('button', { name: 'Clear highlights' }).click();
    await page.getByText(/Highlights cleared: \d+ cell\(s\) restored\./).waitFor();
    await expect(probe(page, 'filledCells', 'Sales')).resolves.toEqual([]);
    await page.close();
  });

  it('cancels a running check and leaves the workbook as it was', async () => {
    const page = await openPane();
    const before = await probe(page, 'sheetNames');
    await probe(page, 'holdRuns');
    await page.getByRole('button', { name: 'Check workbook' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await probe(page, 'releaseRuns');
    await page.getByText('The check was cancelled. Nothing was changed.').waitFor();
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0);
    await expect(probe(page, 'sheetNames')).resolves.toEqual(before);
    await expect(probe(page, 'filledCells', 'Sales')).resolves.toEqual([]);
    // And a new check still works after a cancelled one.
    await page.getByRole('button', { name: 'Check workbook' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    await page.close();
  });

  it('Cancel pressed once the check is writing: the button says so, nothing is written, and the pane reports a cancel', async () => {
    const page = await openPane();
    const before = await probe(page, 'sheetNames');
    await probe(page, 'holdRunsAfter', 1); // the read runs; the write waits
    await page.getByRole('button', { name: 'Check workbook' }).click();
    await page.getByText(/Writing highlights and sheets \(80%\)/).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Cancelling…' }).isDisabled()).resolves.toBe(true);
    await probe(page, 'releaseRuns');
    await page.getByText('The check was cancelled. Nothing was changed.').waitFor();
    await expect(page.getByText(/Checked \d+ sheet/).count()).resolves.toBe(0);
    await expect(probe(page, 'sheetNames')).resolves.toEqual(before);
    await expect(probe(page, 'filledCells', 'Sales')).resolves.toEqual([]);
    await page.close();
  });

  it('shows review decisions recorded on the Findings sheet again after Clear and a new check', async () => {
    const target = expectedFindings().find((f) => f.sheet === 'Sales' && f.severity === 'error') ?? expectedFindings()[0];
    const page = await openPane();
    await page.getByRole('button', { name: 'Check workbook' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    await expect(probe(page, 'review', target.id, 'Explained', 'Li Wei', 'rep confirmed the order')).resolves.toBe(true);
    await page.getByRole('button', { name: 'Clear highlights' }).click();
    await page.getByText(/Highlights cleared/).waitFor();
    await page.getByRole('button', { name: 'Check workbook' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    const decision = page.locator(`[data-finding-id="${target.id}"] [data-review-status]`);
    await decision.scrollIntoViewIfNeeded();
    await expect(decision.getAttribute('data-review-status')).resolves.toBe('explained');
    await expect(decision.textContent()).resolves.toBe('Explained by Li Wei: rep confirmed the order');
    await page.close();
  });

  it('warns, beside the result, of highlighted cells under the user\'s conditional formatting', async () => {
    const flagged = new Set(expectedFindings().filter((f) => f.sheet === 'Sales').map((f) => f.cell)).size;
    expect(flagged).toBeGreaterThan(1);
    const page = await openPane();
    await probe(page, 'addFillRule', 'Sales', 'A1:L6');
    await page.getByRole('button', { name: 'Check workbook' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    const warning = page.locator('[data-warning]');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toBe(
      `${flagged} highlighted cell(s) on “Sales” are under your conditional formatting, which Excel draws over the highlight; the “Findings” sheet lists them all.`,
    );
    await page.getByRole('button', { name: 'Clear highlights' }).click();
    await page.getByText(/Highlights cleared/).waitFor();
    await expect(warning.count()).resolves.toBe(0);
    await page.close();
  });

  it('explains where to open it when loaded outside Office', async () => {
    // Outside an Office host, Office.onReady resolves with a null host and Office.context is undefined.
    const page = await openPane('', 'window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };');
    await page.getByText('Open this page from Excel').waitFor();
    await expect(page.getByRole('button', { name: 'Check workbook' }).count()).resolves.toBe(0);
    await page.close();
  });
});

describe('the Templates section in Chromium with the fake Excel', () => {
  it('inserts a protected receipts template with drop-downs and prompts, in the pane’s language', async () => {
    const page = await openPane('?lang=zh-CN');
    await page.getByRole('button', { name: '模板与映射…' }).click();
    await page.getByRole('combobox', { name: '模板' }).selectOption('receipts');
    await page.getByRole('checkbox', { name: '保护工作表（锁定表头与公式）' }).check();
    await page.getByRole('button', { name: '插入为新工作表' }).click();
    await page.getByText('已插入“收款记录”').waitFor();
    await expect(probe(page, 'sheetNames')).resolves.toContain('收款记录');
    await expect(probe(page, 'isProtected', '收款记录')).resolves.toBe(true);
    const rules = await probe(page, 'validations', '收款记录');
    expect(rules.map((r) => r.promptTitle)).toEqual(['收款日期', '收款单号', '客户编号', '收款金额', '收款方式', '摘要']);
    expect(rules[2].rule).toEqual({ list: { inCellDropDown: true, source: "='Customers'!$A$2:$A$1048576" } });
    await page.getByText('客户编号为来自“Customers”的下拉列表。').waitFor();
    await page.close();
  });

  it('checks as a rep types: a wrong amount is highlighted, and loses the highlight when fixed', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Templates and mapping…' }).click();
    await page.getByRole('switch', { name: 'Check as reps type' }).click();
    await page.getByText(/Watching .*Sales/).waitFor();
    await probe(page, 'userEdit', 'Receipts', 'D2', 'lots');
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: Probe }).__fakeExcel.fill('Receipts', 'D2') === '#FFC7CE');
    await page.getByText(/“Receipts”: 1 row\(s\) checked, 1 cell\(s\) flagged/).waitFor();
    await probe(page, 'userEdit', 'Receipts', 'D2', 1130);
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: Probe }).__fakeExcel.fill('Receipts', 'D2') === null);
    await page.close();
  });

  it('the mapping panel shows each column’s reason and saves a choice for a field nobody mapped', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: 'Templates and mapping…' }).click();
    await page.getByRole('button', { name: 'Show column mapping' }).click();
    const sales = page.locator('[data-sheet="Sales"]');
    await sales.waitFor();
    await expect(sales.textContent()).resolves.toContain('Document No (required): Document No (column B)');
    await page.getByRole('combobox', { name: 'Sales Category' }).selectOption('Product');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Saved 1 column choice(s) in the workbook').waitFor();
    expect(JSON.parse(await probe(page, 'savedColumnMap'))).toMatchObject({ sales: { category: 'Product' } });
    await page.close();
  });
});

describe('the first screen’s JavaScript (DESIGN.md: under 150 KB gzipped, no engine code)', () => {
  it('is at most 150 KB gzipped, counting every script taskpane.html loads itself', () => {
    const scripts = firstScreenSizes(appDir);
    expect(scripts.map((s) => s.file)).toContain('taskpane.js');
    // In bytes; `npm run bench -- bundle` lists every file with its share.
    expect(scripts.reduce((sum, s) => sum + s.gzip, 0)).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
  });

  it('holds no engine or adapter code: the checks, matching, writers and decimal.js load with the first operation', () => {
    expect(firstScreenModules).toContain('src/taskpane/App.tsx');
    const engine = firstScreenModules.filter((m) => /^src\/core\/(engine\.ts|validation\/|matching\/|credit\/|output\/|templates\/)/.test(m) || m.startsWith('node_modules/decimal.js/'));
    expect(engine).toEqual([]);
    // Of the adapter only the Office host accessor (the display language draws the first screen).
    expect(firstScreenModules.filter((m) => m.startsWith('src/excel/'))).toEqual(['src/excel/host.ts']);
  });
});

import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/engine';
import { dayFromISO } from '../../src/core/model/dates';
import { formatMoney } from '../../src/core/model/money';
import { resolveSettings } from '../../src/core/model/settings';
import { OwnedSheet } from '../../src/core/output/plan';
import { readWorkbookContents } from '../../src/xlsx/read-workbook';
import { writeOwnedSheet } from '../../src/xlsx/owned-sheet-writer';
import { buildSampleWorkbook } from '../../scripts/build-sample';
import { roundTrip } from './helpers';

/**
 * Acceptance 3 of issue 9: the demo's Reconciliation sheet, printed to PDF by LibreOffice, fits one page
 * width per customer block, and each customer's adjusted balance (调节后余额) reads on both sides.
 * One workbook, converted once.
 */
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
/** LibreOffice's first start in a fresh profile takes a few seconds; a hung converter must not hang the suite. */
const CONVERT_TIMEOUT_MS = 90_000;

interface Block {
  id: string;
  ours: string;
  theirs: string;
}

describe('the demo\'s Reconciliation sheet printed to PDF (zh)', () => {
  let dir = '';
  let text = '';
  let pages: string[] = [];
  let blocks: Block[] = [];
  let pageSize = '';

  beforeAll(async () => {
    if (!hasSoffice) {
      console.warn('soffice (LibreOffice) is not installed: the PDF print check cannot run here; .ci/run installs it.');
      return;
    }
    const asOf = dayFromISO('2024-03-31') as number;
    const contents = readWorkbookContents(await roundTrip(buildSampleWorkbook()));
    const result = checkWorkbook({ sheets: contents.grids, settings: resolveSettings({ lang: 'zh', asOf }) });
    const sheet = result.plan.sheets.find((s) => s.key === 'reconciliation') as OwnedSheet;
    blocks = adjustedBalances(sheet);
    const wb = new ExcelJS.Workbook();
    writeOwnedSheet(wb.addWorksheet(sheet.name), sheet);
    dir = mkdtempSync(join(tmpdir(), 'recon-pdf-'));
    const xlsx = join(dir, 'reconciliation.xlsx');
    writeFileSync(xlsx, Buffer.from(await wb.xlsx.writeBuffer()));
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
      timeout: CONVERT_TIMEOUT_MS, stdio: 'ignore',
    });
    const pdf = join(dir, 'reconciliation.pdf');
    text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    pages = text.split('\f');
    pageSize = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  }, CONVERT_TIMEOUT_MS + 30_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const runIf = hasSoffice ? it : it.skip;

  runIf('prints on A4 portrait', () => {
    // A4 is 595 × 842 points.
    expect(pageSize).toMatch(/Page size:\s+595(\.\d+)? x 841\.\d+|Page size:\s+595(\.\d+)? x 842/);
  });

  runIf('shows every customer with a statement, each adjusted balance on both sides of one line', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const b of blocks) {
      // Both sides of the block's 调节后余额 line are on one printed line: one page width holds the block.
      const line = text.split('\n').find((l) => l.includes(`（${b.id}）`));
      expect(line).toBeDefined();
      const start = text.indexOf(line as string);
      const rest = text.slice(start);
      const adjusted = rest.split('\n').find((l) => l.includes('调节后余额') && !l.includes('差额'));
      expect(adjusted).toBeDefined();
      const labels = (adjusted as string).match(/调节后余额/g) ?? [];
      expect(labels).toHaveLength(2);
      expect(adjusted).toContain(b.ours);
      expect(adjusted).toContain(b.theirs);
    }
  });

  runIf('keeps each block on a page width: every page carries both sides, none only part of the columns', () => {
    const withBlocks = pages.filter((p) => p.includes('调节后余额'));
    expect(withBlocks.length).toBeGreaterThan(0);
    for (const page of withBlocks) {
      expect(page).toContain('我方（应收账款）');
      expect(page).toContain('对方（应付账款）');
      for (const line of page.split('\n').filter((l) => l.includes('调节后余额') && !l.includes('差额'))) {
        expect((line.match(/调节后余额/g) ?? []).length).toBe(2);
      }
    }
  });
});

/** Each block's customer and the cached results of its two adjusted balances, as they will print. */
function adjustedBalances(sheet: OwnedSheet): Block[] {
  const out: Block[] = [];
  let id = '';
  for (const row of sheet.rows) {
    const first = row[0];
    const v = first !== null && typeof first === 'object' && 'style' in first ? first.value : first;
    if (typeof v === 'string') {
      const m = /（([^（）]+)）$/.exec(v);
      if (m && v.startsWith('客户：')) id = m[1];
      if (v === '调节后余额') {
        const amount = (cell: unknown): string => formatMoney(new Decimal((cell as { value: { result: string } }).value.result));
        out.push({ id, ours: amount(row[2]), theirs: amount(row[6]) });
      }
    }
  }
  return out;
}

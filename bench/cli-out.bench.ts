/**
 * `recon check --out` on a full sheet (DESIGN.md "Budgets": within 2 GB): a sales sheet of 1,048,576
 * rows (header and 1,048,575 lines) beside 1,000 customers, one line in 50 with an Amount that is not
 * Quantity × Unit Price, so the copy highlights and annotates ~21,000 cells on the big sheet. The
 * workbook is generated as package parts streamed through the project's zip writer; the check runs in
 * a child process so the peak RSS is its own. Prints one line:
 *
 *   cli-out rows=1048576 marked=20971 time=61.2s peakRSS=1.43GB (budget 2GB) in=38MB out=41MB
 */
import { spawnSync } from 'child_process';
import { promises as fs, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ZipWriter } from '../src/xlsx/zip-writer';

const ROWS = 1_048_576;
const CUSTOMERS = 1_000;
const GB = 1024 ** 3;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function inline(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

async function* salesSheet(): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
  const header = ['Date', 'Document No', 'Customer ID', 'Quantity', 'Unit Price', 'Amount', 'Tax Rate', 'Tax', 'Total'];
  yield `<row r="1">${header.map((h, j) => inline(`${'ABCDEFGHI'[j]}1`, h)).join('')}</row>`;
  let chunk: string[] = [];
  for (let r = 2; r <= ROWS; r++) {
    const i = r - 1;
    const qty = 1 + (i % 40);
    const priceCents = 1_000 + (i % 9_000);
    const amountCents = qty * priceCents + (i % 50 === 0 ? 100 : 0);
    const taxCents = Math.round(amountCents * 0.13);
    chunk.push(`<row r="${r}"><c r="A${r}" s="1"><v>${45292 + (i % 360)}</v></c>${inline(`B${r}`, `SO-${String(i).padStart(7, '0')}`)}${inline(`C${r}`, `C${String(1 + (i % CUSTOMERS)).padStart(4, '0')}`)}<c r="D${r}"><v>${qty}</v></c><c r="E${r}"><v>${priceCents / 100}</v></c><c r="F${r}"><v>${amountCents / 100}</v></c><c r="G${r}"><v>0.13</v></c><c r="H${r}"><v>${taxCents / 100}</v></c><c r="I${r}"><v>${(amountCents + taxCents) / 100}</v></c></row>`);
    if (chunk.length === 2000) {
      yield chunk.join('');
      chunk = [];
    }
  }
  yield `${chunk.join('')}</sheetData></worksheet>`;
}

function customersSheet(): string {
  const rows = [`<row r="1">${inline('A1', 'Customer ID')}${inline('B1', 'Customer Name')}${inline('C1', 'Credit Limit')}</row>`];
  for (let i = 1; i <= CUSTOMERS; i++) rows.push(`<row r="${i + 1}">${inline(`A${i + 1}`, `C${String(i).padStart(4, '0')}`)}${inline(`B${i + 1}`, `Customer ${i} Trading Co., Ltd.`)}<c r="C${i + 1}"><v>${50_000_000}</v></c></row>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** Writes the benchmark workbook. */
export async function writeBenchWorkbook(file: string): Promise<void> {
  const zip = new ZipWriter(file);
  await zip.add('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
  await zip.add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  await zip.add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/><sheet name="Sales" sheetId="2" r:id="rId2"/></sheets></workbook>`);
  await zip.add('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
  await zip.add('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`);
  await zip.add('xl/worksheets/sheet1.xml', customersSheet());
  await zip.addStream('xl/worksheets/sheet2.xml', salesSheet());
  await zip.close();
}

interface Measured {
  seconds: number;
  peakRssBytes: number;
  marked: number;
  ok: boolean;
}

async function measure(input: string, out: string): Promise<Measured> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded in the child only, after the parent wrote the file
  const { runCheck } = require('../src/cli/run-check') as typeof import('../src/cli/run-check');
  const started = process.hrtime.bigint();
  const done = await runCheck({ input, out, asOf: 45657 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, peakRssBytes: process.resourceUsage().maxRSS * 1024, marked: done.ok ? done.render?.markedCells ?? 0 : -1, ok: done.ok };
}

/** Runs the bench: writes the workbook, checks it with --out in a child process, prints the figures. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'recon-cli-out-'));
  try {
    const input = path.join(dir, 'sales-1m.xlsx');
    const out = path.join(dir, 'sales-1m-checked.xlsx');
    await writeBenchWorkbook(input);
    const child = spawnSync(process.execPath, ['--max-old-space-size=4096', '-r', 'tsx/cjs', __filename, '--child', input, out], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) throw new Error(`child failed: ${child.stderr.slice(-2000)}`);
    const m = JSON.parse(line) as Measured;
    if (!m.ok) throw new Error('the check refused the workbook');
    const size = async (f: string): Promise<string> => `${Math.round((await fs.stat(f)).size / 2 ** 20)}MB`;
    console.log(`cli-out rows=${ROWS} marked=${m.marked} time=${m.seconds.toFixed(1)}s peakRSS=${(m.peakRssBytes / GB).toFixed(2)}GB (budget 2GB) in=${await size(input)} out=${await size(out)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  void measure(process.argv[3], process.argv[4]).then((m) => console.log(JSON.stringify(m)));
}

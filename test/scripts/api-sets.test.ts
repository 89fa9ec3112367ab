import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { apiSetChecker, ApiSetViolation, readMinVersion, sourceFiles } from '../../scripts/check-api-sets';

const ROOT = resolve(__dirname, '..', '..');

/** Code that uses ExcelApi 1.10 and 1.18 members with and without guards; comments name what must be flagged. */
const SNIPPET = `
interface ApiSetProof<V extends string> { readonly excelApi: V }

export function unguarded(ctx: Excel.RequestContext): void {
  ctx.workbook.worksheets.getItem('S').notes.add('A1', 'flag me');
}

export function guardedByProof(ctx: Excel.RequestContext, _api: ApiSetProof<'1.18'>): void {
  ctx.workbook.worksheets.getItem('S').notes.add('A1', 'fine');
  [1].forEach(() => ctx.workbook.notes.add('S!A2', 'fine in a closure too'));
}

export function guardedByIf(ctx: Excel.RequestContext): void {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.18')) {
    ctx.workbook.worksheets.getItem('S').notes.add('A1', 'fine');
  }
}

export function guardTooLow(ctx: Excel.RequestContext): void {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.10')) {
    ctx.workbook.comments.add('S!A1', 'fine: comments are 1.10');
    ctx.workbook.worksheets.getItem('S').notes.add('A1', 'flag me');
  }
}

export function inElseBranch(ctx: Excel.RequestContext): void {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.18')) return;
  else ctx.workbook.comments.add('S!A1', 'flag me');
}

export function ternaryAndAnd(ctx: Excel.RequestContext, ok: boolean): unknown {
  const a = Office.context.requirements.isSetSupported('ExcelApi', '1.18') ? ctx.workbook.notes : null;
  const b = Office.context.requirements.isSetSupported('ExcelApi', '1.10') && ctx.workbook.comments;
  return [a, b, ok];
}

export function atOrBelowMinimum(ctx: Excel.RequestContext): void {
  const ws = ctx.workbook.worksheets.getItem('S');
  ws.visibility = 'Hidden';
  ws.getRanges('A1,B2').format.fill.color = '#FFC7CE';
  ws.getRange('A1').getCellProperties({ format: { fill: { color: true } } });
}
`;

describe('scripts/check-api-sets', () => {
  let dir = '';
  let check: (minVersion: string) => ApiSetViolation[];
  let snippetFile = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-sets-'));
    snippetFile = join(dir, 'violations.ts');
    writeFileSync(snippetFile, SNIPPET);
    check = apiSetChecker([...sourceFiles(join(ROOT, 'src', 'excel')), snippetFile], ROOT);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The manifest's minimum, or (before manifest.xml exists) the one the design fixes, from a manifest of our own. */
  function minimum(): string {
    const real = join(ROOT, 'manifest.xml');
    if (existsSync(real)) return readMinVersion(real);
    const own = join(dir, 'manifest.xml');
    writeFileSync(own, '<OfficeApp><Requirements><Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.9"/></Sets></Requirements></OfficeApp>');
    return readMinVersion(own);
  }

  it('reads the minimum from the manifest', () => {
    expect(minimum()).toBe('1.9');
  });

  it('finds no unguarded use above the manifest minimum in src/excel', () => {
    const inSrc = check(minimum()).filter((v) => v.file.startsWith('src'));
    expect(inSrc).toEqual([]);
  });

  it('catches the deliberately unguarded uses in the snippet, and only those', () => {
    const found = check('1.9').filter((v) => !v.file.startsWith('src'));
    const lines = SNIPPET.split('\n');
    expect(found.map((v) => `${v.member}@${v.required}`).sort()).toEqual([
      'CommentCollection.add@1.10', 'NoteCollection.add@1.18', 'NoteCollection.add@1.18',
      'Workbook.comments@1.10', 'Worksheet.notes@1.18', 'Worksheet.notes@1.18',
    ]);
    for (const v of found) expect(lines[v.line - 1]).toContain('flag me');
  });

  it('sees the real code\'s uses: with a lower minimum they are reported', () => {
    const members = new Set(check('1.1').filter((v) => v.file.startsWith('src')).map((v) => v.member));
    for (const m of ['Worksheet.getRanges', 'Range.getCellProperties', 'Runtime.enableEvents', 'Range.hyperlink']) expect(members.has(m)).toBe(true);
  });
});

import { promises as fs } from 'fs';
import { Report } from '../../src/core/output/report';
import { readWorkbookPackage } from '../../src/xlsx/read-package';
import { buildParts, BuiltSheet, markPartsDeflated, NS, Parts, utf16, worksheetXml, writePackage } from '../xlsx/package-builder';
import { readParts, recon, tempDir } from './cli-helpers';

/**
 * Acceptance 3: workbooks written the way other producers write them, built here, each checked with
 * `--out`: the copy keeps every sheet and every value, or the command refuses in one line that holds
 * no JavaScript wording; the report is written either way, and the input is never modified.
 */

const ROWS = [
  ['Customer ID', 'Customer Name', 'Credit Limit'],
  ['C001', 'Acme Trading Co', 50000],
  ['C001', 'Acme again', 1000],
  ['C002', 'Blue River Ltd', -5],
];

function inlineCell(ref: string, v: string | number, p = ''): string {
  return typeof v === 'number' ? `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>` : `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${v}</${p}t></${p}is></${p}c>`;
}

function customersData(p = ''): string {
  return ROWS.map((r, i) => `<${p}row r="${i + 1}">${r.map((v, j) => inlineCell(`${'ABC'[j]}${i + 1}`, v, p)).join('')}</${p}row>`).join('');
}

const customers = (): BuiltSheet => ({ name: 'Customers', xml: worksheetXml(customersData()) });

const DATE_STYLES = `<styleSheet xmlns="${NS.main}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** openpyxl's way with notes: xl/comments/comment1.xml and a VML drawing, both through the sheet's relationships. */
function openpyxlNotes(): Parts {
  const parts = buildParts({
    sheets: [{
      ...customers(),
      xml: worksheetXml(customersData(), '<legacyDrawing r:id="anysvml"/>'),
      rels: `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="comments" Type="${NS.rel}/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="${NS.rel}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`,
    }],
  });
  parts['xl/comments/comment1.xml'] = `<comments xmlns="${NS.main}"><authors><author>Li</author></authors><commentList><comment ref="B2" authorId="0" shapeId="0"><text><t>call before shipping</t></text></comment></commentList></comments>`;
  parts['xl/drawings/commentsDrawing1.vml'] = '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>';
  return parts;
}

/** openpyxl's way with charts: a drawing part and a chart part with no style or colour parts. */
function openpyxlChart(): Parts {
  const parts = buildParts({
    sheets: [{
      ...customers(),
      xml: worksheetXml(customersData(), '<drawing r:id="rId1"/>'),
      rels: `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${NS.rel}/drawing" Target="/xl/drawings/drawing1.xml"/></Relationships>`,
    }],
  });
  parts['xl/drawings/drawing1.xml'] = `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="5400000" cy="2700000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS.rel}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
  parts['xl/drawings/_rels/drawing1.xml.rels'] = `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${NS.rel}/chart" Target="/xl/charts/chart1.xml"/></Relationships>`;
  parts['xl/charts/chart1.xml'] = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>';
  return parts;
}

const QUIRKS: [string, () => Parts][] = [
  ['namespace prefixes (x:row, x:c)', () => buildParts({ prefix: 'x', relPrefix: 'ns1', sheets: [{ name: 'Customers', xml: `<x:worksheet xmlns:x="${NS.main}"><x:sheetData>${customersData('x:')}</x:sheetData></x:worksheet>` }] })],
  ['UTF-16 parts', () => {
    const parts = buildParts({ sheets: [customers()] });
    parts['xl/worksheets/sheet1.xml'] = utf16(parts['xl/worksheets/sheet1.xml'] as string);
    parts['xl/workbook.xml'] = utf16(parts['xl/workbook.xml'] as string);
    return parts;
  }],
  ['rows and cells without references', () => buildParts({ sheets: [{ name: 'Customers', xml: worksheetXml(customersData().replace(/ r="[A-Z]*\d+"/g, '')) }] })],
  ['date1904="true"', () => buildParts({ workbookPr: 'date1904="true"', styles: DATE_STYLES, sheets: [customers(), { name: 'Dates', xml: worksheetXml('<row r="1"><c r="A1" s="1"><v>43894</v></c><c r="B1"><v>43894</v></c></row>') }] })],
  ['ISO date cells (t="d")', () => buildParts({ sheets: [customers(), { name: 'Dates', xml: worksheetXml('<row r="1"><c r="A1" t="d"><v>2024-03-05</v></c></row>') }] })],
  ['CDATA inline strings', () => buildParts({ sheets: [{ name: 'Customers', xml: worksheetXml(customersData().replace('<t>Acme Trading Co</t>', '<t><![CDATA[Acme & <Trading> Co]]></t>')) }] })],
  ['a chart sheet', () => buildParts({ sheets: [customers(), { name: 'Chart1', kind: 'chartsheet', xml: `<chartsheet xmlns="${NS.main}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>` }] })],
  ['a macro sheet and a dialog sheet', () => buildParts({ sheets: [customers(), { name: 'Macro1', kind: 'macrosheet', xml: `<xm:macrosheet xmlns="${NS.main}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData/></xm:macrosheet>` }, { name: 'Dialog1', kind: 'dialogsheet', xml: `<dialogsheet xmlns="${NS.main}"/>` }] })],
  ['a sheet listed with an empty relationship id (r:id="", Excel 5 module sheets)', () => {
    // Found sweeping public test files (ClosedXML's SheetsWithoutRelId, LibreOffice's tdf111974): refused as damaged.
    const parts = buildParts({ sheets: [customers()] });
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('</sheets>', '<sheet name="Module1" sheetId="9" state="veryHidden" r:id=""/></sheets>');
    return parts;
  }],
  ['notes written the way openpyxl writes them', openpyxlNotes],
  ['a chart written the way openpyxl writes it', openpyxlChart],
];

describe('recon check --out on workbooks other producers write', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it.each(QUIRKS)('%s: every sheet and value kept in the copy, or a one-line refusal; input unchanged', async (label, make) => {
    const slug = label.replace(/\W+/g, '-');
    const input = tmp.file(`${slug}.xlsx`);
    const out = tmp.file(`${slug}-out.xlsx`);
    const json = tmp.file(`${slug}.json`);
    await writePackage(input, make());
    const before = await fs.readFile(input);
    const read = await readWorkbookPackage(input);
    if (!read.ok) throw new Error(`the reader refused it: ${read.reason}`);

    const run = await recon('check', input, '--out', out, '--json', json, '--as-of', '2024-03-31');
    expect(await fs.readFile(input)).toEqual(before);
    const report = JSON.parse(await fs.readFile(json, 'utf8')) as Report;
    expect(report.sheets.map((s) => s.name)).toContain('Customers');
    expect(report.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['duplicate', 'range']));
    if (run.code === 0) {
      const copy = await readWorkbookPackage(out);
      if (!copy.ok) throw new Error(`the copy cannot be read: ${copy.reason}`);
      for (const g of read.contents.grids) expect(copy.contents.grids.find((c) => c.name === g.name)).toEqual(g);
      expect(copy.contents.structure.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(read.contents.structure.sheets.map((s) => s.name)));
    } else {
      expect(run.code).toBe(1);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(/^recon: cannot write ".*": .* \/ 无法写入/);
      expect(run.err[0]).not.toMatch(/TypeError|undefined|Cannot read prop|reading '|\bat \w+ \(/);
      await expect(fs.stat(out)).rejects.toThrow();
    }
  });
});

describe('recon clear on a workbook no check ever marked', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('gives back the input byte for byte, chart sheet included, instead of refusing or rewriting it', async () => {
    // Found sweeping public test files: clear took the exceljs road for any unmarked workbook and
    // refused ("would lose the sheets Chart1") or rewrote every part.
    const input = tmp.file('unmarked.xlsx');
    const out = tmp.file('unmarked-cleared.xlsx');
    await writePackage(input, buildParts({ sheets: [customers(), { name: 'Chart1', kind: 'chartsheet', xml: `<chartsheet xmlns="${NS.main}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>` }] }));
    const before = await fs.readFile(input);
    const run = await recon('clear', input, '--out', out);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^0 cells restored/);
    expect(await fs.readFile(out)).toEqual(before);
    expect(await fs.readFile(input)).toEqual(before);
  });
});

describe('recon check --out on a package with an empty part deflated to no bytes (LibreOffice)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('adds its notes part by part instead of failing as if the empty part were damaged', async () => {
    // Found sweeping public test files: LibreOffice writes an empty docProps/thumbnail.wmf as a deflated
    // entry of 0 bytes; read() called that damage, while stream() and unzip read it as empty. Adding
    // notes reads every .vml part of the package, so an empty one made the check fail with a bug (exit 70).
    const input = tmp.file('empty-deflated.xlsx');
    const out = tmp.file('empty-deflated-out.xlsx');
    const parts = buildParts({ sheets: [customers()] });
    parts['xl/drawings/unused.vml'] = '';
    parts['docProps/thumbnail.wmf'] = '';
    await writePackage(input, parts);
    await markPartsDeflated(input, ['xl/drawings/unused.vml', 'docProps/thumbnail.wmf']);
    const before = await fs.readFile(input);
    const run = await recon('check', input, '--out', out, '--as-of', '2024-03-31');
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(await fs.readFile(input)).toEqual(before);
    const copy = await readWorkbookPackage(out);
    if (!copy.ok) throw new Error(`the copy cannot be read: ${copy.reason}`);
    expect(copy.contents.grids.find((g) => g.name === 'Customers')?.rows[1]).toEqual(['C001', 'Acme Trading Co', 50000]);
    const notes = await readParts(out);
    expect([...notes.keys()].some((n) => /^xl\/comments\d*\.xml$/.test(n))).toBe(true);
  });
});

describe('recon check --out on a package with a damaged part the reading does not need', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('refuses the copy in one line naming the part, writes the report, and leaves the input unchanged', async () => {
    // Adding notes reads every .vml part of the package; a damaged one was an internal error (exit 70).
    const input = tmp.file('damaged-vml.xlsx');
    const out = tmp.file('damaged-vml-out.xlsx');
    const json = tmp.file('damaged-vml.json');
    const parts = buildParts({ sheets: [customers()] });
    parts['xl/drawings/broken.vml'] = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    await writePackage(input, parts, ['xl/drawings/broken.vml']);
    await markPartsDeflated(input, ['xl/drawings/broken.vml']);
    const before = await fs.readFile(input);
    const run = await recon('check', input, '--out', out, '--json', json, '--as-of', '2024-03-31');
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain('the workbook is damaged (xl/drawings/broken.vml cannot be read)');
    expect(run.err[0]).toContain('was written');
    expect(run.code).toBe(1);
    expect(await fs.readFile(input)).toEqual(before);
    await expect(fs.stat(out)).rejects.toThrow();
    expect((JSON.parse(await fs.readFile(json, 'utf8')) as Report).sheets.map((s) => s.name)).toEqual(['Customers']);
  });
});

describe('recon check --out on a workbook without a styles part', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('highlights part by part with a styles part added (chart sheet kept), and clear gives every part back', async () => {
    // Found sweeping public test files (calamine, tealeg/xlsx, PhpSpreadsheet, POI, exceljs: 7 files):
    // without a styles part the edit fell back to exceljs, which refuses a chart sheet and rewrites the rest.
    const input = tmp.file('no-styles.xlsx');
    const out = tmp.file('no-styles-out.xlsx');
    const cleared = tmp.file('no-styles-cleared.xlsx');
    const parts = buildParts({ sheets: [customers(), { name: 'Chart1', kind: 'chartsheet', xml: `<chartsheet xmlns="${NS.main}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>` }] });
    delete parts['xl/styles.xml'];
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(/<Relationship [^>]*\/styles"[^>]*\/>/, '');
    await writePackage(input, parts);
    const before = await fs.readFile(input);

    const run = await recon('check', input, '--out', out, '--as-of', '2024-03-31');
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(await fs.readFile(input)).toEqual(before);
    const copy = await readWorkbookPackage(out);
    if (!copy.ok) throw new Error(`the copy cannot be read: ${copy.reason}`);
    expect(copy.contents.structure.sheets.slice(0, 2).map((s) => s.name)).toEqual(['Customers', 'Chart1']);
    expect(copy.contents.grids[0]?.rows).toEqual(ROWS);
    const written = await readParts(out);
    expect(written.get('xl/chartsheets/sheet2.xml')).toBe(parts['xl/chartsheets/sheet2.xml']);
    const styles = [...written.keys()].find((n) => /^xl\/styles\d*\.xml$/.test(n));
    expect(written.get('xl/_rels/workbook.xml.rels')).toContain(`/styles" Target="${styles?.slice(3)}"`);
    // The flagged duplicate's cell points at a highlight format in the new part; untouched cells keep none.
    expect(written.get('xl/worksheets/sheet1.xml')).toMatch(/<c s="[1-9]\d*" r="A3"/);
    expect(written.get('xl/worksheets/sheet1.xml')).toMatch(/<c r="B2" t="inlineStr">/);

    expect((await recon('clear', out, '--out', cleared)).code).toBe(0);
    const back = await readParts(cleared);
    const original = await readParts(input);
    const differing = [...original.keys()].filter((n) => back.get(n) !== original.get(n));
    expect(differing.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
  });
});

import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { CellValue, SheetGrid } from '../../src/core/model/cells';
import { PackageReadFailure, readSheetNotes, readWorkbookPackage } from '../../src/xlsx/read-package';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { buildParts, BuildOptions, compoundFile, NS, Parts, utf16, worksheetXml, writePackage } from './package-builder';

const dir = mkdtempSync(path.join(tmpdir(), 'recon-pkg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function build(parts: Parts, stored: string[] = []): Promise<string> {
  const file = path.join(dir, `book${n++}.xlsx`);
  await writePackage(file, parts, stored);
  return file;
}

async function grids(parts: Parts): Promise<SheetGrid[]> {
  const read = await readWorkbookPackage(await build(parts));
  if (!read.ok) throw new Error(`refused: ${read.reason} ${read.part ?? ''}`);
  return read.contents.grids;
}

async function oneSheet(sheetData: string, extra: Partial<BuildOptions> = {}, after = ''): Promise<CellValue[][]> {
  const g = await grids(buildParts({ sheets: [{ name: 'S', xml: worksheetXml(sheetData, after) }], ...extra }));
  return g[0].rows;
}

/** Styles with cell format 1 showing dates (built-in 14) and 2 a custom date, 3 money. */
const DATE_STYLES = `<styleSheet xmlns="${NS.main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00;[Red]\\-#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;

describe('the package reader: cell values', () => {
  it.each<[string, string, Partial<BuildOptions>, CellValue[][]]>([
    ['numbers, text, booleans and errors', '<row r="1"><c r="A1"><v>1234.5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c></row>', { sharedStrings: ['INV-001'] }, [[1234.5, 'INV-001', true, { error: '#N/A' }]]],
    ['a formula\'s cached results: number, text, error, none', '<row r="1"><c r="A1"><f>B1*2</f><v>240</v></c><c r="B1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1"><f>B1</f></c></row>', {}, [[240, 'ab', { error: '#DIV/0!' }]]],
    ['a text result stored as a number cell, never NaN', '<row r="1"><c r="A1"><f>X</f><v>n/a</v></c></row>', {}, [['n/a']]],
    ['inline strings with CDATA, runs and escapes', '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<ACME> & Co]]></t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Blue </t></r><r><t>River</t></r></is></c><c r="C1" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>', {}, [['<ACME> & Co', 'Blue River', 'a\rb']]],
    ['rich shared strings without their phonetic guide', '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sharedStrings: `<sst xmlns="${NS.main}"><si><r><t>东方</t></r><r><t>公司</t></r><rPh sb="0" eb="2"><t>とうほう</t></rPh></si></sst>` }, [['东方公司']]],
    ['rows and cells without references', '<row><c t="inlineStr"><is><t>h1</t></is></c><c><v>2</v></c></row><row><c><v>3</v></c></row><row r="5"><c r="C5"><v>4</v></c><c><v>5</v></c></row>', {}, [['h1', 2], [3], [], [], [null, null, 4, 5]]],
    ['ISO date cells (t="d")', '<row r="1"><c r="A1" t="d"><v>2024-03-05</v></c><c r="B1" t="d"><v>2024-03-05T18:00:00</v></c><c r="C1" t="d"><v>not a date</v></c></row>', {}, [[45356, 45356.75, { error: '#VALUE!' }]]],
    ['date1904="1": dates move to 1900 serials, amounts stay', '<row r="1"><c r="A1" s="1"><v>43894</v></c><c r="B1" s="2"><v>43894</v></c><c r="C1" s="3"><v>43894</v></c></row>', { workbookPr: 'date1904="1"', styles: DATE_STYLES }, [[45356, 45356, 43894]]],
    ['date1904="true" read like "1"', '<row r="1"><c r="A1" s="1"><v>43894</v></c><c r="B1"><v>43894</v></c></row>', { workbookPr: 'date1904="true"', styles: DATE_STYLES }, [[45356, 43894]]],
    ['date1904="false" and "0" are the 1900 system', '<row r="1"><c r="A1" s="1"><v>45356</v></c></row>', { workbookPr: 'date1904="false"', styles: DATE_STYLES }, [[45356]]],
    ['entities and character references', '<row r="1"><c r="A1" t="inlineStr"><is><t>R&amp;D &#x4E2D;&#25991; &lt;x&gt;</t></is></c></row>', {}, [['R&D 中文 <x>']]],
  ])('reads %s', async (_label, sheetData, extra, expected) => {
    expect(await oneSheet(sheetData, extra)).toEqual(expected);
  });

  it('reads merged areas as text, blanks what they cover, and a whole-column merge costs nothing extra', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>9</v></c><c r="B2"><v>2</v></c></row>';
    const g = await grids(buildParts({ sheets: [{ name: 'S', xml: worksheetXml(rows, '<mergeCells count="2"><mergeCell ref="B1:B1048576"/><mergeCell ref="$A$1:$A$1"/></mergeCells>') }] }));
    expect(g[0].merged).toEqual(['B1:B1048576']);
    expect(g[0].rows).toEqual([['x', 1], [9]]);
  });
});

describe('the package reader: how other producers write packages', () => {
  const rows = '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>';
  const prefixedSheet = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS.main}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
  const prefixedSst = `<?xml version="1.0"?><x:sst xmlns:x="${NS.main}"><x:si><x:t>Customer ID</x:t></x:si></x:sst>`;

  it('reads namespace prefixes everywhere (x:row, x:c, a relationships prefix other than r)', async () => {
    const g = await grids(buildParts({ sheets: [{ name: 'Data', xml: prefixedSheet }], sharedStrings: prefixedSst, prefix: 'x', relPrefix: 'ns1' }));
    expect(g).toEqual([{ name: 'Data', rows: [['Customer ID', 7]] }]);
  });

  it.each<['le' | 'be']>([['le'], ['be']])('reads UTF-16 (%s) parts', async (endian) => {
    const parts = buildParts({ sheets: [{ name: '数据', xml: worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>对账单</t></is></c></row>') }], sharedStrings: ['客户编号'] });
    parts['xl/worksheets/sheet1.xml'] = utf16(parts['xl/worksheets/sheet1.xml'] as string, endian);
    parts['xl/sharedStrings.xml'] = utf16(parts['xl/sharedStrings.xml'] as string, endian);
    parts['xl/workbook.xml'] = utf16(parts['xl/workbook.xml'] as string, endian);
    expect(await grids(parts)).toEqual([{ name: '数据', rows: [['客户编号', '对账单']] }]);
  });

  it('reads a workbook part at another name, found through the package relationships, and stored parts', async () => {
    const parts = buildParts({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }], workbookPart: 'xl/workbook2.xml' });
    const read = await readWorkbookPackage(await build(parts, ['xl/worksheets/sheet1.xml']));
    expect(read.ok && read.contents.grids).toEqual([{ name: 'S', rows: [[1]] }]);
  });

  it('skips chart, dialog and macro sheets but keeps them in the sheet list', async () => {
    const parts = buildParts({
      sheets: [
        { name: 'Sales', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Chart1', kind: 'chartsheet', xml: `<chartsheet xmlns="${NS.main}"><sheetPr/><drawing r:id="rId1" xmlns:r="${NS.rel}"/></chartsheet>` },
        { name: 'Dialog1', kind: 'dialogsheet', xml: `<dialogsheet xmlns="${NS.main}"><sheetPr/></dialogsheet>` },
        { name: 'Macro1', kind: 'macrosheet', xml: `<xm:macrosheet xmlns="${NS.main}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="str"><v>=RETURN()</v></c></row></sheetData></xm:macrosheet>` },
      ],
    });
    const read = await readWorkbookPackage(await build(parts));
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents.grids.map((g) => g.name)).toEqual(['Sales']);
    expect(read.contents.structure.sheets.map((s) => [s.name, s.kind])).toEqual([['Sales', 'worksheet'], ['Chart1', 'chartsheet'], ['Dialog1', 'dialogsheet'], ['Macro1', 'macrosheet']]);
  });

  it.each([
    ['xl/comments1.xml', '../comments1.xml'],
    ['xl/comments/comment1.xml', '/xl/comments/comment1.xml'],
  ])('finds notes through the sheet relationships, wherever the part is (%s)', async (part, target) => {
    const parts = buildParts({
      sheets: [{
        name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>',
        rels: `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="comments" Type="${NS.rel}/comments" Target="${target}"/></Relationships>`,
      }],
    });
    parts[part] = `<comments xmlns="${NS.main}"><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><r><rPr><b/></rPr><t>Checked: </t></r><r><t>ok</t></r></text></comment><comment ref="$B$2" authorId="0"><text><t>mine</t></text></comment></commentList></comments>`;
    const file = await build(parts);
    const read = await readWorkbookPackage(file);
    if (!read.ok) throw new Error(read.reason);
    const pkg = await ZipPackage.open(file);
    if (!pkg) throw new Error('no package');
    expect([...(await readSheetNotes(pkg, read.contents.structure.sheets[0]))]).toEqual([['A1', 'Checked: ok'], ['B2', 'mine']]);
  });
});

describe('the package reader: files it refuses, naming their format', () => {
  async function refusal(parts: Parts | Buffer): Promise<PackageReadFailure> {
    const file = path.join(dir, `refuse${n++}.bin`);
    if (Buffer.isBuffer(parts)) await import('fs').then((fs) => fs.promises.writeFile(file, parts));
    else await writePackage(file, parts);
    const read = await readWorkbookPackage(file);
    if (read.ok) throw new Error('read a file it should refuse');
    return read;
  }

  it.each<[string, () => Parts | Buffer, PackageReadFailure]>([
    ['a legacy .xls', () => compoundFile(['Workbook', 'SummaryInformation']), { ok: false, reason: 'xls' }],
    // Found sweeping public test files (Apache POI's testEXCEL_3/4.xls, SheetJS' crlf files): refused as "not an .xlsx".
    ['an Excel 4.0 worksheet (a bare BIFF4 stream)', () => Buffer.from([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x0a, 0x00, 0x00, 0x00]), { ok: false, reason: 'xls-old' }],
    ['an Excel 2.1 worksheet (a bare BIFF2 stream)', () => Buffer.from([0x09, 0x00, 0x04, 0x00, 0x07, 0x00, 0x10, 0x00, 0x0a, 0x00, 0x00, 0x00]), { ok: false, reason: 'xls-old' }],
    ['an encrypted .xlsx', () => compoundFile(['EncryptionInfo', 'EncryptedPackage']), { ok: false, reason: 'encrypted' }],
    ['an OpenDocument spreadsheet', () => ({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }), { ok: false, reason: 'ods' }],
    ['an .xlsb', () => ({ '_rels/.rels': `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.bin"/></Relationships>`, 'xl/workbook.bin': Buffer.alloc(10) }), { ok: false, reason: 'xlsb' }],
    ['a Numbers document', () => ({ 'Index/Document.iwa': Buffer.alloc(10), 'Metadata/Properties.plist': 'x' }), { ok: false, reason: 'numbers' }],
    // Found sweeping public test files (SheetJS' Attendance.numbers): refused as "not an .xlsx", not named.
    ['a Numbers bundle zipped whole', () => ({ 'Attendance.numbers/Index.zip': Buffer.alloc(10), 'Attendance.numbers/Metadata/Properties.plist': 'x', 'Attendance.numbers/preview.jpg': Buffer.alloc(4) }), { ok: false, reason: 'numbers' }],
    ['an Excel 2003 XML spreadsheet', () => Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), { ok: false, reason: 'xml-2003' }],
    ['an HTML table saved as .xls', () => Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'), { ok: false, reason: 'html' }],
    ['a sheet listed without its part', () => {
      const parts = buildParts({ sheets: [{ name: 'S', xml: '<row/>' }] });
      delete parts['xl/worksheets/sheet1.xml'];
      return parts;
    }, { ok: false, reason: 'corrupt', part: 'xl/worksheets/sheet1.xml' }],
    ['a damaged sheet', () => buildParts({ sheets: [{ name: 'S', xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c>') }] }), { ok: false, reason: 'corrupt', part: 'xl/worksheets/sheet1.xml' }],
    ['an OpenDocument spreadsheet without its mimetype', () => ({ 'META-INF/manifest.xml': '<manifest:manifest><manifest:file-entry manifest:media-type="application/vnd.oasis.opendocument.spreadsheet" manifest:full-path="/"/></manifest:manifest>', 'content.xml': '<x/>' }), { ok: false, reason: 'ods' }],
    ['a package without its workbook part', () => {
      const parts = buildParts({ sheets: [{ name: 'S', xml: '<row/>' }] });
      delete parts['xl/workbook.xml'];
      delete parts['_rels/.rels'];
      return parts;
    }, { ok: false, reason: 'corrupt', part: 'xl/workbook.xml' }],
    ['a workbook without its relationships', () => {
      const parts = buildParts({ sheets: [{ name: 'S', xml: '<row/>' }] });
      delete parts['xl/_rels/workbook.xml.rels'];
      return parts;
    }, { ok: false, reason: 'corrupt', part: 'xl/_rels/workbook.xml.rels' }],
    ['a workbook of chart sheets only', () => buildParts({ sheets: [{ name: 'C', kind: 'chartsheet', xml: `<chartsheet xmlns="${NS.main}"/>` }] }), { ok: false, reason: 'no-worksheet' }],
  ])('refuses %s', async (_label, make, expected) => {
    expect(await refusal(make())).toEqual(expected);
  });
});

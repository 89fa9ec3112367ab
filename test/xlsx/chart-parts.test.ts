import { OwnedSheet } from '../../src/core/output/plan';
import { chartPart, drawingPartXml, quotedSheetName, withDrawingElement } from '../../src/xlsx/chart-parts';

/** A Sales Summary-like sheet: a title row, a header row on row 2, three months of two categories. */
const SHEET: OwnedSheet = {
  key: 'sales-summary',
  name: 'Sales Summary',
  preamble: [['Sales by month']],
  columns: [{ header: 'Month' }, { header: 'Pipe', format: 'money' }, { header: 'Valve & Cable', format: 'money' }],
  rows: [
    ['2024-01', { money: '1000.50' }, { money: '20' }],
    ['2024-02', { money: '0' }, null],
    ['2024-03', { value: { formula: 'SUM(B3:B4)', result: '1000.50' }, style: { bold: true } }, { money: '7' }],
  ],
};

function between(xml: string, open: string, close: string): string[] {
  return xml.split(open).slice(1).map((s) => s.split(close)[0]);
}

describe('chart parts of an owned sheet', () => {
  it('quotes every sheet name in formulas, doubling a quote inside', () => {
    expect(quotedSheetName('Aging')).toBe("'Aging'");
    expect(quotedSheetName('Sales Summary')).toBe("'Sales Summary'");
    expect(quotedSheetName("O'Neil's")).toBe("'O''Neil''s'");
    expect(quotedSheetName('账龄分析')).toBe("'账龄分析'");
  });

  it('a column chart: one series per column after the first, named by its header, values under it, categories from the first column', () => {
    const part = chartPart({ type: 'column', title: 'By month', source: 'A2:C5', from: 'E2', to: 'L20' }, SHEET, "Tom's 汇总");
    if (!part) throw new Error('no chart');
    expect(part.xml).toContain('<c:barChart><c:barDir val="col"/>');
    expect(between(part.xml, '<c:f>', '</c:f>')).toEqual([
      "'Tom''s 汇总'!$B$2", "'Tom''s 汇总'!$A$3:$A$5", "'Tom''s 汇总'!$B$3:$B$5",
      "'Tom''s 汇总'!$C$2", "'Tom''s 汇总'!$A$3:$A$5", "'Tom''s 汇总'!$C$3:$C$5",
    ]);
    // Cached values, for readers that do not recalculate: header texts (escaped), numbers, a formula's known result.
    expect(part.xml).toContain('<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Valve &amp; Cable</c:v></c:pt></c:strCache>');
    expect(part.xml).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>1000.5</c:v></c:pt><c:pt idx="1"><c:v>0</c:v></c:pt><c:pt idx="2"><c:v>1000.5</c:v></c:pt></c:numCache>');
    // A blank cell has no point.
    expect(part.xml).toContain('<c:ptCount val="3"/><c:pt idx="0"><c:v>20</c:v></c:pt><c:pt idx="2"><c:v>7</c:v></c:pt>');
    expect(part.xml).toContain('<a:t>By month</a:t>');
    // E2 to L20 covered whole: the anchor ends where column M and row 21 begin (0-based 12 and 20).
    expect(part.from).toEqual({ col0: 4, row0: 1 });
    expect(part.to).toEqual({ col0: 12, row0: 20 });
  });

  it('a line chart has its axes; a pie shows the first series only, without axes', () => {
    const line = chartPart({ type: 'line', title: 'Trend', source: 'A2:C5', from: 'E2', to: 'L20' }, SHEET, 'S')?.xml ?? '';
    expect(line).toMatch(/<c:lineChart><c:grouping val="standard"\/>.*<\/c:lineChart><c:catAx>.*<\/c:catAx><c:valAx>.*<\/c:valAx><\/c:plotArea>/);
    expect(line.split('<c:ser>')).toHaveLength(3);
    const pie = chartPart({ type: 'pie', title: 'Share', source: 'A2:C5', from: 'E2', to: 'L20' }, SHEET, 'S')?.xml ?? '';
    expect(pie).toContain('<c:pieChart><c:varyColors val="1"/>');
    expect(pie.split('<c:ser>')).toHaveLength(2);
    expect(pie).not.toContain('catAx');
  });

  it('a stacked bar or column chart stacks a row\'s series with full overlap; unstacked ones stay clustered', () => {
    const stacked = (type: 'bar' | 'column', flag?: boolean): string => chartPart({ type, stacked: flag, title: 't', source: 'A2:C5', from: 'E2', to: 'L20' }, SHEET, 'S')?.xml ?? '';
    // CT_BarChart's order: barDir, grouping, varyColors, the series, gapWidth, overlap, the axis ids.
    expect(stacked('bar', true)).toMatch(/<c:barChart><c:barDir val="bar"\/><c:grouping val="stacked"\/><c:varyColors val="0"\/>(<c:ser>.*<\/c:ser>){2}<c:gapWidth val="150"\/><c:overlap val="100"\/><c:axId /);
    expect(stacked('column', true)).toMatch(/<c:barDir val="col"\/><c:grouping val="stacked"\/>.*<c:overlap val="100"\/>/);
    for (const xml of [stacked('bar'), stacked('bar', false)]) {
      expect(xml).toContain('<c:grouping val="clustered"/>');
      expect(xml).not.toContain('overlap');
    }
  });

  it('a bar chart of a ranking draws its first row on top: categories maxMin, the value axis crossing at the last (bottom) one', () => {
    const bar = (type: 'bar' | 'column', firstOnTop?: boolean): string => chartPart({ type, firstOnTop, title: 't', source: 'A2:C5', from: 'E2', to: 'L20' }, SHEET, 'S')?.xml ?? '';
    expect(bar('bar', true)).toMatch(/<c:catAx><c:axId val="\d+"\/><c:scaling><c:orientation val="maxMin"\/><\/c:scaling>.*<c:valAx>.*<c:crosses val="max"\/><c:crossBetween/);
    // Not asked for, or not a bar chart (a column chart's first category is already where reading starts).
    for (const xml of [bar('bar'), bar('column', true)]) {
      expect(xml).toContain('<c:orientation val="minMax"/>');
      expect(xml).not.toContain('maxMin');
      expect(xml).not.toContain('<c:crosses val="max"/>');
    }
  });

  it('draws nothing from a source without a data row or without a value column', () => {
    expect(chartPart({ type: 'bar', title: 't', source: 'A2:C2', from: 'E2', to: 'L20' }, SHEET, 'S')).toBeNull();
    expect(chartPart({ type: 'bar', title: 't', source: 'A2:A5', from: 'E2', to: 'L20' }, SHEET, 'S')).toBeNull();
    expect(chartPart({ type: 'bar', title: 't', source: 'nonsense', from: 'E2', to: 'L20' }, SHEET, 'S')).toBeNull();
  });

  it('anchors each chart through its relationship', () => {
    const part = chartPart({ type: 'bar', title: 'A & B', source: 'A2:C5', from: 'E2', to: 'L20' }, SHEET, 'S');
    if (!part) throw new Error('no chart');
    const xml = drawingPartXml([part], ['rId7'], ['A & B']);
    expect(xml).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>');
    expect(xml).toContain('<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>');
    expect(xml).toContain('name="A &amp; B"');
    expect(xml).toContain('r:id="rId7"/>');
  });

  describe('the <drawing> element in the worksheet', () => {
    const head = '<?xml version="1.0"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
    it.each([
      ['at the end', '<sheetData/><pageMargins left="0.7"/><pageSetup paperSize="9"/><headerFooter><oddFooter>&amp;P</oddFooter></headerFooter>', '<headerFooter><oddFooter>&amp;P</oddFooter></headerFooter><drawing r:id="rId1"/></worksheet>'],
      ['before legacyDrawing', '<sheetData/><legacyDrawing r:id="x"/>', '<sheetData/><drawing r:id="rId1"/><legacyDrawing r:id="x"/>'],
      ['before tableParts', '<sheetData/><tableParts count="0"/>', '<sheetData/><drawing r:id="rId1"/><tableParts count="0"/>'],
      ['before the sheet\'s extLst, not a rule\'s', '<sheetData/><conditionalFormatting sqref="A1"><cfRule type="x" priority="1"><extLst a="&gt;"/></cfRule></conditionalFormatting><extLst/>', '</conditionalFormatting><drawing r:id="rId1"/><extLst/>'],
    ])('%s', (_what, body, expected) => {
      expect(withDrawingElement(`${head}${body}</worksheet>`, 'rId1')).toContain(expected);
    });

    it('uses the root\'s prefixes, or declares the relationships namespace when the root has none', () => {
      const prefixed = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData/></x:worksheet>';
      expect(withDrawingElement(prefixed, 'rId3')).toBe(prefixed.replace('</x:worksheet>', '<x:drawing rel:id="rId3"/></x:worksheet>'));
      const bare = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
      expect(withDrawingElement(bare, 'rId1')).toBe(bare.replace('</worksheet>', '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>'));
    });
  });
});

import { Severity } from '../../src/core/model/findings';
import { markSheet, marksByRow } from '../../src/xlsx/sheet-marker';

async function mark(xml: string, cells: [string, Severity][], legacyDrawingId?: string, chunk = 7): Promise<{ xml: string; seen: [string, number][] }> {
  const seen: [string, number][] = [];
  async function* chunks(): AsyncGenerator<string> {
    for (let i = 0; i < xml.length; i += chunk) yield xml.slice(i, i + chunk);
  }
  let out = '';
  const marks = {
    cells: marksByRow(cells.map(([address, severity]) => ({ address, severity }))),
    // The new format index tells which original format and severity it came from.
    styleFor: (xf: number, severity: Severity) => 100 * xf + (severity === 'error' ? 1 : 2),
    seen: (address: string, xf: number) => {
      seen.push([address, xf]);
    },
    legacyDrawingId,
  };
  for await (const c of markSheet(chunks(), marks)) out += c;
  return { xml: out, seen };
}

describe('marking a worksheet part as it streams', () => {
  it('changes only the flagged cells\' style index; every other byte (CDATA, comments, prefixes) passes through', async () => {
    const xml = '<?xml version="1.0"?><x:worksheet xmlns:x="m"><!-- <c r="A1"/> --><x:sheetData><x:row r="1" spans="1:3"><x:c r="A1" s="3" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[<c r="Z9" s="1">]]></x:t></x:is></x:c></x:row><x:row r="2"><x:c r="B2"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const { xml: out, seen } = await mark(xml, [['A1', 'error'], ['B2', 'warning']]);
    expect(out).toBe(xml.replace('<x:c r="A1" s="3"', '<x:c r="A1" s="301"').replace('<x:c r="B2">', '<x:c s="2" r="B2">'));
    expect(seen).toEqual([['A1', 3], ['B2', 0]]);
  });

  it('adds flagged cells the part does not hold, in their place, and rows it lacks; and a legacyDrawing before tableParts', async () => {
    const xml = '<worksheet><sheetData><row r="2" s="7" customFormat="1"><c r="C2"><v>1</v></c></row><row r="5"/></sheetData><tableParts count="0"/></worksheet>';
    const { xml: out } = await mark(xml, [['A1', 'error'], ['B2', 'error'], ['D2', 'warning'], ['A5', 'error'], ['C9', 'warning']], 'rId9');
    expect(out).toBe('<worksheet><sheetData><row r="1"><c r="A1" s="1"/></row><row r="2" s="7" customFormat="1"><c r="B2" s="701"/><c r="C2"><v>1</v></c><c r="D2" s="702"/></row><row r="5"><c r="A5" s="1"/></row><row r="9"><c r="C9" s="2"/></row></sheetData><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/><tableParts count="0"/></worksheet>');
  });

  it('places cells and rows without references after the one before', async () => {
    const xml = '<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>';
    const { xml: out } = await mark(xml, [['B1', 'error'], ['A2', 'warning']], undefined, 3);
    expect(out).toBe('<worksheet><sheetData><row><c><v>1</v></c><c s="1"><v>2</v></c></row><row><c s="2"><v>3</v></c></row></sheetData></worksheet>');
  });

  it('fills an empty sheetData', async () => {
    const { xml: out } = await mark('<worksheet><sheetData/></worksheet>', [['A1', 'error']], 'rId1');
    expect(out).toBe('<worksheet><sheetData><row r="1"><c r="A1" s="1"/></row></sheetData><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>');
  });
});

import { asOfficeJs, createFakeExcel, FakeWorkbookModel, PAYLOAD_LIMIT } from './index';
import { codeOf } from './error-code';

function setup(rows: Record<string, (string | number | boolean | null)[][]> = { Sales: [['Doc', 'Amount'], ['D1', 10], ['D2', 20]] }, apiVersion = '1.18') {
  const fake = createFakeExcel(FakeWorkbookModel.fromRows(rows), { apiVersion });
  const { Excel, Office } = asOfficeJs(fake);
  return { fake, Excel, Office, model: fake.model };
}

describe('fake Excel: loading', () => {
  it('throws PropertyNotLoaded, shaped like OfficeExtension.Error, when a property is read before load and sync', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sales').getRange('A1:B3');
      let caught: unknown;
      try {
        void range.values;
      } catch (e) {
        caught = e;
      }
      expect(caught).toMatchObject({ name: 'RichApi.Error', code: 'PropertyNotLoaded', debugInfo: { code: 'PropertyNotLoaded' } });
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await ctx.sync();
      expect(range.values).toEqual([['Doc', 'Amount'], ['D1', 10], ['D2', 20]]);
      expect(() => range.address).toThrow(/address/);
    });
  });

  it('loads nested navigation paths and collection items', async () => {
    const { Excel, model } = setup({ A: [[1]], B: [[2]] });
    model.mustSheet('B').protected = true;
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name,items/protection/protected');
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([['A', false], ['B', true]]);
      expect(() => sheets.items[0].visibility).toThrow(/visibility/);
    });
  });

  it('reports empty cells as "" and error cells as their text, told apart from text by valueTypes', async () => {
    const { Excel, model } = setup({ S: [['#N/A', null, 5]] });
    model.mustSheet('S').setValue(0, 3, { error: '#N/A' });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:D1').load('values,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([['#N/A', '', 5, '#N/A']]);
      expect(r.valueTypes).toEqual([['String', 'Empty', 'Double', 'Error']]);
    });
  });

  it('gives a null object for a missing sheet and ItemNotFound for getItem', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope').load('name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem('Nope').load('name');
      expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    });
  });

  it('answers ValueNotLoaded for a ClientResult read before its sync', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      const props = ctx.workbook.worksheets.getItem('Sales').getRange('A1').getCellProperties({ format: { fill: { color: true } } });
      expect(() => props.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await ctx.sync();
      expect(props.value).toEqual([[{ format: { fill: { color: '#FFFFFF' } } }]]);
    });
  });
});

describe('fake Excel: queued writes', () => {
  it('applies writes only at sync, in the order they were queued', async () => {
    const { Excel, model } = setup();
    await Excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Sales').getRange('C1');
      cell.values = [['first']];
      cell.values = [['second']];
      expect(model.mustSheet('Sales').getValue(0, 2)).toBeNull();
      await ctx.sync();
      expect(model.mustSheet('Sales').getValue(0, 2)).toBe('second');
    });
  });

  it('flushes what the batch queued after its last sync when Excel.run ends', async () => {
    const { fake, Excel, model } = setup();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('C1').values = [['x']];
    });
    expect(model.mustSheet('Sales').getValue(0, 2)).toBe('x');
    expect(fake.stats.syncs).toBe(1);
  });

  it('ignores null entries, clears on "", and keeps a text-formatted "=..." as text', async () => {
    const { Excel, model } = setup();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      ws.getRange('A2:B2').values = [[null, '']];
      ws.getRange('D1:D2').numberFormat = [['@'], ['@']];
      ws.getRange('D1:D2').values = [['=SUM(A1)'], ['00123']];
      ws.getRange('E1:E3').values = [['=SUM(A1)'], ['00123'], ['-abc']];
      await ctx.sync();
    });
    const s = model.mustSheet('Sales');
    expect(s.getValue(1, 0)).toBe('D1');
    expect(s.getValue(1, 1)).toBeNull();
    expect(s.getValue(0, 3)).toBe('=SUM(A1)');
    expect(s.getValue(1, 3)).toBe('00123');
    expect(s.formulas.size).toBe(2);
    expect(s.getValue(1, 4)).toBe(123);
  });

  it('rejects an input array that does not match the range', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('A1:B1').values = [['only one']];
      expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    });
  });
});

describe('fake Excel: limits and failures', () => {
  it('fails a request over 5 MB with RequestPayloadSizeLimitExceeded and applies nothing of it', async () => {
    const { Excel, model } = setup();
    const big = Array.from({ length: 200 }, () => ['x'.repeat(30_000)]);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      ws.getRange('C1').values = [['before']];
      ws.getRange('D1:D200').values = big;
      expect(await codeOf(ctx.sync())).toBe('RequestPayloadSizeLimitExceeded');
    });
    expect(model.mustSheet('Sales').getValue(0, 2)).toBeNull();
    expect(30_000 * 200).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it('fails a response over 5 MB with ResponsePayloadSizeLimitExceeded', async () => {
    const rows = Array.from({ length: 200 }, () => ['y'.repeat(30_000)]);
    const { Excel } = setup({ Big: rows });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Big').getRange('A1:A200').load('values');
      expect(await codeOf(ctx.sync())).toBe('ResponsePayloadSizeLimitExceeded');
      expect(() => r.values).toThrow();
    });
  });

  it('refuses to read more than five million cells at once', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('A1:E1048576').load('values');
      expect(await codeOf(ctx.sync())).toBe('RangeExceedsLimit');
    });
  });

  it('fails an injected request whole, then works again', async () => {
    const { fake, Excel, model } = setup();
    fake.inject.failAtRequest(2, 'GeneralException');
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      ws.getRange('C1').values = [['one']];
      await ctx.sync();
      ws.getRange('C2').values = [['two']];
      ws.getRange('C3').values = [['three']];
      expect(await codeOf(ctx.sync())).toBe('GeneralException');
      ws.getRange('C4').values = [['four']];
      await ctx.sync();
    });
    const s = model.mustSheet('Sales');
    expect([s.getValue(0, 2), s.getValue(1, 2), s.getValue(2, 2), s.getValue(3, 2)]).toEqual(['one', null, null, 'four']);
    expect(fake.stats.requests).toBe(3);
  });

  it('fails every request while the user is editing a cell', async () => {
    const { fake, Excel } = setup();
    fake.inject.setCellEditMode(true);
    const code = await codeOf(Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').load('name');
      await ctx.sync();
    }));
    expect(code).toBe('InvalidOperationInCellEditMode');
    fake.inject.setCellEditMode(false);
    expect(await codeOf(Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').load('name');
      await ctx.sync();
    }))).toBe('no-error');
  });

  it('refuses writes to a protected sheet with AccessDenied, keeping what ran before it in the batch', async () => {
    const { Excel, model } = setup({ Open: [[1]], Locked: [[2]] });
    model.mustSheet('Locked').protected = true;
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Open').getRange('B1').values = [['ok']];
      ctx.workbook.worksheets.getItem('Locked').getRange('A1').format.fill.color = '#FF0000';
      ctx.workbook.worksheets.getItem('Open').getRange('C1').values = [['never']];
      expect(await codeOf(ctx.sync())).toBe('AccessDenied');
    });
    expect(model.mustSheet('Open').getValue(0, 1)).toBe('ok');
    expect(model.mustSheet('Open').getValue(0, 2)).toBeNull();
    expect(model.mustSheet('Locked').fills.size).toBe(0);
  });

  it('refuses an address longer than 8,192 characters', async () => {
    const { Excel } = setup();
    const cells = Array.from({ length: 1500 }, (_, i) => `A${i * 2 + 1}`).join(',');
    expect(cells.length).toBeGreaterThan(8192);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRanges(cells).format.fill.color = '#FFC7CE';
      expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    });
  });

  it('answers ApiNotFound for members above its API version and says so through isSetSupported', async () => {
    const { Excel, Office } = setup(undefined, '1.9');
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').notes.add('A1', 'hello');
      expect(await codeOf(ctx.sync())).toBe('ApiNotFound');
    });
  });

  it('counts syncs, requests and request bytes', async () => {
    const { fake, Excel } = setup();
    await Excel.run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sales').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requests).toBe(1);
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(20);
    expect(fake.stats.ops['Range.load']).toBe(1);
  });
});

describe('fake Excel: formats, notes, comments, events', () => {
  it('reports fills and font colours per cell, "None" pattern for no fill', async () => {
    const { Excel, model } = setup();
    model.mustSheet('Sales').fills.set(1 * 16384 + 0, { color: '#00FF00', pattern: 'Solid' });
    await Excel.run(async (ctx) => {
      const props = ctx.workbook.worksheets.getItem('Sales').getRange('A1:A2').getCellProperties({ format: { fill: { color: true, pattern: true }, font: { color: true } } });
      await ctx.sync();
      expect(props.value.map((r) => r[0].format)).toEqual([
        { fill: { color: '#FFFFFF', pattern: 'None' }, font: { color: '#000000' } },
        { fill: { color: '#00FF00', pattern: 'Solid' }, font: { color: '#000000' } },
      ]);
    });
  });

  it('highlights multi-area ranges and clears fills', async () => {
    const { Excel, model } = setup();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      ws.getRanges('A1, B2:B3').format.fill.color = '#ffc7ce';
      await ctx.sync();
      expect(model.mustSheet('Sales').fills.size).toBe(3);
      ws.getRange('B2').format.fill.clear();
      await ctx.sync();
    });
    expect([...model.mustSheet('Sales').fills.values()].map((f) => f.color)).toEqual(['#FFC7CE', '#FFC7CE']);
  });

  it.each([
    [',', 'A1,B2:B3', 'A1;B2:B3'],
    [';', 'A1;B2:B3', 'A1,B2:B3'],
  ])('with list separator "%s", takes areas joined by it (%s) and refuses the other (%s)', async (separator, good, bad) => {
    const fake = createFakeExcel(FakeWorkbookModel.fromRows({ Sales: [[1]] }), { listSeparator: separator as ',' | ';' });
    const { Excel } = asOfficeJs(fake);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      const areas = ws.getRanges(good).load('areaCount');
      await ctx.sync();
      expect(areas.areaCount).toBe(2);
      ws.getRanges(bad).format.fill.color = '#FFC7CE';
      expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    });
    expect(fake.model.mustSheet('Sales').fills.size).toBe(0);
  });

  it.each([
    ['documented', ['None', 'Solid'], '#FFFFFF'],
    ['null', [null, null], '#FFFFFF'],
  ])('fill patterns reported %s: No Fill and a white fill told apart by tintAndShade only', async (report, patterns, noFillColor) => {
    const model = FakeWorkbookModel.fromRows({ Sales: [[1, 2]] });
    model.mustSheet('Sales').fills.set(1, { color: '#FFFFFF', pattern: 'Solid' });
    const fake = createFakeExcel(model, { fillPatternReported: report as 'documented' | 'null' });
    const { Excel } = asOfficeJs(fake);
    await Excel.run(async (ctx) => {
      const props = ctx.workbook.worksheets.getItem('Sales').getRange('A1:B1').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      await ctx.sync();
      expect(props.value[0].map((p) => p.format?.fill)).toEqual([
        { color: noFillColor, pattern: patterns[0], tintAndShade: null },
        { color: '#FFFFFF', pattern: patterns[1], tintAndShade: 0 },
      ]);
    });
  });

  it('adds, reads, edits and deletes notes; refuses a second note on a cell', async () => {
    const { Excel, model } = setup();
    await Excel.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem('Sales').notes;
      notes.add('B2', 'check this');
      await ctx.sync();
      const n = notes.getItemOrNullObject('B2').load('content');
      const none = notes.getItemOrNullObject('B3').load('content');
      await ctx.sync();
      expect([n.isNullObject, n.content, none.isNullObject]).toEqual([false, 'check this', true]);
      notes.add('B2', 'again');
      expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
      notes.getItem('B2').delete();
      await ctx.sync();
    });
    expect(model.mustSheet('Sales').notes.size).toBe(0);
  });

  it('adds comments by full address and finds their cells', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      ctx.workbook.comments.add('Sales!B2', 'hello');
      await ctx.sync();
      const items = ctx.workbook.comments.load('items/content');
      await ctx.sync();
      const loc = items.items[0].getLocation().load('address');
      await ctx.sync();
      expect(loc.address).toBe('Sales!B2');
      ctx.workbook.comments.add('B3', 'no sheet');
      expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    });
  });

  it('raises onChanged for writes, the add-in\'s own included, unless events are disabled', async () => {
    const { fake, Excel } = setup();
    const seen: string[] = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').onChanged.add(async (e) => {
        seen.push(`${e.address}:${e.triggerSource}`);
      });
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sales').getRange('C1').values = [['x']];
      await ctx.sync();
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem('Sales').getRange('C2').values = [['y']];
      await ctx.sync();
      ctx.runtime.enableEvents = true;
    });
    fake.inject.userEdit('Sales', 'C3', 'typed');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['C1:ThisLocalAddin', 'C3:Unknown']);
  });

  it('keeps a proxy on its sheet after the sheet is renamed in the same batch', async () => {
    const { Excel, model } = setup();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      ws.name = 'Renamed';
      ws.getRange('C1').values = [['after']];
      await ctx.sync();
    });
    expect(model.mustSheet('Renamed').getValue(0, 2)).toBe('after');
  });
});

import { promises as fs } from 'fs';
import { checkWorkbook } from '../../src/core/engine';
import { fmt } from '../../src/core/model/i18n';
import { Report } from '../../src/core/output/report';
import { runCheck } from '../../src/cli/run-check';
import { serializeState, STATE_SHEET } from '../../src/core/output/workbook-state';
import { cleanWorkbook, FixtureWorkbook, mistakesWorkbook, VARIANTS } from '../fixtures/validation-workbooks';
import { recon, tempDir, writeGrids } from './cli-helpers';

/**
 * The validation fixtures written to .xlsx files and checked by `recon check` must give exactly the
 * report the engine gives on the same grids in memory: the file round trip (numbers, text, error cells,
 * merged areas) loses nothing the checks look at.
 */
describe.each(VARIANTS.map((v) => [v]))('recon check on the validation fixtures (%s headers)', (variant) => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  async function viaCli(wb: FixtureWorkbook, name: string): Promise<Report> {
    const input = tmp.file(`${name}.xlsx`);
    const json = tmp.file(`${name}.json`);
    await writeGrids(input, wb.sheets);
    const run = await recon('check', input, '--json', json, '--as-of', '2024-03-31', '--lang', wb.settings.lang);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    return JSON.parse(await fs.readFile(json, 'utf8')) as Report;
  }

  const inMemory = (wb: FixtureWorkbook): Report => JSON.parse(JSON.stringify(checkWorkbook({ sheets: wb.sheets, settings: wb.settings }).report)) as Report;

  it('reports the same findings for the mistakes workbook as the engine in memory', async () => {
    const wb = mistakesWorkbook(variant);
    const fromFile = await viaCli(wb, 'mistakes');
    const expected = inMemory(wb);
    expect(fromFile.sheets).toEqual(expected.sheets);
    expect(fromFile.findings).toEqual(expected.findings);
    // Every injected mistake is among them.
    for (const e of wb.expected) expect(fromFile.findings.some((f) => f.code === e.code && f.sheet === e.sheet && f.cell === e.cell)).toBe(true);
  });

  it('reports the same for the clean workbook, matches and customers included', async () => {
    const wb = cleanWorkbook(variant);
    const fromFile = await viaCli(wb, 'clean');
    expect(fromFile).toEqual(inMemory(wb));
  });
});

describe('recon check --out on a large workbook', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('annotates it part by part whatever its size', async () => {
    const wb = cleanWorkbook('en');
    const input = tmp.file('large.xlsx');
    await writeGrids(input, wb.sheets);
    const done = await runCheck({ input, out: tmp.file('large-out.xlsx'), streamAboveBytes: 1 });
    expect(done.ok).toBe(true);
    await expect(fs.stat(tmp.file('large-out.xlsx'))).resolves.toBeTruthy();
  });

  it('when it holds another renderer\'s annotations (the exceljs road), writes the report, then refuses the copy in one line', async () => {
    const wb = cleanWorkbook('en');
    const input = tmp.file('large-foreign.xlsx');
    const json = tmp.file('large-foreign.json');
    const state = { version: 1 as const, ownedSheets: [{ key: 'findings' as const, name: 'Old Findings' }], saved: [], settings: {} };
    await writeGrids(input, [...wb.sheets, { name: 'Old Findings', rows: [['x']] }, { name: STATE_SHEET, rows: serializeState(state).map((c) => [c]) }]);
    const done = await runCheck({ input, out: tmp.file('never.xlsx'), json, streamAboveBytes: 1 });
    expect(done.ok).toBe(false);
    if (done.ok) return;
    expect(done.exitCode).toBe(1);
    expect(fmt(done.message.text, 'en', done.message.params)).toMatch(/^cannot write ".*never\.xlsx": the workbook holds 1 MB of sheet data, more than the 1 MB the command line can annotate; use --json.* \(the report .*large-foreign\.json was written\)$/);
    await expect(fs.stat(tmp.file('never.xlsx'))).rejects.toThrow();
    expect((JSON.parse(await fs.readFile(json, 'utf8')) as Report).sheets.length).toBeGreaterThan(0);
  });
});

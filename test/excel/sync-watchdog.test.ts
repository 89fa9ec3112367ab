import { createExcelOps } from '../../src/excel/workbook-ops';
import { WatchdogTimers } from '../../src/excel/sync-watchdog';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';

/**
 * A sync Excel never settles (office-js #6678, #6150) ends the run with a message the user can act on,
 * in English and Chinese, and the add-in is free again (not "busy" forever). The watchdog's timers are
 * the test's own: they fire when the fake says a request is stuck, so no test waits on a clock.
 */

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

/** Timers that only fire when told to. */
function manualTimers(): WatchdogTimers & { fireAll(): void } {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    set(fire) {
      pending.set(++next, fire);
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    fireAll() {
      const fires = [...pending.values()];
      pending.clear();
      fires.forEach((f) => f());
    },
  };
}

async function requestsOfCleanCheck(): Promise<number> {
  const fake = newFake(salesWorkbook(30, 5));
  expect((await createExcelOps({ host: fakeHost(fake) }).check({})).ok).toBe(true);
  return fake.stats.requests;
}

describe('Excel adapter: a sync that never settles', () => {
  it('at any sync of a check: the run ends with SyncTimeout and what to do, the cells are as before, and the next check works', async () => {
    const total = await requestsOfCleanCheck();
    for (let k = 1; k <= total; k++) {
      const wb = salesWorkbook(30, 5);
      const before = snapshot(wb, USER_SHEETS);
      const fake = newFake(wb);
      const timers = manualTimers();
      const ops = createExcelOps({ host: fakeHost(fake), syncTimeout: { ms: 120_000, timers } });
      fake.inject.hangAtRequest(k, () => timers.fireAll());
      const r = await ops.check({});
      expect({ k, code: r.ok ? 'ok' : r.code }).toEqual({ k, code: 'SyncTimeout' });
      expect(r.ok ? '' : r.message).toContain('Excel stopped answering (nothing for 120 seconds)');
      expect({ k, same: snapshot(wb, USER_SHEETS) }).toEqual({ k, same: before });
      const again = await ops.check({});
      expect({ k, ok: again.ok }).toEqual({ k, ok: true });
    }
  });

  it('during Clear, in Chinese', async () => {
    const fake = newFake(salesWorkbook(30, 5), { displayLanguage: 'zh-CN' });
    const timers = manualTimers();
    const ops = createExcelOps({ host: fakeHost(fake), syncTimeout: { timers } });
    expect((await ops.check({})).ok).toBe(true);
    fake.inject.hangAtRequest(1, () => timers.fireAll());
    const r = await ops.clear();
    expect(r).toMatchObject({ ok: false, code: 'SyncTimeout' });
    expect(r.ok ? '' : r.message).toContain('Excel 已停止响应');
    expect((await ops.clear()).ok).toBe(true);
  });
});

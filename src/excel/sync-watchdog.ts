import { ExcelHost } from './host';
import { AdapterError } from './office-errors';

/**
 * A watchdog on every `context.sync()`. Excel has been seen never to settle a sync (office-js issues
 * #6678, #6150): the promise neither resolves nor rejects, so a run waiting on it waits forever and the
 * task pane stays busy. Each sync here races a timer; when Excel has not answered in time the sync fails
 * with the adapter's `SyncTimeout`, the run ends through the usual failure path (rollback attempted,
 * a message saying what to do) and the pane is free again.
 */

/** How long Excel may take to answer one sync. Generous: a full 3 MB request on the web takes seconds. */
export const SYNC_TIMEOUT_MS = 120_000;

/** Timers the watchdog uses (tests hand in ones they fire themselves). */
export interface WatchdogTimers {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: WatchdogTimers = {
  set: (fire, ms) => setTimeout(fire, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Wraps the context's `sync` so that one not settled within `ms` rejects with AdapterError('SyncTimeout'). */
export function watchSyncs(context: Excel.RequestContext, ms: number, timers: WatchdogTimers): Excel.RequestContext {
  const sync = context.sync.bind(context);
  const watched = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const handle = timers.set(() => reject(new AdapterError('SyncTimeout', { seconds: Math.round(ms / 1000) })), ms);
      sync().then(
        () => {
          timers.clear(handle);
          resolve();
        },
        (e: unknown) => {
          timers.clear(handle);
          reject(e);
        },
      );
    });
  context.sync = watched as typeof context.sync;
  return context;
}

/** The host with a watchdog on every sync of every run. */
export function watchedHost(host: ExcelHost, ms = SYNC_TIMEOUT_MS, timers: WatchdogTimers = REAL_TIMERS): ExcelHost {
  return { ...host, run: (batch) => host.run((context) => batch(watchSyncs(context, ms, timers))) };
}

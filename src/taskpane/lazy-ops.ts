/**
 * WorkbookOps whose implementation arrives later. The Excel adapter (and, through it, every module it
 * reads and writes the workbook with) is a large bundle; the task pane's first screen shows without it
 * and loads it in the background, so the first click on Check rarely waits.
 */
import { Lang } from '../core/model/i18n';
import type { OpResult, WorkbookOps } from '../excel/ops';
import { t } from './strings';

/** WorkbookOps plus a way to start loading the implementation before the first call needs it. */
export interface LazyWorkbookOps extends WorkbookOps {
  /** Starts loading now; a failure is not reported here (the next call retries and reports it). */
  preload(): void;
}

/** The code an operation returns when the adapter's bundle could not be loaded. */
export const LOAD_FAILED = 'AddinCodeNotLoaded';

/**
 * Forwards every operation to the WorkbookOps `load` resolves with, loading it once on first use.
 * `displayLanguage` is needed to draw the first screen, so it comes from `lang` without waiting.
 * When loading fails the operation returns a message the user can act on, and the next call tries again
 * (a dropped connection should not need the pane to be reopened).
 */
export function lazyWorkbookOps(load: () => Promise<WorkbookOps>, lang: () => Lang): LazyWorkbookOps {
  let pending: Promise<WorkbookOps> | null = null;
  const ops = (): Promise<WorkbookOps> => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
  const call = async <T>(run: (o: WorkbookOps) => Promise<OpResult<T>>): Promise<OpResult<T>> => {
    let loaded: WorkbookOps;
    try {
      loaded = await ops();
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return { ok: false, code: LOAD_FAILED, message: t('loadFailed', lang(), { detail }) };
    }
    return run(loaded);
  };
  return {
    check: (options) => call((o) => o.check(options)),
    clear: () => call((o) => o.clear()),
    verifyAudit: () => call((o) => o.verifyAudit()),
    select: (sheet, cell) => call((o) => o.select(sheet, cell)),
    displayLanguage: lang,
    preload: () => {
      ops().catch(() => undefined);
    },
  };
}

/**
 * The one place the task pane meets the Excel adapter: builds the real WorkbookOps once Office is
 * ready. Everything else in src/taskpane sees only the WorkbookOps interface.
 */
import { langFromLocale } from '../core/model/i18n';
import { officeHost } from '../excel/host';
import { LazyWorkbookOps, lazyWorkbookOps } from './lazy-ops';

/**
 * The WorkbookOps for the Excel the task pane runs in (the global `Excel` and `Office`). The adapter's
 * code is a separate chunk, loaded on the first operation or on `preload()`, which keeps it out of the
 * first screen's JavaScript (DESIGN.md's task pane budget).
 */
export function createOfficeOps(): LazyWorkbookOps {
  const host = officeHost();
  return lazyWorkbookOps(
    () => import(/* webpackChunkName: "excel-ops" */ './office-adapter').then((m) => m.createOfficeAdapter()),
    () => langFromLocale(host.displayLanguage()),
  );
}

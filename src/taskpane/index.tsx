/**
 * Task pane entry: waits for Office, then renders the pane with the real workbook operations.
 * Opened outside Excel (a plain browser tab, or office.js blocked), it explains where to open it
 * instead of crashing: there `Office.onReady` resolves with a null host and `Office.context` may be
 * undefined, and `Office` itself is missing when the CDN script did not load.
 */
import { createRoot } from 'react-dom/client';
import { langFromLocale } from '../core/model/i18n';
import { App } from './App';
import { createOfficeOps } from './office-ops';
import type { TemplateOps } from '../excel/template-ops';
import { OutsideOffice } from './OutsideOffice';

/** Resolves with the Office host name ("Excel"…) or null when not running inside an Office host. */
async function officeHost(): Promise<string | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const info = await Office.onReady();
  return info && info.host ? String(info.host) : null;
}

async function start(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html has no #container element');
  const root = createRoot(container);
  let host: string | null = null;
  try {
    host = await officeHost();
  } catch {
    host = null; // office.js failed to initialise: same as running outside Office
  }
  if (host === 'Excel' && typeof Excel !== 'undefined') {
    const templates = (): Promise<TemplateOps> => import(/* webpackChunkName: "template-ops" */ '../excel/template-ops').then((m) => m.createTemplateOps());
    const ops = createOfficeOps();
    root.render(<App ops={ops} templates={templates} />);
    // The adapter is not on the first screen; fetch it while the user reads it, before Check is clicked.
    setTimeout(() => ops.preload(), 0);
  } else {
    root.render(<OutsideOffice lang={langFromLocale(typeof navigator !== 'undefined' ? navigator.language : null)} />);
  }
}

void start();

import { langFromLocale, Lang } from '../core/model/i18n';
import { resolveSettings } from '../core/model/settings';
import { MapChoice } from '../core/templates/column-map';
import { ExcelHost, officeHost } from './host';
import { createLiveChecker, LiveChecker, LiveResult } from './live-check';
import { MappingView, readMapping, saveMapping } from './mapping-ops';
import { OpResult } from './ops';
import { applyTemplate, ApplyOptions, insertTemplate, InsertOptions, TemplateResult } from './template-insert';
import { templateFailure } from './template-messages';

/**
 * The template side of the pane's workbook operations: insert and apply templates, the mapping panel's
 * read and save, the live check. Built on demand (the pane loads it when the Templates section opens),
 * so the first screen carries no engine code.
 */
export interface TemplateOps {
  insert(o: Omit<InsertOptions, 'lang'>): Promise<OpResult<TemplateResult>>;
  apply(o: Omit<ApplyOptions, 'lang'>): Promise<OpResult<TemplateResult>>;
  /** The visible sheets, for the Apply picker. */
  sheets(): Promise<OpResult<string[]>>;
  mapping(): Promise<OpResult<MappingView>>;
  saveMapping(choices: readonly MapChoice[]): Promise<OpResult<number>>;
  /** Starts checking edits of the template sheets; results and failures go to the listeners. */
  startLive(onResult: (r: LiveResult) => void, onError: (e: { code: string; message: string }) => void): Promise<OpResult<{ sheets: string[] }>>;
  stopLive(): Promise<void>;
  /** Removes the live highlights (the pane calls it before a full check or Clear). */
  clearLive(): Promise<OpResult<number>>;
}

export type { LiveResult, MappingView, TemplateResult };

/** Template operations over the given Excel (default: the one the add-in runs in). */
export function createTemplateOps(host: ExcelHost = officeHost()): TemplateOps {
  const lang = (): Lang => langFromLocale(host.displayLanguage());
  let live: LiveChecker | null = null;
  return {
    insert: (o) => insertTemplate(host, { ...o, lang: lang() }),
    apply: (o) => applyTemplate(host, { ...o, lang: lang() }),
    async sheets() {
      try {
        const names = await host.run(async (context) => {
          const ws = context.workbook.worksheets.load('items/name,items/visibility');
          await context.sync();
          return ws.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
        });
        return { ok: true, value: names };
      } catch (e) {
        return templateFailure(e, lang());
      }
    },
    mapping: () => readMapping(host, lang()),
    saveMapping: (choices) => saveMapping(host, lang(), choices),
    async startLive(onResult, onError) {
      await live?.stop();
      live = createLiveChecker({ host, settings: (saved) => resolveSettings({ ...saved, lang: lang() }), onResult, onError });
      return live.start();
    },
    async stopLive() {
      await live?.stop();
    },
    clearLive: () => (live ? live.clearAll() : Promise.resolve({ ok: true, value: 0 })),
  };
}

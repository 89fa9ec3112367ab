/**
 * The Office surface the adapter needs, gathered in one place so tests (and the browser test of the
 * task pane) can hand in a fake Excel without touching globals, and the real add-in uses Office's own.
 */
export interface ExcelHost {
  /** `Excel.run` with a fresh request context. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version: string): boolean;
  /** `Office.context.displayLanguage` ("en-US", "zh-CN"). */
  displayLanguage(): string;
}

/** The host Office provides once `Office.onReady` has resolved. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    displayLanguage: () => Office.context?.displayLanguage ?? 'en-US',
  };
}

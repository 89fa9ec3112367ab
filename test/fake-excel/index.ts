import { cellKey, parseLocal, splitSheet } from './address';
import { coerceInput, TextFormatOnValues } from './cell-values';
import { FakeValue, FakeWorkbookModel } from './model';
import { FakeClientObject, FakeHost, FakeOfficeError, FakeRequestContext, FakeStats, compareVersions, emptyStats } from './runtime';
import { FakeRuntime, FakeWorkbook } from './objects';
import { FakeUndo } from './undo';

/**
 * A fake of the Excel JavaScript API (`Excel`, `Office`, `OfficeExtension`) over an in-memory workbook.
 * Pure TypeScript with no Node imports, so a browser test can install it as the page's globals.
 *
 *   const fake = createFakeExcel(FakeWorkbookModel.fromRows({ Sales: [...] }), { apiVersion: '1.18' });
 *   await fake.Excel.run(async (ctx) => { ... });
 *   fake.stats.syncs; fake.inject.failAtRequest(3); fake.inject.setCellEditMode(true);
 */

export { FakeWorkbookModel, FakeSheet, normalizeColor } from './model';
export type { FakeChart, FakeConditionalFormat, FakeConditionalFormatSpec, FakeConditionalFormatType, FakeValue, FakeFill, FakeFont, FakeNote, FakeComment, FakeTable, FakeValidation, Visibility, FakeBorder, BorderSide, FakePageLayout } from './model';
export { FakeOfficeError, PAYLOAD_LIMIT, READ_CELL_LIMIT } from './runtime';
export type { FakeStats } from './runtime';
export { ADDRESS_LIMIT } from './objects';

export interface FakeExcelOptions {
  /** Highest ExcelApi version this Excel implements (default "1.18"); members above it answer ApiNotFound. */
  apiVersion?: string;
  /** `Office.context.displayLanguage` (default "en-US"). */
  displayLanguage?: string;
  /** Other requirement sets and their versions, e.g. { ExcelApiOnline: "1.1" }. */
  otherSets?: Record<string, string>;
  /**
   * The list separator of the user's locale (default ","): Excel desktop in German, Italian, Czech… uses
   * ";" and refuses getRanges addresses joined with "," (office-js issues #1167, #1985).
   */
  listSeparator?: ',' | ';';
  /**
   * How fill patterns are reported (default "documented": "None" for No Fill). "null": pattern null for
   * every cell and No Fill's colour #FFFFFF, as some Excel builds do (office-js #4900, #6218).
   */
  fillPatternReported?: 'documented' | 'null';
  /**
   * What the Text number format does to text starting with `=`, `+`, `-`, `@` written through Range.values
   * (default "honoured": kept as text). "ignored": Excel parses it as a formula anyway, which no Microsoft
   * page rules out (the Range.values reference says such values are interpreted as formulas).
   */
  textFormatOnValues?: TextFormatOnValues;
}

/** Ways a test makes the fake misbehave the way Excel can. */
export interface FakeInjector {
  /** Fails the n-th request from now (1 = the next one) with an Office error code, applying nothing of it. */
  failAtRequest(n: number, code?: string, message?: string): void;
  /**
   * Makes the n-th request from now never settle, applying nothing (office-js #6678, #6150); `stuck` runs
   * when it is sent, so a test can then fire the timers a watchdog set.
   */
  hangAtRequest(n: number, stuck?: () => void): void;
  /** Fails the next request with an Office error code. */
  failNextRequest(code?: string, message?: string): void;
  clearFailures(): void;
  /** While on, every request fails with InvalidOperationInCellEditMode (the user is typing in a cell). */
  setCellEditMode(on: boolean): void;
  setApiVersion(version: string): void;
  /** A user typing into a cell: changes the model and raises onChanged like a local edit would. */
  userEdit(sheet: string, address: string, value: FakeValue | string): void;
  /** A user pasting a block of values at a cell: one onChanged event for the whole block, as Excel raises. */
  userPaste(sheet: string, topLeft: string, rows: FakeValue[][]): void;
  /**
   * Makes reading conditional formats fail with `code` (null: read normally): listing them ('collection'),
   * or reading a rule's range and format ('rule'), as Excel has been reported to (office-js #6827, #6835).
   */
  failConditionalFormatReads(code: string | null, at?: 'collection' | 'rule'): void;
  /** Runs after every request (for tests that act between two syncs); null to stop. */
  afterRequest(fn: ((requestNumber: number) => void) | null): void;
  /** Starts remembering cells before each writing request, so {@link undoLastSync} can take one back. */
  recordUndo(): void;
  /** The user pressing Ctrl+Z: the cells the last writing request changed go back (see undo.ts); false if none. */
  undoLastSync(): boolean;
}

export interface FakeExcel {
  /** Install as `globalThis.Excel` (typed loosely: it implements the part of the API the product uses). */
  Excel: FakeExcelNamespace;
  Office: FakeOfficeNamespace;
  OfficeExtension: { Error: typeof FakeOfficeError; ErrorCodes: Record<string, string> };
  model: FakeWorkbookModel;
  readonly stats: FakeStats;
  resetStats(): void;
  inject: FakeInjector;
  /** Sets `Excel`, `Office` and `OfficeExtension` on the given global object (a browser window, globalThis). */
  install(target?: Record<string, unknown>): () => void;
}

export interface FakeExcelNamespace {
  run<T>(...args: unknown[]): Promise<T>;
  RequestContext: new () => FakeRequestContext;
  ErrorCodes: Record<string, string>;
  SheetVisibility: Record<string, string>;
  ClearApplyTo: Record<string, string>;
  RangeValueType: Record<string, string>;
}

export interface FakeOfficeNamespace {
  context: {
    displayLanguage: string;
    contentLanguage: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  onReady(): Promise<{ host: string; platform: string }>;
  HostType: Record<string, string>;
}

const ERROR_CODES: Record<string, string> = {
  accessDenied: 'AccessDenied', apiNotFound: 'ApiNotFound', generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument', invalidOperation: 'InvalidOperation', itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound', rangeExceedsLimit: 'RangeExceedsLimit', requestAborted: 'RequestAborted',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded', invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
};

/** Creates a fake Excel over `model` (a new empty workbook with one sheet when omitted). */
export function createFakeExcel(model?: FakeWorkbookModel, options: FakeExcelOptions = {}): FakeExcel {
  const wb = model ?? FakeWorkbookModel.fromRows({ Sheet1: [] });
  const host = new FakeHost(wb, options.apiVersion ?? '1.18');
  host.listSeparator = options.listSeparator ?? ',';
  host.fillPatternReported = options.fillPatternReported ?? 'documented';
  host.textFormatOnValues = options.textFormatOnValues ?? 'honoured';
  const roots = (ctx: FakeRequestContext): { workbook: unknown; runtime: unknown } => ({
    workbook: new FakeWorkbook(ctx, 'workbook', '1.1'),
    runtime: new FakeRuntime(ctx, 'runtime', '1.5'),
  });
  const newContext = (): FakeRequestContext => new FakeRequestContext(host, roots);
  const undo = new FakeUndo(wb);
  host.beforeApply = (names) => undo.beforeRequest(names);

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== 'function') throw new FakeOfficeError('InvalidArgument', 'Excel.run');
    let ctx: FakeRequestContext | null = null;
    let delay = false;
    if (args.length > 1) {
      const first = args[0];
      if (first instanceof FakeRequestContext) ctx = first;
      else if (first instanceof FakeClientObject) ctx = first.context;
      else if (Array.isArray(first) && first[0] instanceof FakeClientObject) ctx = (first[0] as FakeClientObject).context;
      else if (first && typeof first === 'object') {
        const o = first as { delayForCellEdit?: boolean; previousObjects?: unknown };
        delay = o.delayForCellEdit === true;
        if (o.previousObjects instanceof FakeClientObject) ctx = o.previousObjects.context;
      }
    }
    ctx ??= newContext();
    if (delay) await host.waitForEditEnd();
    const returned: unknown = (batch as (c: FakeRequestContext) => unknown)(ctx);
    if (!returned || typeof (returned as Promise<T>).then !== 'function') throw new FakeOfficeError('RunMustReturnPromise');
    const value = await (returned as Promise<T>);
    // Excel.run flushes whatever the batch queued after its last sync.
    if (ctx._queue.length > 0) await ctx.sync();
    return value;
  }

  const Excel: FakeExcelNamespace = {
    run,
    RequestContext: function RequestContext() {
      return newContext();
    } as unknown as new () => FakeRequestContext,
    ErrorCodes: ERROR_CODES,
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks' },
    RangeValueType: { unknown: 'Unknown', empty: 'Empty', string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', error: 'Error', richValue: 'RichValue' },
  };

  const displayLanguage = options.displayLanguage ?? 'en-US';
  const otherSets = options.otherSets ?? {};
  const Office: FakeOfficeNamespace = {
    context: {
      displayLanguage,
      contentLanguage: displayLanguage,
      requirements: {
        isSetSupported(name: string, minVersion?: string): boolean {
          if (name === 'ExcelApi') return host.supports(minVersion ?? '1.1');
          const have = otherSets[name];
          if (have === undefined) return false;
          return minVersion === undefined || compareVersions(have, minVersion) >= 0;
        },
      },
    },
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    HostType: { Excel: 'Excel' },
  };

  const OfficeExtension = {
    Error: FakeOfficeError,
    ErrorCodes: { ...ERROR_CODES, propertyNotLoaded: 'PropertyNotLoaded', valueNotLoaded: 'ValueNotLoaded' },
  };

  const inject: FakeInjector = {
    failAtRequest(n, code = 'GeneralException', message) {
      host.failures.set(host.requestSeq + n, { code, message });
    },
    hangAtRequest(n, stuck = () => undefined) {
      host.hangs.set(host.requestSeq + n, stuck);
    },
    failNextRequest(code = 'GeneralException', message) {
      host.failures.set(host.requestSeq + 1, { code, message });
    },
    clearFailures() {
      host.failures.clear();
    },
    setCellEditMode(on) {
      host.setCellEditMode(on);
    },
    setApiVersion(version) {
      host.apiVersion = version;
    },
    userEdit(sheetName, address, value) {
      const sheet = wb.mustSheet(sheetName);
      const { local } = splitSheet(address);
      const rect = parseLocal(local);
      if (!rect) throw new Error(`bad address ${address}`);
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          if (typeof value === 'string') {
            const coerced = coerceInput(value, sheet.numberFormat(r, c), 'userEdit');
            if (coerced.skip) continue;
            sheet.setValue(r, c, coerced.value);
            if (coerced.formula) sheet.formulas.set(cellKey(r, c), coerced.formula);
          } else sheet.setValue(r, c, value);
        }
      }
      host.fire([{ sheet, rect, kind: 'changed' }], 'Unknown');
    },
    userPaste(sheetName, topLeft, rows) {
      const sheet = wb.mustSheet(sheetName);
      const at = parseLocal(topLeft);
      if (!at) throw new Error(`bad address ${topLeft}`);
      const width = Math.max(1, ...rows.map((r) => r.length));
      rows.forEach((row, i) => row.forEach((v, j) => sheet.setValue(at.r0 + i, at.c0 + j, v)));
      host.fire([{ sheet, rect: { r0: at.r0, c0: at.c0, r1: at.r0 + rows.length - 1, c1: at.c0 + width - 1 } }].map((x) => ({ ...x, kind: 'changed' as const })), 'Unknown');
    },
    afterRequest(fn) {
      host.afterRequest = fn;
    },
    failConditionalFormatReads(code, at = 'collection') {
      host.conditionalFormatFailure = code === null ? null : { code, at };
    },
    recordUndo() {
      undo.enabled = true;
    },
    undoLastSync() {
      return undo.undoLast();
    },
  };

  return {
    Excel,
    Office,
    OfficeExtension,
    model: wb,
    get stats() {
      return host.stats;
    },
    resetStats() {
      host.stats = emptyStats();
    },
    inject,
    install(target = globalThis as unknown as Record<string, unknown>) {
      const previous = { Excel: target.Excel, Office: target.Office, OfficeExtension: target.OfficeExtension };
      target.Excel = Excel;
      target.Office = Office;
      target.OfficeExtension = OfficeExtension;
      return () => {
        target.Excel = previous.Excel;
        target.Office = previous.Office;
        target.OfficeExtension = previous.OfficeExtension;
      };
    },
  };
}


/**
 * The fake seen through @types/office-js, for code written against the real API. The fake implements the
 * members the product uses; anything else is absent at run time (a test touching it fails loudly).
 */
export function asOfficeJs(fake: FakeExcel): { Excel: typeof Excel; Office: typeof Office } {
  return { Excel: fake.Excel as unknown as typeof Excel, Office: fake.Office as unknown as typeof Office };
}

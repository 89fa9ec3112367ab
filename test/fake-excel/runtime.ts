import { colLetters, Rect, utf8Length } from './address';
import { TextFormatOnValues } from './cell-values';
import { FakeSheet, FakeWorkbookModel } from './model';
import { ActionSpec, childNode, PathNode, RequestBuilder } from './request-body';

/**
 * The request machinery of the fake: errors shaped like `OfficeExtension.Error`, the host (the "Excel"
 * process with its model and counters), request contexts with their queue of operations, and the proxy
 * base class with `load()` and PropertyNotLoaded.
 *
 * How Excel behaves here (and so does the fake):
 * - Reading a proxy's property before `load()` + `sync()` throws PropertyNotLoaded at once.
 * - Writes are queued and applied at `sync()`, in order. When an operation fails, the ones before it in
 *   the same batch stay applied (Excel batches are not transactions) and the rest are dropped.
 * - A request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing; a response over
 *   5 MB fails with ResponsePayloadSizeLimitExceeded (the writes before it were applied).
 * - An injected failure or cell-edit mode fails the whole batch before anything is applied.
 */

/** Excel on the web refuses requests and responses above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** A single read may cover at most five million cells. */
export const READ_CELL_LIMIT = 5_000_000;

const MESSAGES: Record<string, string> = {
  PropertyNotLoaded:
    'The property \'{0}\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  InvalidOperationInCellEditMode:
    "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource being created already exists.',
  AccessDenied: "You can't perform the requested operation.",
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidCellAddress: 'The cell address is invalid.',
  GeneralException: 'There was an internal error while processing the request.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  RunMustReturnPromise: 'The batch function passed to the ".run" method didn\'t return a promise.',
};

/** The shape of `OfficeExtension.Error`: name, code, message, debugInfo, traceMessages, innerError. */
export class FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  traceMessages: string[] = [];
  innerError: FakeOfficeError | null = null;

  constructor(code: string, location?: string, message?: string) {
    const text = message ?? MESSAGES[code] ?? code;
    super(text);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message: text, ...(location ? { errorLocation: location } : {}) };
  }
}

export function propertyNotLoaded(className: string, prop: string): FakeOfficeError {
  return new FakeOfficeError('PropertyNotLoaded', `${className}.${prop}`, MESSAGES.PropertyNotLoaded.replace('{0}', prop));
}

/** Counters a test or the bench reads after a run. */
export interface FakeStats {
  /** Every `context.sync()` call, including the one `Excel.run` makes to flush pending work. */
  syncs: number;
  /** Syncs that carried operations to Excel. */
  requests: number;
  requestBytes: number[];
  responseBytes: number[];
  maxRequestBytes: number;
  totalRequestBytes: number;
  maxResponseBytes: number;
  totalResponseBytes: number;
  /** Operations by name ("RangeFill.color=", "Worksheet.getRanges", "Range.load"). */
  ops: Record<string, number>;
  /** Operations by sheet name, then by name; only operations aimed at one sheet. */
  opsBySheet: Record<string, Record<string, number>>;
}

export function emptyStats(): FakeStats {
  return {
    syncs: 0, requests: 0, requestBytes: [], responseBytes: [], maxRequestBytes: 0, totalRequestBytes: 0,
    maxResponseBytes: 0, totalResponseBytes: 0, ops: {}, opsBySheet: {},
  };
}

/** An event handler registered through `onChanged.add` and friends. */
interface Registration {
  kind: string;
  sheetId: string | null;
  handler: (args: unknown) => unknown;
}

/** A change made by a sync, for events. */
export interface ChangeRecord {
  sheet: FakeSheet;
  rect: Rect;
  kind: 'changed' | 'formatChanged';
}

/** The Excel process: one per fake, shared by every request context. */
export class FakeHost {
  stats: FakeStats = emptyStats();
  /** Highest ExcelApi version this "Excel" implements, e.g. "1.18". */
  apiVersion: string;
  enableEvents = true;
  cellEditMode = false;
  /** How fill patterns are reported: as documented ("None" for No Fill) or null for every cell (office-js #4900, #6218). */
  fillPatternReported: 'documented' | 'null' = 'documented';
  /** Whether Range.values keeps `=…` text as text in a Text-formatted cell (undocumented; both are modelled). */
  textFormatOnValues: TextFormatOnValues = 'honoured';
  /** The list separator of the user's locale: what joins the areas of a getRanges address. */
  listSeparator: ',' | ';' = ',';
  /**
   * Reading conditional formats fails with this code, at the collection ('collection') or at the rules'
   * own parts ('rule', as office-js #6827 and #6835 report for ranges with two rules); null: they read.
   */
  conditionalFormatFailure: { code: string; at: 'collection' | 'rule' } | null = null;
  /** Requests sent over the host's life (stats may be reset; this is not). */
  requestSeq = 0;
  /** Request numbers (1-based, counted over the host's life) that fail with the given code. */
  failures = new Map<number, { code: string; message?: string }>();
  /**
   * Request numbers that never settle (office-js #6678, #6150): nothing of them is applied and their
   * sync neither resolves nor rejects; the callback runs once the request is stuck.
   */
  hangs = new Map<number, () => void>();
  /** Called after each sync that carried a request (for tests that act between syncs). */
  afterRequest: ((requestNumber: number) => void) | null = null;
  /** Called before a request's operations are applied, with their names (the undo model records here). */
  beforeApply: ((opNames: string[]) => void) | null = null;
  private registrations: Registration[] = [];
  private editWaiters: (() => void)[] = [];

  constructor(
    readonly model: FakeWorkbookModel,
    apiVersion: string,
  ) {
    this.apiVersion = apiVersion;
  }

  supports(version: string): boolean {
    return compareVersions(this.apiVersion, version) >= 0;
  }

  register(kind: string, sheetId: string | null, handler: (args: unknown) => unknown): () => void {
    const reg: Registration = { kind, sheetId, handler };
    this.registrations.push(reg);
    return () => {
      this.registrations = this.registrations.filter((r) => r !== reg);
    };
  }

  /** Delivers events the way Excel does: later, not inside the sync that caused them. */
  fire(changes: ChangeRecord[], triggerSource: string): void {
    if (!this.enableEvents || changes.length === 0) return;
    for (const ch of changes) {
      const kind = ch.kind === 'changed' ? 'onChanged' : 'onFormatChanged';
      for (const reg of this.registrations) {
        if (reg.kind !== kind || (reg.sheetId !== null && reg.sheetId !== ch.sheet.id)) continue;
        const args = {
          type: ch.kind === 'changed' ? 'WorksheetChanged' : 'WorksheetFormatChanged',
          worksheetId: ch.sheet.id,
          address: rectA1(ch.rect),
          changeType: 'RangeEdited',
          source: 'Local',
          triggerSource,
        };
        setTimeout(() => void reg.handler(args), 0);
      }
    }
  }

  setCellEditMode(on: boolean): void {
    this.cellEditMode = on;
    if (!on) {
      const waiters = this.editWaiters;
      this.editWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  /** Resolves when cell-edit mode ends (for `delayForCellEdit`). */
  waitForEditEnd(): Promise<void> {
    return this.cellEditMode ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  count(name: string, sheet?: string): void {
    this.stats.ops[name] = (this.stats.ops[name] ?? 0) + 1;
    if (sheet !== undefined) {
      const per = (this.stats.opsBySheet[sheet] ??= {});
      per[name] = (per[name] ?? 0) + 1;
    }
  }
}

function rectA1(r: Rect): string {
  const a = `${colLetters(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${colLetters(r.c1)}${r.r1 + 1}`;
}

/** Compares "1.9" and "1.18" as versions, not as decimals. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** What an operation may do while it is applied. */
export interface ApplyScope {
  host: FakeHost;
  /** Registers loaded data: `payload` counts toward the response, `commit` runs if the sync succeeds. */
  stage(payload: unknown, commit: () => void): void;
  /** Records a change for events. */
  changed(sheet: FakeSheet, rect: Rect, kind: ChangeRecord['kind']): void;
}

/** One queued operation. */
export interface Op {
  /** Counter name, e.g. "Range.values=". */
  name: string;
  /** The object the operation acts on (for a creation, the object created). */
  target: FakeClientObject;
  /** What crosses the wire for it, serialised as Excel's request builder does (see request-body.ts). */
  action: ActionSpec;
  /** Lowest ExcelApi version that has this operation. */
  version: string;
  apply(scope: ApplyScope): void;
  /** The sheet the operation aims at, for per-sheet counters (evaluated after it applied). */
  sheetName?(): string | undefined;
}

/** A request context: the queue of one batch and the objects it created. */
export class FakeRequestContext {
  readonly workbook: unknown;
  readonly runtime: unknown;
  /** Present for code that adds objects to tracking; tracking changes nothing in the fake. */
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  /** @internal */
  _queue: Op[] = [];
  /** @internal */
  readonly _host: FakeHost;
  /** @internal Ids of object paths and actions: one counter per context, as in office.js. */
  private _lastId = 0;
  /** @internal The root object path (the workbook). */
  readonly _root: PathNode;

  constructor(host: FakeHost, makeRoots: (ctx: FakeRequestContext) => { workbook: unknown; runtime: unknown }) {
    this._host = host;
    this._root = { id: this._nextId(), type: 1, name: '', parent: null };
    const roots = makeRoots(this);
    this.workbook = roots.workbook;
    this.runtime = roots.runtime;
  }

  /** @internal */
  _nextId(): number {
    return ++this._lastId;
  }

  /** @internal The body of the request being queued. */
  private _body = new RequestBuilder(() => this._nextId());

  /** @internal True while a sync applies operations: proxies made then (loaded items) are not sent. */
  _applying = false;

  /**
   * @internal A proxy was made: office.js puts its path (and an instantiate action) into the pending
   * request at once, whether or not anything is later done with it.
   */
  _created(obj: FakeClientObject): void {
    if (!this._applying) this._body.add(obj._node(), { kind: 'instantiate' });
  }

  /** @internal */
  _enqueue(op: Op): void {
    this._queue.push(op);
    this._body.add(op.target._node(), op.action);
  }

  /** Sends the queued operations to "Excel" and applies them in order. */
  async sync(): Promise<void> {
    const host = this._host;
    await Promise.resolve();
    host.stats.syncs++;
    const ops = this._queue;
    const body = this._body;
    this._queue = [];
    this._body = new RequestBuilder(() => this._nextId());
    if (ops.length === 0) return;
    host.stats.requests++;
    const requestNumber = ++host.requestSeq;
    const requestBytes = utf8Length(body.text());
    host.stats.requestBytes.push(requestBytes);
    host.stats.totalRequestBytes += requestBytes;
    host.stats.maxRequestBytes = Math.max(host.stats.maxRequestBytes, requestBytes);
    const hang = host.hangs.get(requestNumber);
    if (hang) {
      host.hangs.delete(requestNumber);
      hang();
      return new Promise<void>(() => undefined);
    }
    try {
      if (host.cellEditMode) throw new FakeOfficeError('InvalidOperationInCellEditMode');
      const injected = host.failures.get(requestNumber);
      host.failures.delete(requestNumber);
      if (injected) throw new FakeOfficeError(injected.code, 'injected', injected.message);
      if (requestBytes > PAYLOAD_LIMIT) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');

      const commits: (() => void)[] = [];
      const payloads: unknown[] = [];
      const changes: ChangeRecord[] = [];
      const scope: ApplyScope = {
        host,
        stage(payload, commit) {
          payloads.push(payload);
          commits.push(commit);
        },
        changed(sheet, rect, kind) {
          changes.push({ sheet, rect, kind });
        },
      };
      let failure: unknown = null;
      host.beforeApply?.(ops.map((o) => o.name));
      this._applying = true;
      for (const op of ops) {
        try {
          if (!host.supports(op.version)) throw new FakeOfficeError('ApiNotFound', op.name);
          op.apply(scope);
          host.count(op.name, op.sheetName?.());
        } catch (e) {
          failure = e;
          break;
        }
      }
      this._applying = false;
      // Changes that were applied before a failure still raise events, as in Excel.
      host.fire(changes, 'ThisLocalAddin');
      if (failure) throw failure;
      const responseBytes = utf8Length(JSON.stringify({ Results: payloads.map((Value, i) => ({ ActionId: i, Value })) }));
      host.stats.responseBytes.push(responseBytes);
      host.stats.totalResponseBytes += responseBytes;
      host.stats.maxResponseBytes = Math.max(host.stats.maxResponseBytes, responseBytes);
      if (responseBytes > PAYLOAD_LIMIT) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded');
      commits.forEach((c) => c());
    } finally {
      host.afterRequest?.(requestNumber);
    }
  }
}

/** A parsed `load()` argument: scalar names and navigation sub-trees. */
export interface LoadTree {
  all: boolean;
  props: Set<string>;
  children: Map<string, LoadTree>;
}

function emptyTree(all = false): LoadTree {
  return { all, props: new Set(), children: new Map() };
}

function addPath(tree: LoadTree, segments: string[]): void {
  if (segments.length === 0) return;
  const [head, ...rest] = segments;
  if (rest.length === 0) {
    tree.props.add(head);
    return;
  }
  let child = tree.children.get(head);
  if (!child) {
    child = emptyTree();
    tree.children.set(head, child);
  }
  addPath(child, rest);
}

/** Parses every form `load()` accepts: "a, b/c", ["a", "b/c"], { select, expand }, { a: true, b: { c: true } }. */
export function parseLoad(spec: unknown): LoadTree {
  if (spec === undefined || spec === null) return emptyTree(true);
  const tree = emptyTree();
  const addList = (text: string): void => {
    for (const part of text.split(',')) {
      const p = part.trim();
      if (p) addPath(tree, p.split('/').map((s) => s.trim()));
    }
  };
  if (typeof spec === 'string') addList(spec);
  else if (Array.isArray(spec)) spec.forEach((s) => addList(String(s)));
  else if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if (typeof o.select === 'string' || typeof o.expand === 'string') {
      if (typeof o.select === 'string') addList(o.select);
      if (typeof o.expand === 'string') {
        for (const nav of o.expand.split(',').map((s) => s.trim()).filter(Boolean)) {
          const segs = nav.split('/');
          let t = tree;
          for (const s of segs) {
            let c = t.children.get(s);
            if (!c) {
              c = emptyTree(true);
              t.children.set(s, c);
            }
            t = c;
          }
          t.all = true;
        }
      }
    } else {
      const walk = (t: LoadTree, obj: Record<string, unknown>): void => {
        for (const [k, v] of Object.entries(obj)) {
          if (k === '$all' && v === true) t.all = true;
          else if (v === true) t.props.add(k);
          else if (typeof v === 'object' && v !== null) {
            const c = emptyTree();
            t.children.set(k, c);
            walk(c, v as Record<string, unknown>);
          }
        }
      };
      walk(tree, o);
    }
  }
  return tree;
}

/** Describes a scalar property: how to read it, and from which API version it exists. */
export interface ScalarDef {
  get(target: never): unknown;
  version?: string;
}

/** Marker thrown by resolvers when the object does not exist. */
export function notFound(location: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', location);
}

/** How a proxy was reached from its parent. */
export interface PathStep {
  parent: FakeClientObject;
  segment: string;
  /** Proxies among the call's arguments, by argument position (null for plain values). */
  refs?: (FakeClientObject | null)[];
}

/**
 * Base of every proxy. `_resolve` finds the live object in the model when an operation runs (not when the
 * proxy is created), which is what makes queued operations order-sensitive as in Excel.
 */
export abstract class FakeClientObject {
  /** @internal */ readonly _ctx: FakeRequestContext;
  /** @internal */ readonly _path: string;
  /** @internal */ readonly _version: string;
  /** @internal */ readonly _nullable: boolean;
  /** @internal */ _loaded = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined = undefined;
  /** @internal */ private _navCache = new Map<string, FakeClientObject>();
  /** @internal The proxy this one was reached from and how ("getRange(\"A1\")"); null for the roots. */
  readonly _step: PathStep | null;
  /** @internal Its object-path id, taken when the proxy is made, as office.js does. */
  readonly _pathId: number;
  /** @internal */ private _pathNode: PathNode | null = null;

  /** `path` is a root's name ("workbook", "runtime") or the step from a parent proxy ({@link _sub}). */
  constructor(ctx: FakeRequestContext, path: string | PathStep, version: string, nullable = false) {
    this._ctx = ctx;
    this._step = typeof path === 'string' ? null : path;
    this._path = typeof path === 'string' ? path : `${path.parent._path}.${path.segment}`;
    this._version = version;
    this._nullable = nullable;
    this._pathId = ctx._nextId();
    if (this._step) ctx._created(this);
  }

  /** @internal The step to a child proxy reached by `segment` (a property name or a call with JSON arguments). */
  _sub(segment: string, refs?: (FakeClientObject | null)[]): PathStep {
    return refs ? { parent: this, segment, refs } : { parent: this, segment };
  }

  /** @internal Where the proxy sits in Excel's object-path tree. */
  _node(): PathNode {
    if (!this._pathNode) {
      const root = this._ctx._root;
      if (this._step) {
        this._pathNode = childNode(this._pathId, this._step.parent._node(), this._step.segment);
        if (this._step.refs) this._pathNode.refs = this._step.refs.map((r) => (r ? r._node() : null));
      }
      else if (this._path === 'workbook') this._pathNode = root;
      else if (this._path === 'runtime') this._pathNode = { id: this._pathId, type: 4, name: '_Runtime', parent: root };
      else this._pathNode = { id: this._pathId, type: 3, name: this._path, parent: root }; // a path written as text: charged whole
    }
    return this._pathNode;
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }

  /** @internal The class name Excel uses in errors ("Range", "Worksheet"). */
  abstract get _className(): string;
  /** @internal Finds the live model object; throws ItemNotFound when there is none. */
  abstract _resolve(): unknown;
  /** @internal Readable scalar properties. */
  _scalars(): Record<string, ScalarDef> {
    return {};
  }
  /** @internal Navigation properties that `load("nav/prop")` may walk into. */
  _navNames(): string[] {
    return [];
  }
  /** @internal The sheet the object belongs to, for counters. */
  _sheetName(): string | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._className, 'isNullObject');
    return this._isNull;
  }

  /** @internal Cached child proxy for a navigation property, so loads through the parent reach it. */
  protected _nav<T extends FakeClientObject>(name: string, make: () => T): T {
    let child = this._navCache.get(name);
    if (!child) {
      child = make();
      this._navCache.set(name, child);
    }
    return child as T;
  }

  /** @internal */
  _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw propertyNotLoaded(this._className, name);
    return this._loaded.get(name) as T;
  }

  /**
   * @internal Queues a method call on this object with its arguments (also accepted as an object of named
   * arguments after `call`, the fake's older form, in the order written).
   */
  _queue(name: string, args: unknown[] | Record<string, unknown>, version: string, apply: (scope: ApplyScope) => void): void {
    const list = Array.isArray(args) ? args : Object.entries(args).filter(([k]) => k !== 'call').map(([, v]) => v);
    this._enqueueAction(name, { kind: 'method', name, args: list }, this, version, apply);
  }

  /** @internal Queues a method that creates `created` (its path carries the arguments). */
  _queueCreate(name: string, created: FakeClientObject, version: string, apply: (scope: ApplyScope) => void): void {
    this._enqueueAction(name, { kind: 'instantiate' }, created, version, apply);
  }

  private _enqueueAction(name: string, action: ActionSpec, target: FakeClientObject, version: string, apply: (scope: ApplyScope) => void): void {
    const v = compareVersions(version, this._version) > 0 ? version : this._version;
    this._ctx._enqueue({
      name: `${this._className}.${name}`,
      target,
      action,
      version: v,
      apply,
      sheetName: () => {
        try {
          return this._sheetName();
        } catch {
          return undefined;
        }
      },
    });
  }

  /** @internal Queues a property write; the proxy remembers the value it was given, as Office.js does. */
  _set(name: string, value: unknown, version: string, apply: (scope: ApplyScope) => void): void {
    this._enqueueAction(`${name}=`, { kind: 'set', name, value }, this, version, apply);
    this._loaded.set(name, value);
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    const paths: string[] = [];
    const collect = (t: LoadTree, prefix: string): void => {
      t.props.forEach((p) => paths.push(prefix + p));
      if (t.all) paths.push(`${prefix}*`);
      t.children.forEach((c, k) => collect(c, `${prefix}${k}/`));
    };
    collect(tree, '');
    this._enqueueAction('load', { kind: 'query', select: paths }, this, '1.1', (scope) => this._applyLoad(tree, scope));
    return this;
  }

  /** @internal Reads the requested properties now and stages them for the response. */
  _applyLoad(tree: LoadTree, scope: ApplyScope): void {
    if (!scope.host.supports(this._version)) throw new FakeOfficeError('ApiNotFound', this._className);
    let target: unknown;
    try {
      target = this._resolve();
    } catch (e) {
      if (this._nullable && e instanceof FakeOfficeError && e.code === 'ItemNotFound') {
        scope.stage({ isNullObject: true }, () => {
          this._isNull = true;
        });
        return;
      }
      throw e;
    }
    const scalars = this._scalars();
    const values: Record<string, unknown> = {};
    const names = new Set(tree.props);
    if (tree.all) {
      for (const [k, def] of Object.entries(scalars)) if (!def.version || scope.host.supports(def.version)) names.add(k);
    }
    for (const name of names) {
      const def = scalars[name];
      if (def) {
        if (def.version && !scope.host.supports(def.version)) throw new FakeOfficeError('ApiNotFound', `${this._className}.${name}`);
        values[name] = def.get(target as never);
      } else if (this._navNames().includes(name)) {
        this._child(name)._applyLoad({ all: true, props: new Set(), children: new Map() }, scope);
      } else {
        throw new FakeOfficeError('InvalidArgument', `${this._className}.load`, `The property '${name}' does not exist on ${this._className}.`);
      }
    }
    for (const [name, sub] of tree.children) {
      if (!this._navNames().includes(name)) {
        throw new FakeOfficeError('InvalidArgument', `${this._className}.load`, `The property '${name}' does not exist on ${this._className}.`);
      }
      this._child(name)._applyLoad(sub, scope);
    }
    scope.stage(values, () => {
      this._isNull = false;
      for (const [k, v] of Object.entries(values)) this._loaded.set(k, v);
    });
  }

  /** @internal The proxy behind a navigation property name. */
  _child(name: string): FakeClientObject {
    const child = (this as unknown as Record<string, unknown>)[name];
    if (!(child instanceof FakeClientObject)) throw new FakeOfficeError('InvalidArgument', `${this._className}.${name}`);
    return child;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** `OfficeExtension.ClientResult`: a value that exists only after the sync. */
export class FakeClientResult<T> {
  /** @internal */ _value: T | undefined;
  /** @internal */ _loaded = false;

  get value(): T {
    if (!this._loaded) throw new FakeOfficeError('ValueNotLoaded');
    return this._value as T;
  }
}

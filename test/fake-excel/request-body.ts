/**
 * The request body Excel's client library (office.js) sends for a batch, rebuilt from the fake's queued
 * operations so the fake charges what Excel is sent. Shape, as the library's request builder writes it
 * (test/fake-excel/request-bytes.test.ts measures both side by side with the debug build of the Excel
 * client script from @microsoft/office-js):
 *
 *   {"Actions":[...],"ObjectPaths":{"<id>":{...},...}}
 *
 * - Every proxy is an object path (root, property, method, indexer) with an id taken from one counter per
 *   request context when the proxy is made. Each request re-sends the path of every object it touches and
 *   of all its ancestors, each followed by an "instantiate" action, once per request. A proxy made once and
 *   reused (a worksheet fetched before a loop) costs its path once per request; one made per cell costs it
 *   per cell.
 * - Then one action per operation: set a property, call a method, or query (load). An operation that
 *   creates an object (`add`) is the instantiate action of the created object's path.
 * - Each path id is listed ("L") on the last action of the request that refers to it or a descendant.
 */

/** One node of Excel's object-path tree. */
export interface PathNode {
  id: number;
  /** 1 root, 3 method, 4 property, 5 indexer (Excel's ObjectPathType). */
  type: 1 | 3 | 4 | 5;
  name: string;
  args?: unknown[];
  parent: PathNode | null;
  /**
   * Proxies passed as arguments (`charts.add(type, range)`): office.js sends each as its path id, lists
   * the ids in `ReferencedObjectPathIds` (0 for plain arguments) and puts their paths in the request.
   */
  refs?: (PathNode | null)[];
}

/** What an operation asks of its object. */
export type ActionSpec =
  | { kind: 'set'; name: string; value: unknown }
  | { kind: 'method'; name: string; args: unknown[] }
  | { kind: 'query'; select: string[] }
  | { kind: 'instantiate' };

/** "getItemOrNullObject" → "GetItemOrNullObject": Excel's wire names are the members' names, capitalised. */
export function wireName(member: string): string {
  return member.charAt(0).toUpperCase() + member.slice(1);
}

/**
 * The path node of a proxy made by `segment` on its parent: "worksheets" (a property), "getRange(\"A1\")"
 * (a method and its JSON arguments) or "getItem(\"Sales\")" (the collection's indexer).
 */
export function childNode(id: number, parent: PathNode, segment: string): PathNode {
  const m = /^([A-Za-z_$][\w$]*)(?:\(([\s\S]*)\))?$/.exec(segment);
  if (!m) throw new Error(`fake Excel: unparseable path segment ${segment}`);
  const [, member, argText] = m;
  if (argText === undefined) return { id, type: 4, name: wireName(member), parent };
  const args = JSON.parse(`[${argText}]`) as unknown[];
  if (member === 'getItem') return { id, type: 5, name: '', args, parent };
  return { id, type: 3, name: wireName(member), args, parent };
}

function pathJson(n: PathNode): Record<string, unknown> {
  const out: Record<string, unknown> = { Id: n.id, ObjectPathType: n.type, Name: n.name };
  if (n.parent) out.ParentObjectPathId = n.parent.id;
  if (n.args) {
    const refs = n.refs;
    out.ArgumentInfo = refs ? { Arguments: n.args, ReferencedObjectPathIds: refs.map((r) => r?.id ?? 0) } : { Arguments: n.args };
  }
  return out;
}

/**
 * One request being built, as office.js builds it: ids are taken from the context's counter when each
 * operation is queued (paths first, then the action), so they grow with everything queued before.
 */
export class RequestBuilder {
  private readonly actions: Record<string, unknown>[] = [];
  private readonly paths: Record<string, Record<string, unknown>> = {};
  private readonly lastUse = new Map<PathNode, number>();

  constructor(private readonly nextId: () => number) {}

  /** Adds an operation on `node`. */
  add(node: PathNode, action: ActionSpec): void {
    this.ensure(node);
    if (action.kind === 'instantiate') return;
    const base = { Id: this.nextId(), ActionType: 0, Name: '', ObjectPathId: node.id };
    if (action.kind === 'set') this.actions.push({ ...base, ActionType: 4, Name: wireName(action.name), ArgumentInfo: { Arguments: [action.value] } });
    else if (action.kind === 'method') this.actions.push({ ...base, ActionType: 3, Name: wireName(action.name), ArgumentInfo: { Arguments: action.args } });
    else this.actions.push({ ...base, ActionType: 2, QueryInfo: { Select: action.select } });
    this.touch(node);
  }

  /** The JSON text of the request. */
  text(): string {
    const lists = new Map<number, number[]>();
    for (const [node, at] of this.lastUse) {
      const list = lists.get(at) ?? [];
      list.push(node.id);
      lists.set(at, list);
    }
    const actions = this.actions.map((a, i) => {
      const ids = lists.get(i);
      return ids ? { ...a, L: ids.sort((x, y) => x - y) } : a;
    });
    return JSON.stringify({ Actions: actions, ObjectPaths: this.paths });
  }

  private touch(node: PathNode): void {
    for (let n: PathNode | null = node; n; n = n.parent) this.lastUse.set(n, this.actions.length - 1);
  }

  private ensure(node: PathNode): void {
    if (this.paths[node.id]) return;
    if (node.parent) this.ensure(node.parent);
    for (const ref of node.refs ?? []) if (ref) this.ensure(ref);
    this.paths[node.id] = pathJson(node);
    this.actions.push({ Id: this.nextId(), ActionType: 1, Name: '', ObjectPathId: node.id });
    this.touch(node);
  }
}

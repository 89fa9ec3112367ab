/**
 * Offline checks of the add-in manifest (`npm run validate:offline [-- path/to/manifest.xml]`).
 *
 * `office-addin-manifest validate` posts the manifest to Microsoft's online validation service and so
 * fails without a network. This script checks, without one, the mistakes that stop an add-in from
 * loading or that sideloading reports only vaguely: malformed XML, a missing or bad GUID, elements out
 * of schema order, non-https URLs, `resid`s that point at nothing (or at the wrong kind of resource),
 * icons missing or not at the size the manifest declares, and a missing ExcelApi requirement set.
 * It is not a schema validator; run `npm run validate` as well when online.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One defect found in a manifest; `code` is stable so tests can assert on it. */
export interface ManifestProblem {
  code: 'xml' | 'root' | 'id' | 'order' | 'https' | 'resid' | 'icon' | 'requirements' | 'hosts';
  message: string;
}

/** A parsed XML element with its attributes and child elements in document order. */
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * The order of the `<OfficeApp>` children of a task pane add-in (the TaskPaneApp XSD sequence, as
 * listed in Microsoft's "How to find the proper order of manifest elements"). Out-of-order elements
 * make the add-in fail to load, and the online validator reports them only as "invalid child".
 */
const OFFICEAPP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
  'Permissions', 'AllowSnapshot', 'VersionOverrides', 'ExtendedOverrides',
];

const REQUIRED_CHILDREN = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];

/** Which resource collection a `resid` on an element must point into. */
type ResourceKind = 'image' | 'url' | 'short' | 'long';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Elements whose `DefaultValue` (and overrides' `Value`) must be an https URL. */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Image', 'bt:Url', 'AppDomain']);

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Turns fast-xml-parser's preserve-order output into plain elements. */
function toElements(nodes: unknown[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    const name = Object.keys(record).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const rawChildren = Array.isArray(record[name]) ? (record[name] as unknown[]) : [];
    const attrs: Record<string, string> = {};
    const rawAttrs = record[':@'];
    if (typeof rawAttrs === 'object' && rawAttrs !== null) {
      for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = String(v);
    }
    const text = rawChildren
      .map((c) => (typeof c === 'object' && c !== null && '#text' in c ? String((c as Record<string, unknown>)['#text']) : ''))
      .join('');
    out.push({ name, attrs, children: toElements(rawChildren), text: text.trim() });
  }
  return out;
}

function* walk(el: XmlElement, ancestors: XmlElement[] = []): Generator<{ el: XmlElement; ancestors: XmlElement[] }> {
  yield { el, ancestors };
  for (const c of el.children) yield* walk(c, [...ancestors, el]);
}

/** The resource kind an element's `resid` must reference, from the element and its parent. */
function residKind(el: XmlElement, parent: XmlElement | undefined): ResourceKind | null {
  const name = localName(el.name);
  const parentName = parent ? localName(parent.name) : '';
  if (name === 'Image') return 'image';
  if (name === 'SourceLocation' || name === 'LearnMoreUrl' || name === 'FunctionFile') return 'url';
  if (name === 'Label' || name === 'Title') return 'short';
  if (name === 'Description') return parentName === 'VersionOverrides' || parentName === 'Supertip' || parentName === 'GetStarted' ? 'long' : null;
  return null;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Checks the manifest at `manifestPath`. Icon URLs are resolved to files under the manifest's
 * directory by their path below the add-in's base URL (`https://localhost:3000/assets/icon-32.png` →
 * `<dir>/assets/icon-32.png`), which holds both for the source tree and for a built `dist/`.
 */
export function checkManifest(manifestPath: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const add = (code: ManifestProblem['code'], message: string): void => {
    problems.push({ code, message });
  };
  let xml: string;
  try {
    xml = readFileSync(manifestPath, 'utf8');
  } catch (e) {
    return [{ code: 'xml', message: `cannot read ${manifestPath}: ${(e as Error).message}` }];
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return [{ code: 'xml', message: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` }];
  }
  const parsed: unknown = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: true,
  }).parse(xml);
  const roots = toElements(Array.isArray(parsed) ? parsed : []);
  const root = roots.find((r) => r.name === 'OfficeApp');
  if (!root) return [{ code: 'root', message: 'the root element is not <OfficeApp>' }];
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') add('root', `<OfficeApp xsi:type> is "${root.attrs['xsi:type'] ?? ''}", expected "TaskPaneApp"`);

  checkOrder(root, add);
  const child = (name: string): XmlElement | undefined => root.children.find((c) => c.name === name);

  const id = child('Id')?.text ?? '';
  if (!GUID.test(id)) add('id', `<Id> "${id}" is not a GUID`);

  checkUrls(root, add);
  checkResids(root, add);
  checkIcons(root, dirname(resolve(manifestPath)), add);

  const hosts = child('Hosts')?.children.map((h) => h.attrs.Name) ?? [];
  if (!hosts.includes('Workbook')) add('hosts', '<Hosts> does not list Workbook');

  const sets = child('Requirements')?.children.find((c) => c.name === 'Sets')?.children ?? [];
  const excelApi = sets.find((s) => s.name === 'Set' && s.attrs.Name === 'ExcelApi');
  if (!excelApi) add('requirements', '<Requirements> has no <Set Name="ExcelApi">');
  else if (!/^\d+\.\d+$/.test(excelApi.attrs.MinVersion ?? '')) add('requirements', `ExcelApi MinVersion "${excelApi.attrs.MinVersion ?? ''}" is not a version such as 1.9`);

  return problems;
}

function checkOrder(root: XmlElement, add: (code: ManifestProblem['code'], message: string) => void): void {
  let last = -1;
  let lastName = '';
  for (const c of root.children) {
    const at = OFFICEAPP_ORDER.indexOf(c.name);
    if (at < 0) {
      add('order', `<${c.name}> is not a child of a task pane <OfficeApp>`);
      continue;
    }
    if (at < last) add('order', `<${c.name}> must come before <${lastName}>`);
    else {
      last = at;
      lastName = c.name;
    }
  }
  for (const name of REQUIRED_CHILDREN) {
    if (!root.children.some((c) => c.name === name)) add('order', `<OfficeApp> lacks the required <${name}>`);
  }
}

function checkUrls(root: XmlElement, add: (code: ManifestProblem['code'], message: string) => void): void {
  for (const { el, ancestors } of walk(root)) {
    const parent = ancestors[ancestors.length - 1];
    const isOverride = localName(el.name) === 'Override' && parent !== undefined && URL_ELEMENTS.has(parent.name);
    const values: string[] = [];
    if (el.name === 'AppDomain') values.push(el.text);
    else if (URL_ELEMENTS.has(el.name) && el.attrs.DefaultValue !== undefined) values.push(el.attrs.DefaultValue);
    if (isOverride && el.attrs.Value !== undefined) values.push(el.attrs.Value);
    // Any other attribute that carries a URL (namespace declarations excepted) must be https as well.
    for (const [k, v] of Object.entries(el.attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !values.includes(v)) values.push(v);
    }
    for (const v of values) {
      let url: URL | null = null;
      try {
        url = new URL(v);
      } catch {
        url = null;
      }
      if (!url) add('https', `<${el.name}> holds "${v}", which is not a URL`);
      else if (url.protocol !== 'https:') add('https', `<${el.name}> URL "${v}" is not https (Office loads add-in pages only over https)`);
    }
  }
}

function checkResids(root: XmlElement, add: (code: ManifestProblem['code'], message: string) => void): void {
  const defined = new Map<string, ResourceKind>();
  const overrides = root.children.find((c) => c.name === 'VersionOverrides');
  const resources = overrides?.children.find((c) => c.name === 'Resources');
  const groups: [string, ResourceKind][] = [['bt:Images', 'image'], ['bt:Urls', 'url'], ['bt:ShortStrings', 'short'], ['bt:LongStrings', 'long']];
  for (const [groupName, kind] of groups) {
    const group = resources?.children.find((c) => c.name === groupName);
    for (const item of group?.children ?? []) {
      const id = item.attrs.id;
      if (!id) continue;
      if (defined.has(id)) add('resid', `resource id "${id}" is defined twice`);
      defined.set(id, kind);
      if (id.length > 32) add('resid', `resource id "${id}" is longer than the 32 characters the schema allows`);
    }
  }
  for (const { el, ancestors } of walk(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const kind = defined.get(resid);
    if (!kind) {
      add('resid', `<${el.name} resid="${resid}"> refers to a resource that is not defined`);
      continue;
    }
    const want = residKind(el, ancestors[ancestors.length - 1]);
    if (want && want !== kind) add('resid', `<${el.name} resid="${resid}"> needs a ${want} resource but "${resid}" is a ${kind} resource`);
  }
}

/**
 * The local file an icon URL stands for: its path below the add-in's base URL (the directory of the
 * task pane's SourceLocation), under the manifest's directory. A production manifest whose URLs point
 * at https://example.com/recon/ then still finds dist/assets/….
 */
function localIconFile(url: string, baseUrl: string | null, baseDir: string): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null; // reported by the https check
  }
  let rel = decodeURIComponent(target.pathname);
  if (baseUrl) {
    const base = new URL('.', baseUrl);
    if (target.origin === base.origin && target.pathname.startsWith(base.pathname)) rel = decodeURIComponent(target.pathname.slice(base.pathname.length));
  }
  return join(baseDir, ...rel.split('/').filter((p) => p !== '' && p !== '..'));
}

function checkIcons(root: XmlElement, baseDir: string, add: (code: ManifestProblem['code'], message: string) => void): void {
  const images = new Map<string, string>();
  for (const { el } of walk(root)) if (el.name === 'bt:Image' && el.attrs.id) images.set(el.attrs.id, el.attrs.DefaultValue ?? '');
  const wanted: { where: string; url: string; size: number }[] = [];
  const iconUrl = root.children.find((c) => c.name === 'IconUrl');
  const hiRes = root.children.find((c) => c.name === 'HighResolutionIconUrl');
  // Office shows IconUrl at 32 x 32 and HighResolutionIconUrl at 64 x 64 (the documented sizes).
  if (iconUrl?.attrs.DefaultValue) wanted.push({ where: 'IconUrl', url: iconUrl.attrs.DefaultValue, size: 32 });
  if (hiRes?.attrs.DefaultValue) wanted.push({ where: 'HighResolutionIconUrl', url: hiRes.attrs.DefaultValue, size: 64 });
  for (const { el } of walk(root)) {
    if (el.name !== 'bt:Image' || el.attrs.resid === undefined) continue;
    const size = Number(el.attrs.size);
    const url = images.get(el.attrs.resid);
    if (url && Number.isInteger(size)) wanted.push({ where: `ribbon icon "${el.attrs.resid}"`, url, size });
  }
  const defaults = root.children.find((c) => c.name === 'DefaultSettings');
  const sourceLocation = defaults?.children.find((c) => c.name === 'SourceLocation')?.attrs.DefaultValue ?? null;
  const seen = new Set<string>();
  for (const w of wanted) {
    const key = `${w.url}@${w.size}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = localIconFile(w.url, sourceLocation, baseDir);
    if (!file) continue;
    if (!existsSync(file)) {
      add('icon', `${w.where}: ${w.url} has no file at ${file}`);
      continue;
    }
    const dims = pngSize(readFileSync(file));
    if (!dims) add('icon', `${w.where}: ${file} is not a PNG`);
    else if (dims.width !== w.size || dims.height !== w.size) {
      add('icon', `${w.where}: ${file} is ${dims.width}x${dims.height}, declared ${w.size}x${w.size}`);
    }
  }
}

function main(argv: string[]): number {
  const file = resolve(argv[0] ?? join(__dirname, '..', 'manifest.xml'));
  const problems = checkManifest(file);
  if (problems.length === 0) {
    process.stdout.write(`${file}: manifest OK (offline checks)\n`);
    return 0;
  }
  for (const p of problems) process.stderr.write(`${file}: [${p.code}] ${p.message}\n`);
  process.stderr.write(`${problems.length} problem(s) found\n`);
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

import { parseCellAddress } from '../core/model/cells';
import { safeText } from './owned-sheet-writer';

/** The author the add-in writes its notes under. */
export const NOTE_AUTHOR = 'Statement Reconciler';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** XML text content: escaped, without characters XML cannot hold. */
export function xmlText(s: string): string {
  return safeText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function commentXml(p: string, address: string, authorId: number, text: string): string {
  return `<${p}comment ref="${address}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${xmlText(text)}</${p}t></${p}r></${p}text></${p}comment>`;
}

/** A new comments part holding these notes. */
export function newCommentsPart(notes: ReadonlyMap<string, string>): string {
  const list = [...notes].map(([a, t]) => commentXml('', a, 0, t)).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list}</commentList></comments>`;
}

/**
 * An existing comments part with these notes set: a cell that has a note gets the new text in place
 * (its original is kept for Clear by the caller), the others are appended under the add-in's author.
 */
export function extendCommentsPart(xml: string, notes: ReadonlyMap<string, string>): { xml: string; added: string[] } {
  const root = /<([\w.-]+:)?comments\b/.exec(xml);
  const p = root?.[1] ?? '';
  const authors = [...xml.matchAll(new RegExp(`<${p}author\\b[^>]*>([\\s\\S]*?)</${p}author>`, 'g'))];
  let authorId = authors.findIndex((a) => a[1] === NOTE_AUTHOR);
  let out = xml;
  if (authorId < 0) {
    authorId = authors.length;
    const closeAuthors = new RegExp(`</${p}authors>`);
    out = closeAuthors.test(out)
      ? out.replace(closeAuthors, `<${p}author>${NOTE_AUTHOR}</${p}author></${p}authors>`)
      : out.replace(new RegExp(`<${p}authors\\s*/>`), `<${p}authors><${p}author>${NOTE_AUTHOR}</${p}author></${p}authors>`);
  }
  const remaining = new Map(notes);
  out = out.replace(new RegExp(`<${p}comment\\b([^>]*?)(?:/>|>[\\s\\S]*?</${p}comment>)`, 'g'), (whole, attrs: string) => {
    const ref = /\sref\s*=\s*"([^"]*)"/.exec(attrs)?.[1]?.replace(/\$/g, '').toUpperCase();
    if (!ref || !remaining.has(ref)) return whole;
    const text = remaining.get(ref) as string;
    remaining.delete(ref);
    return commentXml(p, ref, authorId, text);
  });
  const added = [...remaining.keys()];
  const list = [...remaining].map(([a, t]) => commentXml(p, a, authorId, t)).join('');
  const closeList = new RegExp(`</${p}commentList>`);
  out = closeList.test(out) ? out.replace(closeList, `${list}</${p}commentList>`) : out.replace(new RegExp(`<${p}commentList\\s*/>`), `<${p}commentList>${list}</${p}commentList>`);
  return { xml: out, added };
}

const VML_HEAD = '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">';
const SHAPETYPE = '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The hidden note box Excel draws for a note on `address`. */
function noteShape(address: string, shapeId: number): string {
  const at = parseCellAddress(address) ?? { col0: 0, row1: 1 };
  const r = at.row1 - 1;
  const c = at.col0;
  return `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:72pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 10, ${c + 3}, 15, ${r + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`;
}

/** A new VML drawing with a note box for each address; `block` numbers its shapes apart from other drawings'. */
export function newVmlPart(addresses: readonly string[], block: number): string {
  const shapes = addresses.map((a, i) => noteShape(a, block * 1024 + 1 + i)).join('');
  return `${VML_HEAD}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}${shapes}</xml>`;
}

/** An existing VML drawing with note boxes added for these addresses, numbered after its own shapes. */
export function extendVmlPart(xml: string, addresses: readonly string[]): string {
  let max = 1024;
  for (const m of xml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const shapes = (xml.includes('_x0000_t202') ? '' : SHAPETYPE) + addresses.map((a, i) => noteShape(a, max + 1 + i)).join('');
  const end = xml.lastIndexOf('</xml>');
  return end < 0 ? xml + shapes : xml.slice(0, end) + shapes + xml.slice(end);
}

/** The shape-id blocks the VML drawings of a package already use (`<o:idmap data="1,2">`). */
export function usedVmlBlocks(xml: string): number[] {
  const out: number[] = [];
  for (const m of xml.matchAll(/idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g)) for (const n of m[1].split(/[,\s]+/)) if (/^\d+$/.test(n)) out.push(Number(n));
  return out;
}

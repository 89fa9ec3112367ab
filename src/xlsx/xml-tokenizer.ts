/**
 * A small streaming XML tokenizer for the parts of an .xlsx package. Text arrives in chunks of any
 * size (a tag, an entity or a CDATA section may be cut anywhere) and comes out as three events: an
 * element opening (local name, attributes as written, whether it closes itself), an element closing,
 * and text (entities decoded, CDATA as is). Element names lose their namespace prefix (`x:row` is
 * `row`): spreadsheet parts use the same local names under any prefix, and the readers only look at
 * elements of the spreadsheet namespace's vocabulary. Comments, processing instructions and the
 * document type are skipped; entities a DOCTYPE declares are never expanded (no entity tricks).
 *
 * Written for the project rather than taken from a package so that the readers (and their memory and
 * speed on a million-row sheet) are under its control: it allocates one attribute object per element
 * and nothing per text byte.
 */

/** Attributes of an element, by qualified name as written (`r`, `t`, `r:id`, `xmlns:x`). */
export type XmlAttributes = Record<string, string>;

/** What a reader does with the tokens. */
export interface XmlHandler {
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** XML that cannot be read: the part is damaged. */
export class XmlSyntaxError extends Error {}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five named entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, e: string) => {
    if (e.charCodeAt(0) === 35 /* # */) {
      const code = e.charCodeAt(1) === 120 /* x */ ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[e] ?? whole;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The streaming tokenizer; feed it with {@link write}, finish with {@link end}. */
export class XmlTokenizer {
  private buffer = '';
  private depth = 0;

  constructor(private readonly handler: XmlHandler) {}

  /** Tokenizes what it can of the text so far, keeping an unfinished token for the next chunk. */
  write(chunk: string): void {
    const buf = this.buffer.length ? this.buffer + chunk : chunk;
    const consumed = this.scan(buf, false);
    this.buffer = consumed < buf.length ? buf.slice(consumed) : '';
  }

  /** Ends the input: an unfinished token or an element left open is damage. */
  end(): void {
    const consumed = this.scan(this.buffer, true);
    const rest = this.buffer.slice(consumed);
    this.buffer = '';
    if (rest.trim().length) throw new XmlSyntaxError('the part ends inside a tag');
    if (this.depth !== 0) throw new XmlSyntaxError('the part ends before its elements close');
  }

  /** Returns how much of `buf` was consumed. */
  private scan(buf: string, final: boolean): number {
    const h = this.handler;
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end: it may go on in the next chunk, unless this is the end.
        if (!final) return pos;
        if (this.depth > 0) h.text(decodeEntities(buf.slice(pos)));
        return n;
      }
      if (lt > pos) {
        if (this.depth > 0) h.text(decodeEntities(buf.slice(pos, lt)));
        pos = lt;
      }
      if (lt + 1 >= n) return pos;
      const c = buf.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = buf.indexOf('>', lt + 2);
        if (gt < 0) return pos;
        h.close(localName(buf.slice(lt + 2, gt).trim()));
        this.depth--;
        if (this.depth < 0) throw new XmlSyntaxError('a closing tag without its opening');
        pos = gt + 1;
        continue;
      }
      if (c === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const e = buf.indexOf('-->', lt + 4);
          if (e < 0) return pos;
          pos = e + 3;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          const e = buf.indexOf(']]>', lt + 9);
          if (e < 0) return pos;
          if (this.depth > 0) h.text(buf.slice(lt + 9, e));
          pos = e + 3;
        } else {
          if (n - lt < 9) return pos;
          const e = endOfDeclaration(buf, lt);
          if (e < 0) return pos;
          pos = e;
        }
        continue;
      }
      if (c === 63 /* ? */) {
        const e = buf.indexOf('?>', lt + 2);
        if (e < 0) return pos;
        pos = e + 2;
        continue;
      }
      const end = this.openTag(buf, lt);
      if (end < 0) return pos;
      pos = end;
    }
    return pos;
  }

  /** Reads `<name a="v" ...>` or `.../>` at `lt`; returns the index after it, or -1 when incomplete. */
  private openTag(buf: string, lt: number): number {
    const n = buf.length;
    let i = lt + 1;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (isSpace(c) || c === 62 /* > */ || c === 47 /* / */) break;
      i++;
    }
    if (i >= n) return -1;
    const name = buf.slice(lt + 1, i);
    if (!name.length) throw new XmlSyntaxError('a tag without a name');
    const attributes: XmlAttributes = {};
    for (;;) {
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = buf.charCodeAt(i);
      if (c === 62 /* > */) {
        this.handler.open(localName(name), attributes, false);
        this.depth++;
        return i + 1;
      }
      if (c === 47 /* / */) {
        if (i + 1 >= n) return -1;
        if (buf.charCodeAt(i + 1) !== 62) throw new XmlSyntaxError('a stray "/" in a tag');
        this.handler.open(localName(name), attributes, true);
        this.handler.close(localName(name));
        return i + 2;
      }
      const eq = buf.indexOf('=', i);
      if (eq < 0) return -1;
      const key = buf.slice(i, eq).trim();
      let q = eq + 1;
      while (q < n && isSpace(buf.charCodeAt(q))) q++;
      if (q >= n) return -1;
      const quote = buf.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw new XmlSyntaxError('an attribute value without quotes');
      const close = buf.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0) return -1;
      if (!key.length || /[\s<>]/.test(key)) throw new XmlSyntaxError('a malformed attribute');
      attributes[key] = decodeEntities(buf.slice(q + 1, close));
      i = close + 1;
    }
  }
}

/** End of `<!DOCTYPE ...>` (with an internal subset in brackets) at `lt`, or -1 when incomplete. */
function endOfDeclaration(buf: string, lt: number): number {
  let bracket = 0;
  let quote = 0;
  for (let i = lt + 2; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91 /* [ */) bracket++;
    else if (c === 93 /* ] */) bracket--;
    else if (c === 62 /* > */ && bracket <= 0) return i + 1;
  }
  return -1;
}

/**
 * The text decoder for a part from its first bytes: a byte-order mark or the UTF-16 spelling of
 * `<?xml` picks UTF-16; otherwise the XML declaration's encoding (UTF-8 when it names none). Null when
 * the declared encoding is not one this runtime can decode.
 */
export function decoderFor(head: Uint8Array): TextDecoder | null {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be');
  if (b0 === 0x3c && b1 === 0x00) return new TextDecoder('utf-16le');
  if (b0 === 0x00 && b1 === 0x3c) return new TextDecoder('utf-16be');
  const start = Buffer.from(head.subarray(0, Math.min(head.length, 200))).toString('latin1');
  const m = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start);
  const label = m ? m[1].toLowerCase() : 'utf-8';
  // A UTF-16 declaration in a part that is not UTF-16 by its bytes is a producer's slip: trust the bytes.
  if (label.startsWith('utf-16') || label === 'unicode') return new TextDecoder('utf-8');
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

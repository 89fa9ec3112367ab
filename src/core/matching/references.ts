/**
 * Document references as the matcher compares them. People write the same number many ways
 * (`INV-00012345`, `inv 12345`, `ＩＮＶ００１２３４５`); these functions reduce them to one key and say
 * when two keys are one slip of the keyboard apart.
 *
 * Written as character loops rather than regular expressions: they run over every row of a
 * million-row statement, and the common case (an already clean key) must not allocate.
 */

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_A = 65;
const CODE_Z = 90;
const CODE_LOWER_A = 97;
const CODE_LOWER_Z = 122;

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Maps one UTF-16 code unit to its key form: an upper-case letter or digit code, or -1 to drop it. */
function keyCode(c: number): number {
  if (c >= CODE_0 && c <= CODE_9) return c;
  if (c >= CODE_A && c <= CODE_Z) return c;
  if (c >= CODE_LOWER_A && c <= CODE_LOWER_Z) return c - 32;
  if (c < 128) return -1;
  // Full-width ASCII (Chinese input methods): ０-９, Ａ-Ｚ, ａ-ｚ.
  if (c >= 0xff10 && c <= 0xff5e) return keyCode(c - 0xfee0);
  // Other letters (CJK in a reference such as 发票12345) are kept as they are; punctuation goes.
  return LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? c : -1;
}

function isDigitCode(c: number): boolean {
  return c >= CODE_0 && c <= CODE_9;
}

/**
 * The comparable key of a reference: upper case, full-width folded, spaces and separators removed, and
 * leading zeros dropped from every run of digits (`INV-00012345` → `INV12345`, `00012345` → `12345`,
 * `SO-2024-0012` → `SO202412`). An all-zero run keeps one zero. Empty for blank text.
 */
export function normalizeReference(text: string): string {
  // Fast path: already a key, return the same string (no allocation, its hash stays cached).
  let clean = true;
  let prevDigit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? (c >= CODE_0 && c <= CODE_9) || (c >= CODE_A && c <= CODE_Z) : false;
    if (!k) {
      clean = false;
      break;
    }
    const digit = c <= CODE_9;
    if (digit && !prevDigit && c === CODE_0) {
      clean = false;
      break;
    }
    prevDigit = digit;
  }
  if (clean) return text;

  // Key characters go to a shared buffer: one string allocation per key instead of an array and a spread.
  // A key is never longer than its text, so a rare long text gets a buffer of its own.
  const buf = text.length > KEY_BUFFER.length ? new Uint16Array(text.length) : KEY_BUFFER;
  let n = 0;
  // A digit run ends at any other character, dropped separators included, so `2024-0012` is two runs.
  let inRun = false;
  let runHasNonZero = false;
  // An all-zero run keeps one zero, but only where that zero cannot become a leading zero of the key's
  // own digit run: `0-5` gives `5` and `0 0` gives `0`, so normalising a key again changes nothing.
  let pendingZero = false;
  for (let i = 0; i < text.length; i++) {
    const k = keyCode(text.charCodeAt(i));
    if (k >= 0 && isDigitCode(k)) {
      if (!inRun) {
        inRun = true;
        runHasNonZero = false;
      }
      if (!runHasNonZero) {
        if (k === CODE_0) continue;
        runHasNonZero = true;
        pendingZero = false;
      }
      buf[n++] = k;
      continue;
    }
    if (inRun && !runHasNonZero) {
      if (n > 0 && isDigitCode(buf[n - 1])) buf[n++] = CODE_0;
      else pendingZero = true;
    }
    inRun = false;
    if (k >= 0) {
      if (pendingZero) buf[n++] = CODE_0;
      pendingZero = false;
      buf[n++] = k;
    }
  }
  if ((inRun && !runHasNonZero) || pendingZero) buf[n++] = CODE_0;
  return n === 0 ? '' : buf === KEY_BUFFER ? bufferText(n) : longText(buf, n);
}

const KEY_BUFFER = new Uint16Array(128);
/** Views of the buffer's first n characters, made once. */
const KEY_VIEWS: Uint16Array[] = Array.from({ length: KEY_BUFFER.length + 1 }, (_, n) => KEY_BUFFER.subarray(0, n));

function bufferText(n: number): string {
  // apply() accepts any array-like; the lib typing asks for number[].
  return String.fromCharCode.apply(null, KEY_VIEWS[n] as unknown as number[]);
}

/** Text of a long buffer's first n characters, in slices small enough for fromCharCode's argument list. */
function longText(buf: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 8192) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  }
  return out;
}

/**
 * The invoice number inside a prefixed reference: `INV-00012345`, `No.00012345`, `发票 00012345` give
 * the key of `00012345` when its digit count is one of `invoiceLengths`. Empty when the text is not
 * letters followed by a single run of digits of such a length. Customers often write our 8-digit
 * 发票号码 with a prefix of their own.
 */
export function invoiceFormKey(text: string, invoiceLengths: readonly number[]): string {
  let i = 0;
  const n = text.length;
  while (i < n && text.charCodeAt(i) === 32) i++;
  const lettersStart = i;
  while (i < n) {
    const k = keyCode(text.charCodeAt(i));
    if (k < 0 || isDigitCode(k)) break;
    i++;
  }
  if (i === lettersStart) return '';
  // Separators between the prefix and the number.
  while (i < n && keyCode(text.charCodeAt(i)) < 0) i++;
  const digitsStart = i;
  while (i < n && isDigitCode(keyCode(text.charCodeAt(i)))) i++;
  const digitCount = i - digitsStart;
  while (i < n && text.charCodeAt(i) === 32) i++;
  if (i !== n || digitCount === 0 || !invoiceLengths.includes(digitCount)) return '';
  return normalizeReference(text.slice(digitsStart, digitsStart + digitCount));
}

/**
 * Every key a reference can be looked up by: its normalized form, plus the bare invoice number when it is
 * a prefixed one (see {@link invoiceFormKey}). Empty for blank text. No duplicates.
 */
export function referenceKeys(text: string, invoiceLengths: readonly number[]): string[] {
  const primary = normalizeReference(text);
  if (primary === '') return [];
  const invoice = invoiceFormKey(text, invoiceLengths);
  return invoice !== '' && invoice !== primary ? [primary, invoice] : [primary];
}

/**
 * True when `a` and `b` are at most one edit apart: equal, one character substituted, inserted or
 * deleted, or two adjacent characters swapped (optimal string alignment distance ≤ 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    // Substitution at i.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    // Adjacent transposition at i, i+1.
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      a.slice(i + 2) === b.slice(i + 2)
    );
  }
  if (Math.abs(la - lb) !== 1) return false;
  const [long, short] = la > lb ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  return long.slice(i + 1) === short.slice(i);
}

/** Token boundaries inside free text: anything but letters, digits and the separators inside numbers. */
function isTokenChar(c: number): boolean {
  if (c < 128) {
    return (
      (c >= CODE_0 && c <= CODE_9) || (c >= CODE_A && c <= CODE_Z) || (c >= CODE_LOWER_A && c <= CODE_LOWER_Z) ||
      c === 45 /* - */ || c === 95 /* _ */ || c === 47 /* / */ || c === 46 /* . */ || c === 35 /* # */
    );
  }
  // Full-width letters and digits belong to tokens; CJK text around a number ends it.
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0xff0d;
}

/**
 * The document or invoice numbers named in free text such as a receipt's Reference (摘要):
 * "payment for INV-00012345, SO-2024-0012" → ["INV-00012345", "SO-2024-0012"];
 * "付00012345货款" → ["00012345"]. A token must hold a digit and at least three key characters,
 * so words and small counts ("3 invoices") are left out. Order kept, repeats dropped.
 */
export function extractReferences(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isTokenChar(text.charCodeAt(i))) i++;
    const start = i;
    let digits = 0;
    let keyChars = 0;
    while (i < n && isTokenChar(text.charCodeAt(i))) {
      const k = keyCode(text.charCodeAt(i));
      if (k >= 0) {
        keyChars++;
        if (isDigitCode(k)) digits++;
      }
      i++;
    }
    if (i > start && digits > 0 && keyChars >= 3) {
      // Trailing sentence punctuation is no part of the number.
      let end = i;
      while (end > start && keyCode(text.charCodeAt(end - 1)) < 0) end--;
      const token = text.slice(start, end);
      if (!out.includes(token)) out.push(token);
    }
  }
  return out;
}

import fc from 'fast-check';
import { decoderFor, XmlSyntaxError, XmlTokenizer } from '../../src/xlsx/xml-tokenizer';

type Event = ['open', string, Record<string, string>, boolean] | ['close', string] | ['text', string];

/** Tokenizes `xml` cut into the given chunks; adjacent text events are joined (a chunk may cut text). */
function events(chunks: string[]): Event[] {
  const out: Event[] = [];
  const t = new XmlTokenizer({
    open: (name, a, self) => out.push(['open', name, { ...a }, self]),
    close: (name) => out.push(['close', name]),
    text: (text) => {
      const last = out[out.length - 1];
      if (last && last[0] === 'text') last[1] += text;
      else out.push(['text', text]);
    },
  });
  for (const c of chunks) t.write(c);
  t.end();
  return out;
}

const SAMPLE = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY e "boom">]><!-- a > comment --><x:ws xmlns:x="urn:x" a=\'1 > 0\'><x:row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[<a> & ]]>&amp;&#x4E2D;&e;</t></is></c><c/></x:row></x:ws>';

describe('the XML tokenizer', () => {
  it('reads prefixes as local names, quotes holding ">", CDATA, entities, and never expands a declared entity', () => {
    expect(events([SAMPLE])).toEqual([
      ['open', 'ws', { 'xmlns:x': 'urn:x', a: '1 > 0' }, false],
      ['open', 'row', { r: '2' }, false],
      ['open', 'c', { r: 'A2', t: 'inlineStr' }, false],
      ['open', 'is', {}, false],
      ['open', 't', {}, false],
      ['text', '<a> & &中&e;'],
      ['close', 't'],
      ['close', 'is'],
      ['close', 'c'],
      ['open', 'c', {}, true],
      ['close', 'c'],
      ['close', 'row'],
      ['close', 'ws'],
    ]);
  });

  it('gives the same tokens however the text is cut into chunks', () => {
    const whole = events([SAMPLE]);
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: SAMPLE.length - 1 }), { maxLength: 12 }), (cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), SAMPLE.length];
      const chunks = points.slice(1).map((p, i) => SAMPLE.slice(points[i], p));
      expect(events(chunks)).toEqual(whole);
    }));
  });

  it.each([
    ['a part cut inside a tag', '<a><b x="1'],
    ['an element never closed', '<a><b></b>'],
    ['a closing tag without its opening', '</a>'],
    ['an attribute without quotes', '<a x=1/>'],
  ])('refuses %s', (_label, xml) => {
    expect(() => events([xml])).toThrow(XmlSyntaxError);
  });

  it.each<[string, number[], string]>([
    ['a UTF-16 LE byte-order mark', [0xff, 0xfe, 0x3c, 0], 'utf-16le'],
    ['UTF-16 BE without a mark', [0, 0x3c, 0, 0x3f], 'utf-16be'],
    ['a UTF-8 declaration', [...Buffer.from('<?xml version="1.0" encoding="UTF-8"?>')], 'utf-8'],
    ['a Windows code page', [...Buffer.from('<?xml version="1.0" encoding="windows-1252"?>')], 'windows-1252'],
    ['a UTF-16 declaration on UTF-8 bytes', [...Buffer.from('<?xml version="1.0" encoding="UTF-16"?>')], 'utf-8'],
  ])('picks the decoder for %s', (_label, bytes, encoding) => {
    expect(decoderFor(Uint8Array.from(bytes))?.encoding).toBe(encoding);
  });
});

import { ValidationCollector } from '../../src/xlsx/data-validations';
import { XmlAttributes } from '../../src/xlsx/xml-tokenizer';

type Event = ['open', string, XmlAttributes, boolean] | ['text', string] | ['close', string];

function collect(events: Event[]): ReturnType<ValidationCollector['take']> {
  const c = new ValidationCollector();
  for (const e of events) {
    if (e[0] === 'open') c.open(e[1], e[2], e[3]);
    else if (e[0] === 'text') c.text(e[1]);
    else c.close(e[1]);
  }
  return c.take();
}

describe('data validations read from sheet XML', () => {
  it.each<[string, Event[], unknown]>([
    ['an inline list with prompt and stop alert', [
      ['open', 'dataValidation', { type: 'list', allowBlank: '1', showInputMessage: '1', showErrorMessage: '1', promptTitle: 'Status', prompt: 'Pick one', errorTitle: 'Status', error: 'No', sqref: '$G$2:$G$1048576' }, false],
      ['open', 'formula1', {}, false], ['text', '"Active,On Hold,Closed"'], ['close', 'formula1'], ['close', 'dataValidation'],
    ], {
      range: 'G2:G1048576', rule: { list: { inCellDropDown: true, source: 'Active,On Hold,Closed' } },
      prompt: { title: 'Status', message: 'Pick one' }, errorAlert: { title: 'Status', message: 'No', style: 'Stop' }, ignoreBlanks: true,
    }],
    ['a date bound stored as a serial', [
      ['open', 'dataValidation', { type: 'date', operator: 'greaterThanOrEqual', errorStyle: 'warning', showErrorMessage: '1', sqref: 'A2:A9' }, false],
      ['open', 'formula1', {}, false], ['text', '36526'], ['close', 'formula1'], ['close', 'dataValidation'],
    ], {
      range: 'A2:A9', rule: { date: { operator: 'GreaterThanOrEqualTo', formula1: '2000-01-01' } },
      prompt: null, errorAlert: { title: '', message: '', style: 'Warning' }, ignoreBlanks: false,
    }],
    ['an Excel 2010 cross-sheet list (x14: formula in <f>, range in <sqref>)', [
      ['open', 'dataValidation', { type: 'list', allowBlank: '1' }, false],
      ['open', 'formula1', {}, false], ['open', 'f', {}, false], ['text', "'Customers'!$A$2:$A$100"], ['close', 'f'], ['close', 'formula1'],
      ['open', 'sqref', {}, false], ['text', 'D2:D500'], ['close', 'sqref'], ['close', 'dataValidation'],
    ], {
      range: 'D2:D500', rule: { list: { inCellDropDown: true, source: "='Customers'!$A$2:$A$100" } }, prompt: null, errorAlert: null, ignoreBlanks: true,
    }],
    ['a decimal between two bounds', [
      ['open', 'dataValidation', { type: 'decimal', sqref: 'J2:J10' }, false],
      ['open', 'formula1', {}, false], ['text', '-5'], ['close', 'formula1'], ['open', 'formula2', {}, false], ['text', '7.5'], ['close', 'formula2'],
      ['close', 'dataValidation'],
    ], {
      range: 'J2:J10', rule: { decimal: { operator: 'Between', formula1: -5, formula2: 7.5 } }, prompt: null, errorAlert: null, ignoreBlanks: false,
    }],
  ])('%s', (_name, events, expected) => {
    expect(collect(events)).toEqual([expected]);
  });

  it('leaves out rules the add-in never writes (whole numbers, times, any)', () => {
    expect(collect([['open', 'dataValidation', { type: 'whole', sqref: 'A1' }, true], ['open', 'dataValidation', { sqref: 'B1' }, true]])).toEqual([]);
  });
});

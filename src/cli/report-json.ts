import { createWriteStream } from 'fs';
import { once } from 'events';
import { Report } from '../core/output/report';

/**
 * Writes the report as `JSON.stringify(report, null, 2)` would, but element by element: a million
 * matches make a text longer than a JavaScript string may be, so it is never built whole.
 */
export async function writeReportJson(report: Report, file: string): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  // Awaited only in races below; marked handled so an error between them is not an unhandled rejection.
  failed.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    const keys = Object.keys(report) as (keyof Report)[];
    await write('{');
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const value = report[key];
      await write(`${k ? ',' : ''}\n  ${JSON.stringify(key)}: `);
      if (!Array.isArray(value) || value.length === 0) {
        await write(indent(JSON.stringify(value, null, 2), '  '));
        continue;
      }
      await write('[');
      for (let i = 0; i < value.length; i++) {
        await write(`${i ? ',' : ''}\n    ${indent(JSON.stringify(value[i], null, 2), '    ')}`);
      }
      await write('\n  ]');
    }
    await write(keys.length ? '\n}\n' : '}\n');
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (e) {
    out.destroy();
    throw e;
  }
}

/** Indents every line but the first (the first follows the key or the array's own indentation). */
function indent(json: string, by: string): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${by}`) : json;
}

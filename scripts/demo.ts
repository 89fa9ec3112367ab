/**
 * `npm run demo`: builds the sample workbook (demo/sample.xlsx) from assets/sample, checks it along the
 * very path `recon check` takes, and writes demo/sample-checked.xlsx and demo/sample-report.json.
 * The as-of date is the sample's quarter end, so the output is the same on any day.
 */
import * as path from 'path';
import { dayFromISO } from '../src/core/model/dates';
import { summaryLines } from '../src/cli/main';
import { runCheck } from '../src/cli/run-check';
import { writeSampleWorkbook } from './build-sample';

const DEMO = path.join(__dirname, '..', 'demo');
const AS_OF = '2024-03-31';

async function demo(): Promise<number> {
  const rel = (name: string): string => path.relative(process.cwd(), path.join(DEMO, name));
  const sample = rel('sample.xlsx');
  const checked = rel('sample-checked.xlsx');
  const report = rel('sample-report.json');
  await writeSampleWorkbook(sample);
  console.log(`Built ${sample} from assets/sample (its planted mistakes: assets/sample/README.md)`);
  const done = await runCheck({ input: sample, out: checked, json: report, asOf: dayFromISO(AS_OF) ?? undefined });
  if (!done.ok) {
    console.error(`demo: ${done.message.text.en} ${JSON.stringify(done.message.params)}`);
    return done.exitCode;
  }
  for (const line of summaryLines(done, path.basename(sample))) console.log(line);
  console.log(`Open ${checked}: highlighted cells carry notes; the Findings sheet links to each.`);
  return 0;
}

demo().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`demo failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    process.exitCode = 1;
  },
);

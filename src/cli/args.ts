import { Day, dayFromISO } from '../core/model/dates';
import { Bilingual, Lang } from '../core/model/i18n';
import { MAP_CHOICE_TEXT, MapChoice, parseMapChoice } from '../core/templates/column-map';
import { CLI_TEXT } from './cli-messages';

/** A parsed `recon` command line. */
export type Command =
  | { kind: 'help' }
  | { kind: 'check'; input: string; out?: string; json?: string; asOf?: Day; lang?: Lang; statements?: string[]; map?: MapChoice[] }
  | { kind: 'clear'; input: string; out: string }
  | { kind: 'verify'; input: string };

/** A usage mistake: the message and its parameters, printed with the usage. */
export interface UsageError {
  text: Bilingual;
  params?: Record<string, string>;
}

type Option = '--out' | '--json' | '--as-of' | '--lang' | '--statements' | '--map';
const OPTIONS: readonly Option[] = ['--out', '--json', '--as-of', '--lang', '--statements', '--map'];
/** Options that may be given more than once. */
const REPEATABLE: ReadonlySet<Option> = new Set(['--map']);

/**
 * Parses `recon check <in.xlsx> [--out f] [--json f] [--as-of YYYY-MM-DD] [--lang en|zh] [--statements ID,ID…]
 * [--map template.field=Header]…` (`--map` repeatable; `--map receipts.method=` unmaps a field) and
 * `recon clear <in.xlsx> --out f`. Options take `--opt value` or `--opt=value`; `--` ends options.
 */
export function parseArgs(argv: readonly string[]): { ok: true; command: Command } | { ok: false; error: UsageError } {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return fail(CLI_TEXT.noCommand);
  if (cmd === '-h' || cmd === '--help' || cmd === 'help') return { ok: true, command: { kind: 'help' } };
  if (cmd !== 'check' && cmd !== 'clear' && cmd !== 'verify') return fail(CLI_TEXT.unknownCommand, { cmd });

  const values = new Map<Option, string>();
  const repeated: string[] = [];
  const positional: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { ok: true, command: { kind: 'help' } };
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg) as Option;
    if (!OPTIONS.includes(name)) return fail(CLI_TEXT.unknownOption, { opt: eq >= 0 ? arg.slice(0, eq) : arg });
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < rest.length && !(rest[i + 1].startsWith('--') && rest[i + 1].length > 2)) value = rest[++i];
    if (REPEATABLE.has(name)) {
      // `--map sales.docNo=` (an empty header) is a value: it unmaps the field.
      if (value === undefined) return fail(CLI_TEXT.missingValue, { opt: name });
      repeated.push(value);
      continue;
    }
    if (value === undefined || value === '') return fail(CLI_TEXT.missingValue, { opt: name });
    if (values.has(name)) return fail(CLI_TEXT.repeatedOption, { opt: name });
    values.set(name, value);
  }
  const [input, ...extra] = positional;
  if (input === undefined) return fail(CLI_TEXT.missingInput);
  if (extra.length) return fail(CLI_TEXT.extraArgument, { arg: extra[0] });

  if (cmd === 'verify') {
    for (const opt of OPTIONS) if (values.has(opt)) return fail(CLI_TEXT.unknownOption, { opt });
    if (repeated.length > 0) return fail(CLI_TEXT.unknownOption, { opt: '--map' });
    return { ok: true, command: { kind: 'verify', input } };
  }
  if (cmd === 'clear') {
    for (const opt of ['--json', '--as-of', '--lang', '--statements'] as const) if (values.has(opt)) return fail(CLI_TEXT.unknownOption, { opt });
    if (repeated.length > 0) return fail(CLI_TEXT.unknownOption, { opt: '--map' });
    const out = values.get('--out');
    if (!out) return fail(CLI_TEXT.clearNeedsOut);
    return { ok: true, command: { kind: 'clear', input, out } };
  }

  const command: Command = { kind: 'check', input };
  const out = values.get('--out');
  const json = values.get('--json');
  if (out) command.out = out;
  if (json) command.json = json;
  const asOfText = values.get('--as-of');
  if (asOfText !== undefined) {
    const day = dayFromISO(asOfText);
    if (day === null) return fail(CLI_TEXT.badDate, { value: asOfText });
    command.asOf = day;
  }
  const statements = values.get('--statements');
  if (statements !== undefined) command.statements = statements.split(',').map((id) => id.trim()).filter((id) => id !== '');
  for (const text of repeated) {
    const parsed = parseMapChoice(text);
    if (!parsed.ok) return fail(MAP_CHOICE_TEXT[parsed.error], { value: text });
    (command.map ??= []).push(parsed.choice);
  }
  const lang = values.get('--lang');
  if (lang !== undefined) {
    const l = lang.toLowerCase();
    if (l !== 'en' && l !== 'zh') return fail(CLI_TEXT.badLang, { value: lang });
    command.lang = l;
  }
  return { ok: true, command };
}

function fail(text: Bilingual, params?: Record<string, string>): { ok: false; error: UsageError } {
  return { ok: false, error: { text, params } };
}

/**
 * The Templates section: insert a template as a new sheet or lay it onto an existing one (formulas,
 * protection and password as options), switch the live check on and off, and the mapping panel for
 * columns the engine could not map. It receives its workbook operations as a prop, so it runs against
 * real Excel, the fake Excel of the browser test, or a stub; it is loaded only when the user opens it.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { Lang } from '../core/model/i18n';
import type { TemplateKind } from '../core/templates/templates';
import type { LiveResult, MappingView, TemplateOps, TemplateResult } from '../excel/template-ops';
import { tt } from './template-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  subtle: { color: tokens.colorNeutralForeground3 },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

const KINDS: TemplateKind[] = ['customers', 'sales', 'receipts', 'statement'];

interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

export interface TemplatesSectionProps {
  ops: TemplateOps;
  lang: Lang;
}

/** Insert / apply, the live-check switch and the mapping panel. */
export default function TemplatesSection({ ops, lang }: TemplatesSectionProps): React.ReactElement {
  const styles = useStyles();
  const [kind, setKind] = React.useState<TemplateKind>('sales');
  const [formulas, setFormulas] = React.useState(false);
  const [protect, setProtect] = React.useState(false);
  const [password, setPassword] = React.useState('');
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [target, setTarget] = React.useState('');
  const [busy, setBusy] = React.useState<'insert' | 'apply' | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [live, setLive] = React.useState(false);
  const [liveText, setLiveText] = React.useState('');

  const loadSheets = React.useCallback(async () => {
    const r = await ops.sheets();
    if (r.ok) {
      setSheets(r.value);
      setTarget((t) => (r.value.includes(t) ? t : r.value[0] ?? ''));
    }
  }, [ops]);
  React.useEffect(() => {
    void loadSheets();
  }, [loadSheets]);
  // Leaving the pane stops listening; highlights stay for the next check to clear.
  React.useEffect(() => () => void ops.stopLive(), [ops]);

  const describe = (r: TemplateResult, inserted: boolean): string => {
    const parts = [inserted ? tt('inserted', lang, { sheet: r.sheet, columns: r.columns.length }) : tt('applied', lang, { sheet: r.sheet, columns: r.columns.length })];
    if (r.kind !== 'customers') parts.push(r.customerList ? tt('customerList', lang, { sheet: r.customerList }) : tt('noCustomerList', lang));
    if (r.missing.length) parts.push(tt('missing', lang, { columns: r.missing.join(lang === 'zh' ? '、' : ', ') }));
    if (r.protected) parts.push(tt('protectedNote', lang));
    return parts.join(' ');
  };

  const options = { kind, protect, ...(protect && password ? { password } : {}) };

  const insert = async (): Promise<void> => {
    setBusy('insert');
    setNotice(null);
    const r = await ops.insert({ ...options, formulas });
    setNotice(r.ok ? { intent: 'success', text: describe(r.value, true) } : { intent: 'error', text: r.message });
    setBusy(null);
    await loadSheets();
    if (live) await startLive();
  };

  const apply = async (): Promise<void> => {
    if (!target) return;
    setBusy('apply');
    setNotice(null);
    const r = await ops.apply({ ...options, sheet: target });
    setNotice(r.ok ? { intent: r.value.missing.length ? 'warning' : 'success', text: describe(r.value, false) } : { intent: 'error', text: r.message });
    setBusy(null);
  };

  const startLive = async (): Promise<void> => {
    const r = await ops.startLive(
      (res: LiveResult) => setLiveText(tt('liveResult', lang, { sheet: res.sheet, rows: res.rows, flagged: res.flagged, cleared: res.cleared })),
      (e) => setLiveText(e.message),
    );
    if (r.ok) setLiveText(r.value.sheets.length ? tt('liveOn', lang, { sheets: r.value.sheets.join(lang === 'zh' ? '、' : ', ') }) : tt('liveNone', lang));
    else {
      setLive(false);
      setNotice({ intent: 'error', text: r.message });
    }
  };

  const toggleLive = async (on: boolean): Promise<void> => {
    setLive(on);
    if (on) await startLive();
    else {
      await ops.stopLive();
      setLiveText('');
    }
  };

  return (
    <section className={styles.section} aria-label={tt('section', lang)}>
      <Subtitle2 as="h2">{tt('section', lang)}</Subtitle2>
      <Field label={tt('template', lang)}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as TemplateKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {tt(k, lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox checked={formulas} disabled={kind !== 'sales'} onChange={(_, d) => setFormulas(d.checked === true)} label={tt('formulas', lang)} />
      <Checkbox checked={protect} onChange={(_, d) => setProtect(d.checked === true)} label={tt('protect', lang)} />
      {protect ? (
        <Field label={tt('password', lang)}>
          <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} />
        </Field>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void insert()}>
          {busy === 'insert' ? tt('inserting', lang) : tt('insert', lang)}
        </Button>
      </div>
      <div className={styles.row}>
        <Field label={tt('applyTo', lang)}>
          <Select value={target} onChange={(_, d) => setTarget(d.value)}>
            {sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={busy !== null || !target} onClick={() => void apply()}>
          {busy === 'apply' ? tt('applying', lang) : tt('apply', lang)}
        </Button>
      </div>
      {notice ? (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Switch checked={live} onChange={(_, d) => void toggleLive(d.checked)} label={tt('live', lang)} />
      {liveText ? <Caption1 className={styles.subtle} role="status">{liveText}</Caption1> : null}
      <MappingPanel ops={ops} lang={lang} />
    </section>
  );
}

/** Every template field of each recognised sheet, with its column and why; a header picker for the rest. */
export function MappingPanel({ ops, lang }: TemplatesSectionProps): React.ReactElement {
  const styles = useStyles();
  const [view, setView] = React.useState<MappingView | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [choices, setChoices] = React.useState<Record<string, string>>({});
  const [message, setMessage] = React.useState<Notice | null>(null);

  const load = async (): Promise<void> => {
    setLoading(true);
    const r = await ops.mapping();
    setLoading(false);
    if (r.ok) {
      setView(r.value);
      setChoices({});
    } else setMessage({ intent: 'error', text: r.message });
  };

  const save = async (): Promise<void> => {
    if (!view) return;
    const list = Object.entries(choices).map(([key, header]) => {
      const [template, field] = key.split('.');
      return { template: template as TemplateKind, field, header };
    });
    setLoading(true);
    const r = await ops.saveMapping(list);
    setLoading(false);
    setMessage(r.ok ? { intent: 'success', text: tt('saved', lang, { count: r.value }) } : { intent: 'error', text: r.message });
    if (r.ok) await load();
  };

  return (
    <section className={styles.section} aria-label={tt('mapping', lang)}>
      <Subtitle2 as="h3">{tt('mapping', lang)}</Subtitle2>
      <div className={styles.row}>
        <Button disabled={loading} onClick={() => void load()}>
          {view ? tt('refresh', lang) : tt('showMapping', lang)}
        </Button>
        {view && Object.keys(choices).length > 0 ? (
          <Button appearance="primary" disabled={loading} onClick={() => void save()}>
            {loading ? tt('saving', lang) : tt('saveMapping', lang)}
          </Button>
        ) : null}
        {loading ? <Spinner size="tiny" label={tt('loading', lang)} /> : null}
      </div>
      {message ? (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {view && view.sheets.length === 0 ? <Caption1>{tt('noSheets', lang)}</Caption1> : null}
      {view?.sheets.map((s) => (
        <div key={s.sheet} className={styles.sheet} data-sheet={s.sheet}>
          <Caption1>
            <strong>{s.sheet}</strong> · {s.templateName}
          </Caption1>
          {s.fields.map((f) => {
            const key = `${s.template}.${f.field}`;
            const label = `${f.label}${f.required ? ` (${tt('required', lang)})` : ''}`;
            if (f.column && f.source !== 'content') {
              return (
                <Caption1 key={key} className={styles.subtle}>
                  {label}: {tt('mappedBy', lang, { header: f.header ?? '', column: f.column, reason: f.reason ?? '', confidence: Math.round((f.confidence ?? 1) * 100) })}
                </Caption1>
              );
            }
            return (
              <Field
                key={key}
                label={label}
                hint={f.column ? tt('mappedBy', lang, { header: f.header ?? '', column: f.column, reason: f.reason ?? '', confidence: Math.round((f.confidence ?? 0) * 100) }) : undefined}
              >
                <Select
                  aria-label={`${s.sheet} ${f.label}`}
                  value={choices[key] ?? (f.column ? f.header ?? '' : '')}
                  onChange={(_, d) => setChoices((c) => ({ ...c, [key]: d.value }))}
                >
                  <option value="">{tt('notMapped', lang)}</option>
                  {s.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
        </div>
      ))}
      {view?.unrecognised.map((u) => (
        <Caption1 key={u.sheet}>{tt('unrecognised', lang, { sheet: u.sheet, template: u.templateName, missing: u.missing.join(lang === 'zh' ? '、' : ', ') })}</Caption1>
      ))}
    </section>
  );
}

/**
 * The task pane's screen. It receives the workbook operations as a prop and never calls Excel itself,
 * so the same component runs against real Excel, the fake Excel of the browser test, or a stub.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle1,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
// One module per icon: the package's barrel would hand webpack thousands of icons for the minifier to drop.
import { DismissRegular } from '@fluentui/react-icons/lib/atoms/svg/dismiss';
import { DocumentCheckmark20Regular } from '@fluentui/react-icons/lib/atoms/svg/document-checkmark';
import { Eraser20Regular } from '@fluentui/react-icons/lib/atoms/svg/eraser';
import { ShieldCheckmark20Regular } from '@fluentui/react-icons/lib/atoms/svg/shield-checkmark';
import { Finding } from '../core/model/findings';
import { Lang } from '../core/model/i18n';
import { CheckSummary, WorkbookOps } from '../excel/ops';
import type { TemplateOps } from '../excel/template-ops';
import { tt } from './template-strings';
import { SeverityCounts } from './SeverityCounts';
import { stageLabel, t } from './strings';

const FindingsTree = React.lazy(() => import(/* webpackChunkName: "findings" */ './FindingsTree'));
const TemplatesSection = React.lazy(() => import(/* webpackChunkName: "templates" */ './TemplatesSection'));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  subtle: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Busy = { kind: 'idle' } | { kind: 'checking'; fraction: number; stage: string; cancelling?: boolean } | { kind: 'clearing' } | { kind: 'verifying' };

interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  title?: string;
  text: string;
}

/** Error codes an adapter may use for a run the user cancelled. */
const CANCEL_CODE = /cancel|abort/i;

export interface AppProps {
  ops: WorkbookOps;
  /** Loads the template operations (insert, apply, mapping, live check) when the user opens that section. */
  templates?: () => Promise<TemplateOps>;
}

/** The whole pane: check / cancel / clear, progress, severity counts, findings. */
export function App(props: AppProps): React.ReactElement {
  const { ops } = props;
  const styles = useStyles();
  const lang: Lang = React.useMemo(() => ops.displayLanguage(), [ops]);
  const [busy, setBusy] = React.useState<Busy>({ kind: 'idle' });
  const [summary, setSummary] = React.useState<CheckSummary | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  /** Warnings of the last check (e.g. highlights under conditional formatting), shown beside its result. */
  const [warnings, setWarnings] = React.useState<string[]>([]);
  const [currentId, setCurrentId] = React.useState<string | null>(null);
  const abortRef = React.useRef<AbortController | null>(null);
  const [templateOps, setTemplateOps] = React.useState<TemplateOps | null>(null);
  const [templatesOpen, setTemplatesOpen] = React.useState(false);

  const toggleTemplates = async (): Promise<void> => {
    if (templatesOpen) {
      setTemplatesOpen(false);
      return;
    }
    setTemplatesOpen(true);
    if (!templateOps && props.templates) {
      try {
        setTemplateOps(await props.templates());
      } catch (e) {
        setTemplatesOpen(false);
        setNotice({ intent: 'error', title: t('errorTitle', lang), text: errorText(e) });
      }
    }
  };

  /** The live check's highlights go before a check or Clear saves and restores cells' looks. */
  const clearLive = async (): Promise<void> => {
    if (templateOps) await templateOps.clearLive();
  };

  // Closing the pane mid-check must not leave the worker running.
  React.useEffect(() => () => abortRef.current?.abort(), []);

  const failure = (message: string): Notice => ({ intent: 'error', title: t('errorTitle', lang), text: message });

  const runCheck = async (): Promise<void> => {
    const controller = new AbortController();
    abortRef.current = controller;
    setNotice(null);
    setWarnings([]);
    setBusy({ kind: 'checking', fraction: 0, stage: 'start' });
    try {
      await clearLive();
      const result = await ops.check({
        signal: controller.signal,
        onProgress: (fraction, stage) => {
          // After Cancel only the point of no return still shows, so the button can say it is too late.
          if (!controller.signal.aborted || stage === 'finishing') {
            setBusy({ kind: 'checking', fraction: clamp01(fraction), stage, cancelling: controller.signal.aborted });
          }
        },
      });
      if (result.ok) {
        setSummary(result.value);
        setCurrentId(null);
        setWarnings((result.value.warnings ?? []).map((w) => w.message));
        // Cancel pressed as the last write was already on its way: say so rather than report a plain finish.
        setNotice(controller.signal.aborted ? { intent: 'warning', text: t('cancelTooLate', lang) } : summaryNotice(result.value, lang));
      } else if (result.code === 'Cancelled') {
        setNotice({ intent: 'info', text: t('cancelled', lang) });
      } else if (CANCEL_CODE.test(result.code)) {
        // Cancelled mid-write: the adapter's message says what the rollback did.
        setNotice({ intent: 'warning', text: result.message });
      } else if (controller.signal.aborted) {
        setNotice({ intent: 'info', text: t('cancelled', lang) });
      } else {
        setNotice(failure(result.message));
      }
    } catch (e) {
      // The contract says ops return OpResult values; a throw is an adapter bug, still shown, never lost.
      setNotice(controller.signal.aborted ? { intent: 'info', text: t('cancelled', lang) } : failure(errorText(e)));
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
      setBusy({ kind: 'idle' });
    }
  };

  const cancel = (): void => {
    abortRef.current?.abort();
    setBusy((b) => (b.kind === 'checking' ? { ...b, cancelling: true } : b));
  };

  const runClear = async (): Promise<void> => {
    setNotice(null);
    setWarnings([]);
    setBusy({ kind: 'clearing' });
    try {
      await clearLive();
      const result = await ops.clear();
      setNotice(result.ok ? { intent: 'success', text: t('cleared', lang, { cells: result.value.restoredCells }) } : failure(result.message));
    } catch (e) {
      setNotice(failure(errorText(e)));
    } finally {
      setBusy({ kind: 'idle' });
    }
  };

  const runVerify = async (): Promise<void> => {
    setNotice(null);
    setBusy({ kind: 'verifying' });
    try {
      const result = await ops.verifyAudit();
      if (!result.ok) setNotice(failure(result.message));
      else if (result.value.ok) setNotice({ intent: 'success', text: t('auditIntact', lang, { rows: result.value.rows }) });
      else if ('missing' in result.value) setNotice({ intent: 'warning', text: t('auditMissing', lang) });
      else setNotice({ intent: 'error', text: t('auditAltered', lang, { row: result.value.row, seq: result.value.seq }) });
    } catch (e) {
      setNotice(failure(errorText(e)));
    } finally {
      setBusy({ kind: 'idle' });
    }
  };

  const select = async (f: Finding): Promise<void> => {
    setCurrentId(f.id);
    try {
      const result = await ops.select(f.sheet, f.cell);
      if (!result.ok) setNotice(failure(result.message));
    } catch (e) {
      setNotice(failure(errorText(e)));
    }
  };

  const checking = busy.kind === 'checking';
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <main className={styles.root} aria-busy={busy.kind !== 'idle'}>
        <header className={styles.header}>
          <Subtitle1 as="h1">{t('title', lang)}</Subtitle1>
          <Caption1 className={styles.subtle}>{t('subtitle', lang)}</Caption1>
        </header>

        <div className={styles.actions}>
          <Button appearance="primary" icon={<DocumentCheckmark20Regular />} disabled={busy.kind !== 'idle'} onClick={() => void runCheck()}>
            {checking ? t('checking', lang) : t('check', lang)}
          </Button>
          {checking ? (
            <Button icon={<DismissRegular />} onClick={cancel} disabled={busy.stage === 'finishing' || busy.cancelling === true}>
              {busy.stage === 'finishing' ? t('finishing', lang) : busy.cancelling ? t('cancelling', lang) : t('cancel', lang)}
            </Button>
          ) : (
            <Button icon={<Eraser20Regular />} disabled={busy.kind !== 'idle'} onClick={() => void runClear()}>
              {busy.kind === 'clearing' ? t('clearing', lang) : t('clear', lang)}
            </Button>
          )}
          {checking ? null : (
            <Button icon={<ShieldCheckmark20Regular />} disabled={busy.kind !== 'idle'} onClick={() => void runVerify()}>
              {busy.kind === 'verifying' ? t('verifying', lang) : t('verify', lang)}
            </Button>
          )}
        </div>

        {checking ? (
          <Field
            label={t('progressLabel', lang)}
            validationState="none"
            validationMessage={t('progress', lang, { stage: stageLabel(busy.stage, lang), percent: Math.round(busy.fraction * 100) })}
          >
            <ProgressBar value={busy.fraction} max={1} thickness="large" />
          </Field>
        ) : null}

        {notice ? (
          <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
            <MessageBarBody>
              {notice.title ? <MessageBarTitle>{notice.title}</MessageBarTitle> : null}
              {notice.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={<Button appearance="transparent" aria-label={t('dismiss', lang)} icon={<DismissRegular />} onClick={() => setNotice(null)} />}
            />
          </MessageBar>
        ) : null}
        {warnings.map((text, i) => (
          <MessageBar key={i} intent="warning" role="status" data-warning="">
            <MessageBarBody>{text}</MessageBarBody>
          </MessageBar>
        ))}

        {props.templates ? (
          <div className={styles.actions}>
            <Button appearance="subtle" aria-expanded={templatesOpen} onClick={() => void toggleTemplates()}>
              {templatesOpen ? tt('close', lang) : tt('open', lang)}
            </Button>
          </div>
        ) : null}
        {templatesOpen ? (
          templateOps ? (
            <React.Suspense fallback={<Spinner size="small" label={tt('loading', lang)} />}>
              <TemplatesSection ops={templateOps} lang={lang} />
            </React.Suspense>
          ) : (
            <Spinner size="small" label={tt('loading', lang)} />
          )
        ) : null}

        {summary ? (
          <section className={styles.section} aria-label={t('findingsHeading', lang)}>
            <SeverityCounts counts={summary.counts} lang={lang} />
            {summary.findings.length > 0 ? (
              <React.Suspense fallback={<Spinner size="small" label={t('loading', lang)} />}>
                <FindingsTree findings={summary.findings} reviews={summary.reviews} lang={lang} currentId={currentId} onSelect={(f) => void select(f)} />
              </React.Suspense>
            ) : null}
          </section>
        ) : null}
      </main>
    </FluentProvider>
  );
}

function summaryNotice(s: CheckSummary, lang: Lang): Notice {
  const total = s.counts.error + s.counts.warning + s.counts.info;
  if (s.sheets.length === 0) return { intent: 'warning', text: t('noTemplates', lang) };
  if (total === 0) return { intent: 'success', text: t('noFindings', lang, { sheets: s.sheets.length }) };
  return {
    intent: s.counts.error > 0 ? 'warning' : 'success',
    text: t('checked', lang, { sheets: s.sheets.length, total, findingsSheet: s.findingsSheet }),
  };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

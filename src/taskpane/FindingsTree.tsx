/**
 * The findings of the last check, grouped by sheet (accordion sections) then by code. Clicking a finding
 * asks the pane to select its cell. Loaded lazily: it is not on the first screen, which keeps the
 * initial JavaScript small.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Finding, MONEY_FINDING_CODES, Severity } from '../core/model/findings';
import { spellMoney } from '../core/model/money-text';
import { Lang } from '../core/model/i18n';
import { groupFindings } from './group-findings';
import { SeverityIcon } from './SeverityIcon';
import { ReviewDecision } from '../excel/ops';
import { codeLabel, reviewText, t } from './strings';

/** Findings shown per code group before "Show more": thousands of rows would stall the pane. */
export const PAGE_SIZE = 50;

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  codeGroup: { marginBottom: tokens.spacingVerticalM },
  codeHeading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  finding: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    minHeight: 'auto',
  },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: '44px',
    flexShrink: 0,
  },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3 },
  review: { color: tokens.colorBrandForeground1, fontStyle: 'italic' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

export interface FindingsTreeProps {
  findings: readonly Finding[];
  lang: Lang;
  /** The finding whose cell was last selected, highlighted in the list. */
  currentId: string | null;
  onSelect(finding: Finding): void;
  /** Review decisions by finding id (from the Findings sheet and the workbook's state). */
  reviews?: Readonly<Record<string, ReviewDecision>>;
}

/** Findings grouped by sheet, then code. */
export default function FindingsTree(props: FindingsTreeProps): React.ReactElement {
  const { findings, lang, currentId, onSelect, reviews } = props;
  const styles = useStyles();
  const sheets = React.useMemo(() => groupFindings(findings), [findings]);
  // Open every sheet when there are few, else only the first, so a long list starts short.
  const defaultOpen = React.useMemo(() => (sheets.length <= 3 ? sheets.map((s) => s.sheet) : sheets.slice(0, 1).map((s) => s.sheet)), [sheets]);
  return (
    <Accordion multiple collapsible defaultOpenItems={defaultOpen}>
      {sheets.map((group) => (
        <AccordionItem key={group.sheet} value={group.sheet}>
          <AccordionHeader>
            <span className={styles.header}>
              <span className={styles.sheetName}>{group.sheet}</span>
              <CounterBadge count={group.total} overflowCount={99999} color={group.counts.error > 0 ? 'danger' : 'informative'} size="small" appearance="filled" />
            </span>
          </AccordionHeader>
          <AccordionPanel>
            {group.codes.map((c) => (
              <CodeSection key={c.code} code={c.code} severity={c.severity} findings={c.findings} lang={lang} currentId={currentId} onSelect={onSelect} reviews={reviews} />
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function CodeSection(props: FindingsTreeProps & { code: string; severity: Severity }): React.ReactElement {
  const { code, severity, findings, lang, currentId, onSelect, reviews } = props;
  const styles = useStyles();
  const [shown, setShown] = React.useState(PAGE_SIZE);
  const headingId = React.useId();
  const rest = findings.length - shown;
  return (
    <section className={styles.codeGroup} aria-labelledby={headingId}>
      <div className={styles.codeHeading}>
        <SeverityIcon severity={severity} className={styles[severity]} />
        <Text id={headingId} weight="semibold" size={200}>
          {codeLabel(code, lang)}
        </Text>
        <Text size={200} className={styles.detail}>
          ({findings.length})
        </Text>
      </div>
      <ul className={styles.list}>
        {findings.slice(0, shown).map((f) => {
          const review = reviews?.[f.id];
          return (
            <li key={f.id}>
              <Button
                appearance="subtle"
                className={mergeClasses(styles.finding, f.id === currentId && styles.current)}
                aria-label={`${t('goToCell', lang, { sheet: f.sheet, cell: f.cell })}: ${f.message}`}
                aria-current={f.id === currentId ? 'true' : undefined}
                data-finding-id={f.id}
                data-cell={`${f.sheet}!${f.cell}`}
                onClick={() => onSelect(f)}
              >
                <span className={mergeClasses(styles.cell, styles[f.severity])}>{f.cell}</span>
                <span className={styles.body}>
                  <Text size={200}>{f.message}</Text>
                  {f.expected !== undefined || f.actual !== undefined ? (
                    <Text size={100} className={styles.detail}>
                      {[f.expected !== undefined ? t('expected', lang, { value: shownValue(f, f.expected) }) : '', f.actual !== undefined ? t('actual', lang, { value: shownValue(f, f.actual) }) : '']
                        .filter((s) => s !== '')
                        .join(lang === 'zh' ? '，' : ', ')}
                    </Text>
                  ) : null}
                  {review ? (
                    <Text size={100} className={styles.review} data-review-status={review.status}>
                      {reviewText(review, lang)}
                    </Text>
                  ) : null}
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
      {rest > 0 ? (
        <Button appearance="transparent" size="small" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {t('showMore', lang, { count: Math.min(rest, PAGE_SIZE) })}
        </Button>
      ) : null}
    </section>
  );
}

/** An expected or actual value as the pane shows it: amounts spelled like every message's money. */
function shownValue(f: Finding, value: string): string {
  return MONEY_FINDING_CODES.has(f.code) ? spellMoney(value) : value;
}

import * as React from 'react';
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Severity } from '../core/model/findings';
import { Lang } from '../core/model/i18n';
import { SEVERITY_LABEL, t } from './strings';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    flex: '1 1 0',
    minWidth: '72px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

/** The three severity totals of the last check, as big numbers with coloured badges. */
export function SeverityCounts(props: { counts: Record<Severity, number>; lang: Lang }): React.ReactElement {
  const styles = useStyles();
  const { counts, lang } = props;
  return (
    <div className={styles.row} role="group" aria-label={t('countsLabel', lang)}>
      {(['error', 'warning', 'info'] as const).map((s) => (
        <div key={s} className={styles.cell} data-severity={s} data-count={counts[s]}>
          <Text className={styles.number}>{counts[s]}</Text>
          <Badge appearance={counts[s] > 0 ? 'filled' : 'outline'} color={BADGE_COLOR[s]} icon={<SeverityIcon severity={s} />}>
            {SEVERITY_LABEL[s][lang]}
          </Badge>
        </div>
      ))}
    </div>
  );
}

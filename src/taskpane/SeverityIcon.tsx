import * as React from 'react';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { Severity } from '../core/model/findings';

/** A small filled icon for a severity; colour comes from the surrounding badge or text. */
export function SeverityIcon(props: { severity: Severity; className?: string }): React.ReactElement {
  const { severity, className } = props;
  if (severity === 'error') return <ErrorCircle16Filled className={className} aria-hidden />;
  if (severity === 'warning') return <Warning16Filled className={className} aria-hidden />;
  return <Info16Filled className={className} aria-hidden />;
}

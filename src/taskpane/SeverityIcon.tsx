import * as React from 'react';
// One module per icon (see App.tsx): the barrel costs the build, not the bundle, thousands of icons.
import { ErrorCircle16Filled } from '@fluentui/react-icons/lib/atoms/svg/error-circle';
import { Info16Filled } from '@fluentui/react-icons/lib/atoms/svg/info';
import { Warning16Filled } from '@fluentui/react-icons/lib/atoms/svg/warning';
import { Severity } from '../core/model/findings';

/** A small filled icon for a severity; colour comes from the surrounding badge or text. */
export function SeverityIcon(props: { severity: Severity; className?: string }): React.ReactElement {
  const { severity, className } = props;
  if (severity === 'error') return <ErrorCircle16Filled className={className} aria-hidden />;
  if (severity === 'warning') return <Warning16Filled className={className} aria-hidden />;
  return <Info16Filled className={className} aria-hidden />;
}

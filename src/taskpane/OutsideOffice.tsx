import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { Lang } from '../core/model/i18n';
import { t } from './strings';

/** Shown when the page is opened outside Excel (a browser tab, or office.js could not load). */
export function OutsideOffice(props: { lang: Lang }): React.ReactElement {
  const { lang } = props;
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <main style={{ padding: 16 }}>
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{t('title', lang)}</MessageBarTitle>
            {t('outsideOffice', lang)}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}

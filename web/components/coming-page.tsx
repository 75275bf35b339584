import { t } from '../i18n/i18n.ts';
import type { Principal } from '../session/session.ts';
import { TopBar } from './top-bar.tsx';

/** What a role without its view yet sees, in its own words. */
export function ComingPage({ role }: { role: Principal['role'] }) {
  return (
    <>
      <TopBar title={t('app.name')} />
      <main id="main" class="coming">
        <h2>{t('coming.title')}</h2>
        <p>{t('coming.body', { role: t(`role.${role}`) })}</p>
      </main>
    </>
  );
}

import type { ComponentChildren } from 'preact';
import { api } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { endSession, session } from '../session/session.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** The bar over every signed-in view: title, what the view adds, user, language, log-out. */
export function TopBar({ title, children }: { title: string; children?: ComponentChildren }) {
  const user = session.value?.user;
  const logout = async () => {
    // The server ends the session (and its sockets); the page ends it either way.
    await api.POST('/api/auth/logout').catch(() => undefined);
    endSession('logout');
  };
  return (
    <header class="top-bar">
      <h1>{title}</h1>
      <div class="top-bar-middle">{children}</div>
      {user && (
        <p class="who">
          <span class="sr-only">{t('user.signedInAs')} </span>
          {user.username} · {t(`role.${user.role}`)}
        </p>
      )}
      <LanguageSwitch />
      <button type="button" onClick={logout}>
        {t('user.logout')}
      </button>
    </header>
  );
}

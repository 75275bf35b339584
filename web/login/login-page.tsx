import { useSignal } from '@preact/signals';
import { api } from '../api/client.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { t } from '../i18n/i18n.ts';
import { hasKeptDrafts } from '../session/kept-drafts.ts';
import { endedBecause, startSession } from '../session/session.ts';

/** Log-in with username and password (POST /api/auth/login); the session starts on 200. */
export function LoginPage() {
  const username = useSignal('');
  const password = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      const { data, response } = await api.POST('/api/auth/login', {
        body: { username: username.value.trim(), password: password.value },
      });
      if (data) {
        password.value = '';
        startSession(data);
      } else {
        error.value =
          response.status === 401 || response.status === 400
            ? t('login.invalid')
            : t('login.failed', { status: response.status });
      }
    } catch {
      error.value = t('login.offline');
    } finally {
      busy.value = false;
    }
  };

  const notice =
    endedBecause.value === 'expired'
      ? hasKeptDrafts()
        ? `${t('login.expired')} ${t('login.draftKept')}`
        : t('login.expired')
      : endedBecause.value === 'logout'
        ? t('login.loggedOut')
        : null;

  return (
    <main id="main" class="login">
      <div class="login-lang">
        <LanguageSwitch />
      </div>
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">{t('login.title')}</h1>
        <p class="login-app">{t('app.name')}</p>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <label for="username">{t('login.username')}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username.value}
          onInput={(e) => (username.value = e.currentTarget.value)}
        />
        <label for="password">{t('login.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password.value}
          onInput={(e) => (password.value = e.currentTarget.value)}
        />
        {error.value && (
          <p class="error" role="alert">
            {error.value}
          </p>
        )}
        <button type="submit" disabled={busy.value}>
          {busy.value ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}

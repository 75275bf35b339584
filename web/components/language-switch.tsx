import { type Lang, lang, setLang, t } from '../i18n/i18n.ts';

const LANGS: Lang[] = ['sv', 'en'];

/** Two real buttons; the current language is pressed. */
export function LanguageSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang.value === l}
          onClick={() => setLang(l)}
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}

/**
 * The page's language: Swedish unless the user picked English (remembered in
 * localStorage). t() looks a key up in the current dictionary and fills in `{name}`s.
 */
import { effect, signal } from '@preact/signals';
import { en } from './en.ts';
import { type MessageKey, sv } from './sv.ts';

export type Lang = 'sv' | 'en';
export type { MessageKey };

const KEY = 'hemsjukvard.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { sv, en };

function stored(): Lang {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export const lang = signal<Lang>(stored());

export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Private mode: the choice lasts this page only.
  }
}

effect(() => {
  if (typeof document === 'undefined') return; // the formatting tests run in Node
  document.documentElement.lang = lang.value;
  document.title = t('app.name');
});

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[lang.value][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(vars[name] ?? `{${name}}`),
  );
}

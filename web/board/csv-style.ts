/**
 * The page's CSV choice, one for every table: Swedish spreadsheet conventions unless the user
 * picked the international ones (remembered in localStorage, like the language).
 */
import { signal } from '@preact/signals';
import type { CsvStyle } from './csv.ts';

const KEY = 'hemsjukvard.csvStyle';

function stored(): CsvStyle {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'intl' ? 'intl' : 'sv';
  } catch {
    return 'sv';
  }
}

export const csvStyle = signal<CsvStyle>(stored());

export function setCsvStyle(next: CsvStyle): void {
  csvStyle.value = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Private mode: the choice lasts this page only.
  }
}

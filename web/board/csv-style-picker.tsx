import { t } from '../i18n/i18n.ts';
import type { CsvStyle } from './csv.ts';
import { csvStyle, setCsvStyle } from './csv-style.ts';

/** Which spreadsheet conventions every "Exportera CSV" on the page writes. */
export function CsvStylePicker() {
  return (
    <div class="picker">
      <label for="board-csv-style">{t('board.csvStyle')}</label>
      <select
        id="board-csv-style"
        value={csvStyle.value}
        onChange={(e) => setCsvStyle(e.currentTarget.value as CsvStyle)}
      >
        <option value="sv">{t('board.csvSv')}</option>
        <option value="intl">{t('board.csvIntl')}</option>
      </select>
    </div>
  );
}

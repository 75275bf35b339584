import { t } from '../i18n/i18n.ts';

/** The municipality the console shows, among those of the user's scope. */
export function MunicipalityPicker(props: {
  codes: readonly string[];
  names: ReadonlyMap<string, string>;
  value: string;
  onChange: (code: string) => void;
}) {
  return (
    <div class="picker">
      <label for="municipality">{t('console.municipality')}</label>
      <select
        id="municipality"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.codes.map((code) => (
          <option key={code} value={code}>
            {props.names.get(code) ?? code} ({code})
          </option>
        ))}
      </select>
    </div>
  );
}

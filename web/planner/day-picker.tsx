import { t } from '../i18n/i18n.ts';
import type { DayChoice } from './planner-types.ts';

/** Municipality (within the user's scope), team (or all) and date of the day to plan. */
export function DayPicker(props: {
  codes: readonly string[];
  names: ReadonlyMap<string, string>;
  teams: readonly { id: string; name: string }[];
  day: DayChoice;
  onChange: (day: DayChoice) => void;
}) {
  const { day, onChange } = props;
  return (
    <section class="planner-card" aria-labelledby="planner-day">
      <h2 id="planner-day">{t('planner.dayHeading')}</h2>
      <div class="picker planner-picker">
        <label for="planner-municipality">{t('console.municipality')}</label>
        <select
          id="planner-municipality"
          value={day.municipality}
          onChange={(e) => onChange({ ...day, municipality: e.currentTarget.value, team: '' })}
        >
          {props.codes.map((code) => (
            <option key={code} value={code}>
              {props.names.get(code) ?? code} ({code})
            </option>
          ))}
        </select>
        <label for="planner-team">{t('team.label')}</label>
        <select
          id="planner-team"
          value={day.team}
          onChange={(e) => onChange({ ...day, team: e.currentTarget.value })}
        >
          <option value="">{t('team.all')}</option>
          {props.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <label for="planner-date">{t('planner.date')}</label>
        <input
          id="planner-date"
          type="date"
          value={day.date}
          onChange={(e) =>
            e.currentTarget.value && onChange({ ...day, date: e.currentTarget.value })
          }
        />
      </div>
    </section>
  );
}

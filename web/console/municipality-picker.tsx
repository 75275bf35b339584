import { t } from '../i18n/i18n.ts';
import type { Team } from './team-view.ts';

/** The municipality the console shows, among those of the user's scope, and a team in it. */
export function MunicipalityPicker(props: {
  codes: readonly string[];
  names: ReadonlyMap<string, string>;
  value: string;
  onChange: (code: string) => void;
  teams: readonly Team[];
  team: string;
  onTeamChange: (teamId: string) => void;
  /** Offer "all teams" (default); not to a user whose scope is some teams (the board). */
  allTeams?: boolean;
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
      <label for="team">{t('team.label')}</label>
      <select
        id="team"
        value={props.team}
        onChange={(e) => props.onTeamChange(e.currentTarget.value)}
      >
        {props.allTeams !== false && <option value="">{t('team.all')}</option>}
        {props.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}

import { type CsvCell, toCsv } from '../http/csv.ts';
import type { BoardFigures } from './board-figures.ts';
import type { CountyRow } from './county.ts';
import type { Economics } from './economics.ts';
import type { TrendDay } from './trends.ts';

/** The tiles as a two-column table (figure; value), Swedish headings. */
export function figuresCsv(f: BoardFigures): string {
  const rows: [string, CsvCell][] = [
    ['kommun', f.municipalityCode],
    ['team', f.teamId],
    ['från', f.period.from],
    ['till', f.period.to],
    ['kontinuitet patienter', f.continuity.overall.patients],
    ['kontinuitet median (Kolada 07–22)', f.continuity.overall.kolada.median],
    ['kontinuitet p90 (Kolada 07–22)', f.continuity.overall.kolada.p90],
    ['kontinuitet median (alla timmar)', f.continuity.overall.allHours.median],
    ['kontinuitet p90 (alla timmar)', f.continuity.overall.allHours.p90],
    ['andel besök av fast vårdkontakt', f.contactShare.share],
    ['andel påbörjade i tid', f.punctuality.share],
    ['tidiga', f.punctuality.buckets.early],
    ['i tid', f.punctuality.buckets.onTime],
    ['sena 1–15 min', f.punctuality.buckets.late1to15],
    ['sena 16–30 min', f.punctuality.buckets.late16to30],
    ['sena 31–60 min', f.punctuality.buckets.late31to60],
    ['sena över 60 min', f.punctuality.buckets.lateOver60],
    ...f.urgentResponse.flatMap((u): [string, CsvCell][] => [
      [`${u.priority} median min`, u.medianMinutes],
      [`${u.priority} p90 min`, u.p90Minutes],
      [`${u.priority} inom mål (${u.targetMinutes} min)`, u.withinTarget],
      [`${u.priority} registrerade`, u.registered],
    ]),
    ['besök', f.outcomes.visits],
    ['utförda', f.outcomes.done],
    ['oplacerade', f.outcomes.unplaced],
    ['ej anträffade', f.outcomes.noAccess],
    ['inställda', f.outcomes.cancelled],
    ['dubbelbemanning utförda', f.outcomes.twoPerson.done],
    ['dubbelbemanning båda på plats', f.outcomes.twoPerson.together],
    ['besök per patient och dag', f.outcomes.arrivalsPerPatientDay],
    ['passtimmar', f.workingTime.shiftHours],
    ['beläggning', f.workingTime.utilisation],
    ['andel restid', f.workingTime.travelShare],
    ['övertid timmar', f.workingTime.overtimeHours],
    ['planerad besökstid medel min', f.plannedActual.plannedMinutes.mean],
    ['faktisk besökstid medel min', f.plannedActual.actualMinutes.mean],
    ['faktisk restid medel min', f.plannedActual.travelMinutes.mean],
    ['planerad restid medel min', f.plannedActual.plannedTravelMinutes.mean],
    ['restid faktisk minus planerad median min', f.plannedActual.travelOverrunMinutes.median],
    ['restid faktisk minus planerad p90 min', f.plannedActual.travelOverrunMinutes.p90],
  ];
  return toCsv(['mått', 'värde'], rows);
}

export function trendsCsv(days: TrendDay[]): string {
  const keys = Object.keys(days[0] ?? { day: '' }) as (keyof TrendDay)[];
  return toCsv(
    keys,
    days.map((d) => keys.map((k) => d[k])),
  );
}

export function countyCsv(rows: CountyRow[]): string {
  const keys = Object.keys(rows[0] ?? { municipalityCode: '' }) as (keyof CountyRow)[];
  return toCsv(
    keys,
    rows.map((r) => keys.map((k) => r[k])),
  );
}

export function economicsCsv(rows: Economics[]): string {
  const flat = rows.map((e) => ({
    municipalityCode: e.municipalityCode,
    month: e.month,
    ...Object.fromEntries(Object.entries(e.staffHours).map(([k, v]) => [`hours_${k}`, v])),
    travel_reported_hours: e.travel.reportedHours,
    travel_estimated_km: e.travel.estimatedKm,
    ...Object.fromEntries(Object.entries(e.visitsBySource).map(([k, v]) => [`visits_${k}`, v])),
    ...Object.fromEntries(
      Object.entries(e.visitsByCareSetting).map(([k, v]) => [`visits_${k}`, v]),
    ),
  }));
  const keys = Object.keys(flat[0] ?? { municipalityCode: '' });
  return toCsv(
    keys,
    flat.map((r) => keys.map((k) => (r as Record<string, CsvCell>)[k])),
  );
}

/**
 * npm run travel:calibrate -- [--municipality CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 *                             [--min-trips N] [--json]
 *
 * Compares the trips caregivers made (en route → started, from the events) with the travel
 * estimate of the configured TRAVEL_* settings, per municipality and mode, and proposes the
 * detour factor, speed and allowance that fit them. Reads the database named by the
 * environment (DATABASE_URL, else PGlite in ${DATA_DIR:-./data}/pglite); writes nothing.
 * Exit codes: 0 done, 1 failure, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { openDatabase } from '../../../db/client.ts';
import { databaseTargetFromEnv } from '../../../db/target.ts';
import { loadConfig } from '../../config.ts';
import { estimateOptionsOf } from '../travel-config.ts';
import { calibrationReport, defaultPeriod } from './calibration-report.ts';

const USAGE =
  'usage: npm run travel:calibrate -- [--municipality CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--min-trips N] [--json]';
/** A real calendar day, YYYY-MM-DD. */
const DAY = { test: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid };

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        municipality: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'min-trips': { type: 'string', default: '20' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    console.error(`travel:calibrate: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const period = defaultPeriod(new Date());
  const from = values.from ?? period.from;
  const to = values.to ?? period.to;
  const minTrips = Number(values['min-trips']);
  const bad =
    (!DAY.test(from) && '--from must be YYYY-MM-DD') ||
    (!DAY.test(to) && '--to must be YYYY-MM-DD') ||
    (from > to && '--to must not be before --from') ||
    (values.municipality !== undefined &&
      !/^\d{4}$/.test(values.municipality) &&
      '--municipality must be a four-digit code') ||
    ((!Number.isInteger(minTrips) || minTrips < 2) &&
      '--min-trips must be a whole number, at least 2');
  if (bad) {
    console.error(`travel:calibrate: ${bad}\n${USAGE}`);
    return 2;
  }
  const estimate = estimateOptionsOf(loadConfig());
  const database = await openDatabase(databaseTargetFromEnv());
  try {
    const report = await calibrationReport(
      database.db,
      { municipality: values.municipality, from, to, minTrips },
      estimate,
    );
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    console.log(
      `travel:calibrate: ${database.describe}; ${from} to ${to}` +
        `${values.municipality ? `, municipality ${values.municipality}` : ''}; fit from ${minTrips} trips`,
    );
    if (report.rows.length === 0) {
      console.log('travel:calibrate: no measured trips (en route → started) in the period');
      return 0;
    }
    console.table(
      report.rows.map((r) => ({
        municipality: r.municipality,
        mode: r.mode,
        trips: r.trips,
        'straight m': r.meanStraightMetres,
        'measured s': r.meanMeasuredSeconds,
        'estimated s': r.meanEstimatedSeconds,
        'measured/estimated': r.measuredOverEstimated,
        'detour (now)': `${r.proposed?.detourFactor ?? '–'} (${estimate.detourFactor})`,
        'km/h (now)': `${r.proposed?.kmh ?? '–'} (${estimate.modes[r.mode].kmh})`,
        'allowance s (now)': `${r.proposed?.allowanceSeconds ?? '–'} (${estimate.modes[r.mode].overheadSeconds})`,
      })),
    );
    console.log(
      'Each proposal fits the measured trips with the other settings as they are ' +
        '(TRAVEL_DETOUR_FACTOR, TRAVEL_<MODE>_KMH, TRAVEL_<MODE>_ALLOWANCE_SECONDS): change one of them.',
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error('travel:calibrate: failed:', e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);

import { describe, expect, it } from 'vitest';
import { DEFAULT_ESTIMATE } from '../../../../server/solver-bridge/travel.ts';
import { calibrate } from '../../../../server/travel/calibration/calibrate.ts';
import type { MeasuredTrip } from '../../../../server/travel/calibration/measured-trip.ts';

const trip = (
  municipality: string,
  mode: MeasuredTrip['mode'],
  straightMetres: number,
  measuredSeconds: number,
): MeasuredTrip => ({ municipality, mode, straightMetres, measuredSeconds });

describe('calibrate', () => {
  it('compares measured trips with the estimate and proposes the factors (worked by hand)', () => {
    const report = calibrate(
      [
        // Stockholm by car: measured = 240 s + 0.18 s per straight-line metre, exactly.
        trip('0180', 'car', 1000, 420),
        trip('0180', 'car', 2000, 600),
        trip('0180', 'car', 3000, 780),
        trip('0180', 'car', 4000, 960),
        // By bike: two trips, fewer than minTrips: no fit.
        trip('0180', 'bike', 1500, 500),
        trip('0180', 'bike', 500, 300),
        // Nacka by car: all the same length, no slope to fit.
        trip('0182', 'car', 2000, 700),
        trip('0182', 'car', 2000, 700),
        trip('0182', 'car', 2000, 700),
      ],
      DEFAULT_ESTIMATE,
      3,
    );
    // The estimate (car: 30 km/h, allowance 240 s, detour 1.3, ×1.1 + 60 s):
    //   1000 m → 1300 m → 156 s; (156 + 240) × 1.1 + 60 = 495.6 → 496
    //   2000 m → 667, 3000 m → 839, 4000 m → 1010; mean 3012 / 4 = 753.
    // Measured 2760 / 4 = 690; 2760 / 3012 = 0.916.
    // Line: 240 s + 0.18 s/m. Slope = detour × 1.1 / (30 / 3.6):
    //   detour = 0.18 × 8.333 / 1.1 = 1.364; speed = 1.3 × 1.1 / 0.18 × 3.6 = 28.6 km/h;
    //   allowance = (240 − 60) / 1.1 = 163.6 → 164 s.
    expect(report.rows).toEqual([
      {
        municipality: '0180',
        mode: 'car',
        trips: 4,
        meanStraightMetres: 2500,
        meanMeasuredSeconds: 690,
        meanEstimatedSeconds: 753,
        measuredOverEstimated: 0.916,
        fit: { interceptSeconds: 240, secondsPerMetre: 0.18 },
        proposed: { detourFactor: 1.364, kmh: 28.6, allowanceSeconds: 164 },
      },
      // Bike (15 km/h, 60 s): 1500 m → 1950 m → 468 s; (468 + 60) × 1.1 + 60 = 640.8 → 641;
      // 500 m → 650 m → 156 s → 297.6 → 298. Mean (641 + 298) / 2 = 469.5 → 470; 800 / 939.
      {
        municipality: '0180',
        mode: 'bike',
        trips: 2,
        meanStraightMetres: 1000,
        meanMeasuredSeconds: 400,
        meanEstimatedSeconds: 470,
        measuredOverEstimated: 0.852,
        fit: null,
        proposed: null,
      },
      // 2000 m by car is 667 s; 2100 / 2001 = 1.049.
      {
        municipality: '0182',
        mode: 'car',
        trips: 3,
        meanStraightMetres: 2000,
        meanMeasuredSeconds: 700,
        meanEstimatedSeconds: 667,
        measuredOverEstimated: 1.049,
        fit: null,
        proposed: null,
      },
    ]);
  });

  it('reports nothing for no trips', () => {
    expect(calibrate([], DEFAULT_ESTIMATE).rows).toEqual([]);
  });
});

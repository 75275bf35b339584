/** Recurring visit templates by patient archetype, for the demo generator. */
import type { Profession } from '../reference/professions.ts';
import { TASK_TYPES, type TaskType } from '../reference/task-types.ts';
import type { Rng } from './prng.ts';
import { hhmm, toMinutes, window } from './local-time.ts';

export interface PlanSpec {
  tasks: TaskType[];
  duration: number;
  /** Local 'HH:MM'. */
  start: string;
  end: string;
  hard: boolean;
  days: number[];
  staffCount: 1 | 2;
  /**
   * May share a visit with the patient's other overlapping plans (care_plans.combinable;
   * default true). Off for palliative care (an RN's unhurried visit of its own) and for
   * two-person lifts (their own pair, booked to the minute).
   */
  combinable?: boolean;
}

export type Archetype =
  | 'personal_care'
  | 'insulin'
  | 'dose'
  | 'wound'
  | 'lift'
  | 'palliative'
  | 'catheter_stoma'
  | 'tube'
  | 'rehab'
  | 'ot'
  | 'dietitian'
  | 'nursing';

export const DAILY = [1, 2, 3, 4, 5, 6, 7];

export function professionOf(tasks: readonly TaskType[]): Profession {
  const p = TASK_TYPES[tasks[0]].profession;
  for (const t of tasks) {
    if (TASK_TYPES[t].profession !== p) throw new Error(`mixed professions in ${tasks.join(',')}`);
  }
  return p;
}

export const ARCHETYPE_WEIGHTS: Record<
  'ordinary_home' | 'hvb_home' | 'asylum_housing',
  [Archetype, number][]
> = {
  ordinary_home: [
    ['personal_care', 30],
    ['insulin', 14],
    ['dose', 14],
    ['wound', 10],
    ['lift', 5],
    ['palliative', 4],
    ['catheter_stoma', 6],
    ['tube', 2],
    ['rehab', 5],
    ['ot', 4],
    ['dietitian', 2],
    ['nursing', 3],
  ],
  hvb_home: [
    ['dose', 6],
    ['nursing', 2],
    ['insulin', 1],
  ],
  asylum_housing: [
    ['wound', 3],
    ['nursing', 3],
    ['insulin', 2],
    ['dose', 2],
  ],
};

export function personalCarePlans(rng: Rng, withNight: number): PlanSpec[] {
  const plans: PlanSpec[] = [];
  const m = window(rng, '07:00', '09:00', rng.pick([60, 90, 120]));
  plans.push({
    tasks: ['personal_care'],
    duration: rng.pick([30, 35, 45]),
    ...m,
    hard: false,
    days: DAILY,
    staffCount: 1,
  });
  if (rng.chance(0.45)) {
    const l = window(rng, '11:30', '12:30', 60);
    plans.push({
      tasks: ['supervision'],
      duration: rng.pick([15, 20]),
      ...l,
      hard: false,
      days: DAILY,
      staffCount: 1,
    });
  }
  const e = window(rng, '18:30', '20:30', rng.pick([60, 90]));
  plans.push({
    tasks: ['personal_care'],
    duration: rng.pick([20, 30]),
    ...e,
    hard: false,
    days: DAILY,
    staffCount: 1,
  });
  if (rng.chance(withNight)) {
    const n = window(rng, '00:00', '04:00', rng.pick([60, 120]));
    plans.push({
      tasks: ['supervision'],
      duration: 10,
      ...n,
      hard: false,
      days: DAILY,
      staffCount: 1,
    });
  }
  return plans;
}

export function archetypePlans(rng: Rng, archetype: Archetype): PlanSpec[] {
  switch (archetype) {
    case 'personal_care':
      return personalCarePlans(rng, 0.2);
    case 'insulin': {
      const withDose = rng.chance(0.35);
      const plans: PlanSpec[] = [
        {
          tasks: withDose ? ['insulin_pen', 'dose_dispensing'] : ['insulin_pen'],
          duration: withDose ? 20 : 15,
          start: '07:30',
          end: '08:30',
          hard: true,
          days: DAILY,
          staffCount: 1,
        },
        {
          tasks: ['insulin_pen'],
          duration: 15,
          start: rng.pick(['19:30', '20:00']),
          end: '',
          hard: true,
          days: DAILY,
          staffCount: 1,
        },
      ];
      plans[1].end = hhmm(toMinutes(plans[1].start) + 60);
      if (rng.chance(0.25)) {
        plans.push({
          tasks: ['insulin_pen'],
          duration: 10,
          start: '11:30',
          end: '12:30',
          hard: true,
          days: DAILY,
          staffCount: 1,
        });
      }
      if (rng.chance(0.4)) plans.push(...personalCarePlans(rng, 0).slice(0, 1));
      return plans;
    }
    case 'dose': {
      const slots: [string, string][] = [
        ['07:30', '09:00'],
        ['11:30', '13:00'],
        ['16:30', '18:00'],
        ['21:00', '22:00'],
      ];
      const n = rng.weighted<number>([
        [1, 3],
        [2, 4],
        [3, 2],
        [4, 1],
      ]);
      const chosen =
        n === 4
          ? slots
          : n === 3
            ? [slots[0], slots[1], slots[3]]
            : n === 2
              ? [slots[0], slots[3]]
              : [slots[0]];
      return chosen.map(([start, end]) => ({
        tasks: ['dose_dispensing'] as TaskType[],
        duration: 10,
        start,
        end,
        hard: false,
        days: DAILY,
        staffCount: 1 as const,
      }));
    }
    case 'wound': {
      const w = window(rng, '09:00', '14:00', rng.pick([120, 180]));
      const days = rng.pick([[1, 3, 5], [2, 4, 6], [1, 4], DAILY]);
      const plans: PlanSpec[] = [
        {
          tasks: ['wound_dressing'],
          duration: rng.pick([30, 40, 45]),
          ...w,
          hard: false,
          days,
          staffCount: 1,
        },
      ];
      if (rng.chance(0.5)) plans.push(...personalCarePlans(rng, 0));
      return plans;
    }
    case 'lift': {
      const plans: PlanSpec[] = [];
      const m = window(rng, '07:30', '09:00', 90);
      plans.push({
        tasks: ['lift_assist', 'personal_care'],
        duration: rng.pick([40, 45]),
        ...m,
        hard: false,
        days: DAILY,
        staffCount: 2,
        combinable: false,
      });
      if (rng.chance(0.4)) {
        const l = window(rng, '12:00', '13:00', 60);
        plans.push({
          tasks: ['lift_assist'],
          duration: 20,
          ...l,
          hard: false,
          days: DAILY,
          staffCount: 2,
          combinable: false,
        });
      }
      const e = window(rng, '19:30', '21:00', 60);
      plans.push({
        tasks: ['lift_assist', 'personal_care'],
        duration: 30,
        ...e,
        hard: false,
        days: DAILY,
        staffCount: 2,
        combinable: false,
      });
      if (rng.chance(0.25)) {
        const n = window(rng, '01:00', '03:30', 90);
        plans.push({
          tasks: ['lift_assist'],
          duration: 15,
          ...n,
          hard: false,
          days: DAILY,
          staffCount: 2,
          combinable: false,
        });
      }
      return plans;
    }
    case 'palliative': {
      const plans: PlanSpec[] = [
        {
          tasks: ['palliative_care'],
          combinable: false,
          duration: 30,
          start: '08:30',
          end: '10:30',
          hard: false,
          days: DAILY,
          staffCount: 1,
        },
        {
          tasks: ['palliative_care'],
          combinable: false,
          duration: 30,
          start: '16:00',
          end: '18:00',
          hard: false,
          days: DAILY,
          staffCount: 1,
        },
      ];
      if (rng.chance(0.6)) {
        const n = window(rng, '01:00', '03:00', 120);
        plans.push({
          tasks: ['palliative_care'],
          combinable: false,
          duration: 20,
          ...n,
          hard: false,
          days: DAILY,
          staffCount: 1,
        });
      }
      plans.push(...personalCarePlans(rng, 0));
      return plans;
    }
    case 'catheter_stoma': {
      const plans: PlanSpec[] = rng.chance(0.5)
        ? [
            {
              tasks: ['catheter_rinse'],
              duration: 20,
              ...window(rng, '09:00', '14:00', 120),
              hard: false,
              days: rng.pick([
                [2, 5],
                [1, 4],
                [3, 6],
              ]),
              staffCount: 1,
            },
          ]
        : [
            {
              tasks: ['stoma_care'],
              duration: 20,
              ...window(rng, '09:00', '13:00', 120),
              hard: false,
              days: DAILY,
              staffCount: 1,
            },
          ];
      if (rng.chance(0.15)) {
        plans.push({
          tasks: ['catheter_change'],
          duration: 30,
          ...window(rng, '09:00', '13:00', 180),
          hard: false,
          days: [rng.int(1, 5)],
          staffCount: 1,
        });
      }
      if (rng.chance(0.5)) plans.push(...personalCarePlans(rng, 0.1));
      return plans;
    }
    case 'tube':
      return [
        {
          tasks: ['tube_feeding'],
          duration: 20,
          start: '08:00',
          end: '09:00',
          hard: false,
          days: DAILY,
          staffCount: 1,
        },
        {
          tasks: ['tube_feeding'],
          duration: 20,
          start: '12:30',
          end: '13:30',
          hard: false,
          days: DAILY,
          staffCount: 1,
        },
        {
          tasks: ['tube_feeding'],
          duration: 20,
          start: '17:30',
          end: '18:30',
          hard: false,
          days: DAILY,
          staffCount: 1,
        },
      ];
    case 'rehab': {
      const plans: PlanSpec[] = rng.chance(0.7)
        ? [
            {
              tasks: ['rehab_training'],
              duration: 45,
              ...window(rng, '09:00', '14:00', 120),
              hard: false,
              days: rng.pick([
                [2, 4],
                [1, 3],
                [1, 3, 5],
              ]),
              staffCount: 1,
            },
          ]
        : [
            {
              tasks: ['mobility_assessment'],
              duration: 60,
              ...window(rng, '09:00', '13:00', 180),
              hard: false,
              days: [rng.int(1, 5)],
              staffCount: 1,
            },
          ];
      if (rng.chance(0.5)) plans.push(...personalCarePlans(rng, 0).slice(0, 1));
      return plans;
    }
    case 'ot': {
      const plans: PlanSpec[] = [
        {
          tasks: [rng.pick(['aids_assessment', 'home_adaptation'] as const)],
          duration: 60,
          ...window(rng, '09:00', '14:00', 120),
          hard: false,
          days: rng.pick([[1], [2], [3], [4], [5], [1, 4], [2, 5]]),
          staffCount: 1,
        },
      ];
      if (rng.chance(0.6)) plans.push(...personalCarePlans(rng, 0));
      return plans;
    }
    case 'dietitian': {
      const plans: PlanSpec[] = [
        {
          tasks: ['nutrition_assessment'],
          duration: 45,
          ...window(rng, '09:30', '14:00', 120),
          hard: false,
          days: rng.pick([[1, 4], [2, 5], [3], [1, 3, 5]]),
          staffCount: 1,
        },
      ];
      plans.push(...archetypePlans(rng, 'dose'));
      return plans;
    }
    case 'nursing': {
      const plans: PlanSpec[] = [
        {
          tasks: ['nursing_assessment'],
          duration: 30,
          ...window(rng, '09:00', '13:00', 180),
          hard: false,
          days: rng.pick([
            [1, 4],
            [2, 5],
            [1, 3, 5],
            [3, 6],
          ]),
          staffCount: 1,
        },
      ];
      if (rng.chance(0.4)) {
        plans.push({
          tasks: ['injection'],
          duration: 15,
          ...window(rng, '10:00', '14:00', 120),
          hard: false,
          days: rng.pick([
            [1, 3, 5],
            [2, 4, 6],
          ]),
          staffCount: 1,
        });
      }
      if (rng.chance(0.3)) plans.push(...archetypePlans(rng, 'dose'));
      return plans;
    }
  }
}

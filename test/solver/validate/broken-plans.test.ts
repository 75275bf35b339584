import { describe, expect, it } from 'vitest';
import { validate } from '../../../solver/validate/validate.ts';
import { plan, tinyInput } from './tiny-instance.ts';

const check = (input: ReturnType<typeof tinyInput>, solution: ReturnType<typeof plan>) =>
  validate(input, solution, { checkReportedCost: false });

describe('validate: a legal tiny plan', () => {
  it('is valid and costs its hand-computed distance', () => {
    const input = tinyInput();
    // anna: 0 →10→ v0 (start 10, end 15) →10→ v1 (start 25, end 30) →20→ 0 = 40 distance.
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.violations).toEqual([]);
    expect(r.terms.distance).toBe(40 + 20);
    expect(r.terms.usedCaregivers).toBe(2);
    expect(r.cost).toBe(60);
  });

  it('prices an unassigned visit and leaves an unused caregiver free', () => {
    const input = tinyInput();
    const r = check(
      input,
      plan(
        input,
        [
          [
            [0, 10],
            [1, 25],
          ],
          [],
        ],
        [2],
      ),
    );
    expect(r.valid).toBe(true);
    expect(r.cost).toBe(40 + 1000);
  });

  it('checks the plan’s own cost by default', () => {
    const input = tinyInput();
    const r = validate(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.violations).toContain('plan reports cost 0 but it costs 60');
  });
});

describe('validate: broken plans name what is wrong', () => {
  it('late for a hard window', () => {
    const input = tinyInput();
    input.visits[1].latest = 20;
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.violations).toEqual([
      'visit 1 (v1) on caregiver 0 (anna) starts at 25 after its hard latest 20',
    ]);
  });

  it('starts before arriving', () => {
    const input = tinyInput();
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 20],
        ],
        [[2, 10]],
      ]),
    );
    // The replay carries on from the real arrival, so the claimed return is off by 5 too.
    expect(r.violations).toEqual([
      'visit 1 (v1) on caregiver 0 (anna) starts at 20 before arriving at 25',
      'caregiver 0 (anna) reports arrival 45 at the end but arrives at 50',
    ]);
  });

  it('over capacity', () => {
    const input = tinyInput();
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
          [2, 40],
        ],
        [],
      ]),
    );
    expect(r.violations).toEqual(['caregiver 0 (anna) carries load 12 over capacity 10']);
  });

  it('missing skill', () => {
    const input = tinyInput();
    input.visits[2].skills = [7];
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.violations).toEqual(['caregiver 1 (bo) cannot make visit 2 (v2): lacks skill 7']);
  });

  it('delegation that expires mid-visit', () => {
    const input = tinyInput();
    input.visits[2].skills = [7];
    input.caregivers[1].timedSkills = [{ skill: 7, from: 0, to: 12 }];
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.violations).toEqual([
      'caregiver 1 (bo) cannot make visit 2 (v2): skill 7 is delegated only over [0, 12], not over the visit [10, 15]',
    ]);
    input.caregivers[1].timedSkills = [{ skill: 7, from: 0, to: 15 }];
    expect(
      check(
        input,
        plan(input, [
          [
            [0, 10],
            [1, 25],
          ],
          [[2, 10]],
        ]),
      ).valid,
    ).toBe(true);
  });

  it('sync gap broken, and sync pair on one caregiver', () => {
    const input = tinyInput();
    input.syncs = [{ first: 0, second: 2, minGap: 0, maxGap: 0 }];
    input.caregivers[0].capacity = 12;
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 12]],
      ]),
    );
    expect(r.violations).toEqual([
      'sync 0 (visit 0 (v0) → visit 2 (v2)): start gap 2 outside [0, 0]',
    ]);
    const same = check(
      input,
      plan(input, [
        [
          [0, 10],
          [2, 15],
          [1, 30],
        ],
        [],
      ]),
    );
    expect(same.violations).toEqual([
      'sync 0 (visit 0 (v0) → visit 2 (v2)): both made by caregiver 0 (anna)',
      'sync 0 (visit 0 (v0) → visit 2 (v2)): start gap 5 outside [0, 0]',
    ]);
  });

  it('half a sync pair', () => {
    const input = tinyInput();
    input.syncs = [{ first: 0, second: 2, minGap: 0, maxGap: 5 }];
    const r = check(
      input,
      plan(
        input,
        [
          [
            [0, 10],
            [1, 25],
          ],
          [],
        ],
        [2],
      ),
    );
    expect(r.violations).toEqual([
      'sync 0 (visit 0 (v0) → visit 2 (v2)): only visit 0 (v0) is made',
    ]);
  });

  it('visit made twice, and a visit forgotten', () => {
    const input = tinyInput();
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[0, 10]],
      ]),
    );
    expect(r.violations).toEqual([
      'visit 0 (v0) is made twice (caregiver 0 (anna) and caregiver 1 (bo))',
      'visit 2 (v2) is neither on a route nor unassigned',
    ]);
  });

  it('visit both made and unassigned', () => {
    const input = tinyInput();
    const r = check(
      input,
      plan(
        input,
        [
          [
            [0, 10],
            [1, 25],
          ],
          [[2, 10]],
        ],
        [1],
      ),
    );
    expect(r.violations).toEqual(['visit 1 (v1) is both on caregiver 0 (anna) and unassigned']);
  });

  it('excluded caregiver', () => {
    const input = tinyInput();
    input.visits[2].excluded = [1];
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.violations).toEqual(['caregiver 1 (bo) is excluded from visit 2 (v2)']);
  });

  it('pinned visit on another caregiver', () => {
    const input = tinyInput();
    input.visits[2].pinnedCaregiver = 0;
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.violations).toEqual([
      'visit 2 (v2) is pinned to caregiver 0 (anna) but made by caregiver 1 (bo)',
    ]);
  });

  it('too early, and back after max shift end', () => {
    const input = tinyInput();
    input.visits[2].earliest = 50;
    input.caregivers[1].maxShiftEnd = 15;
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.violations).toEqual([
      'visit 2 (v2) on caregiver 1 (bo) starts at 10 before its earliest 50',
      'caregiver 1 (bo) arrives at 25 after max shift end 15',
    ]);
  });

  it('breaks: missing, outside window, long stretch without one', () => {
    const input = tinyInput();
    input.caregivers[0].breaks = [{ earliest: 20, latest: 30, duration: 5 }];
    input.caregivers[0].maxWorkWithoutBreak = 20;
    const noBreak = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(noBreak.violations).toEqual([
      'caregiver 0 (anna) works 50 from 0 to 50 without a break (max 20)',
      'break 0 of caregiver 0 (anna) is missing from a used route',
    ]);
    // Break at v0's place from 15 to 20, then v1 at 30: stretches 15 and 30 (30 > 20).
    const p = plan(input, [
      [
        [0, 10],
        [1, 30],
      ],
      [[2, 10]],
    ]);
    p.routes[0].stops.splice(1, 0, { kind: 'break', break: 0, start: 15 });
    p.routes[0].arrival = 55;
    expect(check(input, p).violations).toEqual([
      'break 0 of caregiver 0 (anna) starts at 15 outside [20, 30]',
      'caregiver 0 (anna) works 35 from 20 to 55 without a break (max 20)',
    ]);
  });

  it('arrival that does not match the replay', () => {
    const input = tinyInput();
    const p = plan(input, [
      [
        [0, 10],
        [1, 25],
      ],
      [[2, 10]],
    ]);
    p.routes[0].arrival = 40;
    expect(check(input, p).violations).toEqual([
      'caregiver 0 (anna) reports arrival 40 at the end but arrives at 50',
    ]);
  });
});

describe('validate: soft terms', () => {
  it('prices lateness, max lateness, overtime, contact and continuity', () => {
    const input = tinyInput();
    input.weights = {
      ...input.weights,
      lateness: 2,
      maxLateness: 3,
      overtime: 5,
      nonContact: 7,
      distinctCaregiver: 11,
    };
    input.visits[0].latestHard = false;
    input.visits[0].latest = 4; // 6 late
    input.visits[1].latestHard = false;
    input.visits[1].latest = 20; // 5 late
    input.caregivers[0].shiftEnd = 45; // 5 overtime
    input.patients = [
      { id: 'p', contact: 0, known: [{ caregiver: 1, weight: 13 }], maxDistinct: 1 },
    ];
    input.visits[0].patient = 0;
    input.visits[2].patient = 0;
    const r = check(
      input,
      plan(input, [
        [
          [0, 10],
          [1, 25],
        ],
        [[2, 10]],
      ]),
    );
    expect(r.valid).toBe(true);
    expect(r.terms).toMatchObject({
      lateness: 11,
      maxLateness: 6,
      overtime: 5,
      nonContact: 1,
      distinctCaregivers: 1,
      distinctOverCap: 1,
      knownCredit: 13,
    });
    expect(r.cost).toBe(60 + 2 * 11 + 3 * 6 + 5 * 5 + 7 + 11 - 13);
  });
});

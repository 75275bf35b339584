import { z } from '@hono/zod-openapi';
import { LocalDate, MunicipalityCode, Uuid } from '../../http/schemas.ts';
import { VisitSchema } from '../../visits/schemas.ts';
import { visitView } from '../../visits/visit-view.ts';
import type { AppliedChange } from './apply-changes.ts';
import { PLAN_FIELDS } from './diff-day.ts';
import type { GenerateResult } from './generate-day.ts';

export const GenerateParams = z.object({
  municipality: MunicipalityCode.openapi({ param: { name: 'municipality', in: 'path' } }),
  date: LocalDate.openapi({ param: { name: 'date', in: 'path' } }),
});

export const GenerateBody = z
  .object({
    team: Uuid.optional().openapi({
      description:
        "Only this team's patients: those whose contact caregiver is in the team. Without it, the whole municipality",
    }),
    combine: z.boolean().optional().openapi({
      description:
        "Combine a patient's overlapping combinable care plans into one visit (fewer arrivals). Default true; false makes one visit per plan, splitting only combined visits nobody holds",
    }),
  })
  .strict()
  .openapi('GenerateDay');

const Counts = z.object({
  added: z
    .number()
    .int()
    .openapi({ description: 'New visits, and visits back whose plan applies again' }),
  updated: z.number().int().openapi({ description: 'Unassigned visits whose plan changed' }),
  removed: z.number().int().openapi({
    description: 'Unassigned visits whose plan no longer applies, now cancelled',
  }),
  keptBecauseAssigned: z.number().int().openapi({
    description:
      'Visits the plans would change or remove, left as they are: assigned, started, done or pinned',
  }),
  unchanged: z.number().int().openapi({ description: 'Visits already as their plan makes them' }),
});

const Change = z.object({
  kind: z.enum(['added', 'updated', 'removed', 'kept']),
  visit: VisitSchema,
  restored: z.boolean().optional().openapi({
    description: 'added: the visit an earlier generation cancelled, back (same id)',
  }),
  fields: z.array(z.enum(PLAN_FIELDS)).optional().openapi({
    description: 'updated: what changed; kept: what the plan would have changed',
  }),
  why: z.enum(['plan_no_longer_applies', 'duplicate', 'combined']).optional().openapi({
    description:
      "removed: the plan ended, a second visit of one plan, or the plan's tasks now done in another plan's combined visit",
  }),
  reason: z
    .enum(['assigned', 'en_route', 'in_progress', 'done', 'no_access', 'pinned'])
    .optional()
    .openapi({ description: 'kept: why the visit was left as it is' }),
  would: z.enum(['update', 'remove']).optional(),
});

export const GenerateResultSchema = z
  .object({
    municipality: z.string(),
    date: z.string(),
    team: z.string().nullable(),
    counts: Counts,
    changes: z.array(Change),
  })
  .openapi('GeneratedDay');

function changeView(c: AppliedChange) {
  const visit = visitView(c.visit);
  switch (c.kind) {
    case 'added':
      return { kind: c.kind, visit, restored: c.restored };
    case 'updated':
      return { kind: c.kind, visit, fields: c.fields };
    case 'removed':
      return { kind: c.kind, visit, why: c.why };
    case 'kept':
      return { kind: c.kind, visit, reason: c.reason, would: c.would, fields: c.fields };
  }
}

export function generateResultView(r: GenerateResult): z.infer<typeof GenerateResultSchema> {
  return {
    municipality: r.scope.municipality,
    date: r.scope.date,
    team: r.scope.team,
    counts: r.counts,
    changes: r.changes.map(changeView),
  };
}

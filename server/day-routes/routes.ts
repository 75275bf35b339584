import { createRoute } from '@hono/zod-openapi';
import { DateTime } from 'luxon';
import { assertMunicipalityAllowed, requireRole, roleGate } from '../auth/scope.ts';
import { ZONE, localDayBounds, todayLocal } from '../domain/stockholm-time.ts';
import { DISPATCH_ROLES, errorResponse, json, refuseEmergency } from '../http/dispatch-scope.ts';
import { AppError } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { estimateTravel } from '../solver-bridge/travel.ts';
import { readDayRoutes } from './day-routes.ts';
import { DayRoutesQuery, DayRoutesSchema } from './schemas.ts';

/** GET /api/dispatch/day-routes: a day's shifts, visits, travel and breaks, for the timeline. */
const dayRoutes = createRoute({
  method: 'get',
  path: '/day-routes',
  middleware: roleGate(DISPATCH_ROLES.watch),
  tags: ['Dispatch'],
  summary:
    "Yesterday's, today's or tomorrow's shifts and visits with each caregiver's travel before each visit and their breaks (dispatcher, scheduler, manager, admin; no patient data)",
  security: bearer,
  request: { query: DayRoutesQuery },
  responses: {
    200: json('The day, caregivers by shift start', DayRoutesSchema),
    400: errorResponse('Bad query, or a day other than yesterday, today or tomorrow'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

export const dayRouteRoutes = createRouter().openapi(dayRoutes, async (c) => {
  const p = requireRole(c, DISPATCH_ROLES.watch);
  refuseEmergency(c);
  const { municipality, day, only } = c.req.valid('query');
  const deps = c.get('deps');
  await assertMunicipality(deps.database.db, municipality, 'query.municipality');
  assertMunicipalityAllowed(p, municipality, 'query.municipality');
  // The live window (yesterday's night to tomorrow's): other days are the planners' views.
  const today = DateTime.fromISO(todayLocal(deps.now()), { zone: ZONE });
  const offset = DateTime.fromISO(day, { zone: ZONE }).diff(today, 'days').days;
  if (![-1, 0, 1].includes(Math.round(offset))) {
    throw new AppError(400, 'validation_failed', 'The day is out of range', [
      { field: 'query.day', message: 'must be yesterday, today or tomorrow (Europe/Stockholm)' },
    ]);
  }
  const range = localDayBounds(day);
  // The timeline's bars use the estimate (with the configured factors), never a road-network
  // call per page load: a drawing, not a plan.
  const travel =
    deps.travel?.sync ?? (deps.travel?.estimate && estimateTravel(deps.travel.estimate));
  const read = await readDayRoutes(deps.database.db, municipality, range, travel || undefined);
  const byVisit = new Map<string, { staffId: string; plannedStart: string }[]>();
  for (const a of read.assignmentRows)
    byVisit.set(a.visitId, [
      ...(byVisit.get(a.visitId) ?? []),
      { staffId: a.staffId, plannedStart: a.plannedStart.toISOString() },
    ]);
  return c.json(
    {
      municipality,
      day,
      from: range.start.toISOString(),
      to: range.end.toISOString(),
      shifts: (only ? [] : read.shiftRows).map(({ shift, staff }) => ({
        shiftId: shift.id,
        kind: shift.kind,
        startsAt: shift.startsAt.toISOString(),
        endsAt: shift.endsAt.toISOString(),
        staffId: staff.id,
        name: staff.name,
        profession: staff.profession,
        breakMinutes: shift.breakMinutes,
      })),
      visits: (only ? [] : read.visitRows).map((v) => ({
        id: v.id,
        status: v.status,
        priority: v.priority,
        windowStart: v.windowStart.toISOString(),
        windowEnd: v.windowEnd.toISOString(),
        durationMinutes: v.durationMinutes,
        taskTypes: v.taskTypes,
        requiredProfession: v.requiredProfession,
        staffCount: v.staffCount,
        version: v.version,
        assignments: byVisit.get(v.id) ?? [],
      })),
      routes: read.routes.map((r) => ({
        staffId: r.staffId,
        legs: r.legs,
        breaks: r.breaks.map((b) => ({ start: b.start.toISOString(), minutes: b.minutes })),
      })),
    },
    200,
  );
});

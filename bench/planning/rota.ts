/**
 * A two-week rota with every other weekend off, as Swedish home care staff work: in the
 * week whose weekend a person works, they have two weekdays off; in the other week they work
 * Monday to Friday. Ten days of fourteen. Half of a group works each weekend, and the
 * weekdays off are spread so that about the same number work every weekday.
 */

/** Days since `cycleStart` (a Monday), 0..13 → whether member `i` of a group works. */
export function worksOn(i: number, cycleDay: number): boolean {
  const d = ((cycleDay % 14) + 14) % 14;
  const week = Math.floor(d / 7);
  const weekday = d % 7; // 0 = Monday
  const weekendWeek = i % 2;
  if (weekday >= 5) return week === weekendWeek;
  if (week !== weekendWeek) return true;
  // Two weekdays off in the weekend week, rotating through the group.
  const k = Math.floor(i / 2);
  const off1 = (2 * k) % 5;
  const off2 = (2 * k + 1) % 5;
  return weekday !== off1 && weekday !== off2;
}

/** Monday to Friday: therapists (and anyone not on the rota). */
export function worksWeekdays(cycleDay: number): boolean {
  return ((cycleDay % 7) + 7) % 7 < 5;
}

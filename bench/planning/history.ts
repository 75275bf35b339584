/**
 * Who has visited whom: the plans of the days before, as the server's `readKnown` reads
 * them from the assignments (server/day/read-day.ts), kept in memory here.
 */
export class VisitHistory {
  /** patient → staff → dates (ISO, local) of their visits. */
  private readonly seen = new Map<string, Map<string, string[]>>();

  record(patientId: string, staffId: string, date: string): void {
    let byStaff = this.seen.get(patientId);
    if (!byStaff) this.seen.set(patientId, (byStaff = new Map()));
    const dates = byStaff.get(staffId) ?? [];
    dates.push(date);
    byStaff.set(staffId, dates);
  }

  /**
   * Staff who visited the patient on a date in [since, before), with how many visits,
   * most first (ties by id, so the order is the same on every run).
   */
  known(patientId: string, since: string, before: string): { staffId: string; visits: number }[] {
    const out: { staffId: string; visits: number }[] = [];
    for (const [staffId, dates] of this.seen.get(patientId) ?? []) {
      const n = dates.filter((d) => d >= since && d < before).length;
      if (n > 0) out.push({ staffId, visits: n });
    }
    return out.sort(
      (a, b) => b.visits - a.visits || (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0),
    );
  }

  /** recurring visit (care plan) → staff → visits made, for the usual caregivers. */
  private readonly byPlan = new Map<string, Map<string, number>>();

  recordPlan(planKey: string, staffId: string): void {
    let byStaff = this.byPlan.get(planKey);
    if (!byStaff) this.byPlan.set(planKey, (byStaff = new Map()));
    byStaff.set(staffId, (byStaff.get(staffId) ?? 0) + 1);
  }

  /** Who made this recurring visit before, most often first (ties by id). */
  usual(planKey: string): string[] {
    return [...(this.byPlan.get(planKey) ?? [])]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([id]) => id);
  }
}

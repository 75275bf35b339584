/** The service day to plan: a calendar date in Stockholm, tomorrow unless picked. */
const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-11-24" when it is 23 Nov in Stockholm at `now` (late evening UTC counts as Stockholm's). */
export function tomorrowInStockholm(now: Date): string {
  const today = stockholmDate.format(now); // YYYY-MM-DD
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Calendar arithmetic on a UTC noon, so no clock change can move it a day.
  return new Date(Date.UTC(y, m - 1, d + 1, 12)).toISOString().slice(0, 10);
}

/** Progress lines for stderr, at most one a second so a 30 s run prints ~30 lines. */
export function progressPrinter(scale: number, write: (line: string) => void, everyMs = 1000) {
  let last = Number.NEGATIVE_INFINITY;
  return (p: { elapsedMs: number; bestCost: number; feasible: boolean; iteration: number }) => {
    if (p.elapsedMs - last < everyMs) return;
    last = p.elapsedMs;
    const t = (p.elapsedMs / 1000).toFixed(1).padStart(6);
    write(
      `[${t}s] iteration ${p.iteration}  best ${(p.bestCost / scale).toFixed(2)}  ${p.feasible ? 'feasible' : 'infeasible'}`,
    );
  };
}

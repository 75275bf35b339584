import { t } from '../i18n/i18n.ts';
import type { BoardFigures, FigureId } from './board-types.ts';
import { FIGURES } from './figures.ts';
import { Tile } from './tile.tsx';
import { trendBetween, trendOf } from './trend.ts';
import { addDays } from './period.ts';

/** The tiles, in the order a manager reads them: continuity first (the reform's promise). */
export const TILE_FIGURES: readonly FigureId[] = [
  'continuityKolada',
  'contactShare',
  'punctuality',
  'urgent1',
  'travelShare',
  'overtime',
  'missed',
  'arrivals',
  'visitsDone',
  'twoPerson',
];

export function Tiles(props: { figures: BoardFigures | null; to: string }) {
  const f = props.figures;
  // The period ends today, which is not over: its few visits so far would read as "falling".
  const lastFullDay = addDays(props.to, -1);
  return (
    <section class="board-section" aria-labelledby="tiles-heading">
      <h2 id="tiles-heading">{t('board.tilesHeading')}</h2>
      <ul class="tiles">
        {TILE_FIGURES.map((id) => {
          const days = f?.days[id];
          const figure = FIGURES[id];
          return (
            <Tile
              key={id}
              id={id}
              value={f ? f.values[id] : null}
              trend={
                f?.lastWeeks
                  ? trendBetween(f.lastWeeks.before[id], f.lastWeeks.after[id], figure.better)
                  : days
                    ? trendOf(days, lastFullDay, figure.aggregate, figure.better)
                    : null
              }
              p90={f?.extra[id]?.p90}
              target={f?.extra[id]?.target}
              within={f?.extra[id]?.within}
              of={f?.extra[id]?.of}
            />
          );
        })}
      </ul>
    </section>
  );
}

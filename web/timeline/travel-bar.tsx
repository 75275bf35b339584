import { MINUTE, ROW_H } from './geometry.ts';

/** The travel to a visit: a thin hatched bar ending where the visit starts. */
export function TravelBar(props: {
  /** The visit's start (ms). */
  start: number;
  minutes: number;
  /** The row's top. */
  y: number;
  x: (at: number) => number;
}) {
  const { start, minutes, y, x } = props;
  return (
    <rect
      class="travel"
      x={x(start - minutes * MINUTE)}
      y={y + ROW_H / 2 - 4}
      width={x(start) - x(start - minutes * MINUTE)}
      height={8}
      aria-hidden="true"
    />
  );
}

import type { ComponentChildren } from 'preact';
import { formatClock } from '../time/format.ts';
import { AXIS_H } from './geometry.ts';

/**
 * The hour axis above a day timeline's rows (sticky in its scroll region), with the fills
 * the rows and legends name: travel hatched (url(#tl-travel)), breaks dotted (url(#tl-break)).
 * `children` draws over it (the console's now mark).
 */
export function TimeAxis(props: {
  width: number;
  ticks: readonly number[];
  /** Instant (ms) → pixels. */
  x: (at: number) => number;
  children?: ComponentChildren;
}) {
  const { width, ticks, x } = props;
  return (
    <svg
      class="timeline-axis"
      width={width}
      height={AXIS_H}
      viewBox={`0 0 ${width} ${AXIS_H}`}
      aria-hidden="true"
    >
      <defs>
        <pattern
          id="tl-travel"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#26323e" />
          <line x1="1" y1="0" x2="1" y2="6" stroke="#a9c3dc" stroke-width="2" />
        </pattern>
        <pattern id="tl-break" width="7" height="7" patternUnits="userSpaceOnUse">
          <rect width="7" height="7" fill="#463a5a" />
          <circle cx="3.5" cy="3.5" r="1.4" fill="#e0d0f5" />
        </pattern>
      </defs>
      <rect class="axis-bg" width={width} height={AXIS_H} />
      {ticks.map((at) =>
        x(at) < width - 40 ? (
          <text key={at} class="tick-label" x={x(at) + 3} y={17}>
            {formatClock(new Date(at))}
          </text>
        ) : null,
      )}
      {props.children}
    </svg>
  );
}

/** The hour lines down through the rows. */
export function TickLines(props: {
  ticks: readonly number[];
  x: (at: number) => number;
  height: number;
}) {
  const { ticks, x, height } = props;
  return (
    <>
      {ticks.map((at) => (
        <line key={at} class="tick" x1={x(at)} x2={x(at)} y1={0} y2={height} aria-hidden="true" />
      ))}
    </>
  );
}

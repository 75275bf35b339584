import { useMemo } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { type ValueClass, classOf } from './class-breaks.ts';
import type { Unit } from './figures.ts';
import { formatFigure, formatNumber } from './figures.ts';
import { type Outline, project } from './map-projection.ts';

const W = 420;
const H = 440;

/** Five steps of one hue, dark to light on the night theme; the class number is written too. */
export const CLASS_FILLS = ['#24476b', '#2f6596', '#4c8bc4', '#86b9e6', '#cfe6fa'] as const;
/** Text on each fill, for contrast (light on the dark steps, dark on the light ones). */
const CLASS_INK = ['#ffffff', '#ffffff', '#0b1620', '#0b1620', '#0b1620'] as const;

/**
 * The choropleth: each municipality's outline filled by its value's class, the class number
 * written in it (so it is not told by colour alone), no figure hatched. One image for a screen
 * reader (its description says the table beside holds the values); each outline has a title
 * for a pointer.
 */
export function CountyMap(props: {
  outlines: readonly Outline[];
  values: ReadonlyMap<string, number | null>;
  classes: readonly ValueClass[];
  unit: Unit;
  title: string;
  /** The municipality the board is about, outlined. */
  chosen: string;
}) {
  const shapes = useMemo(() => project(props.outlines, W, H), [props.outlines]);
  // Use the fills spread over the classes there are (three classes: dark, middle, light).
  const step = (i: number) =>
    props.classes.length <= 1
      ? 2
      : Math.round((i * (CLASS_FILLS.length - 1)) / (props.classes.length - 1));
  const chosen = shapes.find((s) => s.code === props.chosen);
  return (
    <svg
      class="county-map"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby="county-map-title"
      aria-describedby="county-map-desc"
    >
      <title id="county-map-title">{props.title}</title>
      <desc id="county-map-desc">
        {t('board.countyMapDesc', { classes: props.classes.length })}
      </desc>
      <defs>
        <pattern id="no-data" width="6" height="6" patternUnits="userSpaceOnUse">
          <path d="M0,6 L6,0" class="no-data-hatch" />
        </pattern>
      </defs>
      {shapes.map((s) => {
        const value = props.values.get(s.code) ?? null;
        const c = classOf(value, props.classes);
        return (
          <path
            key={s.code}
            d={s.d}
            class="muni-shape"
            fill={c === null ? 'url(#no-data)' : CLASS_FILLS[step(c)]}
          >
            <title>
              {c === null
                ? t('board.muniNone', { name: s.name })
                : t('board.muniValue', {
                    name: s.name,
                    value: formatFigure(value, props.unit),
                    n: c + 1,
                  })}
            </title>
          </path>
        );
      })}
      {chosen && <path d={chosen.d} class="muni-chosen-outline" />}
      {shapes.map((s) => {
        // Too small to hold its number (the inner city): its title and the table say it.
        if (s.size < 16) return null;
        const c = classOf(props.values.get(s.code) ?? null, props.classes);
        return (
          <text
            key={s.code}
            x={s.label[0]}
            y={s.label[1] + 4}
            text-anchor="middle"
            class="muni-class"
            fill={c === null ? '#e9eef3' : CLASS_INK[step(c)]}
          >
            {c === null ? '–' : c + 1}
          </text>
        );
      })}
    </svg>
  );
}

/** The legend in text: each class's number, swatch, range and count; "no data" hatched. */
export function Legend(props: { classes: readonly ValueClass[]; unit: Unit }) {
  const step = (i: number) =>
    props.classes.length <= 1
      ? 2
      : Math.round((i * (CLASS_FILLS.length - 1)) / (props.classes.length - 1));
  return (
    <div class="legend">
      <h4>{t('board.legend')}</h4>
      <ul>
        {props.classes.map((c) => (
          <li key={c.index}>
            <span
              class="swatch"
              style={{ background: CLASS_FILLS[step(c.index)] }}
              aria-hidden="true"
            />
            {t(c.count === 1 ? 'board.legendClassOne' : 'board.legendClass', {
              n: c.index + 1,
              range:
                c.from === c.to
                  ? formatFigure(c.from, props.unit)
                  : `${formatNumber(c.from, props.unit)}–${formatFigure(c.to, props.unit)}`,
              count: c.count,
            })}
          </li>
        ))}
        <li>
          <span class="swatch swatch-none" aria-hidden="true" />
          {t('board.legendNone')} (–)
        </li>
      </ul>
    </div>
  );
}

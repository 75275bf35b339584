import { useSignal } from '@preact/signals';
import { t } from '../../i18n/i18n.ts';
import { formatWindow } from '../../time/format.ts';
import type { TimelineRow } from './timeline-model.ts';

const MINUTE = 60_000;

interface Item {
  start: number;
  end: number;
  what: string;
  kind: 'travel' | 'visit' | 'break';
}

/** A row's travel, visits and breaks in time order, each in words. */
function itemsOf(row: TimelineRow): Item[] {
  const items: Item[] = [];
  for (const b of row.bars) {
    const task = b.visit.taskTypes.map((x) => t(`task.${x}`)).join(', ');
    if (row.shift && b.travelMinutes)
      items.push({
        start: b.start - b.travelMinutes * MINUTE,
        end: b.start,
        what: t('timeline.rowTravel', { minutes: b.travelMinutes }),
        kind: 'travel',
      });
    items.push({
      start: b.start,
      end: b.end,
      what: `${task}, ${t(`status.${b.visit.status}`)}`,
      kind: 'visit',
    });
  }
  for (const b of row.breaks)
    items.push({
      start: b.start,
      end: b.end,
      what: t('timeline.rowBreak', { minutes: b.minutes }),
      kind: 'break',
    });
  return items.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The timeline as a table (what the chart shows, for a screen reader or a quick read):
 * per caregiver their travel, visits and breaks in time order. Drawn only when opened.
 */
export function TimelineTable({ rows, day }: { rows: readonly TimelineRow[]; day: string }) {
  const open = useSignal(false);
  return (
    <details
      class="timeline-table"
      onToggle={(e) => (open.value = (e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('timeline.tableToggle')}</summary>
      {open.value && (
        <table>
          <caption>{t('timeline.tableCaption', { day })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.colStaff')}</th>
              <th scope="col">{t('timeline.colTime')}</th>
              <th scope="col">{t('timeline.colWhat')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const items = itemsOf(row);
              const name = row.shift ? row.shift.name : t('timeline.unassigned');
              if (items.length === 0)
                return (
                  <tr key={row.key}>
                    <th scope="row">{name}</th>
                    <td>–</td>
                    <td>{t('timeline.rowNone')}</td>
                  </tr>
                );
              return items.map((item, i) => (
                <tr key={`${row.key}-${i}`} class={`tt-${item.kind}`}>
                  {i === 0 && (
                    <th scope="row" rowSpan={items.length}>
                      {name}
                    </th>
                  )}
                  <td>{formatWindow(new Date(item.start), new Date(item.end))}</td>
                  <td>{item.what}</td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}

import { useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatClock, formatDuration } from '../../time/format.ts';
import { now } from '../../time/now.ts';
import type { ConsoleStore } from '../store.ts';
import type { LeafletView, StaffMark } from './leaflet-view.ts';
import {
  type LatLon,
  type MapVisit,
  STATUS_SYMBOL,
  countByStatus,
  routesOf,
  visitMarks,
} from './map-model.ts';
import { readPatientPlaces } from './patient-places.ts';
import type { PositionStore, StaffFix } from './positions.ts';
import './map.css';

const POSITION_STATUSES = ['available', 'en_route', 'on_visit', 'break', 'off_duty'];
/** The phone's status in words (a status this page does not know yet is shown as it is). */
const posWord = (status: string) =>
  POSITION_STATUSES.includes(status) ? t(`map.pos.${status}` as MessageKey) : status;

interface StaffRow {
  staffId: string;
  name: string;
  fix: StaffFix | undefined;
  routeVisits: number;
}

/**
 * The map of the chosen municipality with, under it, the same facts as lists (axe and
 * screen readers cannot read a map): caregivers with their last position and status, and
 * the visits by status. Leaflet is loaded when the map is first shown.
 */
export function MapPanel(props: {
  store: ConsoleStore;
  positions: PositionStore;
  code: string;
  name: string;
}) {
  const { store, positions, code } = props;
  const element = useRef<HTMLDivElement>(null);
  const view = useSignal<LeafletView | null>(null);
  const failed = useSignal(false);
  const places = useSignal<ReadonlyMap<string, LatLon>>(new Map());
  const placesFailed = useSignal(false);

  useEffect(() => {
    let alive = true;
    let created: LeafletView | null = null;
    import('./leaflet-view.ts')
      .then(({ LeafletView }) =>
        LeafletView.create(element.current!, {
          zoomIn: t('map.zoomIn'),
          zoomOut: t('map.zoomOut'),
          source: t('map.source'),
          visitLabel: (m) => t(`status.${m.status}`),
        }),
      )
      .then((v) => {
        if (!alive) return v.destroy();
        created = v;
        view.value = v;
      })
      .catch(() => (failed.value = true));
    return () => {
      alive = false;
      created?.destroy();
      view.value = null;
    };
  }, []);

  useEffect(() => {
    let alive = true;
    placesFailed.value = false;
    void readPatientPlaces(code).then((p) => {
      if (!alive) return;
      if (p) places.value = p;
      else placesFailed.value = true;
    });
    return () => {
      alive = false;
    };
  }, [code]);

  useEffect(() => view.value?.showMunicipality(code), [view.value, code]);

  const visits = useComputed(() => [...store.visits.value.values()] as MapVisit[]);
  const routes = useComputed(() => routesOf(visits.value, places.value));
  const names = useComputed(() => new Map(store.shifts.value.map((s) => [s.staffId, s.name])));
  const staffRows = useComputed((): StaffRow[] => {
    const onShift = store.shifts.value.filter(
      (s) => Date.parse(s.startsAt) <= now.value && now.value < Date.parse(s.endsAt),
    );
    const ids = new Set([...onShift.map((s) => s.staffId), ...positions.fixes.value.keys()]);
    const inRoute = new Map(routes.value.map((r) => [r.staffId, r.visits]));
    return [...ids]
      .map((staffId) => ({
        staffId,
        name: names.value.get(staffId) ?? '–',
        fix: positions.fixes.value.get(staffId),
        routeVisits: inRoute.get(staffId) ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });

  useSignalEffect(() => view.value?.setRoutes(routes.value));
  useSignalEffect(() => view.value?.setVisits(visitMarks(visits.value, places.value)));
  useSignalEffect(() => {
    const marks: StaffMark[] = staffRows.value.flatMap((r) =>
      r.fix
        ? [
            {
              staffId: r.staffId,
              label: `${r.name} · ${posWord(r.fix.status)}`,
              place: [r.fix.lat, r.fix.lon] as const,
            },
          ]
        : [],
    );
    view.value?.setStaff(marks);
  });

  const counts = countByStatus(visits.value, places.value);
  return (
    <section class="panel map-panel" aria-labelledby="map-title">
      <h2 id="map-title">{t('map.title')}</h2>
      {failed.value && <p class="error">{t('map.failed')}</p>}
      {placesFailed.value && <p class="notice">{t('map.placesFailed')}</p>}
      <div
        ref={element}
        class="map-canvas"
        role="region"
        aria-label={t('map.label', { name: props.name })}
      >
        {!view.value && !failed.value && <p class="map-loading">{t('map.loading')}</p>}
      </div>
      <div class="map-lists">
        <div class="table-scroll" tabIndex={0} aria-labelledby="map-staff-title">
          <h3 id="map-staff-title">{t('map.staffTitle')}</h3>
          {staffRows.value.length === 0 ? (
            <p>{t('map.staffEmpty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('map.staffName')}</th>
                  <th scope="col">{t('map.staffStatus')}</th>
                  <th scope="col">{t('map.staffSeen')}</th>
                  <th scope="col">{t('map.staffRoute')}</th>
                </tr>
              </thead>
              <tbody>
                {staffRows.value.map((r) => (
                  <tr key={r.staffId} data-staff={r.staffId}>
                    <td>{r.name}</td>
                    <td>{r.fix ? posWord(r.fix.status) : '–'}</td>
                    <td class="num">{r.fix ? <Seen at={r.fix.at} /> : t('map.noPosition')}</td>
                    <td class="num">{r.routeVisits}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div class="table-scroll" tabIndex={0} aria-labelledby="map-visits-title">
          <h3 id="map-visits-title">{t('map.visitsTitle')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('map.visitsStatus')}</th>
                <th scope="col">{t('map.visitsCount')}</th>
                <th scope="col">{t('map.visitsPlaced')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.status}>
                  <td>
                    <span class={`visit-pin visit-${c.status}`} aria-hidden="true">
                      {STATUS_SYMBOL[c.status]}
                    </span>{' '}
                    {t(`status.${c.status}`)}
                  </td>
                  <td class="num">{c.count}</td>
                  <td class="num">{c.placed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** A fix's time, and how old it is once that matters (a phone reports every few seconds). */
function Seen({ at }: { at: string }) {
  const age = now.value - Date.parse(at);
  return (
    <>
      {formatClock(at)}
      {age >= 2 * 60_000 && (
        <span class="tag"> · {t('map.seenAgo', { duration: formatDuration(age) })}</span>
      )}
    </>
  );
}

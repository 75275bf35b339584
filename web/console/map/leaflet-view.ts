/**
 * The map itself, in Leaflet with the SVG renderer (no WebGL, no tile server): the
 * municipality outlines as the basemap (the chosen one highlighted and fitted), today's
 * routes as lines, visits as markers with their status symbol, caregivers as labelled
 * markers. Loaded on demand (its own chunk), so the console's first render does not pay
 * for Leaflet. Imperative: the panel calls the set* methods when its signals change.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import boundariesUrl from './municipality-boundaries.geojson?url';
import type { LatLon, Route, VisitMark } from './map-model.ts';
import { STATUS_SYMBOL } from './map-model.ts';
import { MarkerSet } from './marker-set.ts';

export interface StaffMark {
  staffId: string;
  /** The marker's text: name and status word. */
  label: string;
  place: LatLon;
}

/**
 * A tile server's URL template (`https://…/{z}/{x}/{y}.png`) from the page's
 * `<meta name="map-tile-url">`; none (the default) draws the outlines alone and asks no
 * other origin for anything. The server does not set it yet: it would also have to add the
 * tile origin to the CSP's img-src (see README.md beside this file).
 */
function tileUrl(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="map-tile-url"]')?.content ?? '';
}

export interface MapTexts {
  zoomIn: string;
  zoomOut: string;
  source: string;
  visitLabel: (mark: VisitMark) => string;
}

type Boundaries = FeatureCollection<MultiPolygon, { code: string; name: string }>;

let boundaries: Promise<Boundaries> | null = null;
function readBoundaries(): Promise<Boundaries> {
  boundaries ??= fetch(boundariesUrl).then((r) => {
    if (!r.ok) throw new Error(`boundaries: ${r.status}`);
    return r.json() as Promise<Boundaries>;
  });
  return boundaries;
}

const ll = (p: LatLon): L.LatLngTuple => [p[0], p[1]];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class LeafletView {
  private readonly map: L.Map;
  private readonly outlines: L.GeoJSON;
  private readonly routes = L.layerGroup();
  private readonly visits = L.layerGroup();
  private readonly staffLayer = L.layerGroup();
  private readonly visitMarkers = new MarkerSet(this.visits, {
    className: 'visit-marker',
    iconSize: [22, 22],
  });
  // No icon size: the label's CSS sizes it. Above the visits.
  private readonly staffMarkers = new MarkerSet(
    this.staffLayer,
    { className: 'staff-marker', iconSize: undefined },
    { zIndexOffset: 1000 },
  );

  private constructor(element: HTMLElement, data: Boundaries, texts: MapTexts) {
    this.map = L.map(element, {
      renderer: L.svg(),
      zoomControl: false,
      attributionControl: false,
      minZoom: 7,
      maxZoom: 17,
    });
    L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(this.map);
    L.control.attribution({ prefix: false }).addAttribution(escape(texts.source)).addTo(this.map);
    this.outlines = L.geoJSON(data, {
      interactive: false,
      style: () => ({ className: 'muni-outline', color: '#6f8599', weight: 1, fillOpacity: 0 }),
    }).addTo(this.map);
    const tiles = tileUrl();
    if (tiles) L.tileLayer(tiles, { maxZoom: 17 }).addTo(this.map).bringToBack();
    this.routes.addTo(this.map);
    this.visits.addTo(this.map);
    this.staffLayer.addTo(this.map);
    this.texts = texts;
  }

  private readonly texts: MapTexts;

  static async create(element: HTMLElement, texts: MapTexts): Promise<LeafletView> {
    return new LeafletView(element, await readBoundaries(), texts);
  }

  /** Highlights the municipality and fits the view to it. */
  showMunicipality(code: string): void {
    type Outline = L.Polygon & { feature?: { properties: { code: string } } };
    const all = this.outlines.getLayers() as Outline[];
    const chosen = all.find((p) => p.feature?.properties.code === code);
    // Fit first: the paths get their elements once the map has a view.
    this.map.fitBounds((chosen ?? this.outlines).getBounds(), { padding: [12, 12] });
    for (const path of all) {
      const mine = path === chosen;
      path.setStyle(
        mine
          ? { color: '#8cc8ff', weight: 3, fillColor: '#8cc8ff', fillOpacity: 0.06 }
          : { color: '#6f8599', weight: 1, fillOpacity: 0 },
      );
      path.getElement()?.classList.toggle('muni-chosen', mine);
    }
    chosen?.bringToFront();
  }

  setRoutes(routes: readonly Route[]): void {
    this.routes.clearLayers();
    for (const r of routes) {
      if (r.points.length < 2) continue;
      L.polyline(r.points.map(ll), {
        className: 'map-route',
        color: '#8cc8ff',
        weight: 2,
        opacity: 0.8,
        dashArray: '6 4',
        interactive: false,
      }).addTo(this.routes);
    }
  }

  setVisits(marks: readonly VisitMark[]): void {
    this.visitMarkers.sync(
      marks.map((m) => ({
        key: m.id,
        place: ll(m.place),
        html: `<span class="visit-pin visit-${m.status}" data-visit="${escape(m.id)}" title="${escape(this.texts.visitLabel(m))}">${STATUS_SYMBOL[m.status]}</span>`,
      })),
    );
  }

  /** Moves, adds and removes the caregivers' markers (a moved marker keeps its element). */
  setStaff(marks: readonly StaffMark[]): void {
    this.staffMarkers.sync(
      marks.map((m) => ({
        key: m.staffId,
        place: ll(m.place),
        html: `<span class="staff-pin" data-staff="${escape(m.staffId)}" data-lat="${m.place[0]}" data-lon="${m.place[1]}"><span aria-hidden="true">●</span> ${escape(m.label)}</span>`,
      })),
    );
  }

  /** After the container changed size (shown, resized). */
  resize(): void {
    this.map.invalidateSize();
  }

  destroy(): void {
    this.map.remove();
  }
}

/**
 * Markers kept by key and brought in line with a new list: an unchanged marker is left
 * alone, a moved one moved, a changed one given its new icon, a gone one removed. With a
 * big municipality's thousands of visits and live events, redrawing every marker on each
 * change would stall the page.
 */
import * as L from 'leaflet';

export interface MarkerSpec {
  key: string;
  place: L.LatLngTuple;
  /** The icon's inner HTML (already escaped): a change gives the marker a new icon. */
  html: string;
}

export class MarkerSet {
  private readonly markers = new Map<string, { marker: L.Marker; spec: MarkerSpec }>();

  constructor(
    private readonly layer: L.LayerGroup,
    private readonly icon: Omit<L.DivIconOptions, 'html'>,
    private readonly options: L.MarkerOptions = {},
  ) {}

  sync(specs: readonly MarkerSpec[]): void {
    const seen = new Set<string>();
    for (const spec of specs) {
      seen.add(spec.key);
      const known = this.markers.get(spec.key);
      if (!known) {
        const marker = L.marker(spec.place, {
          interactive: false,
          keyboard: false,
          ...this.options,
          icon: L.divIcon({ ...this.icon, html: spec.html }),
        }).addTo(this.layer);
        this.markers.set(spec.key, { marker, spec });
        continue;
      }
      if (known.spec.place[0] !== spec.place[0] || known.spec.place[1] !== spec.place[1])
        known.marker.setLatLng(spec.place);
      if (known.spec.html !== spec.html)
        known.marker.setIcon(L.divIcon({ ...this.icon, html: spec.html }));
      known.spec = spec;
    }
    for (const [key, { marker }] of this.markers)
      if (!seen.has(key)) {
        marker.remove();
        this.markers.delete(key);
      }
  }
}

/**
 * The patients' places for the map's routes and visit markers. The live snapshot carries
 * patients by id only (PDL), so the map reads them from the patients API, which audits each
 * read; it does so only when the dispatcher opens the map, and keeps only the coordinates.
 */
import { api } from '../../api/client.ts';
import type { LatLon } from './map-model.ts';

const PAGE = 500;

/** Every patient's place in the municipality, or null when the API refused or failed. */
export async function readPatientPlaces(code: string): Promise<Map<string, LatLon> | null> {
  const places = new Map<string, LatLon>();
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await api
      .GET('/api/patients', { params: { query: { municipality: code, limit: PAGE, offset } } })
      .catch(() => ({ data: undefined }));
    if (!data) return null;
    for (const p of data.items) places.set(p.id, [p.lat, p.lon]);
    if (data.items.length < PAGE || offset + PAGE >= data.page.total) return places;
  }
}

/** Synthetic people, addresses and points for the demo generator (never real persons). */
import { FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, LAST_NAMES, STREET_NAMES } from './names.ts';
import type { Rng } from './prng.ts';

export function personName(rng: Rng): string {
  const first = rng.chance(0.5) ? rng.pick(FIRST_NAMES_FEMALE) : rng.pick(FIRST_NAMES_MALE);
  const last = rng.pick(LAST_NAMES);
  return rng.chance(0.08) ? `${first} ${rng.pick(LAST_NAMES)}-${last}` : `${first} ${last}`;
}

export function streetAddress(rng: Rng, municipalityName: string): string {
  const number = rng.int(1, 120);
  const letter = rng.chance(0.15) ? rng.pick(['A', 'B', 'C']) : '';
  const flat = rng.chance(0.6)
    ? `, lgh ${rng.int(10, 16)}${String(rng.int(1, 9)).padStart(2, '0')}`
    : '';
  return `${rng.pick(STREET_NAMES)} ${number}${letter}${flat}, ${municipalityName}`;
}

/** A point around (lat, lon) within `radiusKm`, denser near the centre. */
export function pointNear(rng: Rng, lat: number, lon: number, radiusKm: number, exponent = 0.7) {
  const r = radiusKm * rng.next() ** exponent;
  const theta = rng.next() * 2 * Math.PI;
  return offset(lat, lon, r, theta);
}

export function offset(lat: number, lon: number, km: number, theta: number) {
  const dLat = (km * Math.sin(theta)) / 111.32;
  const dLon = (km * Math.cos(theta)) / (111.32 * Math.cos((lat * Math.PI) / 180));
  return { lat: round6(lat + dLat), lon: round6(lon + dLon) };
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function distanceKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const kx = 111.32 * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot((a.lat - b.lat) * 111.32, (a.lon - b.lon) * kx);
}

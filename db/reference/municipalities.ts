/**
 * The 26 municipalities of Stockholm County: SCB code, name, population (latest year found,
 * 2019-2025), land area in km² and a WGS84 point in the main settlement.
 *
 * Source: SCB figures as published in news and municipal pages; coordinates of each seat's
 * rail or metro station. (Copied from shared/data/stockholm/municipalities.json.)
 */
import data from './municipalities.json' with { type: 'json' };

export interface MunicipalityRef {
  /** SCB municipality code, e.g. '0180'. */
  code: string;
  name: string;
  population: number;
  areaKm2: number;
  lat: number;
  lon: number;
}

export const MUNICIPALITIES: readonly MunicipalityRef[] = data satisfies MunicipalityRef[];

export const MUNICIPALITY_CODES: readonly string[] = MUNICIPALITIES.map((m) => m.code);

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityByCode(code: string): MunicipalityRef | undefined {
  return byCode.get(code);
}

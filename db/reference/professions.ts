/** Professions of municipal home-health-care staff. Physicians stay with the region. */
export const PROFESSIONS = ['rn', 'an', 'ot', 'pt', 'dietitian'] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const TRAVEL_MODES = ['car', 'bike', 'walk', 'transit'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const CARE_SETTINGS = ['ordinary_home', 'hvb_home', 'asylum_housing'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

export const SHIFT_KINDS = ['day', 'evening', 'night'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

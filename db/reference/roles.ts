/** User roles; server/auth/principal.ts holds the same list (a type test keeps them equal). */
export const USER_ROLES = ['dispatcher', 'scheduler', 'manager', 'caregiver', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

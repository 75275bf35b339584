import { fileURLToPath } from 'node:url';

/** Where drizzle-kit writes the committed migrations. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

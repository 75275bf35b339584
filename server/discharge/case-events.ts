/**
 * The live events of discharge, on the municipality's feed like the visits' events: they
 * carry a case's id and status (or the new rules), never patient data; a page that shows the
 * case fetches it again, audited as any read.
 */

/** A case changed: a region's message was taken in, or its first visits were confirmed. */
export const CASE_UPDATED = 'discharge.case_updated';

/** A municipality's liability rules changed: every clock shown is stale (computed on read). */
export const SETTINGS_CHANGED = 'discharge.settings_changed';

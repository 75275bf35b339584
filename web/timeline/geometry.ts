/** The day timelines' geometry (the console's and the proposal's), in pixels. */
export const AXIS_H = 26;
export const ROW_H = 44;
/** How far a pressed bar moves before it is a drag rather than a click. */
export const DRAG_PX = 6;
export const MINUTE = 60_000;

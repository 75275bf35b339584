import { signal } from '@preact/signals';

/** The page's clock, for "time left": ticks every 15 s (a minute display needs no more). */
export const now = signal(Date.now());
setInterval(() => {
  now.value = Date.now();
}, 15_000);

import { useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { type Inputs, useEffect } from 'preact/hooks';

/**
 * The width the rows are drawn at (the scroll region's, at least 600 px) and the height in
 * view, followed as the region resizes. `inputs`: when the region may have (re)appeared.
 */
export function useViewSize(
  wrap: RefObject<HTMLDivElement | null>,
  initial: { width: number; height: number },
  inputs: Inputs = [],
) {
  const width = useSignal(initial.width);
  const viewH = useSignal(initial.height);
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const seen = new ResizeObserver(() => {
      width.value = Math.max(600, el.clientWidth - 2);
      viewH.value = el.clientHeight;
    });
    seen.observe(el);
    return () => seen.disconnect();
  }, inputs);
  return { width, viewH };
}

import { useEffect, useRef } from 'react';

/**
 * A table that scrolls sideways on narrow screens: its scrolling box becomes a named, focusable
 * region so keyboard users can reach it. Put the returned ref on a wrapper around the table.
 */
export function useTableScrollRegion(label: string, rows: unknown) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const region = box.current?.querySelector<HTMLElement>('.ant-table-content');
    if (!region) return;
    region.tabIndex = 0;
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', label);
  }, [label, rows]);
  return box;
}

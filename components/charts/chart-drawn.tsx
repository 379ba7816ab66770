"use client";

import { createContext, useContext, useEffect } from "react";

/**
 * The charts are drawn in the browser after the page is interactive (each `*-drawing.tsx`
 * holds the recharts part and is loaded with next/dynamic, ssr: false). A drawing tells its
 * frame once it is on screen, so the frame can offer the image downloads, which copy it.
 */
const ChartDrawnContext = createContext<() => void>(() => {});

export const ChartDrawnProvider = ChartDrawnContext.Provider;

/** Called by a drawing: marks its frame drawn after the chart's first paint. */
export function useMarkDrawn() {
  const markDrawn = useContext(ChartDrawnContext);
  useEffect(() => {
    // recharts places its marks and legend in the renders after the first one: wait two frames.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(markDrawn);
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [markDrawn]);
}

/** What stands in the chart's box until the drawing arrives: the same size, no content. */
export function DrawingPlaceholder() {
  return <div aria-hidden="true" className="h-full w-full animate-pulse rounded-md bg-surface" data-chart-placeholder="" />;
}

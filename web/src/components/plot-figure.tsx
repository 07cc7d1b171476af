import { useEffect, useRef, useState } from "react";

interface Props {
  /** Draws the chart for a width in CSS pixels (Observable Plot's Plot.plot(...) or any SVG/HTML element). */
  readonly render: (width: number) => Element;
  /** Fixed height reserved before and after drawing: no layout jump. */
  readonly height: number;
  /** What the chart shows, for screen readers (the data is also in the CSV download). */
  readonly label: string;
}

/** Mounts a chart into the page and redraws it when its container changes width. */
export function PlotFigure({ render, height, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      setWidth((previous) => (Math.abs(previous - next) >= 8 ? next : previous));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = container.current;
    if (element === null || width === 0) return undefined;
    const chart = render(width);
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [render, width]);

  return <div ref={container} className="plot" style={{ height }} role="img" aria-label={label} />;
}

import type { ReactNode } from 'react';
import { CartesianGrid, ResponsiveContainer, type LineChart } from 'recharts';
import { useChartScale } from '../hooks/useChartScale';

/** Props of {@link ChartPlot}. */
export interface ChartPlotProps {
  /** The recharts chart to draw (LineChart, ScatterChart). */
  chart: typeof LineChart;
  /** Height of the plot as a share of its box, e.g. '100%'. */
  height: `${number}%`;
  /** Room under the plot for the x ticks and label, in px at the normal text size. */
  bottom: number;
  /** The axes, series and tooltip. */
  children: ReactNode;
}

/**
 * The frame of every cartesian chart of the lab: full width, the grid, and margins that grow with
 * the chart text scale (presenter mode, see ../hooks/useChartScale). recharts' keyboard layer is
 * off: ./ChartImage names the drawing and holds its values as a table.
 */
export function ChartPlot({ chart: Chart, height, bottom, children }: ChartPlotProps) {
  const { px } = useChartScale();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <Chart accessibilityLayer={false} margin={{ top: px(10), right: px(16), bottom: px(bottom), left: 4 }}>
        <CartesianGrid stroke="var(--grid)" />
        {children}
      </Chart>
    </ResponsiveContainer>
  );
}

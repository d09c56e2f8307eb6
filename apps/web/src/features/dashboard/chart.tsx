// ECharts, only in lazily loaded pages: the first page a visitor opens never downloads it.
import EChartsReactCore from 'echarts-for-react/esm/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** What a click on a bar or a slice says: the series and the category (both as the chart shows them). */
export interface ChartClick {
  seriesName?: string;
  name: string;
  dataIndex: number;
  seriesIndex?: number;
}

const FONT = "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * One chart. A click on a bar or a slice calls `onSelect`, so that every figure leads to the list behind it; the
 * figures are also written out beside each chart, so nothing is known only from the picture.
 */
export function Chart({ option, height = 260, onSelect, label }: { option: ChartOption; height?: number; onSelect?: (c: ChartClick) => void; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <EChartsReactCore
        echarts={echarts}
        option={{ textStyle: { fontFamily: FONT }, animationDuration: 400, ...option }}
        notMerge
        style={{ height, width: '100%', cursor: onSelect ? 'pointer' : undefined }}
        onEvents={onSelect ? { click: (p: ChartClick) => onSelect(p) } : undefined}
      />
    </div>
  );
}

/** The palette of the app: blue for done, green for on time, orange for late, grey for missing. */
export const COLORS = { done: '#1d4f91', onTime: '#389e0d', late: '#fa8c16', missing: '#bfbfbf', returned: '#cf1322', draft: '#8c8c8c', waiting: '#1677ff' };

import { BarChart, FunnelChart, HeatmapChart, LineChart, TreemapChart } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'

// Only the chart types the dashboard draws are bundled. SVG keeps text crisp on any screen and leaves the
// numbers in the page's DOM (the end-to-end tests read them).
echarts.use([
  TreemapChart,
  HeatmapChart,
  FunnelChart,
  LineChart,
  BarChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
])

export interface ChartProps {
  option: Record<string, unknown>
  height: number
  /** What the chart shows, for screen readers (ECharts' aria adds a data description). */
  label: string
  testId?: string
}

export function Chart({ option, height, label, testId }: ChartProps) {
  return (
    <div role="img" aria-label={label} data-testid={testId} className="chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
      />
    </div>
  )
}

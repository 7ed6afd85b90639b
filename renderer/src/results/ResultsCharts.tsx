import {
  createContext,
  memo,
  useCallback,
  useContext,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type BaseTickContentProps,
} from 'recharts';
import type { CreatorRow, DropPoint } from '../../../shared/results';
import { formatMoney } from '../../../shared/model';
import { dayLabel, money } from '../ui/format';
import { TURNAROUND_TARGET_HOURS } from '../../../shared/results';
import { labelStep, rowStep } from './labelStep';

// Charts drawn by recharts with fixed sizes (the PDF has no layout to measure) and no
// animation (a print must show the final picture, and 200 drops must render at once). Each is
// memoised: a view redrawing one chart does not redraw the others with the same data.

const AXIS = { fontSize: 11, fill: '#57534e' };
// Category axes label every nth drop, the step worked out from the labels' lengths and the
// axis' length (labelStep): recharts measures every label's size in the DOM to thin them out
// itself ("preserveEnd"), hundreds of layouts at 200 drops. Number axes show their few nice
// ticks (interval 0).

// One plain <rect> per bar: recharts' default Rectangle builds a path and filters every prop
// through its SVG attribute list per bar, a third of the drawing time at 200 drops.
const plainBar = (p: BarShapeProps) => (
  <rect x={p.x} y={p.y} width={p.width} height={p.height} fill={p.fill} />
);
// One plain <text> per axis label. recharts' own labels (its Text) measure every label's words
// to wrap them, and its axes read the labels' computed font after mounting (getComputedStyle, a
// style recalculation) and then draw every axis a second time with it; labels drawn here carry
// none of its classes, so neither happens. Anchored as recharts anchors its labels.
const TICK_DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;
const plainTick = (p: BaseTickContentProps) => (
  <text
    x={p.x}
    y={p.y}
    dy={TICK_DY[p.verticalAnchor]}
    textAnchor={p.textAnchor}
    fontSize={AXIS.fontSize}
    fill={AXIS.fill}
  >
    {p.tickFormatter ? p.tickFormatter(p.payload.value, p.index) : String(p.payload.value)}
  </text>
);
/** One of `values` per 70 px at most, evenly spaced: the time axis labels the rhythm's beats. */
// A tick every 70 px, or 95 px when the labels carry the year ("Aug 31, 2026").
const fewTicks = (values: number[], width: number, withYear: boolean) => {
  const step = Math.ceil(values.length / Math.max(2, Math.floor(width / (withYear ? 95 : 70))));
  return values.filter((_, i) => i % step === 0);
};
const shortTitle = (s: string) => (s.length > 14 ? `${s.slice(0, 13)}…` : s);
// The drawing area's width beside a 40 px number axis and the charts' 8 px right margin.
const plotWidth = (width: number) => width - 40 - 8;
/**
 * An x axis naming each drop by its (shortened) title, labelling every nth drop so that no two
 * labels touch.
 */
const titleAxis = (points: DropPoint[], width: number) => ({
  dataKey: 'title',
  tickFormatter: shortTitle,
  tick: plainTick,
  interval: labelStep(
    points.map((p) => shortTitle(p.title)),
    plotWidth(width),
    AXIS.fontSize,
  ),
});

// A chart's tooltip is mounted the first time the pointer enters the chart or it takes the
// focus: recharts' Tooltip measures its box as it mounts, which forced the page's layout in the
// middle of drawing the Results view (~10 ms at 200 drops).
const TooltipInUse = createContext(false);

/** Holds a chart; tells its TooltipOnUse once the chart has been pointed at or focused. */
function ChartFrame(props: { children: ReactNode }) {
  const [used, setUsed] = useState(false);
  const use = useCallback(() => setUsed(true), []);
  return (
    <div className="results-chart" onPointerEnter={use} onFocus={use}>
      <TooltipInUse.Provider value={used}>{props.children}</TooltipInUse.Provider>
    </div>
  );
}

/** recharts' Tooltip, from the first use of its chart on. */
function TooltipOnUse(props: ComponentProps<typeof Tooltip>) {
  return useContext(TooltipInUse) ? <Tooltip {...props} /> : null;
}

/** A creator whose drops are in different currencies: a sum would mislabel one of them. */
export const MIXED_CURRENCIES = 'Mixed currencies';

type Open = ((dropId: string) => void) | undefined;
/** What every bar series shares: plain rects, no animation, and a click opens the bar's drop. */
function opensDrop(open: Open) {
  return {
    isAnimationActive: false,
    shape: plainBar,
    cursor: open ? 'pointer' : undefined,
    onClick: open
      ? (item: { payload?: unknown }) => {
          const p = item.payload as { dropId?: string; firstDropId?: string } | undefined;
          const id = p?.dropId ?? p?.firstDropId;
          if (id) open(id);
        }
      : undefined,
  };
}

/** Attributed revenue (bars) and orders (line) per drop over time; dashed lines mark the rhythm. */
export const OverTimeChart = memo(function OverTimeChart(props: {
  points: DropPoint[];
  rhythm: number[];
  /** The currency the axis and tooltip label revenue in. */
  currency: string;
  width: number;
  height?: number;
  onOpen?: (dropId: string) => void;
}) {
  const { points, rhythm, currency, width, height = 220, onOpen } = props;
  const pad = 4 * 86_400_000;
  const min = Math.min(...points.map((p) => p.launch), ...rhythm) - pad;
  const max = Math.max(...points.map((p) => p.launch), ...rhythm) + pad;
  // Beats a year apart fall on the same day and month: their labels then carry the year.
  const years = new Date(max).getUTCFullYear() !== new Date(min).getUTCFullYear();
  return (
    <ChartFrame>
      <ComposedChart
        width={width}
        height={height}
        data={points}
        margin={{ top: 16, right: 8, left: 0, bottom: 0 }}
      >
        <CartesianGrid stroke="#e7e5e4" vertical={false} yAxisId="revenue" />
        {/* The rhythm's beats as one grid of dashed lines: a ReferenceLine per beat registers
      with the chart's store one by one, the costliest part of this chart at 200 drops. */}
        {rhythm.length > 0 && (
          <CartesianGrid
            stroke="#a8a29e"
            strokeDasharray="3 3"
            horizontal={false}
            verticalValues={rhythm}
            yAxisId="revenue"
          />
        )}
        <XAxis
          type="number"
          dataKey="launch"
          scale="time"
          domain={[min, max]}
          ticks={fewTicks(rhythm.length ? rhythm : points.map((p) => p.launch), width, years)}
          tickFormatter={(t: number) => dayLabel(t, years)}
          tick={plainTick}
          interval={0}
        />
        <YAxis
          yAxisId="revenue"
          tick={plainTick}
          width={56}
          interval={0}
          tickFormatter={(v: number) => formatMoney(v, currency, { cents: 'short' })}
        />
        <YAxis
          yAxisId="orders"
          orientation="right"
          tick={plainTick}
          width={32}
          allowDecimals={false}
          interval={0}
        />
        <TooltipOnUse
          // Which drop, not just which day (two drops may launch close together).
          labelFormatter={(t, payload) => {
            const point = payload?.[0]?.payload as DropPoint | undefined;
            const day = dayLabel(Number(t), true);
            return point ? `${point.title} · ${day}` : day;
          }}
          // A drop's revenue in its own currency (its brief's), as its row in the table says.
          formatter={(v, _name, item) =>
            item.dataKey === 'revenue'
              ? money(Number(v), (item.payload as DropPoint | undefined)?.currency || currency)
              : String(v)
          }
        />
        <Bar
          yAxisId="revenue"
          dataKey="revenue"
          name="Attributed revenue"
          fill="#0f766e"
          barSize={14}
          {...opensDrop(onOpen)}
        />
        <Line
          yAxisId="orders"
          dataKey="orders"
          name="Orders"
          stroke="#c2410c"
          isAnimationActive={false}
          dot={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
});

/** Shoot-to-publish hours per drop against the 168 h target. */
export const TurnaroundChart = memo(function TurnaroundChart(props: {
  points: DropPoint[];
  width: number;
  height?: number;
  onOpen?: (dropId: string) => void;
}) {
  const { points, width, height = 200, onOpen } = props;
  return (
    <ChartFrame>
      <BarChart
        width={width}
        height={height}
        data={points}
        // Room on the right for the target's label, outside the bars (inside, a bar over the
        // target was drawn over it).
        margin={{ top: 16, right: 44, left: 0, bottom: 0 }}
      >
        <CartesianGrid stroke="#e7e5e4" vertical={false} />
        <XAxis {...titleAxis(points, width)} />
        <YAxis tick={plainTick} width={40} interval={0} />
        <ReferenceLine
          y={TURNAROUND_TARGET_HOURS}
          // The axis reaches the target even when every drop is under it: the chart is read
          // against the line.
          ifOverflow="extendDomain"
          stroke="#b91c1c"
          strokeDasharray="4 2"
          label={{
            value: PLAYBOOK_LABELS.turnaroundTarget,
            position: 'right',
            fontSize: 11,
            fill: '#b91c1c',
          }}
        />
        <TooltipOnUse />
        <Bar
          dataKey="turnaround"
          name="Shoot → publish (h)"
          fill="#1d4ed8"
          {...opensDrop(onOpen)}
        />
      </BarChart>
    </ChartFrame>
  );
});

/** Local sell-through % in 72 h per drop (bars) against each drop's target (dashed line). */
export const SellThroughChart = memo(function SellThroughChart(props: {
  points: DropPoint[];
  width: number;
  height?: number;
  onOpen?: (dropId: string) => void;
}) {
  const { points, width, height = 200, onOpen } = props;
  return (
    <ChartFrame>
      <ComposedChart
        width={width}
        height={height}
        data={points}
        margin={{ top: 16, right: 8, left: 0, bottom: 0 }}
      >
        <CartesianGrid stroke="#e7e5e4" vertical={false} />
        <XAxis {...titleAxis(points, width)} />
        <YAxis
          tick={plainTick}
          width={40}
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v}%`}
          interval={0}
        />
        <TooltipOnUse />
        <Bar
          dataKey="sellThrough"
          name={`Sold locally in ${PLAYBOOK_LABELS.sellThrough} (%)`}
          fill="#b45309"
          {...opensDrop(onOpen)}
        />
        <Line
          dataKey="sellThroughTarget"
          name="Target (%)"
          stroke="#44403c"
          strokeDasharray="4 2"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
});

/** Attributed revenue per creator. */
export const LeaderboardChart = memo(function LeaderboardChart(props: {
  rows: CreatorRow[];
  /** The currency the axis and tooltip label revenue in. */
  currency: string;
  width: number;
  height?: number;
  onOpen?: (dropId: string) => void;
}) {
  const { rows, currency, width, height = 200, onOpen } = props;
  return (
    <ChartFrame>
      <BarChart
        width={width}
        height={height}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 24, left: 8, bottom: 0 }}
      >
        <CartesianGrid stroke="#e7e5e4" horizontal={false} />
        <XAxis
          type="number"
          tick={plainTick}
          interval={0}
          tickFormatter={(v: number) => formatMoney(v, currency, { cents: 'short' })}
        />
        <YAxis
          type="category"
          dataKey="name"
          tick={plainTick}
          width={96}
          // The drawing area's height: the chart's, less its 8 px top margin and the x axis.
          interval={rowStep(rows.length, height - 8 - 30, AXIS.fontSize)}
        />
        <TooltipOnUse
          // In the creator's currency; drops in different ones have no sum to show (the
          // leaderboard's table says the same).
          formatter={(v, _name, item) => {
            const row = item.payload as CreatorRow | undefined;
            return row && row.currency === null
              ? MIXED_CURRENCIES
              : money(Number(v), row?.currency || currency);
          }}
        />
        <Bar dataKey="revenue" name="Attributed revenue" fill="#6d28d9" {...opensDrop(onOpen)} />
      </BarChart>
    </ChartFrame>
  );
});

// Hand-made SVG charts: no library, no inline styles (the CSP allows none), colours from CSS classes.
import { svg, h } from './dom.js';
import { formatNumber } from './i18n.js';

/** Vertical bars over time, e.g. detentions per month; labels every few bars so they fit. */
export function columnChart(points, { title, valueLabel }) {
  const width = 640;
  const height = 240;
  const pad = { top: 12, right: 8, bottom: 40, left: 36 };
  const max = Math.max(1, ...points.map((p) => p.value));
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const step = points.length ? innerW / points.length : innerW;
  const every = Math.max(1, Math.ceil(points.length / 12));
  const ticks = niceTicks(max);
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' },
    ticks.map((tick) => {
      const y = pad.top + innerH - (tick / ticks[ticks.length - 1]) * innerH;
      return svg(
        'g',
        null,
        svg('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'grid' }),
        svg(
          'text',
          { x: pad.left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' },
          formatNumber(tick),
        ),
      );
    }),
    points.map((p, i) => {
      const top = ticks[ticks.length - 1];
      const barH = (p.value / top) * innerH;
      const x = pad.left + i * step + step * 0.15;
      return svg(
        'g',
        null,
        svg(
          'rect',
          {
            x,
            y: pad.top + innerH - barH,
            width: Math.max(1, step * 0.7),
            height: barH,
            class: 'bar',
          },
          svg('title', null, `${p.label}: ${formatNumber(p.value)} ${unit(valueLabel, p.value)}`),
        ),
        i % every === 0
          ? svg(
              'text',
              {
                x: x + step * 0.35,
                y: height - pad.bottom + 16,
                'text-anchor': 'middle',
                class: 'axis',
              },
              p.label,
            )
          : null,
      );
    }),
  );
  return figure(title, chart, table(points, valueLabel));
}

/** Horizontal bars with their labels, e.g. cases per article. */
export function barList(points, { title, valueLabel, kind = 'bar' }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const rowH = 26;
  const width = 640;
  const labelW = 260;
  const height = Math.max(rowH, points.length * rowH) + 4;
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' },
    points.map((p, i) => {
      const y = i * rowH + 2;
      const w = ((width - labelW - 60) * p.value) / max;
      return svg(
        'g',
        null,
        svg(
          'text',
          { x: labelW - 8, y: y + 17, 'text-anchor': 'end', class: 'label' },
          truncate(p.label, 38),
        ),
        svg(
          'rect',
          {
            x: labelW,
            y: y + 4,
            width: Math.max(1, w),
            height: rowH - 8,
            rx: 3,
            class: p.cls || kind,
          },
          svg('title', null, `${p.label}: ${formatNumber(p.value)}`),
        ),
        svg('text', { x: labelW + w + 6, y: y + 17, class: 'value' }, formatNumber(p.value)),
      );
    }),
  );
  return figure(title, chart, table(points, valueLabel));
}

/** One bar split into parts, e.g. UN opinions by the state's compliance. */
export function stackedBar(parts, { title }) {
  const total = parts.reduce((s, p) => s + p.value, 0) || 1;
  const width = 640;
  let x = 0;
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} 40`, role: 'img', 'aria-label': title, class: 'chart stacked' },
    parts.map((p) => {
      const w = (p.value / total) * width;
      const rect = svg(
        'rect',
        { x, y: 4, width: w, height: 32, class: p.cls },
        svg('title', null, `${p.label}: ${formatNumber(p.value)}`),
      );
      x += w;
      return rect;
    }),
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    parts.map((p) =>
      h(
        'li',
        null,
        h('span', { class: `swatch ${p.cls}`, 'aria-hidden': 'true' }),
        `${p.label}: `,
        h('strong', null, formatNumber(p.value)),
      ),
    ),
  );
  return figure(title, chart, legend);
}

function figure(title, chart, extra) {
  return h('figure', { class: 'figure' }, h('figcaption', null, title), chart, extra);
}

/** The numbers behind a chart, for screen readers and for copying. */
function table(points, valueLabel) {
  return h(
    'details',
    { class: 'chart-data' },
    h('summary', null, '⋯'),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        points.map((p) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, p.label),
            h('td', null, formatNumber(p.value), valueLabel ? ` ${unit(valueLabel, p.value)}` : ''),
          ),
        ),
      ),
    ),
  );
}

/** A unit after a count: a fixed word, or a function of the count (for the language's plural). */
function unit(valueLabel, n) {
  return typeof valueLabel === 'function' ? valueLabel(n) : valueLabel || '';
}

function truncate(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function niceTicks(max) {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) || magnitude;
  const ticks = [];
  for (let v = 0; v <= max + step - 1e-9; v += step) ticks.push(Math.round(v));
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks.length > 1 ? ticks : [0, 1];
}

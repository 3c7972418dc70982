import { append, h } from '../dom.js';
import { get } from '../api.js';
import { t, plural, label, formatNumber, language } from '../i18n.js';
import { columnChart, barList, stackedBar } from '../charts.js';
import { errorBox } from '../widgets.js';
import { readsContent, session } from '../router.js';

export async function dashboard() {
  const page = h('div', { class: 'page dashboard' }, h('h1', null, t('dashboard.title')));
  if (!readsContent()) {
    append(
      page,
      h('p', { class: 'lead' }, t('dashboard.adminOnly')),
      h('p', null, h('a', { href: '#/admin', class: 'button' }, t('nav.admin'))),
    );
    return page;
  }
  let figures;
  let sourced;
  try {
    // A failure of the sourced figures leaves the computed ones standing, and says so.
    [figures, sourced] = await Promise.all([
      get('/api/stats'),
      get('/api/stats/sourced?size=100&sort=id').catch((error) => ({ error })),
    ]);
  } catch (error) {
    append(page, errorBox(error));
    return page;
  }
  const un = figures.unDecisions || { total: 0, byCompliance: {} };
  const recs = figures.recommendations || { total: 0, byResponse: {}, byImplementation: {} };
  const ignored = un.byCompliance.IGNORED || 0;
  append(
    page,
    h('p', { class: 'lead' }, t('dashboard.scope', { org: t(`org.${session.me.organisation}`) })),
    h(
      'div',
      { class: 'grid-2 figure-kinds' },
      computed(figures, un, recs, ignored),
      sourcedFigures(sourced),
    ),
    h(
      'div',
      { class: 'grid-2' },
      h(
        'div',
        { class: 'card' },
        columnChart(
          (figures.detentionsPerMonth || []).map((m) => ({ label: m.month, value: m.detentions })),
          {
            title: t('dashboard.detentionsPerMonth'),
            valueLabel: (n) => plural('dashboard.detentionsUnit', n),
          },
        ),
      ),
      h(
        'div',
        { class: 'card' },
        barList(
          (figures.casesPerArticle || []).slice(0, 10).map((a) => ({
            label: `${a.country} ${a.code} ${a.article} — ${a.title}`,
            value: a.cases,
          })),
          {
            title: t('dashboard.casesPerArticle'),
            valueLabel: (n) => plural('dashboard.casesUnit', n),
          },
        ),
      ),
      h(
        'div',
        { class: 'card' },
        stackedBar(
          ['IGNORED', 'PARTLY', 'PENDING', 'COMPLIED'].map((c) => ({
            label: label('Compliance', c),
            value: un.byCompliance[c] || 0,
            cls: `c-${c.toLowerCase()}`,
          })),
          { title: t('dashboard.unByCompliance') },
        ),
      ),
      h(
        'div',
        { class: 'card' },
        stackedBar(
          ['SUPPORTED', 'NOTED'].map((r) => ({
            label: label('Response', r),
            value: recs.byResponse[r] || 0,
            cls: `r-${r.toLowerCase()}`,
          })),
          { title: t('dashboard.recsByResponse') },
        ),
        barList(
          ['NOT_IMPLEMENTED', 'PARTLY', 'IMPLEMENTED'].map((i) => ({
            label: label('Implementation', i),
            value: recs.byImplementation[i] || 0,
            cls: `i-${i.toLowerCase()}`,
          })),
          { title: t('dashboard.recsByImplementation') },
        ),
      ),
    ),
  );
  return page;
}

/** Figures counted now over the records the caller may read: each says how many records. */
function computed(figures, un, recs, ignored) {
  const cases = figures.casesCounted ?? 0;
  const fromCases = plural('dashboard.fromRecords', cases);
  return h(
    'section',
    { class: 'card figures-computed', 'aria-labelledby': 'figures-computed-title' },
    h(
      'h2',
      { id: 'figures-computed-title' },
      h('span', { class: 'badge computed' }, t('dashboard.computedBadge')),
      ' ',
      t('dashboard.computedTitle'),
    ),
    h('p', { class: 'muted' }, t('dashboard.computedNote')),
    h(
      'div',
      { class: 'kpis' },
      kpi(
        figures.currentlyDetained,
        plural('dashboard.detained', figures.currentlyDetained),
        'kpi-detained',
        fromCases,
      ),
      kpi(
        figures.prosecuted,
        plural('dashboard.prosecuted', figures.prosecuted),
        'kpi-prosecuted',
        fromCases,
      ),
      kpi(
        `${formatNumber(ignored)} / ${formatNumber(un.total)}`,
        plural('dashboard.unIgnored', un.total),
        'kpi-un',
        fromCases,
      ),
      kpi(
        recs.total,
        plural('dashboard.recommendations', recs.total),
        'kpi-recs',
        plural('dashboard.fromRecommendations', recs.total),
      ),
    ),
  );
}

/** Figures someone counted outside the coalition's records, each with who counted and where. */
function sourcedFigures(sourced) {
  const items = sourced && !sourced.error ? sourced.items || [] : [];
  return h(
    'section',
    { class: 'card figures-sourced', 'aria-labelledby': 'figures-sourced-title' },
    h(
      'h2',
      { id: 'figures-sourced-title' },
      h('span', { class: 'badge sourced' }, t('dashboard.sourcedBadge')),
      ' ',
      t('dashboard.sourcedTitle'),
    ),
    h('p', { class: 'muted' }, t('dashboard.sourcedNote')),
    sourced && sourced.error ? errorBox(sourced.error) : null,
    !sourced.error && items.length === 0 ? h('p', null, t('dashboard.sourcedNone')) : null,
    items.length ? h('ul', { class: 'sourced-list' }, items.map(sourcedFigure)) : null,
  );
}

function sourcedFigure(f) {
  const source = /^https?:\/\//.test(f.sourceUrl || '')
    ? h('a', { href: f.sourceUrl, rel: 'noopener noreferrer', target: '_blank' }, f.sourceCitation)
    : f.sourceCitation;
  return h(
    'li',
    { class: 'sourced-figure', 'data-figure': f.id },
    h(
      'div',
      { class: 'sourced-head' },
      f.value === null || f.value === undefined
        ? h('span', { class: 'badge' }, t('dashboard.note'))
        : h('span', { class: 'sourced-value' }, figureValue(f)),
      ' ',
      h('span', { class: 'sourced-label' }, f.label),
      f.legalArticle
        ? h('span', { class: 'badge' }, t('dashboard.article', { article: f.legalArticle }))
        : null,
      f.demo ? h('span', { class: 'badge demo' }, t('common.demo')) : null,
    ),
    h(
      'div',
      { class: 'sourced-meta' },
      t('dashboard.countedBy', { org: f.countedBy }),
      ' · ',
      t('dashboard.refersTo', { date: period(f.refersFrom, f.refersTo) }),
    ),
    h('div', { class: 'sourced-meta' }, t('dashboard.sourceLabel'), ' ', source),
  );
}

/** "at least 21", "more than 99.8 %", "at least 25 of 32", in the reader's language. */
function figureValue(f) {
  const number = (v) =>
    f.unit === 'PERCENT'
      ? new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 4 }).format(
          Number(v) / 100,
        )
      : formatNumber(Number(v));
  const n =
    f.outOf === null || f.outOf === undefined
      ? number(f.value)
      : t('dashboard.outOf', { n: number(f.value), total: number(f.outOf) });
  return t(`dashboard.qualifier.${f.qualifier || 'EXACTLY'}`, { n });
}

/** A date known to the year, month or day ("2019", "2019-10", "2019-06-09"), or a period. */
function period(from, to) {
  return to
    ? t('dashboard.period', { from: partialDate(from), to: partialDate(to) })
    : partialDate(from);
}

function partialDate(value) {
  const [year, month, day] = String(value || '')
    .split('-')
    .map(Number);
  if (!year) return '—';
  const date = new Date(Date.UTC(year, (month || 1) - 1, day || 1));
  const options = day
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : month
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language(), options).format(date);
}

function kpi(value, text, id, basis) {
  return h(
    'div',
    { class: 'kpi', id },
    h('span', { class: 'kpi-value' }, typeof value === 'number' ? formatNumber(value) : value),
    h('span', { class: 'kpi-label' }, text),
    basis ? h('span', { class: 'kpi-basis' }, basis) : null,
  );
}

import { append, h } from '../dom.js';
import { get } from '../api.js';
import { t, plural, label, formatNumber } from '../i18n.js';
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
  try {
    figures = await get('/api/stats');
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
      { class: 'kpis' },
      kpi(
        figures.currentlyDetained,
        plural('dashboard.detained', figures.currentlyDetained),
        'kpi-detained',
      ),
      kpi(figures.prosecuted, plural('dashboard.prosecuted', figures.prosecuted), 'kpi-prosecuted'),
      kpi(
        `${formatNumber(ignored)} / ${formatNumber(un.total)}`,
        plural('dashboard.unIgnored', un.total),
        'kpi-un',
      ),
      kpi(recs.total, plural('dashboard.recommendations', recs.total), 'kpi-recs'),
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

function kpi(value, text, id) {
  return h(
    'div',
    { class: 'kpi', id },
    h('span', { class: 'kpi-value' }, typeof value === 'number' ? formatNumber(value) : value),
    h('span', { class: 'kpi-label' }, text),
  );
}

import { append, h, clear } from '../dom.js';
import { api, get } from '../api.js';
import { t } from '../i18n.js';
import {
  field,
  enumOptions,
  valueOf,
  showErrors,
  clearErrors,
  statusBadge,
  announce,
  formErrorsBox,
  loading,
  errorBox,
  pager,
} from '../widgets.js';
import { has } from '../router.js';

const state = {
  filters: {
    stateUnderReview: 'KZ',
    cycle: '',
    theme: '',
    response: '',
    implementation: '',
    q: '',
  },
  page: 0,
};

export async function recommendationList(focusId) {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('recs.filters') },
    field({
      name: 'stateUnderReview',
      labelText: t('recs.state'),
      value: state.filters.stateUnderReview,
      attrs: { maxlength: 2, size: 3 },
    }),
    field({
      name: 'cycle',
      labelText: t('recs.cycle'),
      type: 'select',
      value: state.filters.cycle,
      options: [
        { value: '', label: t('common.any') },
        ...[1, 2, 3, 4].map((c) => ({ value: c, label: String(c) })),
      ],
    }),
    field({ name: 'theme', labelText: t('recs.theme'), value: state.filters.theme }),
    field({
      name: 'response',
      labelText: t('recs.response'),
      type: 'select',
      value: state.filters.response,
      options: enumOptions('Response', ['SUPPORTED', 'NOTED'], { empty: t('common.any') }),
    }),
    field({
      name: 'implementation',
      labelText: t('recs.implementation'),
      type: 'select',
      value: state.filters.implementation,
      options: enumOptions('Implementation', ['NOT_IMPLEMENTED', 'PARTLY', 'IMPLEMENTED'], {
        empty: t('common.any'),
      }),
    }),
    field({ name: 'q', labelText: t('recs.q'), type: 'search', value: state.filters.q }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.apply'))),
  );
  const load = async () => {
    for (const key of Object.keys(state.filters)) state.filters[key] = valueOf(form, key) || '';
    append(clear(results), loading());
    clearErrors(form);
    try {
      const params = {
        ...state.filters,
        stateUnderReview: state.filters.stateUnderReview.toUpperCase(),
        page: state.page,
        size: 25,
        sort: 'paragraph',
      };
      if (focusId) {
        append(clear(results), await card(await api('GET', `/api/recommendations/${focusId}`)));
        return;
      }
      const page = await get('/api/recommendations', params);
      const groups = new Map();
      for (const r of page.items) {
        const theme = (r.themes && r.themes[0]) || t('recs.noTheme');
        if (!groups.has(theme)) groups.set(theme, []);
        groups.get(theme).push(r);
      }
      clear(results);
      if (!page.items.length) append(results, h('p', { class: 'muted' }, t('common.none')));
      for (const [theme, items] of groups) {
        append(
          results,
          h('h2', { class: 'group' }, theme),
          ...(await Promise.all(items.map((r) => card({ data: r, etag: `"${r.version}"` })))),
        );
      }
      append(
        results,
        pager(page, (p) => {
          state.page = p;
          load();
        }),
      );
    } catch (error) {
      append(clear(results), errorBox(error));
      showErrors(form, error);
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.page = 0;
    focusId = null;
    load();
  });
  form.querySelectorAll('select').forEach((s) =>
    s.addEventListener('change', () => {
      state.page = 0;
      focusId = null;
      load();
    }),
  );
  load();
  return h('div', { class: 'page' }, h('h1', null, t('recs.title')), form, results);
}

async function card({ data: r, etag }) {
  const box = h('article', { class: 'card rec', id: `rec-${r.id}` });
  const render = () => {
    append(
      clear(box),
      h(
        'header',
        null,
        h(
          'h3',
          null,
          h('a', { href: `#/recommendations/${r.id}` }, r.citation || `${r.paragraph}`),
        ),
        h(
          'span',
          { class: 'muted small' },
          `${r.reportSymbol} · ${t('recs.cycleN', { n: r.cycle })}${r.session ? ` · ${t('recs.session', { n: r.session })}` : ''}`,
        ),
      ),
      h('p', null, r.text),
      h(
        'p',
        { class: 'small' },
        h('strong', null, `${t('recs.recommendingStates')}: `),
        (r.recommendingStates || []).join(', '),
      ),
      (r.themes || []).length
        ? h(
            'p',
            { class: 'tags' },
            r.themes.map((th) => h('span', { class: 'tag' }, th)),
          )
        : null,
      h(
        'div',
        { class: 'badges' },
        r.response
          ? statusBadge('Response', r.response)
          : h('span', { class: 'badge' }, t('recs.noResponse')),
        h('span', { class: 'small' }, `${t('recs.assessment')}: `),
        r.implementation
          ? statusBadge('Implementation', r.implementation)
          : h('span', { class: 'badge' }, t('recs.notAssessed')),
      ),
      r.assessmentNote ? h('p', { class: 'note' }, r.assessmentNote) : null,
      (r.evidenceCaseIds || []).length
        ? h(
            'p',
            { class: 'small' },
            h('strong', null, `${t('recs.linkedCases')}: `),
            r.evidenceCaseIds.map((cid, i) => [
              i ? ', ' : '',
              h('a', { href: `#/cases/${cid}` }, `#${cid}`),
            ]),
          )
        : null,
      has('coordinator') ? assessmentForm() : null,
    );
  };
  const assessmentForm = () => {
    const form = h(
      'form',
      { class: 'inline-form', novalidate: true },
      formErrorsBox(),
      h(
        'div',
        { class: 'form-grid' },
        field({
          name: 'implementation',
          labelText: t('recs.implementation'),
          type: 'select',
          required: true,
          value: r.implementation,
          options: enumOptions('Implementation', ['NOT_IMPLEMENTED', 'PARTLY', 'IMPLEMENTED']),
        }),
        field({
          name: 'evidenceCaseIds',
          labelText: t('recs.evidence'),
          value: (r.evidenceCaseIds || []).join(', '),
          help: t('recs.evidenceHelp'),
        }),
      ),
      field({
        name: 'note',
        labelText: t('recs.note'),
        type: 'textarea',
        value: r.assessmentNote,
        attrs: { rows: 3 },
      }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.save'))),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const ids = (valueOf(form, 'evidenceCaseIds') || '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      try {
        const result = await api('PUT', `/api/recommendations/${r.id}/assessment`, {
          body: {
            implementation: valueOf(form, 'implementation'),
            note: valueOf(form, 'note'),
            evidenceCaseIds: ids,
          },
          etag,
        });
        r = result.data;
        etag = result.etag;
        announce(t('common.saved'));
        render();
      } catch (error) {
        showErrors(form, error);
      }
    });
    return h('details', { class: 'add' }, h('summary', null, t('recs.assess')), form);
  };
  render();
  return box;
}

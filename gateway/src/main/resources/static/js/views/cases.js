import { append, h, clear, debounce } from '../dom.js';
import { api, get, upload } from '../api.js';
import { t, plural, label, formatDate } from '../i18n.js';
import {
  field,
  enumOptions,
  showErrors,
  clearErrors,
  errorBox,
  visibilityBadge,
  statusBadge,
  section,
  emptyRow,
  announce,
  formErrorsBox,
  valueOf,
  intOrNull,
  consentChips,
  loading,
  problemText,
  VISIBILITY,
  pager,
  personFields,
  createPerson,
} from '../widgets.js';
import { go, session } from '../router.js';

export const STATUS = ['OPEN', 'MONITORING', 'CLOSED'];
export const RISK = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
export const VIOLATIONS = [
  'ARBITRARY_DETENTION',
  'TORTURE_OR_ILL_TREATMENT',
  'UNFAIR_TRIAL',
  'FREEDOM_OF_EXPRESSION',
  'FREEDOM_OF_ASSEMBLY',
  'FREEDOM_OF_ASSOCIATION',
  'HARASSMENT_OF_LAWYERS_DEFENDERS_JOURNALISTS',
  'BAN_ON_ACTIVITIES',
  'TRAVEL_BAN',
];
const EVENT_TYPES = [
  'ARREST',
  'DETENTION',
  'SEARCH',
  'CHARGE',
  'HEARING',
  'SENTENCE_CUSTODIAL',
  'SENTENCE_SUSPENDED',
  'SENTENCE_FINE',
  'SENTENCE_RESTRICTION_OF_ACTIVITIES',
  'RELEASE',
  'TORTURE_ALLEGATION',
  'INTIMIDATION',
  'TRAVEL_BAN',
  'DEATH_IN_CUSTODY',
];
const UN_BODIES = ['WGAD', 'HRC', 'CAT', 'SPECIAL_RAPPORTEUR'];
const COMPLIANCE = ['COMPLIED', 'PARTLY', 'IGNORED', 'PENDING'];
const RELIABILITY = ['CONFIRMED', 'PROBABLE', 'UNCONFIRMED'];

// Filters live in memory for the session, not in the address: a name typed here stays out of URLs.
const listState = {
  filters: {
    q: '',
    status: '',
    country: '',
    violation: '',
    visibility: '',
    year: '',
    riskLevel: '',
  },
  page: 0,
};

export async function caseList() {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('cases.filters') },
    field({ name: 'q', labelText: t('cases.q'), type: 'search', value: listState.filters.q }),
    field({
      name: 'status',
      labelText: t('case.status'),
      type: 'select',
      value: listState.filters.status,
      options: enumOptions('Status', STATUS, { empty: t('common.any') }),
    }),
    field({
      name: 'country',
      labelText: t('case.country'),
      value: listState.filters.country,
      attrs: { maxlength: 2, size: 3, autocapitalize: 'characters' },
    }),
    field({
      name: 'violation',
      labelText: t('case.violation'),
      type: 'select',
      value: listState.filters.violation,
      options: enumOptions('Violation', VIOLATIONS, { empty: t('common.any') }),
    }),
    field({
      name: 'visibility',
      labelText: t('case.visibility'),
      type: 'select',
      value: listState.filters.visibility,
      options: enumOptions('Visibility', VISIBILITY, { empty: t('common.any') }),
    }),
    field({
      name: 'riskLevel',
      labelText: t('case.riskLevel'),
      type: 'select',
      value: listState.filters.riskLevel,
      options: enumOptions('RiskLevel', RISK, { empty: t('common.any') }),
    }),
    field({
      name: 'year',
      labelText: t('case.year'),
      type: 'number',
      value: listState.filters.year,
      attrs: { min: 1900, max: 2100 },
    }),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, t('common.apply')),
      h('button', { type: 'reset', class: 'secondary' }, t('common.reset')),
    ),
  );
  const load = async () => {
    for (const key of Object.keys(listState.filters))
      listState.filters[key] = valueOf(form, key) || '';
    append(clear(results), loading());
    clearErrors(form);
    try {
      const params = {
        ...listState.filters,
        country: listState.filters.country.toUpperCase(),
        page: listState.page,
        size: 20,
        sort: 'updatedAt,desc',
      };
      const page = await get('/api/cases', params);
      append(
        clear(results),
        caseTable(page.items),
        pager(page, (p) => {
          listState.page = p;
          load();
        }),
      );
    } catch (error) {
      clear(results);
      showErrors(form, error);
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    listState.page = 0;
    load();
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      listState.page = 0;
      load();
    }),
  );
  form.querySelectorAll('select').forEach((s) =>
    s.addEventListener('change', () => {
      listState.page = 0;
      load();
    }),
  );
  load();
  return h(
    'div',
    { class: 'page' },
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, t('cases.title')),
      h('a', { href: '#/cases/new', class: 'button', id: 'new-case' }, t('cases.new')),
    ),
    form,
    results,
  );
}

function caseTable(items) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'list', id: 'case-list' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [
            t('case.reference'),
            t('case.title'),
            t('case.status'),
            t('case.riskLevel'),
            t('case.violations'),
            t('case.visibility'),
            t('case.ownerOrg'),
          ].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        items.length
          ? items.map((c) =>
              h(
                'tr',
                null,
                h('td', null, h('a', { href: `#/cases/${c.id}` }, c.reference)),
                h(
                  'td',
                  null,
                  h('a', { href: `#/cases/${c.id}` }, c.title),
                  c.demo ? h('span', { class: 'badge demo' }, t('common.demo')) : null,
                ),
                h('td', null, statusBadge('Status', c.status)),
                h('td', null, statusBadge('RiskLevel', c.riskLevel)),
                h(
                  'td',
                  { class: 'small' },
                  (c.violations || []).map((v) => label('Violation', v)).join(', '),
                ),
                h('td', null, visibilityBadge(c.visibility)),
                h('td', null, t(`org.${c.ownerOrg}`)),
              ),
            )
          : emptyRow(7, t('cases.none')),
      ),
    ),
  );
}

export async function casePage(id) {
  const response = await api('GET', `/api/cases/${id}`);
  let view = response.data;
  let etag = response.etag;
  const page = h('div', { class: 'page case-page' });
  const canEdit = view.ownerOrg === session.me.organisation;
  const persons = new Map();
  await Promise.all(
    view.persons
      .filter((p) => !p.pseudonymised)
      .map(async (p) => {
        try {
          persons.set(p.id, await get(`/api/persons/${p.id}`));
        } catch (e) {
          /* shown as a reference only */
        }
      }),
  );
  const personName = (pid) =>
    pid ? (view.persons.find((p) => p.id === pid) || { name: `#${pid}` }).name : '—';
  let articles = null;

  const refresh = (result) => {
    view = result.data;
    etag = result.etag;
    render();
  };

  const render = () => {
    append(
      clear(page),
      h(
        'div',
        { class: 'page-head' },
        h(
          'div',
          null,
          h(
            'p',
            { class: 'eyebrow' },
            view.reference,
            ' · ',
            view.country,
            ' · ',
            t(`org.${view.ownerOrg}`),
          ),
          h('h1', null, view.title),
        ),
        canEdit
          ? h(
              'a',
              { href: `#/cases/${id}/edit`, class: 'button', id: 'edit-case' },
              t('common.edit'),
            )
          : null,
      ),
      h(
        'div',
        { class: 'badges' },
        statusBadge('Status', view.status),
        statusBadge('RiskLevel', view.riskLevel),
        view.demo ? h('span', { class: 'badge demo' }, t('common.demo')) : null,
      ),
      h(
        'div',
        { class: `visibility-banner vis-${view.visibility.toLowerCase()}`, id: 'case-visibility' },
        visibilityBadge(view.visibility, { long: true }),
      ),
      view.summary ? h('p', { class: 'summary' }, view.summary) : null,
      (view.violations || []).length
        ? h(
            'p',
            null,
            h('strong', null, `${t('case.violations')}: `),
            view.violations.map((v) => label('Violation', v)).join(', '),
          )
        : null,
      h(
        'div',
        { class: 'grid-2' },
        section(t('case.persons'), personsTable()),
        section(t('case.charges'), chargesTable(), canEdit ? chargeForm() : null),
      ),
      section(t('case.timeline'), timeline(), canEdit ? eventForm() : null),
      h(
        'div',
        { class: 'grid-2' },
        section(t('case.decisions'), decisionsTable(), canEdit ? decisionForm() : null),
        section(t('case.representations'), representationsTable()),
      ),
      documentsSection(),
      historySection(),
      h(
        'p',
        { class: 'muted small' },
        t('case.updated', {
          created: formatDate(view.createdAt),
          updated: formatDate(view.updatedAt),
        }),
      ),
    );
  };

  const personsTable = () =>
    h(
      'ul',
      { class: 'persons', id: 'case-persons' },
      view.persons.length
        ? view.persons.map((p) => {
            const person = persons.get(p.id);
            return h(
              'li',
              null,
              p.pseudonymised
                ? h(
                    'span',
                    null,
                    p.name,
                    ' ',
                    h(
                      'span',
                      { class: 'badge pseudo', title: t('person.pseudonymisedHelp') },
                      t('person.pseudonymised'),
                    ),
                  )
                : h('a', { href: `#/persons/${p.id}` }, p.name),
              person
                ? h(
                    'span',
                    { class: 'muted small' },
                    ' ',
                    [label('Occupation', person.occupation), person.birthYear]
                      .filter((x) => x && x !== '—')
                      .join(', '),
                  )
                : null,
              person
                ? h(
                    'div',
                    null,
                    h('span', { class: 'small' }, `${t('person.consent')}: `),
                    consentChips(person.consent),
                  )
                : null,
            );
          })
        : h('li', { class: 'muted' }, t('common.none')),
    );

  const chargesTable = () =>
    h(
      'table',
      { class: 'list compact' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [t('charge.article'), t('charge.person'), t('charge.date'), ''].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        view.charges.length
          ? view.charges.map((c) =>
              h(
                'tr',
                null,
                h(
                  'td',
                  null,
                  h('strong', null, `${c.code} ${c.article}`),
                  ` ${c.title}`,
                  c.note ? h('div', { class: 'small muted' }, c.note) : null,
                ),
                h('td', null, personName(c.personId)),
                h('td', null, c.date || '—'),
                h('td', null, canEdit ? removeButton(`charges/${c.id}`) : null),
              ),
            )
          : emptyRow(4),
      ),
    );

  const timeline = () => {
    const events = [...view.events].sort((a, b) => String(a.date).localeCompare(String(b.date)));
    return h(
      'ol',
      { class: 'timeline', id: 'case-timeline' },
      events.length
        ? events.map((e) =>
            h(
              'li',
              { class: `ev ev-${e.type.toLowerCase()}` },
              h('time', null, e.date),
              h(
                'div',
                null,
                h('strong', null, label('EventType', e.type)),
                e.termMonths ? ` (${plural('event.months', e.termMonths)})` : '',
                e.personId ? ` — ${personName(e.personId)}` : '',
                h(
                  'div',
                  { class: 'small muted' },
                  [
                    e.place,
                    e.perpetrator,
                    e.source && `${t('event.source')}: ${e.source}`,
                    e.reliability && label('Reliability', e.reliability),
                  ]
                    .filter(Boolean)
                    .join(' · '),
                ),
                e.description ? h('p', null, e.description) : null,
              ),
              canEdit ? removeButton(`events/${e.id}`) : null,
            ),
          )
        : h('li', { class: 'muted' }, t('common.none')),
    );
  };

  const decisionsTable = () =>
    h(
      'table',
      { class: 'list compact' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [
            t('decision.body'),
            t('decision.reference'),
            t('decision.date'),
            t('decision.compliance'),
            '',
          ].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        view.decisions.length
          ? view.decisions.map((d) =>
              h(
                'tr',
                null,
                h('td', null, label('UnBody', d.body)),
                h(
                  'td',
                  null,
                  d.reference,
                  d.finding ? h('div', { class: 'small muted' }, d.finding) : null,
                  d.requestedRemedy
                    ? h('div', { class: 'small' }, `${t('decision.remedy')}: ${d.requestedRemedy}`)
                    : null,
                ),
                h('td', null, d.date ? formatDate(d.date) : '—'),
                h('td', null, statusBadge('Compliance', d.compliance)),
                h('td', null, canEdit ? removeButton(`decisions/${d.id}`) : null),
              ),
            )
          : emptyRow(5),
      ),
    );

  const representationsTable = () =>
    h(
      'ul',
      null,
      view.representations.length
        ? view.representations.map((r) =>
            h(
              'li',
              null,
              `${personName(r.personId)} → ${t(`org.${r.organisation}`)}: ${formatDate(r.grantedOn)}`,
              r.revokedOn ? ` – ${formatDate(r.revokedOn)}` : '',
              ' ',
              h(
                'span',
                { class: `badge ${r.active ? 'status-open' : 'status-closed'}` },
                t(r.active ? 'representation.active' : 'representation.revoked'),
              ),
            ),
          )
        : h('li', { class: 'muted' }, t('common.none')),
    );

  const removeButton = (path) =>
    h(
      'button',
      {
        type: 'button',
        class: 'link danger',
        'aria-label': t('common.remove'),
        onclick: async () => {
          if (!window.confirm(t('common.confirmRemove'))) return;
          try {
            refresh(await api('DELETE', `/api/cases/${id}/${path}`, { etag }));
            announce(t('common.removed'));
          } catch (error) {
            announce(errorText(error), 'error');
          }
        },
      },
      '✕',
    );

  const personOptions = () => [
    { value: '', label: '—' },
    ...view.persons.map((p) => ({ value: p.id, label: p.name })),
  ];

  const partForm = (title, id2, fields, toBody, path) => {
    const form = h(
      'form',
      { class: 'inline-form', id: id2, novalidate: true },
      formErrorsBox(),
      h('div', { class: 'form-grid' }, fields()),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.add'))),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        refresh(await api('POST', `/api/cases/${id}/${path}`, { body: toBody(form) }));
        announce(t('common.saved'));
      } catch (error) {
        showErrors(form, error);
      }
    });
    return h('details', { class: 'add', id: `${id2}-add` }, h('summary', null, title), form);
  };

  const eventForm = () =>
    partForm(
      t('event.add'),
      'event-form',
      () => [
        field({
          name: 'type',
          labelText: t('event.type'),
          type: 'select',
          required: true,
          options: enumOptions('EventType', EVENT_TYPES),
        }),
        field({
          name: 'date',
          labelText: t('event.date'),
          required: true,
          help: t('common.partialDate'),
          attrs: { placeholder: t('common.datePlaceholder') },
        }),
        field({
          name: 'personId',
          labelText: t('event.person'),
          type: 'select',
          options: personOptions(),
        }),
        field({ name: 'place', labelText: t('event.place') }),
        field({ name: 'perpetrator', labelText: t('event.perpetrator') }),
        field({ name: 'source', labelText: t('event.source') }),
        field({
          name: 'reliability',
          labelText: t('event.reliability'),
          type: 'select',
          options: enumOptions('Reliability', RELIABILITY, { empty: '—' }),
        }),
        field({
          name: 'termMonths',
          labelText: t('event.termMonths'),
          type: 'number',
          attrs: { min: 0, max: 1200 },
        }),
        field({ name: 'description', labelText: t('event.description'), type: 'textarea' }),
      ],
      (f) => ({
        type: valueOf(f, 'type'),
        date: valueOf(f, 'date'),
        personId: intOrNull(valueOf(f, 'personId')),
        place: valueOf(f, 'place'),
        perpetrator: valueOf(f, 'perpetrator'),
        source: valueOf(f, 'source'),
        reliability: valueOf(f, 'reliability'),
        termMonths: intOrNull(valueOf(f, 'termMonths')),
        description: valueOf(f, 'description'),
      }),
      'events',
    );

  const chargeForm = () => {
    const details = partForm(
      t('charge.add'),
      'charge-form',
      () => [
        field({
          name: 'article',
          labelText: t('charge.article'),
          required: true,
          attrs: { list: 'article-list', autocomplete: 'off' },
          help: t('charge.articleHelp', { country: view.country }),
        }),
        h('datalist', { id: 'article-list' }),
        field({ name: 'code', labelText: t('charge.code'), attrs: { placeholder: 'CC' } }),
        field({
          name: 'personId',
          labelText: t('charge.person'),
          type: 'select',
          options: personOptions(),
        }),
        field({ name: 'date', labelText: t('charge.date'), help: t('common.partialDate') }),
        field({ name: 'note', labelText: t('charge.note'), type: 'textarea', attrs: { rows: 2 } }),
      ],
      (f) => ({
        article: valueOf(f, 'article'),
        code: valueOf(f, 'code'),
        personId: intOrNull(valueOf(f, 'personId')),
        date: valueOf(f, 'date'),
        note: valueOf(f, 'note'),
      }),
      'charges',
    );
    details.addEventListener('toggle', async () => {
      if (!details.open) return;
      if (!articles) {
        try {
          articles = await get('/api/cases/articles', { country: view.country });
        } catch (e) {
          articles = [];
        }
      }
      const list = clear(details.querySelector('#article-list'));
      articles.forEach((a) =>
        append(list, h('option', { value: a.number }, `${a.code} ${a.number} — ${a.title}`)),
      );
    });
    return details;
  };

  const decisionForm = () =>
    partForm(
      t('decision.add'),
      'decision-form',
      () => [
        field({
          name: 'body',
          labelText: t('decision.body'),
          type: 'select',
          required: true,
          options: enumOptions('UnBody', UN_BODIES),
        }),
        field({
          name: 'reference',
          labelText: t('decision.reference'),
          required: true,
          attrs: { placeholder: t('decision.referenceExample') },
        }),
        field({ name: 'date', labelText: t('decision.date'), type: 'date' }),
        field({ name: 'finding', labelText: t('decision.finding') }),
        field({ name: 'requestedRemedy', labelText: t('decision.remedy') }),
        field({
          name: 'compliance',
          labelText: t('decision.compliance'),
          type: 'select',
          required: true,
          options: enumOptions('Compliance', COMPLIANCE),
        }),
        field({
          name: 'personId',
          labelText: t('decision.person'),
          type: 'select',
          options: personOptions(),
        }),
      ],
      (f) => ({
        body: valueOf(f, 'body'),
        reference: valueOf(f, 'reference'),
        date: valueOf(f, 'date'),
        finding: valueOf(f, 'finding'),
        requestedRemedy: valueOf(f, 'requestedRemedy'),
        compliance: valueOf(f, 'compliance'),
        personId: intOrNull(valueOf(f, 'personId')),
      }),
      'decisions',
    );

  const documentsSection = () => {
    const body = h('div', { id: 'case-documents' }, loading());
    const load = async () => {
      try {
        const docs = await get(`/api/cases/${id}/documents`);
        append(
          clear(body),
          h(
            'table',
            { class: 'list compact' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                [
                  t('document.file'),
                  t('document.kind'),
                  t('document.sensitivity'),
                  t('document.uploaded'),
                  'SHA-256',
                ].map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              null,
              docs.length
                ? docs.map((d) =>
                    h(
                      'tr',
                      null,
                      h(
                        'td',
                        null,
                        h(
                          'a',
                          {
                            href: `/api/cases/${id}/documents/${d.id}/content`,
                            download: d.fileName,
                          },
                          d.fileName,
                        ),
                        d.description ? h('div', { class: 'small muted' }, d.description) : null,
                      ),
                      h('td', null, label('DocumentKind', d.kind)),
                      h(
                        'td',
                        null,
                        h(
                          'span',
                          {
                            class: `badge ${d.sensitivity === 'SENSITIVE' ? 'status-critical' : ''}`,
                          },
                          label('Sensitivity', d.sensitivity),
                        ),
                      ),
                      h(
                        'td',
                        null,
                        formatDate(d.uploadedAt),
                        h('div', { class: 'small muted' }, d.uploadedBy),
                      ),
                      h('td', { class: 'mono small' }, `${d.sha256.slice(0, 12)}…`),
                    ),
                  )
                : emptyRow(5),
            ),
          ),
          canEdit ? uploadForm() : null,
        );
      } catch (error) {
        append(
          clear(body),
          h(
            'p',
            { class: 'muted' },
            error.status === 403 || error.status === 404
              ? t('case.documentsOwnerOnly')
              : problemText(error),
          ),
        );
      }
    };
    const uploadForm = () => {
      const form = h(
        'form',
        { class: 'inline-form', id: 'document-form', novalidate: true },
        formErrorsBox(),
        h(
          'div',
          { class: 'form-grid' },
          field({ name: 'file', labelText: t('document.file'), type: 'file', required: true }),
          field({
            name: 'kind',
            labelText: t('document.kind'),
            type: 'select',
            options: enumOptions('DocumentKind', [
              'COURT_DECISION',
              'MEDICAL_REPORT',
              'PHOTO',
              'POWER_OF_ATTORNEY',
              'CORRESPONDENCE',
            ]),
          }),
          field({
            name: 'sensitivity',
            labelText: t('document.sensitivity'),
            type: 'select',
            options: enumOptions('Sensitivity', ['STANDARD', 'SENSITIVE']),
          }),
          field({ name: 'description', labelText: t('document.description') }),
        ),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('document.upload'))),
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const data = new FormData();
        const file = form.querySelector('[data-field=file]').files[0];
        if (file) data.append('file', file);
        for (const name of ['kind', 'sensitivity', 'description']) {
          const v = valueOf(form, name);
          if (v) data.append(name, v);
        }
        try {
          await upload(`/api/cases/${id}/documents`, data);
          announce(t('common.saved'));
          load();
        } catch (error) {
          showErrors(form, error);
        }
      });
      return h(
        'details',
        { class: 'add', id: 'document-form-add' },
        h('summary', null, t('document.add')),
        form,
      );
    };
    load();
    return section(t('case.documents'), body);
  };

  const historySection = () => {
    const body = h(
      'div',
      null,
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          id: 'show-history',
          onclick: async () => {
            append(clear(body), loading());
            try {
              const entries = await get(`/api/cases/${id}/history`);
              append(
                clear(body),
                h(
                  'table',
                  { class: 'list compact', id: 'case-history' },
                  h(
                    'thead',
                    null,
                    h(
                      'tr',
                      null,
                      [
                        t('history.at'),
                        t('history.who'),
                        t('history.action'),
                        t('history.record'),
                      ].map((c) => h('th', { scope: 'col' }, c)),
                    ),
                  ),
                  h(
                    'tbody',
                    null,
                    entries.length
                      ? entries.map((a) =>
                          h(
                            'tr',
                            null,
                            h('td', null, formatDate(a.at)),
                            h('td', null, a.username, a.organisation ? ` (${a.organisation})` : ''),
                            h('td', null, a.action),
                            h('td', null, `${a.recordType} ${a.recordId}`),
                          ),
                        )
                      : emptyRow(4),
                  ),
                ),
              );
            } catch (error) {
              append(clear(body), errorBox(error));
            }
          },
        },
        t('history.show'),
      ),
    );
    return section(t('history.title'), body);
  };

  render();
  return page;
}

function errorText(error) {
  return error.fieldErrors && error.fieldErrors.length
    ? error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ')
    : error.problem?.detail || error.message;
}

/** Create or edit a case; persons are picked by name or created on the spot. */
export async function caseEditor(id) {
  let view = null;
  let etag = null;
  if (id) {
    const response = await api('GET', `/api/cases/${id}`);
    view = response.data;
    etag = response.etag;
  }
  const chosen = new Map((view ? view.persons : []).map((p) => [p.id, p.name]));
  const chosenList = h('ul', { class: 'chosen', id: 'chosen-persons' });
  const renderChosen = () => {
    append(
      clear(chosenList),
      [...chosen].map(([pid, name]) =>
        h(
          'li',
          null,
          name,
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'link danger',
              'aria-label': `${t('common.remove')} ${name}`,
              onclick: () => {
                chosen.delete(pid);
                renderChosen();
              },
            },
            '✕',
          ),
        ),
      ),
    );
    if (!chosen.size) append(chosenList, h('li', { class: 'muted' }, t('case.noPersons')));
  };
  renderChosen();

  const matches = h('ul', { class: 'matches', role: 'listbox', id: 'person-matches' });
  const lookup = h('input', {
    type: 'search',
    id: 'person-lookup',
    autocomplete: 'off',
    'aria-controls': 'person-matches',
    'aria-describedby': 'person-lookup-help',
  });
  lookup.addEventListener(
    'input',
    debounce(async () => {
      const q = lookup.value.trim();
      clear(matches);
      if (q.length < 2) return;
      try {
        const page = await get('/api/persons', { q, size: 8 });
        page.items.forEach((p) =>
          append(
            matches,
            h(
              'li',
              null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onclick: () => {
                    chosen.set(p.id, p.originalName);
                    renderChosen();
                    clear(matches);
                    lookup.value = '';
                  },
                },
                p.originalName,
                (p.spellings || []).length ? ` (${p.spellings.join(', ')})` : '',
                p.birthYear ? `, ${p.birthYear}` : '',
              ),
            ),
          ),
        );
        if (!page.items.length) append(matches, h('li', { class: 'muted' }, t('common.none')));
      } catch (e) {
        /* the lookup is a convenience; the case form still works */
      }
    }, 250),
  );

  const newPerson = personInlineForm((person) => {
    chosen.set(person.id, person.originalName);
    renderChosen();
  });

  const violations = new Set(view ? view.violations : []);
  const form = h(
    'form',
    { class: 'editor', id: 'case-form', novalidate: true },
    formErrorsBox(),
    h(
      'div',
      { class: 'form-grid' },
      field({
        name: 'title',
        labelText: t('case.title'),
        required: true,
        value: view?.title,
        attrs: { maxlength: 300 },
      }),
      field({
        name: 'country',
        labelText: t('case.country'),
        required: true,
        value: view?.country || 'KZ',
        help: t('case.countryHelp'),
        attrs: { maxlength: 2 },
      }),
      field({
        name: 'year',
        labelText: t('case.year'),
        type: 'number',
        value: view?.year,
        help: id ? t('case.yearFixed') : t('case.yearHelp'),
        attrs: { disabled: id ? true : null },
      }),
      field({
        name: 'status',
        labelText: t('case.status'),
        type: 'select',
        required: true,
        value: view?.status || 'OPEN',
        options: enumOptions('Status', STATUS),
      }),
      field({
        name: 'riskLevel',
        labelText: t('case.riskLevel'),
        type: 'select',
        required: true,
        value: view?.riskLevel || 'MEDIUM',
        options: enumOptions('RiskLevel', RISK),
      }),
    ),
    field({
      name: 'summary',
      labelText: t('case.summary'),
      type: 'textarea',
      value: view?.summary,
      attrs: { rows: 5 },
    }),
    h(
      'fieldset',
      { 'data-wrap': 'visibility', class: 'field visibility-choice' },
      h(
        'legend',
        null,
        t('case.visibility'),
        h('span', { class: 'req', 'aria-hidden': 'true' }, ' *'),
      ),
      VISIBILITY.map((v) =>
        h(
          'label',
          { class: `radio-card vis-${v.toLowerCase()}` },
          h('input', {
            type: 'radio',
            name: 'visibility',
            value: v,
            checked: (view?.visibility || 'ORGANISATION') === v,
          }),
          visibilityBadge(v),
          h('span', { class: 'small' }, t(`visibility.help.${v}`)),
        ),
      ),
      h('p', { class: 'field-error' }),
    ),
    h(
      'fieldset',
      { 'data-wrap': 'violations', class: 'field' },
      h('legend', null, t('case.violations')),
      h(
        'div',
        { class: 'checks' },
        VIOLATIONS.map((v) =>
          h(
            'label',
            null,
            h('input', {
              type: 'checkbox',
              value: v,
              checked: violations.has(v),
              onchange: (e) => {
                if (e.target.checked) violations.add(v);
                else violations.delete(v);
              },
            }),
            ' ',
            label('Violation', v),
          ),
        ),
      ),
      h('p', { class: 'field-error' }),
    ),
    h(
      'fieldset',
      { 'data-wrap': 'personIds', class: 'field' },
      h('legend', null, t('case.persons')),
      chosenList,
      h('label', { for: 'person-lookup' }, t('case.findPerson')),
      lookup,
      h('p', { id: 'person-lookup-help', class: 'help' }, t('case.findPersonHelp')),
      matches,
      h('p', { class: 'field-error' }),
    ),
    newPerson,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', id: 'save-case' }, id ? t('common.save') : t('cases.create')),
      h(
        'a',
        { href: id ? `#/cases/${id}` : '#/cases', class: 'button secondary' },
        t('common.cancel'),
      ),
    ),
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      title: valueOf(form, 'title'),
      summary: valueOf(form, 'summary'),
      country: (valueOf(form, 'country') || '').toUpperCase() || null,
      year: id ? view.year : intOrNull(valueOf(form, 'year')),
      personIds: [...chosen.keys()],
      violations: [...violations],
      status: valueOf(form, 'status'),
      riskLevel: valueOf(form, 'riskLevel'),
      visibility: (form.querySelector('input[name="visibility"]:checked') || {}).value || null,
    };
    const button = form.querySelector('#save-case');
    button.disabled = true;
    try {
      const result = id
        ? await api('PUT', `/api/cases/${id}`, { body, etag })
        : await api('POST', '/api/cases', { body });
      announce(t('common.saved'));
      go(`/cases/${result.data.id}`);
    } catch (error) {
      showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });

  return h(
    'div',
    { class: 'page' },
    h('h1', null, id ? t('cases.edit', { reference: view.reference }) : t('cases.new')),
    form,
  );
}

/** A small person form inside the case form: creates the person and records consent per channel. */
function personInlineForm(onCreated) {
  const box = h('div', { class: 'inline-form', id: 'new-person-form' });
  const fields = personFields(null);
  append(
    box,
    formErrorsBox(),
    fields,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          id: 'create-person',
          onclick: async () => {
            try {
              const person = await createPerson(box);
              onCreated(person);
              announce(t('person.created'));
              box.closest('details').open = false;
              box.querySelectorAll('input, textarea').forEach((i) => {
                if (i.type === 'checkbox') i.checked = false;
                else i.value = '';
              });
              clearErrors(box);
            } catch (error) {
              showErrors(box, error);
            }
          },
        },
        t('person.create'),
      ),
    ),
  );
  return h(
    'details',
    { class: 'add', id: 'new-person' },
    h('summary', null, t('case.newPerson')),
    box,
  );
}

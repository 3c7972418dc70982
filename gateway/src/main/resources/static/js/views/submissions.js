import { append, h, clear, debounce } from '../dom.js';
import { api, get } from '../api.js';
import { t, plural, label, formatDate, formatNumber } from '../i18n.js';
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
  emptyRow,
  TYPES,
  deadlineText,
  renderDocument,
  historyPanel,
} from '../widgets.js';
import { go, session } from '../router.js';

export const ORGANISATIONS = ['odf', 'fidu', 'kisr'];

/** The service's rule: a run between whitespace with at least one letter or digit is a word. */
export function countWords(text) {
  if (!text) return 0;
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function contentWords(content) {
  let n = 0;
  for (const s of content.sections || []) n += countWords(s.heading) + countWords(s.text);
  for (const p of content.proposedRecommendations || []) n += countWords(p);
  return n;
}

export async function submissionList() {
  const items = await get('/api/submissions');
  return h(
    'div',
    { class: 'page' },
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, t('subs.title')),
      h('a', { href: '#/submissions/new', class: 'button', id: 'new-submission' }, t('subs.new')),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'list', id: 'submission-list' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            [
              t('sub.title'),
              t('sub.type'),
              t('sub.status'),
              t('sub.lead'),
              t('sub.coSigners'),
              t('sub.deadline'),
              t('sub.words'),
              t('common.updated'),
            ].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          null,
          items.length
            ? items.map((s) =>
                h(
                  'tr',
                  null,
                  h('td', null, h('a', { href: `#/submissions/${s.id}` }, s.content.title)),
                  h('td', null, label('SubmissionType', s.type)),
                  h('td', null, statusBadge('SubmissionStatus', s.status)),
                  h('td', null, t(`org.${s.leadOrganisation}`)),
                  h(
                    'td',
                    null,
                    (s.content.coSigners || []).map((c) => t(`org.${c.organisation}`)).join(', ') ||
                      '—',
                  ),
                  h('td', null, deadlineText(s.content.deadline)),
                  h(
                    'td',
                    null,
                    s.wordLimit
                      ? `${formatNumber(s.words)} / ${formatNumber(s.wordLimit)}`
                      : formatNumber(s.words),
                  ),
                  h('td', null, formatDate(s.updatedAt)),
                ),
              )
            : emptyRow(8, t('subs.none')),
        ),
      ),
    ),
  );
}

export async function submissionEditor(id) {
  let sub;
  let etag = null;
  if (id) {
    const response = await api('GET', `/api/submissions/${id}`);
    sub = response.data;
    etag = response.etag;
  } else {
    sub = {
      id: null,
      type: 'UPR_JOINT',
      target: 'OHCHR_UPR',
      leadOrganisation: session.me.organisation,
      status: 'DRAFT',
      revision: 0,
      content: {
        title: '',
        language: 'en',
        deadline: null,
        riskLevel: 'LOW',
        coSigners: [],
        sections: [{ heading: '', text: '' }],
        caseIds: [],
        recommendationIds: [],
        proposedRecommendations: [],
      },
    };
  }
  const editable =
    !id ||
    (['DRAFT', 'RETURNED'].includes(sub.status) &&
      sub.leadOrganisation === session.me.organisation);
  const page = h('div', { class: 'page submission' });
  const tabs = ['write', 'preview', 'versions', 'history', 'dispatches'].filter(
    (k) => id || k === 'write' || k === 'preview',
  );
  let current = 'write';
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'sub-panel', tabindex: '0' });
  const tabBar = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('sub.views') });
  const editor = editable ? buildEditor() : null;

  function header() {
    return h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        null,
        h(
          'p',
          { class: 'eyebrow' },
          label('SubmissionType', sub.type),
          ' · ',
          t('sub.leadBy', { org: t(`org.${sub.leadOrganisation}`) }),
          sub.revision ? ` · ${t('sub.revisionN', { n: sub.revision })}` : '',
        ),
        h('h1', null, id ? sub.content.title : t('subs.new')),
      ),
      h(
        'div',
        { class: 'badges' },
        statusBadge('SubmissionStatus', sub.status),
        sub.content.deadline ? deadlineText(sub.content.deadline) : null,
      ),
    );
  }

  function showTab(key) {
    current = key;
    tabBar.querySelectorAll('[role=tab]').forEach((b) => {
      b.setAttribute('aria-selected', String(b.dataset.tab === key));
      b.tabIndex = b.dataset.tab === key ? 0 : -1;
    });
    clear(panel);
    panel.setAttribute('aria-labelledby', `tab-${key}`);
    if (key === 'write') append(panel, editable ? editor.form : renderDocument(sub));
    if (key === 'preview')
      append(panel, renderDocument(editable ? { ...sub, ...editor.draftView() } : sub));
    if (key === 'versions') append(panel, versionsPanel(id, sub.revision));
    if (key === 'history') append(panel, historyPanel(id));
    if (key === 'dispatches') append(panel, dispatchPanel(id));
  }
  tabs.forEach((key) =>
    append(
      tabBar,
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${key}`,
          'data-tab': key,
          'aria-controls': 'sub-panel',
          onclick: () => showTab(key),
          onkeydown: (e) => {
            const i = tabs.indexOf(key);
            const next =
              e.key === 'ArrowRight'
                ? tabs[(i + 1) % tabs.length]
                : e.key === 'ArrowLeft'
                  ? tabs[(i - 1 + tabs.length) % tabs.length]
                  : null;
            if (next) {
              showTab(next);
              tabBar.querySelector(`[data-tab=${next}]`).focus();
            }
          },
        },
        t(`sub.tab.${key}`),
      ),
    ),
  );

  function buildEditor() {
    const c = sub.content;
    const meter = h('meter', { id: 'word-meter', min: 0, value: 0 });
    const meterText = h('span', { id: 'word-count', 'aria-live': 'polite' });
    const coSigners = h('div', { class: 'rows', id: 'cosigners' });
    const sections = h('div', { class: 'rows', id: 'sections' });
    const proposals = h('div', { class: 'rows', id: 'proposals' });
    const caseChosen = new Map();
    const recChosen = new Map();

    const update = () => {
      const draft = draftView();
      const words = contentWords(draft.content);
      const limit = TYPES[draft.type]?.limit;
      meter.max = limit || Math.max(words, 1);
      meter.high = limit ? limit * 0.9 : undefined;
      meter.optimum = 0;
      meter.value = words;
      meterText.textContent = limit
        ? plural('sub.wordsOfLimit', limit, { words: formatNumber(words) })
        : plural('sub.wordsNoLimit', words);
      meterText.className = limit && words > limit ? 'over' : '';
      sections.querySelectorAll('.section-row').forEach((row) => {
        const count =
          countWords(row.querySelector('input').value) +
          countWords(row.querySelector('textarea').value);
        row.querySelector('.section-words').textContent = plural('sub.sectionWords', count);
      });
    };
    const live = debounce(update, 150);

    const coSignerRow = (co, i) =>
      h(
        'div',
        { class: 'row cosigner-row', 'data-wrap': `coSigners[${i}]` },
        field({
          name: `coSigners[${i}].organisation`,
          labelText: t('sub.coSignerOrg'),
          type: 'select',
          value: co.organisation,
          required: true,
          options: [
            { value: '', label: '—' },
            ...ORGANISATIONS.filter((o) => o !== sub.leadOrganisation).map((o) => ({
              value: o,
              label: t(`org.${o}`),
            })),
          ],
        }),
        field({
          name: `coSigners[${i}].description`,
          labelText: t('sub.coSignerDescription'),
          type: 'textarea',
          value: co.description,
          required: true,
          attrs: { rows: 2 },
          help: t('sub.coSignerHelp'),
        }),
        h(
          'button',
          {
            type: 'button',
            class: 'link danger',
            onclick: () => {
              const all = readCoSigners();
              all.splice(i, 1);
              renderCoSigners(all);
            },
          },
          t('common.remove'),
        ),
        h('p', { class: 'field-error' }),
      );
    const readCoSigners = () =>
      Array.from(coSigners.querySelectorAll('.cosigner-row')).map((row) => ({
        organisation: row.querySelector('select').value,
        description: row.querySelector('textarea').value.trim(),
      }));
    const renderCoSigners = (list) => {
      append(clear(coSigners), list.map(coSignerRow));
    };

    const sectionRow = (s, i, all) =>
      h(
        'div',
        { class: 'row section-row', 'data-wrap': `sections[${i}]` },
        field({
          name: `sections[${i}].heading`,
          labelText: t('sub.sectionHeading', { n: i + 1 }),
          value: s.heading,
          required: true,
          attrs: { oninput: null },
        }),
        field({
          name: `sections[${i}].text`,
          labelText: t('sub.sectionText', { n: i + 1 }),
          type: 'textarea',
          value: s.text,
          help: t('sub.paragraphHelp'),
          attrs: { rows: 8 },
        }),
        h(
          'div',
          { class: 'row-tools' },
          h('span', { class: 'section-words small muted' }),
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              disabled: i === 0,
              'aria-label': t('sub.moveUp', { n: i + 1 }),
              onclick: () => move(i, -1),
            },
            '↑',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              disabled: i === all.length - 1,
              'aria-label': t('sub.moveDown', { n: i + 1 }),
              onclick: () => move(i, 1),
            },
            '↓',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'link danger',
              onclick: () => {
                const list = readSections();
                list.splice(i, 1);
                renderSections(list);
              },
            },
            t('common.remove'),
          ),
        ),
        h('p', { class: 'field-error' }),
      );
    const readSections = () =>
      Array.from(sections.querySelectorAll('.section-row')).map((row) => ({
        heading: row.querySelector('input').value.trim(),
        text: row.querySelector('textarea').value,
      }));
    const renderSections = (list) => {
      append(clear(sections), list.map(sectionRow));
      update();
    };
    const move = (i, d) => {
      const list = readSections();
      const [s] = list.splice(i, 1);
      list.splice(i + d, 0, s);
      renderSections(list);
    };

    const proposalRow = (p, i) =>
      h(
        'div',
        { class: 'row proposal-row', 'data-wrap': `proposedRecommendations[${i}]` },
        field({
          name: `proposedRecommendations[${i}]`,
          labelText: t('sub.proposalN', { n: i + 1 }),
          type: 'textarea',
          value: p,
          attrs: { rows: 2 },
        }),
        h(
          'button',
          {
            type: 'button',
            class: 'link danger',
            onclick: () => {
              const list = readProposals();
              list.splice(i, 1);
              renderProposals(list);
            },
          },
          t('common.remove'),
        ),
      );
    const readProposals = () =>
      Array.from(proposals.querySelectorAll('textarea'))
        .map((a) => a.value.trim())
        .filter(Boolean);
    const renderProposals = (list) => {
      append(clear(proposals), list.map(proposalRow));
      update();
    };

    const picker = (kind, chosen, search, describe) => {
      const list = h('ul', { class: 'chosen', id: `${kind}-chosen` });
      const matches = h('ul', { class: 'matches', id: `${kind}-matches` });
      const input = h('input', {
        type: 'search',
        id: `${kind}-lookup`,
        autocomplete: 'off',
        'aria-controls': `${kind}-matches`,
      });
      const render = () => {
        append(
          clear(list),
          [...chosen].map(([cid, text]) =>
            h(
              'li',
              null,
              text,
              ' ',
              h(
                'button',
                {
                  type: 'button',
                  class: 'link danger',
                  'aria-label': `${t('common.remove')} ${text}`,
                  onclick: () => {
                    chosen.delete(cid);
                    render();
                  },
                },
                '✕',
              ),
            ),
          ),
        );
        if (!chosen.size) append(list, h('li', { class: 'muted' }, t('common.none')));
      };
      input.addEventListener(
        'input',
        debounce(async () => {
          clear(matches);
          const q = input.value.trim();
          if (q.length < 2) return;
          try {
            const items = await search(q);
            items.forEach((item) =>
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
                        chosen.set(item.id, describe(item));
                        render();
                        clear(matches);
                        input.value = '';
                      },
                    },
                    describe(item),
                  ),
                ),
              ),
            );
            if (!items.length) append(matches, h('li', { class: 'muted' }, t('common.none')));
          } catch (e) {
            append(matches, h('li', { class: 'muted' }, t('error.unexpected')));
          }
        }, 250),
      );
      render();
      return { list, matches, input, render };
    };
    const cases = picker(
      'case',
      caseChosen,
      async (q) => (await get('/api/cases', { q, size: 8 })).items,
      (c) => `${c.reference} — ${c.title}`,
    );
    const recs = picker(
      'rec',
      recChosen,
      async (q) => (await get('/api/recommendations', { q, size: 8 })).items,
      (r) => `${r.citation || r.paragraph} — ${String(r.text).slice(0, 80)}`,
    );
    // Linked records are shown by reference and title, read once from cases-service.
    Promise.all([
      ...c.caseIds.map(async (cid) => {
        caseChosen.set(cid, `#${cid}`);
        try {
          const v = await get(`/api/cases/${cid}`);
          caseChosen.set(cid, `${v.reference} — ${v.title}`);
        } catch (e) {
          /* keeps the id */
        }
      }),
      ...c.recommendationIds.map(async (rid) => {
        recChosen.set(rid, `#${rid}`);
        try {
          const v = await get(`/api/recommendations/${rid}`);
          recChosen.set(rid, `${v.citation} — ${String(v.text).slice(0, 80)}`);
        } catch (e) {
          /* keeps the id */
        }
      }),
    ]).then(() => {
      cases.render();
      recs.render();
    });

    const typeField = field({
      name: 'type',
      labelText: t('sub.type'),
      type: 'select',
      required: true,
      value: sub.type,
      options: enumOptions('SubmissionType', Object.keys(TYPES)),
    });
    const targetField = h('div');
    const renderTarget = () => {
      const type = typeField.querySelector('select').value;
      append(
        clear(targetField),
        field({
          name: 'target',
          labelText: t('sub.target'),
          type: 'select',
          value: TYPES[type].targets.includes(sub.target) ? sub.target : TYPES[type].targets[0],
          options: enumOptions('Target', TYPES[type].targets),
        }),
      );
    };
    typeField.querySelector('select').addEventListener('change', () => {
      renderTarget();
      update();
    });
    renderTarget();

    const form = h(
      'form',
      { class: 'editor', id: 'submission-form', novalidate: true },
      formErrorsBox(),
      h(
        'div',
        { class: 'word-bar', id: 'word-bar' },
        h('label', { for: 'word-meter' }, t('sub.words')),
        meter,
        meterText,
      ),
      h(
        'div',
        { class: 'form-grid' },
        field({
          name: 'title',
          labelText: t('sub.title'),
          required: true,
          value: c.title,
          attrs: { maxlength: 500 },
        }),
        typeField,
        targetField,
        field({
          name: 'language',
          labelText: t('sub.language'),
          type: 'select',
          required: true,
          value: c.language,
          options: [
            { value: 'en', label: 'English' },
            { value: 'ru', label: 'Русский' },
            { value: 'fr', label: 'Français' },
            { value: 'es', label: 'Español' },
          ],
        }),
        field({
          name: 'deadline',
          labelText: t('sub.deadline'),
          type: 'date',
          value: c.deadline,
          help: t('sub.deadlineHelp'),
        }),
        field({
          name: 'riskLevel',
          labelText: t('sub.riskLevel'),
          type: 'select',
          value: c.riskLevel,
          options: enumOptions('SubmissionRisk', ['LOW', 'MEDIUM', 'HIGH']),
          help: t('sub.riskHelp'),
        }),
      ),
      h(
        'fieldset',
        { class: 'field', 'data-wrap': 'coSigners' },
        h('legend', null, t('sub.coSigners')),
        h('p', { class: 'help' }, t('sub.coSignersHelp')),
        coSigners,
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            id: 'add-cosigner',
            onclick: () => {
              const all = readCoSigners();
              all.push({ organisation: '', description: '' });
              renderCoSigners(all);
            },
          },
          t('sub.addCoSigner'),
        ),
        h('p', { class: 'field-error' }),
      ),
      h(
        'fieldset',
        { class: 'field', 'data-wrap': 'sections' },
        h('legend', null, t('sub.sections')),
        sections,
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            id: 'add-section',
            onclick: () => {
              const list = readSections();
              list.push({ heading: '', text: '' });
              renderSections(list);
              sections.lastChild.querySelector('input').focus();
            },
          },
          t('sub.addSection'),
        ),
        h('p', { class: 'field-error' }),
      ),
      h(
        'div',
        { class: 'grid-2' },
        h(
          'fieldset',
          { class: 'field', 'data-wrap': 'caseIds' },
          h('legend', null, t('sub.cases')),
          h('p', { class: 'help' }, t('sub.casesHelp')),
          cases.list,
          h('label', { for: 'case-lookup' }, t('sub.findCase')),
          cases.input,
          cases.matches,
          h('p', { class: 'field-error' }),
        ),
        h(
          'fieldset',
          { class: 'field', 'data-wrap': 'recommendationIds' },
          h('legend', null, t('sub.recommendations')),
          recs.list,
          h('label', { for: 'rec-lookup' }, t('sub.findRecommendation')),
          recs.input,
          recs.matches,
          h('p', { class: 'field-error' }),
        ),
      ),
      h(
        'fieldset',
        { class: 'field', 'data-wrap': 'proposedRecommendations' },
        h('legend', null, t('sub.proposed')),
        proposals,
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              const list = readProposals();
              list.push('');
              renderProposals(list);
              proposals.lastChild.querySelector('textarea').focus();
            },
          },
          t('sub.addProposal'),
        ),
        h('p', { class: 'field-error' }),
      ),
      h(
        'div',
        { class: 'actions sticky' },
        h('button', { type: 'submit', id: 'save-submission' }, t('common.save')),
        id
          ? h(
              'button',
              {
                type: 'button',
                id: 'submit-submission',
                class: 'primary-alt',
                onclick: () => submitForReview(),
              },
              sub.status === 'RETURNED' ? t('sub.resubmit') : t('sub.submit'),
            )
          : null,
        h('a', { href: '#/submissions', class: 'button secondary' }, t('common.cancel')),
      ),
    );
    form.addEventListener('input', live);

    function draftView() {
      const type = valueOf(form, 'type');
      return {
        type,
        target: valueOf(form, 'target'),
        content: {
          title: valueOf(form, 'title') || '',
          language: valueOf(form, 'language'),
          deadline: valueOf(form, 'deadline'),
          riskLevel: valueOf(form, 'riskLevel'),
          coSigners: readCoSigners(),
          sections: readSections(),
          caseIds: [...caseChosen.keys()],
          recommendationIds: [...recChosen.keys()],
          proposedRecommendations: readProposals(),
        },
      };
    }

    async function save() {
      const draft = draftView();
      const body = {
        type: draft.type,
        target: draft.target,
        ...draft.content,
        title: draft.content.title || null,
      };
      const result = id
        ? await api('PUT', `/api/submissions/${id}`, { body, etag })
        : await api('POST', '/api/submissions', { body });
      sub = result.data;
      etag = result.etag;
      return result;
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      try {
        await save();
        announce(t('sub.saved', { n: sub.revision }));
        if (!id) {
          go(`/submissions/${sub.id}`);
          return;
        }
        page.replaceChild(header(), page.firstChild);
      } catch (error) {
        showErrors(form, error);
      }
    });

    async function submitForReview() {
      clearErrors(form);
      try {
        await save();
        const result = await api('POST', `/api/submissions/${id}/submit`, { etag });
        announce(t('sub.submitted', { status: label('SubmissionStatus', result.data.status) }));
        go(`/submissions/${id}`);
      } catch (error) {
        showErrors(form, error);
      }
    }

    renderCoSigners(c.coSigners.length || sub.type !== 'UPR_JOINT' ? c.coSigners : []);
    renderSections(c.sections.length ? c.sections : [{ heading: '', text: '' }]);
    renderProposals(c.proposedRecommendations);
    return { form, draftView };
  }

  append(page, header());
  if (!editable && id)
    append(
      page,
      h(
        'p',
        { class: 'alert' },
        t('sub.readOnly', { status: label('SubmissionStatus', sub.status) }),
      ),
    );
  append(page, tabBar, panel);
  showTab(current);
  return page;
}

function versionsPanel(id, latest) {
  const box = h('div', null, loading());
  (async () => {
    try {
      const versions = await get(`/api/submissions/${id}/versions`);
      const from = h(
        'select',
        { id: 'diff-from', 'aria-label': t('sub.compareFrom') },
        versions.map((v) =>
          h(
            'option',
            { value: v.revision, selected: v.revision === Math.max(1, latest - 1) },
            `r${v.revision}`,
          ),
        ),
      );
      const to = h(
        'select',
        { id: 'diff-to', 'aria-label': t('sub.compareTo') },
        versions.map((v) =>
          h('option', { value: v.revision, selected: v.revision === latest }, `r${v.revision}`),
        ),
      );
      const result = h('div', { id: 'diff-result', 'aria-live': 'polite' });
      const compare = async () => {
        append(clear(result), loading());
        try {
          append(
            clear(result),
            diffView(await get(`/api/submissions/${id}/versions/${from.value}/diff/${to.value}`)),
          );
        } catch (error) {
          append(clear(result), errorBox(error));
        }
      };
      append(
        clear(box),
        h(
          'table',
          { class: 'list compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [t('sub.revision'), t('sub.savedBy'), t('sub.savedAt'), t('sub.words')].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            versions.map((v) =>
              h(
                'tr',
                null,
                h('td', null, `r${v.revision}`),
                h('td', null, v.savedBy),
                h('td', null, formatDate(v.savedAt)),
                h('td', null, formatNumber(v.words)),
              ),
            ),
          ),
        ),
        h(
          'div',
          { class: 'compare' },
          h('label', { for: 'diff-from' }, t('sub.compareFrom')),
          from,
          h('label', { for: 'diff-to' }, t('sub.compareTo')),
          to,
          h('button', { type: 'button', id: 'compare', onclick: compare }, t('sub.compare')),
        ),
        result,
      );
      if (versions.length > 1) compare();
    } catch (error) {
      append(clear(box), errorBox(error));
    }
  })();
  return box;
}

function diffView(diff) {
  const fieldRows = diff.fields.map((f) =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, t(`sub.field.${f.field}`)),
      h('td', { class: 'before' }, show(f.before)),
      h('td', { class: 'after' }, show(f.after)),
    ),
  );
  return h(
    'div',
    { class: 'diff' },
    h('h3', null, t('sub.diffTitle', { a: diff.from, b: diff.to })),
    fieldRows.length
      ? h(
          'table',
          { class: 'list compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, t('sub.field')),
              h('th', null, `r${diff.from}`),
              h('th', null, `r${diff.to}`),
            ),
          ),
          h('tbody', null, fieldRows),
        )
      : null,
    diff.sections.map((s) =>
      h(
        'div',
        { class: `diff-section diff-${s.change.toLowerCase()}` },
        h('h4', null, s.heading, ' ', h('span', { class: 'badge' }, t(`sub.change.${s.change}`))),
        s.change === 'CHANGED'
          ? wordDiff(s.before || '', s.after || '')
          : s.change === 'ADDED'
            ? h('p', { class: 'after' }, s.after)
            : s.change === 'REMOVED'
              ? h('p', { class: 'before' }, s.before)
              : null,
      ),
    ),
  );
}

function show(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value))
    return (
      value
        .map((v) =>
          typeof v === 'object'
            ? `${v.organisation || ''}${v.description ? `: ${v.description}` : ''}`
            : v,
        )
        .join(', ') || '—'
    );
  return String(value);
}

/** Word-level comparison (longest common subsequence) of a rewritten section. */
function wordDiff(a, b) {
  const x = a.split(/(\s+)/);
  const y = b.split(/(\s+)/);
  if (x.length * y.length > 4_000_000)
    return h(
      'div',
      { class: 'grid-2' },
      h('p', { class: 'before' }, a),
      h('p', { class: 'after' }, b),
    );
  const m = x.length;
  const n = y.length;
  const lcs = Array.from({ length: m + 1 }, () => new Uint16Array(n + 1));
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = h('p', { class: 'word-diff' });
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && x[i] === y[j]) {
      append(out, x[i]);
      i++;
      j++;
    } else if (j < n && (i === m || lcs[i][j + 1] >= lcs[i + 1][j])) {
      append(out, h('ins', null, y[j]));
      j++;
    } else {
      append(out, h('del', null, x[i]));
      i++;
    }
  }
  return out;
}

function dispatchPanel(id) {
  const box = h('div', null, loading());
  get(`/api/submissions/${id}/dispatches`)
    .then((list) => {
      append(
        clear(box),
        h(
          'table',
          { class: 'list', id: 'dispatches' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [
                t('sub.revision'),
                t('dispatch.file'),
                t('dispatch.recipient'),
                t('dispatch.sentAt'),
                'SHA-256',
                'Message-ID',
              ].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            list.length
              ? list.map((d) =>
                  h(
                    'tr',
                    null,
                    h('td', null, `r${d.revision}`),
                    h(
                      'td',
                      null,
                      h(
                        'a',
                        {
                          href: `/api/submissions/${id}/dispatches/${d.revision}/document`,
                          download: d.fileName,
                        },
                        d.fileName,
                      ),
                    ),
                    h('td', null, d.recipient),
                    h('td', null, d.sent ? formatDate(d.sentAt) : t('dispatch.pending')),
                    h('td', { class: 'mono small' }, `${d.sha256.slice(0, 16)}…`),
                    h('td', { class: 'mono small' }, d.messageId),
                  ),
                )
              : emptyRow(6, t('dispatch.none')),
          ),
        ),
      );
    })
    .catch((error) => append(clear(box), errorBox(error)));
  return box;
}

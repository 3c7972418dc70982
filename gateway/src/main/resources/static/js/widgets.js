// Building blocks shared by the screens: labelled fields, API field errors, badges, states, the
// pager, the person fields, a submission's document, deadline and history. Views take what they
// share from here, never from each other.
import { append, h, nextId, clear } from './dom.js';
import { t, plural, label, formatDate, formatNumber } from './i18n.js';
import { ApiError, api, get } from './api.js';

/**
 * A labelled form control. `name` is the API's field path, so a 400 problem naming that path puts
 * its message right under the control.
 */
export function field({
  name,
  labelText,
  type = 'text',
  value,
  options,
  required,
  help,
  attrs,
  multiple,
}) {
  const id = nextId(name.replace(/[^a-zA-Z0-9]/g, '-'));
  const errorId = `${id}-error`;
  const helpId = help ? `${id}-help` : null;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ');
  let control;
  const common = {
    id,
    name,
    'data-field': name,
    'aria-describedby': describedBy,
    required: required || null,
    ...(attrs || {}),
  };
  if (type === 'select') {
    control = h(
      'select',
      { ...common, multiple: multiple || null },
      (options || []).map((o) =>
        h(
          'option',
          {
            value: o.value,
            selected: multiple
              ? (value || []).includes(o.value)
              : String(o.value) === String(value ?? ''),
          },
          o.label,
        ),
      ),
    );
  } else if (type === 'textarea') {
    control = h('textarea', { ...common, rows: (attrs && attrs.rows) || 4 });
    control.value = value ?? '';
  } else if (type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(value) });
    return h(
      'div',
      { class: 'field field-check', 'data-wrap': name },
      control,
      h('label', { for: id }, labelText),
      help ? h('p', { id: helpId, class: 'help' }, help) : null,
      h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' }),
    );
  } else {
    control = h('input', { ...common, type, value: value ?? '' });
  }
  return h(
    'div',
    { class: 'field', 'data-wrap': name },
    h(
      'label',
      { for: id },
      labelText,
      required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    ),
    control,
    help ? h('p', { id: helpId, class: 'help' }, help) : null,
    h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' }),
  );
}

export function enumOptions(kind, values, { empty } = {}) {
  const options = values.map((v) => ({ value: v, label: label(kind, v) }));
  return empty === undefined ? options : [{ value: '', label: empty }, ...options];
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => {
    p.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field.has-error').forEach((el) => el.classList.remove('has-error'));
  const summary = form.querySelector('.form-errors');
  if (summary) clear(summary);
}

/**
 * Shows a failed request on its form: each named field's message beside the field (the exact path,
 * else its list, e.g. "sections[1].heading" then "sections"), the rest in the form's summary.
 */
export function showErrors(form, error) {
  clearErrors(form);
  const summary =
    form.querySelector('.form-errors') ||
    form.insertBefore(h('div', { class: 'form-errors', role: 'alert' }), form.firstChild);
  const rest = [];
  let first = null;
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  for (const { field: path, message } of fields) {
    const candidates = [
      path,
      path.replace(/\.[^.[\]]+$/, ''),
      path.replace(/\[\d+\].*$/, ''),
      path.split(/[.[]/)[0],
    ];
    let wrap = null;
    for (const c of candidates) {
      wrap = form.querySelector(`[data-wrap="${CSS.escape(c)}"]`);
      if (wrap) break;
    }
    if (wrap) {
      const p = wrap.querySelector(':scope > .field-error');
      p.textContent = p.textContent ? `${p.textContent}; ${message}` : c0(path, wrap) + message;
      wrap.classList.add('has-error');
      const control = wrap.querySelector('input, select, textarea');
      if (control) control.setAttribute('aria-invalid', 'true');
      first = first || control;
    } else {
      rest.push(`${path}: ${message}`);
    }
  }
  append(summary, h('p', null, problemText(error)));
  if (rest.length)
    append(
      summary,
      h(
        'ul',
        null,
        rest.map((r) => h('li', null, r)),
      ),
    );
  (first || summary).focus?.();
}

function c0(path, wrap) {
  // A message for one item of a list field says which item.
  return wrap.getAttribute('data-wrap') !== path && /\[\d+\]/.test(path) ? `${path}: ` : '';
}

export function problemText(error) {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.status) {
    case 0:
      return t('error.network');
    case 400:
      return error.fieldErrors.length ? t('error.fields') : error.problem.detail || t('error.bad');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return error.problem.detail || t('error.conflict');
    case 412:
      return t('error.stale');
    case 413:
      return t('error.tooLarge');
    case 428:
      return t('error.stale');
    case 429:
      return t('error.rateLimited');
    case 503:
      return t('error.unavailable');
    default:
      return error.problem.detail || t('error.unexpected');
  }
}

export function errorBox(error) {
  return h('div', { class: 'alert alert-error', role: 'alert' }, problemText(error));
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}

const VISIBILITY_ICON = { ORGANISATION: '■', COALITION: '◆', PUBLIC: '●' };

export function visibilityBadge(visibility, { long } = {}) {
  return h(
    'span',
    {
      class: `badge vis vis-${(visibility || '').toLowerCase()}`,
      title: t(`visibility.help.${visibility}`),
    },
    h('span', { 'aria-hidden': 'true' }, `${VISIBILITY_ICON[visibility] || ''} `),
    label('Visibility', visibility),
    long ? h('span', { class: 'vis-help' }, ` — ${t(`visibility.help.${visibility}`)}`) : null,
  );
}

export function statusBadge(kind, value) {
  return h(
    'span',
    { class: `badge status status-${String(value || '').toLowerCase()}` },
    label(kind, value),
  );
}

export function consentChips(consent) {
  return h(
    'span',
    { class: 'consent' },
    ['UN', 'EU', 'PUBLIC'].map((channel) => {
      const granted = consent && consent[channel];
      return h(
        'span',
        {
          class: `chip ${granted ? 'chip-yes' : 'chip-no'}`,
          title: t(granted ? 'consent.granted' : 'consent.missing'),
        },
        h('span', { 'aria-hidden': 'true' }, granted ? '✓ ' : '✗ '),
        label('Channel', channel),
        h('span', { class: 'sr-only' }, `: ${t(granted ? 'consent.granted' : 'consent.missing')}`),
      );
    }),
  );
}

export function section(title, ...content) {
  const id = nextId('sec');
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

export function emptyRow(colspan, text) {
  return h('tr', null, h('td', { colspan, class: 'empty' }, text || t('common.none')));
}

/** A polite status line for results of actions (screen readers hear it too). */
export function announce(text, kind = 'ok') {
  const region = document.getElementById('announcer');
  clear(region);
  region.className = `toast toast-${kind}`;
  append(region, text);
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => {
    clear(region);
    region.className = 'toast';
  }, 6000);
}

export function formErrorsBox() {
  return h('div', { class: 'form-errors', role: 'alert', tabindex: '-1' });
}

export function valueOf(form, name) {
  const el = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!el) return undefined;
  if (el.type === 'checkbox') return el.checked;
  if (el.multiple) return Array.from(el.selectedOptions).map((o) => o.value);
  const v = el.value.trim();
  return v === '' ? null : v;
}

export function intOrNull(v) {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

export const VISIBILITY = ['ORGANISATION', 'COALITION', 'PUBLIC'];

export function pager(page, onPage) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('common.pages') },
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        disabled: page.page <= 0,
        onclick: () => onPage(page.page - 1),
      },
      `← ${t('common.previous')}`,
    ),
    h(
      'span',
      null,
      t('common.pageOf', { page: page.page + 1, pages, total: formatNumber(page.total) }),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        disabled: page.page + 1 >= pages,
        onclick: () => onPage(page.page + 1),
      },
      `${t('common.next')} →`,
    ),
  );
}

export function personFields(p) {
  return h(
    'div',
    null,
    h(
      'div',
      { class: 'form-grid' },
      field({
        name: 'originalName',
        labelText: t('person.originalName'),
        required: true,
        value: p?.originalName,
        help: t('person.originalNameHelp'),
      }),
      field({
        name: 'spellings',
        labelText: t('person.spellings'),
        value: (p?.spellings || []).join(', '),
        help: t('person.spellingsHelp'),
      }),
      field({
        name: 'pseudonym',
        labelText: t('person.pseudonym'),
        required: true,
        value: p?.pseudonym,
        help: t('person.pseudonymHelp'),
      }),
      field({
        name: 'birthYear',
        labelText: t('person.birthYear'),
        type: 'number',
        value: p?.birthYear,
        attrs: { min: 1900, max: 2100 },
      }),
      field({
        name: 'gender',
        labelText: t('person.gender'),
        type: 'select',
        value: p?.gender,
        options: enumOptions('Gender', ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'], { empty: '—' }),
      }),
      field({
        name: 'occupation',
        labelText: t('person.occupation'),
        type: 'select',
        value: p?.occupation,
        options: enumOptions(
          'Occupation',
          [
            'ACTIVIST',
            'JOURNALIST',
            'BLOGGER',
            'LAWYER',
            'HUMAN_RIGHTS_DEFENDER',
            'PROTESTER',
            'POLITICIAN',
          ],
          { empty: '—' },
        ),
      }),
      field({ name: 'region', labelText: t('person.region'), value: p?.region }),
      field({
        name: 'visibility',
        labelText: t('case.visibility'),
        type: 'select',
        required: true,
        value: p?.visibility || 'ORGANISATION',
        options: enumOptions('Visibility', VISIBILITY),
        help: t('person.visibilityHelp'),
      }),
    ),
    field({
      name: 'contact',
      labelText: t('person.contact'),
      type: 'textarea',
      value: p?.contact,
      help: t('person.contactHelp'),
      attrs: { rows: 2 },
    }),
    p
      ? null
      : h(
          'fieldset',
          { class: 'field' },
          h('legend', null, t('person.consentNow')),
          h('p', { class: 'help' }, t('person.consentHelp')),
          h(
            'div',
            { class: 'checks' },
            ['UN', 'EU', 'PUBLIC'].map((c) =>
              field({ name: `consent.${c}`, labelText: label('Channel', c), type: 'checkbox' }),
            ),
          ),
        ),
  );
}

export function personBody(form) {
  const spellings = (valueOf(form, 'spellings') || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    originalName: valueOf(form, 'originalName'),
    spellings,
    pseudonym: valueOf(form, 'pseudonym'),
    birthYear: intOrNull(valueOf(form, 'birthYear')),
    gender: valueOf(form, 'gender'),
    occupation: valueOf(form, 'occupation'),
    region: valueOf(form, 'region'),
    contact: valueOf(form, 'contact'),
    visibility: valueOf(form, 'visibility'),
  };
}

export async function createPerson(form) {
  const created = (await api('POST', '/api/persons', { body: personBody(form) })).data;
  const today = new Date().toISOString().slice(0, 10);
  for (const channel of ['UN', 'EU', 'PUBLIC']) {
    if (valueOf(form, `consent.${channel}`)) {
      await api('POST', `/api/persons/${created.id}/consents`, {
        body: { channel, granted: true, date: today },
      });
    }
  }
  return created;
}

export const TYPES = {
  UPR_INDIVIDUAL: { limit: 2815, targets: ['OHCHR_UPR'] },
  UPR_JOINT: { limit: 5630, targets: ['OHCHR_UPR'] },
  SPECIAL_PROCEDURES_URGENT_APPEAL: { limit: null, targets: ['OHCHR_SPECIAL_PROCEDURES'] },
  SPECIAL_PROCEDURES_ALLEGATION_LETTER: { limit: null, targets: ['OHCHR_SPECIAL_PROCEDURES'] },
  WGAD_INDIVIDUAL_COMPLAINT: { limit: null, targets: ['UN_WGAD'] },
  EU_BRIEFING: { limit: null, targets: ['EUROPEAN_PARLIAMENT', 'EU_INSTITUTIONS'] },
};

export function deadlineText(deadline) {
  if (!deadline) return '—';
  const days = Math.ceil((new Date(`${deadline}T23:59:59Z`) - new Date()) / 86400000);
  return h(
    'span',
    { class: days < 0 ? 'overdue' : days <= 14 ? 'soon' : '' },
    formatDate(deadline),
    ' ',
    h(
      'span',
      { class: 'small muted' },
      days < 0 ? t('sub.deadlinePassed') : plural('sub.daysLeft', days),
    ),
  );
}

/** The outgoing document as the target will read it: cover, numbered paragraphs, proposals. */
export function renderDocument(sub) {
  const c = sub.content;
  let n = 0;
  const paragraphs = (text) =>
    String(text || '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        n += 1;
        return h('p', { class: 'numbered' }, h('span', { class: 'pno' }, `${n}.`), ' ', p);
      });
  return h(
    'article',
    { class: 'document', id: 'document-preview', lang: c.language || 'en' },
    h(
      'header',
      { class: 'cover' },
      h(
        'p',
        { class: 'kind' },
        label('SubmissionType', sub.type),
        ' · ',
        label('Target', sub.target || TYPES[sub.type]?.targets[0]),
      ),
      h('h2', null, c.title || t('sub.untitled')),
      h('p', null, h('strong', null, t('sub.submittedBy'))),
      h(
        'ul',
        { class: 'orgs' },
        h(
          'li',
          null,
          h('strong', null, t(`org.${sub.leadOrganisation}`)),
          ` (${t('sub.leadShort')})`,
        ),
        (c.coSigners || []).map((co) =>
          h(
            'li',
            null,
            h('strong', null, t(`org.${co.organisation}`)),
            co.description ? ` — ${co.description}` : '',
          ),
        ),
      ),
      c.deadline
        ? h('p', { class: 'small' }, `${t('sub.deadline')}: ${formatDate(c.deadline)}`)
        : null,
    ),
    (c.sections || []).map((s) => h('section', null, h('h3', null, s.heading), paragraphs(s.text))),
    (c.proposedRecommendations || []).length
      ? h(
          'section',
          null,
          h('h3', null, t('sub.proposed')),
          c.proposedRecommendations.map((p) => {
            n += 1;
            return h('p', { class: 'numbered' }, h('span', { class: 'pno' }, `${n}.`), ' ', p);
          }),
        )
      : null,
    h('p', { class: 'help' }, t('sub.previewNote')),
  );
}

export function historyPanel(id) {
  const box = h('div', { class: 'grid-2' }, loading());
  (async () => {
    try {
      const [history, comments] = await Promise.all([
        get(`/api/submissions/${id}/history`),
        get(`/api/submissions/${id}/comments`),
      ]);
      const commentList = h('ul', { class: 'comments', id: 'comments' });
      const renderComments = (list) =>
        append(
          clear(commentList),
          list.length
            ? list.map((c) =>
                h(
                  'li',
                  null,
                  h(
                    'p',
                    { class: 'small muted' },
                    `${c.author} (${t(`org.${c.authorOrganisation}`)}) · r${c.revision} · ${formatDate(c.createdAt)}`,
                  ),
                  h('p', null, c.body),
                ),
              )
            : h('li', { class: 'muted' }, t('common.none')),
        );
      renderComments(comments);
      const form = h(
        'form',
        { novalidate: true },
        formErrorsBox(),
        field({
          name: 'body',
          labelText: t('sub.addComment'),
          type: 'textarea',
          attrs: { rows: 3 },
        }),
        h('button', { type: 'submit' }, t('sub.postComment')),
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        try {
          await api('POST', `/api/submissions/${id}/comments`, {
            body: { body: valueOf(form, 'body') },
          });
          form.reset();
          renderComments(await get(`/api/submissions/${id}/comments`));
        } catch (error) {
          showErrors(form, error);
        }
      });
      append(
        clear(box),
        section(
          t('sub.history'),
          h(
            'ol',
            { class: 'history', id: 'submission-history' },
            history.map((e) =>
              h(
                'li',
                null,
                h('time', null, formatDate(e.at)),
                ' ',
                h(
                  'strong',
                  null,
                  t(`history.action.${e.action}`) !== `history.action.${e.action}`
                    ? t(`history.action.${e.action}`)
                    : e.action,
                ),
                e.actor
                  ? ` — ${e.actor}${e.actorOrganisation ? ` (${t(`org.${e.actorOrganisation}`)})` : ''}`
                  : '',
                e.revision ? ` · r${e.revision}` : '',
                e.detail ? h('div', { class: 'small muted' }, e.detail) : null,
              ),
            ),
          ),
        ),
        section(t('sub.comments'), commentList, form),
      );
    } catch (error) {
      append(clear(box), errorBox(error));
    }
  })();
  return box;
}

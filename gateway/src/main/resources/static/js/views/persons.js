import { append, h, clear } from '../dom.js';
import { api, get } from '../api.js';
import { t, label, formatDate } from '../i18n.js';
import {
  section,
  visibilityBadge,
  consentChips,
  showErrors,
  announce,
  formErrorsBox,
  field,
  enumOptions,
  valueOf,
  emptyRow,
  statusBadge,
  personFields,
  personBody,
  createPerson,
} from '../widgets.js';
import { go, session } from '../router.js';

export async function personPage(id) {
  const response = await api('GET', `/api/persons/${id}`);
  let person = response.data;
  const page = h('div', { class: 'page' });
  const canEdit = person.ownerOrg === session.me.organisation;
  const cases = await get('/api/cases', { personId: id, size: 50 }).catch(() => ({ items: [] }));

  const render = () => {
    append(
      clear(page),
      h(
        'div',
        { class: 'page-head' },
        h(
          'div',
          null,
          h('p', { class: 'eyebrow' }, t('person.title'), ' · ', t(`org.${person.ownerOrg}`)),
          h('h1', null, person.originalName),
        ),
        canEdit
          ? h('a', { href: `#/persons/${id}/edit`, class: 'button' }, t('common.edit'))
          : null,
      ),
      h(
        'div',
        { class: `visibility-banner vis-${person.visibility.toLowerCase()}` },
        visibilityBadge(person.visibility, { long: true }),
      ),
      h(
        'dl',
        { class: 'facts' },
        fact(t('person.spellings'), (person.spellings || []).join(', ') || '—'),
        fact(t('person.pseudonym'), person.pseudonym),
        fact(t('person.birthYear'), person.birthYear || '—'),
        fact(t('person.gender'), label('Gender', person.gender)),
        fact(t('person.occupation'), label('Occupation', person.occupation)),
        fact(t('person.region'), person.region || '—'),
        person.contact ? fact(t('person.contact'), person.contact) : null,
      ),
      section(
        t('person.consent'),
        h('p', null, consentChips(person.consent)),
        h('p', { class: 'help' }, t('person.consentExplained')),
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
                t('consent.channel'),
                t('consent.decision'),
                t('consent.date'),
                t('consent.recordedBy'),
              ].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            (person.consentHistory || []).length
              ? person.consentHistory.map((c) =>
                  h(
                    'tr',
                    null,
                    h('td', null, label('Channel', c.channel)),
                    h('td', null, t(c.granted ? 'consent.granted' : 'consent.withdrawn')),
                    h('td', null, formatDate(c.date)),
                    h('td', null, c.recordedBy || '—'),
                  ),
                )
              : emptyRow(4),
          ),
        ),
        canEdit ? consentForm() : null,
      ),
      section(
        t('person.cases'),
        h(
          'ul',
          null,
          cases.items.length
            ? cases.items.map((c) =>
                h(
                  'li',
                  null,
                  h('a', { href: `#/cases/${c.id}` }, `${c.reference} — ${c.title}`),
                  ' ',
                  statusBadge('Status', c.status),
                ),
              )
            : h('li', { class: 'muted' }, t('common.none')),
        ),
      ),
    );
  };

  const consentForm = () => {
    const form = h(
      'form',
      { class: 'inline-form', novalidate: true },
      formErrorsBox(),
      h(
        'div',
        { class: 'form-grid' },
        field({
          name: 'channel',
          labelText: t('consent.channel'),
          type: 'select',
          options: enumOptions('Channel', ['UN', 'EU', 'PUBLIC']),
        }),
        field({
          name: 'granted',
          labelText: t('consent.decision'),
          type: 'select',
          options: [
            { value: 'true', label: t('consent.grant') },
            { value: 'false', label: t('consent.withdraw') },
          ],
        }),
        field({
          name: 'date',
          labelText: t('consent.date'),
          type: 'date',
          value: new Date().toISOString().slice(0, 10),
        }),
      ),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('consent.record'))),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        person = (
          await api('POST', `/api/persons/${id}/consents`, {
            body: {
              channel: valueOf(form, 'channel'),
              granted: valueOf(form, 'granted') === 'true',
              date: valueOf(form, 'date'),
            },
          })
        ).data;
        announce(t('common.saved'));
        render();
      } catch (error) {
        showErrors(form, error);
      }
    });
    return h('details', { class: 'add' }, h('summary', null, t('consent.record')), form);
  };
  render();
  return page;
}

function fact(term, value) {
  return [h('dt', null, term), h('dd', null, value)];
}

export async function personEditor(id) {
  let person = null;
  let etag = null;
  if (id) {
    const response = await api('GET', `/api/persons/${id}`);
    person = response.data;
    etag = response.etag;
  }
  const form = h(
    'form',
    { class: 'editor', id: 'person-form', novalidate: true },
    formErrorsBox(),
    personFields(person),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, t('common.save')),
      h(
        'a',
        { class: 'button secondary', href: id ? `#/persons/${id}` : '#/cases' },
        t('common.cancel'),
      ),
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const saved = id
        ? (await api('PUT', `/api/persons/${id}`, { body: personBody(form), etag })).data
        : await createPerson(form);
      announce(t('common.saved'));
      go(`/persons/${saved.id}`);
    } catch (error) {
      showErrors(form, error);
    }
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', null, id ? person.originalName : t('person.new')),
    form,
  );
}

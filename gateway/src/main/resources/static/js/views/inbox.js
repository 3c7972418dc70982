import { append, h, clear } from '../dom.js';
import { api, get } from '../api.js';
import { t, label, formatDate } from '../i18n.js';
import {
  showErrors,
  clearErrors,
  statusBadge,
  announce,
  formErrorsBox,
  emptyRow,
  field,
  valueOf,
  renderDocument,
  deadlineText,
  historyPanel,
} from '../widgets.js';
import { go, session } from '../router.js';

export async function inbox() {
  const tasks = await get('/api/tasks');
  return h(
    'div',
    { class: 'page' },
    h('h1', null, t('inbox.title')),
    h('p', { class: 'lead' }, t('inbox.lead')),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'list', id: 'task-list' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            [
              t('inbox.task'),
              t('sub.title'),
              t('sub.type'),
              t('sub.deadline'),
              t('inbox.assignee'),
              t('inbox.since'),
            ].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          null,
          tasks.length
            ? tasks.map((task) =>
                h(
                  'tr',
                  null,
                  h(
                    'td',
                    null,
                    h('a', { href: `#/inbox/${encodeURIComponent(task.id)}` }, taskName(task)),
                  ),
                  h('td', null, task.submissionTitle),
                  h('td', null, label('SubmissionType', task.submissionType)),
                  h('td', null, deadlineText(task.deadline)),
                  h(
                    'td',
                    null,
                    task.assignee || h('span', { class: 'muted' }, t('inbox.unclaimed')),
                  ),
                  h('td', null, formatDate(task.createdAt)),
                ),
              )
            : emptyRow(6, t('inbox.empty')),
        ),
      ),
    ),
  );
}

function taskName(task) {
  const known = t(`task.${task.taskKey}`);
  const name = known === `task.${task.taskKey}` ? task.name : known;
  return task.organisation ? `${name} (${t(`org.${task.organisation}`)})` : name;
}

/** The outgoing rendering: the pseudonymised text, and the file with the SHA-256 an approval records. */
function renderOutgoing(task, r) {
  return h(
    'article',
    { class: 'document', id: 'document-preview', 'data-rendering': 'outgoing' },
    h(
      'header',
      { class: 'cover' },
      h('p', { class: 'kind' }, r.kind),
      h('h2', null, r.title),
      h('p', null, h('strong', null, t('sub.submittedBy'))),
      h(
        'ul',
        { class: 'orgs' },
        r.submittedBy.map((line) => h('li', null, line)),
      ),
    ),
    r.blocks.map((b) =>
      b.number === null || b.number === undefined
        ? h('h3', null, b.text)
        : h('p', { class: 'numbered' }, h('span', { class: 'pno' }, `${b.number}.`), ' ', b.text),
    ),
    h(
      'p',
      { class: 'help' },
      t('inbox.outgoingNote'),
      ' ',
      h('a', { href: `/api/tasks/${encodeURIComponent(task.id)}/rendering/document` }, r.fileName),
      ` · SHA-256 ${r.sha256}`,
    ),
  );
}

export async function taskPage(taskId) {
  const tasks = await get('/api/tasks');
  let task = tasks.find((x) => x.id === taskId);
  if (!task) {
    return h(
      'div',
      { class: 'page' },
      h('h1', null, t('inbox.title')),
      h('p', { class: 'alert' }, t('inbox.gone')),
      h('a', { href: '#/inbox' }, t('inbox.back')),
    );
  }
  const sub = (await api('GET', `/api/submissions/${task.submissionId}`)).data;
  // What an approval or sign-off approves; the draft itself if it cannot be rendered now.
  const outgoing = await api('GET', `/api/tasks/${encodeURIComponent(task.id)}/rendering`).then(
    (r) => r.data,
    () => null,
  );
  const side = h('div', { class: 'review-side' });
  const renderSide = () => {
    const mine = task.assignee === session.me.username;
    const form = h(
      'form',
      { class: 'review-form', id: 'review-form', novalidate: true },
      formErrorsBox(),
      h(
        'fieldset',
        { class: 'field', 'data-wrap': 'decision' },
        h('legend', null, t('inbox.decision')),
        task.decisions.map((d, i) =>
          h(
            'label',
            { class: `radio-card decision-${d.toLowerCase()}` },
            h('input', { type: 'radio', name: 'decision', value: d, checked: i === 0 }),
            ' ',
            t(`decision.${d}`),
          ),
        ),
        h('p', { class: 'field-error' }),
      ),
      field({
        name: 'comment',
        labelText: t('inbox.comment'),
        type: 'textarea',
        attrs: { rows: 5 },
        help: t('inbox.commentHelp'),
      }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', id: 'complete-task' }, t('inbox.complete')),
      ),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const decision = (form.querySelector('input[name=decision]:checked') || {}).value;
      try {
        const result = await api('POST', `/api/tasks/${encodeURIComponent(task.id)}/complete`, {
          body: { decision, comment: valueOf(form, 'comment') },
        });
        announce(t('inbox.done', { status: label('SubmissionStatus', result.data.status) }));
        go('/inbox');
      } catch (error) {
        showErrors(form, error);
      }
    });
    append(
      clear(side),
      h('h2', null, taskName(task)),
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, t('sub.status')),
        h('dd', null, statusBadge('SubmissionStatus', sub.status)),
        h('dt', null, t('sub.lead')),
        h('dd', null, t(`org.${sub.leadOrganisation}`)),
        h('dt', null, t('sub.deadline')),
        h('dd', null, deadlineText(sub.content.deadline)),
        h('dt', null, t('sub.words')),
        h('dd', null, sub.wordLimit ? `${sub.words} / ${sub.wordLimit}` : String(sub.words)),
        h('dt', null, t('inbox.assignee')),
        h('dd', null, task.assignee || t('inbox.unclaimed')),
      ),
      h(
        'div',
        { class: 'actions' },
        !task.assignee
          ? h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                id: 'claim-task',
                onclick: () => claim('claim'),
              },
              t('inbox.claim'),
            )
          : null,
        mine
          ? h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => claim('unclaim') },
              t('inbox.unclaim'),
            )
          : null,
        h(
          'a',
          { href: `#/submissions/${sub.id}`, class: 'button secondary' },
          t('inbox.openSubmission'),
        ),
      ),
      form,
    );
  };
  const claim = async (what) => {
    try {
      task = await (await api('POST', `/api/tasks/${encodeURIComponent(task.id)}/${what}`)).data;
      announce(t(`inbox.${what}Done`));
      renderSide();
    } catch (error) {
      announce(error.problem?.detail || error.message, 'error');
    }
  };
  renderSide();
  return h(
    'div',
    { class: 'page' },
    h('p', { class: 'eyebrow' }, h('a', { href: '#/inbox' }, `← ${t('inbox.back')}`)),
    h('h1', null, sub.content.title),
    h(
      'div',
      { class: 'review' },
      h(
        'div',
        { class: 'review-doc' },
        outgoing ? renderOutgoing(task, outgoing) : renderDocument(sub),
      ),
      side,
    ),
    h('h2', null, t('inbox.before')),
    historyPanel(sub.id),
  );
}

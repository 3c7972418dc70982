// The shell: the screens by address, the navigation, who is signed in and the language switch.
// The router (router.js) owns navigation and the session; views import from there, never from here.
import { append, h, clear } from './dom.js';
import { api } from './api.js';
import { initI18n, t, language, languageName, languages, setLanguage } from './i18n.js';
import { errorBox } from './widgets.js';
import { has, readsContent, session, startRouter } from './router.js';
import { dashboard } from './views/dashboard.js';
import { caseList, casePage, caseEditor } from './views/cases.js';
import { personPage, personEditor } from './views/persons.js';
import { recommendationList } from './views/recommendations.js';
import { submissionList, submissionEditor } from './views/submissions.js';
import { inbox, taskPage } from './views/inbox.js';
import { searchPage } from './views/search.js';
import { adminPage } from './views/admin.js';

const routes = [
  [/^\/?$/, () => dashboard()],
  [/^\/cases$/, () => caseList()],
  [/^\/cases\/new$/, () => caseEditor(null)],
  [/^\/cases\/(\d+)$/, (m) => casePage(Number(m[1]))],
  [/^\/cases\/(\d+)\/edit$/, (m) => caseEditor(Number(m[1]))],
  [/^\/persons\/new$/, () => personEditor(null)],
  [/^\/persons\/(\d+)$/, (m) => personPage(Number(m[1]))],
  [/^\/persons\/(\d+)\/edit$/, (m) => personEditor(Number(m[1]))],
  [/^\/recommendations$/, () => recommendationList(null)],
  [/^\/recommendations\/(\d+)$/, (m) => recommendationList(Number(m[1]))],
  [/^\/submissions$/, () => submissionList()],
  [/^\/submissions\/new$/, () => submissionEditor(null)],
  [/^\/submissions\/([0-9a-f-]{36})$/, (m) => submissionEditor(m[1])],
  [/^\/inbox$/, () => inbox()],
  [/^\/inbox\/([^/]+)$/, (m) => taskPage(m[1])],
  [/^\/search$/, () => searchPage()],
  [/^\/admin$/, () => adminPage()],
];

function navigation() {
  const items = [['#/', t('nav.dashboard')]];
  if (readsContent()) {
    items.push(
      ['#/cases', t('nav.cases')],
      ['#/recommendations', t('nav.recommendations')],
      ['#/submissions', t('nav.submissions')],
      ['#/inbox', t('nav.inbox')],
      ['#/search', t('nav.search')],
    );
  }
  if (has('admin')) items.push(['#/admin', t('nav.admin')]);
  const nav = clear(document.getElementById('nav'));
  nav.setAttribute('aria-label', t('nav.label'));
  append(
    nav,
    h(
      'ul',
      null,
      items.map(([href, text]) => h('li', null, h('a', { href, 'data-nav': href }, text))),
    ),
  );
}

function account() {
  const me = session.me;
  const box = clear(document.getElementById('account'));
  const select = h(
    'select',
    { id: 'lang', 'aria-label': t('nav.language'), onchange: (e) => setLanguage(e.target.value) },
    languages().map((code) =>
      h('option', { value: code, lang: code, selected: code === language() }, languageName(code)),
    ),
  );
  // A real form POST: the gateway ends its session, then sends the browser to Keycloak's logout.
  const csrf = h('input', { type: 'hidden', name: '_csrf' });
  const signOut = h(
    'form',
    {
      method: 'post',
      action: '/logout',
      class: 'signout',
      onsubmit: () => {
        csrf.value = decodeURIComponent(
          (document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) || '=').split(
            '=',
          )[1],
        );
      },
    },
    csrf,
    h('button', { type: 'submit', class: 'link', id: 'sign-out' }, t('nav.signOut')),
  );
  append(
    box,
    h(
      'span',
      { class: 'who', id: 'who' },
      h('strong', null, me.name || me.username),
      me.organisation
        ? h('span', { class: 'org', title: t('me.organisation') }, t(`org.${me.organisation}`))
        : null,
      h('span', { class: 'roles' }, me.roles.map((r) => t(`role.${r}`)).join(', ')),
    ),
    select,
    signOut,
  );
}

async function start() {
  // Who signs in decides the language (each user's choice is remembered), so texts load after.
  try {
    session.me = (await api('GET', '/api/me')).data;
  } catch (error) {
    await initI18n(null);
    if (error.status !== 401) append(clear(document.getElementById('view')), errorBox(error));
    return;
  }
  await initI18n(session.me.username);
  document.querySelector('.skip').textContent = t('nav.skip');
  navigation();
  account();
  await startRouter(routes);
  document.body.setAttribute('data-ready', 'true');
}

start();

// The shell: who is signed in, the navigation, the language switch and a hash router.
// Record ids travel in the fragment, which browsers never send to a server or its logs.
import { h, clear } from './dom.js';
import { api } from './api.js';
import { initI18n, t, language, languages, setLanguage } from './i18n.js';
import { errorBox, loading } from './ui.js';
import { dashboard } from './views/dashboard.js';
import { caseList, casePage, caseEditor } from './views/cases.js';
import { personPage, personEditor } from './views/persons.js';
import { recommendationList } from './views/recommendations.js';
import { submissionList, submissionEditor } from './views/submissions.js';
import { inbox, taskPage } from './views/inbox.js';
import { searchPage } from './views/search.js';
import { adminPage } from './views/admin.js';

export const session = { me: null };

export function has(role) {
  return Boolean(session.me && session.me.roles.includes(role));
}

export function readsContent() {
  return has('partner') || has('coordinator');
}

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
    items.push(['#/cases', t('nav.cases')], ['#/recommendations', t('nav.recommendations')],
      ['#/submissions', t('nav.submissions')], ['#/inbox', t('nav.inbox')], ['#/search', t('nav.search')]);
  }
  if (has('admin')) items.push(['#/admin', t('nav.admin')]);
  const nav = clear(document.getElementById('nav'));
  nav.setAttribute('aria-label', t('nav.label'));
  nav.append(h('ul', null, items.map(([href, text]) => h('li', null, h('a', { href, 'data-nav': href }, text)))));
}

function account() {
  const me = session.me;
  const box = clear(document.getElementById('account'));
  const select = h('select', { id: 'lang', 'aria-label': t('nav.language'), onchange: (e) => setLanguage(e.target.value) },
    languages().map((code) => h('option', { value: code, selected: code === language() }, code.toUpperCase())));
  // A real form POST: the gateway ends its session, then sends the browser to Keycloak's logout.
  const csrf = h('input', { type: 'hidden', name: '_csrf' });
  const signOut = h('form', { method: 'post', action: '/logout', class: 'signout',
    onsubmit: () => { csrf.value = decodeURIComponent((document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1]); } },
  csrf, h('button', { type: 'submit', class: 'link', id: 'sign-out' }, t('nav.signOut')));
  box.append(
    h('span', { class: 'who', id: 'who' },
      h('strong', null, me.name || me.username),
      me.organisation ? h('span', { class: 'org', title: t('me.organisation') }, t(`org.${me.organisation}`)) : null,
      h('span', { class: 'roles' }, me.roles.map((r) => t(`role.${r}`)).join(', '))),
    select, signOut);
}

let renderCount = 0;
async function render() {
  const path = decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/';
  const view = document.getElementById('view');
  const count = ++renderCount;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    const href = a.getAttribute('data-nav').slice(1);
    const current = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  view.removeAttribute('data-rendered');
  clear(view).append(loading());
  const route = routes.find(([pattern]) => pattern.test(path));
  try {
    const content = route ? await route[1](path.match(route[0])) : h('p', null, t('error.notFound'));
    if (count !== renderCount) return;
    clear(view).append(content);
  } catch (error) {
    if (count !== renderCount) return;
    console.error(error);
    clear(view).append(errorBox(error));
  }
  // Tells scripts and browser tests which screen is on display once it has rendered.
  view.setAttribute('data-rendered', path);
  const heading = view.querySelector('h1');
  document.title = heading ? `${heading.textContent} · Amicus` : 'Amicus';
  if (window.__amicusFocus !== false) view.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

export function go(path) {
  if (window.location.hash === `#${path}`) render();
  else window.location.hash = path;
}

async function start() {
  await initI18n();
  document.querySelector('.skip').textContent = t('nav.skip');
  try {
    session.me = (await api('GET', '/api/me')).data;
  } catch (error) {
    if (error.status !== 401) clear(document.getElementById('view')).append(errorBox(error));
    return;
  }
  navigation();
  account();
  window.addEventListener('hashchange', render);
  await render();
  document.body.setAttribute('data-ready', 'true');
}

start();

// Navigation and the signed-in session: the one module views import to move between screens or to
// ask who is signed in. Record ids travel in the fragment, which browsers never send to a server or
// its logs.
import { append, h, clear } from './dom.js';
import { t } from './i18n.js';
import { errorBox, loading } from './widgets.js';

export const session = { me: null };

export function has(role) {
  return Boolean(session.me && session.me.roles.includes(role));
}

export function readsContent() {
  return has('partner') || has('coordinator');
}

let routes = [];
let renderCount = 0;

async function render() {
  const path = decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/';
  const view = document.getElementById('view');
  const count = ++renderCount;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    const href = a.getAttribute('data-nav').slice(1);
    const current = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  view.removeAttribute('data-rendered');
  append(clear(view), loading());
  const route = routes.find(([pattern]) => pattern.test(path));
  try {
    const content = route
      ? await route[1](path.match(route[0]))
      : h('p', null, t('error.notFound'));
    if (count !== renderCount) return;
    append(clear(view), content);
  } catch (error) {
    if (count !== renderCount) return;
    console.error(error);
    append(clear(view), errorBox(error));
  }
  // Tells scripts and browser tests which screen is on display once it has rendered.
  view.setAttribute('data-rendered', path);
  const heading = view.querySelector('h1');
  document.title = heading ? `${heading.textContent} · Amicus` : 'Amicus';
  if (window.__amicusFocus !== false) view.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/** Shows the screen for a path such as "/cases/12"; the same path again renders it afresh. */
export function go(path) {
  if (window.location.hash === `#${path}`) render();
  else window.location.hash = path;
}

/** Starts routing: `table` pairs a path pattern with the function that builds its screen. */
export async function startRouter(table) {
  routes = table;
  window.addEventListener('hashchange', render);
  await render();
}

import { append, h, clear, debounce, highlighted } from '../dom.js';
import { get } from '../api.js';
import { t, plural, label, formatNumber } from '../i18n.js';
import { errorBox, loading, visibilityBadge } from '../widgets.js';

const FACETS = [
  'type',
  'country',
  'violation',
  'article',
  'theme',
  'status',
  'year',
  'organisation',
  'compliance',
  'response',
  'implementation',
  'submissionStatus',
];
const FACET_KIND = {
  type: 'RecordType',
  violation: 'Violation',
  compliance: 'Compliance',
  response: 'Response',
  implementation: 'Implementation',
  submissionStatus: 'SubmissionStatus',
  status: 'AnyStatus',
};
// What was searched stays in memory only: names never go into the page address.
const state = { q: '', filters: {}, sort: 'relevance' };

export function recordLink(type, id) {
  return (
    {
      case: `#/cases/${id}`,
      person: `#/persons/${id}`,
      recommendation: `#/recommendations/${id}`,
      submission: `#/submissions/${id}`,
      figure: '#/', // sourced figures are listed, with their sources, on the dashboard
    }[type] || '#/search'
  );
}

/**
 * The service suggests each matching spelling of a name; a person with four spellings would appear
 * four times. One entry per record, with the first spelling that matched what was typed.
 */
function onePerRecord(list) {
  const records = new Map();
  for (const s of list) {
    const key = `${s.type}:${s.id}`;
    if (!records.has(key)) records.set(key, s);
  }
  return [...records.values()];
}

function facetValue(facet, value) {
  if (facet === 'organisation') return t(`org.${value}`);
  if (FACET_KIND[facet]) return label(FACET_KIND[facet], value);
  return value;
}

export async function searchPage() {
  const input = h('input', {
    type: 'search',
    id: 'search-q',
    name: 'q',
    value: state.q,
    autocomplete: 'off',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'suggestions',
  });
  const suggestions = h('ul', {
    id: 'suggestions',
    role: 'listbox',
    class: 'suggestions',
    hidden: true,
    'aria-label': t('search.suggestions'),
  });
  const facets = h('aside', { class: 'facets', id: 'facets', 'aria-label': t('search.facets') });
  const results = h('div', { class: 'results', id: 'search-results', 'aria-live': 'polite' });
  const sort = h(
    'select',
    {
      id: 'search-sort',
      onchange: () => {
        state.sort = sort.value;
        run();
      },
    },
    ['relevance', 'newest', 'year', 'title'].map((s) =>
      h('option', { value: s, selected: state.sort === s }, t(`search.sort.${s}`)),
    ),
  );
  let active = -1;

  const closeSuggestions = () => {
    suggestions.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  // Answers that arrive after a newer question (or after the search was sent) are dropped.
  let suggestSeq = 0;
  const suggest = debounce(async () => {
    const prefix = input.value.trim();
    const mine = ++suggestSeq;
    if (prefix.length < 2) {
      closeSuggestions();
      return;
    }
    try {
      const { suggestions: list } = await get('/api/search/suggest', { prefix, size: 20 });
      if (mine !== suggestSeq || document.activeElement !== input) return;
      const records = onePerRecord(list).slice(0, 8);
      append(
        clear(suggestions),
        records.map((s, i) =>
          h(
            'li',
            {
              role: 'option',
              id: `sugg-${i}`,
              'data-href': recordLink(s.type, s.id),
              'data-record': `${s.type}:${s.id}`,
              onmousedown: (e) => {
                e.preventDefault();
                window.location.hash = recordLink(s.type, s.id).slice(1);
              },
            },
            s.name,
            ' ',
            h('span', { class: 'small muted' }, label('RecordType', s.type)),
          ),
        ),
      );
      suggestions.hidden = !records.length;
      input.setAttribute('aria-expanded', String(Boolean(records.length)));
    } catch (e) {
      closeSuggestions();
    }
  }, 200);
  // Sending the search, Escape and a click elsewhere close the list, and a suggestion still on its
  // way (typed just before) no longer opens it.
  const stopSuggesting = () => {
    suggest.cancel();
    suggestSeq += 1;
    closeSuggestions();
  };
  input.addEventListener('input', suggest);
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  input.addEventListener('keydown', (e) => {
    const items = Array.from(suggestions.children);
    const open = !suggestions.hidden && items.length > 0;
    if (e.key === 'Escape') {
      if (open) e.preventDefault(); // the first Escape closes the list, keeping what was typed
      stopSuggesting();
    } else if (!open) {
      return;
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
      input.setAttribute('aria-activedescendant', items[active].id);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      window.location.hash = items[active].dataset.href.slice(1);
    }
  });
  const outside = (e) => {
    if (!input.isConnected) document.removeEventListener('pointerdown', outside);
    else if (!e.target.closest || !e.target.closest('.combo')) stopSuggesting();
  };
  document.addEventListener('pointerdown', outside);

  const form = h(
    'form',
    {
      class: 'searchbox',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        stopSuggesting();
        state.q = input.value.trim();
        run();
      },
    },
    h('label', { for: 'search-q', class: 'sr-only' }, t('search.label')),
    h('div', { class: 'combo' }, input, suggestions),
    h('button', { type: 'submit', id: 'search-go' }, t('search.go')),
    h('label', { for: 'search-sort' }, t('search.sortBy')),
    sort,
  );

  let next = null;
  let runSeq = 0;
  async function run(more) {
    const mine = ++runSeq;
    if (!more) append(clear(results), loading());
    try {
      const page = await get('/api/search', {
        q: state.q || null,
        ...state.filters,
        sort: state.sort,
        size: 20,
        searchAfter: more ? next : null,
      });
      if (mine !== runSeq) return;
      next = page.next;
      if (!more) {
        append(
          clear(results),
          h(
            'p',
            { class: 'muted', id: 'search-total', 'data-q': state.q },
            plural('search.total', page.total),
          ),
        );
        renderFacets(page.facets || {});
      } else {
        results.querySelector('.more')?.remove();
      }
      const list =
        results.querySelector('ol') || results.appendChild(h('ol', { class: 'hits', id: 'hits' }));
      page.hits.forEach((hit) => append(list, hitItem(hit)));
      if (!page.hits.length && !more) append(results, h('p', null, t('search.nothing')));
      if (next && page.hits.length)
        append(
          results,
          h(
            'button',
            { type: 'button', class: 'secondary more', onclick: () => run(true) },
            t('search.more'),
          ),
        );
    } catch (error) {
      if (mine === runSeq) append(clear(results), errorBox(error));
    }
  }

  function renderFacets(all) {
    append(clear(facets), h('h2', { class: 'sr-only' }, t('search.facets')));
    for (const facet of FACETS) {
      const values = all[facet] || [];
      const chosen = state.filters[facet] || [];
      if (!values.length && !chosen.length) continue;
      append(
        facets,
        h(
          'fieldset',
          { class: 'facet', 'data-facet': facet },
          h('legend', null, t(`search.facet.${facet}`)),
          values.slice(0, 12).map((v) =>
            h(
              'label',
              // an article reads as it is cited; its title shows on hover
              { title: v.title || null },
              h('input', {
                type: 'checkbox',
                value: v.value,
                checked: chosen.includes(v.value),
                onchange: (e) => {
                  const set = new Set(state.filters[facet] || []);
                  if (e.target.checked) set.add(v.value);
                  else set.delete(v.value);
                  state.filters[facet] = [...set];
                  run();
                },
              }),
              ' ',
              facetValue(facet, v.value),
              ' ',
              h('span', { class: 'count' }, formatNumber(v.count)),
            ),
          ),
        ),
      );
    }
    if (Object.values(state.filters).some((v) => v.length)) {
      append(
        facets,
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => {
              state.filters = {};
              run();
            },
          },
          t('search.clearFilters'),
        ),
      );
    }
  }

  function hitItem(hit) {
    const fragments = Object.entries(hit.highlights || {})
      .flatMap(([, list]) => list)
      .slice(0, 3);
    return h(
      'li',
      { class: `hit hit-${hit.type}` },
      h(
        'p',
        { class: 'small muted' },
        label('RecordType', hit.type),
        hit.reference ? ` · ${hit.reference}` : '',
        hit.country ? ` · ${hit.country}` : '',
        hit.year ? ` · ${hit.year}` : '',
        hit.ownerOrg ? ` · ${t(`org.${hit.ownerOrg}`)}` : '',
      ),
      h(
        'h3',
        null,
        h(
          'a',
          { href: recordLink(hit.type, hit.id) },
          hit.title || (hit.names || [])[0] || hit.reference || hit.id,
        ),
      ),
      (hit.names || []).length ? h('p', { class: 'small' }, hit.names.join(', ')) : null,
      fragments.length
        ? h(
            'p',
            { class: 'fragments' },
            fragments.map((f) => [highlighted(f), ' … ']),
          )
        : null,
      h(
        'div',
        { class: 'badges' },
        hit.status ? h('span', { class: 'badge' }, label('AnyStatus', hit.status)) : null,
        hit.type === 'figure'
          ? h('span', { class: 'badge sourced' }, t('dashboard.sourcedBadge'))
          : null,
        hit.visibility ? visibilityBadge(hit.visibility) : null,
      ),
    );
  }

  // Without words the page opens on everything the caller may read, to browse by facets.
  run();
  return h(
    'div',
    { class: 'page' },
    h('h1', null, t('search.title')),
    form,
    h('div', { class: 'search-layout' }, facets, results),
  );
}

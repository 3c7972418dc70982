// Tiny DOM helpers: every text goes in as a text node, so record content can never become markup.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2).toLowerCase(), value);
      } else if (key === 'class') {
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      } else if (key === 'value' && 'value' in el) {
        el.value = value;
      } else if (key === 'checked' || key === 'selected' || key === 'disabled') {
        el[key] = Boolean(value);
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  return append(el, children);
}

/**
 * Appends children to an element. The screens build content as nested lists with optional parts:
 * lists are flattened, absent parts (null, undefined, false) skipped, everything else added as a
 * node or as text. Returns the element.
 */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  return append(el, children);
}

let uid = 0;
export function nextId(prefix = 'f') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Highlight fragments come from Elasticsearch with <em> tags: keep those, escape the rest. */
export function highlighted(fragment) {
  const span = document.createElement('span');
  const parts = String(fragment).split(/(<em>|<\/em>)/);
  let inside = false;
  for (const part of parts) {
    if (part === '<em>') inside = true;
    else if (part === '</em>') inside = false;
    else if (part) append(span, inside ? h('mark', null, part) : document.createTextNode(part));
  }
  return span;
}

/** Calls `fn` once calls have paused for `ms`; `.cancel()` drops a call still waiting. */
export function debounce(fn, ms) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

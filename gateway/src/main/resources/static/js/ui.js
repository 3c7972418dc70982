// Building blocks shared by the screens: labelled fields, API field errors, badges, states.
import { h, nextId, clear } from './dom.js';
import { t, label } from './i18n.js';
import { ApiError } from './api.js';

/**
 * A labelled form control. `name` is the API's field path, so a 400 problem naming that path puts
 * its message right under the control.
 */
export function field({ name, labelText, type = 'text', value, options, required, help, attrs, multiple }) {
  const id = nextId(name.replace(/[^a-zA-Z0-9]/g, '-'));
  const errorId = `${id}-error`;
  const helpId = help ? `${id}-help` : null;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ');
  let control;
  const common = { id, name, 'data-field': name, 'aria-describedby': describedBy, required: required || null, ...(attrs || {}) };
  if (type === 'select') {
    control = h('select', { ...common, multiple: multiple || null },
      (options || []).map((o) => h('option', { value: o.value, selected: multiple ? (value || []).includes(o.value) : String(o.value) === String(value ?? '') }, o.label)));
  } else if (type === 'textarea') {
    control = h('textarea', { ...common, rows: (attrs && attrs.rows) || 4 });
    control.value = value ?? '';
  } else if (type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(value) });
    return h('div', { class: 'field field-check', 'data-wrap': name },
      control, h('label', { for: id }, labelText),
      help ? h('p', { id: helpId, class: 'help' }, help) : null,
      h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' }));
  } else {
    control = h('input', { ...common, type, value: value ?? '' });
  }
  return h('div', { class: 'field', 'data-wrap': name },
    h('label', { for: id }, labelText, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
    help ? h('p', { id: helpId, class: 'help' }, help) : null,
    h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' }));
}

export function enumOptions(kind, values, { empty } = {}) {
  const options = values.map((v) => ({ value: v, label: label(kind, v) }));
  return empty === undefined ? options : [{ value: '', label: empty }, ...options];
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
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
  const summary = form.querySelector('.form-errors') || form.insertBefore(h('div', { class: 'form-errors', role: 'alert' }), form.firstChild);
  const rest = [];
  let first = null;
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  for (const { field: path, message } of fields) {
    const candidates = [path, path.replace(/\.[^.[\]]+$/, ''), path.replace(/\[\d+\].*$/, ''), path.split(/[.[]/)[0]];
    let wrap = null;
    for (const c of candidates) {
      wrap = form.querySelector(`[data-wrap="${CSS.escape(c)}"]`);
      if (wrap) break;
    }
    if (wrap) {
      const p = wrap.querySelector(':scope > .field-error');
      p.textContent = p.textContent ? `${p.textContent}; ${message}` : (c0(path, wrap) + message);
      wrap.classList.add('has-error');
      const control = wrap.querySelector('input, select, textarea');
      if (control) control.setAttribute('aria-invalid', 'true');
      first = first || control;
    } else {
      rest.push(`${path}: ${message}`);
    }
  }
  summary.append(h('p', null, problemText(error)));
  if (rest.length) summary.append(h('ul', null, rest.map((r) => h('li', null, r))));
  (first || summary).focus?.();
}

function c0(path, wrap) {
  // A message for one item of a list field says which item.
  return wrap.getAttribute('data-wrap') !== path && /\[\d+\]/.test(path) ? `${path}: ` : '';
}

export function problemText(error) {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.status) {
    case 0: return t('error.network');
    case 400: return error.fieldErrors.length ? t('error.fields') : (error.problem.detail || t('error.bad'));
    case 403: return t('error.forbidden');
    case 404: return t('error.notFound');
    case 409: return error.problem.detail || t('error.conflict');
    case 412: return t('error.stale');
    case 413: return t('error.tooLarge');
    case 428: return t('error.stale');
    case 429: return t('error.rateLimited');
    case 503: return t('error.unavailable');
    default: return error.problem.detail || t('error.unexpected');
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
  return h('span', { class: `badge vis vis-${(visibility || '').toLowerCase()}`, title: t(`visibility.help.${visibility}`) },
    h('span', { 'aria-hidden': 'true' }, `${VISIBILITY_ICON[visibility] || ''} `),
    label('Visibility', visibility),
    long ? h('span', { class: 'vis-help' }, ` — ${t(`visibility.help.${visibility}`)}`) : null);
}

export function statusBadge(kind, value) {
  return h('span', { class: `badge status status-${String(value || '').toLowerCase()}` }, label(kind, value));
}

export function consentChips(consent) {
  return h('span', { class: 'consent' }, ['UN', 'EU', 'PUBLIC'].map((channel) => {
    const granted = consent && consent[channel];
    return h('span', { class: `chip ${granted ? 'chip-yes' : 'chip-no'}`, title: t(granted ? 'consent.granted' : 'consent.missing') },
      h('span', { 'aria-hidden': 'true' }, granted ? '✓ ' : '✗ '), label('Channel', channel),
      h('span', { class: 'sr-only' }, `: ${t(granted ? 'consent.granted' : 'consent.missing')}`));
  }));
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
  region.append(text);
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { clear(region); region.className = 'toast'; }, 6000);
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

// Interface texts in JSON per language (i18n/en.json, i18n/ru.json); the choice is kept locally.

const SUPPORTED = ['en', 'ru'];
let lang = 'en';
let dict = {};
let fallback = {};

async function load(code) {
  const response = await fetch(`i18n/${code}.json`, { cache: 'no-cache' });
  return response.ok ? response.json() : {};
}

export async function initI18n() {
  const stored = localStorage.getItem('amicus.lang');
  const browser = (navigator.language || 'en').slice(0, 2);
  lang = SUPPORTED.includes(stored) ? stored : SUPPORTED.includes(browser) ? browser : 'en';
  fallback = await load('en');
  dict = lang === 'en' ? fallback : await load(lang);
  document.documentElement.lang = lang;
}

export function language() {
  return lang;
}

export function languages() {
  return SUPPORTED;
}

export function setLanguage(code) {
  localStorage.setItem('amicus.lang', code);
  window.location.reload();
}

export function t(key, vars) {
  let text = dict[key] ?? fallback[key] ?? key;
  if (vars) {
    for (const [name, value] of Object.entries(vars))
      text = text.split(`{${name}}`).join(String(value));
  }
  return text;
}

/** An enum value in words: "enum.Violation.TRAVEL_BAN", else the constant made readable. */
export function label(kind, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = `enum.${kind}.${value}`;
  const text = dict[key] ?? fallback[key];
  if (text) return text;
  const words = String(value).replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatNumber(n) {
  return new Intl.NumberFormat(lang).format(n);
}

export function formatDate(value) {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const hasTime = String(value).includes('T');
  return new Intl.DateTimeFormat(
    lang,
    hasTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
}

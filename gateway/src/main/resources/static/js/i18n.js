// Interface texts in JSON per language (i18n/en.json, ru.json, kk.json). A count label is an
// object of CLDR plural forms ({"one": …, "few": …, "many": …, "other": …}) that plural() picks
// from with the browser's Intl.PluralRules. Each signed-in user's choice of language is kept in
// this browser's localStorage under "amicus.lang.<username>", so people who share a computer
// each keep their own.

const SUPPORTED = ['en', 'ru', 'kk'];
const NAMES = { en: 'English', ru: 'Русский', kk: 'Қазақша' };
let lang = 'en';
let user = null;
let dict = {};
let fallback = {};
let rules = new Intl.PluralRules('en');

async function load(code) {
  const response = await fetch(`i18n/${code}.json`, { cache: 'no-cache' });
  return response.ok ? response.json() : {};
}

function storageKey(username) {
  return `amicus.lang.${username}`;
}

function stored(username) {
  try {
    return username ? localStorage.getItem(storageKey(username)) : null;
  } catch {
    return null; // storage switched off: the browser's language decides
  }
}

/** Loads the texts in the user's chosen language, else the browser's, else English. */
export async function initI18n(username) {
  user = username || null;
  const browser = (navigator.language || 'en').slice(0, 2);
  const chosen = stored(user);
  lang = SUPPORTED.includes(chosen) ? chosen : SUPPORTED.includes(browser) ? browser : 'en';
  fallback = await load('en');
  dict = lang === 'en' ? fallback : await load(lang);
  rules = new Intl.PluralRules(lang);
  document.documentElement.lang = lang;
}

export function language() {
  return lang;
}

export function languages() {
  return SUPPORTED;
}

/** A language's name in that language, as its readers look for it in a list. */
export function languageName(code) {
  return NAMES[code] || code;
}

/** Remembers the choice for the signed-in user and shows the interface in that language. */
export function setLanguage(code) {
  if (user) localStorage.setItem(storageKey(user), code);
  window.location.reload();
}

function fill(text, vars) {
  let out = text;
  for (const [name, value] of Object.entries(vars || {}))
    out = out.split(`{${name}}`).join(String(value));
  return out;
}

export function t(key, vars) {
  const text = dict[key] ?? fallback[key] ?? key;
  return fill(typeof text === 'string' ? text : (text.other ?? key), vars);
}

/**
 * A count label in the form the language's grammar asks for: "1 word", "2 слова", "5 слов".
 * The count is {n} in the text, formatted for the language; `vars` fills other placeholders.
 */
export function plural(key, count, vars) {
  const forms = dict[key] ?? fallback[key];
  const n = formatNumber(count);
  if (!forms) return key;
  if (typeof forms === 'string') return fill(forms, { ...vars, n });
  const text = forms[rules.select(Number(count))] ?? forms.other ?? key;
  return fill(text, { ...vars, n });
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

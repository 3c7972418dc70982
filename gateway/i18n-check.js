// Checks the web UI's texts: every language has every key of English and the same placeholders,
// and each count label has exactly the plural forms the language's Intl.PluralRules can choose.
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('./src/main/resources/static/i18n/', import.meta.url);
const load = (file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
const english = load('en.json');
const placeholders = (value) =>
  [...new Set(JSON.stringify(value).match(/\{\w+\}/g) || [])].sort().join(' ');
const problems = [];

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const code = file.replace('.json', '');
  const texts = load(file);
  const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories.sort().join(' ');
  for (const key of Object.keys(english)) {
    if (!(key in texts) && code !== 'en') problems.push(`${file}: ${key} is missing`);
  }
  for (const [key, value] of Object.entries(texts)) {
    if (!(key in english) && !key.startsWith('enum.'))
      problems.push(`${file}: ${key} is not in en.json`);
    if (key in english && placeholders(value) !== placeholders(english[key])) {
      problems.push(
        `${file}: ${key} has ${placeholders(value) || 'no placeholders'}, en.json ${placeholders(english[key]) || 'none'}`,
      );
    }
    if (key in english && (typeof english[key] === 'object') !== (typeof value === 'object')) {
      problems.push(
        `${file}: ${key} must be ${typeof english[key] === 'object' ? 'plural forms' : 'a text'} as in en.json`,
      );
    }
    if (typeof value === 'object' && Object.keys(value).sort().join(' ') !== forms) {
      problems.push(
        `${file}: ${key} has the forms ${Object.keys(value).sort().join(' ')}; ${code} needs ${forms}`,
      );
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('i18n: every language has every text and its plural forms');

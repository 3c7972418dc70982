// The API reference: reads each service's OpenAPI description through the gateway (behind sign-in,
// like every /api route) and renders its operations and schemas as plain HTML. No external assets.
const SERVICES = [
  { id: 'cases', title: 'Cases', url: '../api/docs/cases' },
  { id: 'workflow', title: 'Submissions and review', url: '../api/docs/workflow' },
  { id: 'search', title: 'Search', url: '../api/docs/search' },
];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child !== null && child !== undefined)
      node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function refName(ref) {
  return ref ? ref.substring(ref.lastIndexOf('/') + 1) : '';
}

/** A schema as a short type expression with links to named schemas. */
function typeOf(schema, service) {
  if (!schema) return '';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return el('a', { href: `#${service}-schema-${name}` }, name);
  }
  if (schema.type === 'array') return el('span', {}, 'array of ', typeOf(schema.items, service));
  const type = schema.type || 'object';
  return schema.format ? `${type} (${schema.format})` : type;
}

function table(headings, rows) {
  return el(
    'table',
    { class: 'reference-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        headings.map((h) => el('th', {}, h)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          cells.map((c) => el('td', {}, c)),
        ),
      ),
    ),
  );
}

function content(body, service) {
  return Object.entries(body?.content || {}).map(([type, media]) =>
    el('div', {}, el('code', {}, type), ' ', typeOf(media.schema, service)),
  );
}

function operation(service, path, method, op) {
  const parts = [];
  if (op.description) parts.push(el('p', {}, op.description));
  const security = (op.security || []).flatMap((requirement) => Object.keys(requirement));
  if (security.length) parts.push(el('p', {}, 'Sign-in: ', security.join(' or ')));
  if (op.parameters?.length) {
    parts.push(
      el('h4', {}, 'Parameters'),
      table(
        ['Name', 'In', 'Type', 'Required'],
        op.parameters.map((p) => [
          el('code', {}, p.name),
          p.in,
          typeOf(p.schema, service),
          p.required ? 'yes' : 'no',
        ]),
      ),
    );
  }
  if (op.requestBody) parts.push(el('h4', {}, 'Request body'), content(op.requestBody, service));
  parts.push(
    el('h4', {}, 'Responses'),
    table(
      ['Status', 'Meaning', 'Body'],
      Object.entries(op.responses || {}).map(([status, response]) => [
        status,
        response.description || '',
        content(response, service),
      ]),
    ),
  );
  return el(
    'details',
    { class: 'operation' },
    el(
      'summary',
      {},
      el('span', { class: 'method' }, method.toUpperCase()),
      el('span', { class: 'path' }, path),
      el('span', { class: 'summary-text' }, op.summary || ''),
    ),
    el('div', {}, parts),
  );
}

function schemas(service, api) {
  return Object.entries(api.components?.schemas || {}).map(([name, schema]) =>
    el(
      'div',
      { id: `${service}-schema-${name}` },
      el('h4', {}, name),
      schema.description ? el('p', {}, schema.description) : null,
      table(
        ['Field', 'Type', 'Required'],
        Object.entries(schema.properties || {}).map(([field, property]) => [
          el('code', {}, field),
          typeOf(property, service),
          (schema.required || []).includes(field) ? 'yes' : 'no',
        ]),
      ),
    ),
  );
}

function render(service, api) {
  const operations = Object.entries(api.paths || {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) =>
      operation(service.id, path, method, item[method]),
    ),
  );
  const schemes = Object.entries(api.components?.securitySchemes || {}).map(([name, scheme]) => [
    el('code', {}, name),
    scheme.type === 'http' ? `${scheme.scheme} ${scheme.bearerFormat || ''}` : scheme.type,
    scheme.openIdConnectUrl || scheme.description || '',
  ]);
  return [
    el('p', {}, api.info?.description || ''),
    el(
      'p',
      {},
      `Version ${api.info?.version || '?'}; licence ${api.info?.license?.name || '?'}. `,
      el('a', { href: service.url, download: `${service.id}-openapi.json` }, 'OpenAPI JSON'),
    ),
    el('h3', {}, 'Sign-in'),
    table(['Scheme', 'Type', 'Where'], schemes),
    el('h3', {}, 'Operations'),
    operations,
    el('h3', {}, 'Schemas'),
    schemas(service.id, api),
  ];
}

async function load(service, section) {
  try {
    const response = await fetch(service.url, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (response.status === 401) {
      section.replaceChildren(
        el('p', {}, 'Sign in first: ', el('a', { href: '../' }, 'open Amicus'), ', then reload.'),
      );
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    section.replaceChildren(...render(service, await response.json()));
  } catch (e) {
    section.replaceChildren(
      el('p', { class: 'reference-error' }, `The description could not be read (${e.message}).`),
    );
  }
}

const container = document.getElementById('descriptions');
container.replaceChildren();
for (const service of SERVICES) {
  document.getElementById('services').append(el('a', { href: `#${service.id}` }, service.title));
  const section = el('div', {}, el('p', { class: 'loading' }, 'Loading…'));
  container.append(
    el('section', { class: 'service', id: service.id }, el('h2', {}, service.title), section),
  );
  load(service, section);
}

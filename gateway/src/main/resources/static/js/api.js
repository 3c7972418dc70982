// Calls the gateway with the session cookie; the access token never reaches the browser. Every
// call names the interface's language, so the API's problem messages read in it.

import { language } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The offending fields of a 400 problem: [{field, message}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

function xsrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.slice('XSRF-TOKEN='.length)) : null;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

let onUnauthenticated = () => window.location.assign('/login');
export function whenSignedOut(handler) {
  onUnauthenticated = handler;
}

/**
 * @returns {Promise<{data, etag, status}>}; rejects with ApiError carrying the problem details
 */
function baseHeaders() {
  return { Accept: 'application/json, application/problem+json', 'Accept-Language': language() };
}

export async function api(method, path, { body, etag, params, blob } = {}) {
  const headers = baseHeaders();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = xsrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (etag) headers['If-Match'] = etag;
  let response;
  try {
    response = await fetch(path + query(params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'network' });
  }
  if (response.status === 401) {
    onUnauthenticated();
    throw new ApiError(401, { title: 'unauthenticated' });
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let problem = null;
    if (type.includes('json')) {
      try {
        problem = await response.json();
      } catch (e) {
        problem = null;
      }
    }
    throw new ApiError(response.status, problem);
  }
  let data = null;
  if (blob) data = await response.blob();
  else if (response.status !== 204 && type.includes('json')) data = await response.json();
  return {
    data,
    etag: response.headers.get('ETag'),
    status: response.status,
    headers: response.headers,
  };
}

export const get = (path, params) => api('GET', path, { params }).then((r) => r.data);

/** A multipart upload (the form's fields go in the body, never in the address). */
export async function upload(path, formData) {
  const headers = baseHeaders();
  const token = xsrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  const response = await fetch(path, {
    method: 'POST',
    headers,
    body: formData,
    credentials: 'same-origin',
  });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.status === 401) onUnauthenticated();
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

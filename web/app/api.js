// Every request of the page goes through here: same-origin cookies, the CSRF token on writes, JSON both ways, and
// one place that notices the journal was locked (401) and goes back to the login page.
let csrf = '';

export function setCsrf(token) { csrf = token || ''; }
export function csrfToken() { return csrf; }

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (res.status === 401 && path !== '/api/v1/unlock') {
    location.assign('/?locked=1');
    throw new ApiError(res.status, data);
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

// A document the server makes (POST, CSRF as any write): its bytes and the file name the server gives it.
export async function download(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (res.status === 401) {
    location.assign('/?locked=1');
    throw new ApiError(res.status, null);
  }
  if (!res.ok) {
    let data = null;
    try { data = await res.json(); } catch { data = null; }
    throw new ApiError(res.status, data);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] || 'document.pdf';
  return { blob: await res.blob(), name, number: res.headers.get('X-Print-Number') };
}

export const api = {
  get: (path, params) => call('GET', params ? `${path}?${new URLSearchParams(params)}` : path),
  post: (path, body) => call('POST', path, body ?? {}),
};

// The login page: the passphrase goes to POST /api/v1/unlock once; the server opens the store (one Argon2id) and
// sets the session cookie. A wrong passphrase shows the same message as tabel-node, and the server makes the next
// attempt wait longer each time.
import { api, ApiError } from '/app/api.js';
import { loadTexts, t, applyTexts } from '/app/text.js';

const form = document.getElementById('unlock-form');
const input = document.getElementById('passphrase');
const message = document.getElementById('login-message');
const button = document.getElementById('unlock');

async function start() {
  await loadTexts();
  applyTexts();
  if (new URLSearchParams(location.search).has('locked')) message.textContent = t('login.locked');
  try {
    const s = await api.get('/api/v1/session');
    if (s.unlocked) location.replace('/journal');
  } catch { /* stays on the login page */ }
  input.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!input.value) { input.focus(); return; }
  button.disabled = true;
  message.textContent = t('login.opening');
  try {
    await api.post('/api/v1/unlock', { passphrase: input.value });
    input.value = '';
    location.replace('/journal');
  } catch (e) {
    message.textContent = e instanceof ApiError ? e.message : t('login.network');
    input.select();
  } finally {
    button.disabled = false;
  }
});

start();

// The sync bar: what waits to be sent, the last synchronisation and its result in words, and the
// «Синхронизировать» button. Polls the server's status (GET /api/v1/status?poll=1, which does not count as
// activity for the idle lock) and tells the grid when the store changed (another tab, tabel-node, a pull).
import { api } from '/app/api.js';
import { t } from '/app/text.js';

function when(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('ru-RU', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export class SyncBar {
  constructor(stateEl, button, onRevision, conflictsEl) {
    this.stateEl = stateEl;
    this.conflictsEl = conflictsEl;
    this.button = button;
    this.onRevision = onRevision;
    this.timer = 0;
    button.addEventListener('click', () => this.sync());
  }

  start() { this.poll(); }

  schedule(ms) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), ms);
  }

  async poll() {
    try {
      const s = await api.get('/api/v1/status', { poll: 1 });
      this.render(s);
      this.onRevision(s.revision);
      this.schedule(s.syncing ? 1000 : 5000);
    } catch {
      this.schedule(10000);
    }
  }

  render(s) {
    const parts = [];
    if (s.syncing) parts.push(t('sync.running'));
    else if (!s.enrolled) parts.push(t('sync.notEnrolled'));
    parts.push(s.pendingChanges > 0 ? t('sync.pending', s.pendingChanges) : t('sync.nothingPending'));
    if (s.enrolled) parts.push(s.lastSync ? t('sync.last', when(s.lastSync)) : t('sync.never'));
    if (s.lastResult && !s.syncing) parts.push(s.lastResult.message);
    if (s.conflicts > 0) parts.push(t('sync.conflicts', s.conflicts));
    this.stateEl.textContent = parts.join(' · ');
    // What waits for the hub's operator, in words: whose mark, which lesson; and what became of her amendment
    // requests (changes to a closed period).
    if (this.conflictsEl) {
      const list = s.conflictList || [];
      const amendments = s.amendments || [];
      this.conflictsEl.hidden = list.length === 0 && amendments.length === 0;
      this.conflictsEl.replaceChildren();
      const section = (head, items, className) => {
        const p = document.createElement('p');
        p.textContent = head;
        const ul = document.createElement('ul');
        ul.className = className;
        for (const [text, state] of items) {
          const li = document.createElement('li');
          li.textContent = text;
          if (state) li.dataset.state = state;
          ul.append(li);
        }
        this.conflictsEl.append(p, ul);
      };
      if (list.length) section(t('sync.conflictsHead'), list.map((c) => [`${c.what} — ${c.field}`]), 'conflicts');
      if (amendments.length) {
        section(t('sync.amendmentsHead'), amendments.map((a) => [`${when(a.at)}: ${a.words}`, a.state]), 'amendments');
      }
    }
    this.button.disabled = s.syncing || !s.enrolled;
    this.stateEl.classList.toggle('warn', !!(s.lastResult && !s.lastResult.ok));
  }

  async sync() {
    this.button.disabled = true;
    try {
      await api.post('/api/v1/sync');
    } catch (e) {
      this.stateEl.textContent = e.message;
    }
    this.schedule(300);
  }
}

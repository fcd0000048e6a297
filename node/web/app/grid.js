// The journal grid: pupils × lessons, entered from the keyboard like a spreadsheet. Arrows move; typing starts an
// entry (5 4 3 2 1, зач, н, б, уп …); Enter saves and goes down, Tab saves and goes right; Delete clears the cell;
// Esc cancels an entry or a refused value. Entries are sent in order; those typed while a request is on its way go
// together in the next one, which the server writes as one change set. The server decides: a refused cell keeps
// what was typed and shows the rule's message beside it until it is corrected or cancelled.
import { api, ApiError } from '/app/api.js';
import { t } from '/app/text.js';
import { openLesson } from '/app/lesson.js';

function shortDate(iso) { return `${iso.slice(8, 10)}.${iso.slice(5, 7)}`; }
function longDate(iso) { return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`; }

export class Grid {
  constructor(wrap, statusEl) {
    this.wrap = wrap;
    this.statusEl = statusEl;
    this.data = null;
    this.cells = [];      // [row][col] → { saved, typed, state: 'saved' | 'pending' | 'refused', message }
    this.active = [0, 0];
    this.queue = [];
    this.inflight = false;
    this.editing = null;  // { r, c, input }
    this.revision = null;
    this.fresh = null;    // the cell refused last: its message stays open
  }

  context() {
    const d = this.data;
    return { class: d.class, subject: d.subject, group: d.group, from: d.from, to: d.to };
  }

  show(data) {
    this.data = data;
    this.onShown?.(data);
    this.cells = data.rows.map((row) => row.cells.map((text) => ({ saved: text, typed: null, state: 'saved', message: '' })));
    // The period's marks (2.5.6), when the dates are exactly one period: one more column, after the lessons.
    if (data.periodMarks) {
      data.rows.forEach((row, r) => this.cells[r].push(
        { saved: data.periodMarks.marks[row.pupil] ?? '', typed: null, state: 'saved', message: '' }));
    }
    this.render();
  }

  render() {
    const d = this.data;
    this.editing = null;
    const table = document.createElement('table');
    table.className = 'grid';
    table.id = 'grid';
    const caption = document.createElement('caption');
    caption.textContent = t('grid.caption', d.class, d.subjectName + (d.group && d.group !== 'all' ? ` (${d.group})` : ''), longDate(d.from), longDate(d.to));
    table.append(caption);
    const head = table.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = t('grid.pupil');
    head.append(corner);
    d.columns.forEach((col, c) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = col.planned ? 'lesson planned' : 'lesson';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'col-head';
      button.dataset.c = c;
      button.tabIndex = -1;
      button.title = col.planned ? `${longDate(col.date)}, ${t('nav.slot', col.slot)}: ${t('grid.plannedHint')}`
        : `${longDate(col.date)}, ${t('nav.slot', col.slot)}: ${col.topic}${col.homework ? ` — ${col.homework}` : ''}`;
      const date = document.createElement('span');
      date.textContent = shortDate(col.date);
      const slot = document.createElement('span');
      slot.className = 'slot';
      slot.textContent = col.planned ? t('grid.planned') : String(col.slot);
      button.append(date, slot);
      // R-J2: a column that is a control work or weighs more than 1 says so under its date.
      const special = (col.marks ?? []).map((m, i) => ({ ...m, i })).filter((m) => m.kind !== 'current' || m.weight !== 1);
      if (special.length) {
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = special.map((m) => `${m.kind === 'control' ? t('grid.kindControl') : ''}×${m.weight}`).join(' ');
        button.append(kind);
        button.title += '\n' + special.map((m) => t('grid.kindHint', m.i + 1,
          t(m.kind === 'control' ? 'lesson.kindControl' : 'lesson.kindCurrent'), m.weight)).join('\n');
      }
      button.addEventListener('click', () => openLesson(col.lesson, () => this.reload()));
      button.addEventListener('keydown', (e) => {
        const moves = { ArrowLeft: -1, ArrowRight: 1 };
        if (e.key === 'ArrowDown') { e.preventDefault(); this.moveTo(0, c); }
        else if (moves[e.key]) {
          e.preventDefault();
          const next = this.table.querySelector(`button.col-head[data-c="${c + moves[e.key]}"]`);
          if (next) next.focus();
        }
        e.stopPropagation();
      });
      th.append(button);
      head.append(th);
    });
    if (d.periodMarks) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = 'period';
      th.textContent = d.periodMarks.title;
      th.title = t('period.hint');
      head.append(th);
    }
    const avg = document.createElement('th');
    avg.scope = 'col';
    avg.textContent = t('grid.average');
    avg.title = t('grid.averageHint', d.averageRuleText);
    const rule = document.getElementById('grid-average-rule');
    if (rule) rule.textContent = t('grid.averageRule', d.averageRuleText);
    head.append(avg);

    const body = table.createTBody();
    d.rows.forEach((row, r) => {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = row.name;
      th.title = row.fullName;
      tr.append(th);
      d.columns.forEach((col, c) => {
        const td = tr.insertCell();
        td.className = col.planned ? 'cell planned' : 'cell';
        td.dataset.r = r;
        td.dataset.c = c;
        td.tabIndex = -1;
        this.paint(r, c, td);
      });
      if (d.periodMarks) {
        const td = tr.insertCell();
        td.className = 'cell period';
        td.dataset.r = r;
        td.dataset.c = d.columns.length;
        td.tabIndex = -1;
        this.paint(r, d.columns.length, td);
      }
      const a = tr.insertCell();
      a.className = 'avg';
      a.textContent = row.average;
    });
    table.addEventListener('keydown', (e) => this.onKey(e));
    table.addEventListener('click', (e) => {
      const td = e.target.closest('td.cell');
      if (td && !this.editing) this.moveTo(+td.dataset.r, +td.dataset.c);
    });
    table.addEventListener('dblclick', (e) => {
      const td = e.target.closest('td.cell');
      if (td) this.beginEdit(+td.dataset.r, +td.dataset.c, null);
    });
    this.table = table;
    if (!d.columns.length || !d.rows.length) {
      const p = document.createElement('p');
      p.textContent = t('grid.empty');
      this.wrap.replaceChildren(table, p);
      return;
    }
    this.wrap.replaceChildren(table);
    const [r, c] = this.active;
    this.moveTo(Math.min(r, d.rows.length - 1), Math.min(c, d.columns.length - 1), false);
    // Ready when the next frame with the grid is drawn (tests/bench/bench_web_grid.py reads this mark).
    requestAnimationFrame(() => performance.mark('tabel-grid-ready'));
  }

  async reload() {
    if (!this.data) return;
    const fresh = await api.get('/api/v1/journal', this.context());
    const active = this.active;
    this.show(fresh);
    this.moveTo(...active);
  }

  td(r, c) { return this.table?.querySelector(`td.cell[data-r="${r}"][data-c="${c}"]`); }

  paint(r, c, td = this.td(r, c)) {
    if (!td) return;
    const cell = this.cells[r][c];
    td.replaceChildren();
    const value = document.createElement('span');
    value.className = 'value';
    value.textContent = cell.typed ?? cell.saved;
    td.append(value);
    td.classList.toggle('pending', cell.state === 'pending');
    td.classList.toggle('refused', cell.state === 'refused');
    td.classList.toggle('fresh', cell.state === 'refused' && this.fresh === cell);
    const cert = this.data.rows[r].certificates?.[String(c)];
    td.classList.toggle('cert', !!cert && cell.state === 'saved');
    td.title = cert ? t('att.certificate', cert.no || '—', cert.date ? longDate(cert.date) : '—') : '';
    if (cell.state === 'refused') {
      td.setAttribute('aria-invalid', 'true');
      const bubble = document.createElement('div');
      bubble.className = 'bubble';
      bubble.id = `msg-${r}-${c}`;
      bubble.setAttribute('role', 'alert');
      bubble.textContent = cell.message;
      td.append(bubble);
      td.setAttribute('aria-describedby', bubble.id);
    } else {
      td.removeAttribute('aria-invalid');
      td.removeAttribute('aria-describedby');
    }
  }

  moveTo(r, c, focus = true) {
    const d = this.data;
    if (!d || !d.rows.length || !d.columns.length) return;
    r = Math.max(0, Math.min(d.rows.length - 1, r));
    c = Math.max(0, Math.min(this.width() - 1, c));
    const old = this.td(...this.active);
    if (old) old.tabIndex = -1;
    this.active = [r, c];
    const td = this.td(r, c);
    td.tabIndex = 0;
    if (focus) td.focus();
  }

  onKey(e) {
    if (this.editing) return; // the input handles its own keys
    const [r, c] = this.active;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key === 'ArrowUp' && r === 0) {
      e.preventDefault();
      this.table.querySelector(`button.col-head[data-c="${c}"]`)?.focus();
    } else if (moves[e.key]) {
      e.preventDefault();
      this.moveTo(r + moves[e.key][0], c + moves[e.key][1]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      this.moveTo(r, c + (e.shiftKey ? -1 : 1));
    } else if (e.key === 'Enter' && e.shiftKey && !this.isPeriod(c)) {
      e.preventDefault();
      this.openAbsence(r, c);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.beginEdit(r, c, null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.commit(r, c, '');
    } else if (e.key === 'Escape') {
      const cell = this.cells[r][c];
      if (cell.state === 'refused') { cell.typed = null; cell.state = 'saved'; cell.message = ''; this.paint(r, c); }
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== ' ') {
      e.preventDefault();
      this.beginEdit(r, c, e.key);
    }
  }

  beginEdit(r, c, firstChar) {
    this.moveTo(r, c, false);
    const td = this.td(r, c);
    const cell = this.cells[r][c];
    const input = document.createElement('input');
    input.className = 'edit';
    input.setAttribute('aria-label', t('grid.cellLabel', this.data.rows[r].name,
      this.isPeriod(c) ? this.data.periodMarks.title : shortDate(this.data.columns[c].date)));
    input.value = firstChar ?? (cell.typed ?? cell.saved);
    td.replaceChildren(input);
    this.editing = { r, c, input };
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('keydown', (e) => {
      const steps = { Enter: [1, 0], ArrowDown: [1, 0], ArrowUp: [-1, 0], Tab: [0, e.shiftKey ? -1 : 1] };
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        // The whole column: what was typed goes into this cell and every empty cell of the lesson, in one request.
        e.preventDefault();
        e.stopPropagation();
        const text = input.value;
        this.editing = null;
        this.fillColumn(c, r, text);
        this.moveTo(r, c);
      } else if (steps[e.key]) {
        e.preventDefault();
        e.stopPropagation();
        this.endEdit(true);
        this.moveTo(r + steps[e.key][0], c + steps[e.key][1]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.endEdit(false);
        this.moveTo(r, c);
      }
    });
    input.addEventListener('blur', () => { if (this.editing?.input === input) this.endEdit(true); });
  }

  endEdit(save) {
    const ed = this.editing;
    if (!ed) return;
    this.editing = null;
    if (save) this.commit(ed.r, ed.c, ed.input.value);
    else this.paint(ed.r, ed.c);
  }

  // An absence with its reason and the doctor's certificate (3.5), from Shift+Enter on a cell.
  openAbsence(r, c) {
    const d = this.data;
    const dialog = document.getElementById('absence-dialog');
    const reason = document.getElementById('absence-reason');
    const no = document.getElementById('absence-cert-no');
    const date = document.getElementById('absence-cert-date');
    const message = document.getElementById('absence-message');
    const cert = d.rows[r].certificates?.[String(c)];
    document.getElementById('absence-title').textContent =
      t('att.title', d.rows[r].name, longDate(d.columns[c].date));
    const current = this.cells[r][c].saved.split(' ').pop();
    reason.value = ['н', 'б', 'уп'].includes(current) ? current : 'б';
    no.value = cert?.no ?? '';
    date.value = cert?.date ?? '';
    message.textContent = '';
    document.getElementById('absence-cancel').onclick = () => { dialog.close(); this.moveTo(r, c); };
    document.getElementById('absence-form').onsubmit = async (event) => {
      event.preventDefault();
      try {
        const res = await api.post('/api/v1/cells', {
          context: this.context(),
          cells: [{ lesson: d.columns[c].lesson, pupil: d.rows[r].pupil, text: reason.value, certNo: no.value,
            certDate: date.value }],
        });
        const result = res.results[0];
        if (!result.ok) { message.textContent = result.message; return; }
        dialog.close();
        await this.reload();
        this.moveTo(r, c);
      } catch (e) {
        message.textContent = e instanceof ApiError ? e.message : t('login.network');
      }
    };
    dialog.showModal();
    reason.focus();
  }

  width() { return this.data.columns.length + (this.data.periodMarks ? 1 : 0); }
  isPeriod(c) { return !!this.data.periodMarks && c === this.data.columns.length; }

  commit(r, c, text) {
    if (this.isPeriod(c)) { this.savePeriod(r, c, text.trim()); return; }
    if (this.stage(r, c, text)) this.flush();
  }

  // A period mark: its own request (Journal::setPeriodMark). Outside the period's last week the server refuses
  // with 2.5.6 and the page asks for the reason of the early or late entry, then sends it again with it.
  async savePeriod(r, c, text, overrideReason = '') {
    const cell = this.cells[r][c];
    if (cell.state === 'saved' && text === cell.saved && !overrideReason) { this.paint(r, c); return; }
    // A mark already given changes only as a correction (2.6.8): why, and who approved it.
    if (cell.saved && text && text !== cell.saved) { await this.correctPeriod(r, c, text); return; }
    const res = await this.sendPeriod(r, c, text, '/api/v1/period-mark', { overrideReason }, t('grid.saved'));
    if (res?.needsReason) {
      const reason = window.prompt(`${res.message}\n\n${t('period.reason')}`);
      if (reason && reason.trim()) await this.savePeriod(r, c, text, reason.trim());
    }
  }

  async correctPeriod(r, c, text) {
    const cell = this.cells[r][c];
    const explanation = window.prompt(t('period.correctWhy', cell.saved, text));
    const approver = explanation && explanation.trim() ? window.prompt(t('period.correctWho')) : null;
    if (!approver || !approver.trim()) {
      Object.assign(cell, { typed: null, state: 'saved', message: '' });
      this.statusEl.textContent = t('period.correctCancelled');
      this.paint(r, c);
      return;
    }
    await this.sendPeriod(r, c, text, '/api/v1/period-mark-correction',
      { explanation: explanation.trim(), approver: approver.trim() }, t('period.corrected'));
  }

  // One period-mark request (a mark or its correction): the cell pending, then saved or refused with the server's
  // words. Returns the answer (null when the request failed).
  async sendPeriod(r, c, text, path, extra, doneText) {
    const cell = this.cells[r][c];
    cell.typed = text;
    cell.state = 'pending';
    this.paint(r, c);
    const d = this.data;
    let res = null;
    try {
      res = await api.post(path, {
        class: d.class, subject: d.subject, period: d.periodMarks.period, pupil: d.rows[r].pupil, value: text, ...extra,
      });
      if (res.ok) {
        Object.assign(cell, { saved: res.stored, typed: null, state: 'saved', message: '' });
        this.statusEl.textContent = doneText;
      } else {
        Object.assign(cell, { state: 'refused', message: res.message });
        this.statusEl.textContent = t('grid.refused', res.message);
      }
    } catch (e) {
      Object.assign(cell, { state: 'refused', message: e instanceof ApiError ? e.message : t('login.network') });
    }
    this.paint(r, c);
    return res;
  }

  // Puts a cell's new text in the queue; false when it is what is stored already.
  stage(r, c, text) {
    const cell = this.cells[r][c];
    text = text.trim();
    if (cell.state === 'saved' && text === cell.saved) { this.paint(r, c); return false; }
    cell.typed = text;
    cell.state = 'pending';
    cell.message = '';
    this.paint(r, c);
    this.queue.push({ r, c, text, at: performance.now() });
    return true;
  }

  fillColumn(c, r0, text) {
    if (this.isPeriod(c)) { this.commit(r0, c, text); return; }
    this.stage(r0, c, text);
    this.cells.forEach((row, r) => {
      const cell = row[c];
      if (r !== r0 && cell.state === 'saved' && cell.saved === '') this.stage(r, c, text);
    });
    this.flush();
  }

  async flush() {
    if (this.inflight || !this.queue.length) return;
    const batch = this.queue;
    this.queue = [];
    this.inflight = true;
    this.statusEl.textContent = t('grid.saving');
    const d = this.data;
    const sent = d;
    try {
      const res = await api.post('/api/v1/cells', {
        context: this.context(),
        cells: batch.map(({ r, c, text }) => ({ lesson: d.columns[c].lesson, pupil: d.rows[r].pupil, text })),
      });
      if (this.data !== sent) return; // another journal is shown now
      let refusals = [];
      res.results.forEach((result, i) => {
        const { r, c, text } = batch[i];
        const cell = this.cells[r][c];
        if (result.ok) {
          cell.saved = result.stored ?? text;
          if (cell.typed === text) { cell.typed = null; cell.state = 'saved'; }
        } else if (cell.typed === text) {
          cell.state = 'refused';
          cell.message = result.message;
          refusals.push(result.message);
          const old = this.fresh;
          this.fresh = cell;
          if (old && old !== cell) this.repaintCell(old);
        }
        if (!this.editing || this.editing.r !== r || this.editing.c !== c) this.paint(r, c);
      });
      for (const [pupil, average] of Object.entries(res.averages || {})) {
        const r = d.rows.findIndex((row) => row.pupil === pupil);
        if (r >= 0) {
          d.rows[r].average = average;
          const a = this.table.tBodies[0].rows[r].querySelector('td.avg');
          if (a) a.textContent = average;
        }
      }
      // From the first keypress of the batch to the answer that it is stored (the benchmark reads these).
      performance.measure('tabel-save', { start: Math.min(...batch.map((b) => b.at)), detail: { cells: batch.length } });
      const notices = res.notices || [];
      this.statusEl.textContent = refusals.length ? t('grid.refused', refusals[refusals.length - 1])
        : [t('grid.saved'), ...notices].join(' ');
    } catch (e) {
      const message = e instanceof ApiError ? e.message : t('login.network');
      for (const { r, c, text } of batch) {
        const cell = this.cells[r][c];
        if (cell.typed === text) { cell.state = 'refused'; cell.message = message; this.paint(r, c); }
      }
      this.statusEl.textContent = t('grid.refused', message);
    } finally {
      this.inflight = false;
      if (this.queue.length) this.flush();
    }
  }

  repaintCell(target) {
    this.cells.forEach((row, r) => row.forEach((cell, c) => { if (cell === target) this.paint(r, c); }));
  }

  busy() {
    return this.inflight || this.queue.length > 0 || this.editing !== null;
  }

  // The store changed (status poll): reload the shown dates and repaint the cells nobody is typing in.
  async refreshIfChanged(revision) {
    if (this.revision === null || !this.data) { this.revision = revision; return; }
    if (revision === this.revision || this.busy()) return;
    this.revision = revision;
    const shown = this.data;
    const fresh = await api.get('/api/v1/journal', this.context());
    if (this.data !== shown || this.busy()) return;
    const sameShape = fresh.columns.length === shown.columns.length && fresh.rows.length === shown.rows.length &&
      fresh.columns.every((col, i) => col.lesson === shown.columns[i].lesson) &&
      fresh.rows.every((row, i) => row.pupil === shown.rows[i].pupil);
    if (!sameShape) {
      const active = this.td(...this.active) === document.activeElement;
      this.show(fresh);
      if (active) this.moveTo(...this.active);
      return;
    }
    fresh.rows.forEach((row, r) => {
      row.cells.forEach((text, c) => {
        const cell = this.cells[r][c];
        if (cell.state === 'saved' && cell.saved !== text) { cell.saved = text; this.paint(r, c); }
      });
      shown.rows[r].average = row.average;
      const a = this.table.tBodies[0].rows[r].querySelector('td.avg');
      if (a) a.textContent = row.average;
    });
  }
}

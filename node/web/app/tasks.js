// Tasks and pupils' work for the journal on screen (3.2–3.4, 4.2, 4.4, R-J8): give a task (tied to a lesson, whose
// column gets its marks), accept a pupil's file (stored encrypted in the journal), download it, grade it — the mark
// lands in the lesson's column — and the work waiting for a grade more than 7 days. The server checks everything.
import { api, ApiError, csrfToken } from '/app/api.js';
import { t } from '/app/text.js';
import { el, shortDate } from '/app/dom.js';

const KINDS = ['distance', 'selfstudy', 'homework', 'control', 'practical', 'lab'];
const GRADES = ['5', '4', '3', '2', '1', 'зач', 'незач'];

function when(iso) {
  return new Date(iso).toLocaleString('ru-RU', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export class WorkPanel {
  constructor(root, onGraded) {
    this.root = root;
    this.onGraded = onGraded;
    this.grid = null;
  }

  async show(grid) {
    this.grid = grid;
    const data = await api.get('/api/v1/tasks', { class: grid.class, subject: grid.subject });
    this.render(data);
  }

  message(text) { this.root.querySelector('.work-message').textContent = text; }

  async act(fn) {
    this.message('');
    try {
      await fn();
      await this.show(this.grid);
    } catch (e) {
      this.message(e instanceof ApiError ? e.message : t('login.network'));
    }
  }

  render(data) {
    const g = this.grid;
    const parts = [el('h2', { id: 'work-title' }, t('work.title')),
      el('p', { className: 'message bad work-message', role: 'alert' })];
    if (data.overdue.length) {
      parts.push(el('p', { className: 'overdue' }, t('work.overdue', data.overdue.length) + ' ' +
        data.overdue.map((s) => `${s.name} (${s.fileName}, ${when(s.received)})`).join('; ')));
    }
    // A new task.
    const lessonSelect = el('select', { id: 'task-lesson' }, el('option', { value: '' }, t('work.noLesson')));
    for (const col of g.columns.filter((c) => !c.planned)) {
      lessonSelect.append(el('option', { value: col.lesson }, `${shortDate(col.date)}, ${t('nav.slot', col.slot)}: ${col.topic}`));
    }
    const kind = el('select', { id: 'task-kind' }, ...KINDS.map((k) => el('option', { value: k }, t(`work.kind.${k}`))));
    const formOf = el('select', { id: 'task-form-of' }, ...data.forms.map((f) => el('option', { value: f }, f)));
    const form = el('form', { id: 'task-form', className: 'task-form' },
      el('label', { htmlFor: 'task-title' }, t('work.taskTitle')), el('input', { id: 'task-title', type: 'text', required: true }),
      el('label', { htmlFor: 'task-kind' }, t('work.kind')), kind,
      el('label', { htmlFor: 'task-lesson' }, t('work.lesson')), lessonSelect,
      el('label', { htmlFor: 'task-form-of' }, t('lesson.form')), formOf,
      el('label', { htmlFor: 'task-due' }, t('work.due')), el('input', { id: 'task-due', type: 'date', required: true }),
      el('label', { htmlFor: 'task-text' }, t('work.text')), el('input', { id: 'task-text', type: 'text' }),
      el('button', { type: 'submit' }, t('work.add')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act(() => api.post('/api/v1/tasks', {
        class: g.class, subject: g.subject, group: g.group, kind: kind.value, lesson: lessonSelect.value,
        title: form.querySelector('#task-title').value, text: form.querySelector('#task-text').value,
        due: form.querySelector('#task-due').value, form: formOf.value,
      }));
    });
    parts.push(el('details', {}, el('summary', {}, t('work.new')), form));

    if (!data.tasks.length) parts.push(el('p', {}, t('work.none')));
    for (const task of data.tasks) parts.push(this.renderTask(task, data.pupils));
    this.root.replaceChildren(...parts);
  }

  renderTask(task, pupils) {
    const box = el('article', { className: 'task', dataset: { task: task.key } });
    box.append(el('h3', {}, `${task.id}. ${task.title} — ${t(`work.kind.${task.kind}`)}, ${t('work.dueShort', shortDate(task.due))}`));
    if (task.text) box.append(el('p', {}, task.text));
    // Accept a pupil's work.
    const pupil = el('select', { className: 'sub-pupil', 'aria-label': t('work.pupil') },
      ...pupils.map((p) => el('option', { value: p.id }, p.name)));
    const file = el('input', { type: 'file', className: 'sub-file', 'aria-label': t('work.file') });
    const accept = el('button', { type: 'button', className: 'sub-accept' }, t('work.accept'));
    accept.addEventListener('click', () => {
      const f = file.files[0];
      if (!f) { file.focus(); return; }
      this.act(async () => {
        const res = await fetch(`/api/v1/submissions?${new URLSearchParams({ task: task.key, pupil: pupil.value, name: f.name })}`, {
          method: 'POST', credentials: 'same-origin', body: f,
          headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': csrfToken() },
        });
        if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
      });
    });
    box.append(el('div', { className: 'sub-form' }, pupil, file, accept));
    if (!task.submissions.length) {
      box.append(el('p', { className: 'note' }, t('work.noWork')));
      return box;
    }
    const table = el('table', { className: 'subs' });
    table.append(el('thead', {}, el('tr', {}, ...['work.pupil', 'work.file', 'work.received', 'work.grade']
      .map((k) => el('th', { scope: 'col' }, t(k))))));
    const body = el('tbody');
    for (const s of task.submissions) {
      const link = el('a', { href: `/api/v1/submission?${new URLSearchParams({ id: s.key })}`, download: s.fileName }, s.fileName);
      let gradeCell;
      if (s.grade) {
        gradeCell = el('td', { className: 'graded' }, s.grade);
      } else {
        const value = el('select', { className: 'grade-value', 'aria-label': t('work.grade') },
          ...GRADES.map((v) => el('option', { value: v }, v)));
        const go = el('button', { type: 'button', className: 'grade-button' }, t('work.doGrade'));
        go.addEventListener('click', () => this.act(async () => {
          await api.post('/api/v1/grade', { submission: s.key, value: value.value });
          this.onGraded?.();
        }));
        gradeCell = el('td', {}, value, ' ', go);
      }
      body.append(el('tr', { dataset: { sub: s.key } }, el('th', { scope: 'row' }, s.name), el('td', {}, link),
        el('td', {}, when(s.received)), gradeCell));
    }
    table.append(body);
    box.append(table);
    return box;
  }
}

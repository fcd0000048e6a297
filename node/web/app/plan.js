// The teacher's planning, below the journal on screen: the substitutions she takes part in (2.5.4) — she records
// the one she gives or takes, and opens the lesson she conducted to write it — and the calendar-thematic plan of
// the class and subject shown, with its correction sheet (3.1). The server checks everything (node::Journal).
import { api, ApiError } from '/app/api.js';
import { t } from '/app/text.js';
import { el, longDate } from '/app/dom.js';
import { openLesson } from '/app/lesson.js';

const METHODS = ['merge', 'next-year', 'modular', 'self-study'];

// One panel: a heading, a message line for refusals, and a body rebuilt from the server's answer after every write.
class Panel {
  // today(): the journal's today (the server's date; `serve --today` in tests), for the forms' defaults.
  constructor(root, today) { this.root = root; this.today = today; }

  message(text) {
    const m = this.root.querySelector('.plan-message');
    if (m) m.textContent = text;
  }

  async act(fn) {
    this.message('');
    try {
      await fn();
      await this.reload();
      return true;
    } catch (e) {
      this.message(e instanceof ApiError ? e.message : t('login.network'));
      return false;
    }
  }

  // Shows the panel for `what` (a date range, a grid): what request() asks the server for.
  async show(what) {
    this.what = what;
    await this.reload();
  }

  // Rebuilt from the server's answer; open <details> stay open.
  async reload() {
    const data = await this.request();
    const open = [...this.root.querySelectorAll('details')].map((d) => d.open);
    this.render(data);
    this.root.querySelectorAll('details').forEach((d, i) => { if (open[i]) d.open = true; });
  }
}

function field(id, label, input) {
  input.id = id;
  return [el('label', { htmlFor: id }, label), input];
}

function table(heads, rows, className) {
  return el('table', { className },
    el('thead', {}, el('tr', {}, ...heads.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows));
}

export class SubstitutionsPanel extends Panel {
  constructor(root, today, onLessonSaved) {
    super(root, today);
    this.onLessonSaved = onLessonSaved;
  }

  get range() { return this.what; }

  request() { return api.get('/api/v1/substitutions', { from: this.range.from, to: this.range.to }); }

  render(data) {
    const parts = [el('h2', { id: 'subst-title' }, t('subst.title', longDate(this.range.from), longDate(this.range.to))),
      el('p', { className: 'message bad plan-message', role: 'alert' })];
    if (!data.substitutions.length) parts.push(el('p', {}, t('subst.none')));
    else {
      const rows = data.substitutions.map((s) => {
        let lessonCell;
        if (s.role === 'substitute') {
          const open = el('button', { type: 'button', className: 'link' },
            s.recorded ? s.topic : t('subst.write'));
          open.addEventListener('click', () => openLesson(s.lesson, () => { this.reload(); this.onLessonSaved?.(); }));
          lessonCell = el('td', {}, open);
        } else {
          lessonCell = el('td', {}, s.recorded ? s.topic : t('nav.notRecorded'));
        }
        return el('tr', { dataset: { lesson: s.lesson } },
          el('td', {}, longDate(s.date)), el('td', {}, String(s.slot)),
          el('td', {}, `${s.class}, ${s.subjectName}${s.group !== 'all' ? ` (${s.group})` : ''}`),
          el('td', {}, s.absentName), el('td', {}, s.substituteName), el('td', {}, s.reason),
          el('td', {}, t(s.role === 'substitute' ? 'subst.roleSubstitute' : 'subst.roleAbsent')), lessonCell);
      });
      parts.push(table(['subst.date', 'subst.slot', 'subst.lesson', 'subst.absent', 'subst.substitute', 'subst.reason',
        'subst.role', 'subst.topic'].map((k) => t(k)), rows, 'plan-table subst-table'));
    }
    parts.push(el('details', {}, el('summary', {}, t('subst.new')), this.form(data)));
    this.root.replaceChildren(...parts);
  }

  form(data) {
    const teacherSelect = (selected) => {
      const s = el('select', { required: true }, ...data.teachers.map((x) => el('option', { value: x.id }, x.name)));
      s.value = selected ?? '';
      return s;
    };
    const date = el('input', { type: 'date', required: true, value: this.range.to < this.today() ? this.range.to : this.today() });
    const slot = el('input', { type: 'number', min: '1', max: '12', required: true, value: '1' });
    const klass = el('select', { required: true }, ...data.classes.map((c) => el('option', { value: c }, c)));
    const subject = el('select', { required: true }, ...data.subjects.map((x) => el('option', { value: x.id }, x.name)));
    const group = el('input', { type: 'text', value: 'all', required: true });
    const absent = teacherSelect(data.teachers.find((x) => x.id !== data.me)?.id);
    const substitute = teacherSelect(data.me);
    const reason = el('input', { type: 'text', required: true, maxLength: 500 });
    const form = el('form', { id: 'subst-form', className: 'task-form' },
      ...field('subst-date', t('subst.date'), date), ...field('subst-slot', t('subst.slot'), slot),
      ...field('subst-class', t('subst.class'), klass), ...field('subst-subject', t('subst.subject'), subject),
      ...field('subst-group', t('subst.group'), group), ...field('subst-absent', t('subst.absent'), absent),
      ...field('subst-substitute', t('subst.substitute'), substitute), ...field('subst-reason', t('subst.reason'), reason),
      el('button', { type: 'submit' }, t('subst.save')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act(() => api.post('/api/v1/substitutions', {
        date: date.value, slot: Number(slot.value), class: klass.value, subject: subject.value, group: group.value,
        absent: absent.value, substitute: substitute.value, reason: reason.value,
      }));
    });
    return form;
  }
}

export class KtpPanel extends Panel {
  get grid() { return this.what; }

  request() { return api.get('/api/v1/ktp', { class: this.grid.class, subject: this.grid.subject }); }

  render(data) {
    const g = this.grid;
    const parts = [el('h2', { id: 'ktp-title' }, t('ktp.title', g.class, g.subjectName)),
      el('p', { className: 'message bad plan-message', role: 'alert' })];
    if (!data.topics.length) parts.push(el('p', {}, t('ktp.none')));
    else {
      parts.push(el('p', { className: 'help' }, t('ktp.summary', data.plannedHours, data.givenLessons)));
      const moved = new Set(data.carryOver);
      parts.push(table(['ktp.number', 'ktp.topic', 'ktp.hours', 'ktp.lessons'].map((k) => t(k)),
        data.topics.map((x) => el('tr', { className: moved.has(x.number) ? 'moved' : '' },
          el('td', {}, String(x.number)),
          el('td', {}, x.title + (moved.has(x.number) ? ` — ${t('ktp.movedNextYear')}` : '')),
          el('td', {}, String(x.hours)), el('td', { className: x.lessons < x.hours ? 'short' : '' }, String(x.lessons)))),
        'plan-table ktp-table'));
    }
    parts.push(el('details', {}, el('summary', {}, t('ktp.newTopic')), this.topicForm(data)));

    parts.push(el('h3', {}, t('ktp.sheet')));
    if (!data.corrections.length) parts.push(el('p', {}, t('ktp.sheetEmpty')));
    else {
      parts.push(table(['ktp.number', 'subst.date', 'ktp.topics', 'ktp.planned', 'ktp.actual', 'subst.reason', 'ktp.method']
        .map((k) => t(k)),
      data.corrections.map((c) => el('tr', {}, el('td', {}, String(c.number)), el('td', {}, longDate(c.date)),
        el('td', {}, c.topics.join(', ')), el('td', {}, String(c.planned)), el('td', {}, String(c.actual)),
        el('td', {}, c.reason), el('td', {}, t(`ktp.method.${c.method}`)))), 'plan-table ktp-sheet'));
    }
    parts.push(el('details', {}, el('summary', {}, t('ktp.newCorrection')), this.correctionForm(data)));
    this.root.replaceChildren(...parts);
  }

  topicForm(data) {
    const g = this.grid;
    const next = data.topics.reduce((m, x) => Math.max(m, x.number), 0) + 1;
    const number = el('input', { type: 'number', min: '1', max: '9999', required: true, value: String(next) });
    const title = el('input', { type: 'text', required: true, maxLength: 500 });
    const hours = el('input', { type: 'number', min: '1', max: '200', required: true, value: '1' });
    // Choosing the number of a topic already in the plan fills in what it says, to change it.
    number.addEventListener('change', () => {
      const known = data.topics.find((x) => x.number === Number(number.value));
      if (known) { title.value = known.title; hours.value = String(known.hours); }
    });
    const form = el('form', { id: 'ktp-topic-form', className: 'task-form' },
      ...field('ktp-topic-number', t('ktp.number'), number), ...field('ktp-topic-title', t('ktp.topic'), title),
      ...field('ktp-topic-hours', t('ktp.hours'), hours), el('button', { type: 'submit' }, t('ktp.saveTopic')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act(() => api.post('/api/v1/ktp-topic', {
        class: g.class, subject: g.subject, number: Number(number.value), title: title.value, hours: Number(hours.value),
      }));
    });
    return form;
  }

  correctionForm(data) {
    const g = this.grid;
    const date = el('input', { type: 'date', required: true, value: this.today() });
    const topics = el('select', { multiple: true, required: true, size: String(Math.min(6, Math.max(2, data.topics.length))) },
      ...data.topics.map((x) => el('option', { value: String(x.number) }, `${x.number}. ${x.title}`)));
    const planned = el('input', { type: 'number', min: '0', max: '200', required: true, value: '2' });
    const actual = el('input', { type: 'number', min: '0', max: '200', required: true, value: '1' });
    const reason = el('input', { type: 'text', required: true, maxLength: 500 });
    const method = el('select', { required: true }, ...METHODS.map((m) => el('option', { value: m }, t(`ktp.method.${m}`))));
    const form = el('form', { id: 'ktp-correction-form', className: 'task-form' },
      ...field('ktp-fix-date', t('subst.date'), date), ...field('ktp-fix-topics', t('ktp.topics'), topics),
      ...field('ktp-fix-planned', t('ktp.planned'), planned), ...field('ktp-fix-actual', t('ktp.actual'), actual),
      ...field('ktp-fix-reason', t('subst.reason'), reason), ...field('ktp-fix-method', t('ktp.method'), method),
      el('button', { type: 'submit' }, t('ktp.saveCorrection')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act(() => api.post('/api/v1/ktp-correction', {
        class: g.class, subject: g.subject, date: date.value,
        topics: [...topics.selectedOptions].map((o) => Number(o.value)),
        planned: Number(planned.value), actual: Number(actual.value), reason: reason.value, method: method.value,
      }));
    });
    return form;
  }
}

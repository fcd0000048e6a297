// The journal page: who is logged in, today's lessons, the classes, the choice of journal and dates, the grid and
// the sync bar. One store object holds what the page knows; everything else is asked of the server.
import { api, setCsrf, download } from '/app/api.js';
import { loadTexts, t, applyTexts } from '/app/text.js';
import { Grid } from '/app/grid.js';
import { SyncBar } from '/app/sync.js';
import { openLesson } from '/app/lesson.js';
import { WorkPanel } from '/app/tasks.js';
import { SubstitutionsPanel, KtpPanel } from '/app/plan.js';

const store = {
  classes: [], periods: [], today: '', grid: null, work: null, ktp: null, substitutions: null,
  sideReady: Promise.resolve(),
};

const $ = (id) => document.getElementById(id);

function choiceKey(a) { return `${a.class}|${a.subject}|${a.group}`; }
function choiceLabel(a) {
  return `${a.class}, ${a.subjectName}${a.group !== 'all' ? ` (${a.group})` : ''}`;
}

function gradeOf(classId) { return parseInt(classId, 10) || 0; }
function periodApplies(p, classId) {
  const m = /^(\d+)-(\d+)$/.exec(p.grades || '');
  const g = gradeOf(classId);
  return !m || (g >= +m[1] && g <= +m[2]);
}

function fillPeriods(classId, selected) {
  const select = $('pick-period');
  select.replaceChildren();
  for (const p of store.periods.filter((p) => periodApplies(p, classId))) {
    select.append(new Option(`${p.title} (${p.start.slice(8, 10)}.${p.start.slice(5, 7)} – ${p.end.slice(8, 10)}.${p.end.slice(5, 7)})`, p.id));
  }
  select.append(new Option(t('grid.custom'), ''));
  select.value = selected ?? '';
}

async function showJournal(params) {
  $('grid-status').textContent = t('grid.loading');
  const data = await api.get('/api/v1/journal', params);
  $('grid-status').textContent = '';
  store.grid.show(data);
  await store.sideReady; // the choices below need the classes and periods
  const period = store.periods.find((p) => p.start === data.from && p.end === data.to && periodApplies(p, data.class));
  fillPeriods(data.class, period ? period.id : '');
  $('pick-from').value = data.from;
  $('pick-to').value = data.to;
  $('pick-class').value = `${data.class}|${data.subject}|${data.group}`;
}

function chooseFromForm() {
  const [klass, subject, group] = $('pick-class').value.split('|');
  const params = { class: klass, subject, group };
  const period = store.periods.find((p) => p.id === $('pick-period').value);
  if (period) {
    params.from = period.start;
    params.to = period.end;
  } else if ($('pick-from').value && $('pick-to').value) {
    params.from = $('pick-from').value;
    params.to = $('pick-to').value;
  }
  return params;
}

// «Печать» (2.5.10): the server makes the PDF, numbers it in this computer's register, and the browser saves it.
async function printDocument(form) {
  const params = chooseFromForm();
  $('grid-status').textContent = t('print.working');
  try {
    const { blob, name, number } = await download('/api/v1/print', { form, ...params });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    $('grid-status').textContent = t('print.done', number, name);
  } catch (e) {
    $('grid-status').textContent = t('error.generic', e.message);
  }
}

async function loadSide(classesAsked, todayAsked) {
  const data = await (classesAsked ?? api.get('/api/v1/classes'));
  store.classes = data.assignments;
  store.periods = data.periods;
  store.today = data.today;
  const classList = $('class-list');
  const pick = $('pick-class');
  classList.replaceChildren();
  pick.replaceChildren();
  for (const a of store.classes) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link';
    b.textContent = choiceLabel(a);
    b.addEventListener('click', () => showJournal({ class: a.class, subject: a.subject, group: a.group }));
    li.append(b);
    classList.append(li);
    pick.append(new Option(choiceLabel(a), choiceKey(a)));
  }
  const today = await (todayAsked ?? api.get('/api/v1/today', { date: store.today }));
  const list = $('today-list');
  list.replaceChildren();
  if (!today.lessons.length) {
    const li = document.createElement('li');
    li.textContent = t('nav.noLessons');
    list.append(li);
  }
  for (const l of today.lessons) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link';
    b.textContent = `${t('nav.slot', l.slot)}: ${l.class}, ${l.subjectName}${l.group !== 'all' ? ` (${l.group})` : ''}`;
    b.addEventListener('click', async () => {
      const period = store.periods.find((p) => periodApplies(p, l.class) && p.start <= store.today && store.today <= p.end);
      await showJournal({ class: l.class, subject: l.subject, group: l.group, from: period?.start ?? store.today,
        to: period?.end ?? store.today });
      if (!l.recorded) openLesson(l.lesson, () => { store.grid.reload(); store.sideReady = loadSide(); });
    });
    li.append(b);
    const note = document.createElement('span');
    note.className = 'note';
    note.textContent = l.recorded ? ` — ${l.topic}` : ` — ${t('nav.notRecorded')}`;
    li.append(note);
    list.append(li);
  }
}

async function start() {
  // Everything the first screen needs is asked at once; the texts and the session first (the rest needs both).
  const [, session] = await Promise.all([loadTexts(), api.get('/api/v1/session')]);
  applyTexts();
  if (!session.unlocked) { location.replace('/?locked=1'); return; }
  setCsrf(session.csrf);
  $('teacher').textContent = session.teacherName;
  store.grid = new Grid($('grid-wrap'), $('grid-status'));
  store.work = new WorkPanel($('work'), () => store.grid.reload());
  store.ktp = new KtpPanel($('ktp'), () => store.today);
  store.substitutions = new SubstitutionsPanel($('substitutions'), () => store.today, () => store.grid.reload());
  store.grid.onShown = (data) => Promise.all([store.work.show(data), store.ktp.show(data),
    store.substitutions.show({ from: data.from, to: data.to })]).catch((e) => {
    $('grid-status').textContent = t('error.generic', e.message);
  });
  $('logout').addEventListener('click', async () => {
    try { await api.post('/api/v1/lock'); } finally { location.replace('/'); }
  });
  $('grid-form').addEventListener('submit', (e) => { e.preventDefault(); showJournal(chooseFromForm()); });
  $('print-journal').addEventListener('click', () => printDocument('journal'));
  $('print-ktp').addEventListener('click', () => printDocument('ktp'));
  $('pick-period').addEventListener('change', () => {
    const p = store.periods.find((x) => x.id === $('pick-period').value);
    if (p) { $('pick-from').value = p.start; $('pick-to').value = p.end; }
  });
  // /journal?class=7А&subject=math&group=all[&from=…&to=…] opens that journal (a bookmark, the benchmark).
  const asked = new URLSearchParams(location.search);
  let params = null;
  if (asked.get('class') && asked.get('subject')) {
    params = { class: asked.get('class'), subject: asked.get('subject'), group: asked.get('group') || 'all' };
    if (asked.get('from') && asked.get('to')) { params.from = asked.get('from'); params.to = asked.get('to'); }
  }
  store.sideReady = loadSide(api.get('/api/v1/classes'), api.get('/api/v1/today'));
  const grid = params ? showJournal(params) : null;
  await store.sideReady;
  if (grid) await grid;
  else if (store.classes.length) {
    const a = store.classes[0];
    await showJournal({ class: a.class, subject: a.subject, group: a.group });
  }
  const sync = new SyncBar($('sync-state'), $('sync-button'), (revision) => store.grid.refreshIfChanged(revision),
                           $('sync-conflicts'));
  sync.start();
}

start().catch((e) => { $('grid-status').textContent = t('error.generic', e.message); });

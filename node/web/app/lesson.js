// The lesson form (3.2, 3.1): topic (free, or a topic of the КТП), homework with its due date, the form of
// assessment from the school's list, the distance flag. Opens for a recorded lesson or a planned one from the
// timetable; the server checks everything (saveLesson) and its refusal is shown in the form.
import { api, ApiError } from '/app/api.js';
import { t } from '/app/text.js';

const $ = (id) => document.getElementById(id);

function longDate(iso) { return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`; }

export async function openLesson(key, onSaved) {
  const dialog = $('lesson-dialog');
  const data = await api.get('/api/v1/lesson', { lesson: key });
  const [klass] = key.split('/');
  $('lesson-title').textContent = t('lesson.title', klass, longDate(data.date), data.slot);
  $('lesson-topic').value = data.topic ?? '';
  $('lesson-homework').value = data.homework ?? '';
  $('lesson-due').value = data.due ?? '';
  $('lesson-distance').checked = !!data.distance;
  const forms = $('lesson-form-of');
  forms.replaceChildren(new Option(t('lesson.noForm'), ''));
  for (const f of data.forms) forms.append(new Option(f, f));
  forms.value = data.form ?? '';
  const ktp = $('lesson-ktp');
  ktp.replaceChildren(new Option(t('lesson.noKtp'), ''));
  for (const topic of data.ktpTopics) ktp.append(new Option(`${topic.number}. ${topic.title}`, String(topic.number)));
  ktp.value = data.ktp ? String(data.ktp) : '';
  ktp.onchange = () => {
    const chosen = data.ktpTopics.find((x) => String(x.number) === ktp.value);
    if (chosen && !$('lesson-topic').value) $('lesson-topic').value = chosen.title;
  };
  const columns = markColumnRows(data.marks ?? []);
  $('lesson-message').textContent = '';
  $('lesson-cancel').onclick = () => dialog.close();
  $('lesson-form').onsubmit = async (event) => {
    event.preventDefault();
    $('lesson-save').disabled = true;
    try {
      await api.post('/api/v1/lesson', {
        lesson: key,
        topic: $('lesson-topic').value,
        homework: $('lesson-homework').value,
        due: $('lesson-due').value,
        form: forms.value,
        distance: $('lesson-distance').checked,
        ktp: ktp.value ? Number(ktp.value) : null,
        marks: columns.map(({ kind, weight }) => ({ kind: kind.value, weight: Number(weight.value) })),
      });
      dialog.close();
      onSaved?.();
    } catch (e) {
      $('lesson-message').textContent = e instanceof ApiError ? e.message : t('login.network');
    } finally {
      $('lesson-save').disabled = false;
    }
  };
  dialog.showModal();
  $('lesson-topic').focus();
}

// R-J2: one row per mark column (at least two): its kind and weight. Returns the rows' inputs.
function markColumnRows(stored) {
  const fieldset = $('lesson-marks');
  fieldset.querySelectorAll('.mark-column').forEach((row) => row.remove());
  const rows = [];
  const count = Math.max(2, stored.length);
  for (let i = 0; i < count; i++) {
    const row = document.createElement('div');
    row.className = 'mark-column';
    const title = document.createElement('span');
    title.textContent = t('lesson.marksColumn', i + 1);
    const kindLabel = document.createElement('label');
    kindLabel.htmlFor = `lesson-kind-${i + 1}`;
    kindLabel.textContent = t('lesson.kind');
    const kind = document.createElement('select');
    kind.id = `lesson-kind-${i + 1}`;
    kind.append(new Option(t('lesson.kindCurrent'), 'current'), new Option(t('lesson.kindControl'), 'control'));
    kind.value = stored[i]?.kind ?? 'current';
    const weightLabel = document.createElement('label');
    weightLabel.htmlFor = `lesson-weight-${i + 1}`;
    weightLabel.textContent = t('lesson.weight');
    const weight = document.createElement('input');
    weight.id = `lesson-weight-${i + 1}`;
    weight.type = 'number';
    weight.min = '1';
    weight.max = '10';
    weight.required = true;
    weight.value = String(stored[i]?.weight ?? 1);
    row.append(title, kindLabel, kind, weightLabel, weight);
    fieldset.append(row);
    rows.push({ kind, weight });
  }
  return rows;
}

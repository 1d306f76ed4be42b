// Browser side of the sidebar «Панель мониторинга». Everything shown goes in as text
// (textContent, never innerHTML): school names and settings are data.
import { SIDEBAR as T } from '../core/messages';
import type { SidebarStatus } from '../core/sidebar';
import { call } from './server';

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const app = document.getElementById('app') as HTMLElement;

function message(text: string, cls: string, role = 'status'): HTMLElement {
  return el('p', { class: cls, role }, text);
}

function errorList(id: string, errors: readonly string[]): HTMLElement {
  return el('ul', { id, class: 'errors', role: 'alert' }, ...errors.map((e) => el('li', {}, e)));
}

function statusSection(s: SidebarStatus): HTMLElement {
  const progress = el('progress', {
    id: 'responded-bar',
    max: String(Math.max(s.schools, 1)),
    value: String(s.responded),
    'aria-label': s.respondedText,
  });
  return el(
    'section',
    { id: 'status' },
    el(
      'dl',
      {},
      el('dt', {}, T.period),
      el('dd', { id: 'period' }, s.period),
      el('dt', {}, T.deadline),
      el('dd', { id: 'deadline' }, s.daysLeft ? `${s.deadline}, ${s.daysLeft}` : s.deadline),
      el('dt', {}, T.responses),
      el('dd', { id: 'responded' }, s.respondedText),
    ),
    progress,
    s.notResponded.length
      ? el(
          'details',
          s.notResponded.length <= 5 ? { open: '' } : {},
          el('summary', {}, T.notResponded),
          el('ul', { id: 'not-responded' }, ...s.notResponded.map((n) => el('li', {}, n))),
        )
      : '',
    el(
      'dl',
      {},
      el('dt', {}, T.held),
      el('dd', { id: 'held' }, String(s.held)),
      el('dt', {}, T.rejected),
      el('dd', { id: 'rejected' }, String(s.rejected)),
      el('dt', {}, T.quota),
      el('dd', { id: 'quota' }, String(s.quotaLeft)),
    ),
    s.settingErrors.length
      ? el('div', {}, el('p', {}, T.settingErrors), errorList('setting-errors', s.settingErrors))
      : '',
  );
}

function jobSection(s: SidebarStatus): HTMLElement {
  const body: Array<Node | string> = [el('h2', {}, T.jobTitle)];
  if (s.job) {
    body.push(
      el('p', { id: 'job-text' }, s.job.text),
      el('progress', {
        id: 'job-bar',
        max: '100',
        value: String(s.job.percent),
        'aria-label': s.job.text,
      }),
    );
  } else body.push(el('p', { id: 'job-text' }, T.noJob));
  return el('section', { id: 'job' }, ...body);
}

function runsSection(s: SidebarStatus): HTMLElement {
  return el(
    'section',
    { id: 'runs' },
    el('h2', {}, T.runsTitle),
    s.runs.length ? el('ul', {}, ...s.runs.map((r) => el('li', {}, r))) : el('p', {}, T.noRuns),
  );
}

function settingsSection(s: SidebarStatus): HTMLElement {
  const feedback = el('div', { id: 'settings-feedback' });
  const form = el('form', { id: 'settings', novalidate: '' });
  for (const f of s.fields) {
    const input = el('input', { id: `f-${f.code}`, name: f.code, type: 'text' });
    input.value = f.value;
    form.append(el('label', { for: input.id }, f.label), input);
  }
  const save = el('button', { type: 'submit', class: 'primary' }, T.save);
  form.append(save, feedback);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    for (const f of s.fields) {
      values[f.code] = (form.elements.namedItem(f.code) as HTMLInputElement).value;
    }
    save.disabled = true;
    feedback.replaceChildren(message(T.working, ''));
    call('sidebarSaveSettings', values)
      .then((outcome) => {
        for (const input of Array.from(form.querySelectorAll('input')))
          input.removeAttribute('aria-invalid');
        if (outcome.ok) {
          feedback.replaceChildren(message(T.saved, 'ok'));
          return refresh();
        }
        for (const f of s.fields) {
          if (outcome.errors.some((e) => e.includes(`«${f.label}»`)))
            form.querySelector(`#f-${f.code}`)?.setAttribute('aria-invalid', 'true');
        }
        feedback.replaceChildren(errorList('save-errors', outcome.errors));
      })
      .catch((error: Error) =>
        feedback.replaceChildren(message(T.failed(error.message), 'errors', 'alert')),
      )
      .finally(() => {
        save.disabled = false;
      });
  });
  return el('section', {}, el('h2', {}, T.settingsTitle), form);
}

function actionsSection(): HTMLElement {
  const feedback = el('div', { id: 'action-feedback' });
  const buttons = T.actions.map(([handler, caption]) => {
    const button = el('button', { type: 'button', 'data-action': handler }, caption);
    button.addEventListener('click', () => {
      button.disabled = true;
      feedback.replaceChildren(message(T.working, ''));
      call(handler as 'menuRecompute')
        .then((result) => {
          feedback.replaceChildren(message(String(result ?? ''), 'ok'));
          return refresh();
        })
        .catch((error: Error) =>
          feedback.replaceChildren(message(T.failed(error.message), 'errors', 'alert')),
        )
        .finally(() => {
          button.disabled = false;
        });
    });
    return button;
  });
  const again = el('button', { type: 'button', id: 'refresh' }, T.refresh);
  again.addEventListener('click', () => void refresh());
  return el(
    'section',
    { class: 'actions' },
    el('h2', {}, T.actionsTitle),
    ...buttons,
    again,
    feedback,
  );
}

const statusBox = el('div');
const jobBox = el('div');
const runsBox = el('div');
let built = false;

/** Redraws the figures in place; the form and the buttons stay (typing and focus are kept). */
function refresh(): Promise<void> {
  return call('sidebarStatus')
    .then((s) => {
      statusBox.replaceChildren(statusSection(s));
      jobBox.replaceChildren(jobSection(s));
      runsBox.replaceChildren(runsSection(s));
      if (!built) {
        built = true;
        app.replaceChildren(
          el('h1', {}, T.title),
          statusBox,
          jobBox,
          runsBox,
          settingsSection(s),
          actionsSection(),
        );
      }
    })
    .catch((error: Error) =>
      (built ? statusBox : app).replaceChildren(
        message(T.failed(error.message), 'errors', 'alert'),
      ),
    );
}

app.replaceChildren(message(T.loading, ''));
void refresh();

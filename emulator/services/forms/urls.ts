/** The addresses Google gives a form and its responses. */
import type { AnswerValue, FormData } from './model';

const BASE = 'https://docs.google.com/forms/d';

export function editUrl(form: FormData): string {
  return `${BASE}/${form.id}/edit`;
}

export function publishedUrl(form: FormData): string {
  return `${BASE}/e/${form.publishedId}/viewform`;
}

export function summaryUrl(form: FormData): string {
  return `${BASE}/${form.id}/viewanalytics`;
}

export function editResponseUrl(form: FormData, responseId: string): string {
  return `${publishedUrl(form)}?edit2=${encodeURIComponent(responseId)}`;
}

/** Form-style encoding, as Google's pre-filled links use it (a space becomes `+`). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** `…/viewform?usp=pp_url&entry.<itemId>=<value>`; a checkbox answer repeats its entry. */
export function prefilledUrl(form: FormData, answers: ReadonlyMap<number, AnswerValue>): string {
  const params = ['usp=pp_url'];
  for (const item of form.items) {
    const answer = answers.get(item.id);
    if (answer === undefined) continue;
    for (const v of Array.isArray(answer) ? answer : [answer])
      params.push(`entry.${item.id}=${encode(v)}`);
  }
  return `${publishedUrl(form)}?${params.join('&')}`;
}

/**
 * Emulated HtmlService: HTML outputs and Apps Script templates. Templates are compiled to a
 * JavaScript function with `new Function`, which the emulator may do (the product may not): the
 * scriptlets `<? code ?>`, `<?= expr ?>` (HTML-escaped) and `<?!= expr ?>` (raw) run with the
 * template's properties, then the globals the loader registered, in scope, as on Google.
 */
import type { Runtime } from '../runtime';
import { EmulatedBlob } from './blob';
import { asGas, gasEnum, gasError } from './gas';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function rawText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

class MetaTag implements Pick<GoogleAppsScript.HTML.HtmlOutputMetaTag, 'getContent' | 'getName'> {
  constructor(
    private readonly rt: Runtime,
    private readonly name: string,
    private readonly content: string,
  ) {}

  getContent(): string {
    this.rt.record('HtmlService', 'HtmlOutputMetaTag.getContent');
    return this.content;
  }

  getName(): string {
    this.rt.record('HtmlService', 'HtmlOutputMetaTag.getName');
    return this.name;
  }
}

export class EmulatedHtmlOutput implements Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'asTemplate'
  | 'clear'
  | 'getBlob'
  | 'getContent'
  | 'getFaviconUrl'
  | 'getHeight'
  | 'getMetaTags'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setFaviconUrl'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode'
> {
  private title = '';
  private width = 0;
  private height = 0;
  private favicon = '';
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private readonly metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    private readonly service: EmulatedHtmlService,
    private readonly rt: Runtime,
    private content: string,
  ) {}

  private count(method: string): void {
    this.rt.record('HtmlService', `HtmlOutput.${method}`);
  }

  addMetaTag(name: string, content: string): GoogleAppsScript.HTML.HtmlOutput {
    this.count('addMetaTag');
    this.metaTags.push({ name, content });
    return asGas(this);
  }

  append(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this.count('append');
    this.content += rawText(addedContent);
    return asGas(this);
  }

  appendUntrusted(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this.count('appendUntrusted');
    this.content += escapeHtml(addedContent);
    return asGas(this);
  }

  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    this.count('asTemplate');
    return asGas(new EmulatedHtmlTemplate(this.service, this.rt, this.content));
  }

  clear(): GoogleAppsScript.HTML.HtmlOutput {
    this.count('clear');
    this.content = '';
    return asGas(this);
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.count('getBlob');
    return asGas(new EmulatedBlob(this.content, 'text/html', this.title || null));
  }

  getContent(): string {
    this.count('getContent');
    return this.content;
  }

  getFaviconUrl(): string {
    this.count('getFaviconUrl');
    return this.favicon;
  }

  getHeight(): number {
    this.count('getHeight');
    return this.height;
  }

  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    this.count('getMetaTags');
    return this.metaTags.map((m) => asGas(new MetaTag(this.rt, m.name, m.content)));
  }

  getTitle(): string {
    this.count('getTitle');
    return this.title;
  }

  getWidth(): number {
    this.count('getWidth');
    return this.width;
  }

  setContent(content: string): GoogleAppsScript.HTML.HtmlOutput {
    this.count('setContent');
    this.content = rawText(content);
    return asGas(this);
  }

  setFaviconUrl(iconUrl: string): GoogleAppsScript.HTML.HtmlOutput {
    this.count('setFaviconUrl');
    this.favicon = iconUrl;
    return asGas(this);
  }

  setHeight(height: number): GoogleAppsScript.HTML.HtmlOutput {
    this.count('setHeight');
    this.height = height;
    return asGas(this);
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GoogleAppsScript.HTML.HtmlOutput {
    this.count('setSandboxMode');
    this.sandboxMode = String(mode);
    return asGas(this);
  }

  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this.count('setTitle');
    this.title = title;
    return asGas(this);
  }

  setWidth(width: number): GoogleAppsScript.HTML.HtmlOutput {
    this.count('setWidth');
    this.width = width;
    return asGas(this);
  }

  setXFrameOptionsMode(
    mode: GoogleAppsScript.HTML.XFrameOptionsMode,
  ): GoogleAppsScript.HTML.HtmlOutput {
    this.count('setXFrameOptionsMode');
    this.xFrameOptionsMode = String(mode);
    return asGas(this);
  }

  /** Non-Google: the sandbox and X-Frame-Options modes set on this output. */
  __modes(): { sandboxMode: string; xFrameOptionsMode: string } {
    return { sandboxMode: this.sandboxMode, xFrameOptionsMode: this.xFrameOptionsMode };
  }
}

/** Template source -> the body of a function(__out, __esc, __raw, __props, __globals). */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = scriptlet.exec(source)) !== null) {
    if (match.index > last)
      lines.push(`__out.push(${JSON.stringify(source.slice(last, match.index))});`);
    const code = match[2].trim();
    if (match[1] === '=') lines.push(`__out.push(__esc(${code}));`);
    else if (match[1] === '!=') lines.push(`__out.push(__raw(${code}));`);
    else lines.push(code);
    last = scriptlet.lastIndex;
  }
  if (last < source.length) lines.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return lines.join('\n');
}

/** Template internals live outside the object, so its own keys are exactly the script's data. */
const templateState = new WeakMap<
  EmulatedHtmlTemplate,
  { service: EmulatedHtmlService; rt: Runtime; source: string }
>();

export class EmulatedHtmlTemplate implements Pick<
  GoogleAppsScript.HTML.HtmlTemplate,
  'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'
> {
  // The script assigns arbitrary data to a template (`t.schools = ...`), as Google's type allows.
  [propName: string]: unknown;

  constructor(service: EmulatedHtmlService, rt: Runtime, source: string) {
    templateState.set(this, { service, rt, source });
  }

  private state(): { service: EmulatedHtmlService; rt: Runtime; source: string } {
    const s = templateState.get(this);
    if (!s) throw new Error('template state lost');
    return s;
  }

  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const { service, rt, source } = this.state();
    rt.record('HtmlService', 'HtmlTemplate.evaluate');
    const props: Record<string, unknown> = { ...this };
    const out: string[] = [];
    // `with` gives scriptlets the template's properties and the script's globals as free names,
    // which is how Apps Script scopes them; it needs a sloppy-mode function, hence new Function.
    // eslint-disable-next-line no-new-func
    const run = new Function(
      '__out',
      '__esc',
      '__raw',
      '__props',
      '__globals',
      `with (__globals) { with (__props) {\n${compileTemplate(source)}\n} }`,
    ) as (
      out: string[],
      esc: (v: unknown) => string,
      raw: (v: unknown) => string,
      props: Record<string, unknown>,
      globals: Record<string, unknown>,
    ) => void;
    run(out, escapeHtml, rawText, props, service.__globals());
    return asGas(new EmulatedHtmlOutput(service, rt, out.join('')));
  }

  getCode(): string {
    const { rt, source } = this.state();
    rt.record('HtmlService', 'HtmlTemplate.getCode');
    return compileTemplate(source);
  }

  getCodeWithComments(): string {
    const { rt, source } = this.state();
    rt.record('HtmlService', 'HtmlTemplate.getCodeWithComments');
    return compileTemplate(source);
  }

  getRawContent(): string {
    const { rt, source } = this.state();
    rt.record('HtmlService', 'HtmlTemplate.getRawContent');
    return source;
  }
}

function sourceOf(htmlOrBlob: unknown): string {
  if (htmlOrBlob === undefined || htmlOrBlob === null) return '';
  if (typeof htmlOrBlob === 'string') return htmlOrBlob;
  const blob = (htmlOrBlob as GoogleAppsScript.Base.BlobSource).getBlob?.();
  if (blob) return blob.getDataAsString();
  return String(htmlOrBlob);
}

export class EmulatedHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'getUserAgent'
> {
  readonly SandboxMode = gasEnum<typeof GoogleAppsScript.HTML.SandboxMode>(SandboxMode);
  readonly XFrameOptionsMode =
    gasEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(XFrameOptionsMode);
  private files: Record<string, string> = {};
  private globals: Record<string, unknown> = {};

  constructor(private readonly rt: Runtime) {}

  private file(filename: string): string {
    const hit = this.files[filename] ?? this.files[`${filename}.html`];
    if (hit === undefined) throw gasError(`No HTML file named ${filename} was found.`);
    return hit;
  }

  createHtmlOutput(
    html?: string | GoogleAppsScript.Base.BlobSource,
  ): GoogleAppsScript.HTML.HtmlOutput {
    this.rt.record('HtmlService', 'HtmlService.createHtmlOutput');
    return asGas(new EmulatedHtmlOutput(this, this.rt, sourceOf(html)));
  }

  createHtmlOutputFromFile(filename: string): GoogleAppsScript.HTML.HtmlOutput {
    this.rt.record('HtmlService', 'HtmlService.createHtmlOutputFromFile');
    return asGas(new EmulatedHtmlOutput(this, this.rt, this.file(filename)));
  }

  createTemplate(
    html: string | GoogleAppsScript.Base.BlobSource,
  ): GoogleAppsScript.HTML.HtmlTemplate {
    this.rt.record('HtmlService', 'HtmlService.createTemplate');
    return asGas(new EmulatedHtmlTemplate(this, this.rt, sourceOf(html)));
  }

  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    this.rt.record('HtmlService', 'HtmlService.createTemplateFromFile');
    return asGas(new EmulatedHtmlTemplate(this, this.rt, this.file(filename)));
  }

  getUserAgent(): string {
    this.rt.record('HtmlService', 'HtmlService.getUserAgent');
    return 'shnor-monitor-emulator';
  }

  /** Non-Google: the project's HTML files by name ("Sidebar" or "Sidebar.html"). */
  __setFiles(map: Record<string, string>): void {
    this.files = { ...map };
  }

  /** Non-Google: the script's globals, visible to scriptlets (e.g. an `include(name)` helper). */
  __setGlobals(globals: Record<string, unknown>): void {
    this.globals = globals;
  }

  __globals(): Record<string, unknown> {
    return this.globals;
  }
}

export function createHtmlService(rt: Runtime): EmulatedHtmlService {
  return new EmulatedHtmlService(rt);
}

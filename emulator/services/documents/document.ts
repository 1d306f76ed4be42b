/**
 * Emulated Document and DocumentApp. Each document is a Drive file (its name lives there, so
 * renaming either renames both) plus its body's element model.
 */
import type { Runtime } from '../../runtime';
import { EmulatedBlob } from '../blob';
import type { DriveFileRecord, EmulatedDriveApp } from '../drive';
import { read, write, type DocContext } from './context';
import {
  Attribute,
  ElementType,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  PositionedLayout,
  TextAlignment,
  VerticalAlignment,
} from './enums';
import { defaultPage, newParagraph, type BlockNode, type DocumentModel } from './model';
import { EmulatedBody } from './body';
import { StoredDocument } from './stored';
import { importHtml } from './import-html';
import { docContext } from './views';
import { asGas, gasEnum, gasError } from '../gas';

export const GOOGLE_DOCS_MIME = 'application/vnd.google-apps.document';

const MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";

type DocRecord = StoredDocument;

export class EmulatedDocument implements Pick<
  GoogleAppsScript.Document.Document,
  | 'addEditor'
  | 'addViewer'
  | 'getAs'
  | 'getBlob'
  | 'getBody'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getViewers'
  | 'saveAndClose'
  | 'setName'
> {
  constructor(
    private readonly ctx: DocContext,
    private readonly record: DocRecord,
  ) {}

  private users(emails: Set<string>): GoogleAppsScript.Base.User[] {
    return [...emails].map((email) => asGas({ getEmail: () => email }));
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    write(this.ctx, 'Document.addEditor');
    this.record.file.editors.add(
      typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail(),
    );
    return asGas(this);
  }

  addViewer(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    write(this.ctx, 'Document.addViewer');
    this.record.file.viewers.add(
      typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail(),
    );
    return asGas(this);
  }

  /** Only the document's text is available offline; Google would convert to PDF, Word, etc. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    read(this.ctx, 'Document.getAs');
    if (contentType !== 'text/plain') {
      throw gasError(`Converting from ${GOOGLE_DOCS_MIME} to ${contentType} is not supported.`);
    }
    return asGas(documentTextBlob(this.record));
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    read(this.ctx, 'Document.getBlob');
    return asGas(documentTextBlob(this.record));
  }

  getBody(): GoogleAppsScript.Document.Body {
    read(this.ctx, 'Document.getBody');
    return asGas(
      new EmulatedBody(this.ctx, { kind: 'body', blocks: this.record.body }, this.record.page),
    );
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    read(this.ctx, 'Document.getEditors');
    return this.users(this.record.file.editors);
  }

  getId(): string {
    read(this.ctx, 'Document.getId');
    return this.record.file.id;
  }

  getName(): string {
    read(this.ctx, 'Document.getName');
    return this.record.file.name;
  }

  getUrl(): string {
    read(this.ctx, 'Document.getUrl');
    return this.record.file.url;
  }

  getViewers(): GoogleAppsScript.Base.User[] {
    read(this.ctx, 'Document.getViewers');
    return this.users(this.record.file.viewers);
  }

  /** Edits made through this object afterwards fail, as on Google; reopen with openById. */
  saveAndClose(): void {
    write(this.ctx, 'Document.saveAndClose');
    this.ctx.handle.closed = true;
    this.record.closed();
  }

  setName(name: string): GoogleAppsScript.Document.Document {
    write(this.ctx, 'Document.setName');
    this.record.file.name = String(name);
    this.record.file.updatedAt = this.ctx.rt.clock.now();
    return asGas(this);
  }

  /** Non-Google: a deep copy of the content, for the .docx exporter and tests. */
  __model(): DocumentModel {
    return {
      id: this.record.file.id,
      name: this.record.file.name,
      body: this.record.copyOfBody(),
      page: { ...this.record.page },
    };
  }
}

function documentTextBlob(record: DocRecord): EmulatedBlob {
  return new EmulatedBlob(record.text(), 'text/plain', `${record.file.name}.txt`);
}

export class EmulatedDocumentApp implements Pick<
  GoogleAppsScript.Document.DocumentApp,
  | 'Attribute'
  | 'ElementType'
  | 'GlyphType'
  | 'HorizontalAlignment'
  | 'ParagraphHeading'
  | 'PositionedLayout'
  | 'TextAlignment'
  | 'VerticalAlignment'
  | 'create'
  | 'getActiveDocument'
  | 'openById'
  | 'openByUrl'
> {
  readonly Attribute = gasEnum<typeof GoogleAppsScript.Document.Attribute>(Attribute);
  readonly ElementType = gasEnum<typeof GoogleAppsScript.Document.ElementType>(ElementType);
  readonly GlyphType = gasEnum<typeof GoogleAppsScript.Document.GlyphType>(GlyphType);
  readonly HorizontalAlignment =
    gasEnum<typeof GoogleAppsScript.Document.HorizontalAlignment>(HorizontalAlignment);
  readonly ParagraphHeading =
    gasEnum<typeof GoogleAppsScript.Document.ParagraphHeading>(ParagraphHeading);
  readonly PositionedLayout =
    gasEnum<typeof GoogleAppsScript.Document.PositionedLayout>(PositionedLayout);
  readonly TextAlignment = gasEnum<typeof GoogleAppsScript.Document.TextAlignment>(TextAlignment);
  readonly VerticalAlignment =
    gasEnum<typeof GoogleAppsScript.Document.VerticalAlignment>(VerticalAlignment);

  private readonly docs = new Map<string, DocRecord>();

  constructor(
    private readonly rt: Runtime,
    private readonly drive: EmulatedDriveApp,
  ) {}

  /** Each open of a document gets its own handle, so saveAndClose ends only that one. */
  private open(record: DocRecord): GoogleAppsScript.Document.Document {
    const ctx = docContext(this.rt, { closed: false }, () => this.rt.nextId('kix.list'));
    record.opened();
    return asGas(new EmulatedDocument(ctx, record));
  }

  /** A new document holds one empty paragraph, as Google's do. */
  create(name: string): GoogleAppsScript.Document.Document {
    this.rt.assertWritable('DocumentApp.create');
    this.rt.record('DocumentApp', 'DocumentApp.create');
    return this.open(this.newRecord(String(name), [newParagraph()]));
  }

  private newRecord(name: string, body: BlockNode[], id?: string): DocRecord {
    const file = this.drive.__store.addFile({
      id,
      name,
      mimeType: GOOGLE_DOCS_MIME,
      url: (id) => `https://docs.google.com/document/d/${id}/edit`,
      blob: () => documentTextBlob(record),
    });
    const record = new StoredDocument(file, body, defaultPage());
    this.docs.set(file.id, record);
    return record;
  }

  /**
   * Non-Google: a Google Doc made by Drive's import of an HTML page (the advanced Drive
   * service), with Google's default page; its Drive file.
   */
  __importHtml(name: string, html: string, id?: string): DriveFileRecord {
    const body = importHtml(html, () => this.rt.nextId('kix.list'));
    // Kept as objects: the script opens an imported document next (page, title, pictures);
    // its body is stored compactly when that handle is closed.
    return this.newRecord(name, body, id).file;
  }

  /** Non-Google: Drive's import of an HTML page over an existing Google Doc; false if none. */
  __reimportHtml(id: string, html: string): boolean {
    const record = this.docs.get(id);
    if (!record) return false;
    record.body.splice(
      0,
      record.body.length,
      ...importHtml(html, () => this.rt.nextId('kix.list')),
    );
    // The page too is the import's (Google's default) until the script sets it again.
    Object.assign(record.page, defaultPage());
    record.file.updatedAt = this.rt.clock.now();
    return true;
  }

  /** Add-on menus run bound to the spreadsheet, never to a document. */
  getActiveDocument(): GoogleAppsScript.Document.Document {
    this.rt.record('DocumentApp', 'DocumentApp.getActiveDocument');
    return asGas(null);
  }

  openById(id: string): GoogleAppsScript.Document.Document {
    this.rt.record('DocumentApp', 'DocumentApp.openById');
    const record = this.docs.get(String(id));
    if (!record) throw gasError(MISSING);
    return this.open(record);
  }

  openByUrl(url: string): GoogleAppsScript.Document.Document {
    this.rt.record('DocumentApp', 'DocumentApp.openByUrl');
    const id = /\/d\/([^/?#]+)/.exec(String(url))?.[1];
    const record = id ? this.docs.get(id) : undefined;
    if (!record) throw gasError(MISSING);
    return this.open(record);
  }

  /** Non-Google: every document created so far, as element models. */
  __documents(): DocumentModel[] {
    return [...this.docs.values()].map((r) => ({
      id: r.file.id,
      name: r.file.name,
      body: r.copyOfBody(),
      page: { ...r.page },
    }));
  }
}

export function createDocumentApp(rt: Runtime, driveApp: EmulatedDriveApp): EmulatedDocumentApp {
  return new EmulatedDocumentApp(rt, driveApp);
}

/**
 * The advanced Drive service (Drive API v3 as Apps Script exposes it: the global `Drive`, only
 * when the manifest enables it, see the loader). Modelled: `Files.create` and `Files.update`
 * with media, which import an HTML (or plain text) page into a Google Doc when the file is one
 * (`mimeType` application/vnd.google-apps.document): the emulated DocumentApp then holds the
 * document the import made (services/documents/import-html.ts). Other media are stored as a
 * plain Drive file. `Files.get` returns a file's metadata; `Files.generateIds` ids a script
 * may give `Files.create` (so it can note a file's id before the file exists).
 *
 * Calls are counted under the service «Drive» with the uploaded size in kilobytes as their
 * «cells written», which the cost model charges per kilobyte (emulator/cost.ts).
 */
import type { Runtime } from '../runtime';
import { readBlobSource } from './blob';
import type { EmulatedDocumentApp } from './documents';
import { GOOGLE_DOCS_MIME } from './documents';
import type { EmulatedDriveApp } from './drive';
import { gasError } from './gas';
import { escapeHtml } from './html';

type FileResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Media = ReturnType<typeof readBlobSource>;

/** Google's error for a failed advanced-service call. */
function apiError(method: string, message: string): Error {
  return gasError(`API call to drive.files.${method} failed with error: ${message}`);
}

export class AdvancedDriveFiles {
  /** Generated ids not used yet. */
  private readonly generated = new Set<string>();

  constructor(
    private readonly rt: Runtime,
    private readonly drive: EmulatedDriveApp,
    private readonly docs: EmulatedDocumentApp,
  ) {}

  private count(method: string, media?: Media): void {
    this.rt.assertWritable(`Drive.Files.${method}`);
    const kb = media ? Math.ceil(media.size / 1024) : 0;
    this.rt.record('Drive', `Drive.Files.${method}`, { written: kb });
  }

  /** The page Docs imports from the media: HTML as is, plain text a paragraph a line. */
  private page(method: string, media: Media): string {
    const type = (media.contentType ?? '').split(';')[0].trim().toLowerCase();
    const text = media.text();
    if (type === 'text/html') return text;
    if (type === 'text/plain')
      return text
        .split(/\r\n|\r|\n/)
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join('');
    throw apiError(method, `Conversion of ${type || 'this file'} to a Google Doc is not modelled.`);
  }

  private resource(id: string): FileResource {
    const file = this.drive.__store.files.get(id);
    if (!file) throw new Error(`no file ${id}`);
    return { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType };
  }

  create(
    resource: FileResource,
    mediaData?: GoogleAppsScript.Base.BlobSource,
    _optionalArgs?: Record<string, unknown>,
  ): FileResource {
    const media = mediaData ? readBlobSource(mediaData) : undefined;
    this.count('create', media);
    const name = resource.name ?? media?.name ?? 'Untitled';
    const id = resource.id === undefined ? undefined : String(resource.id);
    if (id !== undefined) {
      if (!this.generated.has(id)) throw apiError('create', 'The provided file ID is not usable.');
      this.generated.delete(id);
    }
    if (resource.mimeType === GOOGLE_DOCS_MIME) {
      const page = media ? this.page('create', media) : '';
      return this.resource(this.docs.__importHtml(String(name), page, id).id);
    }
    const file = this.drive.__store.addFile({
      id,
      name: String(name),
      mimeType: resource.mimeType ?? media?.contentType ?? 'application/octet-stream',
      content: media ? media.bytes.slice() : new Uint8Array(),
    });
    return this.resource(file.id);
  }

  update(
    resource: FileResource,
    fileId: string,
    mediaData?: GoogleAppsScript.Base.BlobSource,
    _optionalArgs?: Record<string, unknown>,
  ): FileResource {
    const media = mediaData ? readBlobSource(mediaData) : undefined;
    this.count('update', media);
    const file = this.drive.__store.files.get(String(fileId));
    if (!file) throw apiError('update', `File not found: ${fileId}.`);
    if (media) {
      if (file.mimeType === GOOGLE_DOCS_MIME)
        this.docs.__reimportHtml(file.id, this.page('update', media));
      else file.content = media.bytes.slice();
    }
    if (resource.name !== undefined) file.name = String(resource.name);
    file.updatedAt = this.rt.clock.now();
    return this.resource(file.id);
  }

  generateIds(optionalArgs?: {
    count?: number;
    space?: string;
    type?: string;
  }): GoogleAppsScript.Drive_v3.Drive.V3.Schema.GeneratedIds {
    this.rt.record('Drive', 'Drive.Files.generateIds');
    const count = optionalArgs?.count ?? 10;
    const ids = Array.from({ length: count }, () => this.rt.nextId('gen'));
    for (const id of ids) this.generated.add(id);
    return { kind: 'drive#generatedIds', space: optionalArgs?.space ?? 'drive', ids };
  }

  get(fileId: string, _optionalArgs?: Record<string, unknown>): FileResource {
    this.rt.record('Drive', 'Drive.Files.get');
    if (!this.drive.__store.files.has(String(fileId)))
      throw apiError('get', `File not found: ${fileId}.`);
    return this.resource(String(fileId));
  }
}

export class AdvancedDrive {
  readonly Files: AdvancedDriveFiles;

  constructor(rt: Runtime, drive: EmulatedDriveApp, docs: EmulatedDocumentApp) {
    this.Files = new AdvancedDriveFiles(rt, drive, docs);
  }
}

export function createAdvancedDrive(
  rt: Runtime,
  drive: EmulatedDriveApp,
  docs: EmulatedDocumentApp,
): AdvancedDrive {
  return new AdvancedDrive(rt, drive, docs);
}

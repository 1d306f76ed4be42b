/**
 * The Drive's contents: file and folder records, shared by DriveApp and by the services that
 * create files in Drive (DocumentApp registers its documents here).
 */
import type { Runtime } from '../../runtime';
import { readBlobSource, type EmulatedBlob } from '../blob';
import { gasError } from '../gas';

const NOT_FOUND =
  'No item with the given ID could be found, or you do not have permission to access it.';

export const Access = {
  ANYONE: 'ANYONE',
  ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
  DOMAIN: 'DOMAIN',
  DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK',
  PRIVATE: 'PRIVATE',
} as const;
export const Permission = {
  VIEW: 'VIEW',
  EDIT: 'EDIT',
  COMMENT: 'COMMENT',
  OWNER: 'OWNER',
  ORGANIZER: 'ORGANIZER',
  NONE: 'NONE',
} as const;

export interface ItemRecord {
  id: string;
  name: string;
  parents: Set<string>;
  trashed: boolean;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  editors: Set<string>;
  viewers: Set<string>;
  sharingAccess: string;
  sharingPermission: string;
}

export interface DriveFileRecord extends ItemRecord {
  mimeType: string;
  url: string;
  /** Content of plain files; Google-type files (Docs) produce theirs through `blob`. */
  content: Uint8Array;
  blob?: () => EmulatedBlob;
}

export type DriveFolderRecord = ItemRecord;

/** What another emulated service passes to register its file in Drive. */
export interface NewDriveFile {
  name: string;
  mimeType: string;
  id?: string;
  url?: (id: string) => string;
  content?: Uint8Array;
  blob?: () => EmulatedBlob;
  parentId?: string;
}

/** The Drive's contents, shared by DriveApp and the services that create files in it. */
export class DriveStore {
  readonly files = new Map<string, DriveFileRecord>();
  readonly folders = new Map<string, DriveFolderRecord>();
  readonly rootId: string;

  constructor(private readonly rt: Runtime) {
    this.rootId = rt.nextId('root');
    this.folders.set(this.rootId, this.item(this.rootId, 'My Drive', undefined));
  }

  private item(id: string, name: string, parentId: string | undefined): ItemRecord {
    const now = this.rt.clock.now();
    return {
      id,
      name,
      parents: new Set(parentId ? [parentId] : []),
      trashed: false,
      description: null,
      createdAt: now,
      updatedAt: new Date(now.getTime()),
      editors: new Set(),
      viewers: new Set(),
      sharingAccess: Access.PRIVATE,
      sharingPermission: Permission.EDIT,
    };
  }

  addFile(init: NewDriveFile): DriveFileRecord {
    const id = init.id ?? this.rt.nextId('file');
    const record: DriveFileRecord = {
      ...this.item(id, init.name, init.parentId ?? this.rootId),
      mimeType: init.mimeType,
      url: init.url ? init.url(id) : `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
      content: init.content ?? new Uint8Array(0),
      blob: init.blob,
    };
    this.files.set(id, record);
    return record;
  }

  addFolder(name: string, parentId: string): DriveFolderRecord {
    const record = this.item(this.rt.nextId('folder'), name, parentId);
    this.folders.set(record.id, record);
    return record;
  }

  file(id: string): DriveFileRecord {
    const f = this.files.get(String(id));
    if (!f) throw gasError(NOT_FOUND);
    return f;
  }

  folder(id: string): DriveFolderRecord {
    const f = this.folders.get(String(id));
    if (!f) throw gasError(NOT_FOUND);
    return f;
  }

  touch(record: ItemRecord): void {
    record.updatedAt = this.rt.clock.now();
  }
}

/** A new file in `parentId`, from a name and text or from a blob, as createFile takes them. */
export function createFileIn(
  store: DriveStore,
  parentId: string,
  nameOrBlob: string | GoogleAppsScript.Base.BlobSource,
  content?: string,
  mimeType?: string,
): DriveFileRecord {
  if (typeof nameOrBlob === 'string') {
    return store.addFile({
      name: nameOrBlob,
      mimeType: mimeType ?? 'text/plain',
      content: new Uint8Array(Buffer.from(content ?? '', 'utf8')),
      parentId,
    });
  }
  const blob = readBlobSource(nameOrBlob);
  return store.addFile({
    name: blob.name ?? 'Untitled',
    mimeType: blob.contentType ?? 'application/octet-stream',
    content: blob.bytes.slice(),
    parentId,
  });
}

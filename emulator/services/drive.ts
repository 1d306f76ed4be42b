/**
 * Emulated DriveApp: folders and files in memory (the classes live in ./drive/). Other emulated
 * services (DocumentApp) register their files through the non-Google `__store`, so a report
 * created as a Doc can be found, moved into a folder and trashed like any Drive file. As on
 * Google, searches and listings include trashed items: a script must check isTrashed() itself.
 */
import type { Runtime } from '../runtime';
import { EmulatedFile } from './drive/file';
import { EmulatedFolder } from './drive/folder';
import type { DriveViews } from './drive/item';
import { FileIterator, FolderIterator } from './drive/iterators';
import {
  Access,
  createFileIn,
  DriveStore,
  Permission,
  type DriveFileRecord,
  type DriveFolderRecord,
} from './drive/store';
import { driveViews } from './drive/views';
import { asGas, gasEnum } from './gas';

export { Access, DriveStore, EmulatedFile, EmulatedFolder, Permission };
export type { DriveFileRecord, DriveFolderRecord, NewDriveFile } from './drive/store';

export class EmulatedDriveApp implements Pick<
  GoogleAppsScript.Drive.DriveApp,
  | 'Access'
  | 'Permission'
  | 'createFile'
  | 'createFolder'
  | 'getFileById'
  | 'getFiles'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getFolderById'
  | 'getFolders'
  | 'getFoldersByName'
  | 'getRootFolder'
> {
  readonly Access = gasEnum<typeof GoogleAppsScript.Drive.Access>(Access);
  readonly Permission = gasEnum<typeof GoogleAppsScript.Drive.Permission>(Permission);
  /** Non-Google: the Drive's contents, for services that create files and for tests. */
  readonly __store: DriveStore;

  private readonly views: DriveViews;

  constructor(private readonly rt: Runtime) {
    this.__store = new DriveStore(rt);
    this.views = driveViews(rt, this.__store);
  }

  private count(method: string, writes = false): void {
    if (writes) this.rt.assertWritable(`DriveApp.${method}`);
    this.rt.record('DriveApp', `DriveApp.${method}`);
  }

  private files(
    filter: (f: DriveFileRecord) => boolean = () => true,
  ): GoogleAppsScript.Drive.FileIterator {
    const items = [...this.__store.files.values()].filter(filter);
    return asGas(new FileIterator(this.rt, items, (r) => asGas(this.views.file(r))));
  }

  private folders(
    filter: (f: DriveFolderRecord) => boolean = () => true,
  ): GoogleAppsScript.Drive.FolderIterator {
    const items = [...this.__store.folders.values()].filter(
      (f) => f.id !== this.__store.rootId && filter(f),
    );
    return asGas(new FolderIterator(this.rt, items, (r) => asGas(this.views.folder(r))));
  }

  createFile(
    nameOrBlob: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): GoogleAppsScript.Drive.File {
    this.count('createFile', true);
    const record = createFileIn(this.__store, this.__store.rootId, nameOrBlob, content, mimeType);
    return asGas(this.views.file(record));
  }

  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    this.count('createFolder', true);
    const record = this.__store.addFolder(String(name), this.__store.rootId);
    return asGas(this.views.folder(record));
  }

  getFileById(id: string): GoogleAppsScript.Drive.File {
    this.count('getFileById');
    return asGas(this.views.file(this.__store.file(id)));
  }

  getFiles(): GoogleAppsScript.Drive.FileIterator {
    this.count('getFiles');
    return this.files();
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.count('getFilesByName');
    return this.files((f) => f.name === name);
  }

  getFilesByType(mimeType: string): GoogleAppsScript.Drive.FileIterator {
    this.count('getFilesByType');
    return this.files((f) => f.mimeType === mimeType);
  }

  getFolderById(id: string): GoogleAppsScript.Drive.Folder {
    this.count('getFolderById');
    return asGas(this.views.folder(this.__store.folder(id)));
  }

  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    this.count('getFolders');
    return this.folders();
  }

  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    this.count('getFoldersByName');
    return this.folders((f) => f.name === name);
  }

  getRootFolder(): GoogleAppsScript.Drive.Folder {
    this.count('getRootFolder');
    return asGas(this.views.folder(this.__store.folder(this.__store.rootId)));
  }
}

export function createDriveApp(rt: Runtime): EmulatedDriveApp {
  return new EmulatedDriveApp(rt);
}

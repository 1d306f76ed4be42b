/**
 * What Drive files and folders share: id, name, description, dates, trash, parents, sharing.
 */
import type { Runtime } from '../../runtime';
import { DriveUser, FolderIterator } from './iterators';
import type { EmulatedFile } from './file';
import type { EmulatedFolder } from './folder';
import type { DriveFileRecord, DriveFolderRecord, DriveStore, ItemRecord } from './store';
import { asGas, gasEnumMember, gasError } from '../gas';

export function recordOf(item: unknown, kind: 'file' | 'folder', store: DriveStore): ItemRecord {
  const id = (item as { getId?: () => string } | undefined)?.getId?.();
  if (id === undefined) throw gasError('Invalid argument: child');
  return kind === 'file' ? store.file(id) : store.folder(id);
}

/**
 * The views over Drive's records. Files and folders reach each other only through these
 * (built in views.ts), so file.ts and folder.ts never import one another.
 */
export interface DriveViews {
  file(record: DriveFileRecord): EmulatedFile;
  folder(record: DriveFolderRecord): EmulatedFolder;
}

/** Sharing and naming, common to files and folders. */
export abstract class EmulatedItem<R extends ItemRecord> {
  constructor(
    protected readonly rt: Runtime,
    protected readonly store: DriveStore,
    protected readonly record: R,
    protected readonly views: DriveViews,
  ) {}

  protected abstract readonly className: 'File' | 'Folder';

  protected read(method: string): void {
    this.rt.record('DriveApp', `${this.className}.${method}`);
  }

  protected write(method: string): void {
    this.rt.assertWritable(`${this.className}.${method}`);
    this.rt.record('DriveApp', `${this.className}.${method}`);
  }

  getId(): string {
    this.read('getId');
    return this.record.id;
  }

  getName(): string {
    this.read('getName');
    return this.record.name;
  }

  getDescription(): string | null {
    this.read('getDescription');
    return this.record.description;
  }

  getDateCreated(): GoogleAppsScript.Base.Date {
    this.read('getDateCreated');
    return asGas(new Date(this.record.createdAt.getTime()));
  }

  getLastUpdated(): GoogleAppsScript.Base.Date {
    this.read('getLastUpdated');
    return asGas(new Date(this.record.updatedAt.getTime()));
  }

  isTrashed(): boolean {
    this.read('isTrashed');
    return this.record.trashed;
  }

  getParents(): GoogleAppsScript.Drive.FolderIterator {
    this.read('getParents');
    const parents = [...this.record.parents].map((id) => this.store.folder(id));
    return asGas(new FolderIterator(this.rt, parents, (r) => asGas(this.views.folder(r))));
  }

  getEditors(): GoogleAppsScript.Drive.User[] {
    this.read('getEditors');
    return [...this.record.editors].map((e) => asGas(new DriveUser(e)));
  }

  getViewers(): GoogleAppsScript.Drive.User[] {
    this.read('getViewers');
    return [...this.record.viewers].map((e) => asGas(new DriveUser(e)));
  }

  getSharingAccess(): GoogleAppsScript.Drive.Access {
    this.read('getSharingAccess');
    return gasEnumMember(this.record.sharingAccess);
  }

  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    this.read('getSharingPermission');
    return gasEnumMember(this.record.sharingPermission);
  }

  protected doSetName(name: string): void {
    this.write('setName');
    this.record.name = String(name);
    this.store.touch(this.record);
  }

  protected doSetDescription(description: string): void {
    this.write('setDescription');
    this.record.description = description;
    this.store.touch(this.record);
  }

  protected doSetTrashed(trashed: boolean): void {
    this.write('setTrashed');
    this.record.trashed = Boolean(trashed);
    this.store.touch(this.record);
  }

  protected doMoveTo(destination: unknown): void {
    this.write('moveTo');
    const target = recordOf(destination, 'folder', this.store);
    this.record.parents.clear();
    this.record.parents.add(target.id);
    this.store.touch(this.record);
  }

  protected doAddEditor(email: string | GoogleAppsScript.Base.User): void {
    this.write('addEditor');
    this.record.editors.add(typeof email === 'string' ? email : email.getEmail());
  }

  protected doAddViewer(email: string | GoogleAppsScript.Base.User): void {
    this.write('addViewer');
    this.record.viewers.add(typeof email === 'string' ? email : email.getEmail());
  }

  protected doSetSharing(access: unknown, permission: unknown): void {
    this.write('setSharing');
    this.record.sharingAccess = String(access);
    this.record.sharingPermission = String(permission);
  }
}

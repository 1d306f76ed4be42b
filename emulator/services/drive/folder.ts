/**
 * Emulated Drive Folder. Listings include trashed items, as Google's do.
 */
import { FileIterator, FolderIterator } from './iterators';
import { EmulatedItem, recordOf } from './item';
import { createFileIn, type DriveFileRecord, type DriveFolderRecord } from './store';
import { asGas } from '../gas';

export class EmulatedFolder
  extends EmulatedItem<DriveFolderRecord>
  implements
    Pick<
      GoogleAppsScript.Drive.Folder,
      | 'addEditor'
      | 'addFile'
      | 'addFolder'
      | 'addViewer'
      | 'createFile'
      | 'createFolder'
      | 'getDateCreated'
      | 'getDescription'
      | 'getEditors'
      | 'getFiles'
      | 'getFilesByName'
      | 'getFilesByType'
      | 'getFolders'
      | 'getFoldersByName'
      | 'getId'
      | 'getLastUpdated'
      | 'getName'
      | 'getParents'
      | 'getSharingAccess'
      | 'getSharingPermission'
      | 'getUrl'
      | 'getViewers'
      | 'isTrashed'
      | 'moveTo'
      | 'removeFile'
      | 'removeFolder'
      | 'setDescription'
      | 'setName'
      | 'setSharing'
      | 'setTrashed'
    >
{
  protected readonly className = 'Folder';

  private fileIterator(records: DriveFileRecord[]): GoogleAppsScript.Drive.FileIterator {
    return asGas(new FileIterator(this.rt, records, (r) => asGas(this.views.file(r))));
  }

  private folderIterator(records: DriveFolderRecord[]): GoogleAppsScript.Drive.FolderIterator {
    return asGas(new FolderIterator(this.rt, records, (r) => asGas(this.views.folder(r))));
  }

  private childFiles(filter: (f: DriveFileRecord) => boolean = () => true): DriveFileRecord[] {
    return [...this.store.files.values()].filter((f) => f.parents.has(this.record.id) && filter(f));
  }

  private childFolders(
    filter: (f: DriveFolderRecord) => boolean = () => true,
  ): DriveFolderRecord[] {
    return [...this.store.folders.values()].filter(
      (f) => f.parents.has(this.record.id) && filter(f),
    );
  }

  addEditor(email: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.Folder {
    this.doAddEditor(email);
    return asGas(this);
  }

  addViewer(email: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.Folder {
    this.doAddViewer(email);
    return asGas(this);
  }

  addFile(child: GoogleAppsScript.Drive.File): GoogleAppsScript.Drive.Folder {
    this.write('addFile');
    recordOf(child, 'file', this.store).parents.add(this.record.id);
    return asGas(this);
  }

  addFolder(child: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.Folder {
    this.write('addFolder');
    recordOf(child, 'folder', this.store).parents.add(this.record.id);
    return asGas(this);
  }

  createFile(
    nameOrBlob: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): GoogleAppsScript.Drive.File {
    this.write('createFile');
    const record = createFileIn(this.store, this.record.id, nameOrBlob, content, mimeType);
    return asGas(this.views.file(record));
  }

  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    this.write('createFolder');
    const record = this.store.addFolder(String(name), this.record.id);
    return asGas(this.views.folder(record));
  }

  getFiles(): GoogleAppsScript.Drive.FileIterator {
    this.read('getFiles');
    return this.fileIterator(this.childFiles());
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.read('getFilesByName');
    return this.fileIterator(this.childFiles((f) => f.name === name));
  }

  getFilesByType(mimeType: string): GoogleAppsScript.Drive.FileIterator {
    this.read('getFilesByType');
    const files = this.childFiles((f) => f.mimeType === mimeType);
    return this.fileIterator(files);
  }

  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    this.read('getFolders');
    return this.folderIterator(this.childFolders());
  }

  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    this.read('getFoldersByName');
    const folders = this.childFolders((f) => f.name === name);
    return this.folderIterator(folders);
  }

  getUrl(): string {
    this.read('getUrl');
    return `https://drive.google.com/drive/folders/${this.record.id}`;
  }

  moveTo(destination: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.Folder {
    this.doMoveTo(destination);
    return asGas(this);
  }

  removeFile(child: GoogleAppsScript.Drive.File): GoogleAppsScript.Drive.Folder {
    this.write('removeFile');
    recordOf(child, 'file', this.store).parents.delete(this.record.id);
    return asGas(this);
  }

  removeFolder(child: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.Folder {
    this.write('removeFolder');
    recordOf(child, 'folder', this.store).parents.delete(this.record.id);
    return asGas(this);
  }

  setDescription(description: string): GoogleAppsScript.Drive.Folder {
    this.doSetDescription(description);
    return asGas(this);
  }

  setName(name: string): GoogleAppsScript.Drive.Folder {
    this.doSetName(name);
    return asGas(this);
  }

  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): GoogleAppsScript.Drive.Folder {
    this.doSetSharing(accessType, permissionType);
    return asGas(this);
  }

  setTrashed(trashed: boolean): GoogleAppsScript.Drive.Folder {
    this.doSetTrashed(trashed);
    return asGas(this);
  }
}

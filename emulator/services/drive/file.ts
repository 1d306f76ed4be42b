/**
 * Emulated Drive File.
 */
import { EmulatedBlob } from '../blob';
import { EmulatedItem, recordOf } from './item';
import type { DriveFileRecord } from './store';
import { asGas } from '../gas';

export class EmulatedFile
  extends EmulatedItem<DriveFileRecord>
  implements
    Pick<
      GoogleAppsScript.Drive.File,
      | 'addEditor'
      | 'addViewer'
      | 'getAs'
      | 'getBlob'
      | 'getDateCreated'
      | 'getDescription'
      | 'getEditors'
      | 'getId'
      | 'getLastUpdated'
      | 'getMimeType'
      | 'getName'
      | 'getParents'
      | 'getSharingAccess'
      | 'getSharingPermission'
      | 'getSize'
      | 'getUrl'
      | 'getViewers'
      | 'isTrashed'
      | 'makeCopy'
      | 'moveTo'
      | 'setContent'
      | 'setDescription'
      | 'setName'
      | 'setSharing'
      | 'setTrashed'
    >
{
  protected readonly className = 'File';

  addEditor(email: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.File {
    this.doAddEditor(email);
    return asGas(this);
  }

  addViewer(email: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.File {
    this.doAddViewer(email);
    return asGas(this);
  }

  private makeBlob(): EmulatedBlob {
    if (this.record.blob) return this.record.blob();
    return new EmulatedBlob(this.record.content.slice(), this.record.mimeType, this.record.name);
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.read('getAs');
    return this.makeBlob().getAs(contentType);
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.read('getBlob');
    return asGas(this.makeBlob());
  }

  getMimeType(): string {
    this.read('getMimeType');
    return this.record.mimeType;
  }

  getSize(): number {
    this.read('getSize');
    return this.record.content.length;
  }

  getUrl(): string {
    this.read('getUrl');
    return this.record.url;
  }

  makeCopy(
    nameOrDestination?: string | GoogleAppsScript.Drive.Folder,
    destination?: GoogleAppsScript.Drive.Folder,
  ): GoogleAppsScript.Drive.File {
    this.write('makeCopy');
    const name =
      typeof nameOrDestination === 'string' ? nameOrDestination : `Copy of ${this.record.name}`;
    const folder = typeof nameOrDestination === 'object' ? nameOrDestination : destination;
    const parentId = folder
      ? recordOf(folder, 'folder', this.store).id
      : [...this.record.parents][0];
    const copy = this.store.addFile({
      name,
      mimeType: this.record.mimeType,
      content: this.record.content.slice(),
      blob: this.record.blob,
      parentId,
    });
    return asGas(this.views.file(copy));
  }

  moveTo(destination: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.File {
    this.doMoveTo(destination);
    return asGas(this);
  }

  setContent(content: string): GoogleAppsScript.Drive.File {
    this.write('setContent');
    this.record.content = new Uint8Array(Buffer.from(String(content), 'utf8'));
    this.store.touch(this.record);
    return asGas(this);
  }

  setDescription(description: string): GoogleAppsScript.Drive.File {
    this.doSetDescription(description);
    return asGas(this);
  }

  setName(name: string): GoogleAppsScript.Drive.File {
    this.doSetName(name);
    return asGas(this);
  }

  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): GoogleAppsScript.Drive.File {
    this.doSetSharing(accessType, permissionType);
    return asGas(this);
  }

  setTrashed(trashed: boolean): GoogleAppsScript.Drive.File {
    this.doSetTrashed(trashed);
    return asGas(this);
  }
}

/**
 * Drive's file and folder iterators (hasNext/next over a snapshot taken when listed), and the
 * users a file is shared with.
 */
import type { Runtime } from '../../runtime';
import { gasError } from '../gas';

const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

export class DriveUser implements Pick<
  GoogleAppsScript.Drive.User,
  'getDomain' | 'getEmail' | 'getName' | 'getPhotoUrl'
> {
  constructor(private readonly email: string) {}
  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }
  getEmail(): string {
    return this.email;
  }
  getName(): string {
    return this.email.split('@')[0];
  }
  getPhotoUrl(): string {
    return '';
  }
}

class ItemIterator<T, W> {
  private index = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly className: 'FileIterator' | 'FolderIterator',
    private readonly items: T[],
    private readonly wrap: (item: T) => W,
  ) {}

  getContinuationToken(): string {
    this.rt.record('DriveApp', `${this.className}.getContinuationToken`);
    return `${this.className}:${this.index}`;
  }

  hasNext(): boolean {
    this.rt.record('DriveApp', `${this.className}.hasNext`);
    return this.index < this.items.length;
  }

  next(): W {
    this.rt.record('DriveApp', `${this.className}.next`);
    if (this.index >= this.items.length) throw gasError(ITERATOR_END);
    return this.wrap(this.items[this.index++]);
  }
}

export class FileIterator<T>
  extends ItemIterator<T, GoogleAppsScript.Drive.File>
  implements Pick<GoogleAppsScript.Drive.FileIterator, 'getContinuationToken' | 'hasNext' | 'next'>
{
  constructor(rt: Runtime, items: T[], wrap: (item: T) => GoogleAppsScript.Drive.File) {
    super(rt, 'FileIterator', items, wrap);
  }
}

export class FolderIterator<T>
  extends ItemIterator<T, GoogleAppsScript.Drive.Folder>
  implements
    Pick<GoogleAppsScript.Drive.FolderIterator, 'getContinuationToken' | 'hasNext' | 'next'>
{
  constructor(rt: Runtime, items: T[], wrap: (item: T) => GoogleAppsScript.Drive.Folder) {
    super(rt, 'FolderIterator', items, wrap);
  }
}

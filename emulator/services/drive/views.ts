/**
 * The views over Drive's records: the one module that builds files and folders, so file.ts
 * and folder.ts reach each other through `views` and never import one another.
 */
import type { Runtime } from '../../runtime';
import { EmulatedFile } from './file';
import { EmulatedFolder } from './folder';
import type { DriveViews } from './item';
import type { DriveStore } from './store';

export function driveViews(rt: Runtime, store: DriveStore): DriveViews {
  const views: DriveViews = {
    file: (record) => new EmulatedFile(rt, store, record, views),
    folder: (record) => new EmulatedFolder(rt, store, record, views),
  };
  return views;
}

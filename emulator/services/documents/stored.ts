/**
 * A document as the emulated Drive keeps it. While a script has it open its body is the live
 * element model; once every handle on it is closed (saveAndClose) the body is kept serialised
 * and compressed (v8 structured clone, DEFLATE), ≈ 3 KB instead of ≈ 35 KB of objects for a
 * letter, and is rebuilt when the document is opened again. A municipality's offline run makes
 * one letter per school; kept as objects, 2,000 of them held 60+ MB of heap to the end.
 * What scripts see does not change: the same content comes back on every open.
 */
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DriveFileRecord } from '../drive';
import { blocksText, cloneBlocks, type BlockNode, type PageSetup } from './model';

export class StoredDocument {
  private live: BlockNode[] | null;
  private packed: Buffer | null = null;
  private openHandles = 0;

  constructor(
    readonly file: DriveFileRecord,
    body: BlockNode[],
    readonly page: PageSetup,
  ) {
    this.live = body;
  }

  /** The body to edit (rebuilt from its stored form if need be, and kept live while open). */
  get body(): BlockNode[] {
    if (this.live === null) {
      this.live = this.unpack();
      this.packed = null;
    }
    return this.live;
  }

  /** A copy of the body, for readers; a stored body is not kept live for them. */
  copyOfBody(): BlockNode[] {
    return this.live !== null ? cloneBlocks(this.live) : this.unpack();
  }

  /** The body's text (Google's getText), without keeping a stored body live. */
  text(): string {
    return blocksText(this.live ?? this.unpack());
  }

  /** True while the body is kept serialised (tests). */
  get isPacked(): boolean {
    return this.packed !== null;
  }

  opened(): void {
    this.openHandles += 1;
  }

  /** A handle was closed; with none left open, the body is stored compactly. */
  closed(): void {
    this.openHandles = Math.max(0, this.openHandles - 1);
    if (this.openHandles === 0 && this.live !== null) {
      this.packed = deflateRawSync(serialize(this.live), { level: 1 });
      this.live = null;
    }
  }

  private unpack(): BlockNode[] {
    return deserialize(inflateRawSync(this.packed as Buffer)) as BlockNode[];
  }
}

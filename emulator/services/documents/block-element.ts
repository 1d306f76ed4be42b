/**
 * What paragraphs, list items and tables share as blocks of a container (the body or a table
 * cell): their place among its blocks, copying and removal.
 *
 * Load order: './blocks' builds these classes' subclasses, so paragraph.ts and table.ts import
 * './blocks' before this file (a subclass must not be defined while this file is half-loaded).
 */
import { type DocContext } from './context';
import { ElementBase } from './element';
import { cloneBlock, type BlockNode, type ContainerRef } from './model';
import { removeBlock } from './blocks';
import { unchecked } from '../gas';

/** `Self` is the Google type the chainable methods return (Paragraph, Table...). */
export abstract class BlockElement<N extends BlockNode, Self> extends ElementBase {
  constructor(
    ctx: DocContext,
    protected readonly parent: ContainerRef,
    protected readonly node: N,
  ) {
    super(ctx);
  }

  /** Non-Google: the model node behind this element. */
  __node(): BlockNode {
    return this.node;
  }

  protected self(): Self {
    return unchecked(this);
  }

  /** A detached deep copy, as Google's: it belongs to no document until inserted. */
  copy(): Self {
    this.read('copy');
    const copy = cloneBlock(this.node);
    return unchecked(this.ctx.views.block({ kind: 'body', blocks: [copy] }, copy));
  }

  getNextSibling(): GoogleAppsScript.Document.Element {
    this.read('getNextSibling');
    const next = this.parent.blocks[this.parent.blocks.indexOf(this.node) + 1];
    return unchecked(next ? this.ctx.views.block(this.parent, next) : null);
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    this.read('getParent');
    return unchecked(this.ctx.views.container(this.parent));
  }

  getPreviousSibling(): GoogleAppsScript.Document.Element {
    this.read('getPreviousSibling');
    const index = this.parent.blocks.indexOf(this.node);
    return unchecked(
      index > 0 ? this.ctx.views.block(this.parent, this.parent.blocks[index - 1]) : null,
    );
  }

  removeFromParent(): Self {
    this.write('removeFromParent');
    removeBlock(this.parent, this.node);
    return this.self();
  }
}

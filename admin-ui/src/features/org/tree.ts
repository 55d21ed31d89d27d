import type { UnitKind } from '../../gql/graphql';
import { UNIT_KIND_ORDER } from './unitLabels';

export interface UnitLike {
  code: string;
  name: string;
  kind: UnitKind;
  parent?: { code: string } | null;
}

export interface TreeNode<U extends UnitLike> {
  unit: U;
  children: TreeNode<U>[];
}

const collator = new Intl.Collator('it', { numeric: true });

function compare(a: UnitLike, b: UnitLike): number {
  return UNIT_KIND_ORDER.indexOf(a.kind) - UNIT_KIND_ORDER.indexOf(b.kind) || collator.compare(a.name, b.name);
}

/**
 * Builds the tree from a flat list of units with their parent's code. A unit
 * whose parent is not in the list (outside the person's scope) is a root.
 */
export function buildTree<U extends UnitLike>(units: readonly U[]): TreeNode<U>[] {
  const nodes = new Map<string, TreeNode<U>>();
  for (const unit of units) nodes.set(unit.code, { unit, children: [] });
  const roots: TreeNode<U>[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parent ? nodes.get(node.unit.parent.code) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode<U>[]) => {
    list.sort((a, b) => compare(a.unit, b.unit));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/** Codes of every node that has children: what "Espandi tutto" opens. */
export function branchCodes<U extends UnitLike>(roots: readonly TreeNode<U>[]): string[] {
  const codes: string[] = [];
  const walk = (node: TreeNode<U>) => {
    if (node.children.length > 0) codes.push(node.unit.code);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return codes;
}

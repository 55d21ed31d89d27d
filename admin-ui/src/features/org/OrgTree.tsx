import { useState } from 'react';
import { Link } from 'react-router';
import { branchCodes, type TreeNode, type UnitLike } from './tree';
import { UNIT_KIND_LABELS } from './unitLabels';

export function orgUnitPath(code: string): string {
  return `/organizzazione/${encodeURIComponent(code)}`;
}

/**
 * The organisation as nested lists with a disclosure button per branch:
 * the roots start open, "Espandi tutto" opens every level.
 */
export function OrgTree<U extends UnitLike>({ roots }: { roots: TreeNode<U>[] }) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(roots.map((root) => root.unit.code)));
  const toggle = (code: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <div className="org-tree">
      <div className="d-flex gap-2 mb-3">
        <button
          type="button"
          className="btn btn-outline-primary btn-xs"
          onClick={() => setExpanded(new Set(branchCodes(roots)))}
        >
          Espandi tutto
        </button>
        <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => setExpanded(new Set())}>
          Comprimi tutto
        </button>
      </div>
      <ul className="org-tree-list" aria-label="Albero delle unità organizzative">
        {roots.map((node) => (
          <OrgTreeItem key={node.unit.code} node={node} expanded={expanded} onToggle={toggle} />
        ))}
      </ul>
    </div>
  );
}

interface ItemProps<U extends UnitLike> {
  node: TreeNode<U>;
  expanded: Set<string>;
  onToggle: (code: string) => void;
}

function OrgTreeItem<U extends UnitLike>({ node, expanded, onToggle }: ItemProps<U>) {
  const { unit, children } = node;
  const open = expanded.has(unit.code);
  const listId = `org-tree-${unit.code}`;
  return (
    <li>
      <div className="org-tree-row">
        {children.length > 0 ? (
          <button
            type="button"
            className="org-tree-toggle"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={`${open ? 'Comprimi' : 'Espandi'} ${unit.name}`}
            onClick={() => onToggle(unit.code)}
          >
            <span aria-hidden="true">{open ? '−' : '+'}</span>
          </button>
        ) : (
          <span className="org-tree-leaf" aria-hidden="true" />
        )}
        <Link to={orgUnitPath(unit.code)}>{unit.name}</Link>
        <span className="org-tree-meta">
          {UNIT_KIND_LABELS[unit.kind]} · {unit.code}
        </span>
      </div>
      {children.length > 0 ? (
        <ul id={listId} hidden={!open}>
          {children.map((child) => (
            <OrgTreeItem key={child.unit.code} node={child} expanded={expanded} onToggle={onToggle} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

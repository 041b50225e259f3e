import './panels.css';
import { codeLabel } from '../api/code-labels.js';

/**
 * A statutory code shown as its label, with the code in a tooltip (and read out after the
 * label, so keyboard and screen-reader users get it too).
 */
export function Code({ kind, code }: { kind: string; code: string }) {
  const { label, known } = codeLabel(kind, code);
  if (!known) return <span data-code={code}>{code}</span>;
  return (
    <span className="code-label" title={`Code ${code}`} data-code={code}>
      {label}
      <span className="visually-hidden"> (code {code})</span>
    </span>
  );
}

import { useSession } from '../auth/session-context.js';
import { canSeeChildren } from '../auth/roles.js';
import { Link } from '../router/router.js';

/** Which open cases an indicator counts, by its id prefix (the child list filters by status). */
export function childStatusFor(indicator: string): 'cp' | 'cla' | 'cin' | null {
  if (/^(CPP|S47)-/.test(indicator)) return 'cp';
  if (/^(CLA|CL|ADO)-/.test(indicator)) return 'cla';
  if (/^(CIN|REF|ASM)-/.test(indicator)) return 'cin';
  return null;
}

/** Link to the children behind a number, only for roles that may see child-level lists. */
export function DrillDownLink({ la, indicator, year, label }: { la: string; indicator: string; year: number; label: string }) {
  const { session } = useSession();
  const status = childStatusFor(indicator);
  if (!canSeeChildren(session.user.role) || !status) return null;
  const params = new URLSearchParams({ la, year: String(year), indicator, status });
  return (
    <Link to={`/children?${params.toString()}`} className="drill-down">
      See the children<span className="visually-hidden"> behind {label}</span>
    </Link>
  );
}

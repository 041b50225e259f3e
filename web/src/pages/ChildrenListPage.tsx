import { useQuery } from '@tanstack/react-query';
import { apiUrl } from '../api/client.js';
import { getJson, paths } from '../api/endpoints.js';
import { canSeeChildren } from '../auth/roles.js';
import { useSession } from '../auth/session-context.js';
import { DataTable, type Row } from '../components/DataTable.js';
import { QueryState } from '../components/Status.js';
import { useSearchParams } from '../router/router.js';

interface ChildPage {
  total?: number;
  items: Row[];
}

const STATUS_LABELS: Record<string, string> = { cp: 'on a child protection plan', cla: 'looked after', cin: 'open as children in need', any: 'known to the service' };

/**
 * Children with open cases of the kind an indicator counts, today. The server decides who may see
 * which children (and pseudonymises for analysts), and audits the read.
 */
export function ChildrenListPage() {
  const [params] = useSearchParams();
  const { session } = useSession();
  const la = params.get('la') ?? session.user.laCode;
  const indicator = params.get('indicator') ?? '';
  const status = params.get('status') ?? 'any';
  const allowed = canSeeChildren(session.user.role);
  const children = useQuery({
    queryKey: ['children', la, status],
    queryFn: () => getJson<ChildPage>(paths.children(la), { status, pageSize: 500 }),
    enabled: allowed,
  });
  if (!allowed) return <p className="not-available">Your role does not give access to lists of children.</p>;
  return (
    <>
      <p className="hint">
        Children {STATUS_LABELS[status] ?? status} today{indicator ? ` (from indicator ${indicator})` : ''}, within what your role may see. Opening this list is recorded in the audit trail.
      </p>
      <p className="downloads">
        {/* Spreadsheets come from the server, which watermarks them and records the export. */}
        <a href={apiUrl(paths.children(la), { status, format: 'xlsx' })} download>
          Download XLSX (whole list)
        </a>
        <a href={apiUrl(paths.children(la), { status, format: 'csv' })} download>
          Download CSV (whole list)
        </a>
      </p>
      <QueryState query={children} what="The list of children">
        {(page) => {
          const keys = page.items.length > 0 ? Object.keys(page.items[0]!) : ['childId'];
          return <DataTable caption={`Children (${page.total ?? page.items.length})`} columns={keys.map((k) => ({ key: k, label: k }))} rows={page.items.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : v])))} filename={`children-${status}`} />;
        }}
      </QueryState>
    </>
  );
}

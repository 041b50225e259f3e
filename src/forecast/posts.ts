import { postsForDemand, presetNamed, type WorkloadStandards } from '../workload/index.js';
import type { Projection } from './project.js';
import { distribution, seriesValues, type Distribution } from './summary.js';

/**
 * Posts implied by the forecast: CLA, CP and CIN demand at each year end, run by run, through
 * the workload module's postsForDemand and its caseload standards, so posts carry the
 * forecast's uncertainty. Runs of the three projections are paired by run number.
 */
export interface PostsRow {
  readonly date: string;
  readonly role: 'social workers' | 'team managers' | 'IROs';
  readonly posts: Distribution;
  readonly standard: string;
}

export interface DemandProjections {
  readonly cla: Projection;
  readonly cp?: Projection;
  readonly cin?: Projection;
}

export function postsNeeded(demand: DemandProjections, standards: WorkloadStandards | string = 'csc-default'): PostsRow[] {
  const preset = typeof standards === 'string' ? presetNamed(standards) : standards;
  const { cla, cp, cin } = demand;
  const runs = cla.outputs.runs;
  for (const p of [cp, cin]) if (p && p.outputs.runs !== runs) throw new Error('posts need CLA, CP and CIN projections with the same number of runs');
  const rows: PostsRow[] = [];
  for (let y = 0; y < cla.time.yearStarts.length; y++) {
    const day = cla.time.yearStarts[y]!;
    const k = cla.time.reportDays.indexOf(day);
    const at = (p: Projection | undefined) => (p ? seriesValues(p, 'total', p.time.reportDays.indexOf(day)) : new Float64Array(runs));
    const claN = at(cla);
    const cpN = at(cp);
    const cinN = at(cin);
    const sw = new Float64Array(runs);
    const tm = new Float64Array(runs);
    const iro = new Float64Array(runs);
    let basis = '';
    for (let r = 0; r < runs; r++) {
      const posts = postsForDemand({ cla: claN[r]!, cp: cpN[r]!, cin: cinN[r]! }, preset);
      sw[r] = posts.socialWorkers.exact;
      tm[r] = posts.teamManagers.exact;
      iro[r] = posts.iros.exact;
      basis = `${preset.name}: ${posts.basis.socialWorker} cases per social worker, ${posts.basis.span} per manager, ${posts.basis.iro} per IRO`;
    }
    const date = cla.time.reportDates[k]!;
    rows.push({ date, role: 'social workers', posts: distribution(sw), standard: basis });
    rows.push({ date, role: 'team managers', posts: distribution(tm), standard: basis });
    rows.push({ date, role: 'IROs', posts: distribution(iro), standard: basis });
  }
  return rows;
}

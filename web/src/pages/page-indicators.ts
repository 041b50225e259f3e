/**
 * Which indicators each page shows, declared once (ids from the indicator catalogue in
 * src/metrics; see docs/web.md). Changing a dashboard is an edit here, not in the components.
 */

/** The front door, in order: each stage's share of the one before is the conversion rate. */
export const FUNNEL = [
  { id: 'CON-01', label: 'Contacts' },
  { id: 'REF-01', label: 'Referrals' },
  { id: 'ASM-01', label: 'Assessments' },
  { id: 'S47-01', label: 'Section 47 enquiries' },
  { id: 'S47-02', label: 'Initial conferences' },
  { id: 'CPP-02', label: 'CP plans started' },
  { id: 'CLA-02', label: 'Started to be looked after' },
] as const;

export const OVERVIEW_KEY_INDICATORS = ['REF-02', 'REF-03', 'ASM-02', 'S47-03', 'CIN-01', 'CPP-01', 'CPP-03', 'CLA-01', 'CLA-04', 'CLA-06', 'WF-04', 'CL-03'];

/**
 * The Overview's comparison table: indicators DfE publishes for every authority, so each has an
 * England, region and statistical-neighbour value and a RAG status (server rule: RAG_RULE).
 */
export const OVERVIEW_COMPARED = ['REF-02', 'REF-03', 'ASM-02', 'CIN-01', 'CPP-01', 'CPP-03', 'CLA-01', 'CLA-04'];

/** An indicator value with its comparators, as GET /api/authorities/:la/indicators serves it. */
export interface ComparedIndicator {
  id: string;
  title: string;
  unit: string;
  value: number | null;
  polarity: 'up' | 'down' | 'context';
  higherIsBetter: boolean | null;
  catalogue: { definition: string; numerator: string; denominator: string | null; unit: string; source: string; sourceDetail: string; notes: string | null };
  comparators: {
    comparedOn: 'value' | 'rate';
    value: number | null;
    england: number | null;
    region: number | null;
    regionName: string | null;
    statisticalNeighbours: number | null;
    neighboursWithData: number;
  } | null;
  rag: { status: 'green' | 'amber' | 'red'; against: 'statisticalNeighbours' | 'england' | 'region'; comparatorValue: number; amberBandPercent: number } | null;
}

export const RAG_AGAINST_LABEL: Record<NonNullable<ComparedIndicator['rag']>['against'], string> = {
  statisticalNeighbours: 'statistical neighbours',
  england: 'England',
  region: 'the region',
};

export interface BreakdownSpec {
  id: string;
  breakdown: string;
  title: string;
}

export const CHILD_PROTECTION: { cards: string[]; trend: { id: string; title: string }; breakdowns: BreakdownSpec[] } = {
  cards: ['CPP-01', 'CPP-02', 'CPP-02-END', 'CPP-03', 'CPP-04', 'CPP-05', 'CPP-06', 'CPP-08', 'CPP-09', 'S47-03', 'S47-05', 'DRF-01'],
  trend: { id: 'CPP-01', title: 'Children on a child protection plan at 31 March' },
  breakdowns: [
    { id: 'CPP-07', breakdown: 'category', title: 'Plans started by initial category of abuse' },
    { id: 'CPP-01', breakdown: 'age_band', title: 'Children on a plan by age' },
    { id: 'CPP-01', breakdown: 'sex', title: 'Children on a plan by sex' },
    { id: 'CPP-01', breakdown: 'ethnicity', title: 'Children on a plan by ethnicity' },
    { id: 'ASM-07', breakdown: 'factor', title: 'Factors identified at assessment' },
    { id: 'ASM-08', breakdown: 'factor', title: 'Factors at assessment that led to a plan' },
  ],
};

export const CHILDREN_IN_CARE: { cards: string[]; trend: { id: string; title: string }; breakdowns: BreakdownSpec[] } = {
  cards: ['CLA-01', 'CLA-02', 'CLA-03', 'CLA-04', 'CLA-05', 'CLA-06', 'CLA-06-OUT', 'CLA-18', 'CLA-07', 'CLA-08', 'CLA-08-72H', 'CLA-16', 'CL-01', 'CL-02', 'CL-03'],
  trend: { id: 'CLA-01', title: 'Children looked after at 31 March' },
  breakdowns: [
    { id: 'CLA-20', breakdown: 'placement_type', title: 'Placement mix at 31 March' },
    { id: 'CLA-19', breakdown: 'legal_status', title: 'Legal status at 31 March' },
    { id: 'CLA-01', breakdown: 'age_band', title: 'Children looked after by age' },
    { id: 'CLA-03', breakdown: 'reason', title: 'Children ceasing care by reason' },
    { id: 'CLA-07-EPISODES', breakdown: 'band', title: 'Missing children by number of incidents' },
  ],
};

/** The one request behind a page's breakdown figures: all their indicators and breakdowns. */
export function breakdownGroup(specs: readonly BreakdownSpec[]): { ids: string[]; breakdowns: string } {
  return { ids: [...new Set(specs.map((b) => b.id))].sort(), breakdowns: [...new Set(specs.map((b) => b.breakdown))].sort().join(',') };
}

/** Reports for synthetic Bracknell Forest (867), 2023 to 2024: a mid-sized authority, the two years the checks need. See test-support/synthetic-checks.ts. */
import { describeSyntheticAuthority } from './test-support/synthetic-checks.js';

describeSyntheticAuthority({ laCode: '867', from: 2023, visits: false });

/** Reports for synthetic City of London (201): very small numbers, six years so 5-year changes show, visits included. See test-support/synthetic-checks.ts. */
import { describeSyntheticAuthority } from './test-support/synthetic-checks.js';

describeSyntheticAuthority({ laCode: '201', from: 2019, visits: true, expectSuppression: true });

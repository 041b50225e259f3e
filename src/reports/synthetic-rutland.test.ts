/** Reports for synthetic Rutland (857), 2022 to 2024: the checks need the last two years only. See test-support/synthetic-checks.ts. */
import { describeSyntheticAuthority } from './test-support/synthetic-checks.js';

describeSyntheticAuthority({ laCode: '857', from: 2022, visits: false });

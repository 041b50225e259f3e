import { frontDoor } from './indicators/front-door.js';
import { referrals } from './indicators/referrals.js';
import { assessments } from './indicators/assessments.js';
import { protection } from './indicators/protection.js';
import { childrenInNeed } from './indicators/children-in-need.js';
import { lookedAfter } from './indicators/looked-after.js';
import { outcomes } from './indicators/outcomes.js';
import { careLeavers } from './indicators/care-leavers.js';
import { adoption } from './indicators/adoption.js';
import { driftIndicators } from './indicators/drift.js';
import { workforce } from './indicators/workforce.js';
import { equity } from './indicators/equity.js';
import type { IndicatorDefinition } from './types.js';

/** Every indicator, in catalogue order (indicators.md §2 plus the measures the seeds quote). */
export const INDICATORS: readonly IndicatorDefinition[] = Object.freeze([
  ...frontDoor, ...referrals, ...assessments, ...protection, ...childrenInNeed, ...lookedAfter, ...outcomes,
  ...careLeavers, ...adoption, ...driftIndicators, ...workforce, ...equity,
]);

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));
if (BY_ID.size !== INDICATORS.length) throw new Error('duplicate indicator id in the catalogue');

export function listIndicators(): readonly IndicatorDefinition[] {
  return INDICATORS;
}

export function getIndicator(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id.toUpperCase());
}

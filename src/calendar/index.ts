/**
 * Calendar: dates, England and Wales working days and bank holidays, and the
 * statutory and local deadlines of children's social care. See README.md.
 */
export * from './dates.js';
export * from './civil-days.js';
export * from './bank-holidays.js';
export * from './working-days.js';
export * from './deadlines.js';

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, isIsoDate, kyrgyzDateOf } from '../../src/modules/calendar/index.js';

describe('ISO dates', () => {
  it('accepts real dates only', () => {
    assert.equal(isIsoDate('2024-02-29'), true); // leap year
    assert.equal(isIsoDate('2025-02-29'), false);
    assert.equal(isIsoDate('2026-02-30'), false);
    assert.equal(isIsoDate('2026-3-1'), false);
  });

  it('adds days across months, years and leap days', () => {
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
  });

  it('turns an instant into the date in Bishkek (UTC+6)', () => {
    assert.equal(kyrgyzDateOf(new Date('2026-03-17T17:59:59Z')), '2026-03-17'); // 23:59:59 in Bishkek
    assert.equal(kyrgyzDateOf(new Date('2026-03-17T18:00:00Z')), '2026-03-18'); // midnight in Bishkek
    assert.equal(kyrgyzDateOf(new Date('2026-03-17T23:30:00Z')), '2026-03-18');
  });
});

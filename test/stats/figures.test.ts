import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_SAMPLE, percentile, rate, wilson } from '../../src/modules/stats/figures.js';
import { parsePeriod } from '../../src/modules/stats/period.js';

const near = (a: number | null, b: number, eps = 0.0005) =>
  assert.ok(a !== null && Math.abs(a - b) < eps, `${a} ≈ ${b}`);

test('Wilson 95% interval on hand-computed values', () => {
  // 10 of 13: p = 0.7692; centre 0.7078, half-width 0.2104 (z = 1.96)
  const w = wilson(10, 13);
  near(w.rate, 0.7692);
  near(w.low, 0.4974);
  near(w.high, 0.9182);
  // 8 of 10
  near(wilson(8, 10).low, 0.4902);
  near(wilson(8, 10).high, 0.9433);
  // extremes stay inside [0, 1]
  assert.equal(wilson(0, 20).low, 0);
  assert.equal(wilson(20, 20).high, 1);
});

test('rates are withheld below the minimum sample', () => {
  assert.equal(MIN_SAMPLE, 10);
  assert.deepEqual(rate(4, 9), { x: 4, n: 9, rate: null, low: null, high: null });
  assert.notEqual(rate(4, 10).rate, null);
});

test('nearest-rank median and 90th percentile from a histogram', () => {
  const days = { 1: 1, 2: 1, 3: 2, 4: 1, 5: 1, 6: 1, 8: 1, 10: 1, 12: 1, 15: 1, 20: 1 };
  assert.equal(percentile(days, 0.5), 5);
  assert.equal(percentile(days, 0.9), 15);
  assert.equal(percentile({}, 0.5), null);
  assert.equal(percentile({ 7: 1 }, 0.9), 7);
});

test('period filters: impossible months and reversed ranges are errors, not crashes', () => {
  assert.equal(parsePeriod('2026-13', undefined, '2026-03-10').error, 'stats.bad_month');
  assert.equal(parsePeriod('2026-02-30', undefined, '2026-03-10').error, 'stats.bad_month');
  assert.equal(parsePeriod('x', undefined, '2026-03-10').error, 'stats.bad_month');
  assert.equal(parsePeriod('2026-05', '2026-01', '2026-03-10').error, 'stats.bad_range');
  assert.equal(parsePeriod('1990-01', '2026-01', '2026-03-10').error, 'stats.bad_range');
  assert.deepEqual(parsePeriod(undefined, undefined, '2026-03-10'), {
    period: { from: '2025-04', to: '2026-03' },
    error: null,
  });
});

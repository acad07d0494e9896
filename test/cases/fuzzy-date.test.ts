import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endsBeforeStart, lastDayOf, parseFuzzyDate } from '../../src/modules/cases/fuzzy-date.js';

test('a date is stored as the first day of what was written, with its precision', () => {
  assert.deepEqual(parseFuzzyDate('2017-03-14', 'exact'), { date: '2017-03-14', precision: 'exact', label: null });
  assert.deepEqual(parseFuzzyDate('2017-03', 'month'), { date: '2017-03-01', precision: 'month', label: null });
  assert.deepEqual(parseFuzzyDate('2017', 'year'), { date: '2017-01-01', precision: 'year', label: null });
  assert.deepEqual(parseFuzzyDate('2017-03', 'approximate', ' spring 2017 '), {
    date: '2017-03-01',
    precision: 'approximate',
    label: 'spring 2017',
  });
});

test('a precision that contradicts the date is refused, not guessed', () => {
  assert.equal(parseFuzzyDate('2017-03', 'exact'), 'precision_mismatch');
  assert.equal(parseFuzzyDate('2017-03-14', 'month'), 'precision_mismatch');
  assert.equal(parseFuzzyDate('2017-03-14', 'year'), 'precision_mismatch');
  assert.equal(parseFuzzyDate('2017', 'month'), 'precision_mismatch');
  assert.equal(parseFuzzyDate('2017', 'approximate'), 'label_required');
  assert.equal(parseFuzzyDate('2017-02-29', 'exact'), 'format');
  assert.equal(parseFuzzyDate('2017-13', 'month'), 'format');
  assert.equal(parseFuzzyDate('14.03.2017', 'exact'), 'format');
  assert.equal(parseFuzzyDate('', 'exact'), 'required');
  assert.equal(parseFuzzyDate('2017', 'roughly'), 'precision_unknown');
});

test('an end is compared by whole periods: "March 2017" may end on 2017-03-01 but not in February', () => {
  const start = parseFuzzyDate('2017-03-14', 'exact') as Exclude<ReturnType<typeof parseFuzzyDate>, string>;
  const march = parseFuzzyDate('2017-03', 'month') as typeof start;
  assert.equal(endsBeforeStart(start, march), false);
  assert.equal(lastDayOf(march), '2017-03-31');
  assert.equal(lastDayOf(parseFuzzyDate('2016-02', 'month') as typeof start), '2016-02-29');
  assert.equal(endsBeforeStart(start, parseFuzzyDate('2017-03-13', 'exact') as typeof start), true);
  assert.equal(endsBeforeStart(start, parseFuzzyDate('2016', 'year') as typeof start), true);
  assert.equal(endsBeforeStart(start, parseFuzzyDate('2017', 'year') as typeof start), false);
});

/** ANONYMOUS_RETENTION_DAYS: 90 by default, a whole number of days from 7 to 3650, checked at boot. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

test('the retention period defaults to 90 days and accepts a whole number from 7 to 3650', () => {
  assert.equal(loadConfig({}).anonymousRetentionDays, 90);
  assert.equal(loadConfig({ ANONYMOUS_RETENTION_DAYS: '30' }).anonymousRetentionDays, 30);
  for (const bad of ['0', '6', '3651', '30.5', 'ninety']) {
    assert.throws(
      () => loadConfig({ ANONYMOUS_RETENTION_DAYS: bad }),
      (err: unknown) =>
        err instanceof ConfigError && err.problems.some((p) => p.startsWith('ANONYMOUS_RETENTION_DAYS')),
      bad,
    );
  }
});

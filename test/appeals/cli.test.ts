import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { capture, cliEnvironment } from '../support/cli.js';
import { forEachDialect } from '../support/dialects.js';

forEachDialect('achyk calendar due', (dialect) => {
  cliEnvironment(dialect, 'achyk-cli-');

  test('prints the due date, the legal basis and every day skipped', async () => {
    const r = await capture(() => main(['calendar', 'due', '--kind', 'complaint', '--from', '2026-03-18']));
    assert.equal(r.code, undefined, r.err);
    const lines = r.out.split('\n');
    assert.equal(lines[0], '2026-04-08');
    assert.match(r.out, /No\. 67 .*\(disputed\)/);
    assert.match(r.out, /skipped 20 Mar 2026 \(Orozo Ait/);
    const ru = await capture(() =>
      main(['calendar', 'due', '--kind', 'information_request', '--from', '2025-12-31', '--lang', 'ru']),
    );
    assert.match(ru.out, /^2026-01-26/); // 13-16, 19-23, 26 Jan
    assert.match(ru.out, /новогодние выходные продлены/);
  });

  test('an unknown kind and an impossible date are reported clearly with exit code 2', async () => {
    const r = await capture(() => main(['calendar', 'due', '--kind', 'petition', '--from', '2026-02-30']));
    assert.equal(r.code, 2);
    assert.match(r.err, /kind: There is no such kind of appeal/);
    assert.match(r.err, /from: No such date/);
  });
});

/**
 * Receipts: 80 bits, grouped for reading aloud, forgiving when typed; stored only as a slow hash and
 * a keyed lookup id. Guessing: one neutral answer for malformed, wrong and deleted receipts alike;
 * throttled per receipt prefix and globally, in memory, under salted keys that rotate.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  formatReceipt,
  LOOKUP_CHARS,
  newReceipt,
  normalizeReceipt,
  receiptPrefix,
} from '../../src/modules/anonymous/receipt.js';
import { ReceiptThrottle, DEFAULT_LIMITS } from '../../src/modules/anonymous/throttle.js';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { follow, reporter, sendReport } from './support.js';

describe('receipt codes', () => {
  test('a new receipt has 16 characters of Crockford base32 (80 bits) and is grouped by four', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const r = newReceipt();
      assert.match(r, /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/);
      seen.add(r);
    }
    assert.equal(seen.size, 200);
    assert.match(formatReceipt('7KQ2M9XD4TZ8PV1C'), /^7KQ2-M9XD-4TZ8-PV1C$/);
  });

  test('typing is forgiven: case, spaces, dashes, O for 0, I and L for 1; anything else is refused', () => {
    assert.equal(normalizeReceipt(' 7kq2 m9xd-4tz8–pvlc '), '7KQ2M9XD4TZ8PV1C');
    assert.equal(normalizeReceipt('OOOO-IIII-LLLL-0000'), '0000111111110000');
    assert.equal(normalizeReceipt('7KQ2-M9XD-4TZ8'), null);
    assert.equal(normalizeReceipt('7KQ2-M9XD-4TZ8-PV1U'), null, 'U is not in the alphabet');
    assert.equal(normalizeReceipt('<script>alert(1)</script>'), null);
    assert.equal(receiptPrefix('7KQ2M9XD4TZ8PV1C').length, LOOKUP_CHARS);
  });
});

describe('the in-memory throttle', () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 2, 2) + ms);

  test('a prefix is locked after five failures; other prefixes are not', () => {
    const th = new ReceiptThrottle();
    for (let i = 0; i < 5; i++) {
      assert.equal(th.attempt('AAAAAA', at(i)), 0);
      th.failure('AAAAAA', at(i));
    }
    assert.ok(th.attempt('AAAAAA', at(10)) > 0);
    assert.equal(th.attempt('BBBBBB', at(10)), 0);
    assert.equal(th.attempt('AAAAAA', at(DEFAULT_LIMITS.lockMs + 10)), 0, 'the lock ends');
  });

  test('the global limit counts every lookup within a minute', () => {
    const th = new ReceiptThrottle({ ...DEFAULT_LIMITS, globalPerMinute: 3 });
    for (let i = 0; i < 3; i++) assert.equal(th.attempt(`P${i}`, at(i)), 0);
    assert.ok(th.attempt('P9', at(10)) > 0);
    assert.equal(th.attempt('P9', at(60_000)), 0, 'a new minute');
  });

  test('keys are salted hashes that rotate: the table is emptied with each new salt', () => {
    const th = new ReceiptThrottle();
    th.failure('AAAAAA', at(0));
    th.failure('BBBBBB', at(0));
    assert.equal(th.size, 2);
    th.attempt('CCCCCC', at(DEFAULT_LIMITS.saltTtlMs + 1));
    assert.equal(th.size, 0);
  });
});

forEachDialect('anonymous reporting: guessing receipts', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('wrong, malformed and empty receipts get one neutral answer', async () => {
    const { receipt } = await sendReport(reporter(t));
    assert.ok(receipt);
    const answers = await Promise.all(
      ['', 'hello', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', `${receipt!.slice(0, 18)}${receipt!.endsWith('X') ? 'Y' : 'X'}`].map((r) =>
        follow(reporter(t), r),
      ),
    );
    const messages = answers.map((a) => /<p class="error" id="field-receipt-error">([^<]*)</.exec(a.body)?.[1]);
    for (const a of answers) assert.equal(a.statusCode, 422);
    assert.equal(new Set(messages).size, 1);
    assert.match(messages[0]!, /No report could be opened/);
    assert.equal((await follow(reporter(t), receipt!)).statusCode, 303);
  });

  test('guessing the rest of a known prefix is throttled, even with the right code after the lock', async () => {
    const { receipt } = await sendReport(reporter(t));
    const code = receipt!.replace(/-/g, '');
    const prefix = code.slice(0, LOOKUP_CHARS);
    for (let i = 0; i < 5; i++) {
      const guess = `${prefix}${'0123456789'.slice(0, 10 - i)}${'ABCDEFGHJK'.slice(0, i)}`;
      assert.notEqual(guess, code);
      assert.equal((await follow(reporter(t), guess)).statusCode, 422);
    }
    const locked = await follow(reporter(t), receipt!);
    assert.equal(locked.statusCode, 429);
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.match(locked.body, /Too many|too many/);
    t.clock.advance(DEFAULT_LIMITS.lockMs + 1000);
    assert.equal((await follow(reporter(t), receipt!)).statusCode, 303);
  });

  test('guesses spread over many prefixes meet the global limit', async () => {
    t.clock.advance(60_000);
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULT_LIMITS.globalPerMinute + 2; i++)
      statuses.push((await follow(reporter(t), newReceipt())).statusCode);
    assert.equal(statuses.filter((s) => s === 422).length, DEFAULT_LIMITS.globalPerMinute);
    assert.deepEqual(statuses.slice(-2), [429, 429]);
  });
});

/**
 * Events through HTTP on both dialects: bad times refused with translated errors and nothing written;
 * publication; the iCalendar file parsed by a small RFC 5545 reader (CRLF, folding at 75 octets,
 * VTIMEZONE, DTSTART;TZID=Asia/Bishkek, escaped text); "past" after the date; feeds per language.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/** A small iCalendar reader: checks line ends and folding, unfolds, and unescapes TEXT values. */
export function parseIcs(raw: string): { name: string; params: Record<string, string>; value: string }[] {
  assert.ok(raw.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(raw), 'every line ends with CRLF');
  const physical = raw.slice(0, -2).split('\r\n');
  for (const l of physical) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `line longer than 75 octets: ${l}`);
  const logical: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ')) logical[logical.length - 1] += l.slice(1);
    else logical.push(l);
  }
  return logical.map((l) => {
    const colon = l.indexOf(':');
    const [name, ...ps] = l.slice(0, colon).split(';');
    const params = Object.fromEntries(ps.map((p) => p.split('=') as [string, string]));
    const value = l.slice(colon + 1).replace(/\\(.)/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    return { name: name!, params, value };
  });
}

function eventForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    title_ky: 'Пресс-конференция: мөөнөтү өткөн кайрылуулар',
    title_ru: 'Пресс-конференция: просроченные обращения',
    title_en: '',
    description_ky: '',
    description_ru: 'Представим доклад; вопросы журналистов, ответы.',
    description_en: '',
    date: '2026-03-10',
    start_time: '10:40',
    end_date: '',
    end_time: '12:30',
    schedule: '10:40 Кофе\n11:00 Открытие; доклад, вопросы',
    venue: 'Бишкек, ул. Киевская 120, зал «Ала-Тоо»',
    participants: 'Айгуль Т., юрист\nМарат К., монитор',
    contacts: 'press@example.org, +996 555 000 000',
    related: '',
    ...over,
  };
}

forEachDialect('events', (dialect) => {
  let t: TestApp;
  let coordinator: TestUser;
  let coord: Agent;
  before(async () => {
    t = await buildTestApp(dialect);
    coordinator = await buildUser(t, { role: 'coordinator' });
  });
  after(async () => t.close());
  beforeEach(async () => {
    coord = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
  });

  test('an event that ends before it starts, or a bad schedule line, is refused and nothing is written', async () => {
    const res = await coord.post('/events/manage', eventForm({ start_time: '12:00', end_time: '11:00' }));
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /The event cannot end before it starts/);
    const ru = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'ru' }));
    const res2 = await ru.post('/events/manage', eventForm({ schedule: 'кофе в 10:40' }));
    assert.equal(res2.statusCode, 422);
    assert.match(res2.body, /Строка 1 должна иметь вид «ЧЧ:ММ что»/);
    const res3 = await coord.post('/events/manage', eventForm({ related: '9999' }));
    assert.equal(res3.statusCode, 422);
    assert.match(res3.body, /The statement “9999” was not found/);
    assert.equal((await t.db.conn.db.selectFrom('event').select('id').execute()).length, 0);
  });

  test('a published event: page, iCalendar file in Bishkek time, past after the date, feeds', async () => {
    const res = await coord.post('/events/manage', eventForm());
    assert.equal(res.statusCode, 303);
    const id = Number(/\/events\/manage\/(\d+)/.exec(res.headers.location as string)![1]);
    const anon = new Agent(t.app, { 'accept-language': 'ru' });
    assert.equal((await anon.get(`/events/${id}`)).statusCode, 404, 'not public before publication');
    assert.equal((await anon.get(`/events/${id}/calendar.ics`)).statusCode, 404);
    const past = await coord.post(`/events/manage/${id}/publish`, {
      when: 'schedule',
      date: '2026-03-01',
      time: '09:00',
    });
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /The scheduled time has already passed/);
    assert.equal((await coord.post(`/events/manage/${id}/publish`, { when: 'now' })).statusCode, 303);

    const page = await anon.get(`/events/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Пресс-конференция: просроченные обращения/);
    assert.match(page.body, /<th scope="row">10:40<\/th><td>Кофе<\/td>/);
    assert.doesNotMatch(page.body, /Это событие уже прошло/);
    assert.match(page.body, /property="og:title"/);

    const ics = await anon.get(`/events/${id}/calendar.ics`);
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers['content-type']), /^text\/calendar/);
    const lines = parseIcs(ics.body);
    const get = (name: string) => lines.filter((l) => l.name === name);
    assert.equal(get('BEGIN')[0]!.value, 'VCALENDAR');
    assert.deepEqual(
      get('TZID').map((l) => l.value),
      ['Asia/Bishkek'],
    );
    assert.deepEqual(
      get('TZOFFSETTO').map((l) => l.value),
      ['+0600'],
    );
    const start = get('DTSTART').find((l) => l.params.TZID);
    assert.deepEqual(start, { name: 'DTSTART', params: { TZID: 'Asia/Bishkek' }, value: '20260310T104000' });
    assert.deepEqual(get('DTEND')[0], { name: 'DTEND', params: { TZID: 'Asia/Bishkek' }, value: '20260310T123000' });
    assert.equal(get('SUMMARY')[0]!.value, 'Пресс-конференция: просроченные обращения');
    assert.equal(get('LOCATION')[0]!.value, 'Бишкек, ул. Киевская 120, зал «Ала-Тоо»');
    const unfolded = ics.body.replace(/\r\n /g, '');
    assert.match(unfolded, /LOCATION:Бишкек\\, ул\. Киевская 120\\, зал/, 'commas escaped');
    assert.match(get('DESCRIPTION')[0]!.value, /11:00 Открытие; доклад, вопросы/);
    assert.match(unfolded, /Открытие\\; доклад\\, вопросы/, 'semicolons escaped');
    assert.ok(
      ics.body.split('\r\n').some((l) => l.startsWith(' ')),
      'long lines are folded',
    );
    assert.match(get('DTSTAMP')[0]!.value, /^\d{8}T\d{6}Z$/);

    const feed = await anon.get('/events/feed.ru.atom');
    assert.match(feed.body, /Пресс-конференция: просроченные обращения/);
    assert.doesNotMatch(
      (await anon.get('/events/feed.en.atom')).body,
      /<entry>/,
      'no English title: not in the English feed',
    );

    // After the event, the page says it has taken place, and the list moves it to "past".
    t.clock.advance(10 * 24 * 3600_000);
    assert.match((await anon.get(`/events/${id}`)).body, /Это событие уже прошло/);
    const list = await anon.get('/events');
    assert.ok(list.body.indexOf('Прошедшие') < list.body.indexOf('Пресс-конференция'));
  });
});

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import {
  canTransition,
  computedStatus,
  escalationRefusal,
  isOverdue,
  transition,
  transitions,
} from '../../src/modules/appeals/lifecycle.js';
import { renderEscalationLetter, type EscalationInput } from '../../src/modules/appeals/escalation-letter.js';
import { checkReplyAddress, replyAddress } from '../../src/modules/appeals/reply-address.js';
import { sniff } from '../../src/platform/files/sniff.js';
import { AppError } from '../../src/platform/errors.js';
import { translator } from '../../src/platform/i18n/translate.js';

describe('appeal life cycle', () => {
  test('the happy path: draft → sent → registered → extended → answered → classified → closed', () => {
    let s = transition('draft', 'send');
    for (const e of ['register', 'extend', 'answer', 'classify', 'close'] as const) s = transition(s, e);
    assert.equal(s, 'closed');
  });

  test('invalid transitions are refused with a clear, translated message', () => {
    const t = translator('en');
    const refused = (from: Parameters<typeof transition>[0], ev: Parameters<typeof transition>[1]) => {
      try {
        transition(from, ev);
      } catch (err) {
        assert.ok(err instanceof AppError);
        assert.equal(err.code, 'conflict');
        return t(err.messageKey);
      }
      assert.fail(`${from} → ${ev} was allowed`);
    };
    assert.equal(
      refused('sent', 'classify'),
      'There is no answer yet, so there is nothing to classify. Record the answer first.',
    );
    assert.equal(refused('closed', 'register'), 'Only a sent or redirected appeal can be registered.');
    assert.equal(refused('sent', 'send'), 'Only a draft can be sent.');
    assert.equal(refused('answered', 'extend'), 'The term can only be extended before the answer, and only once.');
    assert.equal(
      refused('draft', 'answer'),
      'An answer cannot be recorded on an appeal that was not sent or is closed.',
    );
    assert.match(translator('ru')('appeals.error.classify_without_answer'), /Ответа ещё нет/);
  });

  test('every listed transition is allowed and nothing leaves "closed"', () => {
    for (const { from, event, to } of transitions()) assert.equal(transition(from, event), to);
    assert.equal(transitions().filter((x) => x.from === 'closed').length, 0);
    assert.equal(canTransition('closed', 'answer'), false);
  });

  test('computed states: awaiting registration, awaiting answer, overdue, long overdue, awaiting classification', () => {
    const a = { state: 'sent' as const, registration_number: null, registered_on: null, due_date: '2026-04-08' };
    assert.equal(computedStatus(a, '2026-03-19'), 'awaiting_registration');
    assert.equal(
      computedStatus(
        { ...a, state: 'registered', registered_on: '2026-03-19', registration_number: '12' },
        '2026-03-25',
      ),
      'awaiting_answer',
    );
    assert.equal(computedStatus(a, '2026-04-08'), 'awaiting_registration');
    assert.equal(computedStatus(a, '2026-04-09'), 'overdue');
    assert.equal(computedStatus(a, '2026-05-08'), 'overdue');
    assert.equal(computedStatus(a, '2026-05-09'), 'long_overdue');
    assert.equal(computedStatus({ ...a, state: 'answered' }, '2026-05-10'), 'awaiting_classification');
  });
});

describe('overdue and escalation: one rule each', () => {
  test('overdue: an open appeal the day after its due date, never a draft, an answered or a closed one', () => {
    const a = { state: 'registered' as const, due_date: '2026-04-08' };
    assert.equal(isOverdue(a, '2026-04-08'), false, 'the due day itself is still in time');
    assert.equal(isOverdue(a, '2026-04-09'), true);
    for (const state of ['draft', 'answered', 'classified', 'closed'] as const)
      assert.equal(isOverdue({ ...a, state }, '2026-06-01'), false, state);
    assert.equal(isOverdue({ ...a, due_date: null }, '2026-06-01'), false);
    // computedStatus agrees with it on every state.
    for (const state of ['sent', 'registered', 'extended', 'redirected'] as const) {
      const status = computedStatus(
        { ...a, state, registration_number: '1', registered_on: '2026-03-01' },
        '2026-04-09',
      );
      assert.equal(status === 'overdue' || status === 'long_overdue', isOverdue({ ...a, state }, '2026-04-09'), state);
    }
  });

  test('escalation: when overdue or answered, never for a draft, before the due date, or once closed', () => {
    const t = translator('en');
    const a = { state: 'sent' as const, due_date: '2026-04-08', received_on: '2026-03-18' };
    assert.equal(escalationRefusal(a, '2026-04-09'), null);
    assert.equal(
      escalationRefusal({ ...a, state: 'answered' }, '2026-03-20'),
      null,
      'an unlawful answer may be escalated at once',
    );
    assert.equal(escalationRefusal({ ...a, state: 'classified' }, '2026-03-20'), null);
    assert.deepEqual(escalationRefusal(a, '2026-04-08'), {
      message: 'appeals.error.escalate_not_yet',
      params: { due: '2026-04-08' },
    });
    assert.equal(escalationRefusal({ ...a, state: 'draft' }, '2026-05-01')?.message, 'appeals.error.not_sent');
    const closed = escalationRefusal({ ...a, state: 'closed' }, '2026-05-01');
    assert.equal(closed?.message, 'appeals.error.escalate_closed');
    assert.equal(t(closed!.message), 'A closed appeal cannot be escalated.');
    assert.match(translator('ru')(closed!.message), /Закрытое обращение/);
  });
});

describe('reply addresses', () => {
  const cipher = { hmac: (d: string) => crypto.createHmac('sha256', 'test key').update(d).digest('base64url') };
  test('a signed address verifies; another id or signature does not', () => {
    const addr = replyAddress(cipher, 42, 'achyk.kg');
    assert.match(addr, /^appeal-42-[0-9a-f]{8}@achyk\.kg$/);
    assert.deepEqual(checkReplyAddress(cipher, addr.toUpperCase(), 'achyk.kg'), { kind: 'ok', appealId: 42 });
    assert.equal(checkReplyAddress(cipher, addr.replace('appeal-42-', 'appeal-43-'), 'achyk.kg').kind, 'bad_signature');
    assert.equal(checkReplyAddress(cipher, 'appeal-42-00000000@achyk.kg', 'achyk.kg').kind, 'bad_signature');
    assert.equal(checkReplyAddress(cipher, addr, 'other.kg').kind, 'unknown_address');
    assert.equal(checkReplyAddress(cipher, 'info@achyk.kg', 'achyk.kg').kind, 'unknown_address');
  });
});

describe('document type check by content', () => {
  test('magic bytes must match the extension', () => {
    assert.equal(sniff('pdf', Buffer.from('%PDF-1.7\n'), true), 'application/pdf');
    assert.equal(sniff('pdf', Buffer.from('<html>'), true), null);
    assert.equal(sniff('png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), true), 'image/png');
    assert.equal(sniff('jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), true), 'image/jpeg');
    assert.equal(sniff('jpeg', Buffer.from('%PDF-'), true), null);
    assert.equal(sniff('txt', Buffer.from('Салам, дүйнө'), true), 'text/plain; charset=utf-8');
    assert.equal(sniff('txt', Buffer.from([0x41, 0x00, 0x42]), true), null);
    const odt = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text'),
    ]);
    assert.equal(sniff('odt', odt, true), 'application/vnd.oasis.opendocument.text');
    assert.equal(sniff('docx', odt, true), null);
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('[Content_Types].xml ... word/document.xml'),
    ]);
    assert.equal(sniff('docx', docx, true), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('escalation letter', () => {
  const base: EscalationInput = {
    language: 'en',
    target: 'supervisor',
    targetName: 'Cabinet of Ministers',
    bodyName: 'Ministry of Justice',
    kind: 'application',
    subject: 'Certificate',
    legalBasis:
      'Law of the Kyrgyz Republic No. 67 of 4 May 2007 "On the procedure for considering appeals of citizens"',
    receivedOn: '2026-03-18',
    registrationNumber: '17-45/2026',
    registeredOn: '2026-03-19',
    due: '2026-04-08',
    today: '2026-04-20',
    overdueWorkingDays: 8,
    answeredOn: null,
    classification: null,
    refusalReason: null,
    applicantName: 'Aida Test',
  };
  test('cites the law, the dates, the registration number and the July 2025 liability, in English', () => {
    const { subject, text } = renderEscalationLetter(base);
    assert.match(subject, /Ministry of Justice/);
    assert.match(text, /^To: Cabinet of Ministers/);
    assert.match(text, /On 18 Mar 2026 I submitted an appeal \(Application\) "Certificate" to Ministry of Justice/);
    assert.match(text, /Registration number: 17-45\/2026, registered on 19 Mar 2026/);
    assert.match(text, /Law of the Kyrgyz Republic No\. 67/);
    assert.match(text, /due by 8 Apr 2026/);
    assert.match(text, /missed by 8 working days/);
    assert.match(text, /Since July 2025 .* fine of 10,000 som/);
    assert.match(text, /Applicant: Aida Test/);
  });
  test('in Russian and Kyrgyz, for a refusal, to the prosecutor and the Ombudsman', () => {
    const ru = renderEscalationLetter({
      ...base,
      language: 'ru',
      target: 'prosecutor',
      legalBasis: 'Закон Кыргызской Республики «О порядке рассмотрения обращений граждан» от 4 мая 2007 года № 67',
      answeredOn: '2026-04-10',
      classification: 'refused',
      refusalReason: 'no_grounds',
    });
    assert.match(ru.text, /^Кому: Cabinet of Ministers/);
    assert.match(ru.text, /18 марта 2026 я подал\(а\)/);
    assert.match(ru.text, /Регистрационный номер: 17-45\/2026/);
    assert.match(ru.text, /№ 67/);
    assert.match(ru.text, /не позднее 8 апреля 2026/);
    assert.match(ru.text, /мне отказано \(Признано необоснованным\)/);
    assert.match(ru.text, /Ответ дан 10 апреля 2026, то есть после истечения срока/);
    assert.match(ru.text, /С июля 2025 года .* штрафу в размере 10 000 сомов/);
    assert.match(ru.text, /прокурорского реагирования/);
    const ky = renderEscalationLetter({
      ...base,
      language: 'ky',
      target: 'ombudsman',
      legalBasis: '№ 67 Мыйзамы',
      registrationNumber: null,
    });
    assert.match(ky.text, /^Кимге: Cabinet of Ministers/);
    assert.match(ky.text, /18-март 2026-ж\. күнү/);
    assert.match(ky.text, /каттоо номери мага билдирилген жок/);
    assert.match(ky.text, /8-апрель 2026-ж\. чейин/);
    assert.match(ky.text, /2025-жылдын июлунан тартып .* 10 000 сом айып/);
    assert.match(ky.text, /Кайрылуучу: Aida Test/);
  });
});

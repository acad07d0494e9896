/**
 * Demo seed step: one made-up trilingual statement quoting a live and a frozen figure, and a press
 * conference a week ahead related to it, so that a fresh `npm start` shows what the module does.
 * Demo data only, and only when the directory has the Ministry of Justice to quote.
 */
import type { SeedStep } from '../../platform/manifest/manifest.js';
import { addDays, kyrgyzDateOf } from '../calendar/index.js';
import { publishStatement } from './commands/publish-statement.js';
import { createEvent, publishEvent } from './commands/save-event.js';
import { createStatement } from './commands/save-statement.js';

export const statementsSeed: SeedStep = async ({ runtime, demo, now }) => {
  if (!demo) return;
  const db = runtime.conn.db;
  if (await db.selectFrom('statement').select('id').limit(1).executeTakeFirst()) return;
  const body = await db.selectFrom('body').select('code').where('code', '=', 'minjust').executeTakeFirst();
  const admin = await db
    .selectFrom('user')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!body || !admin) return;
  const mail = { cipher: runtime.cipher, publicUrl: runtime.config.publicUrl, now };
  await db.transaction().execute(async (trx) => {
    const id = await createStatement({
      trx,
      input: {
        kind: 'statement',
        tags: 'кайрылуулар, демо',
        title_ky: 'Кайрылууларга жооп мөөнөтүндө берилиши керек (демо)',
        title_ru: 'На обращения нужно отвечать в срок (демо)',
        title_en: 'Appeals must be answered on time (demo)',
        summary_ky: 'Демонстрациялык билдирүү: текст ойдон чыгарылган.',
        summary_ru: 'Демонстрационное заявление: текст вымышлен.',
        summary_en: 'A demonstration statement: the text is made up.',
        body_ky: `Юстиция министрлигинде азыр {{figure:overdue body=${body.code} words}} бар (жарыялоо учурунда: {{figure:overdue body=${body.code} freeze}}).\n\nБиз мыйзамда белгиленген мөөнөттөрдү сактоого чакырабыз.`,
        body_ru: `В Министерстве юстиции сейчас {{figure:overdue body=${body.code} words}} (на момент публикации: {{figure:overdue body=${body.code} freeze}}).\n\nМы призываем соблюдать сроки, установленные законом.`,
        body_en: `The Ministry of Justice now has {{figure:overdue body=${body.code} words}} (at publication: {{figure:overdue body=${body.code} freeze}}).\n\nWe call for the legal deadlines to be kept.`,
      },
      actorId: admin.id,
      now,
    });
    await publishStatement({ trx, id, choice: { when: 'now' }, actorId: admin.id, now, mail });
    const day = addDays(kyrgyzDateOf(now), 7);
    const eventId = await createEvent({
      trx,
      input: {
        title_ky: 'Пресс-конференция: кайрылуулардын мөөнөттөрү (демо)',
        title_ru: 'Пресс-конференция: сроки ответов на обращения (демо)',
        title_en: 'Press conference: answering appeals on time (demo)',
        description_ky: '',
        description_ru: 'Представим данные платформы о просроченных обращениях.',
        description_en: 'We present the platform’s figures on overdue appeals.',
        date: day,
        start_time: '10:40',
        end_date: '',
        end_time: '12:30',
        schedule:
          '10:40 Кофе / Coffee\n11:00 Ачылыш / Открытие / Opening\n11:15 Баяндама / Доклад / Report\n12:00 Суроолор / Вопросы / Questions',
        venue: 'Бишкек, демо дарек / demo address',
        participants: 'Демо катышуучу / Demo participant',
        contacts: 'press@example.org',
        related: String(id),
      },
      actorId: admin.id,
      now,
    });
    await publishEvent({ trx, id: eventId, choice: { when: 'now' }, actorId: admin.id, now, mail });
  });
};

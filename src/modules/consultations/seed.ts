/**
 * Demo seed step: one made-up consultation, open for comments from two days ago, so that a fresh
 * `npm start` shows what the module does. Demo data only (skipped when ACHYK_SEED_DEMO=false), and
 * only when the directory has the Ministry of Justice to name as the drafting body.
 */
import type { SeedStep } from '../../platform/manifest/manifest.js';
import { addDays, kyrgyzDateOf } from '../calendar/index.js';
import { addVersion } from './commands/add-version.js';
import { createConsultation, publishConsultation } from './commands/save-consultation.js';

const DEMO_DRAFT = `Кыргыз Республикасынын «Жарандардын кайрылууларын кароонун тартиби жөнүндө» Мыйзамына өзгөртүүлөрдү киргизүү тууралуу Мыйзамынын долбоору (демонстрациялык текст)

1-берене. Жалпы жоболор
Ушул Мыйзам жарандардын кайрылууларын мамлекеттик органдар жана жергиликтүү өз алдынча башкаруу органдары тарабынан кароонун тартибин жөнгө салат.
Ушул Мыйзамдын талаптары электрондук кайрылууларга да жайылтылат.

2-берене. Кайрылууну кароонун мөөнөттөрү
Кайрылуу ал катталган күндөн тартып 10 жумуш күнүнүн ичинде каралат.
Мөөнөт кайрылуучуга жазуу жүзүндө билдирүү менен 20 жумуш күнүнө чейин узартылышы мүмкүн.

3-берене. Күчүнө кирүү
Ушул Мыйзам расмий жарыяланган күндөн тартып он күн өткөндөн кийин күчүнө кирет.`;

const isoDate = (d: Date, days: number) => addDays(kyrgyzDateOf(d), days);

export const consultationsSeed: SeedStep = async ({ runtime, demo, now }) => {
  if (!demo) return;
  const db = runtime.conn.db;
  if (await db.selectFrom('consultation').select('id').limit(1).executeTakeFirst()) return;
  const body = await db.selectFrom('body').select('code').where('code', '=', 'minjust').executeTakeFirst();
  const admin = await db
    .selectFrom('user')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!body || !admin) return;
  await db.transaction().execute(async (trx) => {
    const id = await createConsultation({
      trx,
      input: {
        title: '«Жарандардын кайрылуулары жөнүндө» Мыйзамга өзгөртүүлөр (демо)',
        body: body.code,
        summary:
          'Демонстрациялык талкуу: кайрылууну кароо мөөнөтүн 14 жумуш күнүнөн 10 жумуш күнүнө кыскартуу сунушталат. Текст ойдон чыгарылган.',
        official_url: '',
        opens_on: isoDate(now, -2),
        closes_on: isoDate(now, 12),
      },
      actorId: admin.id,
      now,
    });
    await addVersion({
      trx,
      consultationId: id,
      text: DEMO_DRAFT,
      format: 'text',
      sourceFormat: 'text',
      changeNote: null,
      actorId: admin.id,
      mail: { cipher: runtime.cipher, publicUrl: runtime.config.publicUrl, now },
    });
    await publishConsultation({ trx, id, actorId: admin.id, now });
  });
};

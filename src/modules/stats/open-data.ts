/**
 * The open-data downloads: bodies, territories, published appeals and statistics, as CSV or JSON,
 * streamed page by page (keyset pagination on the primary key) with no row cap, so memory stays
 * flat whatever the size. Published appeals go through the visibility rule (publication/visibility.ts)
 * and carry only their redacted copy. Each dataset has a data dictionary (shown on /data).
 */
import { Readable } from 'node:stream';
import type { Executor } from '../../platform/db/database.js';
import type { Trilingual } from '../../platform/i18n/locales.js';
import { wherePublished } from '../publication/index.js';

export const DATASETS = ['bodies', 'territories', 'appeals', 'stats'] as const;
export type Dataset = (typeof DATASETS)[number];
export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

type Row = Record<string, string | number | null>;

const d = (ky: string, ru: string, en: string): Trilingual => ({ ky, ru, en });

/** Field → meaning, per dataset (the data dictionary). */
export const DICTIONARY: Record<Dataset, [string, Trilingual][]> = {
  bodies: [
    ['id', d('Ички номер', 'Внутренний номер', 'Internal id')],
    ['code', d('Туруктуу код', 'Постоянный код', 'Stable code')],
    ['kind', d('Органдын түрү', 'Вид органа', 'Kind of body')],
    ['name_ky', d('Кыргызча аталышы', 'Название на кыргызском', 'Name in Kyrgyz')],
    ['name_ru', d('Орусча аталышы', 'Название на русском', 'Name in Russian')],
    ['name_en', d('Англисче аталышы', 'Название на английском', 'Name in English')],
    ['territory_id', d('Аймак (territories.id)', 'Территория (territories.id)', 'Territory (territories.id)')],
    ['supervisor_id', d('Жогорку орган (bodies.id)', 'Вышестоящий орган (bodies.id)', 'Supervising body (bodies.id)')],
    ['emails', d('Расмий электрондук даректер', 'Официальные адреса эл. почты', 'Official e-mail addresses')],
    ['website', d('Сайт', 'Сайт', 'Website')],
    ['active_from', d('Иштей баштаган күн', 'Действует с', 'Active from')],
    ['active_to', d('Иштебей калган күн', 'Не действует с', 'No longer active from')],
  ],
  territories: [
    ['id', d('Ички номер', 'Внутренний номер', 'Internal id')],
    ['code', d('СОАТЕ коду (14 сан)', 'Код СОАТЕ (14 цифр)', 'SOATE code (14 digits)')],
    ['level', d('Деңгээли', 'Уровень', 'Level')],
    ['name_ky', d('Кыргызча аталышы', 'Название на кыргызском', 'Name in Kyrgyz')],
    ['name_ru', d('Орусча аталышы', 'Название на русском', 'Name in Russian')],
    ['name_en', d('Англисче аталышы', 'Название на английском', 'Name in English')],
    ['parent_id', d('Жогорку аймак', 'Вышестоящая территория', 'Parent territory')],
    ['lat', d('Кеңдик', 'Широта', 'Latitude')],
    ['lon', d('Узундук', 'Долгота', 'Longitude')],
    ['valid_from', d('Башталышы', 'Действует с', 'Valid from')],
    ['valid_to', d('Аягы', 'Действует до', 'Valid until')],
  ],
  appeals: [
    ['id', d('Кайрылуунун номери', 'Номер обращения', 'Appeal id')],
    ['url', d('Жарыяланган бети', 'Страница публикации', 'Public page')],
    ['body_id', d('Орган (bodies.id)', 'Орган (bodies.id)', 'Body (bodies.id)')],
    ['kind', d('Кайрылуунун түрү', 'Вид обращения', 'Kind of appeal')],
    ['state', d('Абалы', 'Состояние', 'State')],
    ['received_on', d('Алынган күнү', 'Дата получения', 'Received on')],
    ['due_date', d('Жооптун мөөнөтү', 'Срок ответа', 'Answer due')],
    ['answered_on', d('Жооп берилген күнү', 'Дата ответа', 'Answered on')],
    ['classification', d('Жооптун баасы', 'Оценка ответа', 'Assessment of the answer')],
    ['published_at', d('Жарыяланган убакыт', 'Время публикации', 'Published at')],
    ['subject', d('Темасы (жашыруу менен)', 'Тема (со скрытием)', 'Subject (redacted)')],
    ['text', d('Тексти (жашыруу менен)', 'Текст (со скрытием)', 'Text (redacted)')],
  ],
  stats: [
    ['body_id', d('Орган (bodies.id)', 'Орган (bodies.id)', 'Body (bodies.id)')],
    ['month', d('Алынган айы', 'Месяц получения', 'Month received (YYYY-MM)')],
    ['kind', d('Кайрылуунун түрү', 'Вид обращения', 'Kind of appeal')],
    ['received', d('Алынган', 'Получено', 'Received')],
    ['answered', d('Жооп берилген', 'Отвечено', 'Answered')],
    ['on_time', d('Мөөнөтүндө жооп', 'Ответ в срок', 'Answered on time')],
    ['late', d('Кечиккен (жооп же мөөнөт өттү)', 'С опозданием или просрочено', 'Late (answered late or overdue)')],
    ['outcomes', d('Жыйынтыктар (JSON)', 'Итоги (JSON)', 'Outcomes (JSON)')],
    ['reasons', d('Баш тартуу себептери (JSON)', 'Причины отказа (JSON)', 'Refusal reasons (JSON)')],
    [
      'days_hist',
      d(
        'Жооп берүү убактысы, иш күнү → саны (JSON)',
        'Время ответа, рабочих дней → число (JSON)',
        'Answer time in working days → count (JSON)',
      ),
    ],
  ],
};

const PAGE = 500;

async function* pages(db: Executor, dataset: Dataset, publicUrl: string): AsyncGenerator<Row> {
  let after = 0;
  for (;;) {
    let rows: (Row & { id: number })[];
    if (dataset === 'bodies') {
      rows = await db
        .selectFrom('body')
        .select([
          'id',
          'code',
          'kind',
          'name_ky',
          'name_ru',
          'name_en',
          'territory_id',
          'supervisor_id',
          'emails',
          'website',
          'active_from',
          'active_to',
        ])
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute();
    } else if (dataset === 'territories') {
      rows = await db
        .selectFrom('territory')
        .select([
          'id',
          'code',
          'level',
          'name_ky',
          'name_ru',
          'name_en',
          'parent_id',
          'lat',
          'lon',
          'valid_from',
          'valid_to',
        ])
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute();
    } else if (dataset === 'appeals') {
      const q = db
        .selectFrom('appeal_publication')
        .innerJoin('appeal', 'appeal.id', 'appeal_publication.appeal_id')
        .select([
          'appeal_publication.id',
          'appeal.id as appeal_id',
          'appeal.body_id',
          'appeal.kind',
          'appeal.state',
          'appeal.received_on',
          'appeal.due_date',
          'appeal.answered_on',
          'appeal.classification',
          'appeal_publication.published_at',
          'appeal_publication.subject',
          'appeal_publication.text',
        ])
        .where('appeal_publication.id', '>', after)
        .orderBy('appeal_publication.id')
        .limit(PAGE);
      const raw = await wherePublished(q).execute();
      rows = raw.map(({ appeal_id, ...r }) => ({
        ...r,
        id: r.id,
        appeal_id,
        url: `${publicUrl}/published/${appeal_id}`,
      }));
    } else {
      rows = await db
        .selectFrom('stats_body_month')
        .select([
          'id',
          'body_id',
          'month',
          'kind',
          'received',
          'answered',
          'on_time',
          'late',
          'outcomes',
          'reasons',
          'days_hist',
        ])
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute();
    }
    for (const r of rows) {
      if (dataset === 'appeals') {
        const { id: _cursor, appeal_id, ...rest } = r;
        yield { id: appeal_id!, ...rest };
      } else if (dataset === 'stats') {
        const { id: _cursor, ...rest } = r;
        yield rest;
      } else yield r;
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Leading = + - @ would run as formulas in spreadsheets (CSV injection): prefix with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The dataset as a stream of CSV or JSON text. */
export function exportStream(
  db: Executor,
  dataset: Dataset,
  format: Format,
  publicUrl: string,
  attribution: string,
): Readable {
  const fields = DICTIONARY[dataset].map(([f]) => f);
  async function* gen(): AsyncGenerator<string> {
    if (format === 'csv') {
      yield '\ufeff' + fields.join(',') + '\r\n';
      for await (const r of pages(db, dataset, publicUrl))
        yield fields.map((f) => csvCell(r[f] ?? null)).join(',') + '\r\n';
    } else {
      yield `{"dataset":${JSON.stringify(dataset)},"licence":"CC BY 4.0","attribution":${JSON.stringify(attribution)},"dictionary":"${publicUrl}/data#${dataset}","rows":[`;
      let first = true;
      for await (const r of pages(db, dataset, publicUrl)) {
        yield (first ? '\n' : ',\n') + JSON.stringify(Object.fromEntries(fields.map((f) => [f, r[f] ?? null])));
        first = false;
      }
      yield '\n]}\n';
    }
  }
  return Readable.from(gen());
}

/**
 * The focused thesaurus the module ships with (HURIDOCS micro-thesauri, narrowed to this work):
 * types of act organised by the right violated, methods of torture, vulnerable groups, intervention
 * types, state responses (including "no response"), degree of involvement, reliability of sources.
 * Codes are stable: reports, exports and the API use them; administrators may relabel or add terms.
 *
 * Frozen with the migration that loads it (2026-11-28-cases): change terms through the
 * administration page or a new migration, never here.
 */
export type TermRow = [thesaurus: string, code: string, parent: string | null, ky: string, ru: string, en: string, sdg?: string];

export const THESAURI = ['act_type', 'torture_method', 'vulnerable_group', 'intervention_type', 'state_response', 'involvement_degree', 'source_reliability'] as const;
export type ThesaurusName = (typeof THESAURI)[number];

const A = 'act_type';
export const DEFAULT_TERMS: TermRow[] = [
  [A, 'life', null, 'Жашоо укугу', 'Право на жизнь', 'Right to life'],
  [A, 'killing', 'life', 'Өлтүрүү', 'Убийство', 'Killing', 'killing'],
  [A, 'death_in_custody', 'life', 'Камакта каза болуу', 'Смерть в местах лишения свободы', 'Death in custody', 'killing'],
  [A, 'integrity', null, 'Жеке кол тийбестик', 'Физическая и психическая неприкосновенность', 'Physical and mental integrity'],
  [A, 'torture', 'integrity', 'Кыйноо', 'Пытки', 'Torture', 'torture'],
  [A, 'ill_treatment', 'integrity', 'Ырайымсыз мамиле', 'Жестокое обращение', 'Cruel, inhuman or degrading treatment'],
  [A, 'threats', 'integrity', 'Коркутуу', 'Угрозы и запугивание', 'Threats and intimidation'],
  [A, 'liberty', null, 'Эркиндик жана жеке коопсуздук', 'Свобода и личная неприкосновенность', 'Liberty and security of person'],
  [A, 'arbitrary_detention', 'liberty', 'Негизсиз кармоо', 'Произвольное задержание', 'Arbitrary detention', 'arbitrary_detention'],
  [A, 'kidnapping', 'liberty', 'Адам уурдоо', 'Похищение человека', 'Kidnapping', 'kidnapping'],
  [A, 'enforced_disappearance', 'liberty', 'Мажбурлап жоголтуу', 'Насильственное исчезновение', 'Enforced disappearance', 'enforced_disappearance'],
  [A, 'fair_trial', null, 'Адилеттүү сот териштирүү', 'Справедливое судебное разбирательство', 'Fair trial'],
  [A, 'denial_of_counsel', 'fair_trial', 'Адвокатка жол бербөө', 'Отказ в доступе к адвокату', 'Denial of access to a lawyer'],
  [A, 'unfair_trial', 'fair_trial', 'Адилетсиз сот процесси', 'Несправедливый судебный процесс', 'Unfair trial'],
  [A, 'expression', null, 'Сөз эркиндиги', 'Свобода выражения мнений', 'Freedom of expression'],
  [A, 'media_blocking', 'expression', 'Маалымат каражатын бөгөттөө', 'Блокировка СМИ', 'Blocking of media'],
  [A, 'lawsuit_against_journalist', 'expression', 'Журналистке каршы доо', 'Иск против журналиста', 'Lawsuit against a journalist'],
  [A, 'prosecution_for_expression', 'expression', 'Пикири үчүн куугунтуктоо', 'Преследование за высказывания', 'Prosecution for expression'],
  [A, 'association_assembly', null, 'Бирикмелер жана тынч чогулуштар эркиндиги', 'Свобода объединений и мирных собраний', 'Freedom of association and assembly'],
  [A, 'extremist_listing', 'association_assembly', '«Экстремисттик» деп таануу', 'Признание «экстремистским»', '"Extremist" listing'],
  [A, 'entry_ban', 'association_assembly', 'Өлкөгө кирүүгө тыюу салуу', 'Запрет на въезд', 'Entry ban'],
  [A, 'assembly_dispersal', 'association_assembly', 'Чогулушту таратуу', 'Разгон собрания', 'Dispersal of an assembly'],
  [A, 'movement', null, 'Жүрүп-туруу эркиндиги', 'Свобода передвижения', 'Freedom of movement'],
  [A, 'deportation', 'movement', 'Депортация', 'Депортация', 'Deportation'],
  [A, 'travel_ban', 'movement', 'Өлкөдөн чыгууга тыюу салуу', 'Запрет на выезд', 'Travel ban'],
  [A, 'equality', null, 'Теңдик жана басмырлоого жол бербөө', 'Равенство и недискриминация', 'Equality and non-discrimination'],
  [A, 'discrimination', 'equality', 'Басмырлоо', 'Дискриминация', 'Discrimination'],
  [A, 'hate_speech', 'equality', 'Жек көрүүчүлүккө үндөгөн сөз', 'Язык вражды', 'Hate speech'],
  [A, 'child_justice', null, 'Мыйзам менен чыр-чатакка кабылган балдардын укуктары', 'Права детей в конфликте с законом', 'Rights of children in conflict with the law'],
  [A, 'child_detention', 'child_justice', 'Баланы камакка алуу', 'Содержание ребёнка под стражей', 'Detention of a child'],
  [A, 'child_questioning', 'child_justice', 'Баланы мыйзамдуу өкүлсүз суракка алуу', 'Допрос ребёнка без законного представителя', 'Questioning of a child without a guardian'],
  [A, 'migrants', null, 'Мигранттардын укуктары жана адам сатуу', 'Права мигрантов и торговля людьми', "Migrants' rights and trafficking"],
  [A, 'trafficking', 'migrants', 'Адам сатуу', 'Торговля людьми', 'Trafficking in persons'],
  [A, 'labour_exploitation', 'migrants', 'Эмгек эксплуатациясы', 'Трудовая эксплуатация', 'Labour exploitation'],
  [A, 'document_confiscation', 'migrants', 'Документтерин тартып алуу', 'Изъятие документов', 'Confiscation of documents'],
  [A, 'gender_violence', null, 'Гендердик зомбулук', 'Гендерное насилие', 'Gender-based violence'],
  [A, 'domestic_violence', 'gender_violence', 'Үй-бүлөлүк зомбулук', 'Домашнее насилие', 'Domestic violence'],
  [A, 'bride_kidnapping', 'gender_violence', 'Кыз ала качуу', 'Похищение невесты', 'Bride kidnapping'],
  [A, 'sexual_violence', 'gender_violence', 'Сексуалдык зомбулук', 'Сексуальное насилие', 'Sexual violence'],
  [A, 'detention_rights', null, 'Эркинен ажыратылган адамдардын укуктары', 'Права лиц, лишённых свободы', 'Rights of detained persons'],
  [A, 'inhuman_conditions', 'detention_rights', 'Адамгерчиликсиз кармоо шарттары', 'Бесчеловечные условия содержания', 'Inhuman conditions of detention'],
  [A, 'denial_of_medical_care', 'detention_rights', 'Медициналык жардам көрсөтпөө', 'Отказ в медицинской помощи', 'Denial of medical care'],

  ['torture_method', 'beating', null, 'Уруп-сабоо', 'Избиение', 'Beating'],
  ['torture_method', 'electric_shock', null, 'Электр тогу менен кыйноо', 'Пытка электротоком', 'Electric shocks'],
  ['torture_method', 'suffocation', null, 'Муунтуу (баштык, противогаз)', 'Удушение (пакет, противогаз)', 'Suffocation (bag, gas mask)'],
  ['torture_method', 'stress_positions', null, 'Оор абалда кармоо', 'Стрессовые позы', 'Stress positions'],
  ['torture_method', 'sexual', null, 'Сексуалдык зомбулук', 'Сексуальное насилие', 'Sexual violence'],
  ['torture_method', 'sleep_deprivation', null, 'Уктатпоо', 'Лишение сна', 'Sleep deprivation'],
  ['torture_method', 'threats_to_relatives', null, 'Туугандарын коркутуу', 'Угрозы родственникам', 'Threats against relatives'],

  ['vulnerable_group', 'journalist', null, 'Журналист', 'Журналист', 'Journalist', '1'],
  ['vulnerable_group', 'media_worker', null, 'Маалымат каражатынын кызматкери', 'Работник СМИ', 'Media worker', '1'],
  ['vulnerable_group', 'trade_unionist', null, 'Кесиптик бирликтин активисти', 'Профсоюзный активист', 'Trade unionist', '1'],
  ['vulnerable_group', 'hrd', null, 'Укук коргоочу', 'Правозащитник', 'Human-rights defender', '1'],
  ['vulnerable_group', 'migrant', null, 'Мигрант', 'Мигрант', 'Migrant'],
  ['vulnerable_group', 'woman', null, 'Аял', 'Женщина', 'Woman'],
  ['vulnerable_group', 'child', null, 'Бала', 'Ребёнок', 'Child'],
  ['vulnerable_group', 'disability', null, 'Ден соолугунун мүмкүнчүлүктөрү чектелген адам', 'Человек с инвалидностью', 'Person with disability'],
  ['vulnerable_group', 'ethnic_minority', null, 'Этникалык азчылык', 'Этническое меньшинство', 'Ethnic minority'],
  ['vulnerable_group', 'detainee', null, 'Эркинен ажыратылган адам', 'Лицо, лишённое свободы', 'Detainee'],

  ['intervention_type', 'appeal', null, 'Мамлекеттик органга кайрылуу', 'Обращение в государственный орган', 'Appeal to a state body'],
  ['intervention_type', 'criminal_complaint', null, 'Кылмыш жөнүндө арыз', 'Заявление о преступлении', 'Criminal complaint'],
  ['intervention_type', 'lawsuit', null, 'Сотко доо', 'Судебный иск', 'Lawsuit'],
  ['intervention_type', 'ombudsman', null, 'Акыйкатчыга кайрылуу', 'Обращение к Омбудсмену (Акыйкатчы)', 'Complaint to the Ombudsman (Akyikatchy)'],
  ['intervention_type', 'un_communication', null, 'БУУнун механизмине кайрылуу', 'Сообщение в механизм ООН', 'UN communication'],
  ['intervention_type', 'media', null, 'Маалымат каражаттары менен иш', 'Работа со СМИ', 'Media work'],
  ['intervention_type', 'medical_examination', null, 'Медициналык экспертиза', 'Медицинская экспертиза', 'Medical examination'],
  ['intervention_type', 'legal_aid', null, 'Юридикалык жардам', 'Юридическая помощь', 'Legal aid'],

  ['state_response', 'no_response', null, 'Жооп жок', 'Ответа нет', 'No response'],
  ['state_response', 'pending', null, 'Каралууда', 'На рассмотрении', 'Pending'],
  ['state_response', 'formal_reply', null, 'Расмий жооп гана', 'Формальная отписка', 'Formal reply only'],
  ['state_response', 'investigation_opened', null, 'Иликтөө башталды', 'Начато расследование', 'Investigation opened'],
  ['state_response', 'investigation_refused', null, 'Иш козгоодон баш тартылды', 'Отказ в возбуждении дела', 'Investigation refused'],
  ['state_response', 'perpetrator_punished', null, 'Күнөөлүүлөр жазаланды', 'Виновные наказаны', 'Perpetrators punished'],
  ['state_response', 'compensation', null, 'Компенсация төлөндү', 'Выплачена компенсация', 'Compensation paid'],
  ['state_response', 'claim_granted', null, 'Доо канааттандырылды', 'Иск удовлетворён', 'Claim granted'],
  ['state_response', 'claim_rejected', null, 'Доо четке кагылды', 'В иске отказано', 'Claim rejected'],
  ['state_response', 'claim_withdrawn', null, 'Доо кайра алынды', 'Иск отозван', 'Claim withdrawn'],
  ['state_response', 'views_adopted', null, 'БУУ комитети көз карашын кабыл алды', 'Комитет ООН принял соображения', 'UN committee adopted views'],

  ['involvement_degree', 'direct', null, 'Түздөн-түз аткаруучу', 'Непосредственный исполнитель', 'Direct perpetrator'],
  ['involvement_degree', 'ordered', null, 'Буйрук берген', 'Отдал приказ', 'Ordered it'],
  ['involvement_degree', 'complicit', null, 'Шериктеш', 'Соучастник', 'Complicit'],
  ['involvement_degree', 'failed_to_act', null, 'Алдын алган жок же иликтеген жок', 'Не предотвратил или не расследовал', 'Failed to prevent or investigate'],
  ['involvement_degree', 'suspected', null, 'Шектелүүчү', 'Подозреваемый', 'Suspected'],

  ['source_reliability', 'high', null, 'Жогорку ишенимдүүлүк', 'Высокая достоверность', 'High reliability'],
  ['source_reliability', 'medium', null, 'Орточо ишенимдүүлүк', 'Средняя достоверность', 'Medium reliability'],
  ['source_reliability', 'low', null, 'Төмөн ишенимдүүлүк', 'Низкая достоверность', 'Low reliability'],
  ['source_reliability', 'unknown', null, 'Ишенимдүүлүгү белгисиз', 'Достоверность неизвестна', 'Reliability unknown'],
];

/** UN mechanisms a communication can go to (treaty bodies, special procedures, the UPR). */
export const UN_MECHANISMS = ['CAT', 'CERD', 'CCPR', 'CESCR', 'CRC', 'CEDAW', 'CMW', 'CRPD', 'CED', 'UPR', 'WGAD', 'SR'] as const;
export const CURRENCIES = ['KGS', 'USD', 'EUR', 'RUB', 'KZT'] as const;

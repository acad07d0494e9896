/**
 * The word lists of the name detector, as folded keys (tokens.ts `nameKey`), built once on first use:
 *
 * - given names: the Russian (and Tatar, Kazakh, Uzbek …) first names of the npm package
 *   `sex-by-russian-name` (MIT, see NOTICE.md), the Kyrgyz and English names compiled by the project
 *   (kyrgyz-given-names.ts);
 * - places: every word of the territories shipped in reference/directory/territories.csv (Open Admin
 *   Data, CC BY 4.0; see reference/NOTICE.md), so that "Кемин", "Аламедин" or "Нарын" are not taken
 *   for surnames or names;
 * - not names: short or common words that the name lists also contain (Ай "moon", Ким "who", Мир,
 *   Май) and words of official letters that look like names (Органов, Советов …).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PROJECT_ROOT } from '../../../../platform/project-root.js';
import { nameKey } from '../tokens.js';
import { ENGLISH_GIVEN_NAMES, KYRGYZ_FEMALE_NAMES, KYRGYZ_MALE_NAMES, wordsOf } from './kyrgyz-given-names.js';

/** Words the name lists contain that are, in letters, mostly ordinary words, months, planets, institutions. */
const NOT_NAMES = `
ан бек биг дан дон ива ли май мак мир мур ока пол рим сан том эль ян яр эд кай ада аза ия ая
марс закон суд мира вера слава роза дания россия европа азия америка франция германия турция китай индия казахстан
органов советов депутатов судов районов прокуроров граждан отделов комитетов министров кабинетов вопросов фактов
президент правительство министерство республика кыргызстан бишкек ош жогорку кенеш акыйкатчы омбудсмен
январь февраль март апрель июнь июль август сентябрь октябрь ноябрь декабрь
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
уважаемый уважаемая прошу сообщаем урматтуу кадырлуу
мен сен ал биз силер алар бул ошол я мы вы он она они это этот эта i we you he she they the this
менин сенин анын биздин сиздин алардын мага сага ага бизге сизге аларга мени сени аны бизди сизди
`;

/** Ordinary Kyrgyz words that are names in Russian or English text (Ким "who", Ай "moon", Нур "light"). */
const KYRGYZ_ORDINARY = `ким ай ал ана бал эл жан нур мен сен биз`;

/** Words after which a capitalised word names a street, not a person ("по улице Ахунбаева"). */
const STREET_WORDS = `
ул улица улицы улице улицу улицей пр просп проспект проспекта проспекте проспектом пер переулок переулка переулке
бул бульвар бульвара бульваре мкр микрорайон микрорайона микрорайоне м-н площадь площади сквер парк парка парке
көч көчөсү көчөсүнүн көчөсүндө көчөсүнө проспектиси проспектисинде аянты st street avenue ave
`;

/** Capitalised words that introduce a person's name ("гражданин X", "осужденный X", "Mr X"). */
const ROLE_WORDS = `
гражданин гражданка гражданина гражданки гражданину гражданке гражданином гражданкой гр
заявитель заявителя заявителю заявителем заявительница заявительницы
потерпевший потерпевшего потерпевшему потерпевшим потерпевшая потерпевшей
осужденный осужденного осужденному осужденным осужденная осужденной осуждённый осуждённого
подозреваемый подозреваемого подозреваемому обвиняемый обвиняемого обвиняемому задержанный задержанного задержанному
свидетель свидетеля свидетелю свидетелем свидетельница
сын сына сыну дочь дочери мать матери отец отца брат брата сестра сестры супруг супруга супруги жена жены муж мужа
адвокат адвоката адвокату следователь следователя следователю
жаран жаранды жаранга жарандын арыз ээси арызчы арызчынын жабырлануучу жабырлануучунун күбө күбөнүн кармалган
соттолгон соттолгондун уулум кызым агам эжем иним синдим
mr mrs ms miss dr mister madam citizen applicant victim witness detainee
`;

export interface Lexicon {
  given: Set<string>;
  places: Set<string>;
  notNames: Set<string>;
  /** ordinary words in Kyrgyz text only */
  kyrgyzOrdinary: Set<string>;
  roles: Set<string>;
  streets: Set<string>;
}

let cache: Lexicon | null = null;

function keysOf(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const k = nameKey(w);
    if (k) out.add(k);
  }
  return out;
}

/** Words of every territory name in the shipped reference data (empty when the file is absent). */
function placeWords(): string[] {
  const file = path.join(PROJECT_ROOT, 'reference', 'directory', 'territories.csv');
  if (!fs.existsSync(file)) return [];
  const out: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
    const cols = line.split(',');
    // Hyphenated names stay whole ("Чолпон-Ата" is a town, "Чолпон" alone a given name).
    for (const name of cols.slice(2, 5))
      for (const w of name.split(/[^\p{L}-]+/u)) if (w.length >= 3 && /^\p{Lu}/u.test(w)) out.push(w);
  }
  return out;
}

/** The detector's word lists (built once). */
export function lexicon(): Lexicon {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const { names } = require('sex-by-russian-name/dist/names.js') as { names: Record<string, Set<string>> };
  const notNames = keysOf(wordsOf(NOT_NAMES));
  const places = keysOf(placeWords());
  const given = keysOf([
    ...Object.values(names).flatMap((s) => [...s]),
    ...wordsOf(KYRGYZ_MALE_NAMES),
    ...wordsOf(KYRGYZ_FEMALE_NAMES),
    ...wordsOf(ENGLISH_GIVEN_NAMES),
  ]);
  for (const k of [...given]) if (k.length < 3 || notNames.has(k) || places.has(k)) given.delete(k);
  cache = {
    given,
    places,
    notNames,
    kyrgyzOrdinary: keysOf(wordsOf(KYRGYZ_ORDINARY)),
    roles: keysOf(wordsOf(ROLE_WORDS)),
    streets: keysOf(wordsOf(STREET_WORDS)),
  };
  return cache;
}

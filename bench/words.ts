/**
 * Word lists for the generated appeals: the vocabulary of real appeals to Kyrgyz bodies (water,
 * land, pensions, roads, schools, police), so that search terms hit realistic fractions of the data.
 * Texts are strings of these words: meaningless as prose, realistic for the index and the pages.
 */
export const WORDS = {
  ky: (
    'суу ичүүчү жер участок пенсия жол мектеп бала бакча оорукана дарыгер полиция кызматкер айыл өкмөт аким ' +
    'жарык электр газ көпүрө арык сугат мал жайыт салык жумуш айлык маяна үй батир курулуш уруксат документ ' +
    'паспорт каттоо маалымат жооп мөөнөт кечиктирүү арыз даттануу сунуш кеңеш депутат сот прокурор укук ' +
    'мыйзам тартип коррупция пара акча бюджет тендер келишим бузуу текшерүү комиссия жарандар тургундар ' +
    'көчө таштанды автобус токой тоо кыш суук жылуулук көмүр отун адвокат камак түрмө кордоо кыйноо'
  ).split(' '),
  ru: (
    'вода питьевая земельный участок пенсия дорога школа детский сад больница врач полиция сотрудник айыл окмоту аким ' +
    'свет электричество газ мост арык полив скот пастбище налог работа зарплата жильё квартира строительство разрешение ' +
    'документ паспорт регистрация информация ответ срок задержка заявление жалоба предложение совет депутат суд прокурор право ' +
    'закон порядок коррупция взятка деньги бюджет тендер договор нарушение проверка комиссия граждане жители ' +
    'улица мусор автобус лес горы зима холод отопление уголь топливо адвокат задержание колония пытки насилие'
  ).split(' '),
  en: (
    'water drinking land plot pension road school kindergarten hospital doctor police officer village administration head ' +
    'light electricity gas bridge canal irrigation livestock pasture tax work salary housing flat construction permit ' +
    'document passport registration information answer deadline delay application complaint proposal council deputy court prosecutor right ' +
    'law procedure corruption bribe money budget tender contract violation inspection commission citizens residents ' +
    'street waste bus forest mountains winter cold heating coal fuel lawyer detention colony torture violence'
  ).split(' '),
} as const;

/** Query words for the search measure: common, rare, Latin transliteration, and two-word queries. */
export const SEARCH_QUERIES = [
  'суу',
  'пенсия',
  'жер участок',
  'школа',
  'полиция',
  'коррупция',
  'pensiya',
  'court',
  'water',
  'отопление',
  'көмүр',
  'komur',
  'тендер договор',
  'пытки',
  'мост',
  'arык',
  'жалоба срок',
  'heating',
  'бюджет',
  'документ',
];

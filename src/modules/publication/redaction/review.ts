/**
 * What a person must look at before publishing: every capitalised word sequence and every number
 * that the redaction leaves visible. Automatic detection misses names (a rare surname, a misread
 * scan); this list makes a person decide each remaining candidate: hide it, or confirm it is safe
 * (an official acting in office, the name of a body, a date). Publishing waits until none is left.
 *
 * Left out, so the list stays about people: a single capitalised word that only starts a sentence
 * and is an ordinary word (written in lower case elsewhere in the appeal, or a common word of
 * letters: "Прошу", "Сообщаем", "Урматтуу"), and one-digit numbers.
 */
import type { Span } from './patterns.js';
import { adjacent, tokenize, type Token } from './tokens.js';

export interface ReviewItem {
  /** the text as it appears (spaces normalised) */
  value: string;
  kind: 'words' | 'number';
  /** how many times it appears in the public texts */
  count: number;
}

/** Common first words of sentences in letters (ky/ru/en), as lower-case words. */
const SENTENCE_WORDS = new Set(
  `в во на по с со к ко о об от до из за для при и а но или что как это этот эта эти так также кроме согласно в связи
  прошу просим сообщаем сообщаю уведомляем направляем рассмотрев рассмотрено по результатам на основании в соответствии
  уважаемый уважаемая уважаемые ваше ваш ваша вам вас дело жалоба заявление обращение ответ приложение копия исполнитель
  однако поэтому вместе кроме учитывая таким образом данный данное данная указанный указанное указанная настоящим
  урматтуу кадырлуу сиздин сизге силердин биз мен бул ошол жана же бирок ошондуктан ушуга байланыштуу жогоруда
  арыз арызыңыз арызыңызга даттануу жооп тиркеме көчүрмө аткаруучу маалымат кабарлайбыз билдиребиз сурайм суранам
  the a an in on at to of for with and or but this that these we i you your our dear please regarding following
  yours sincerely attachment copy re subject from date`.split(/\s+/),
);

function covered(spans: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]!.start < end;
}

/**
 * The items left visible in the public texts. `texts` are the originals with their merged, sorted
 * spans (redact.ts); items are merged across texts, case-insensitively, in order of appearance.
 */
export function remainingItems(texts: { text: string; spans: Span[] }[]): ReviewItem[] {
  const lowerWords = new Set<string>();
  const tokenized = texts.map(({ text, spans }) => ({ text, spans, tokens: tokenize(text) }));
  for (const { tokens } of tokenized)
    for (const t of tokens) if (!t.number && t.caps === 'lower') lowerWords.add(t.key);
  const items = new Map<string, ReviewItem>();
  const add = (value: string, kind: ReviewItem['kind']) => {
    const v = value.replace(/\s+/g, ' ').trim();
    const k = v.toLocaleLowerCase();
    const item = items.get(k);
    if (item) item.count++;
    else items.set(k, { value: v, kind, count: 1 });
  };
  for (const { text, spans, tokens } of tokenized) {
    const visible = (t: Token) => !covered(spans, t.start, t.end);
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (!visible(t)) {
        i++;
        continue;
      }
      if (t.number) {
        // A number with its separators: "12.03.2026", "01-12/345", "10 000".
        let j = i;
        while (
          j + 1 < tokens.length &&
          tokens[j + 1]!.number &&
          visible(tokens[j + 1]!) &&
          /^[.\-/,: ]$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))
        )
          j++;
        const value = text.slice(t.start, tokens[j]!.end);
        if (value.replace(/\D/g, '').length >= 2) add(value, 'number');
        i = j + 1;
        continue;
      }
      if (t.caps === 'lower') {
        i++;
        continue;
      }
      let j = i;
      const initial = (x: Token) => x.text.length === 1 && text[x.end] === '.';
      while (j + 1 < tokens.length) {
        const n = tokens[j + 1]!;
        if (n.number || n.caps === 'lower' || !visible(n)) break;
        if (!adjacent(text, tokens[j]!.end + (initial(tokens[j]!) ? 1 : 0), n.start)) break;
        j++;
      }
      const single = j === i;
      // "I", "A", "В" alone are words, not names; a capital letter with a dot (an initial) is listed.
      const letter = single && t.text.length === 1 && !initial(t);
      const ordinary =
        letter ||
        (single && t.sentenceStart && (lowerWords.has(t.key) || SENTENCE_WORDS.has(t.text.toLocaleLowerCase())));
      if (!ordinary) add(text.slice(t.start, tokens[j]!.end + (initial(tokens[j]!) ? 1 : 0)), 'words');
      i = j + 1;
    }
  }
  return [...items.values()];
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type EntitySpan, findEntities } from '../../../src/core/entities/find-entities';
import { namesApply } from '../../../src/core/entities/language';
import { loadTagger } from '../../../src/core/entities/load-model';
import { LABELS } from '../../../src/core/entities/perceptron';
import type { Tagger } from '../../../src/core/entities/tagger';

/** A fake tagger that tags exactly the given token sequences (first match wins), so the consistency pass is tested alone. */
function stubTagger(known: [string[], string][]): Tagger {
  const labelSentences = (sentences: readonly (readonly string[])[]): Uint8Array[] =>
    sentences.map((s) => {
      const out = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) {
        for (const [seq, type] of known) {
          if (seq.some((w, k) => s[i + k] !== w)) continue;
          seq.forEach((_, k) => {
            const pos = seq.length === 1 ? 'U' : k === 0 ? 'B' : k === seq.length - 1 ? 'L' : 'I';
            out[i + k] = LABELS.indexOf(`${pos}-${type}`);
          });
          i += seq.length - 1;
          break;
        }
      }
      return out;
    });
  return { engine: 'js', labelSentences, tagSentences: () => { throw new Error('not used'); } };
}

const show = (spans: EntitySpan[]): string[] => spans.map((e) => `${e.type}:${e.text}`);

function expectWellFormed(text: string, spans: EntitySpan[]): void {
  for (let i = 0; i < spans.length; i++) {
    const e = spans[i]!;
    expect(text.slice(e.start, e.end)).toBe(e.text);
    if (i > 0) expect(e.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  }
}

describe('findEntities consistency pass (stub tagger)', () => {
  const text = 'Japanese Foreign Minister Katsuya Okada arrived. Later, Okada told Lavrov that Okada would return.';

  test('a later part of an earlier multi-token name gets its type where the model missed it', () => {
    const spans = findEntities(text, stubTagger([[['Katsuya', 'Okada'], 'PER']]));
    expect(show(spans)).toEqual(['PER:Katsuya Okada', 'PER:Okada', 'PER:Okada']);
    expectWellFormed(text, spans);
  });

  test('…and overrides a different type the model gave it', () => {
    const spans = findEntities(text, stubTagger([[['Katsuya', 'Okada'], 'PER'], [['Okada'], 'ORG']]));
    expect(show(spans)).toEqual(['PER:Katsuya Okada', 'PER:Okada', 'PER:Okada']);
  });

  test('a repeated name takes its majority type', () => {
    const t = 'Lavrov met Lavrov . Then Lavrov left for Moscow .';
    const spans = findEntities(t, stubTagger([[['Lavrov', 'met'], 'ORG'], [['Lavrov'], 'PER']]));
    // "Lavrov met" stays (a longer model span is never cut); the lone mentions agree on PER.
    expect(show(spans)).toEqual(['ORG:Lavrov met', 'PER:Lavrov', 'PER:Lavrov']);
  });

  test('a word also used in lower case is not spread as a one-word name', () => {
    const t = 'Bank of Japan said so. The bank agreed. Bank shares rose.';
    const spans = findEntities(t, stubTagger([[['Bank', 'of', 'Japan'], 'ORG']]));
    expect(show(spans)).toEqual(['ORG:Bank of Japan']);
  });

  test('model names win over overlapping rule matches; rules fill the rest', () => {
    const t = 'Tuesday Morning Corp rose 12% on Tuesday.';
    const spans = findEntities(t, stubTagger([[['Tuesday', 'Morning', 'Corp'], 'ORG']]));
    expect(show(spans)).toEqual(['ORG:Tuesday Morning Corp', 'PERCENT:12%', 'DATE:Tuesday']);
  });
});

describe('findEntities with the shipped model', () => {
  let tagger: Tagger;
  beforeAll(() => { tagger = loadTagger(new Uint8Array(readFileSync(path.resolve('src/core/entities/model/ner.bin')))); });

  test('keeps a surname consistent across an article', () => {
    const t = 'Japanese Foreign Minister Katsuya Okada reassured Russia on Thursday.\n\nDuring a call on Wednesday, Okada told his counterpart Sergey Lavrov that policy would not change. Okada also said Lavrov was welcome.';
    const spans = findEntities(t, tagger);
    const okada = spans.filter((e) => e.text === 'Okada');
    expect(okada).toHaveLength(2);
    expect(okada.every((e) => e.type === 'PER')).toBe(true);
    expect(show(spans)).toEqual(expect.arrayContaining(['PER:Katsuya Okada', 'PER:Sergey Lavrov', 'LOC:Russia', 'DATE:Thursday', 'DATE:Wednesday']));
    expectWellFormed(t, spans);
  });

  test('spans are exact, sorted and disjoint on messy real-world text', () => {
    const t = 'TOKYO — Japan’s “new” PM Naoto Kan 🇯🇵 met  Wen\u00a0Jiabao… in 東京 on 10/06/2010; shares +3.5%, £23.99. (Reuters)\n\nÉmilie Dupont de Paris a dit: «Bonjour» 👍🏽';
    expectWellFormed(t, findEntities(t, tagger));
  });

  test('empty and whitespace-only text give no entities', () => {
    expect(findEntities('', tagger)).toEqual([]);
    expect(findEntities(' \n\t ', tagger)).toEqual([]);
  });
});

describe('names in English text only', () => {
  const tagger = stubTagger([[['Ivanov'], 'LOC'], [['Maria'], 'PER']]);
  test('a Russian text gets no names from the English model, but its dates and percentages', () => {
    const text = 'Сергей Ivanov заявил 12 марта 2024, что рост составил 14%.';
    const spans = findEntities(text, tagger);
    expect(show(spans).filter((s) => /^(PER|LOC|ORG|MISC):/.test(s))).toEqual([]);
    expect(show(spans)).toContain('PERCENT:14%');
    expectWellFormed(text, spans);
  });

  test('a declared language decides: names for en and en-GB, none for de; without one, Latin script means names', () => {
    const text = 'Maria met Ivanov.';
    expect(show(findEntities(text, tagger, namesApply(text, 'en-GB')))).toEqual(['PER:Maria', 'LOC:Ivanov']);
    expect(show(findEntities(text, tagger, namesApply(text, 'de')))).toEqual([]);
    expect(show(findEntities(text, tagger))).toEqual(['PER:Maria', 'LOC:Ivanov']);
    // "und" declares nothing: the script decides (Latin, Vietnamese included; Cyrillic not).
    expect(namesApply(text, 'und')).toBe(true);
    expect(namesApply('Thủ tướng Phạm Minh Chính đã gặp đại sứ.')).toBe(true);
    expect(namesApply('Сергей Иванов заявил в понедельник.', 'und')).toBe(false);
  });
});

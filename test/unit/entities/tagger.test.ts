import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { findEntities } from '../../../src/core/entities/find-entities';
import { loadTagger } from '../../../src/core/entities/load-model';
import { LABELS, fromIob, toIob2 } from '../../../src/core/entities/perceptron';
import type { Tagger } from '../../../src/core/entities/tagger';

// vitest runs from the repo root; new URL(…, import.meta.url) breaks under happy-dom.
const MODEL_PATH = path.resolve('src/core/entities/model/ner.bin');
let tagger: Tagger;
beforeAll(() => { tagger = loadTagger(new Uint8Array(readFileSync(MODEL_PATH))); });

const names = (text: string): string[] =>
  findEntities(text, tagger).filter((e) => ['PER', 'LOC', 'ORG', 'MISC'].includes(e.type)).map((e) => `${e.type}:${e.text}`);

describe('BILOU labels', () => {
  test('IOB2 → BILOU → IOB2 round-trips', () => {
    const iob = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG', 'I-ORG', 'I-ORG'];
    const bilou = fromIob(iob).map((l) => LABELS[l]);
    expect(bilou).toEqual(['B-PER', 'L-PER', 'O', 'U-LOC', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG']);
    expect(toIob2(fromIob(iob))).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG']);
  });
});

describe('tagger on hand-written news sentences', () => {
  test.each([
    [
      'Japanese Foreign Minister Katsuya Okada spoke with Sergey Lavrov in Moscow on Thursday, the Foreign Ministry said.',
      ['PER:Katsuya Okada', 'PER:Sergey Lavrov', 'LOC:Moscow', 'ORG:Foreign Ministry'],
    ],
    ['German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.', ['PER:Angela Merkel', 'PER:Emmanuel Macron', 'LOC:Berlin']],
    ['Shares of Microsoft Corp rose 3 percent in New York after the company reported record profits.', ['ORG:Microsoft Corp', 'LOC:New York']],
    ['Police in Nairobi said Mary Wanjiru Kamau, a teacher from Kisumu, had been released.', ['LOC:Nairobi', 'PER:Mary Wanjiru Kamau', 'LOC:Kisumu']],
    ['The World Health Organization said the outbreak in Guinea was slowing, Margaret Chan told reporters in Geneva.', ['ORG:World Health Organization', 'LOC:Guinea', 'PER:Margaret Chan', 'LOC:Geneva']],
  ])('%s', (text, expected) => {
    const got = names(text);
    for (const e of expected) expect(got).toContain(e);
  });

  test('finds nothing in a sentence without names', () => {
    expect(names('the committee said on Tuesday that prices would rise again next year.')).toEqual([]);
  });

  test('tags an all-caps dateline as a place', () => {
    const [tags] = tagger.tagSentences([['BRUSSELS', '1996-08-22']]);
    expect(tags).toEqual(['B-LOC', 'O']);
  });

  test('document history: a name seen earlier keeps its type in a later sentence', () => {
    const sents = [['Okada', 'said', 'talks', 'would', 'go', 'on', '.'], ['Katsuya', 'Okada', 'is', 'Japan', "'s", 'foreign', 'minister', '.']];
    const tags = tagger.tagSentences(sents);
    expect(tags[1]!.slice(0, 2)).toEqual(['B-PER', 'I-PER']);
    expect(tags[1]![3]).toBe('B-LOC');
  });

  test('returns one tag per token, also for empty sentences and several documents', () => {
    const sents = [['Paris'], [], ['Reuters', 'reported', '.']];
    const tags = tagger.tagSentences(sents, [0, 1, 2]);
    expect(tags.map((t) => t.length)).toEqual([1, 0, 3]);
  });
});

describe('skipping tokens that cannot start a name (gate)', () => {
  // The gate only skips scoring for lower-case/number/punctuation tokens outside any name; names inside such
  // sentences, and lower-case words inside names ("Bank of England"), must come out the same as without it.
  test('same labels with and without the gate, including lower-case words inside names', async () => {
    const { decodeModel } = await import('../../../src/core/entities/model-io');
    const { createTagger } = await import('../../../src/core/entities/tagger');
    const model = decodeModel(new Uint8Array(readFileSync(MODEL_PATH)));
    const sentences = [
      'The Bank of England raised rates on Thursday , the governor said .',
      'Shares in Royal Dutch Shell rose 3 percent in London after the University of Texas report .',
      'said the minister , adding that 12 people from the city of New York had been hurt .',
    ].map((s) => s.split(' '));
    const gated = createTagger(model).tagSentences(sentences);
    expect(gated).toEqual(createTagger(model, { gate: false }).tagSentences(sentences));
    expect(gated[0]!.slice(0, 5)).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']);
  });
});

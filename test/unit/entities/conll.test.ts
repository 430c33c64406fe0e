import { describe, expect, test } from 'vitest';
import { iobChunks, parseConll, scoreIob } from '../../../src/core/entities/conll';

// A hand-made two-document sample in the CoNLL-2003 layout (token POS chunk NER).
const SAMPLE = `-DOCSTART- -X- -X- O

Okada NNP B-NP B-PER
visited VBD B-VP O
New NNP B-NP B-LOC
York NNP I-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

Sony NNP B-NP B-ORG
rose VBD B-VP O
`;

describe('parseConll', () => {
  test('splits documents and sentences and keeps only token and NER columns', () => {
    const docs = parseConll(SAMPLE);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.sentences[0]).toEqual({ tokens: ['Okada', 'visited', 'New', 'York', '.'], tags: ['B-PER', 'O', 'B-LOC', 'I-LOC', 'O'] });
    expect(docs[1]!.sentences[0]!.tokens).toEqual(['Sony', 'rose']);
  });
});

describe('iobChunks', () => {
  test('follows conlleval: I- after O or another type starts a chunk', () => {
    expect(iobChunks(['I-PER', 'I-PER', 'O', 'B-LOC', 'I-ORG', 'B-LOC', 'B-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'ORG', start: 4, end: 5 },
      { type: 'LOC', start: 5, end: 6 },
      { type: 'LOC', start: 6, end: 7 },
    ]);
  });
});

describe('scoreIob', () => {
  // gold: PER(0-2), LOC(3), ORG(5)      pred: PER(0-1) wrong bounds, LOC(3) right, ORG(5) right, MISC(6) extra
  const gold = [['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG', 'O']];
  const pred = [['B-PER', 'O', 'O', 'B-LOC', 'O', 'B-ORG', 'B-MISC']];

  test('counts exact matches only, per type', () => {
    const s = scoreIob(gold, pred);
    expect(s.byType.PER).toMatchObject({ gold: 1, predicted: 1, correct: 0, f1: 0 });
    expect(s.byType.LOC).toMatchObject({ gold: 1, predicted: 1, correct: 1, f1: 1 });
    expect(s.byType.MISC).toMatchObject({ gold: 0, predicted: 1, correct: 0, precision: 0 });
  });

  test('micro average over the chosen types', () => {
    const s = scoreIob(gold, pred, ['PER', 'LOC', 'ORG']);
    expect(s.micro.precision).toBeCloseTo(2 / 3);
    expect(s.micro.recall).toBeCloseTo(2 / 3);
    const all = scoreIob(gold, pred);
    expect(all.micro.precision).toBeCloseTo(2 / 4);
    expect(all.micro.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
  });

  test('rejects mismatched inputs', () => {
    expect(() => scoreIob(gold, [])).toThrow();
  });
});

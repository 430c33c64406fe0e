/**
 * Train the NewsLens NER model on CoNLL-2003 and write src/core/entities/model/ner.bin.
 *
 *   npx tsx scripts/train-ner.ts [--train PATH] [--valid PATH] [--epochs N] [--seed N] [--out PATH]
 *
 * Trains on --train only; --valid is scored after every epoch (printed) and never trained on.
 * Same seed and data → byte-identical model.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseConll, scoreIob } from '../src/core/entities/conll';
import { encodeModel, type NerModel } from '../src/core/entities/model-io';
import { createTagger } from '../src/core/entities/tagger';
import { buildGazetteer, trainingLexicons } from './ner/gazetteer';
import { Trainer } from './ner/trainer';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : def;
};
const root = process.cwd();
const trainPath = path.resolve(root, opt('train', '../shared/data/conll2003/train.txt'));
const validPath = path.resolve(root, opt('valid', '../shared/data/conll2003/valid.txt'));
const epochs = Number(opt('epochs', '10'));
const seed = Number(opt('seed', '1'));
const outPath = path.resolve(root, opt('out', 'src/core/entities/model/ner.bin'));
const quantMax = Number(opt('quant-max', '127'));
const minRowMax = Number(opt('min-row-max', '1'));
const minCount = Number(opt('min-count', '2'));

const t0 = performance.now();
const trainDocs = parseConll(readFileSync(trainPath, 'utf8'));
const validDocs = parseConll(readFileSync(validPath, 'utf8'));
const validSents = validDocs.flatMap((d) => d.sentences.map((s) => s.tokens));
const validGold = validDocs.flatMap((d) => d.sentences.map((s) => s.tags));
const validBounds: number[] = [];
validDocs.reduce((at, d) => (validBounds.push(at), at + d.sentences.length), 0);
console.log(`train: ${trainDocs.length} docs, valid: ${validDocs.length} docs (${validSents.length} sentences)`);

const gaz = buildGazetteer(trainDocs);
console.log(`gazetteer: ${gaz.keys.length} names (${((performance.now() - t0) / 1000).toFixed(1)}s)`);

const trainer = new Trainer(trainDocs, trainingLexicons(gaz), { seed, minCount });
console.log(`features prepared (${((performance.now() - t0) / 1000).toFixed(1)}s)`);

let model: NerModel | null = null;
for (let e = 1; e <= epochs; e++) {
  const err = trainer.epoch();
  model = { ...trainer.snapshot(quantMax, minRowMax), gazKeys: gaz.keys, gazMasks: gaz.masks };
  const pred = createTagger(model).tagSentences(validSents, validBounds);
  const score = scoreIob(validGold, pred, ['PER', 'LOC', 'ORG']);
  const all = scoreIob(validGold, pred);
  const by = Object.entries(score.byType).map(([t, s]) => `${t} ${(s.f1 * 100).toFixed(2)}`).join(' ');
  console.log(
    `epoch ${e}: train err ${(err * 100).toFixed(2)}%  valid F1 PER/LOC/ORG ${(score.micro.f1 * 100).toFixed(2)}  all ${(all.micro.f1 * 100).toFixed(2)}  [${by}]  rows ${model.keys.length}  ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
}
const bytes = encodeModel(model!);
mkdirSync(path.dirname(outPath), { recursive: true });
writeFileSync(outPath, bytes);
console.log(`wrote ${path.relative(root, outPath)}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped; total ${((performance.now() - t0) / 1000).toFixed(1)}s`);

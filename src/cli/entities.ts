/**
 * Entity recognition for the CLI: the same trained tagger the extension uses, loaded once from the model file.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTagger } from '../core/entities/load-model.js';
import { compileDecoder } from '../core/entities/wasm-tagger.js';
import { findEntities, type EntitySpan } from '../core/entities/find-entities.js';
import { namesApply } from '../core/entities/language.js';
import type { Tagger } from '../core/entities/tagger.js';

const MODEL = fileURLToPath(new URL('../core/entities/model/ner.bin', import.meta.url));
const DECODER = fileURLToPath(new URL('../core/entities/model/decode.wasm', import.meta.url));

let tagger: Tagger | null = null;

function getTagger(): Tagger {
  if (!tagger) tagger = loadTagger(new Uint8Array(fs.readFileSync(MODEL)), compileDecoder(new Uint8Array(fs.readFileSync(DECODER))));
  return tagger;
}

/** Entities of a text (offsets into it); `lang`: its declared language, if known (names in English only). */
export async function findEntitiesInText(text: string, lang = ''): Promise<EntitySpan[]> {
  return text.trim() ? findEntities(text, getTagger(), namesApply(text, lang)) : [];
}

/** IOB2 tags for documents of sentences of tokens (document-level features see one document at a time). */
export async function tagConll(docs: string[][][]): Promise<string[][][]> {
  const t = getTagger();
  return docs.map((sentences) => t.tagSentences(sentences));
}

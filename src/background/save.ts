/**
 * Saving a tab's article: the content script extracts it from a clone of the page, the background adds entities
 * (the model lives here) and writes the record in one IndexedDB transaction.
 */
import { entitiesOf } from './entity-service.js';
import { sendToTab } from '../shared/rpc.js';
import { Library } from '../shared/library-db.js';
import type { SaveResult } from '../shared/messages.js';

let library: Library | null = null;

export async function saveTab(tabId: number): Promise<SaveResult> {
  const extracted = await sendToTab(tabId, 'extractArticle', {});
  if (!extracted.ok) throw new Error(extracted.error);
  // Names are a bonus: a save never fails because the model could not load.
  const entities = await entitiesOf(extracted.value.text).catch(() => []);
  library ??= new Library();
  const { record, updated } = await library.save(extracted.value, entities);
  return { id: record.id, title: record.title, updated, entities: entities.length };
}

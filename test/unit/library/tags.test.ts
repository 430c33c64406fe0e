/** Tags typed in the reader: "energy, policy" is two tags. */
import { expect, test } from 'vitest';
import { splitTags } from '../../../src/library/reader.js';

test('commas separate tags; blanks are dropped', () => {
  expect(splitTags('energy, policy')).toEqual(['energy', 'policy']);
  expect(splitTags(' climate ')).toEqual(['climate']);
  expect(splitTags('a,, b ,')).toEqual(['a', 'b']);
  expect(splitTags('能源，政策、气候')).toEqual(['能源', '政策', '气候']);
});

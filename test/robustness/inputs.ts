/**
 * Bad input for `newslens read`, generated rather than stored (legacy encodings with iconv-lite): shared by the
 * test that checks each one ends with a result or a one-line error and by `npm run bench:robustness`, which times
 * them against the 10 s budget.
 */
import iconv from 'iconv-lite';

const PARA = '<p>A long report, paragraph after paragraph, with commas, names like Oslo and Chile, and prose.</p>';

const article = (body: string, charset = 'utf-8') =>
  `<html><head><meta charset="${charset}"><title>t</title></head><body><article><h1>Title</h1>${body}</article></body></html>`;

/** A page of `bytes` of article prose (well-formed, all of it the article: the most work per byte). */
export const prosePage = (bytes: number): string => article(PARA.repeat(Math.ceil(bytes / PARA.length)));

export const LEGACY: [charset: string, sentence: string][] = [
  ['gbk', '新华社北京电 国务院总理今天在人民大会堂会见了来访的外国客人，双方就经贸合作交换了意见。'],
  ['shift_jis', '東京発 政府は木曜日、新しい経済対策を発表し、地方の中小企業への支援を強化すると述べた。'],
  ['windows-1251', 'Москва. Правительство в четверг объявило о новых мерах поддержки малого бизнеса в регионах страны.'],
];

export const legacyPage = (charset: string, sentence: string): Buffer => iconv.encode(article(`<p>${sentence}</p>`.repeat(6), charset), charset);

export const INPUTS = {
  empty: (): string => '',
  garbage: (): Buffer => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  plain: (): string => 'Just some words in a text file, no markup at all.\n'.repeat(20),
  deep: (): string => {
    const para = '<p>Deep in the page, a paragraph with commas, names like Oslo and Chile, and enough words to read as prose.</p>';
    return `<html><body>${'<div>'.repeat(3000)}${para.repeat(8)}${'</div>'.repeat(3000)}</body></html>`;
  },
  /** 100,000 ticker spans beside a 200-paragraph article. */
  elements: (): string => {
    const paras = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} of a long page, with commas, clauses, and enough words to count as prose.</p>`).join('');
    return `<html><body><article><h1>Huge</h1>${paras}</article><div class="ticker">${'<span>x</span>'.repeat(100_000)}</div></body></html>`;
  },
  /** 200,000 unclosed <script> tags after an article: everything after the first is script text. */
  unclosedScripts: (): string => article(PARA.repeat(20)) + '<script>'.repeat(200_000),
};

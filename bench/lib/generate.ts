/** Generated news-like pages for the Chromium benchmarks (nothing from real sites). */

/** A deterministic news-like article: invented people and companies, real places, dates and amounts. */
export function generateArticle(words: number, seed = 7): string {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const people = ['Ingrid Solberg', 'Camila Reyes', 'Tomasz Nowak', 'Amara Okafor', 'Hiroshi Tanaka', 'Lena Fischer', 'Rahul Mehta', 'Sofia Marquez'];
  const places = ['Oslo', 'Santiago', 'Warsaw', 'Lagos', 'Osaka', 'Hamburg', 'Mumbai', 'Valencia', 'Brazil', 'Canada'];
  const orgs = ['the European Union', 'the United Nations', 'Nordlink Shipping', 'the World Bank', 'Helix Energy', 'the Bank of England'];
  const verbs = ['said', 'told reporters', 'announced', 'warned', 'confirmed', 'argued'];
  const tails = [
    'that talks would resume after the summer break',
    'that the agreement would cut costs for exporters',
    'that the project had been delayed by a shortage of steel',
    'that regional governments would receive more support',
    'that the decision followed months of consultation with unions',
  ];
  const sentence = () => {
    const kind = rnd();
    if (kind < 0.4) return `${pick(people)} ${pick(verbs)} in ${pick(places)} on ${pick(['Monday', 'Tuesday', 'March 3', 'June 25, 2019'])} ${pick(tails)}.`;
    if (kind < 0.7) return `Officials at ${pick(orgs)} ${pick(verbs)} ${pick(tails)}, according to ${pick(people).split(' ')[1]}.`;
    return `The plan, worth ${pick(['$4 million', '12 billion euros', '£350,000'])}, would raise output by ${pick(['4 percent', '12%', '0.5 percent'])} in ${pick(places)}.`;
  };
  const paras: string[] = [];
  let count = 0;
  while (count < words) {
    const p: string[] = [];
    for (let i = 0; i < 4; i++) p.push(sentence());
    const text = p.join(' ');
    count += text.split(/\s+/).length;
    paras.push(`<p>${text}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated long read - Bench Times</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Generated long read</h1><div class="article-body">${paras.join('\n')}</div></article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside></main>
<footer>© Bench Times</footer></body></html>`;
}


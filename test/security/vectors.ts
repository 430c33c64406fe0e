/**
 * Hostile markup we write ourselves, in the shapes that break sanitisers: script and handler injection, dangerous
 * URL schemes in every spelling, active embeds, forms, <base>/<meta refresh>, CSS url(javascript:), and
 * mutation-XSS nestings (math/svg/noscript/style). Each vector, if it ever ran, would set window.__nlCanary.
 */
export const VECTORS: readonly { name: string; html: string }[] = [
  { name: 'script element', html: '<script>window.__nlCanary = 1</script>' },
  { name: 'script with src', html: '<script src="https://evil.example/x.js"></script>' },
  { name: 'img onerror', html: '<img src="x" onerror="window.__nlCanary=1">' },
  { name: 'svg onload', html: '<svg onload="window.__nlCanary=1"><circle r="5"/></svg>' },
  { name: 'details ontoggle', html: '<details open ontoggle="window.__nlCanary=1"><summary>s</summary>d</details>' },
  { name: 'body onload inside content', html: '<body onload="window.__nlCanary=1">text</body>' },
  { name: 'javascript: link', html: '<a href="javascript:window.__nlCanary=1">click</a>' },
  { name: 'JaVaScRiPt: mixed case', html: '<a href="JaVaScRiPt:window.__nlCanary=1">click</a>' },
  { name: 'javascript: with leading spaces', html: '<a href="   javascript:window.__nlCanary=1">click</a>' },
  { name: 'javascript: with a tab inside', html: '<a href="java\tscript:window.__nlCanary=1">click</a>' },
  { name: 'javascript: entity-encoded', html: '<a href="&#106;&#97;vascript&#58;window.__nlCanary=1">click</a>' },
  { name: 'javascript: hex entities and newline', html: '<a href="jav&#x0A;ascript:window.__nlCanary=1">click</a>' },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">click</a>' },
  { name: 'data:text/html link', html: '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19ubENhbmFyeT0xPC9zY3JpcHQ+">click</a>' },
  { name: 'DATA:text/html upper case', html: '<a href="DATA:TEXT/HTML,<script>window.__nlCanary=1</script>">click</a>' },
  { name: 'iframe', html: '<iframe src="https://evil.example/"></iframe>' },
  { name: 'iframe srcdoc', html: '<iframe srcdoc="<script>parent.__nlCanary=1</script>"></iframe>' },
  { name: 'object', html: '<object data="https://evil.example/x.swf"></object>' },
  { name: 'embed', html: '<embed src="https://evil.example/x.swf">' },
  { name: 'form with formaction', html: '<form action="https://evil.example/"><input name="q"><button formaction="javascript:window.__nlCanary=1">go</button></form>' },
  { name: 'base href', html: '<base href="https://evil.example/">' },
  { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=javascript:window.__nlCanary=1">' },
  { name: 'style attribute url(javascript:)', html: '<div style="background:url(javascript:window.__nlCanary=1)">styled</div>' },
  { name: 'style element with url(javascript:)', html: '<style>p{background:url("javascript:window.__nlCanary=1")}</style>' },
  { name: 'mXSS: math/mtext/table/mglyph/style', html: '<math><mtext><table><mglyph><style><img src=x onerror="window.__nlCanary=1"></style></mglyph></table></mtext></math>' },
  { name: 'mXSS: svg style img', html: '<svg><style><img src=x onerror="window.__nlCanary=1"></style></svg>' },
  { name: 'mXSS: noscript attribute breakout', html: '<noscript><p title="</noscript><img src=x onerror=window.__nlCanary=1>"></p></noscript>' },
  { name: 'mXSS: form/math nesting', html: '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__nlCanary=1">' },
  { name: 'svg xlink:href javascript', html: '<svg><a xlink:href="javascript:window.__nlCanary=1"><text x="0" y="10">x</text></a></svg>' },
  { name: 'img srcset javascript', html: '<img srcset="javascript:window.__nlCanary=1 1x" src="ok.png" alt="ok">' },
  { name: 'template content', html: '<template><img src=x onerror="window.__nlCanary=1"></template>' },
  { name: 'link import', html: '<link rel="import" href="https://evil.example/x.html">' },
];

/** Patterns that must not survive into output shown or saved by NewsLens. */
export const DANGEROUS: readonly [string, RegExp][] = [
  ['script tag', /<script/i],
  ['event handler attribute', /<[^>]+\son[a-z]+\s*=/i],
  ['javascript: URL', /(?:href|src|action|formaction|srcset|xlink:href)\s*=\s*["']?\s*(?:j|&#0*106;|&#x0*6a;)(?:[\s\u0000]|&#x?0*[9aAdD];)*a(?:[\s]|&#x?0*[9aAdD];)*v/i],
  ['javascript: anywhere in a link', /\]\(\s*javascript:/i],
  ['vbscript: URL', /vbscript:/i],
  ['data:text/html URL', /data:text\/html/i],
  ['embedding element', /<(?:iframe|object|embed|frame|applet)\b/i],
  ['form element', /<(?:form|input|button|textarea|select)\b/i],
  ['base or meta', /<(?:base|meta|link)\b/i],
  ['style element or attribute', /<style|\sstyle\s*=/i],
  ['svg or math', /<(?:svg|math)\b/i],
  ['srcdoc', /srcdoc/i],
  ['CSS url(javascript:)', /url\(\s*["']?\s*javascript:/i],
];

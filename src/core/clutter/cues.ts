/**
 * Compiled once: the class/id hints and the visible-text cues the detectors look for.
 * Text cues cover English plus German, French, Spanish, Italian, Portuguese, Dutch, Russian, Chinese and Japanese,
 * because the labels of clutter blocks ("Related", "Comments") are what stays the same across a site's redesigns.
 */
import { LOWER_LETTERS } from '../letters';

/** class + id + role + aria-label of an element, lower-cased, or '' (cached: detectors ask many times). */
const hintCache = new WeakMap<Element, string>();
export function hintOf(el: Element): string {
  let h = hintCache.get(el);
  if (h === undefined) {
    // Most elements carry no attribute at all: skip four attribute reads for them.
    if (!el.hasAttributes()) h = '';
    else {
      const cls = el.getAttribute('class') ?? '';
      const id = el.getAttribute('id') ?? '';
      const role = el.getAttribute('role') ?? '';
      const testid = el.getAttribute('data-testid') ?? el.getAttribute('data-component') ?? '';
      h = cls || id || role || testid ? `${cls} ${id} ${role} ${testid}`.toLowerCase() : '';
    }
    hintCache.set(el, h);
  }
  return h;
}

/** Class/id words that suggest the article body. */
export const POSITIVE_HINT = /article|body|content|entry|main|post|story|text|prose|blog|news-?detail/;
/** Class/id words that suggest page furniture (tested on the same lower-cased hint). */
export const NEGATIVE_HINT =
  /comment|footer|sidebar|side-bar|related|share|social|promo|sponsor|widget|nav\b|navbar|menu|breadcrumb|masthead|newsletter|subscribe|recommend|outbrain|taboola|banner|popular|trending|disqus|\bad\b|\bads\b|advert|cookie|consent/;

/** Every cue made by caseless() or hinted(), so a test can check each one's needs against its pattern. */
export const ALL_CUES: Cue[] = [];

// Hint patterns per category. Word-ish boundaries avoid "header" matching "head", "shadow" matching "ad".
export const HINT = {
  social: hinted(/(?:^|[\s_-])(?:share|sharing|social|sociable|addthis|sharethis|sharebar|share-?tools|article-?tools|story-?tools|toolbar|print-?email|follow-?us|shariff)(?:$|[\s_-])|(?:share|social)(?:bar|buttons|icons|links|media)/, ['shar', 'soci', 'addthis', 'tool', 'print', 'follow']),
  comments: hinted(/(?:^|[\s_-])(?:comments?|comment-?(?:count|list|form|section|link)|disqus|discussion|forum|replies|respond|talkback|livefyre|coral|viafoura|opinions?-?box)(?:$|[\s_-])/, ['comment', 'disqus', 'discussion', 'forum', 'replies', 'respond', 'talkback', 'livefyre', 'coral', 'viafoura', 'opinion']),
  related: hinted(/(?:^|[\s_-])(?:related|recommend(?:ed|ations)?|more-?(?:stories|news|from|articles|on)|most-?(?:read|popular|viewed|shared)|popular|trending|top-?stories|headlines|read-?(?:more|next|also)|also-?read|you-?may-?like|outbrain|taboola|zergnet|recirc|recirculation|further-?reading|editors?-?picks?|special-?coverage|latest-?news|next-?article|teasers?)(?:$|[\s_-])/, ['related', 'recommend', 'more', 'most', 'popular', 'trending', 'top', 'headlines', 'read', 'you', 'outbrain', 'taboola', 'zergnet', 'recirc', 'editor', 'special', 'latest', 'next', 'teaser']),
  newsletter: hinted(/(?:^|[\s_-])(?:newsletter|subscribe|subscription|signup|sign-up|mailing-?list|email-?(?:signup|capture|optin)|optin|paywall|regwall|piano|meter)(?:$|[\s_-])/, ['newsletter', 'subscri', 'sign', 'mailing', 'email', 'optin', 'paywall', 'regwall', 'piano', 'meter']),
  ad: hinted(/(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|advertising|ad-?(?:slot|unit|container|wrapper|banner|box|block|zone)|dfp|gpt|googlead|adsense|sponsor|sponsored|promoted|promo|commercial|partner-?content|native-?ad|dable|mgid|skyscraper|leaderboard|billboard|mpu|banner-?ad)(?:$|[\s_-])|^ad[-_]|[-_]ad$|[-_]ads[-_]|(?:^|[\s])(?:div-gpt-ad|google_ads)/, ['ad', 'dfp', 'gpt', 'sponsor', 'promo', 'commercial', 'partner', 'dable', 'mgid', 'skyscraper', 'billboard', 'mpu']),
  consent: hinted(/(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|cmp|onetrust|sp_message|cookiebanner|privacy-?banner|cc-?banner|qc-cmp)(?:$|[\s_-])|onetrust|cookie-?(?:notice|banner|bar|law)/, ['cookie', 'consent', 'gdpr', 'cmp', 'onetrust', 'sp_message', 'banner']),
  nav: hinted(/navigation|(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|skip-?link|site-?nav|main-?nav|top-?nav|pagination|pager|tabs|mega-?menu)(?:$|[\s_-])/, ['nav', 'menu', 'crumb', 'skip', 'pag', 'tabs']),
  // Whole tokens only: "header-footer-group" (a theme's header) is not a footer.
  footer: hinted(/(?:^|\s)(?:footer|site-?footer|page-?footer|global-?footer|main-?footer|footer-?(?:wrap|wrapper|container|inner|main|bottom)|colophon|copyright)(?:\s|$)/, ['footer', 'colophon', 'copyright']),
  gallery: hinted(/(?:^|[\s_-])(?:gallery|slideshow|carousel|photo-?(?:rail|list|news|stories)|picture-?(?:news|list)|pic-?list|slider|thumbs|thumbnails|video-?(?:rail|list|playlist))(?:$|[\s_-])/, ['gallery', 'slideshow', 'carousel', 'photo', 'pic', 'slider', 'thumb', 'video']),
  sidebar: hinted(/(?:^|[\s_-])(?:sidebar|side-?bar|rail|right-?rail|aside|col-?right|right-?col|widget-?area|sidebar-?widget)(?:$|[\s_-])/, ['side', 'rail', 'col', 'widget']),
  byline: hinted(/(?:^|[\s_-])(?:byline|author|authors|dateline|date|time|timestamp|published|pubdate|meta|article-?meta|post-?meta|entry-?meta|credit|source|kicker|dek|standfirst|subtitle|summary|lede|lead|intro|caption)(?:$|[\s_-])/, ['byline', 'author', 'date', 'time', 'publish', 'meta', 'credit', 'source', 'kicker', 'dek', 'standfirst', 'subtitle', 'summary', 'lede', 'lead', 'intro', 'caption']),
} as const;

// A word character of lower-cased text (so "分享\\b" ends at "：" or at the end of the label); see letters.ts.
const WORD_CHAR = `[0-9_${LOWER_LETTERS}]`;
/** \b for any script: between a word character and a non-word character (or an end), in either order. */
const UNICODE_BOUNDARY = `(?:(?<!${WORD_CHAR})(?=${WORD_CHAR})|(?<=${WORD_CHAR})(?!${WORD_CHAR}))`;

/**
 * A pattern for words in visible text (tested on the lower-cased text, so the pattern itself needs no flags) or in
 * a class/id hint (already lower case), run only on text that holds one of its needs.
 */
export interface Cue {
  test(text: string): boolean;
  /** The pattern as written (lower-case letters, \b) and the substrings one of which every match contains. */
  readonly source: string;
  readonly needs: readonly string[];
}

/**
 * The cue for a case-insensitive pattern. V8 compiles a regexp on its first use, and again to machine code on its
 * second; a long multilingual alternation takes ms each time, and a content script pays that on every page it
 * starts in (in Chromium, running every regexp in the interpreter took 20 ms off the median start to hiding).
 * So the pattern is tested on lower-cased text without flags, and only on text that contains one of `needs`
 * (plain substrings: checking a short label for a few dozen costs microseconds). Most labels of a page contain
 * none, and a cue whose words a page never shows never compiles. A test checks, on strings generated from each
 * pattern, that every match contains one of its needs. The source must spell its letters in lower case, and the
 * needs too: cueProblem() says when one does not, and a unit test asks it of every cue (not done here: checking
 * them as the table is built cost every page 2 ms of its content script's start in Chromium).
 */
export function caseless(re: RegExp | string, needs: readonly string[]): Cue {
  const given = typeof re === 'string' ? re : re.source;
  return makeCue(given, typeof re === 'string' ? '' : re.flags.replace(/[iu]/g, ''), needs, true);
}

/** The cue for a pattern of class/id words, tested on hintOf()'s text (already lower case), with the same prefilter. */
function hinted(re: RegExp, needs: readonly string[]): Cue {
  return makeCue(re.source, re.flags, needs, false);
}

function makeCue(given: string, flags: string, needs: readonly string[], lowerFirst: boolean): Cue {
  let plain: RegExp | null = null; // built on the first text that gets past the needs
  const cue: Cue = {
    source: given,
    needs,
    test(text) {
      const lower = lowerFirst ? text.toLowerCase() : text;
      if (!holdsAny(lower, needs)) return false;
      plain ??= compile(given, flags);
      return plain.test(lower);
    },
  };
  ALL_CUES.push(cue);
  return cue;
}

/** Why a cue can never match some of what it should, or null: an upper-case letter in its source or its needs. */
export function cueProblem(cue: Cue): string | null {
  const letters = cue.source.replace(/\\[pP]\{\w+\}|\\./g, '');
  if (letters !== letters.toLowerCase()) return `upper-case letter in /${cue.source.slice(0, 60)}/`;
  const bad = cue.needs.find((n) => n !== n.toLowerCase() || !n);
  return bad === undefined ? null : `need "${bad}" of /${cue.source.slice(0, 40)}/ is empty or not lower case`;
}

function holdsAny(text: string, needs: readonly string[]): boolean {
  for (let i = 0; i < needs.length; i++) if (text.includes(needs[i]!)) return true;
  return false;
}

function compile(given: string, flags: string): RegExp {
  // JavaScript's \b knows only ASCII word characters: "\bреклама\b" never matched, "publicité\b" failed before a
  // space. A pattern with words outside ASCII gets a Unicode word boundary instead.
  let source = given;
  if (/\\b/.test(source) && /[^\x00-\x7f]/.test(source)) source = source.replace(/\\\\|\\b/g, (m) => (m === '\\b' ? UNICODE_BOUNDARY : m));
  // u stays only where the source needs it (\p{L}); without it the pattern compiles faster still.
  const unicode = /\\[pP]\{|\\u\{/.test(source);
  return new RegExp(source, flags + (unicode ? 'u' : ''));
}

// Visible-text cues: a block whose heading or short label says what it is. Anchored to the whole label.
const L = (words: string, needs: readonly string[]) => caseless(`^\\W*(?:${words})\\W*$`, needs);
export const TEXT_CUE = {
  related: L(
    "related(?: (?:articles?|stories|news|content|coverage|links|posts|topics))?|more (?:stories|news|from [^\\n]{1,40}|on this(?: story| topic)?|in [^\\n]{1,40}|on [^\\n]{1,40})|(?:recent|latest|newest|popular) (?:posts|articles|stories)|neueste beiträge|articles récents|entradas recientes|most (?:read|popular|viewed|shared|emailed)|(?:top|latest|major|other|breaking) (?:headlines|stories|news)|headlines|special coverage|recommended(?: for you| stories| articles)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|read (?:more|next|also)|also (?:read|on [^\\n]{1,40})|what to read next|trending(?: now| stories)?|don'?t miss|see also|further reading|in other news|popular(?: now| stories)?|in case you missed it|more to explore|weitere artikel|mehr zum thema|das könnte sie auch interessieren|lesen sie auch|meistgelesen|à lire aussi|lire aussi|sur le même sujet|les plus lus|articles? similaires?|noticias relacionadas|te puede interesar|lo más leído|leer más|más noticias|ver también|articoli correlati|leggi anche|i più letti|leia também|leia mais|veja também|mais lidas|notícias relacionadas|posts relacionados|você (?:também )?pode gostar(?: de)?|lees ook|meest gelezen|читайте также|похожие новости|самое читаемое|相关(?:新闻|文章|阅读)|热门(?:新闻|文章)|推荐阅读|関連(?:記事|ニュース)|人気記事|おすすめ",
    ['related', 'more ', 'recent ', 'latest ', 'newest ', 'popular', 'neueste', 'récents', 'recientes', 'most ', 'headlines', 'stories', 'news', 'special coverage', 'recommended', 'you m', 'read ', 'also', 'trending', 't miss', 'further', 'weitere', 'mehr zum', 'interessier', 'lesen sie', 'meistgelesen', 'lire aussi', 'même sujet', 'plus lus', 'similaire', 'relacionad', 'interesar', 'más leído', 'leer más', 'más noticias', 'también', 'também', 'correlati', 'leggi anche', 'più letti', 'leia ', 'mais lidas', 'pode gostar', 'lees ook', 'meest gelezen', 'читайте', 'похожие', 'самое', '相关', '热门', '推荐阅读', '関連', '人気記事', 'おすすめ']
  ),
  comments: L(
    "(?:\\d+\\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|комментари[йи]|评论|コメント)(?:\\s*\\(?\\d+\\)?)?|(?:leave|add|post|write|view|show|read|see|ver|leer|voir|lire|afficher|mostrar|zeige|alle|mostra|leggi) (?:a |all |the |los |les |tous les |die )?(?:\\d+ )?(?:comments?|reply|replies|comentarios|commentaires|kommentare|commenti)(?:\\s*\\(?\\d+\\)?)?|join the (?:discussion|conversation|debate)|(?:hot )?forum(?: discussions?)?|discuss(?: this)?(?: article| story)?|do you have anything to say\\??|what do you think\\??|have your say|conversation|kommentare?|kommentieren|commentaires?|réagir|comentarios?|comentar|commenti|commenta|reacties|комментарии|评论|留言|コメント",
    ['comment', 'komment', 'comentar', 'reacties', 'комментари', '评论', '留言', 'コメント', 'repl', 'join the', 'forum', 'discuss', 'anything to say', 'what do you think', 'have your say', 'conversation', 'réagir']
  ),
  social: L(
    "share(?: (?:this|on|via|article|story|page))?(?: \\w+)?|tweet|email(?: this)?|e-mail|print(?: this)?|save|subscribe|follow us(?: on \\w+)?|teilen|drucken|partager|imprimer|compartir|imprimir|condividi|stampa|partilhar|delen|поделиться|分享|シェア|facebook|twitter|whatsapp|linkedin|reddit|pinterest|copy link|send|font size|a[+-]|text size",
    ['share', 'tweet', 'mail', 'print', 'save', 'subscribe', 'follow us', 'teilen', 'drucken', 'partager', 'imprim', 'compartir', 'condividi', 'stampa', 'partilhar', 'delen', 'поделиться', '分享', 'シェア', 'facebook', 'twitter', 'whatsapp', 'linkedin', 'reddit', 'pinterest', 'copy link', 'send', 'size', 'a+', 'a-']
  ),
  newsletter: L(
    "(?:sign up|subscribe)(?: (?:to|for) (?:our|the) [\\w .'-]{1,40})?(?: newsletters?)?|(?:get|receive) [\\w .'-]{0,40}(?:newsletter|in your inbox)|[\\w .'-]{0,30}newsletters?|newsletter abonnieren|abonnez-vous|suscríbete|iscriviti|assine|подписаться|订阅",
    ['sign up', 'subscribe', 'newsletter', 'in your inbox', 'abonnez-vous', 'suscríbete', 'iscriviti', 'assine', 'подписаться', '订阅']
  ),
  ad: L(
    'advertisement|advertising|ad|ads|sponsored(?: content| stories| links)?|promoted(?: stories| content)?|paid (?:content|post|partner)|partner content|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|реклама|广告|広告|presented by [\\w .-]+',
    ['ad', 'sponsored', 'promoted', 'paid ', 'partner content', 'anzeige', 'werbung', 'publicit', 'pubblicità', 'реклама', '广告', '広告', 'presented by ']
  ),
  consent: caseless(/(?:we use cookies|uses cookies|cookie policy|accept (?:all )?cookies|consent to (?:our|the) use|we value your privacy|partners store and\/or access|store and\/or access information|(?:manage|your) (?:cookie |privacy )?(?:choices|preferences|options)|wir verwenden cookies|utilise des cookies|utilizamos cookies|utilizziamo (?:i )?cookie|nous respectons votre vie privée|ihre privatsphäre)/i, ['cookie', 'consent', 'privacy', 'store and/or access', 'choices', 'preferences', 'options', 'vie privée', 'privatsphäre']),
  /**
   * The label of a button that answers a consent question ("Accept all", "Reject", "Manage options", "OK", "×"): what
   * tells a consent dialog from a footer that links to a cookie policy beside a search button.
   */
  consentAction: caseless(/^\W*(?:i |yes,? )?(?:accept|agree|allow|consent|reject|decline|deny|refuse|got it|ok(?:ay)?|continue|close|dismiss|manage|customi[sz]e|settings|preferences|options|save|confirm|akzeptier|zustimm|ablehn|einstellung|accepter|tout accepter|refuser|continuer|paramètres|acepta|rechaz|configura|accett|rifiut|impostazion|aceita|rejeita|akkoord|weiger|[×✕✖x]\W*$)/i, ['accept', 'agree', 'allow', 'consent', 'reject', 'decline', 'deny', 'refuse', 'got it', 'ok', 'continue', 'close', 'dismiss', 'manage', 'customi', 'settings', 'preferences', 'options', 'save', 'confirm', 'akzeptier', 'zustimm', 'ablehn', 'einstellung', 'refuser', 'continuer', 'paramètres', 'acepta', 'rechaz', 'configura', 'accett', 'rifiut', 'impostazion', 'aceita', 'rejeita', 'akkoord', 'weiger', '×', '✕', '✖', 'x']),
  /** A small control that reopens a consent dialog. */
  consentControl: caseless(/^\W*(?:privacy settings|privacy preferences|cookie settings|cookie preferences|manage (?:cookies|consent|privacy)|datenschutz-?einstellungen|cookie-einstellungen|paramètres des cookies|gérer les cookies|configuración de (?:cookies|privacidad)|impostazioni (?:dei )?cookie)\W*$/i, ['privacy', 'cookie', 'consent', 'datenschutz', 'privacidad']),
} as const;

/** "Lesen Sie auch: <link>": a line that introduces a link to another story, in the body or beside it. */
export const INLINE_RELATED = caseless(
  // The cue may be followed by up to three words before its separator ("Lire aussi notre enquête |").
  `^\\W*(?:(?:read more|read also|also read|see also|read next|lesen sie auch|auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi|leia também|leia mais|veja também|leer más|lea también|ver también|te puede interesar|leggi anche|lees ook|читайте также)(?:\\s+[${LOWER_LETTERS}'’-]+){0,3}|related|more|see more|watch|listen|recommended|more on this|more from [\\w' -]{1,30}|mehr zum thema|相关阅读|相关新闻|関連記事)\\s*[:：|»>–—-]`,
  ['read', 'see also', 'lesen sie', 'interessant', 'lire aussi', 'voir aussi', 'leia ', 'veja', 'leer más', 'también', 'interesar', 'leggi anche', 'lees ook', 'читайте', 'related', 'more', 'watch', 'listen', 'recommended', 'mehr zum', '相关', '関連記事'],
);

/** A call to subscribe, sign up or pay, in several languages (subscription nags, donation appeals). */
export const SUBSCRIBE_CALL =
  caseless(/\b(?:subscribe|subscription|sign up|become a (?:member|subscriber|supporter)|support (?:us|our (?:journalism|work|reporting))|donate|make a contribution)\b|abonnez-vous|je m'abonne|abonnement|abonnieren|jetzt abo|abo abschließen|suscríbete|suscribirse|hazte socio|assine|assinatura|iscriviti|abbonati|abonneer|подписаться|订阅/i, ['subscri', 'sign up', 'become a ', 'support ', 'donate', 'contribution', 'abonn', 'jetzt abo', 'abo absch', 'suscr', 'hazte socio', 'assin', 'iscriviti', 'abbonati', 'подписаться', '订阅']);

/** Slideshow counters: "Image 1 of 6", "Foto 2/10", "Photo 3 sur 12", "1 / 8". */
export const GALLERY_COUNTER = caseless(/^\W*(?:(?:image|photo|picture|slide|bild|foto|imagen|diapositive)\s*)?\d{1,3}\s*(?:of|\/|von|de|sur|di|из)\s*\d{1,3}\b/i, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** Next/previous words of page navigation. */
export const PAGER_WORD = caseless(/^\W*(?:next|previous|prev|older|newer|first|last|weiter|zurück|vor|suivant|précédent|siguiente|anterior|successivo|precedente|volgende|vorige|далее|назад|下一页|上一页|次へ|前へ)\W*$/i, ['next', 'prev', 'older', 'newer', 'first', 'last', 'weiter', 'zurück', 'vor', 'suivant', 'précédent', 'siguiente', 'anterior', 'successivo', 'precedente', 'volgende', 'далее', 'назад', '下一页', '上一页', '次へ', '前へ']);

/** Ad words anywhere in a short label ("Promoted Stories · Sponsored Links by X", "Story continues below advertisement"). */
export const AD_WORDS = caseless(/\b(?:advertisement|advertising|sponsored|promoted|paid (?:content|post|partnership)|partner content|story continues below|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|реклама)\b|广告|広告/i, ['advert', 'sponsored', 'promoted', 'paid ', 'partner content', 'story continues below', 'anzeige', 'werbung', 'publicit', 'publicid', 'pubblicità', 'реклама', '广告', '広告']);

/** The heading of a donation or membership appeal. */
export const APPEAL = caseless(/^\W*(?:support (?:our|us|independent|local|the)\b|become a (?:member|supporter|subscriber)|donate\b|make a (?:contribution|donation)|help (?:us|fund|keep)\b|unterstützen sie|jetzt unterstützen|soutenez|faites un don|apoya(?:nos)?\b|haz una donación|sostienici|dona ora)/i, ['support ', 'become a ', 'donate', 'make a ', 'help ', 'unterstützen', 'soutenez', 'faites un don', 'apoya', 'haz una donación', 'sostienici', 'dona ora']);

/** Slideshow furniture: "Back to gallery", "View all 8 photos". */
export const GALLERY_LINK = caseless(/^\W*(?:back to (?:the )?gallery|view all \d+ (?:photos|images|pictures)|see all \d+ (?:photos|images)|(?:zurück zur )?(?:bildergalerie|alle \d+ bilder)|voir les \d+ photos|ver las \d+ fotos|close(?: gallery)?)\b/i, ['gallery', 'view all', 'see all', 'bildergalerie', 'alle ', 'voir les', 'ver las', 'close']);

/** Breadcrumb trail separators. */
export const CRUMB_SEPARATOR = /[›»>→\/]|(?:^|\s)\|(?:\s|$)/g;

/** Words of a page footer, in several languages: copyright and legal pages. */
export const FOOTER_TEXT = caseless(/©|\bcopyright\b|all rights reserved|impressum|mentions légales|aviso legal|note legali|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados/i, ['©', 'copyright', 'all rights reserved', 'impressum', 'mentions légales', 'aviso legal', 'note legali', 'alle rechte', 'tous droits', 'todos los derechos']);

/** Separators of text tool rows: "Email | Print | Subscribe". */
export const TOOL_ROW_SEPARATORS = /[|•·∙⋅\/]/;

/**
 * A class or id token that names a block the article is never inside: comments, related rails, sidebars, share
 * bars, footers. Matched per token and anchored, so layout wrappers such as "content-with-sidebar" stay likely.
 */
export const UNLIKELY_TOKEN = hinted(
  /^(?:[a-z0-9]+[-_])?(?:comments?|comment[-_]?(?:list|area|section|wrap|wrapper|container|thread|block|s)|commentlist|disqus[\w-]*|respond|replies|related[\w-]*|relatedposts|recommend[\w-]*|outbrain[\w-]*|taboola[\w-]*|sidebar|sidebars|side-bar|newsletter[\w-]*|most-?(?:read|popular|viewed)|popular-posts|trending[\w-]*|share[\w-]*|sharing|social[\w-]*|breadcrumbs?|footer|site-footer|cookie[\w-]*|consent[\w-]*)$/,
  ['comment', 'disqus', 'respond', 'replies', 'related', 'recommend', 'outbrain', 'taboola', 'side', 'newsletter', 'most', 'popular', 'trending', 'shar', 'social', 'breadcrumb', 'footer', 'cookie', 'consent'],
);

/** True when any class/id token of the element names a never-article block. */
export function isUnlikely(el: Element): boolean {
  const hint = hintOf(el); // cached: the detectors read the same attributes later
  if (!hint) return false;
  // Most names hold none of the words: then no token can match, and the hint need not be split.
  if (!holdsAny(hint, UNLIKELY_TOKEN.needs)) return false;
  for (const t of hint.split(/\s+/)) if (t && UNLIKELY_TOKEN.test(t)) return true;
  return false;
}

/**
 * Pictures inside a saved article for offline reading (opt-in): each <img src> of the sanitised HTML is fetched
 * and replaced by a data: URL, within a size budget; a picture that is too big, not an image, or fails keeps its
 * link. DOM-free: works on the HTML string, with the fetch passed in (the background's, with the user's consent).
 */

export interface EmbedLimits {
  /** Largest single picture, bytes. */
  perImage: number;
  /** Largest total for one article, bytes. */
  total: number;
}

export const DEFAULT_EMBED_LIMITS: EmbedLimits = { perImage: 600_000, total: 3_000_000 };

export interface EmbedReport {
  html: string;
  embedded: number;
  skipped: number;
  bytes: number;
}

type Fetch = (url: string) => Promise<{ ok: boolean; headers: { get(name: string): string | null }; arrayBuffer(): Promise<ArrayBuffer> }>;

const IMG_SRC = /(<img\b[^>]*?\ssrc=")(https?:\/\/[^"]+)(")/gi;
const IMAGE_TYPE = /^image\/(?:png|jpe?g|gif|webp|avif)$/i;

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Embed the pictures of sanitised article HTML (attribute values are quoted with " by the sanitiser). */
export async function embedImages(html: string, fetchImage: Fetch, limits: EmbedLimits = DEFAULT_EMBED_LIMITS): Promise<EmbedReport> {
  const urls = [...new Set(Array.from(html.matchAll(IMG_SRC), (m) => m[2].replace(/&amp;/g, '&')))];
  const data = new Map<string, string>();
  let bytes = 0;
  let skipped = 0;
  for (const url of urls) {
    try {
      const r = await fetchImage(url);
      const type = (r.headers.get('content-type') ?? '').split(';')[0].trim();
      const declared = Number(r.headers.get('content-length') ?? 0);
      if (!r.ok || !IMAGE_TYPE.test(type) || declared > limits.perImage || bytes + declared > limits.total) {
        skipped++;
        continue;
      }
      const body = new Uint8Array(await r.arrayBuffer());
      if (body.length > limits.perImage || bytes + body.length > limits.total) {
        skipped++;
        continue;
      }
      bytes += body.length;
      data.set(url, `data:${type.toLowerCase()};base64,${base64(body)}`);
    } catch {
      skipped++; // offline, blocked, refused: the picture stays a link
    }
  }
  const out = html.replace(IMG_SRC, (all, pre: string, src: string, post: string) => {
    const d = data.get(src.replace(/&amp;/g, '&'));
    return d ? `${pre}${d}${post}` : all;
  });
  return { html: out, embedded: data.size, skipped, bytes };
}

/**
 * How a news page marks what is not body prose: photo captions and credits, and the agency tag
 * before a story's first word. The figure ranker, the summary and the speaker all need the same
 * answer, so it lives here once.
 */

/** Words that mark a sentence as a photo caption or credit line ("– Ảnh: TTXVN", "Foto: dpa"), anywhere in it. */
export const CAPTION_MARKERS = /(?:^|[\s(–-])(?:ảnh|foto|photo|bild|quelle|nguồn|credit)\s*:|©/iu;

/**
 * A photo credit, alone or at the end of a caption: "© dpa", "… - Ảnh: H.Y.T.", "Ảnh tư liệu:
 * AFP/TTXVN", "(Foto: BMZ)".
 */
export const PHOTO_CREDIT =
  /^©|(?:^|[\s(–-])(?:Ảnh|Nguồn|Foto|Fotos|Bild|Quelle|Photo|Credit|Source)(?:\s+\p{L}+){0,2}\s*:\s*\S[^:!?]{0,60}\)?$|\((?:Ảnh|Foto|Bild|Photo)\b[^()]{0,40}\)$/iu;

/**
 * `PHOTO_CREDIT.test(text)`, without running the pattern on text it cannot match (most sentences):
 * a credit opens with "©", has the ":" after its label, or closes with ")".
 */
export function isPhotoCredit(text: string): boolean {
  return (text.startsWith('©') || text.includes(':') || text.endsWith(')')) && PHOTO_CREDIT.test(text);
}

/**
 * A wire agency or the paper's own tag before the first word: "(Dân trí) - ", "(Chinhphu.vn) – ",
 * "HÀ NỘI (Reuters) - ", "TTO - ". Part of the page, not of what the story says.
 */
const AGENCY_PREFIX = /^(?:[\p{Lu}\s,.]{0,30}\([^()]{2,40}\)|[\p{Lu}\p{N}.]{2,12})\s*[-–—:]\s+(?=\S)/u;

export function withoutAgencyPrefix(text: string): string {
  return text.replace(AGENCY_PREFIX, '');
}

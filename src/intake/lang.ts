// Guess an article's language: the script decides Japanese, Chinese, Korean and Arabic; franc-min decides the rest.
import { franc } from 'franc-min';

/** A BCP 47 tag from what a page declares ("en_US", "de-DE", "fra"), or undefined if it is not one. */
export function canonicalLang(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  try {
    const [canon] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'));
    return canon && canon !== 'und' ? canon : undefined;
  } catch {
    return undefined;
  }
}

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

/**
 * Script first, because trigram models are weakest exactly where the script is decisive: any kana means
 * Japanese; Han without kana means Chinese; Hangul means Korean; Arabic script means Arabic. Latin and
 * Cyrillic text goes to franc-min (trigrams over ~80 languages), mapped from ISO 639-3 to BCP 47 with
 * Intl.getCanonicalLocales. Too little text to tell → undefined.
 */
export function detectLang(text: string): string | undefined {
  const sample = text.slice(0, 4000);
  const letters = count(sample, /\p{L}/gu);
  if (letters < 20) return undefined;
  const kana = count(sample, /[\u3040-\u30ff]/gu);
  const han = count(sample, /\p{Script=Han}/gu);
  const hangul = count(sample, /\p{Script=Hangul}/gu);
  const arabic = count(sample, /\p{Script=Arabic}/gu);
  if (kana >= 5 && kana + han > letters * 0.3) return 'ja';
  if (han > letters * 0.3) return 'zh';
  if (hangul > letters * 0.3) return 'ko';
  if (arabic > letters * 0.3) return 'ar';
  const code = franc(sample, { minLength: 20 });
  return code === 'und' ? undefined : canonicalLang(code);
}

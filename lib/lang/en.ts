import type { Language } from './language';

/** English. */
export const en: Language = {
  code: 'en',
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  monthVariants: [],
  monthAbbreviations: ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'],
  functionWords: `the a an and or but if then than so as at by for from in into of on onto to with without
    about after before over under between through during is are was were be been being has have
    had do does did will would shall should can could may might must it its this that these those
    he she they we you i his her their our your him them us not no also there here which who whom
    whose what when where while how all any each more most other some such only own same too very
    just said says`,
  neverFinal: [
    'mr',
    'mrs',
    'ms',
    'messrs',
    'sen',
    'rep',
    'gov',
    'gen',
    'lt',
    'col',
    'maj',
    'capt',
    'sgt',
    'cmdr',
    'adm',
    'rev',
    'hon',
    'pres',
    'supt',
    'det',
    'mt',
    'ft',
    'vs',
    'approx',
    'dept',
    'est',
  ],
  mayBeFinal: ['etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'bros', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m'],
};

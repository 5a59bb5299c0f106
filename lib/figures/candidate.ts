import type { UnitKind } from './lexicon';

/** A number found in a text, with what it counts. Offsets are into the scanned text. */
export interface Candidate {
  start: number;
  end: number;
  /** Verbatim text from the first digit (or sign, or currency sign) to the end of the unit. */
  text: string;
  value: number;
  unit: string;
  kind: UnitKind;
  /** Written with a magnitude word ("triệu", "Millionen", "billion"). */
  magnitude: boolean;
}

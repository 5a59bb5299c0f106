/** Text the extraction tests build their pages from, in our own words. */

/** One paragraph of Vietnamese government news prose (≈ 200 characters, with figures). */
export const PROSE =
  'Năm 2023, các bộ, ngành, địa phương đã chủ động, quyết tâm tổ chức thực hiện 4.142 nhiệm vụ được giao và ban hành 5.586 văn bản để chỉ đạo, đôn đốc thực hiện các nhiệm vụ cải cách hành chính. ';

/** Eight `<li>` links to a portal's notices: a list of links, not prose. */
export const NOTICE_LINKS = Array.from(
  { length: 8 },
  (_, i) => `<li><a href="/tin-${i}.html">Thông báo số ${i} của Ủy ban nhân dân tỉnh về lịch làm việc</a></li>`,
).join('');

/**
 * Function words: they carry no topic, so the summarizer ignores them as features, and when one
 * is capitalised after a period it starts a sentence ("… 5 p.m. Then …", "… bei 12. Das …").
 * Vietnamese entries are syllables, the unit Vietnamese text is tokenised into.
 */
const STOPWORDS: Record<string, string> = {
  vi: `và của là có được cho các những này đó với trong từ khi đã sẽ đang thì mà để về theo tại một
    cũng như nhưng hay hoặc nếu vì nên do bởi trên dưới ra vào lại đến tới rằng thế nào gì ai đây
    kia ấy nó họ chúng ta tôi mình bị không chưa rất nhiều ít mỗi mọi cả vẫn còn chỉ đều sau trước
    qua giữa bằng nhằm việc sự làm thêm nữa thể cùng hơn nhất lên xuống vừa mới hết tuy nhiên`,
  de: `der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus
    bei bis durch für gegen hat haben hatte hatten ist sind war waren wird werden wurde wurden sein
    seine seiner ihre ihr ihren im in ins mit nach nicht noch nur ob ohne sich so um unter über vom
    von vor wie wir sie er es zu zum zur dass daß diese dieser dieses diesem diesen damit dabei dazu
    doch denn dann da hier man mehr kann können soll sollen muss müssen alle allen sowie bereits
    insbesondere zudem jedoch dies`,
  en: `the a an and or but if then than so as at by for from in into of on onto to with without
    about after before over under between through during is are was were be been being has have
    had do does did will would shall should can could may might must it its this that these those
    he she they we you i his her their our your him them us not no also there here which who whom
    whose what when where while how all any each more most other some such only own same too very
    just said says`,
};

const sets = new Map<string, ReadonlySet<string>>();

export function stopwordsFor(lang: string): ReadonlySet<string> {
  let set = sets.get(lang);
  if (!set) {
    set = new Set((STOPWORDS[lang] ?? '').split(/\s+/).filter(Boolean));
    sets.set(lang, set);
  }
  return set;
}

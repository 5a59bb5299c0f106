import type { Language } from './language';

/** Vietnamese. Months are numbered ("tháng 3"), so no month names. */
export const vi: Language = {
  code: 'vi',
  months: [],
  monthVariants: [],
  monthAbbreviations: [],
  functionWords: `và của là có được cho các những này đó với trong từ khi đã sẽ đang thì mà để về theo tại một
    cũng như nhưng hay hoặc nếu vì nên do bởi trên dưới ra vào lại đến tới rằng thế nào gì ai đây
    kia ấy nó họ chúng ta tôi mình bị không chưa rất nhiều ít mỗi mọi cả vẫn còn chỉ đều sau trước
    qua giữa bằng nhằm việc sự làm thêm nữa thể cùng hơn nhất lên xuống vừa mới hết tuy nhiên`,
  neverFinal: [
    'tp',
    'tx',
    'tt',
    'ts',
    'ths',
    'th.s',
    'pgs',
    'gs',
    'bs',
    'bsck',
    'ks',
    'kts',
    'ncs',
    'ls',
    'nsnd',
    'nsưt',
    'nxb',
  ],
  mayBeFinal: ['v.v'],
};

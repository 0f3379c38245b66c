import { cumulative } from './prng.js'

/** A city the demo retailer serves: tier (一线 … 三线及以下), region, relative customer weight, stores. */
export interface City {
  readonly name: string
  readonly tier: string
  readonly region: string
  readonly code: string
  readonly weight: number
  readonly stores: number
}

// Weights follow the footprint of an East-China-rooted omnichannel grocer (永辉 / 盒马-like): strong in
// 华东 and 西南, present everywhere; tier shares come out near 一线 20%, 新一线 35%, 二线 27%, 三线及以下 18%.
const CITY_ROWS: readonly (readonly [string, string, string, string, number])[] = [
  ['上海', '一线', '华东', 'SH', 60],
  ['北京', '一线', '华北', 'BJ', 50],
  ['广州', '一线', '华南', 'GZ', 35],
  ['深圳', '一线', '华南', 'SZ', 35],
  ['成都', '新一线', '西南', 'CD', 30],
  ['重庆', '新一线', '西南', 'CQ', 30],
  ['杭州', '新一线', '华东', 'HZ', 28],
  ['武汉', '新一线', '华中', 'WH', 22],
  ['西安', '新一线', '西北', 'XA', 16],
  ['苏州', '新一线', '华东', 'SU', 18],
  ['南京', '新一线', '华东', 'NJ', 18],
  ['天津', '新一线', '华北', 'TJ', 14],
  ['长沙', '新一线', '华中', 'CS', 14],
  ['郑州', '新一线', '华中', 'ZZ', 13],
  ['东莞', '新一线', '华南', 'DG', 10],
  ['青岛', '新一线', '华东', 'QD', 10],
  ['沈阳', '新一线', '东北', 'SY', 8],
  ['宁波', '新一线', '华东', 'NB', 10],
  ['昆明', '新一线', '西南', 'KM', 9],
  ['合肥', '二线', '华东', 'HF', 10],
  ['佛山', '二线', '华南', 'FS', 9],
  ['福州', '二线', '华东', 'FZ', 12],
  ['厦门', '二线', '华东', 'XM', 10],
  ['济南', '二线', '华东', 'JN', 8],
  ['无锡', '二线', '华东', 'WX', 8],
  ['大连', '二线', '东北', 'DL', 6],
  ['哈尔滨', '二线', '东北', 'HB', 6],
  ['长春', '二线', '东北', 'CC', 5],
  ['南宁', '二线', '华南', 'NN', 6],
  ['贵阳', '二线', '西南', 'GY', 8],
  ['南昌', '二线', '华中', 'NC', 6],
  ['石家庄', '二线', '华北', 'SJ', 6],
  ['太原', '二线', '华北', 'TY', 5],
  ['温州', '二线', '华东', 'WZ', 6],
  ['泉州', '二线', '华东', 'QZ', 6],
  ['常州', '二线', '华东', 'CZ', 5],
  ['兰州', '二线', '西北', 'LZ', 4],
  ['乌鲁木齐', '二线', '西北', 'WL', 3],
  ['海口', '二线', '华南', 'HK', 3],
  ['扬州', '三线及以下', '华东', 'YZ', 4],
  ['绍兴', '三线及以下', '华东', 'SX', 4],
  ['嘉兴', '三线及以下', '华东', 'JX', 4],
  ['潍坊', '三线及以下', '华东', 'WF', 3],
  ['芜湖', '三线及以下', '华东', 'WU', 3],
  ['洛阳', '三线及以下', '华中', 'LY', 3],
  ['襄阳', '三线及以下', '华中', 'XY', 3],
  ['宜昌', '三线及以下', '华中', 'YC', 3],
  ['赣州', '三线及以下', '华中', 'GA', 3],
  ['桂林', '三线及以下', '华南', 'GL', 2],
  ['汕头', '三线及以下', '华南', 'ST', 3],
  ['湛江', '三线及以下', '华南', 'ZJ', 2],
  ['遵义', '三线及以下', '西南', 'ZY', 3],
  ['绵阳', '三线及以下', '西南', 'MY', 3],
  ['大理', '三线及以下', '西南', 'DA', 2],
  ['保定', '三线及以下', '华北', 'BD', 3],
  ['邯郸', '三线及以下', '华北', 'HD', 2],
  ['吉林', '三线及以下', '东北', 'JL', 2],
  ['银川', '三线及以下', '西北', 'YI', 2],
  ['西宁', '三线及以下', '西北', 'XN', 2],
]

export const CITIES: readonly City[] = CITY_ROWS.map(([name, tier, region, code, weight]) => ({
  name,
  tier,
  region,
  code,
  weight,
  // Bigger cities have more stores; every city has at least two.
  stores: Math.max(2, Math.round(weight / 3)),
}))

export const CITY_TABLE = cumulative(CITIES.map((c) => c.weight))

// The most common surnames, roughly by frequency, with pinyin for e-mail addresses.
const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 7.1], ['李', 'li', 7.0], ['张', 'zhang', 6.7], ['刘', 'liu', 5.4], ['陈', 'chen', 4.6],
  ['杨', 'yang', 3.1], ['黄', 'huang', 2.4], ['赵', 'zhao', 2.3], ['吴', 'wu', 2.0], ['周', 'zhou', 1.9],
  ['徐', 'xu', 1.5], ['孙', 'sun', 1.5], ['马', 'ma', 1.4], ['朱', 'zhu', 1.3], ['胡', 'hu', 1.3],
  ['郭', 'guo', 1.2], ['何', 'he', 1.2], ['林', 'lin', 1.1], ['高', 'gao', 1.1], ['罗', 'luo', 1.0],
  ['郑', 'zheng', 1.0], ['梁', 'liang', 0.9], ['谢', 'xie', 0.8], ['宋', 'song', 0.8], ['唐', 'tang', 0.8],
  ['许', 'xu', 0.7], ['韩', 'han', 0.7], ['冯', 'feng', 0.7], ['邓', 'deng', 0.7], ['曹', 'cao', 0.6],
  ['彭', 'peng', 0.6], ['曾', 'zeng', 0.6], ['肖', 'xiao', 0.6], ['田', 'tian', 0.5], ['董', 'dong', 0.5],
  ['袁', 'yuan', 0.5], ['潘', 'pan', 0.5], ['蒋', 'jiang', 0.5], ['蔡', 'cai', 0.5], ['余', 'yu', 0.5],
  ['杜', 'du', 0.4], ['叶', 'ye', 0.4], ['程', 'cheng', 0.4], ['苏', 'su', 0.4], ['魏', 'wei', 0.4],
  ['吕', 'lv', 0.4], ['丁', 'ding', 0.4], ['任', 'ren', 0.4], ['沈', 'shen', 0.4], ['姚', 'yao', 0.3],
  ['卢', 'lu', 0.3], ['姜', 'jiang', 0.3], ['崔', 'cui', 0.3], ['钟', 'zhong', 0.3], ['谭', 'tan', 0.3],
  ['陆', 'lu', 0.3], ['汪', 'wang', 0.3], ['范', 'fan', 0.3], ['金', 'jin', 0.3], ['石', 'shi', 0.3],
  ['廖', 'liao', 0.3], ['贾', 'jia', 0.3], ['夏', 'xia', 0.3], ['韦', 'wei', 0.2], ['方', 'fang', 0.2],
  ['欧阳', 'ouyang', 0.05], ['司马', 'sima', 0.01], ['上官', 'shangguan', 0.01],
]
export const SURNAME_LIST = SURNAMES.map(([s, p]) => [s, p] as const)
export const SURNAME_TABLE = cumulative(SURNAMES.map((s) => s[2]))

/** Characters for given names; one or two of them make a name. */
export const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞秀玲婷雪慧颖琳欣怡佳悦晨涵雨思诗梦瑶萱妍紫薇晓月倩莉岚璐']
export const GIVEN_MALE = [...'伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波宇浩凯俊帅博轩睿泽然晨阳峰建国志文']
/** Characters that suit either. */
export const GIVEN_SHARED = [...'子一嘉文宁安乐思雨晨欣']

export const EMAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'foxmail.com', 'sina.com']
export const EMAIL_DOMAIN_TABLE = cumulative([40, 25, 8, 6, 8, 8, 5])

/** Mobile number prefixes of the three carriers (移动 / 联通 / 电信). */
export const MOBILE_PREFIXES = [
  '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '178', '182',
  '183', '187', '188', '198', '130', '131', '132', '155', '156', '166', '175', '176', '185', '186', '133',
  '153', '173', '177', '180', '181', '189', '191', '199',
]

/**
 * City tiers of mainland China (城市等级), as commonly published for retail planning: 一线, 新一线, 二线,
 * 三线及以下. Used when a customer record carries a city but no `city_tier` attribute. Cities not listed
 * are "unknown" rather than guessed as tier 3. Names are matched in simplified or traditional script.
 */
export const CITY_TIER_IDS = ['tier1', 'new_tier1', 'tier2', 'tier3_below', 'unknown'] as const
export type CityTier = (typeof CITY_TIER_IDS)[number]

const TIER1 = ['北京', '上海', '广州', '深圳']
const NEW_TIER1 = [
  '成都',
  '重庆',
  '杭州',
  '武汉',
  '西安',
  '苏州',
  '南京',
  '天津',
  '长沙',
  '郑州',
  '东莞',
  '青岛',
  '沈阳',
  '宁波',
  '昆明',
  '合肥',
  '佛山',
]
const TIER2 = [
  '福州',
  '厦门',
  '济南',
  '无锡',
  '大连',
  '哈尔滨',
  '长春',
  '南宁',
  '贵阳',
  '南昌',
  '石家庄',
  '太原',
  '温州',
  '泉州',
  '常州',
  '兰州',
  '乌鲁木齐',
  '海口',
  '金华',
  '嘉兴',
  '南通',
  '徐州',
  '惠州',
  '珠海',
  '中山',
  '台州',
  '烟台',
  '绍兴',
  '呼和浩特',
  '潍坊',
  '保定',
  '扬州',
]
const TIER3_BELOW = [
  '芜湖',
  '洛阳',
  '襄阳',
  '宜昌',
  '赣州',
  '桂林',
  '汕头',
  '湛江',
  '遵义',
  '绵阳',
  '大理',
  '邯郸',
  '吉林',
  '银川',
  '西宁',
  '唐山',
  '临沂',
  '盐城',
  '镇江',
  '湖州',
  '泰州',
  '江门',
  '揭阳',
  '漳州',
  '莆田',
  '九江',
  '株洲',
  '岳阳',
  '衡阳',
  '柳州',
  '拉萨',
  '三亚',
]

// Traditional spellings of the simplified characters these names use, so 廣州 / 廈門 match too.
const TRADITIONAL: Record<string, string> = {
  广: '廣',
  东: '東',
  莞: '莞',
  门: '門',
  宁: '寧',
  阳: '陽',
  沈: '瀋',
  长: '長',
  郑: '鄭',
  苏: '蘇',
  庆: '慶',
  汉: '漢',
  无: '無',
  锡: '錫',
  连: '連',
  尔: '爾',
  滨: '濱',
  贵: '貴',
  昌: '昌',
  庄: '莊',
  兰: '蘭',
  乌: '烏',
  鲁: '魯',
  齐: '齊',
  华: '華',
  兴: '興',
  通: '通',
  徐: '徐',
  惠: '惠',
  珠: '珠',
  台: '臺',
  烟: '煙',
  绍: '紹',
  呼: '呼',
  浩: '浩',
  潍: '濰',
  扬: '揚',
  芜: '蕪',
  湖: '湖',
  襄: '襄',
  赣: '贛',
  汕: '汕',
  头: '頭',
  湛: '湛',
  遵: '遵',
  绵: '綿',
  邯: '邯',
  郸: '鄲',
  银: '銀',
  唐: '唐',
  临: '臨',
  盐: '鹽',
  镇: '鎮',
  泽: '澤',
  泰: '泰',
  揭: '揭',
  漳: '漳',
  莆: '莆',
  九: '九',
  江: '江',
  株: '株',
  岳: '岳',
  衡: '衡',
  柳: '柳',
  萨: '薩',
  亚: '亞',
  厦: '廈',
  济: '濟',
  宾: '賓',
  圳: '圳',
}

function traditional(name: string): string {
  return [...name].map((ch) => TRADITIONAL[ch] ?? ch).join('')
}

const CITY_TIER_MAP = new Map<string, CityTier>()
for (const [tier, cities] of [
  ['tier1', TIER1],
  ['new_tier1', NEW_TIER1],
  ['tier2', TIER2],
  ['tier3_below', TIER3_BELOW],
] as const) {
  for (const city of cities) {
    CITY_TIER_MAP.set(city, tier)
    CITY_TIER_MAP.set(traditional(city), tier)
  }
}

/** The tier names found in data (`attributes.city_tier`) mapped to tier ids. */
const TIER_WORDS: Record<string, CityTier> = {
  一线: 'tier1',
  一線: 'tier1',
  新一线: 'new_tier1',
  新一線: 'new_tier1',
  二线: 'tier2',
  二線: 'tier2',
  三线: 'tier3_below',
  三線: 'tier3_below',
  三线及以下: 'tier3_below',
  三線及以下: 'tier3_below',
  四线: 'tier3_below',
  四線: 'tier3_below',
  五线: 'tier3_below',
  五線: 'tier3_below',
  tier1: 'tier1',
  new_tier1: 'new_tier1',
  tier2: 'tier2',
  tier3: 'tier3_below',
  tier3_below: 'tier3_below',
}

/**
 * The tier of a customer: the stated tier when there is one (a shop knows its market best), else the
 * city looked up in the map (with or without the 市 suffix), else unknown.
 *
 * @example
 * cityTier(null, '上海市') // 'tier1'
 */
export function cityTier(statedTier: string | null | undefined, city: string | null | undefined): CityTier {
  const stated = statedTier
    ? (TIER_WORDS[statedTier.trim().toLowerCase()] ?? TIER_WORDS[statedTier.trim()])
    : undefined
  if (stated) return stated
  if (!city) return 'unknown'
  const name = city.trim().replace(/市$/u, '')
  return CITY_TIER_MAP.get(name) ?? 'unknown'
}

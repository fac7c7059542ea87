/**
 * Demo county modelled on Xiajin (夏津县, Dezhou, Shandong): 2 subdistricts, 18 communities,
 * 171 compounds of the three kinds. Names are realistic but invented; counts follow the brief.
 */
export const COUNTY = { name: '夏津县', code: '371427' };

export const SUBDISTRICTS = [
  {
    name: '银城街道',
    communities: ['府前社区', '中山社区', '新华社区', '城东社区', '文化社区', '青年路社区', '朝阳社区', '南关社区', '银河社区', '香赵庄社区'],
  },
  {
    name: '北城街道',
    communities: ['北关社区', '北城社区', '迎宾社区', '锦绣社区', '恩城社区', '幸福社区', '和平社区', '建设社区'],
  },
];

export const COMPOUND_TOTAL = 171;

export const COMMERCIAL_PREFIXES = [
  '银城', '御景', '锦绣', '阳光', '金色', '翡翠', '龙湖', '碧水', '世纪', '丽景', '恒大', '泰和', '书香', '凤凰', '紫金',
  '盛世', '华府', '明珠', '天泽', '鑫源', '东方', '欧景', '棉乡', '椹园', '德百', '海棠', '清华', '康宁', '君悦', '香榭',
];
export const COMMERCIAL_SUFFIXES = ['花园', '家园', '名苑', '华庭', '嘉园', '首府', '新城', '雅居', '公馆', '佳苑', '府邸', '豪庭'];

export const WORK_UNITS = [
  '县医院', '县人民法院', '县检察院', '供电公司', '粮食局', '棉纺厂', '第一中学', '实验小学', '交通局', '水利局', '税务局',
  '农业银行', '工商银行', '邮政局', '林业局', '公安局', '财政局', '卫健局', '电信公司', '自来水公司', '棉麻公司', '化肥厂',
  '农机厂', '建设局', '民政局', '酒厂', '食品公司', '第二中学', '中医院', '广播电视台', '气象局', '供销社', '商业局', '妇幼保健院',
  '人民银行', '外贸公司', '印刷厂', '运输公司', '面粉厂', '油棉厂', '第三中学', '党校', '档案馆', '文化馆', '新华书店', '农商银行',
  '烟草公司', '市场监管局', '人社局', '审计局', '统计局', '司法局', '住建局', '环保局', '国土局', '技校', '职业中专',
];
export const WORK_UNIT_SUFFIXES = ['家属院', '宿舍', '家属楼'];

export const THREE_NO_NAMES = [
  '东关平房', '西关老宿舍', '南街老楼', '北街小区', '后屯小区', '老城墙根', '文庙后街', '粮站老宿舍', '棉厂北院', '老车站宿舍',
  '东方红小区', '老干部楼', '红旗小区', '前进小区', '跃进楼', '胜利楼', '解放小区', '团结小区', '友谊楼', '光明小区',
  '向阳小区', '新村小区', '老街坊院', '槐树胡同', '柳荫巷', '枣园小区', '桑园楼', '老供销楼', '东风小区', '卫东楼',
];

export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎'.split('');
export const GIVEN = '建国 秀英 桂兰 志强 淑芬 国庆 海燕 文华 振华 丽娟 红梅 春生 明 伟 芳 军 静 磊 洋 勇 艳 杰 娟 涛 敏 超 霞 平 刚 莉 卫东 玉兰 宝华 德胜 凤英 金凤 立新 学军 建华 永强'.split(' ');

/** Deterministic pseudo-random numbers: the same demo county every time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
